"""IMS QTI quizzes, what Canvas, Blackboard, Brightspace, Sakai and most other course sites export, as Markdown.

Two generations of the standard are read, in one XML file or in the zip package the sites export (an
``imsmanifest.xml`` beside the quiz files):

* **QTI 1.2** (``<questestinterop>``): ``<item>``\\ s in ``<section>``\\ s (a titled section is the items'
  section). An item's question is the ``<material>`` of its ``<presentation>`` (``<mattext>``, HTML when its
  ``texttype`` says so), its responses ``<response_lid>`` (options: ``<response_label>``\\ s), ``<response_str>``
  or ``<response_num>`` (typed answers); ``<resprocessing>`` says which are right: the values a condition that
  gives a positive score asks for (``<varequal>``, not under ``<not>``; ``<vargte>``/``<varlte>`` a range).
  One list of options is a multiple-choice (or true/false) question; several, each with its own text, a
  matching one; several inside the question (Canvas's ``[blank]``\\ s) a fill-in-the-blanks one.
* **QTI 2.x and 3.0** (``<assessmentItem>``, ``<qti-assessment-item>``: one question a file): the
  ``<itemBody>`` is XHTML holding interactions, whose right answers the ``<responseDeclaration>`` with the
  same identifier gives (``<correctResponse>``, else the ``<mapping>``\\ 's entries worth points): a choice,
  order, match, associate, gap-match or hot-text interaction, and gaps (text entry, inline choice) in the text.

Each question becomes the card :mod:`.moodle` makes of its kind (options under the question, the right one on
the back; pairs for matching; blanks for gaps); a question with nothing to learn by heart (an essay, a file
upload, a hotspot on a picture) is reported as unanswered. The general feedback follows the answer.

The XML is scanned, never handed to an XML parser: no entity is expanded, nothing it names is fetched, and a
package's parts are read within :mod:`.archive`'s size cap. An element closed out of order is an error naming
its line. A card points at its question's line in a file; in a package, at the Markdown's.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..errors import SourceError
from . import moodle
from .archive import Archive, attributes, picture
from .datacards import Item
from .moodle import Answer
from .outliner import line_at

_KIND = "a QTI quiz"
#: A Markdown picture: its alt text and target.
_PICTURE = re.compile(r"!\[([^\]]*)\]\(<?([^)\s>]+)>?\)")
#: What course sites put before a path inside the package (Canvas, Common Cartridge).
_FILE_BASES = ("$IMS-CC-FILEBASE$", "$IMS_CC_FILE_BASE$", "%24IMS-CC-FILEBASE%24")
#: What a QTI file's text holds before its first item, whatever its prefix or version.
_MARK = re.compile(r"<(?:\w+:)?(?:questestinterop|assessmentItem|qti-assessment-item)\b")
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z_][\w:.-]*)(?P<attributes>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    r"\s*(?P<alone>/?)>",
    re.DOTALL,
)
#: QTI 1.2's responses: a list of options, typed text, a number, a group.
_RESPONSES = ("response_lid", "response_str", "response_num", "response_grp", "response_xy")
#: QTI 2's interactions that sit inside the text: each is a gap.
_GAPS = ("textEntryInteraction", "inlineChoiceInteraction")
#: What the itemBody holds that a learner does not see as the question: feedback, scorers' notes.
_HIDDEN = ("feedbackInline", "feedbackBlock", "modalFeedback", "rubricBlock", "stylesheet", "templateDeclaration")
#: Canvas's question types that have nothing to learn by heart.
_UNANSWERABLE = ("essay_question", "file_upload_question")


@dataclass
class Element:
    """An XML element, its names without their namespace prefix (QTI 3's ``qti-choice-interaction`` as QTI 2's
    ``choiceInteraction``)."""

    name: str
    attributes: dict[str, str]
    line: int
    children: list[Element | str] = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return self.attributes.get(name, default)

    def elements(self, *names: str) -> list[Element]:
        """Direct children named one of ``names`` (any, when none is given)."""
        return [c for c in self.children if isinstance(c, Element) and (not names or c.name in names)]

    def find(self, *names: str, skip: tuple[str, ...] = ()) -> Element | None:
        return next(self.iter(*names, skip=skip), None)

    def iter(self, *names: str, skip: tuple[str, ...] = ()) -> Iterator[Element]:
        """Descendants named one of ``names``, in document order, not looking inside elements named in ``skip``."""
        for child in self.children:
            if isinstance(child, Element):
                if child.name in names:
                    yield child
                if child.name not in skip:
                    yield from child.iter(*names, skip=skip)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def is_qti(text: str) -> bool:
    """Does this XML hold a QTI quiz or question?"""
    return bool(_MARK.search(text[:4096]))


def to_markdown(text: str) -> str:
    """The quiz's questions as Markdown ("" when it holds none); :class:`SourceError` naming the line of an
    element left open or closed in the wrong place."""
    items = list(_items(parse(text)))
    return moodle.markdown(items, text.count("\n") + 1) if items else ""


#: What a zip holding no QTI quiz is.
NO_QUIZ = "a zip with no QTI quiz in it"


def package_to_markdown(data: bytes, name: str) -> str:
    """The questions of every QTI file in a zip package, in the order its manifest lists them."""
    items = package_items(Archive(data, name, "QTI quiz package (zip)"))
    if not items:
        raise SourceError(f"{NO_QUIZ}: qadeck reads the quiz packages course sites export", name)
    return moodle.markdown(items, 0)


def package_items(archive: Archive) -> list[tuple[Item, list[str]]]:
    """The questions (each with its section path) of every QTI file in the zip ``archive``, in the order its
    manifest lists them; none when it holds no QTI file."""
    manifest = archive.text("imsmanifest.xml")
    parts = [part for part in archive.names()  # Blackboard writes its quizzes and pools as res00001.dat
             if part.lower().endswith((".xml", ".qti", ".dat")) and posixpath.basename(part).lower() != "imsmanifest.xml"]
    listed = {part: manifest.find(posixpath.basename(part)) for part in parts}
    parts.sort(key=lambda part: (listed[part] < 0, listed[part], part))
    items: list[tuple[Item, list[str]]] = []
    seen: set[tuple[str, str]] = set()
    for part in parts:
        text = archive.text(part)
        if not is_qti(text):
            continue
        try:
            found = list(_items(parse(text)))
        except SourceError as exc:
            raise SourceError(f"{part}, line {exc.line}: {exc.message}", archive.name) from None
        folder = posixpath.dirname(part)
        for item, path in found:
            if (item.question, item.answer) not in seen:  # a course export holds each quiz twice (CC and Canvas's)
                seen.add((item.question, item.answer))
                def pictured(text: str) -> str:
                    return _PICTURE.sub(lambda m: _picture(m, folder, archive), text)

                items.append((Item(pictured(item.question), pictured(item.answer), 0,
                                   options=tuple((letter, pictured(text)) for letter, text in item.options)), path))
    return items


def _picture(found: re.Match[str], folder: str, archive: Archive) -> str:
    """A picture the package holds, as a reference to its part (read from the zip when the deck is built);
    one it does not hold stays as written."""
    target = unquote(found.group(2)).split("?")[0]
    for base in _FILE_BASES:
        target = target.replace(base, "")
    for member in (posixpath.normpath(posixpath.join(folder, target)), target.lstrip("/"), "web_resources/" + target.lstrip("/")):
        if archive.has(member):
            return picture(member, found.group(1))
    return found.group(0)


def parse(text: str) -> Element:
    """The document's root element, built by scanning its tags; :class:`SourceError` for a tag out of place."""
    root = Element("", {}, 1)
    opened = [root]
    at = 0
    for token in _TOKEN.finditer(text):
        if token.start() > at:
            opened[-1].children.append(html.unescape(text[at:token.start()]))
        at = token.end()
        if token.group("cdata") is not None:
            opened[-1].children.append(token.group("cdata"))
        if token.group("name") is None:
            continue
        name = _local(token.group("name"))
        if token.group("close"):
            if len(opened) == 1 or opened[-1].name != name:
                expected = (f"<{opened[-1].name}> opened on line {opened[-1].line}" if len(opened) > 1
                            else "no open element")
                raise SourceError(f"{_KIND} that is not well-formed XML: </{name}> closes {expected}",
                                  line=line_at(text, token.start()))
            opened.pop()
            continue
        element = Element(name, {_local(key): value for key, value in attributes(token.group("attributes")).items()},
                          line_at(text, token.start()))
        opened[-1].children.append(element)
        if not token.group("alone"):
            opened.append(element)
    if len(opened) > 1:
        raise SourceError(f"{_KIND} that is not well-formed XML: <{opened[-1].name}> opened here is never closed",
                          line=opened[-1].line)
    return root


