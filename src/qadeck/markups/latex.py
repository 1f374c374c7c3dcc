r"""LaTeX (``.tex``) as Markdown, line for line.

Sectioning commands become ATX headings (``\chapter`` ``#``, ``\section``
``##`` …, starred or not); ``verbatim``, ``lstlisting`` and ``minted``
environments become fenced code; an ``\item`` of an ``enumerate`` becomes a
numbered item, of another list a bullet (``\item[label]`` a bold label); the exam class's
``\question`` is a numbered item, its ``\part`` a bullet, its ``choices`` lettered options
closed by an ``Answer:`` line naming the ``\CorrectChoice``. An
environment opened on its own line with a text argument
(``\begin{question}{How do I …?}``: how FAQ classes and macros mark an entry)
becomes a bold line holding that argument. The preamble, comments, labels and
other bookkeeping are left blank. Inline markup becomes Markdown's:
``\textbf``/``{\bfseries …}`` bold, ``\emph``/``\textit`` emphasis,
``\texttt`` code, ``\href`` and ``\url`` links, ``\\`` a line end, escaped
characters themselves; math stays as it is written, and any other command
leaves its argument.
"""

from __future__ import annotations

import re

from .blocks import item_marker

_HEADING = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5}
_SECTION = re.compile(r"^\s*\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\{(.*)\}\s*$")
_BEGIN = re.compile(r"^\s*\\begin\{(\w+\*?)\}(?:\[[^\]]*\])?(?:\{(.*)\})?\s*$")
_END = re.compile(r"^\s*\\end\{(\w+\*?)\}\s*$")
_ITEM = re.compile(r"^\s*\\item(?:\[([^\]]*)\])?\s*(.*)$")
#: The exam class's entries: a question (points in brackets, a title in braces), a part of one.
_QUESTION = re.compile(r"^\s*\\(?:question|bonusquestion|titledquestion\{[^}]*\}|part|subpart|subsubpart)(?:\[[^\]]*\])?\s*(.*)$")
#: The exam class's options, the right one marked.
_CHOICE = re.compile(r"^\s*\\(choice|CorrectChoice)\b\s*(.*)$")
_CHOICES = frozenset({"choices", "oneparchoices", "checkboxes", "oneparcheckboxes"})
_CODE = frozenset({"verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "alltt"})
_LISTS = frozenset({"itemize", "enumerate", "description", "compactitem", "compactenum", "questions", "parts", "subparts"})
#: Environments whose begin and end lines are layout only (their text stays).
_SILENT = frozenset({"document", "center", "flushleft", "flushright", "quote", "quotation", "minipage", "small",
                     "footnotesize", "abstract", "figure", "table", "tabular", "multicols", "spacing", "onehalfspace"})
_BOOKKEEPING = re.compile(
    r"^\s*\\(?:documentclass|usepackage|maketitle|tableofcontents|label|newcommand|renewcommand|"
    r"newenvironment|renewenvironment|setlength|setcounter|input|include|bibliography|bibliographystyle|"
    r"newpage|clearpage|vspace|hspace|noindent|pagestyle|thispagestyle|hypersetup|title|author|date|"
    r"titleformat|titlespacing|setstretch|geometry|centering|medskip|smallskip|bigskip|linebreak|pagebreak)\b"
)
_COMMENT = re.compile(r"(?<!\\)%.*$")
_INLINE = re.compile(r"\\([A-Za-z]+)\*?(?:\[[^\]]*\])?\{([^{}]*)\}(?:\{([^{}]*)\})?")
_GROUP = re.compile(r"\{\\(bfseries|bf|itshape|it|em|ttfamily|tt|sffamily|scshape|small|large|Large|LARGE)\s+([^{}]*)\}")
_BOLD = frozenset({"textbf", "bfseries", "bf", "mathbf"})
_EMPHASIS = frozenset({"textit", "emph", "textsl", "itshape", "it", "em"})
_CODE_INLINE = frozenset({"texttt", "ttfamily", "tt", "verb", "lstinline", "code"})
_ESCAPES = (("\\&", "&"), ("\\_", "_"), ("\\%", "%"), ("\\$", "\x03"), ("\\#", "#"), ("\\{", "{"), ("\\}", "}"),
            ("``", '"'), ("''", '"'), ("\\ldots", "..."), ("\\dots", "..."), ("\\LaTeX", "LaTeX"), ("\\TeX", "TeX"),
            ("\\today", ""))


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    start = next((i + 1 for i, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), 0)
    out = [""] * start  # the preamble is set-up, not text
    code = ""
    lists: list[list[int]] = []  # each open list: [next number] when numbered, [] for bullets
    options: list[str] | None = None  # the letters of an open exam-class choices list
    right: list[str] = []  # those of its \CorrectChoice
    for line in lines[start:]:
        if code:
            ended = _END.match(line)
            if ended and ended.group(1) == code:
                out.append("```")
                code = ""
            else:
                out.append(line)
            continue
        line = _COMMENT.sub("", line)
        if (section := _SECTION.match(line)) is not None:
            out.append("#" * _HEADING[section.group(1)] + " " + section.group(2))
        elif (begin := _BEGIN.match(line)) is not None:
            name, argument = begin.group(1), begin.group(2)
            if name in _CODE:
                code = name
                out.append("```")
            elif name in _LISTS:
                lists.append([1] if name in ("enumerate", "compactenum", "questions") else [])
                out.append("")
            elif name in _CHOICES:
                options, right = [], []
                out.append("")
            elif argument and name not in _SILENT and re.search(r"[^\W\d_]", argument):
                out.append(f"**{argument}**")  # an entry's title as the environment's argument
            else:
                out.append("")
        elif (ended := _END.match(line)) is not None:
            if ended.group(1) in _LISTS and lists:
                lists.pop()
            closes = ended.group(1) in _CHOICES and options is not None
            out.append(f"Answer: {right[0]}" if closes and len(right) == 1 else "")
            if closes:
                options = None
        elif options is not None and (choice := _CHOICE.match(line)) is not None:
            letter = chr(ord("A") + len(options) % 26)
            options.append(letter)
            if choice.group(1) == "CorrectChoice":
                right.append(letter)
            out.append(f"{letter}. {choice.group(2)}")
        elif lists and (asked := _QUESTION.match(line)) is not None:
            out.append(item_marker(lists) + asked.group(1))
        elif (item := _ITEM.match(line)) is not None:
            label, rest = item.group(1), item.group(2)
            marker = item_marker(lists)
            out.append(marker + (f"**{label}** " if label else "") + rest)
        elif _BOOKKEEPING.match(line) or line.strip() == "\\end{document}":
            out.append("")
        else:
            out.append(line)
    return _inline("\n".join(out))


#: What inline markup leaves alone: verbatim blocks (now fenced) and math, as the renderer reads it.
_KEPT = re.compile(r"^```\n.*?^```$|\$\$.*?\$\$|(?<!\\)\$[^$\n]+?(?<!\\)\$", re.DOTALL | re.MULTILINE)


def _inline(text: str) -> str:
    maths: list[str] = []

    def keep(found: re.Match[str]) -> str:
        maths.append(found.group(0))
        return f"\x04{len(maths) - 1}\x04"

    text = _KEPT.sub(keep, text)
    for written, meant in _ESCAPES:
        text = text.replace(written, meant)
    text = re.sub(r"\\\\(?:\[[^\]]*\])?", "", text)  # a forced line end: the line ends anyway
    text = re.sub(r"(?<!\\)~", " ", text)
    while True:
        replaced = _GROUP.sub(lambda m: _one_line(_styled(m.group(1), m.group(2))), text)
        replaced = _INLINE.sub(_command, replaced)
        if replaced == text:
            break
        text = replaced
    text = re.sub("\x04(\\d+)\x04", lambda m: maths[int(m.group(1))], text)
    return text.replace("\x03", "\\$")


def _one_line(styled: str) -> str:
    """A styled span over several lines as one line, the line ends it held moved after it (no line lost)."""
    breaks = styled.count("\n")
    return " ".join(styled.split()) + "\n" * breaks if breaks else styled


def _styled(name: str, argument: str) -> str:
    if not argument.strip():
        return argument
    if name in _BOLD:
        return f"**{argument.strip()}**"
    if name in _EMPHASIS:
        return f"*{argument.strip()}*"
    if name in _CODE_INLINE:
        return f"`{argument.strip()}`"
    return argument


def _command(found: re.Match[str]) -> str:
    name, argument, second = found.group(1), found.group(2), found.group(3)
    if name == "href":
        return f"[{second}]({argument})" if second is not None else argument
    if name == "url":
        return f"<{argument}>"
    styled = _styled(name, argument)
    if styled is not argument or name in _BOLD | _EMPHASIS | _CODE_INLINE:
        return styled + (second or "")
    return argument + (f" {second}" if second is not None else "")
