r"""R/exams exercises (``.Rmd`` and Sweave ``.Rnw``) as one card each, in the ``labelled`` layout's headings.

R/exams keeps one exercise a file, in R Markdown::

    Question                        Solution                        Meta-information
    ========                        ========                        ================
    Which city is the capital?      Bern hosts the government.      extype: schoice
                                                                    exsolution: 010
    Answerlist                      Answerlist
    ----------                      ----------
    * Basel                         * False
    * Bern                          * True
    * Zurich                        * False

(ATX headings, ``# Question``, too) or in LaTeX, ``\begin{question}`` with an ``answerlist`` of ``\item`` s, a
``solution`` environment and ``%% \exsolution{010}`` lines (the ``%%`` left out by some authors). The
card's front is the question over its options, lettered as every multiple-choice card is
(:func:`qadeck.parsers.options.options_card`); the back names the options ``exsolution``'s mask marks,
or its number or text (``extype: num``, ``string``), the solution's explanation under it, and the solution's
answer list where it says more than "True" and "False". A ``cloze`` exercise's parts are its answer list's
items, a choice part taking as many as its mask has digits; each part's answer on the back.

The R code an exercise holds (knitr chunks, ````{r …}```` and the other engines'; Sweave's ``<<>>=`` … ``@``)
is the author's generator of numbers and options: it is left out, unless its chunk asks to show itself
(``echo = TRUE``), as code the question shows. qadeck runs no R: an inline expression whose value the
exercise prints (`` `r mu` ``, ``\Sexpr{mu}``) is shown as it is written, `` `r mu` ``, and an ``exsolution``
that R computes, or options a chunk writes, name no right option: such a card's back is its explanation.
An exercise with no question text (R writes it all) or nothing to answer it with gives no card.
An ``.Rnw`` file that holds no exercise is a Sweave document: its LaTeX is read as ``.tex`` is, the code left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parsers.options import OPTION_LETTERS, options_card
from . import latex
from .data import Placed

#: What the start of an ``.Rnw`` exercise holds (a Sweave report none): see :data:`qadeck.markups.EXPORT_MARKS`.
RNW_MARK = b"\\begin{question}"
#: The sections of an R Markdown exercise: a setext heading (``=`` or ``-`` under it) or an ATX one.
_RMD_SECTION = re.compile(
    r"^(?:#{1,2}[ \t]+)?(question|questionlist|answerlist|solution|solutionlist|meta-?information)[ \t]*#*[ \t]*$",
    re.IGNORECASE)
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})[ \t]*$")
#: A knitr chunk's opening fence (```` ```{r name, echo = FALSE} ````): any engine's.
_CHUNK = re.compile(r"^[ \t]*(`{3,})[ \t]*\{([^}]*)\}")
#: A Sweave chunk: ``<<options>>=`` to ``@``.
_RNW_CHUNK = re.compile(r"^[ \t]*<<(.*)>>=[ \t]*$")
_RNW_CHUNK_END = re.compile(r"^[ \t]*@[ \t]*$")
#: Where a chunk was left out of an R Markdown section's lines, while the section is read.
_HIDDEN = "\x00"
#: Lines that show nothing: blank, Pandoc's line break alone (``\``), an HTML break, a chunk left out (last).
_EMPTY = ("", "\\", "<br/>", "<br>", _HIDDEN)
#: Chunk options that show the code (``echo = TRUE``): the question shows it, so the card does.
_SHOWN = re.compile(r"\becho[ \t]*=[ \t]*(?:TRUE|T)\b")
#: An item of an R Markdown answer list.
_ITEM = re.compile(r"^[ \t]{0,3}[*+-](?:[ \t]+(.*))?$")
#: A meta-information line: ``exsolution: 010``.
_META = re.compile(r"^[ \t]*(ex[a-z]+(?:\[[^\]]*\])?)[ \t]*:[ \t]*(.*?)[ \t]*$")
#: A Sweave meta-information command: ``%% \exsolution{010}``, its value in balanced braces.
_RNW_META = re.compile(r"\\(ex[a-z]+)(?:\[[^\]\n]*\])?\{")
#: A value R computes: an inline expression (`` `r …` ``, ``\Sexpr{…}``).
_COMPUTED = ("`r ", "\\Sexpr")
#: A verdict alone ("True.", "Falsch"): how a solution's answer list says only whether each option is right.
_VERDICT = re.compile(r"[\W_]*[^\W\d_]+[\W_]*")
#: A word: what a question or an answer written by its author holds (one R writes holds only expressions).
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: Where a cloze exercise's question places a part's answer: ``##ANSWER3##``.
_ANSWER_TAG = re.compile(r"##ANSWER(\d+)##")
_CHOICE_TYPES = ("schoice", "mchoice")
#: An Sweave environment's name and its body.
_ENVIRONMENT = r"\\begin\{%s\}(.*?)\\end\{%s\}"


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise as its file writes it: Markdown texts, answer lists, meta-information."""

    question: str
    options: tuple[str, ...]
    solution: str
    explained: tuple[str, ...]  # the solution's answer list: why each option is right or wrong
    meta: dict[str, str]
    question_line: int  # the file's lines the question and the solution start on
    solution_line: int