def _local(name: str) -> str:
    """A tag's or attribute's name without its prefix; QTI 3's kebab-case names as QTI 2's camelCase."""
    name = name.rpartition(":")[2]
    if name.startswith("qti-"):
        name = name[4:]
    elif "-" not in name or name.startswith(("data-", "aria-")):
        return name
    first, *rest = name.split("-")
    return first + "".join(word[:1].upper() + word[1:] for word in rest)


def _items(root: Element) -> Iterator[tuple[Item, list[str]]]:
    """Each question's card and the titles of the sections it sits in."""
    yield from _sections(root, [])
    for item in root.iter("assessmentItem"):
        found = _item2(item)
        if found is not None:
            yield found, []


def _sections(parent: Element, path: list[str]) -> Iterator[tuple[Item, list[str]]]:
    for child in parent.elements():
        if child.name == "item":
            found = _item1(child)
            if found is not None:
                yield found, path
        elif child.name in ("section", "assessment", "objectbank", "questestinterop"):
            title = moodle.plain(child.get("title")) if child.name == "section" else ""
            yield from _sections(child, path + [title] if title and child.get("ident") != "root_section" else path)


# QTI 1.2 ---------------------------------------------------------------------------------------------------------


def _item1(item: Element) -> Item | None:
    kind = _canvas_type(item)
    presentation = item.find("presentation")
    if presentation is None:
        return None
    question = _html_markdown(_materials(presentation, skip=_RESPONSES))
    notes = _feedback1(item)
    responses = list(presentation.iter(*_RESPONSES))
    if not question or not responses or kind == "text_only_question":
        return None
    if kind in _UNANSWERABLE:
        return Item(question, "", item.line)
    right = _right1(item)
    lists = [r for r in responses if r.name == "response_lid"]
    if len(responses) == 1 and lists:
        options = [Answer(moodle.one_line(_html_markdown(_materials(label))), 100.0 if label.get("ident") in
                          right.get(lists[0].get("ident"), ()) else 0.0) for label in lists[0].iter("response_label")]
        options = [option for option in options if option.text]
        chosen = moodle.right(options)
        if len(chosen) == 1 and len(options) == 2 and chosen[0].text.lower() in ("true", "false"):
            return moodle.true_false(question, chosen[0].text.lower() == "true", item.line, notes)
        return moodle.choice(question, options, item.line, notes)
    if len(responses) == 1:  # typed: the answers it accepts
        values = right.get(responses[0].get("ident"), [])
        return moodle.accepted(question, [Answer(value, 100.0) for value in values], item.line, notes)
    names = [_plain(_materials(r, skip=("render_choice", "render_fib"))) for r in responses]
    shown = _plain(_materials(presentation, skip=_RESPONSES))
    if len(lists) == len(responses) and all(names) and not all(f"[{name}]" in shown for name in names):
        pairs = [(_html_markdown(_materials(r, skip=("render_choice",))), _chosen_label(r, right)) for r in lists]
        return moodle.matching(question, pairs, item.line, notes)
    # The blanks of a fill-in question, each named in its text ([blank1]) or following it.
    for name in filter(None, names):
        question = question.replace(f"\\[{name}\\]", moodle.BLANK).replace(f"[{name}]", moodle.BLANK)
    answers = [_chosen_label(r, right) if r.name == "response_lid" else " / ".join(right.get(r.get("ident"), ()))
               for r in responses]
    back = "\n".join(f"{n}. {answer}" for n, answer in enumerate(answers, 1)) if all(answers) else ""
    return Item(question, moodle.with_notes(back, notes), item.line)


