"""Multiple-choice cards: a question's options on the front, lettered, and the right ones on the back.

:func:`options_card` words every layout's multiple-choice card (a CSV deck's option columns, a plain-text
question bank, an answer that lists options); :func:`ticked`, :func:`marked` and :func:`keyed` find the last
kind: the quizzes people write for GitHub, where the options are a task list and the right one is ticked,
those typed in Word or Markdown, the right one of ``a)``, ``b)`` … in bold or checked (✓, "(correct)"), and
quiz banks that name it on the line after the options ("Answer: c", "**Correct Answer:** B")::

    #### Q4. What statement about static methods is true?

    - [ ] Static methods always return None.
    - [x] Static methods cannot modify a class's state.

A task list with at most half of its items ticked (one right option, or "choose two" of four) is a
question's options; one with more ticked, or none, is a checklist ("Tested devices"), an answer as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .structure import ANSWERING_WORDS, RIGHT_AFTER_ANSWER, RIGHT_BEFORE_ANSWER, LineStart

#: A question's title that only says what kind of question it is ("Multiple Choice", "(MCQ)", "Short Answer",
#: "True/False"), as quizzes head each numbered question: the question is the text under it.
KIND_ONLY = re.compile(
    r"^[(\[]?[ \t]*(?:multiple[ \t-]*choice|mcqs?|single[ \t-]*choice|true[ \t]*(?:/|or)[ \t]*false|"
    r"short[ \t-]*answer|long[ \t-]*answer|essay|subjective|objective|fill[ \t-]*in[ \t-]*the[ \t-]*blanks?)"
    r"(?:[ \t]+questions?)?[ \t]*[)\]]?[ \t:.]*$",
    re.IGNORECASE,
)
#: Option letters, as a multiple-choice card's front shows them.
OPTION_LETTERS = "ABCDEFGH"
#: The letters a card's front shows: a quiz that marks its options (LiaScript's, mkdocs-quiz's) may offer more
#: than the eight that lettered options in text run to.
SHOWN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Where a multiple-choice card's options start on its front.
OPTIONS_START = "\n\n- A: "
#: An option's own letter, standing for the code under it.
_LABEL = re.compile(r"\(?[A-Ha-h][.):]?")
#: A task list item, bulleted or numbered (quizdown's single-choice options, ``1. [x] Berlin``): its box, ticked or
#: not, and its text.
_TASK = re.compile(r"^ {0,3}(?:[-*+]|[0-9]{1,3}[.)])[ \t]+\[([ xX])\](?:[ \t]+(\S.*))?[ \t]*$")
#: A lettered option on a line of its own: "a) text", "B. text", "(c) text", in a list or not.
#: A line that is only an option's letter: an option left empty.
_EMPTY_OPTION = re.compile(r"^ {0,3}(?:[-*+][ \t]+)?\(?[A-Ha-h][.)][ \t]*$")
_LETTERED = re.compile(r"^ {0,3}(?:[-*+][ \t]+)?\(?([A-Ha-h])[.)][ \t]+(\S.*?)[ \t]*$")
_MAY_LETTER = re.compile(r"^ {0,3}(?:[-*+][ \t]+)?\(?[Aa][.)][ \t]", re.MULTILINE)
#: The first option all in bold (the right one): ``**a) text**``.
_MAY_BOLD_LETTER = re.compile(r"^ {0,3}(?:\*\*|__)\(?[Aa][.)][ \t]", re.MULTILINE)
#: How an author marks the right option among lettered ones: all of it in bold, or a check mark or
#: "(correct)" after it.
_BOLD = re.compile(r"(\*\*|__)(?!\s)(.+?)(?<!\s)\1")
_CHECK = re.compile(r"[ \t]*(?:✓|✔️?|✅|\((?:correct|right)\))$", re.IGNORECASE)
#: The option's own letter typed again after its text, set apart by spaces ("b. 12   B"): how some authors
#: mark the right option in a Word quiz.
_OWN_LETTER = re.compile(r"(?<=\S)[ \t]+([A-H])[ \t]*$")
#: An answer line ending so (searched in an answer holding no other mark, in a file holding such a line).
MAY_OWN_LETTER = re.compile(r"\S[ \t]+[A-H][ \t]*$", re.MULTILINE)
#: A lettered option's line ending in a capital letter set apart, anywhere in a text (told once a file).
MAY_OWN_LETTER_LINE = LineStart(re.compile(
    r"^ {0,3}(?:\*\*|__)?\(?[A-Ha-h][.)][ \t]+[^\n]*\S[ \t]+[A-H](?:\*\*|__)?[ \t]*$"))
#: What an answer holds when one of its options may be marked so (a substring test first: most hold none).
MARKS = ("**", "__", "✓", "✔", "✅", "(correct)", "(Correct)", "(right)")
#: The line under lettered options that names the right ones: "Answer: c", "**Answer:** B", "Ans. (b)",
#: "Correct answer: B", "Answer - C", "Answer: c) Network", "Answers: A, C", "The answer is D.", "Answer Key: B"
#: "Answer: c" in other languages too ("**Cevap:** B", "Jawaban: a"), a check mark before it ("✅ **Answer: C**").
_KEY_WORDS = r"(?:answer|ans|key|option|choice)"
#: "Correct" around "answer" in the other languages too ("Răspuns corect: A", "Σωστή απάντηση: (b)").
_KEY_WORDS_IN = (r"(?:(?:" + "|".join(map(re.escape, RIGHT_BEFORE_ANSWER)) + r")[ \t]*)?"
                 r"(?:answer|ans|key|option|choice|" + "|".join(map(re.escape, ANSWERING_WORDS)) + ")"
                 r"(?:[ \t]*(?:" + "|".join(map(re.escape, RIGHT_AFTER_ANSWER)) + "))?")


def _key_opening(words: str) -> str:
    return (r"^[ \t]*(?:[-*+>][ \t]+)?(?:[✅✔]\ufe0f?[ \t]*)?(?:\*\*|__)?"
            r"(?i:(?:the[ \t]+)?(?:(?:correct|right)[ \t]+)?" + words)


_KEY = re.compile(
    _key_opening(_KEY_WORDS_IN) + r"s?(?:[ \t]+key)?)"
    r"(?:[ \t]+is)?[ \t]*(?:\*\*|__)?[ \t]*(?:[:：.=]|[-–](?=[ \t]))?[ \t]*(?:\*\*|__)?[ \t]*"
    r"\(?([A-Ha-h])\)?((?:[ \t]*(?:,|&|and)[ \t]*\(?[A-Ha-h]\)?)*)(?:\*\*|__)?"
    # The letter alone, or followed by a stop and what the author adds (the option again, a reason).
    r"(?:[ \t]*$|[ \t]*[.:)](?:\*\*|__)?(?:[ \t]+(.*?))?[ \t]*$)"
)
_KEY_LETTER = re.compile(r"\b[A-Ha-h]\b")
#: A lower-case option letter, a point and the option with no space between them.
_TIGHT_LETTERED = re.compile(r"^ {0,3}([a-h])\.(?=[^\s.])(\S.*?)[ \t]*$")
#: A key line that is the right option's letter in brackets, a dash and why ("(b) - Vascular compliance is …").
_BRACKETED_KEY = re.compile(r"^[ \t]*\(([A-Ha-h])\)[ \t]*[-–—:][ \t]*(.*?)[ \t]*$")
#: Such a line anywhere in a text (told once a file).
MAY_BRACKETED_KEY = LineStart(re.compile(r"^[ \t]*\([A-Ha-h]\)[ \t]*[-–—:]"))
#: A key line anywhere in a text: told once a file, from newline to newline (most files hold none).
MAY_KEY = LineStart(re.compile(_key_opening(_KEY_WORDS) + ")"))
#: With the other languages' words for "answer" too: looked for only in a text that is not all ASCII.
_MAY_KEY_IN = LineStart(re.compile(_key_opening(_KEY_WORDS_IN) + ")"))


def may_key(text: str) -> bool:
    """Does any line of ``text`` open as a key line does ("Answer: c", "**Jawaban:** B")? Searches of the whole text."""
    return MAY_KEY.found_in(text) or not text.isascii() and _MAY_KEY_IN.found_in(text)


def stem(question: str) -> str:
    """A question without the options its front lists: what it asks, the same however its options read."""
    return question.split(OPTIONS_START, 1)[0]


def options_card(question: str, options: Sequence[str], chosen: int | Sequence[int] | None) -> tuple[str, str]:
    """(front, back) of a multiple-choice card: the question over its lettered options (each on one
    line, or indented under its letter); the chosen options' letters and texts ("" when none is chosen)."""
    options = _without_own_letters(options)
    shown = [f"- {SHOWN_LETTERS[k]}: {text}" for k, text in enumerate(options) if text.strip()]
    if not shown:
        return question, ""
    front = question + "\n\n" + "\n".join(shown)
    picked = [chosen] if isinstance(chosen, int) else list(chosen or ())
    back = "\n\n".join(f"**{SHOWN_LETTERS[k]}**: {options[k]}" for k in picked)
    return front, back


