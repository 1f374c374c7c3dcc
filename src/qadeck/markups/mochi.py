"""Mochi exports (``.mochi``: a zip holding ``data.json``) as the cards they hold, in the ``blocks`` layout.

``data.json`` is Transit JSON: keywords are strings opening with ``~:``, lists
``{"~#list": […]}``, sets ``{"~#set": […]}``, and in its compact form a map is a
list opening with ``"^ "`` whose keys (and keywords) after their first use are
cache codes (``"^0"``, ``"^1"``, …). Its ``decks`` each have a ``name``, a
``parent-id`` and ``cards``; a card's ``content`` is Markdown whose sides are
parted by a line ``---`` (the first the front, the rest the back), or, made
from a template, its ``fields``' values (the first the front). ``{{text}}`` and
``{{2::text}}`` are Mochi's clozes. The export's attachments are not read: a
picture or sound it holds is its alt text. Trashed cards and decks are left out; a
deck's path below the one every card shares is the cards' section. A
``data.edn`` export (Clojure's notation) is not read: an error says to export
as JSON.
"""

from __future__ import annotations

import json
import re

from ..errors import SourceError
from ..parsers.markup import inline_text
from .archive import Archive
from .data import notes_markdown, shared_path
from .datacards import Item

_KIND = "Mochi export"
_SIDES = re.compile(r"^\s*---\s*$", re.MULTILINE)
_CLOZE = re.compile(r"\{\{(?:(\d+)::)?([^{}]+?)\}\}")
_ATTACHED = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_MAP, _CACHE_BASE, _CACHE_SIZE = "^ ", 48, 44


def to_markdown(data: bytes, name: str = "<mochi>") -> str:
    archive = Archive(data, name, _KIND)
    if not archive.has("data.json"):
        why = "its data.edn is not read: export the deck as JSON" if archive.has("data.edn") else "no data.json in it"
        raise archive.damaged(why)
    try:
        export = _Transit().decode(json.loads(archive.text("data.json")))
    except (ValueError, RecursionError) as exc:
        raise archive.damaged(f"data.json: {exc}") from None
    items = _cards(export)
    if not items:
        raise SourceError(f"a {_KIND} with no cards in it", name)
    return notes_markdown(items)


def _cards(export: object) -> list[Item]:
    decks = [deck for deck in _list(_get(export, "decks")) if isinstance(deck, dict) and not deck.get("trashed?")]
    names = {str(deck.get("id")): str(deck.get("name") or "") for deck in decks}
    parents = {str(deck.get("id")): str(deck.get("parent-id")) for deck in decks if deck.get("parent-id")}

    def path(deck_id: str) -> list[str]:
        out: list[str] = []
        while deck_id in names and len(out) < 100:  # a parent loop ends
            out.insert(0, names[deck_id])
            deck_id = parents.get(deck_id, "")
        return out

    found = []
    for deck in decks:
        for card in _list(deck.get("cards")):
            if isinstance(card, dict) and not card.get("trashed?"):
                item = _card(card)
                if item is not None:
                    found.append((path(str(deck.get("id"))), item))
    shared = shared_path([deck_path for deck_path, _ in found])
    items = [Item(item.question, item.answer, 0, "::".join(deck_path[len(shared):]), item.tags, kind=item.kind)
             for deck_path, item in found]
    return sorted(items, key=lambda item: item.section)


def _card(card: dict[str, object]) -> Item | None:
    content = _without_attachments(str(card.get("content") or ""), _mapping(card.get("attachments")))
    if content.strip():
        front, *back = _SIDES.split(content)
    else:
        fields = [str(field.get("value") or "") for field in _mapping(card.get("fields")).values()
                  if isinstance(field, dict)]
        front, back = (fields[0], fields[1:]) if fields else ("", [])
    tags = tuple(str(tag).lstrip("#") for tag in _list(card.get("tags")) if str(tag).strip())
    answer = "\n\n".join(side.strip() for side in back if side.strip())
    if _CLOZE.search(front):
        counter = iter(range(1, 10_000))
        text = _CLOZE.sub(lambda m: f"{{{{c{m.group(1) or next(counter)}::{m.group(2)}}}}}", front.strip())
        return Item(inline_text(text), answer, 0, "", tags, kind="cloze")
    question = inline_text(front)
    return Item(question, answer, 0, "", tags) if question else None


def _without_attachments(content: str, attachments: dict[str, object]) -> str:
    """The content with its pictures and sounds kept in the export (``@media/…`` or an attachment's name) as their
    alt text: the export's files are not read."""
    if "![" not in content:
        return content

    def alt(found: re.Match[str]) -> str:
        target = found.group(2)
        return found.group(1) if target.startswith("@media/") or target in attachments else found.group(0)

    return _ATTACHED.sub(alt, content)


def _get(value: object, key: str) -> object:
    return value.get(key) if isinstance(value, dict) else None


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _mapping(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


class _Transit:
    """Transit JSON read into plain values: keywords their names, tagged values (lists, sets) their contents,
    maps dicts. The cache of the compact form is rebuilt in reading order, as the writer built it."""

    def __init__(self) -> None:
        self.cache: list[str] = []

    def decode(self, value: object, key: bool = False) -> object:
        if isinstance(value, str):
            return _plain(self._raw(value, key))
        if isinstance(value, list):
            if value[:1] == [_MAP]:
                pairs = value[1:]
                return {str(self.decode(k, True)): self.decode(v) for k, v in zip(pairs[::2], pairs[1::2])}
            if len(value) == 2 and isinstance(value[0], str) and value[0].startswith(("~#", "^")) and value[0] != _MAP:
                raw = self._raw(value[0], True)
                if raw.startswith("~#"):
                    return self.decode(value[1])  # a tagged value: a list, a set, …
                return [_plain(raw), self.decode(value[1])]
            return [self.decode(one) for one in value]
        if isinstance(value, dict):
            if len(value) == 1:
                ((tag, inner),) = value.items()
                raw = self._raw(str(tag), True)
                if raw.startswith("~#"):
                    return self.decode(inner)
                return {_plain(raw): self.decode(inner)}
            return {str(self.decode(k, True)): self.decode(v) for k, v in value.items()}
        return value

    def _raw(self, text: str, key: bool) -> str:
        """The string as written before caching: a cache code looked up, anything else remembered when cacheable."""
        if text.startswith("^") and text != _MAP and len(text) in (2, 3):
            digits = [ord(char) - _CACHE_BASE for char in text[1:]]
            code = digits[0] if len(digits) == 1 else digits[0] * _CACHE_SIZE + digits[1]
            return self.cache[code] if 0 <= code < len(self.cache) else text
        if len(text) > 3 and (key or text.startswith(("~:", "~$", "~#"))):
            if len(self.cache) == _CACHE_SIZE * _CACHE_SIZE:
                self.cache.clear()
            self.cache.append(text)
        return text


def _plain(text: str) -> str:
    """A Transit string's value: a keyword or symbol its name, an escaped ``~`` or ``^`` itself."""
    if text.startswith(("~:", "~$")):
        return text[2:]
    return text[1:] if text.startswith(("~~", "~^", "~#")) else text