def _canvas_type(item: Element) -> str:
    """The question type Canvas (and tools that write for it) records in the item's metadata."""
    for entry in item.iter("qtimetadatafield"):
        label, value = entry.find("fieldlabel"), entry.find("fieldentry")
        if label is not None and value is not None and label.text().strip().lower() in ("question_type", "qmd_itemtype"):
            return value.text().strip().lower()
    return ""


def _right1(item: Element) -> dict[str, list[str]]:
    """Response identifier -> the values that score: what a condition giving points asks for (Blackboard's
    conditions are titled ``correct`` and set the item's ``SCORE.max``)."""
    right: dict[str, list[str]] = {}
    for condition in item.iter("respcondition"):
        if condition.get("title").lower() != "correct" and not any(_positive(s) for s in condition.iter("setvar")):
            continue
        test = condition.find("conditionvar")
        if test is None:
            continue
        exact = list(test.iter("varequal", "varsubset", "varsubstring", skip=("not",)))
        for found in exact:
            right.setdefault(found.get("respident"), []).append(found.text().strip())
        low, high = test.find("vargte", "vargt", skip=("not",)), test.find("varlte", "varlt", skip=("not",))
        if low is not None and high is not None and not exact:  # a range, not the margin around a value
            right.setdefault(low.get("respident"), []).append(moodle.span(low.text(), high.text()))
    return {key: list(dict.fromkeys(value for value in values if value)) for key, values in right.items()}