#: An option's text opening with its own letter: "a. Paris" in a task list, "(b) Rome" in a spreadsheet's column.
_OWN_LETTER_OPENING = re.compile(r"^\(?([A-Ha-h])[.)][ \t]+(?=\S)")


def _without_own_letters(options: Sequence[str]) -> Sequence[str]:
    """``options`` without the letters their texts open with when every one opens with its own, in order ("a. …",
    "b. …"): the front letters them already."""
    if not 2 <= len(options) <= len(OPTION_LETTERS):
        return options
    found = [_OWN_LETTER_OPENING.match(text) for text in options]
    if not all(match and match.group(1).upper() == OPTION_LETTERS[k] for k, match in enumerate(found)):
        return options
    return [text[match.end():] for text, match in zip(options, found) if match]


def ticked(question: str, answer: str) -> tuple[str, str] | None:
    """(front, back) when ``answer`` holds a task list of options, some ticked and some not: what stands
    before the list (code the question shows) and the options go to the front; the ticked options, then
    what follows the list (an explanation, a reference), to the back. None for any other answer."""
    lines = answer.split("\n")
    start = next((i for i, line in enumerate(lines) if _TASK.match(line)), None)
    if start is None:
        return None
    options: list[str] = []
    chosen: list[int] = []
    end = start
    while end < len(lines):
        item = _TASK.match(_next_text(lines, end))  # a loose list: blank lines between its items
        if item is None:
            break
        while not lines[end].strip():
            end += 1
        text = [(item.group(2) or "").rstrip()]  # "- [ ]" alone: the option is the code below it
        end += 1
        # The item's own lines: indented under it, blank lines between them included.
        while end < len(lines) and (lines[end].startswith("  ") or not lines[end].strip() and _continues(lines, end)):
            text.append(lines[end][2:].rstrip())
            end += 1
        # A code block written unindented under an option that is only its label ("- [ ] A"), or
        # between two options: the option's code.
        code = _code_after(lines, end)
        if code is not None and (len(text) == 1 and len(text[0]) <= 2 or _TASK.match(_next_text(lines, code))):
            text += ["", *(line.rstrip() for line in lines[end:code] if line.strip())]
            end = code
        if item.group(1) != " ":
            chosen.append(len(options))
        while len(text) > 1 and not text[1]:
            del text[1]  # blank lines between the label and its code
        if len(text) > 1 and _LABEL.fullmatch(text[0]):
            text[0] = ""  # "- [ ] B" over its code: the front letters the options already
        options.append("\n  ".join(text).rstrip())  # a label-less option's code starts on the line below
    return _card(question, lines, (start, end), options, chosen)