def is_rmd_exercise(text: str) -> bool:
    """Does this R Markdown hold an R/exams exercise (a question section and a meta-information one)? A page
    about R/exams that shows an exercise in a code block is no exercise."""
    if "exsolution" not in text and "extype" not in text:
        return False  # most R Markdown: a report
    return _rmd_sections(text.split("\n"))[0] is not None


def rmd_to_markdown(text: str) -> str:
    """An R Markdown exercise's card ("" when it has none: see :func:`_card`)."""
    lines = text.split("\n")
    spans, meta_at = _rmd_sections(lines)
    if spans is None:
        return ""
    kept = _without_chunks(lines, mark=_HIDDEN)
    parts: dict[str, tuple[int, list[str]]] = {}
    for name, (start, end) in spans.items():
        parts[name] = (start + 1, kept[start:end])
    question_line, question = parts.get("question", (1, []))
    solution_line, solution = parts.get("solution", (meta_at, []))
    if _leads_in_only(solution):
        solution = []
    options, asked = _items(parts.get("answerlist", (0, []))[1] or parts.get("questionlist", (0, []))[1])
    explained, worked = _items(parts.get("solutionlist", (0, []))[1] or parts.get("solution answerlist", (0, []))[1])
    meta = dict(
        (found.group(1).lower(), found.group(2))
        for line in parts.get("meta-information", (0, []))[1] if (found := _META.match(line)))
    exercise = Exercise(_joined(question + asked), tuple(options), _joined(solution + worked), tuple(explained),
                        meta, question_line, solution_line)
    return _card(exercise, len(lines))


def is_rnw_exercise(text: str) -> bool:
    """Does this Sweave text hold an R/exams exercise: a ``question`` environment and its meta-information (other
    LaTeX classes' ``question`` environments are the LaTeX reader's)?"""
    return "\\begin{question}" in text and "\\end{question}" in text and ("\\exsolution" in text or "\\extype" in text)


def rnw_to_markdown(text: str) -> str:
    """An exercise's card, or (no ``question`` environment) the Sweave document read as LaTeX, its code left out."""
    lines = text.split("\n")
    kept = "\n".join(_without_chunks(lines, sweave=True))
    if not is_rnw_exercise(kept):
        return latex.to_markdown(_sexpr_as_code(kept))
    question = re.search(_ENVIRONMENT % ("question", "question"), kept, re.DOTALL)
    solution = re.search(_ENVIRONMENT % ("solution", "solution"), kept, re.DOTALL)
    if question is None:
        return ""
    asked, options = _rnw_answerlist(question.group(1))
    explanation, explained = _rnw_answerlist(solution.group(1)) if solution else ("", [])
    meta = {name.lower(): value for name, value in _rnw_meta(kept)}
    exercise = Exercise(_latex(asked), tuple(map(_latex, options)), _latex(explanation),
                        tuple(map(_latex, explained)), meta, kept.count("\n", 0, question.start()) + 1,
                        kept.count("\n", 0, solution.start()) + 1 if solution else len(lines))
    return _card(exercise, len(lines))


