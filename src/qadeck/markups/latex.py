r"""LaTeX (``.tex``) as Markdown, line for line.

Sectioning commands become ATX headings (``\chapter`` ``#``, ``\section``
``##`` …, starred or not); ``verbatim``, ``lstlisting`` and ``minted``
environments become fenced code; an ``\item`` of an ``enumerate`` becomes a
numbered item, of another list a bullet (``\item[label]`` a bold label); the exam class's
``\question`` is a numbered item (its text in braces or on the lines below it joined onto its line; in a file
of questions a main document inputs, outside any ``questions`` environment, too), its ``\part`` a bullet, its
``choices`` lettered options closed by an ``Answer:`` line naming the ``\CorrectChoice`` (``Answers:``, the
right ones). An
environment opened on its own line with a text argument
(``\begin{question}{How do I …?}``: how FAQ classes and macros mark an entry)
becomes a bold line holding that argument. A card environment (the flashcards class's
``\begin{flashcard}[Definition]{Field}``, kartei's ``karte``) becomes a ``Q:`` line holding its front, its
body the back; an asking environment (``exercise``, ``question``, ``problem``) answered by the ``solution``,
``answer`` or ``proof`` after it or inside it becomes ``Q:`` and ``A:`` lines, the ``prefixed`` layout's marks,
which take a front that does not ask; in such a file one with no solution is an unanswered ``Q:`` line and
text outside them is left blank. A file of the glossaries package's entries (``\newglossaryentry``,
``\newacronym``, glossaries-extra's ``\glsxtrnewsymbol`` …, no document of its own) is a glossary: each entry
a bold term and its description. Display-math environments become ``$$`` blocks (``align`` and the like kept
inside), accents their letters. ``\input`` and ``\include`` are never followed: a file names no other file
qadeck reads. The preamble, comments, labels and
other bookkeeping are left blank. Inline markup becomes Markdown's:
``\textbf``/``{\bfseries …}`` bold, ``\emph``/``\textit`` emphasis,
``\texttt`` code, ``\href`` and ``\url`` links, ``\\`` a line end, escaped
characters themselves; math stays as it is written, and any other command
leaves its argument.
"""

from __future__ import annotations

import re
import unicodedata

from . import asking
from .blocks import item_marker

_HEADING = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5}
_SECTION = re.compile(r"^\s*\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\{(.*)\}\s*$")
_BEGIN = re.compile(r"^\s*\\begin\{(\w+\*?)\}(?:\[[^\]]*\])?(?:\{(.*)\})?\s*$")
_END = re.compile(r"^\s*\\end\{(\w+\*?)\}\s*$")
_ITEM = re.compile(r"^\s*\\item(?:\[([^\]]*)\])?\s*(.*)$")
#: The exam class's entries: a question (points in brackets, a title in braces), a part of one.
_QUESTION = re.compile(r"^\s*\\(?:(?:question|bonusquestion|titledquestion\{[^}]*\})(?:\[[^\]]*\])?(?![A-Za-z])\s*(.*)"
                       r"|(?:part|subpart|subsubpart)(?:\[[^\]]*\])?(?![A-Za-z])\s*(.*))$")
#: The exam class's options, the right one marked.
#: What ends a question's text: a command opening a line (an environment, another question, an option).
_QUESTION_ENDS = re.compile(r"^\s*\\(?:begin|end|question|titledquestion|bonusquestion|part|subpart|subsubpart|choice|"
                            r"CorrectChoice|item|section|subsection)\b|^\s*\\\[")