def marked(question: str, answer: str) -> tuple[str, str] | None:
    """(front, back) when ``answer`` lists options lettered from A, one a line, and marks the right one
    (or, for "choose two", at most half of them) in bold or with a check mark, as quizzes typed in Word or
    Markdown do; what stands before the list goes to the front, what follows it to the back."""
    found = _MAY_LETTER.search(answer) or _MAY_BOLD_LETTER.search(answer)
    if found is None:
        return None
    lines = answer.split("\n")
    start = answer.count("\n", 0, found.start())
    options: list[str] = []
    chosen: list[int] = []
    end = start
    while end < len(lines):
        if not lines[end].strip() and options:
            # Options typed in a word processor are paragraphs of their own: blank lines between them.
            after = next((k for k in range(end + 1, len(lines)) if lines[k].strip()), len(lines))
            if after == len(lines) or not _lettered(lines[after]):
                break
            end = after
        option = _lettered(lines[end])
        if option is None:
            break
        letter, text, whole = option
        if len(options) == len(OPTION_LETTERS) or letter.upper() != OPTION_LETTERS[len(options)]:
            return None  # lettered out of order: a list of something else
        bold, check = _BOLD.fullmatch(text), _CHECK.search(text)
        own = _OWN_LETTER.search(text)
        if own is not None and own.group(1) != letter.upper():
            own = None
        if whole or bold or check or own:
            chosen.append(len(options))
            text = text if whole else bold.group(2) if bold else text[: check.start()] if check else text  # type: ignore[union-attr]
            if own is not None:
                text = text[: own.start()]  # "b. 12  B" (in bold or not): the mark is no part of the option
        options.append(text)
        end += 1
    return _card(question, lines, (start, _past_empty_option(lines, end)), options, chosen)


