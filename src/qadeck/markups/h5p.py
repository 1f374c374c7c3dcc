"""H5P packages (``.h5p``, what Moodle, WordPress, Canvas and Drupal export) as the questions and cards they hold.

An ``.h5p`` is a zip: ``h5p.json`` names the content type (``mainLibrary``) and
``content/content.json`` holds its parameters; a content type that holds others
(a Question Set, an Interactive Book, a Course Presentation, a Column, an
Interactive Video) holds each as ``{"library": "H5P.MultiChoice 1.16", "params":
{…}}``, read wherever it sits. Each question or card becomes a card:

* **Flashcards** and **Dialog Cards**: each card's text the question, its answer the answer (its tip after it);
* **Multiple Choice** and **Single Choice Set**: the options under the question, the right ones on the back, as
  :mod:`.moodle` shows a bank's (a Single Choice Set lists its right answer first, so its options are shown
  in alphabetical order, not with the answer always A);
* **True/False**: ``True`` or ``False``;
* **Fill in the Blanks** and **Drag the Words** (``*answer*`` marks a blank, ``*a/b*`` alternatives,
  ``*a:tip*`` a tip): each sentence with a blank a cloze note, ``{{c1::answer::tip}}``;
* **Summary** (sets of statements, the true one first): each set a choice under the task, its statements in
  alphabetical order;
* **Crossword**: each clue a question, its word the answer;
* **Guess the Answer**: the task the question, the solution the answer;
* **Mark the Words**: the task over the text, the marked words on the back;
* **Accordion**: a panel whose title asks is a question, its text the answer.

An Interactive Book's chapter titles are sections. Text is H5P's HTML (plain
fields too hold HTML entities), converted as qadeck converts HTML: later stages
escape what is left. A picture the package holds (``content/images/…``) is a
``document-part:`` reference to that member (:func:`.archive.picture`), read
from the package alone; one it does not hold, or a link, is its alt text. The
JSON is read within :mod:`.archive`'s size cap; a package with no
``content/content.json``, or JSON that does not parse, is one
:class:`SourceError` naming the file.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import replace

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from ..parsers.structure import asks_in
from . import moodle
from .archive import Archive, picture
from .data import notes_markdown, shared_path
from .datacards import Item

_KIND = "package of H5P content"
#: A blank in Fill in the Blanks and Drag the Words: ``*answer*``, ``*a/b*`` (alternatives), ``*a:tip*``.
_BLANK = re.compile(r"\*([^*\n]+?)\*")
_PRE = re.compile(r"(<pre\b.*?</pre\s*>)", re.IGNORECASE | re.DOTALL)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]+:")
#: How deep content may nest in content: deeper is a crafted file, not a course.
_MAX_DEPTH = 64


def to_markdown(data: bytes, name: str = "<h5p>") -> str:
    archive = Archive(data, name, _KIND)
    if not archive.has("content/content.json"):
        raise archive.damaged("no content/content.json in it")
    manifest = _json(archive, "h5p.json") if archive.has("h5p.json") else {}
    content = _json(archive, "content/content.json")
    main = str(manifest.get("mainLibrary", "")) if isinstance(manifest, dict) else ""
    reader = _Reader(archive)
    found = list(reader.content(main, content, [], 0))
    if not found:
        held = f" ({main.split(' ', 1)[0]})" if main else ""
        raise SourceError(f"a {_KIND}{held} holding no question or card qadeck reads", name)
    if any(item.kind == "cloze" for item, _ in found):  # only the blocks layout's notes say a note is a cloze
        shared = shared_path([path for _, path in found])
        return notes_markdown([replace(item, section="::".join(path[len(shared):])) for item, path in found])
    return moodle.markdown(found, 0)


def _json(archive: Archive, member: str) -> object:
    try:
        return json.loads(archive.text(member))
    except (ValueError, RecursionError) as exc:
        raise archive.damaged(f"{member} is not JSON: {exc}") from None


class _Reader:
    """Reads one package's content, its pictures looked up among the package's members."""

    def __init__(self, archive: Archive):
        self.archive = archive

    def content(self, library: str, params: object, path: list[str], depth: int) -> Iterator[tuple[Item, list[str]]]:
        """The cards of content of type ``library`` ("H5P.MultiChoice 1.16" or its machine name alone) with
        ``params``, under the section ``path``."""
        if not isinstance(params, dict) or depth > _MAX_DEPTH:
            return
        machine = library.split(" ", 1)[0]
        read = _TYPES.get(machine)
        if read is not None:
            for item in read(self, params):
                yield item, path
        elif machine == "H5P.InteractiveBook":
            for chapter in _list(params.get("chapters")):
                if isinstance(chapter, dict):
                    title = moodle.plain(_str(_dict(chapter.get("metadata")).get("title")))
                    yield from self.content(_str(chapter.get("library")), chapter.get("params"),
                                            [*path, title] if title else path, depth + 1)
        else:
            yield from self.held(params, path, depth + 1)

    def held(self, value: object, path: list[str], depth: int) -> Iterator[tuple[Item, list[str]]]:
        """The cards of the content ``value`` holds anywhere inside it (a Question Set's questions, a slide's
        elements, a column's parts)."""
        if depth > _MAX_DEPTH:
            return
        if isinstance(value, dict):
            if isinstance(value.get("library"), str) and isinstance(value.get("params"), dict):
                yield from self.content(value["library"], value["params"], path, depth + 1)
                return
            for inner in value.values():
                if isinstance(inner, (dict, list)):
                    yield from self.held(inner, path, depth + 1)
        elif isinstance(value, list):
            for inner in value:
                yield from self.held(inner, path, depth + 1)

    def picture(self, image: object, alt: str = "") -> str:
        """Markdown for an image field (``{"path": "images/x.png"}``) the package holds; "" for none, its alt
        text for one it does not hold."""
        target = _str(_dict(image).get("path")).split("#", 1)[0].split("?", 1)[0]
        member = posixpath.normpath(posixpath.join("content", target)) if target else ""
        if not member or _SCHEME.match(target) or member.startswith("../") or not self.archive.has(member):
            return moodle.one_line(alt)
        return picture(member, alt)

    def media(self, params: dict[str, object]) -> str:
        """A question's picture (``media``: an H5P.Image), as Markdown over the question; "" for none."""
        media = _dict(params.get("media"))
        shown = _dict(media.get("type")) if "type" in media else media
        if _str(shown.get("library")).split(" ", 1)[0] != "H5P.Image":
            return ""
        image = _dict(shown.get("params"))
        return self.picture(image.get("file"), _text(image.get("alt")))

    def flashcards(self, params: dict[str, object]) -> Iterator[Item]:
        for card in _list(params.get("cards")):
            card = _dict(card)
            shown = self.picture(card.get("image"), _text(card.get("imageAltText")))
            yield Item(_over(shown, _text(card.get("text"))), _with_tip(_text(card.get("answer")), card.get("tip")), 0)

    def dialogcards(self, params: dict[str, object]) -> Iterator[Item]:
        for dialog in _list(params.get("dialogs")):
            dialog = _dict(dialog)
            shown = self.picture(dialog.get("image"), _text(dialog.get("imageAltText")))
            tips = _dict(dialog.get("tips"))
            yield Item(_over(shown, _text(dialog.get("text"))),
                       _with_tip(_with_tip(_text(dialog.get("answer")), tips.get("front")), tips.get("back")), 0)

    def multichoice(self, params: dict[str, object]) -> Iterator[Item]:
        options = []
        for answer in _list(params.get("answers")):
            answer = _dict(answer)
            feedback = _dict(answer.get("tipsAndFeedback"))
            options.append(moodle.Answer(moodle.one_line(_text(answer.get("text"))), 100.0 if answer.get("correct") else 0.0,
                                         _text(feedback.get("chosenFeedback"))))
        question = _over(self.media(params), _text(params.get("question")))
        if question or options:
            yield moodle.choice(question, options, 0)

    def truefalse(self, params: dict[str, object]) -> Iterator[Item]:
        question = _over(self.media(params), _text(params.get("question")))
        if question:
            yield moodle.true_false(question, str(params.get("correct")).lower() == "true", 0)

    def singlechoiceset(self, params: dict[str, object]) -> Iterator[Item]:
        for choice in _list(params.get("choices")):
            choice = _dict(choice)
            answers = [moodle.one_line(_text(answer)) for answer in _list(choice.get("answers"))]
            question = _text(choice.get("question"))
            if question and answers:
                yield moodle.choice(question, _alphabetical(answers), 0)

    def blanks(self, params: dict[str, object]) -> Iterator[Item]:
        for sentence in _list(params.get("questions")):
            if isinstance(sentence, str):
                yield from _cloze(sentence)

    def dragtext(self, params: dict[str, object]) -> Iterator[Item]:
        for line in _str(params.get("textField")).split("\n"):
            yield from _cloze(line)

    def guesstheanswer(self, params: dict[str, object]) -> Iterator[Item]:
        question = _over(self.media(params), _text(params.get("taskDescription")))
        answer = _text(params.get("solutionText"))
        if question and answer:
            yield Item(question, answer, 0)

    def markthewords(self, params: dict[str, object]) -> Iterator[Item]:
        text = _str(params.get("textField"))
        marked = [moodle.one_line(_text(word)) for word in _BLANK.findall(text)]
        task = _text(params.get("taskDescription"))
        if task and marked:
            shown = _text(_BLANK.sub(lambda found: found.group(1), text))
            yield Item(f"{task}\n\n{shown}" if shown else task, moodle.listed(marked), 0)

    def summary(self, params: dict[str, object]) -> Iterator[Item]:
        """Each set of statements the learner picks the true one from (listed first), under the task."""
        task = _text(params.get("intro"))
        for group in _list(params.get("summaries")):
            statements = [moodle.one_line(_text(text)) for text in _list(_dict(group).get("summary"))]
            if task and len(statements) > 1:
                yield moodle.choice(task, _alphabetical(statements), 0)

    def crossword(self, params: dict[str, object]) -> Iterator[Item]:
        for word in _list(params.get("words")):
            word = _dict(word)
            clue, answer = _text(word.get("clue")), _text(word.get("answer"))
            if clue and answer:
                yield Item(clue, answer, 0)

    def accordion(self, params: dict[str, object]) -> Iterator[Item]:
        for panel in _list(params.get("panels")):
            panel = _dict(panel)
            title = moodle.one_line(_text(panel.get("title")))
            content = _dict(panel.get("content"))
            answer = _text(_dict(content.get("params")).get("text"))
            if title and answer and asks_in(title):
                yield Item(title, answer, 0)


#: Machine name -> the reading of its cards (containers are read for what they hold).
_TYPES = {
    "H5P.Flashcards": _Reader.flashcards,
    "H5P.Dialogcards": _Reader.dialogcards,
    "H5P.MultiChoice": _Reader.multichoice,
    "H5P.TrueFalse": _Reader.truefalse,
    "H5P.SingleChoiceSet": _Reader.singlechoiceset,
    "H5P.Blanks": _Reader.blanks,
    "H5P.DragText": _Reader.dragtext,
    "H5P.GuessTheAnswer": _Reader.guesstheanswer,
    "H5P.MarkTheWords": _Reader.markthewords,
    "H5P.Accordion": _Reader.accordion,
    "H5P.Summary": _Reader.summary,
    "H5P.Crossword": _Reader.crossword,
}


def _alphabetical(texts: list[str]) -> list[moodle.Answer]:
    """Options whose first is the right one (H5P shuffles them when shown), in alphabetical order: not A every time."""
    options = [moodle.Answer(text, 100.0 if index == 0 else 0.0) for index, text in enumerate(texts) if text]
    return sorted(options, key=lambda option: option.text.casefold()) if texts and texts[0] else []


def _cloze(sentence: str) -> Iterator[Item]:
    """A sentence of Fill in the Blanks or Drag the Words as a cloze note: each blank a deletion, numbered in
    order; nothing when it has no blank."""
    count = 0

    def hole(found: re.Match[str]) -> str:
        nonlocal count
        count += 1
        answer, _, tip = found.group(1).partition(":")
        alternatives: dict[str, str] = {}  # one spelling of each answer: H5P accepts "Norway/norway" as one
        for part in answer.split("/"):
            alternatives.setdefault(_cloze_text(part).casefold(), _cloze_text(part))
        alternatives.pop("", None)
        tip = _cloze_text(tip)
        deletion = f"{{{{c{count}::{' / '.join(alternatives.values())}{f'::{tip}' if tip else ''}}}}}"
        return html.escape(deletion, quote=False)  # text inside the sentence's HTML, converted with it

    text = _BLANK.sub(hole, sentence)
    if count:
        yield Item(moodle.one_line(_text(text)), "", 0, kind="cloze")


def _cloze_text(text: str) -> str:
    """A blank's answer or tip as a deletion's text: no braces or ``::`` that would end the deletion early."""
    text = moodle.one_line(_text(text))
    return text.replace("{", "(").replace("}", ")").replace("::", ": ")


def _text(value: object) -> str:
    """An H5P text field (HTML, or plain text holding HTML entities) as Markdown."""
    if not isinstance(value, str) or not value.strip():
        return ""
    value = "".join(part if part.lower().startswith("<pre") else part.replace("\n", " ") for part in _PRE.split(value)) \
        if "<" in value else value
    return html_to_markdown(value).strip()


def _with_tip(answer: str, tip: object) -> str:
    shown = _text(tip)
    return moodle.with_notes(answer, f"Tip: {shown}" if shown else "")


def _over(shown: str, text: str) -> str:
    """A question's text with its picture under it (the text first: a question is headed by its text)."""
    return "\n\n".join(part for part in (text, shown) if part)


def _dict(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