def _positive(setvar: Element) -> bool:
    if setvar.get("action", "Set").lower() not in ("set", "add"):
        return False
    value = setvar.text().strip()
    return value.lower().endswith(".max") or _number(value) > 0


def _chosen_label(response: Element, right: dict[str, list[str]]) -> str:
    wanted = right.get(response.get("ident"), [])
    labels = {label.get("ident"): _plain_or_markdown(_materials(label)) for label in response.iter("response_label")}
    return " / ".join(labels.get(value, value) for value in wanted)


def _feedback1(item: Element) -> str:
    """The item's general feedback (Canvas's ``general_fb``, or feedback shown whatever was answered)."""
    for feedback in item.iter("itemfeedback"):
        if feedback.get("ident").lower() in ("general_fb", "general", "solution", "correct_fb"):
            return _html_markdown(_materials(feedback))
    return ""


def _materials(element: Element, skip: tuple[str, ...] = ()) -> str:
    """The HTML a QTI 1.2 element's ``<material>``\\ s show, not looking into elements named in ``skip``."""
    parts = []
    for material in element.iter("material", skip=skip + ("material",)):
        for shown in material.iter("mattext", "mat_formattedtext", "matemtext", "matimage"):
            if shown.name == "matimage":
                alt = shown.get("label") or shown.get("uri")
                parts.append(html.escape(alt) if alt else "")
            elif "html" in shown.get("texttype", "").lower() or shown.name == "mat_formattedtext":
                parts.append(shown.text())
            else:
                parts.append(html.escape(shown.text()).replace("\n", "<br>"))
    return "<br>".join(part for part in parts if part.strip())


def _html_markdown(fragment: str) -> str:
    return moodle.as_markdown(fragment, "html") if fragment.strip() else ""


def _plain(fragment: str) -> str:
    return moodle.plain(html.unescape(fragment))


def _plain_or_markdown(fragment: str) -> str:
    return moodle.one_line(_html_markdown(fragment))


# QTI 2.x and 3.0 -------------------------------------------------------------------------------------------------