#: A table row of numbers, empty cells or dashes alone: a blank answer sheet's grid.
_BLANK_GRID = re.compile(r"^[ \t]*\|[\d\s|:-]*$")


def is_option(line: str) -> bool:
    """Is ``line`` a lettered option ("D) 12", "b. Berlin", or "C)" alone over the code it offers), however deep
    it is indented?"""
    text = line.lstrip(" \t")
    return _LETTERED.match(text) is not None or _EMPTY_OPTION.match(text) is not None


def only_options(answer: str) -> bool:
    """Is ``answer`` nothing but options lettered from A in order, one a line (blank lines between them), none
    marked? A question's choices with no right one named: it is unanswered, for a back of choices teaches
    nothing. Three options at least, as a list of two lettered points is as often an answer's."""
    letters = []
    for line in answer.split("\n"):
        if not line.strip() or letters and _BLANK_GRID.match(line):
            continue  # an answer sheet's empty grid under them ("| 1 | 2 | 3 |" over empty cells) answers nothing
        option = _LETTERED.match(line)
        if option is None or len(letters) == len(OPTION_LETTERS):
            return False
        if _BOLD.fullmatch(option.group(2)) or _CHECK.search(option.group(2)):
            return False  # marked, more than half of them: a list of points, an answer
        letters.append(option.group(1).upper())
    return len(letters) >= 3 and "".join(letters) == OPTION_LETTERS[: len(letters)]


def _past_empty_option(lines: list[str], end: int) -> int:
    """``end``, or past the line after the options (blank lines before it) that is only the next letter: an
    option a template left empty (``e)``), no text of the back."""
    following = next((k for k in range(end, len(lines)) if lines[k].strip()), len(lines))
    return following + 1 if following < len(lines) and _EMPTY_OPTION.match(lines[following]) else end


def _lettered(line: str) -> tuple[str, str, bool] | None:
    """(letter, text, all of it in bold) of an option's line: ``b) text``, or ``**b) text**`` as a word
    processor's answer key bolds (or highlights) the right option's whole paragraph."""
    option = _LETTERED.match(line)
    if option:
        return option.group(1), option.group(2), False
    bold = _BOLD.fullmatch(line.strip())
    option = _LETTERED.match(bold.group(2)) if bold else None
    return (option.group(1), option.group(2), True) if option else None


def named(line: str) -> tuple[list[str], str]:
    """The letters (upper case) of the options a key line names ("**Correct answer:** B", "Answers: a, c")
    and what follows them on the line ("B) ABAP, SAP's own language"); ([], "") for any other line."""
    key = _KEY.match(line)
    if key is None:
        return [], ""
    said = key.group(3) or ""
    for mark in ("**", "__"):
        if said.endswith(mark) and said.count(mark) % 2:
            said = said[: -len(mark)].rstrip()  # "**Answer: b) JavaScript**": the bold the line opened with
    return [letter.upper() for letter in (key.group(1), *_KEY_LETTER.findall(key.group(2)))], said


