"""Flashcard apps' XML exports as the notes they hold: SuperMemo and Mnemosyne, and Mnemosyne's ``.cards`` packages.

* **SuperMemo** (``<SuperMemoCollection>``): a tree of ``<SuperMemoElement>``s, each
  with a ``<Type>`` (``Topic``, ``Concept`` or ``Item``), a ``<Title>`` on topics and
  concepts, and ``<Content>`` holding the ``<Question>`` and ``<Answer>`` as escaped
  HTML. Items are the cards (an element with no title that asks and answers is one
  too); topics are reading material, and their titles, with the concepts', the path
  to an item: its section once the path every item shares is taken off. Media
  elements inside the content (``<Image>``, ``<Sound>``, ``<Video>``) are left out.
* **Mnemosyne 1.x** (``<mnemosyne core_version="1">``): ``<item>``s with a ``<Q>``, an
  ``<A>`` and a ``<cat>``egory, the section.
* **Mnemosyne 2.x** (``<openSM2sync>``, the ``cards.xml`` of a ``.cards`` zip, which
  its File › Export writes): a log of entries, ``type="16"`` adding a fact (its
  fields as elements: ``<f>`` front, ``<b>`` back; a vocabulary fact's ``<f>``,
  ``<p_1>`` pronunciation and ``<m_1>`` meaning; a cloze fact's ``<text>`` with
  ``[deletions]``; ``<n>`` notes), ``type="6"`` adding a card of a fact (``fact_v``
  ``2.2``, a card asking the back: the fact is reversed) with its tags' ids,
  ``type="10"`` adding a tag (its ``<name>``). Each fact is a card.

The XML is scanned, never parsed: no entity is expanded and nothing it names is
fetched. Notes are written as :func:`.data.notes_markdown` writes Anki's.
"""

from __future__ import annotations

import html
import re

from ..errors import SourceError
from ..parsers.markup import html_to_markdown, inline_text
from .archive import Archive
from .data import notes_markdown, shared_path
from .datacards import Item, hard_breaks

_ELEMENT = re.compile(r"<(/?)SuperMemoElement\s*>|<(Title|Type)\s*>(.*?)</\2\s*>|<Content\s*>(.*?)</Content\s*>",
                      re.DOTALL)