def _item2(item: Element) -> Item | None:
    body = item.find("itemBody")
    if body is None:
        return None
    right = _right2(item)
    interactions = list(body.iter(*_INTERACTIONS))
    blocks = [i for i in interactions if i.name not in _GAPS]
    question = _html_markdown(_body_html(body, blocks))
    if not question:
        return None
    if len(interactions) == 1 and interactions[0].name == "choiceInteraction":
        choices = interactions[0].iter("simpleChoice")
        wanted = right.get(interactions[0].get("responseIdentifier"), [])
        options = [Answer(moodle.one_line(_html_markdown(_inner_html(c))), 100.0 if c.get("identifier") in wanted
                          else 0.0) for c in choices]
        return moodle.choice(question, options, item.line)
    if len(interactions) == 1 and interactions[0].name in ("matchInteraction", "associateInteraction"):
        return moodle.matching(question, _pairs(interactions[0], right), item.line)
    asked = {interaction.get("responseIdentifier"): interaction for interaction in interactions}  # gaps may share one
    answers = [_answer2(interaction, right) for interaction in asked.values()]
    if not interactions or not all(answers):
        return Item(question, "", item.line)  # an essay, a drawing, a hotspot: nothing to learn by heart
    back = answers[0] if len(answers) == 1 else "\n".join(f"{n}. {a}" for n, a in enumerate(answers, 1))
    return Item(question, back, item.line)


#: The interactions read, and the ones that only show where a learner acts on a picture or a file.
_INTERACTIONS = (
    "choiceInteraction", "orderInteraction", "matchInteraction", "associateInteraction", "gapMatchInteraction",
    "hottextInteraction", "extendedTextInteraction", *_GAPS, "hotspotInteraction", "graphicOrderInteraction",
    "graphicAssociateInteraction", "graphicGapMatchInteraction", "selectPointInteraction", "sliderInteraction",
    "uploadInteraction", "drawingInteraction", "mediaInteraction", "positionObjectInteraction",
    "customInteraction", "portableCustomInteraction",
)


def _right2(item: Element) -> dict[str, list[str]]:
    """Response identifier -> its right values: the correct response, else the mapping's entries worth points."""
    right: dict[str, list[str]] = {}
    for declaration in item.elements("responseDeclaration"):
        correct = declaration.find("correctResponse")
        values = [v.text().strip() for v in correct.elements("value")] if correct is not None else []
        if not values:
            mapping = declaration.find("mapping")
            entries = mapping.elements("mapEntry") if mapping is not None else []
            values = [e.get("mapKey") for e in entries if _number(e.get("mappedValue")) > 0]
        right[declaration.get("identifier")] = [value for value in values if value]
    return right


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _answer2(interaction: Element, right: dict[str, list[str]]) -> str:
    """The right answer to one interaction, as text ("" when the item does not say it)."""
    wanted = right.get(interaction.get("responseIdentifier"), [])
    if interaction.name == "textEntryInteraction":
        return " / ".join(wanted)
    texts = {c.get("identifier"): _plain_or_markdown(_inner_html(c)) for c in interaction.iter(*_CHOICES)}
    if interaction.name == "gapMatchInteraction":  # pairs "word gap": the words in the order of the gaps
        chosen = {pair[1]: pair[0] for pair in (value.split() for value in wanted) if len(pair) == 2}
        return "; ".join(texts.get(chosen.get(gap.get("identifier"), ""), "") for gap in interaction.iter("gap"))
    if interaction.name in ("matchInteraction", "associateInteraction"):
        return "; ".join(f"{a} → {b}" for a, b in _pairs(interaction, right))
    if interaction.name == "orderInteraction":
        return "\n".join(f"{n}. {texts.get(value, value)}" for n, value in enumerate(wanted, 1)) if wanted else ""
    if interaction.name == "extendedTextInteraction":
        return " / ".join(wanted)
    return " / ".join(texts.get(value, "") for value in wanted if texts.get(value))