def keyed(question: str, answer: str) -> tuple[str, str] | None:
    """(front, back) when ``answer`` lists options lettered from A, one a line, and the line after them
    names the right one (or, for "choose two", at most half of them): "Answer: c", as quiz banks typed
    in Markdown, Word or plain text do. What stands before the options goes to the front, what
    follows the key line (an explanation) to the back."""
    lines = answer.split("\n")
    start = next((k for k, line in enumerate(lines) if _lettered_tight(line)), None)
    if start is None:
        return None
    lettered: dict[str, str] = {}
    end = start
    while end < len(lines):
        option = _lettered_tight(lines[end])
        if option is None:
            following = next((k for k in range(end, len(lines)) if lines[k].strip()), len(lines))
            if lines[end].strip() or following == len(lines) or not _lettered_tight(lines[following]):
                break
            end = following  # a loose list: blank lines between its options
            continue
        letter = option.group(1).upper()
        if letter in lettered and lettered and _BRACKETED_KEY.match(lines[end]):
            break  # "(b) - because …" after the options: the key line
        if letter in lettered:
            return None  # a letter again: lists of something else
        lettered[letter] = option.group(2)
        end += 1
    # Quiz generators shuffle the options (A, C, B, D): shown in their letters' order, every letter there.
    if sorted(lettered) != list(OPTION_LETTERS[: len(lettered)]):
        return None
    options = [lettered[letter] for letter in sorted(lettered)]
    end = _past_empty_option(lines, end)
    at = next((k for k in range(end, len(lines)) if lines[k].strip()), None)
    letters, said = named(lines[at]) if at is not None else ([], "")
    if not letters and at is not None and (bracketed := _BRACKETED_KEY.match(lines[at])):
        letters, said = [bracketed.group(1).upper()], bracketed.group(2)
    chosen = sorted({OPTION_LETTERS.index(letter) for letter in letters})
    if not chosen or chosen[-1] >= len(options):
        return None
    # What the key line adds after the letter stays on the back, unless it is the chosen option's text again.
    said_again = said.rstrip(".").strip() in {options[k].rstrip(".").strip() for k in chosen}
    return _card(question, lines[:at] + ([said] if said and not said_again else []) + lines[at + 1 :], (start, end),
                 options, chosen)


def _lettered_tight(line: str) -> re.Match[str] | None:
    """An option's line, or one typed with no space after its point ("b.vascular compliance"), as Word keeps
    what its list numbering left."""
    return _LETTERED.match(line) or _TIGHT_LETTERED.match(line)


def _card(question: str, lines: list[str], span: tuple[int, int], options: list[str], chosen: list[int]
          ) -> tuple[str, str] | None:
    """(front, back) of the options an answer's ``lines[start:end]`` list, what stands before them on the
    front and what follows them on the back; None unless some are chosen, at most half (a checklist has
    most items ticked, or none), and no more than there are letters."""
    if not 0 < 2 * len(chosen) <= len(options) <= len(OPTION_LETTERS):
        return None
    start, end = span
    before = "\n".join(lines[:start]).strip()
    after = "\n".join(lines[end:]).strip()
    if before and KIND_ONLY.match(question.strip()):
        question = ""  # "Multiple Choice" over the question's own text: that text asks
    front, back = options_card("\n\n".join(part for part in (question, before) if part), options, chosen)
    return front, "\n\n".join(part for part in (back, after) if part)


def _code_after(lines: list[str], index: int) -> int | None:
    """Where a fenced code block that follows ``index`` (after blank lines) ends, None when none does."""
    start = index
    while start < len(lines) and not lines[start].strip():
        start += 1
    fence = lines[start].lstrip()[:3] if start < len(lines) else ""
    if fence not in ("```", "~~~"):
        return None
    close = next((k for k in range(start + 1, len(lines)) if lines[k].lstrip().startswith(fence)), None)
    return None if close is None else close + 1


def _next_text(lines: list[str], index: int) -> str:
    return next((line for line in lines[index:] if line.strip()), "")


def _continues(lines: list[str], index: int) -> bool:
    """Does the blank line at ``index`` sit inside a list item (the next line with text indented under it)?"""
    following = _next_text(lines, index)
    return following.startswith("  ") and not _TASK.match(following)