_MEDIA = re.compile(r"<(Image|Sound|Video)\b.*?</\1\s*>", re.DOTALL)
_ITEM = re.compile(r"<item\b([^>]*)>(.*?)</item\s*>", re.DOTALL)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
_LOG = re.compile(r"<log\b([^>]*?)(?:/>|>(.*?)</log\s*>)", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
#: A Mnemosyne cloze deletion, ``[text]`` or ``[text:hint]``.
_DELETION = re.compile(r"\[([^\[\]:]+)(?::([^\[\]]*))?\]")
_ADDED_CARD, _ADDED_FACT, _ADDED_TAG = "6", "16", "10"
#: What the start of each export holds, as bytes: read in a folder whatever the file's name (see
#: :data:`qadeck.markups.EXPORT_MARKS`). Mnemosyne 1 always writes its core version on its root.
EXPORT_MARKS = (b"<SuperMemoCollection", b"<mnemosyne core_version", b"<openSM2sync")
#: The id of a Mnemosyne 1 item that is another card of a fact: its reverse (``.inv``), or a three-sided
#: fact's card asking the translation (``.tr.1``).
_OTHER_CARD = re.compile(r"^(.+)\.(?:inv|tr\.\d+)$")
#: Mnemosyne 1's own markup in a side: how the card is laid out (``<card style="answerbox: overlay"/>``), no text.
_LAYOUT = re.compile(r"<card\b[^<>]*>", re.IGNORECASE)


def is_flashcards(text: str) -> bool:
    """Does this XML hold a SuperMemo or Mnemosyne export?"""
    return "<SuperMemoCollection" in text or "<mnemosyne" in text or "<openSM2sync" in text


def to_markdown(text: str) -> str:
    """An export's notes as Markdown ("" when it holds none)."""
    if "<SuperMemoCollection" in text:
        items = _supermemo(text)
    elif "<openSM2sync" in text:
        items = _mnemosyne_log(text)
    else:
        items = _mnemosyne_items(text)
    return notes_markdown(items) if items else ""


def cards_to_markdown(data: bytes, name: str = "<cards>") -> str:
    """A Mnemosyne ``.cards`` package (a zip holding ``cards.xml``) as Markdown."""
    archive = Archive(data, name, "Mnemosyne cards package")
    if not archive.has("cards.xml"):
        raise archive.damaged("no cards.xml in it")
    text = archive.text("cards.xml")
    if "<openSM2sync" not in text:
        raise archive.damaged("cards.xml is not a Mnemosyne export")
    items = _mnemosyne_log(text)
    if not items:
        raise SourceError("a Mnemosyne cards package with no cards in it", name)
    return notes_markdown(items)


def _supermemo(text: str) -> list[Item]:
    found: list[tuple[list[str], str, str]] = []
    stack: list[dict[str, str]] = []  # the open elements: their title, type and content
    for match in _ELEMENT.finditer(text):
        closing, field, value, content = match.groups()
        if field:
            if stack:
                stack[-1][field] = _plain(value)
        elif content is not None:
            if stack:
                stack[-1]["Content"] = content
        elif not closing:
            stack.append({})
        elif stack:
            element = stack.pop()
            kind = element.get("Type", "").lower()
            if kind == "item" or not (kind or element.get("Title")):  # a topic or concept is no card
                found.append(([e.get("Title", "") for e in stack], *_sides(element)))
    found = [(path, question, answer) for path, question, answer in found if question]
    shared = shared_path([[title for title in path if title] for path, _, _ in found])
    items = []
    for path, question, answer in found:
        titles = [title for title in path if title][len(shared):]
        items.append(Item(question, answer, 0, "::".join(titles)))
    return sorted(items, key=lambda item: item.section)


def _sides(element: dict[str, str]) -> tuple[str, str]:
    content = _MEDIA.sub("", element.get("Content", ""))
    return _question(_field(content, "Question")), _answer(_field(content, "Answer"))


def _mnemosyne_items(text: str) -> list[Item]:
    """Each fact's card: an item whose id is another's plus ``.inv`` or ``.tr.N`` is that fact's other card,
    which makes the fact's card one asked both ways."""
    found = [(_ID.search(attributes), body) for attributes, body in _ITEM.findall(text)]
    ids = [match.group(1) if match else "" for match, _ in found]
    others = {other.group(1) for identity in ids if (other := _OTHER_CARD.match(identity))}
    known = set(ids)
    items = []
    for identity, (_, body) in zip(ids, found):
        if (other := _OTHER_CARD.match(identity)) and other.group(1) in known:
            continue
        question = _question(_field(body, "Q"))
        if question:
            kind = "reversed" if identity and identity in others else "basic"
            items.append(Item(question, _answer(_field(body, "A")), 0, _plain(_field(body, "cat")), kind=kind))
    return sorted(items, key=lambda item: item.section)


def _mnemosyne_log(text: str) -> list[Item]:
    tags: dict[str, str] = {}
    facts: dict[str, str] = {}
    cards: dict[str, list[dict[str, str]]] = {}
    for attributes, body in _LOG.findall(text):
        values = {key: html.unescape(a or b) for key, a, b in _ATTRIBUTE.findall(attributes)}
        kind, identity = values.get("type"), values.get("o_id", "")
        if kind == _ADDED_TAG:
            tags[identity] = _plain(_field(body or "", "name"))
        elif kind == _ADDED_FACT:
            facts[identity] = body or ""
        elif kind == _ADDED_CARD:
            cards.setdefault(values.get("fact", ""), []).append(values)
    items = []
    for identity, body in facts.items():
        item = _fact(body, cards.get(identity, []), tags)
        if item is not None:
            items.append(item)
    return items


def _fact(body: str, cards: list[dict[str, str]], tags: dict[str, str]) -> Item | None:
    """One Mnemosyne fact as its card: a cloze, a vocabulary word, or a front and back (reversed when a
    card of it asks the back)."""
    names = {tag for card in cards for tag in card.get("tags", "").split(",") if tag}
    labels = tuple(sorted({tags[tag] for tag in names if tags.get(tag) and tags[tag] != "__UNTAGGED__"}))
    notes = _answer(_field(body, "n"))
    if "<text>" in body:
        counter = iter(range(1, 10_000))

        def deletion(found: re.Match[str]) -> str:
            hint = f"::{found.group(2)}" if found.group(2) else ""
            return f"{{{{c{next(counter)}::{found.group(1)}{hint}}}}}"

        text = _DELETION.sub(deletion, _question(_field(body, "text")))
        return Item(text, notes, 0, "", labels, kind="cloze") if "{{c1::" in text else None
    question = _question(_field(body, "f"))
    if not question:
        return None
    if "<m_1>" in body:  # vocabulary: the word asks, its pronunciation and meaning answer
        parts = [_answer(_field(body, "p_1")), _answer(_field(body, "m_1")), notes]
        return Item(question, "\n\n".join(part for part in parts if part), 0, "", labels)
    reversed_ = any(card.get("fact_v", "").endswith(".2") for card in cards)
    answer = "\n\n".join(part for part in (_answer(_field(body, "b")), notes) if part)
    return Item(question, answer, 0, "", labels, kind="reversed" if reversed_ else "basic")


def _field(body: str, name: str) -> str:
    """The raw text of the first ``<name>`` element in ``body`` ("" when there is none)."""
    found = re.search(rf"<{name}\s*>(.*?)</{name}\s*>", body, re.DOTALL)
    return found.group(1) if found else ""


def _plain(value: str) -> str:
    return " ".join(html.unescape(_CDATA.sub(r"\1", value)).split())


def _markup(value: str) -> str:
    """An element's text: XML-escaped (or CDATA) HTML, its line breaks the author's, Mnemosyne's layout tags left out."""
    value = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), value.strip())
    return _LAYOUT.sub("", html.unescape(value)).strip().replace("\r\n", "\n").replace("\n", "<br>")


def _question(value: str) -> str:
    return inline_text(_markup(value)) if value else ""


def _answer(value: str) -> str:
    return hard_breaks(html_to_markdown(_markup(value)).strip()) if value.strip() else ""