def _rmd_sections(lines: list[str]) -> tuple[dict[str, tuple[int, int]] | None, int]:
    """Each section's lines (from under its heading to the next one) by name, the solution's answer list
    named ``solution answerlist``; None when there is no question section. Also the meta-information's line."""
    heads: list[tuple[str, int, int]] = []  # (name, heading line, first line of its text)
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fence = line.strip()[:3]
            continue
        found = _RMD_SECTION.match(line)
        if found is None:
            continue
        underlined = index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1])
        if line.startswith("#") or underlined:
            heads.append((found.group(1).lower().replace("metainformation", "meta-information"), index,
                          index + (2 if underlined and not line.startswith("#") else 1)))
    named = {name for name, _, _ in heads}
    if "question" not in named or "meta-information" not in named:
        return None, 0
    spans: dict[str, tuple[int, int]] = {}
    current = ""
    for (name, _, start), following in zip(heads, [*heads[1:], ("", len(lines), 0)]):
        if name in ("answerlist", "questionlist") and current == "solution":
            name = "solution answerlist"
        elif name not in ("answerlist", "questionlist", "solutionlist"):
            current = name
        spans.setdefault(name, (start, following[1]))
    meta_at = next((at + 1 for name, at, _ in heads if name == "meta-information"), len(lines))
    return spans, meta_at


def _without_chunks(lines: list[str], sweave: bool = False, mark: str = "") -> list[str]:
    """``lines`` with each code chunk's lines blank, its first line ``mark`` (a chunk that shows itself a fenced
    block of R)."""
    kept = list(lines)
    index = 0
    while index < len(lines):
        opened = _RNW_CHUNK.match(lines[index]) if sweave else _CHUNK.match(lines[index])
        if opened is None:
            index += 1
            continue
        options = opened.group(1) if sweave else opened.group(2)
        end = index + 1
        while end < len(lines) and not (_RNW_CHUNK_END.match(lines[end]) if sweave
                                        else lines[end].strip().startswith(opened.group(1))):
            end += 1
        shown = _SHOWN.search(options)
        for row in range(index, min(end + 1, len(lines))):
            kept[row] = ""
        kept[index] = mark
        if shown and not sweave:
            kept[index], kept[min(end, len(lines) - 1)] = "```r", "```"
            kept[index + 1:end] = lines[index + 1:end]
        index = end + 1
    return kept


def _leads_in_only(lines: list[str]) -> bool:
    """Is a section's text one paragraph that leads in to what a chunk under it prints ("The right answer is"),
    no stop at its end? R's output was its answer: the text alone answers nothing."""
    written = [index for index, line in enumerate(lines) if line.strip() not in _EMPTY]
    if not written or written[-1] - written[0] + 1 != len(written):
        return False
    following = next((line for line in lines[written[-1] + 1:] if line.strip() not in _EMPTY[:-1]), "")
    return following == _HIDDEN and lines[written[-1]].rstrip()[-1:].isalpha()


def _items(lines: list[str]) -> tuple[list[str], list[str]]:
    """The items of an answer list, an item's lines joined (an empty item, ``-`` over a chunk, stays empty), and
    the lines after the list: the text a section holds under it (a solution's working after its list)."""
    items: list[str] = []
    blank = False
    for index, line in enumerate(lines):
        found = _ITEM.match(line)
        if found:
            items.append((found.group(1) or "").strip())
        elif line.strip() in _EMPTY:
            blank = True
            continue
        elif items and (not blank or line.startswith((" ", "\t"))):
            items[-1] = f"{items[-1]} {line.strip()}".strip()
        elif items:
            return items, lines[index:]
        else:
            return [], lines[index:]  # text before any item: no list here
        blank = False
    return items, []


