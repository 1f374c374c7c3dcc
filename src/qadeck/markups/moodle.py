"""What Moodle's two question-bank formats share: GIFT text (:mod:`.gift`) and Moodle XML (:mod:`.moodlexml`).

Both hold the same kinds of question, and each kind becomes the card a learner expects:

* **multiple choice**: the options under the question (lettered as the quiz layout letters them, or by the
  letters the author typed before every option), the right one on the back: the options weighted 100%, else
  every option weighted above 0 (a question with several right answers, ``~%50%``);
* **true/false**: ``True`` or ``False``;
* **short answer**: the accepted answers (a list when there are several);
* **numerical**: the value and its tolerance (``3.14 ± 0.01``) or the range (``1–5``), and its unit;
* **matching**: the items to match listed under the question, the pairs (``item → match``) on the back;
* **missing word** and **cloze**: the question with a blank ``_____`` where each gap was, the gaps' answers
  on the back;
* **essay**: nothing to learn by heart: no answer, so the layout reports it as unanswered and makes no card;
* **description**: text between the questions: no card.

The right answer's own feedback and the question's general feedback follow the answer, as an explanation
does in a data file. The question's name is left out: Moodle shows it to teachers, never to students, and it
is often a number or the question's first words. A category path (``$course$/top/Biology/Cells``) is the
section, once the placeholders (``$course$``, ``top``) and the part every question shares (the whole bank's
name) are taken off. Text is Moodle's HTML, Markdown or plain text, converted as qadeck converts HTML; a
picture the bank names (``@@PLUGINFILE@@``) but does not hold (a GIFT file holds none) becomes its alt text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..parsers.markup import html_to_markdown
from .data import items_markdown, shared_path
from .datacards import Item, hard_breaks

#: The blank shown where a missing word's answers were.
BLANK = "_____"
#: Letters for options, as the data files' quizzes letter them.
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: An option the author lettered: "A) text", "b. text".
_LETTERED = re.compile(r"^([A-Za-z])[.)]\s+(\S.*)$", re.DOTALL)
#: A picture the bank names but does not hold (see :mod:`.moodlexml`), not a file beside it: its alt text stands for it.
_STORED_PICTURE = re.compile(r"<img\b[^>]*?@@PLUGINFILE@@[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_PRE = re.compile(r"(<pre\b.*?</pre\s*>)", re.IGNORECASE | re.DOTALL)
#: A cloze gap: ``{weight:TYPE:answers}``, answers parted by ``~``, the right ones marked ``=`` or ``%100%``.
GAP = re.compile(r"\{(\d*):([A-Za-z_]+):(.*?)(?<!\\)\}", re.DOTALL)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_NUMERICAL_GAPS = frozenset({"NUMERICAL", "NM"})
#: Category path parts that are Moodle's own placeholders, not names an author gave.
_PLACEHOLDER = re.compile(r"^\$\w+\$$|^top$", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """One answer a question accepts, or one option it offers."""

    #: Markdown, one line for an option.
    text: str
    #: Moodle's grade for it, in percent (100: right, 0: wrong, between: partly right).
    weight: float
    #: What Moodle shows a student who gives it (Markdown, "" for none).
    feedback: str = ""


def as_markdown(text: str, form: str) -> str:
    """Question or answer text in Moodle's ``form`` (``html``, ``moodle_auto_format``/``moodle``, ``markdown``,
    ``plain_text``/``plain``) as Markdown. HTML is converted, never passed through: later stages escape what is
    left of it."""
    form = form.lower()
    if form in ("markdown", "plain", "plain_text"):
        return text.strip()
    if "<" not in text:
        return hard_breaks(text.strip())
    if form != "html":
        text = text.replace("\n", "<br>")  # Moodle's own format: the author's line breaks are breaks
    else:  # a line break in HTML is a space, but in <pre>
        text = "".join(part if part.lower().startswith("<pre") else part.replace("\n", " ")
                       for part in _PRE.split(text))
    text = _STORED_PICTURE.sub(_alt_text, text)
    return html_to_markdown(text).strip()


def blanked(before: str, after: str) -> str:
    """A missing-word question: its text either side of the blank."""
    gap = "" if after[:1] in tuple(",.;:!?)") else " "
    return f"{before} {BLANK}{gap}{after}".strip()


def one_line(text: str) -> str:
    """An option's Markdown on one line."""
    return " ".join(text.split())


def _alt_text(found: re.Match[str]) -> str:
    alt = _ALT.search(found.group(0))
    return (alt.group(1) or alt.group(2) or "") if alt else ""


def right(answers: list[Answer]) -> list[Answer]:
    """The answers a card's back gives: those worth 100%, else every one worth more than 0."""
    full = [answer for answer in answers if answer.weight >= 100]
    return full or [answer for answer in answers if answer.weight > 0]


def choice(question: str, options: list[Answer], line: int, notes: str = "") -> Item:
    """A multiple-choice question: its options lettered on the front, the right ones' letters and text on the
    back (no answer when none is right: reported)."""
    lettered = [_LETTERED.match(option.text) for option in options]
    given = [m.group(1).upper() for m in lettered if m]
    if len(given) == len(options) and len(set(given)) == len(given):
        shown = [(m.group(1).upper(), m.group(2)) for m in lettered if m]  # the letters the author typed
    else:
        shown = [(_LETTERS[index % len(_LETTERS)], option.text) for index, option in enumerate(options)]
    chosen = right(options)
    back = "\n\n".join(f"**{shown[options.index(option)][0]}**: {shown[options.index(option)][1]}"
                       for option in chosen)
    feedback = [option.feedback for option in chosen]
    return Item(question, with_notes(back, *feedback, notes), line, options=tuple(shown))