#: An exam-class question whose text is its argument in braces.
_BRACED_QUESTION = re.compile(r"(?m)^([ \t]*\\(?:question|bonusquestion|titledquestion\{[^}\n]*\})(?:\[[^\]\n]*\])?)[ \t]*\{")
_CHOICE = re.compile(r"^\s*\\(choice|CorrectChoice)\b\s*(.*)$")
_CHOICES = frozenset({"choices", "oneparchoices", "checkboxes", "oneparcheckboxes"})
_CODE = frozenset({"verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "alltt"})
#: Display-math environments: ``$$`` around their lines, the environment kept inside where it aligns or numbers
#: (MathJax reads ``align`` and the rest inside display math).
_MATH = frozenset({"equation", "equation*", "displaymath", "math", "align", "align*", "gather", "gather*", "multline",
                   "multline*", "eqnarray", "eqnarray*", "flalign", "flalign*", "alignat", "alignat*"})
_PLAIN_MATH = frozenset({"equation", "equation*", "displaymath", "math"})
_LABEL = re.compile(r"\\label\{[^{}]*\}")
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
#: Environments that are one card each, the front their argument and the back their body: the flashcards class's
#: ``\begin{flashcard}[Definition]{Field}`` and kartei's ``\begin{karte}{Frage}``.
_CARDS = frozenset({"flashcard", "karte"})
#: Environments that ask (exsheets' and xsim's exercises and questions, a problem set's problems) and those that
#: answer the one they sit in or follow: a pair is a card, an asking one alone is left as it was.
_ASKING = frozenset({"exercise", "question", "problem", "exercice", "aufgabe"})
_ANSWERING = frozenset({"solution", "answer", "proof", "loesung", "antwort"})
#: Does the text hold any of them? (One search, before any work on a file that does not.)
_EXPLICIT = re.compile(r"\\begin\{(?:flashcard|karte|exercise|question|problem|exercice|aufgabe)\*?\}")
_ENVIRONMENT = re.compile(r"\\(begin|end)\{(\w+)\*?\}")
#: Declarations that only set the look of what follows (size, spacing, alignment): no text of their own.
_DECLARATION = re.compile(
    r"\\(?:vfill|hfill|centering|center|raggedright|raggedleft|noindent|par|newline|Huge|huge|LARGE|Large|large|"
    r"normalsize|small|footnotesize|scriptsize|tiny|bigskip|medskip|smallskip|bfseries|mdseries|itshape|ttfamily|"
    r"normalfont|sffamily|rmfamily|hline|clearpage|newpage|hrulefill|dotfill|enspace|quad|qquad)(?![A-Za-z])[ \t]?"
)
_INLINE_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{\w+\*?\}")
#: An accent on a letter (``\\"a``, ``\\'{e}``, ``\\c{c}``) and the combining mark it is; never over a line break,
#: which joining would take a line away from the file's.
_ACCENT = re.compile(r"\\([\"'`^~=.])[ \t]*(?:\{([A-Za-z])\}|([A-Za-z]))|\\([cvuHk])\{([A-Za-z])\}|\\ss(?:\{\}|(?![A-Za-z]) ?)")
_COMBINING = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
              "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328"}
_ITEM_MARK = re.compile(r"\\item\b(?:\[[^\]]*\])?")
_INLINE = re.compile(r"\\([A-Za-z]+)\*?(?:\[[^\]]*\])?\{([^{}]*)\}(?:\{([^{}]*)\})?")
_GROUP = re.compile(r"\{\\(bfseries|bf|itshape|it|em|ttfamily|tt|sffamily|scshape|small|large|Large|LARGE)\s+([^{}]*)\}")
_BOLD = frozenset({"textbf", "bfseries", "bf", "mathbf"})
_EMPHASIS = frozenset({"textit", "emph", "textsl", "itshape", "it", "em"})
#: Commands whose argument is no text a reader sees: a label, a reference to one (its key), a citation's key,
#: an index entry, a picture's file.
_UNSEEN = frozenset({"label", "ref", "eqref", "pageref", "autoref", "cref", "Cref", "cite", "citep", "citet", "index",
                     "includegraphics", "vspace", "hspace"})
_CODE_INLINE = frozenset({"texttt", "ttfamily", "tt", "verb", "lstinline", "code"})
_ESCAPES = (("\\&", "&"), ("\\_", "_"), ("\\%", "%"), ("\\$", "\x03"), ("\\#", "#"), ("\\{", "{"), ("\\}", "}"),
            ("``", '"'), ("''", '"'), ("\\ldots", "..."), ("\\dots", "..."), ("\\LaTeX", "LaTeX"), ("\\TeX", "TeX"),
            ("\\today", ""))


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    start = next((i + 1 for i, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), 0)
    out = [""] * start  # the preamble is set-up, not text
    if "\\question" in text or "\\titledquestion" in text:
        lines = _one_line_questions(lines, start)
    marked, held = _card_lines([_COMMENT.sub("", line) for line in lines], start) if _EXPLICIT.search(text) else ({}, set())
    if start == 0 and _GLOSSARY_ENTRY.search(text):  # a file of the glossaries package's entries
        terms, defined = _glossary_lines([_COMMENT.sub("", line) for line in lines])
        marked, held = {**marked, **terms}, held | defined
    code = ""
    lists: list[list[int]] = []  # each open list: [next number] when numbered, [] for bullets
    options: list[str] | None = None  # the letters of an open exam-class choices list
    right: list[str] = []  # those of its \CorrectChoice
    math = ""  # an open display-math environment
    for row, line in enumerate(lines[start:], start):
        if row in marked and not code and not math:
            out.append(marked[row])
            continue
        if held and row not in held and not _SECTION.match(line):
            out.append("")  # a file of marked cards: what no card holds is no card's text (nor the last one's)
            continue
        if math:
            line = _LABEL.sub("", _COMMENT.sub("", line))
            ended = _END.match(line)
            if ended and ended.group(1) == math:
                out.append("$$" if math in _PLAIN_MATH else f"\\end{{{math}}}$$")
                math = ""
            else:
                out.append(line)
            continue
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
            elif name in _MATH:
                math = name  # display math, delimited as the renderer and MathJax read it
                out.append("$$" if name in _PLAIN_MATH else f"$$\\begin{{{name}}}")
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
            out.append(("Answer: " if len(right) == 1 else "Answers: ") + ", ".join(right) if closes and right else "")
            if closes:
                options = None
        elif options is not None and (choice := _CHOICE.match(line)) is not None:
            letter = chr(ord("A") + len(options) % 26)
            options.append(letter)
            if choice.group(1) == "CorrectChoice":
                right.append(letter)
            out.append(f"{letter}. {choice.group(2)}")
        elif (asked := _QUESTION.match(line)) is not None and (lists or asked.group(1) is not None):
            if not lists:  # a file of questions a main document inputs into its questions environment
                lists.append([1])
            out.append(item_marker(lists) + (asked.group(1) if asked.group(1) is not None else asked.group(2)))
        elif (item := _ITEM.match(line)) is not None:
            label, rest = item.group(1), item.group(2)
            marker = item_marker(lists)
            out.append(marker + (f"**{label}** " if label else "") + rest)
        elif _BOOKKEEPING.match(line) or line.strip() == "\\end{document}":
            out.append("")
        else:
            out.append(line)
    return _inline("\n".join(out))


#: An entry of the glossaries package (or glossaries-extra's abbreviations): its key in braces follows.
_GLOSSARY_ENTRY = re.compile(r"\\(newglossaryentry|longnewglossaryentry|newacronym|newabbreviation|glsxtrnewsymbol)\b\*?")
#: A reference to a glossary entry by its key: ``\gls{api}``, ``\Glspl{node}``, ``\acrshort{dx}``, ``\acrlong{dx}``.
_REFERENCE = re.compile(r"\\(gls|Gls|GLS|acr)(pl|short|long|full|text|name|)\{([^{}]*)\}")
#: A field of an entry's key=value list, its value braced or bare.
_FIELD = re.compile(r"\s*([A-Za-z]+)\s*=\s*")


def _glossary_lines(lines: list[str]) -> tuple[dict[int, str], set[int]]:
    """The lines the glossaries package's entries become: ``**term**: description`` on the line that opens one
    (``\\newglossaryentry{key}{name=…, description=…}``; ``\\longnewglossaryentry{key}{name=…}{description}``;
    ``\\newacronym{key}{short}{long}``, ``\\newabbreviation`` alike: the short form on the front), the rest of it
    blank; and the lines the entries hold. A glossary file is a list of terms, one card each."""
    placed = asking.Lines(lines)
    text = placed.text
    entries: list[tuple[int, int, str, str, str]] = []  # first and last line, key, term, description
    for found in _GLOSSARY_ENTRY.finditer(text):
        kind = found.group(1)
        options, at = _options(text, found.end())
        acronym = kind in ("newacronym", "newabbreviation")
        arguments, end = _braced(text, at, 3 if acronym or kind == "longnewglossaryentry" else 2)
        if len(arguments) < 2:
            continue
        if acronym:
            term, meaning = arguments[1], arguments[2] if len(arguments) > 2 else ""
        elif kind == "glsxtrnewsymbol":  # a symbol: its description among the options
            term, meaning = arguments[1], _fields(options).get("description", "")
        else:
            fields = _fields(arguments[1])
            term = fields.get("name") or fields.get("text") or arguments[0]
            meaning = arguments[2] if len(arguments) > 2 else fields.get("description", "")
        entries.append((placed.row(found.start()), placed.row(max(end - 1, found.start())), arguments[0].strip(),
                        term, meaning))
    # An entry's text names others by key (\gls{api}, \acrshort{dx}): each shows the term it names.
    shown = {key: (term, meaning) for _first, _last, key, term, meaning in entries}

    def reference(found: re.Match[str]) -> str:
        term, meaning = shown.get(found.group(3).strip(), (found.group(3), ""))
        if found.group(2) == "long" and meaning:
            return meaning
        if found.group(2) == "full" and meaning:
            return f"{meaning} ({term})"
        term = term + "s" if found.group(2) == "pl" else term
        return term[:1].upper() + term[1:] if found.group(1)[0].isupper() else term

    marked: dict[int, str] = {}
    held: set[int] = set()
    for first, last, _key, term, meaning in entries:
        term, meaning = (" ".join(_REFERENCE.sub(reference, words).split()) for words in (term, meaning))
        if not term or not meaning:
            continue
        marked.update(dict.fromkeys(range(first, last + 1), ""))
        marked[first] = f"**{term}**: {meaning}"
        held.update(range(first, last + 1))
    return marked, held


def _options(text: str, at: int) -> tuple[str, int]:
    """The optional argument in brackets at ``at`` (blanks before it skipped; a bracket inside braces, as in
    ``[see={[Glossary:]{key}}]``, is the value's), and where it ends; ("", ``at``) when there is none."""
    start = at
    while start < len(text) and text[start] in " \t\n":
        start += 1
    close = _outside_braces(text, start + 1, "]") if text[start:start + 1] == "[" else -1
    return ("", at) if close < 0 else (text[start + 1:close], close + 1)


def _braced(text: str, at: int, most: int) -> tuple[list[str], int]:
    """Up to ``most`` arguments in braces from ``at`` (blanks between them skipped) and where they end."""
    arguments: list[str] = []
    while len(arguments) < most:
        while at < len(text) and text[at] in " \t\n":
            at += 1
        if at >= len(text) or text[at] != "{":
            break
        close = _closing(text, at)
        if close < 0:
            break
        arguments.append(text[at + 1:close])
        at = close + 1
    return arguments, at


def _closing(text: str, at: int) -> int:
    """Where the brace opened at ``at`` closes (-1 when it never does); escaped braces do not count."""
    depth = 0
    for index in range(at, len(text)):
        char = text[index]
        if char == "{" and text[index - 1:index] != "\\":
            depth += 1
        elif char == "}" and text[index - 1:index] != "\\":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _fields(body: str) -> dict[str, str]:
    """An entry's ``key=value`` list: each value without the braces around it."""
    fields: dict[str, str] = {}
    at = 0
    while at < len(body):
        found = _FIELD.match(body, at)
        if not found:
            comma = body.find(",", at)
            if comma < 0:
                break
            at = comma + 1
            continue
        at = found.end()
        if body[at:at + 1] == "{":
            close = _closing(body, at)
            if close < 0:
                break
            value, at = body[at + 1:close], close + 1
        else:
            comma = _outside_braces(body, at, ",")
            comma = len(body) if comma < 0 else comma
            value, at = body[at:comma], comma
        fields.setdefault(found.group(1).lower(), value.strip())
        at = body.find(",", at) + 1 if "," in body[at:] else len(body)
    return fields


def _outside_braces(text: str, at: int, wanted: str) -> int:
    """Where the first ``wanted`` character outside braces from ``at`` is (-1 when there is none)."""
    depth = 0
    for index in range(at, len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == wanted and depth <= 0:
            return index
    return -1


def _one_line_questions(lines: list[str], start: int) -> list[str]:
    """The lines with each exam-class question on one line: its text as its argument (``\\question{Why …}``,
    over several lines or one), or on the lines below the command up to a blank line or the next command,
    joined on the command's line (``\\question Why …``), the lines it ran over blank."""
    text = "\n".join(_COMMENT.sub("", line) for line in lines)
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[:start])
    for found in _BRACED_QUESTION.finditer(text, offset):
        brace = found.end() - 1
        closing = asking.group_end(text, brace, min(len(text), brace + asking.ARGUMENT_LIMIT))
        if closing is None:
            continue
        first = text.count("\n", 0, found.start())
        last = first + text.count("\n", found.start(), closing)
        rest = text[closing : text.find("\n", closing) if "\n" in text[closing:] else len(text)]
        lines[first] = f"{found.group(1)} {' '.join(text[brace + 1 : closing - 1].split())} {rest.strip()}".rstrip()
        for row in range(first + 1, last + 1):
            lines[row] = ""
    for row in range(start, len(lines)):  # a question's text over the lines below its command: one line
        if _QUESTION.match(lines[row]) is None:
            continue
        below = row + 1
        while below < len(lines) and lines[below].strip() and not _QUESTION_ENDS.match(lines[below]):
            below += 1
        if below > row + 1:
            lines[row] = " ".join([lines[row].rstrip(), *(line.strip() for line in lines[row + 1 : below])])
            lines[row + 1 : below] = [""] * (below - row - 1)
    return lines


def _card_lines(lines: list[str], start: int) -> tuple[dict[int, str], set[int]]:
    """The lines (by index) that card environments and questions answered by their solutions become: ``Q:
    front`` on the line that opens a card, the rest of it the back (the ``prefixed`` layout's marks, which take a
    front that does not ask), and ``Q:``/``A:`` lines (see :mod:`.asking`). Lines an argument ran on to are
    blank, so every line keeps its place. With them, the lines the cards and questions hold (none when there
    are no cards)."""
    placed = asking.Lines(lines)
    marked: dict[int, str] = {}
    blocks = _blocks(placed.text, placed.starts[start])
    held: set[int] = set()
    for block in blocks:
        if block.name in _CARDS and _mark_card(placed, block, marked):
            held.update(range(placed.row(block.begin), placed.row(block.end) + 1))
    return marked, held | asking.pair(placed, blocks, _ASKING, _ANSWERING, _quiet, _plain, marked)


def _plain(text: str) -> str:
    """A question's text without its list items' marks and the environments inside it."""
    return _ITEM_MARK.sub(" ", _INLINE_ENVIRONMENT.sub(" ", text))


def _blocks(text: str, start: int) -> list[asking.Block]:
    """The card, asking and answering environments from ``start`` on, in order, each ``\\begin`` matched to its
    ``\\end`` (nested ones of the same name too); none inside verbatim text."""
    spans: list[asking.Block] = []
    opened: dict[str, list[re.Match[str]]] = {}
    code = ""
    for found in _ENVIRONMENT.finditer(text, start):
        kind, name = found.group(1), found.group(2)
        if code:
            code = "" if kind == "end" and name == code else code
            continue
        if name in _CODE:
            code = name if kind == "begin" else ""
        elif name in _CARDS or name in _ASKING or name in _ANSWERING:
            if kind == "begin":
                opened.setdefault(name, []).append(found)
            elif opened.get(name):
                begun = opened[name].pop()
                spans.append(asking.Block(name, begun.start(), begun.end(), found.start(), found.end()))
    return sorted(spans, key=lambda span: span.begin)


def _mark_card(placed: asking.Lines, block: asking.Block, marked: dict[int, str]) -> bool:
    groups, after = asking.arguments(placed.text, block.opened, block.end)
    front = next((" ".join(value.split()) for bracket, value in groups if bracket == "{"), "")
    first = placed.row(block.begin)
    if not front or first in marked:
        return False
    last = placed.row(after)
    rest = placed.text[after : min(placed.line_end(last), block.end)].strip()
    marked[first] = f"Q: {front}"
    for between in range(first + 1, last + 1):
        marked[between] = ""
    if rest and last == first:
        marked[first] += f" | A: {rest}"  # a back on the front's line: the prefixed layout's separator
    elif rest:
        marked[last] = rest
    return True


def _quiet(between: str) -> bool:
    """Is the text between a question and a solution only blank lines, bookkeeping (``\\vspace``, …) and
    whole environments (a remark, a hint), none of them asking?"""
    if len(between) > 4 * asking.ARGUMENT_LIMIT or _EXPLICIT.search(between):
        return False
    depth = 0
    for line in between.split("\n"):
        stripped = line.strip()
        if not depth and stripped and not stripped.startswith("\\begin{") and not _BOOKKEEPING.match(line) \
                and not _DECLARATION.fullmatch(stripped):
            return False
        depth = max(0, depth + stripped.count("\\begin{") - stripped.count("\\end{"))
    return not depth



#: What inline markup leaves alone: verbatim blocks (now fenced) and math, as the renderer reads it.
_KEPT = re.compile(r"^```\n.*?^```$|\$\$.*?\$\$|(?<!\\)\\\[.*?\\\]|(?<!\\)\\\(.*?\\\)|(?<!\\)\$[^$\n]+?(?<!\\)\$",
                   re.DOTALL | re.MULTILINE)


def _inline(text: str) -> str:
    maths: list[str] = []

    def keep(found: re.Match[str]) -> str:
        maths.append(found.group(0))
        return f"\x04{len(maths) - 1}\x04"

    text = _KEPT.sub(keep, text)
    for written, meant in _ESCAPES:
        text = text.replace(written, meant)
    text = _ACCENT.sub(_accented, text)
    text = re.sub(r"\\\\(?:\[[^\]]*\])?", "", text)  # a forced line end: the line ends anyway
    text = re.sub(r"(?<!\\)~", " ", text)
    text = _INLINE_ENVIRONMENT.sub("", text)  # an environment opened or closed inside a line: no text
    while True:
        replaced = _GROUP.sub(lambda m: _one_line(_styled(m.group(1), m.group(2))), text)
        replaced = _INLINE.sub(_command, replaced)
        if replaced == text:
            break
        text = replaced
    text = _DECLARATION.sub("", text)
    text = re.sub("\x04(\\d+)\x04", lambda m: maths[int(m.group(1))], text)
    return text.replace("\x03", "\\$")


def _accented(found: re.Match[str]) -> str:
    if found.group(0).startswith("\\ss"):
        return "\u00df"
    accent, letter = (found.group(1), found.group(2) or found.group(3)) if found.group(1) else found.group(4, 5)
    return unicodedata.normalize("NFC", letter + _COMBINING[accent])


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
    if name in _UNSEEN:
        return ""
    styled = _styled(name, argument)
    if styled is not argument or name in _BOLD | _EMPHASIS | _CODE_INLINE:
        return styled + (second or "")
    return argument + (f" {second}" if second is not None else "")