def _joined(lines: list[str]) -> str:
    """A section's text, the blank lines around it and runs of blank lines (chunks left out) trimmed; a line that
    is only a break (Pandoc's backslash, HTML's ``<br/>``, which authors put between paragraphs) is a blank line."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join("" if line.strip() in _EMPTY else line.rstrip()
                                                 for line in lines)).strip()


def _rnw_answerlist(body: str) -> tuple[str, list[str]]:
    """An environment's text without its ``answerlist``, and that list's items."""
    found = re.search(_ENVIRONMENT % ("answerlist", "answerlist"), body, re.DOTALL)
    if found is None:
        return body, []
    items = [" ".join(item.split()) for item in re.split(r"\\item\b", found.group(1))[1:]]
    return body[: found.start()] + body[found.end():], items


def _rnw_meta(text: str) -> list[tuple[str, str]]:
    """The ``\\exname{…}`` commands' names and values (braces inside a value balanced)."""
    found: list[tuple[str, str]] = []
    for command in _RNW_META.finditer(text):
        depth, at = 1, command.end()
        while at < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[at], 0)
            at += 1
        if not depth:
            found.append((command.group(1), text[command.end(): at - 1].strip()))
    return found


def _sexpr_as_code(text: str) -> str:
    r"""``\Sexpr{…}`` written as R Markdown writes an inline expression, `` `r …` `` (braces balanced)."""
    out: list[str] = []
    at = 0
    while (start := text.find("\\Sexpr{", at)) >= 0:
        depth, end = 1, start + len("\\Sexpr{")
        while end < len(text) and depth and text[end] != "\n":
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        if depth:
            break
        out += [text[at:start], f"`r {text[start + len(chr(92) + 'Sexpr{'): end - 1]}`"]
        at = end
    return "".join(out) + text[at:]


def _latex(text: str) -> str:
    """LaTeX text as Markdown; inline R expressions kept as `` `r …` `` (the LaTeX reader leaves code alone)."""
    held: list[str] = []

    def hold(found: re.Match[str]) -> str:
        held.append(found.group(0))
        return f"\x01{len(held) - 1}\x01"

    plain = re.sub(r"`r [^`\n]*`", hold, _sexpr_as_code(text))
    written = latex.to_markdown(plain)
    written = re.sub("\x01(\\d+)\x01", lambda found: held[int(found.group(1))], written)
    return _joined(written.split("\n"))


def _computed(value: str) -> bool:
    return any(mark in value for mark in _COMPUTED)


def _chosen(mask: str, count: int) -> list[int] | None:
    """The options a literal mask (``0100``) marks, None when it is no mask of ``count`` options."""
    mask = mask.strip()
    if len(mask) != count or not mask or set(mask) - {"0", "1"} or "1" not in mask:
        return None
    return [k for k, digit in enumerate(mask) if digit == "1"]


def _explanations(exercise: Exercise) -> str:
    """The solution's answer list, when it says more than a verdict an option: lettered as the options are."""
    said = [item for item in exercise.explained if not _computed(item)]
    if not said or all(_VERDICT.fullmatch(item) for item in said):
        return ""
    if exercise.meta.get("extype", "").strip().lower() == "cloze":
        return "\n".join(f"{k}. {item}" for k, item in enumerate(exercise.explained, 1) if item)  # its parts
    lettered = len(exercise.explained) == len(exercise.options) <= len(OPTION_LETTERS)
    return "\n".join(f"- {OPTION_LETTERS[k]}: {item}" if lettered else f"- {item}"
                     for k, item in enumerate(exercise.explained) if item)


def _parts(value: str) -> list[str]:
    """A cloze exercise's meta value split at its ``|`` marks, none inside an inline R expression (`` `r paste(x,
    collapse = "|")` ``, ``\\Sexpr{…}``): R writes those parts."""
    parts = [""]
    code = depth = 0
    for char in value:
        if char == "`":
            code ^= 1
        elif char in "{}" and not code:
            depth += 1 if char == "{" else -1
        elif char == "|" and not code and depth <= 0:
            parts.append("")
            continue
        parts[-1] += char
    return parts