def cloze(question: str, line: int, notes: str = "") -> Item:
    """A cloze question (Moodle's embedded answers): a blank for each gap, the gaps' right answers on the back,
    numbered when there are several."""
    answers: list[str] = []

    def gap(found: re.Match[str]) -> str:
        kind = found.group(2).upper()
        options = []
        for part in re.split(r"(?<!\\)~", found.group(3)):
            marked = part.startswith("=")
            part = part[1:] if marked else part
            weighted = _WEIGHT.match(part)
            weight = float(weighted.group(1)) if weighted else (100.0 if marked else 0.0)
            value = re.split(r"(?<!\\)#", part[weighted.end():] if weighted else part, maxsplit=1)[0]
            value = value.replace("\\", "").strip()
            if kind in _NUMERICAL_GAPS and ":" in value:
                value = number(*value.split(":", 1))
            options.append(Answer(value, weight))
        answers.append(" / ".join(option.text for option in right(options)))
        return BLANK

    text = GAP.sub(gap, question)
    if not answers:
        return Item(question, "", line)
    back = answers[0] if len(answers) == 1 else "\n".join(f"{n}. {answer}" for n, answer in enumerate(answers, 1))
    return Item(text, with_notes(back, notes), line)


def listed(texts: list[str]) -> str:
    """Answers on a card's back: the one, or a list of them."""
    texts = [text for text in texts if text]
    if len(texts) < 2:
        return texts[0] if texts else ""
    return "\n".join(f"- {one_line(text)}" for text in texts)


def accepted(question: str, answers: list[Answer], line: int, notes: str = "") -> Item:
    """A short-answer or numerical question: the answers it accepts in full."""
    chosen = right(answers)
    return Item(question, with_notes(listed([answer.text for answer in chosen]), *(a.feedback for a in chosen), notes),
                line)


def matching(question: str, pairs: list[tuple[str, str]], line: int, notes: str = "") -> Item:
    """A matching question: the items to match under the question, the pairs on the back. An item with no
    text is a distractor: only its match is offered."""
    pairs = [(left, match) for left, match in pairs if left.strip()]
    front = question + "\n\n" + "\n".join(f"- {one_line(left)}" for left, _ in pairs) if pairs else question
    back = "\n".join(f"- {one_line(left)} → {one_line(match)}" for left, match in pairs)
    return Item(front, with_notes(back, notes), line)


def true_false(question: str, value: bool, line: int, notes: str = "") -> Item:
    return Item(question, with_notes("True" if value else "False", notes), line)


def number(value: str, tolerance: str = "") -> str:
    """A numerical answer as a reader writes it: ``3.14 ± 0.01``, or the value alone when exact."""
    value, tolerance = value.strip(), tolerance.strip()
    try:
        exact = not tolerance or float(tolerance) == 0
    except ValueError:
        exact = False
    return value if exact else f"{value} ± {tolerance}"


def span(low: str, high: str) -> str:
    return f"{low.strip()}–{high.strip()}"


def with_notes(answer: str, *notes: str) -> str:
    """The answer, then the feedback and notes that explain it; "" when there is no answer (nothing to explain)."""
    if not answer:
        return ""
    return "\n\n".join(part for part in (answer, *(note.strip() for note in notes)) if part)


def category(path: str) -> list[str]:
    """A category path's names (``$course$/top/Biology/Cells`` -> Biology, Cells); ``//`` is a slash in a name."""
    names = [name.replace("\0", "/").strip() for name in path.replace("//", "\0").split("/")]
    return [name for name in names if name and not _PLACEHOLDER.match(name)]


def markdown(items: list[tuple[Item, list[str]]], end: int) -> str:
    """The questions (each with its category path) as the Markdown the quiz and details layouts read, sections
    named by the category paths less the part all of them share, boilerplate feedback left out; each card points
    at its question's line in the file (``end``: the file's last line)."""
    shared = shared_path([path for _, path in items])
    said = _boilerplate([item for item, _ in items])
    return items_markdown([replace(item, section="::".join(path[len(shared):]),
                                   answer=_without(item.answer, said) if said else item.answer)
                           for item, path in items], end, shaped=True)  # a question's paragraphs and lists kept


def _boilerplate(items: list[Item]) -> set[str]:
    """Feedback that closes most of a bank's answers ("Correct!", "Bonne réponse"): it says nothing of the
    question it follows."""
    closing: dict[str, int] = {}
    for item in items:
        parts = item.answer.split("\n\n")
        if len(parts) > 1:
            closing[parts[-1]] = closing.get(parts[-1], 0) + 1
    return {part for part, count in closing.items() if count >= 3 and count * 2 > len(items)}


def _without(answer: str, said: set[str]) -> str:
    parts = answer.split("\n\n")
    while len(parts) > 1 and parts[-1] in said:
        parts.pop()
    return "\n\n".join(parts)


def plain(text: str) -> str:
    """A title or category name: its tags taken off."""
    return " ".join(_TAG.sub(" ", text).split())