#: Elements holding an interaction's options.
_CHOICES = ("simpleChoice", "inlineChoice", "simpleAssociableChoice", "gapText", "gapImg", "hottext", "hotspotChoice",
            "associableHotspot")


def _pairs(interaction: Element, right: dict[str, list[str]]) -> list[tuple[str, str]]:
    texts = {c.get("identifier"): _plain_or_markdown(_inner_html(c)) for c in interaction.iter(*_CHOICES)}
    pairs = [value.split() for value in right.get(interaction.get("responseIdentifier"), [])]
    return [(texts.get(pair[0], pair[0]), texts.get(pair[1], pair[1])) for pair in pairs if len(pair) == 2]


def _body_html(body: Element, blocks: list[Element]) -> str:
    """The item body as HTML a learner reads: a gap for each text entry or inline choice; a choice
    interaction's prompt (its options are listed by the card, or in the text when there are several)."""
    return _inner_html(body, lambda element: _shown(element, len(blocks) > 1))


def _shown(element: Element, several: bool) -> str | None:
    if element.name in _HIDDEN:
        return ""
    if element.name in _GAPS or element.name == "gap":
        return moodle.BLANK
    if element.name in _INTERACTIONS:
        prompt = element.find("prompt")
        shown = _inner_html(prompt) if prompt is not None else ""
        if element.name in ("gapMatchInteraction", "hottextInteraction"):
            return shown + _inner_html(element, lambda e: "" if e.name in ("prompt", "gapText", "gapImg") else
                                       (moodle.BLANK if e.name == "gap" else None))
        if several or element.name in ("orderInteraction",):
            options = [f"<li>{_inner_html(c)}</li>" for c in element.iter(*_CHOICES)]
            return f"<p>{shown}</p>" + (f"<ul>{''.join(options)}</ul>" if options else "")
        return f"<p>{shown}</p>"
    return None


def _inner_html(element: Element, special=None) -> str:
    """The element's content as HTML; ``special(child)`` gives a child's own rendering, or None to keep it."""
    out = []
    for child in element.children:
        if isinstance(child, str):
            out.append(html.escape(child, quote=False))
            continue
        rendered = special(child) if special else None
        if rendered is not None:
            out.append(rendered)
            continue
        if child.name == "math":
            out.append(html.escape(_math(child), quote=False))
        elif child.name in _XHTML:
            attributes = "".join(f' {key}="{html.escape(value)}"' for key, value in child.attributes.items()
                                 if key in ("src", "alt", "href", "title"))
            out.append(f"<{child.name}{attributes}>{_inner_html(child, special)}</{child.name}>")
        else:  # QTI's own inline elements (a hot text, a printed variable): their content
            out.append(_inner_html(child, special))
    return "".join(out)


#: The XHTML elements an item body may hold (QTI 2's content model): kept as HTML for the Markdown conversion.
_XHTML = frozenset((
    "a abbr acronym address b big blockquote br caption cite code col colgroup dd dfn div dl dt em h1 h2 h3 h4 h5 "
    "h6 hr i img kbd li ol p pre q samp small span strong sub sup table tbody td tfoot th thead tr tt ul var "
    "figure figcaption audio video source ruby rt rp label"
).split())


def _math(element: Element) -> str:
    """MathML as a line of text: fractions ``a/b``, powers ``a^b``, indices ``a_b``, roots ``√(a)``."""
    parts = [_math(child) if isinstance(child, Element) else child.strip() for child in element.children]
    parts = [part for part in parts if part]
    if element.name == "mfrac" and len(parts) == 2:
        return "/".join(p if len(p) == 1 or p.isalnum() else f"({p})" for p in parts)
    if element.name == "msup" and len(parts) == 2:
        return f"{parts[0]}^{parts[1]}"
    if element.name == "msub" and len(parts) == 2:
        return f"{parts[0]}_{parts[1]}"
    if element.name == "msqrt":
        return f"√({''.join(parts)})"
    return "".join(parts) if element.name in ("mrow", "mn", "mi", "mo") else " ".join(parts)