def _cloze(exercise: Exercise) -> tuple[str, str]:
    """(front, key) of a cloze exercise whose answer list holds its parts: a choice part as many items as its mask
    has digits, a number or text part one item (its question), or none where the question places each part with an
    ``##ANSWER3##`` tag (shown as ``[3]``). The question and its items as written, no key, when they do not add up."""
    solutions = _parts(exercise.meta.get("exsolution", ""))
    types = [kind.strip() for kind in _parts(exercise.meta.get("exclozetype", ""))]
    options = list(exercise.options)
    question = _ANSWER_TAG.sub(r"[\1]", exercise.question)
    placed = question != exercise.question
    for asked in (1, 0) if placed else (1,):  # the items a number or text part takes
        sizes = [len(mask.strip()) if kind in _CHOICE_TYPES else asked for kind, mask in zip(types, solutions)]
        if len(types) == len(solutions) and sum(sizes) == len(options):
            break
    else:
        listed = "\n".join(f"- {item}" for item in options if item)
        return "\n\n".join(part for part in (question, listed) if part), ""
    front: list[str] = []
    key: list[str] = []
    at = 0
    for number, (kind, value, size) in enumerate(zip(types, solutions, sizes), 1):
        items = options[at: at + size]
        at += size
        if kind in _CHOICE_TYPES:
            front.append(f"{number}.\n" + "\n".join(f"   - {OPTION_LETTERS[k]}: {item}"
                                                    for k, item in enumerate(items[: len(OPTION_LETTERS)])))
            chosen = None if _computed(value) else _chosen(value, len(items))
            if chosen and chosen[-1] < len(OPTION_LETTERS):
                key.append(f"{number}. " + "; ".join(f"**{OPTION_LETTERS[k]}**: {items[k]}" for k in chosen))
        else:
            if items:
                front.append(f"{number}. {items[0]}")
            if value.strip() and not _computed(value):
                key.append(f"{number}. {value.strip()}")
    return "\n\n".join(part for part in (question, "\n".join(front)) if part), "\n".join(key)


def _front_and_key(exercise: Exercise) -> tuple[str, str]:
    kind = exercise.meta.get("extype", "").strip().lower()
    value = exercise.meta.get("exsolution", "")
    if kind == "cloze":
        return _cloze(exercise)
    options = list(exercise.options)
    if kind in ("schoice", "mchoice") and options and all(options) and len(options) <= len(OPTION_LETTERS):
        chosen = None if _computed(value) else _chosen(value, len(options))
        return options_card(exercise.question, options, chosen)
    key = value.strip() if kind in ("num", "string") and not _computed(value) else ""
    listed = "\n".join(f"- {item}" for item in options if item)
    return "\n\n".join(part for part in (exercise.question, listed) if part), key


def _card(exercise: Exercise, length: int) -> str:
    """The exercise as a ``## Question`` and ``## Answer`` pair (the labelled layout's card), each line placed on
    the line its part starts on; "" when it has no question of its own words (R writes it) or nothing answers it."""
    if not _WORDS.search(re.sub(r"`r [^`\n]*`", "", exercise.question)):
        return ""
    front, key = _front_and_key(exercise)
    # A solution that only says "True." under its key (a true-or-false question) says it again.
    solution = "" if key and _VERDICT.fullmatch(exercise.solution) else exercise.solution
    back = "\n\n".join(part for part in (key, solution, _explanations(exercise)) if part.strip())
    if not _WORDS.search(back) and not re.search(r"\d", key):
        return ""
    lines = ["## Question", "", *front.split("\n")]
    origins = [exercise.question_line] * len(lines)
    answer = ["", "## Answer", "", *back.split("\n")]
    lines += answer
    origins += [max(exercise.solution_line, exercise.question_line)] * len(answer)
    text = Placed("\n".join(lines) + "\n")
    text.origins = tuple(min(origin, length) for origin in origins) + (min(length, origins[-1]),)
    return text
