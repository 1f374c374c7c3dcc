"""CrowdAnki decks (``deck.json``): Anki notes shared as JSON, read as the cards Anki shows.

A CrowdAnki export is a deck (``"__type__": "Deck"``) holding notes (a ``fields``
list, ``tags``, the ``note_model_uuid`` of its note type) and sub-decks under
``children``; the note types (``note_models``) name the fields and hold the card
templates. The front of a note's card is the field its first template shows on the
front (the note type's sort field when the front shows it, else the first field
shown that is not empty); the back is the fields the answer template adds, in the
order it shows them. A cloze note type's front is its text, with Anki's
``{{c1::…}}`` deletions; a note that a later template asks the other way round
(Anki's "Basic (and reversed card)") is reversed. Fields are HTML, their math Anki's: the pictures and
sounds the deck lists (``media_files``, kept in the ``media`` folder beside ``deck.json``) are read from
there, others are their alt text (a sound: nothing). A sub-deck's name (the last part of ``Parent::Child``) is
its notes' section; the exported deck's notes have none (its name is the deck's).
:func:`note_item` reads one note, for :mod:`.apkg` too: Anki packages hold the same
note types.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterator
from urllib.parse import quote, unquote

from . import datacards
from .datacards import Item

_FIELD = re.compile(r"\{\{([^{}]+)\}\}")
#: A template's section shown only when a field is filled: ``{{#Add Reverse}}…{{/Add Reverse}}``.
_CONDITION = re.compile(r"\{\{#([^{}]+)\}\}")
#: A picture the deck holds, as :func:`field_markdown` writes it: kept on a front, where other images go.
_HELD_PICTURE = re.compile(r"!\[[^\]\n]*\]\([^)\s]+\)")
#: Where CrowdAnki keeps the files of a deck's ``media_files``: beside ``deck.json``.
MEDIA_FOLDER = "media/"
_PICTURE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SOUND = re.compile(r"\[sound:([^\]\n]+)\]")
#: Math in a field: Anki's LaTeX and MathJax delimiters, display (``dd``, ``bd``) or inline (``d``, ``pd``).
_MATH = re.compile(r"\[\$\$\](?P<dd>.*?)\[/\$\$\]|\[\$\](?P<d>.*?)\[/\$\]|\\\[(?P<bd>.*?)\\\]|\\\((?P<pd>.*?)\\\)",
                   re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
_NOT_FIELDS = frozenset(("FrontSide", "Tags", "Deck", "Subdeck", "Card", "Type", "CardFlag"))
_CLOZE = 1
#: Fields that say something about the note rather than answer it (names compared lower case, without spaces).
_SECTION_FIELDS = ("section", *datacards.CATEGORY_KEYS)
_TAG_FIELDS = ("topics", *datacards.TAG_KEYS)
_ABOUT = frozenset((*_SECTION_FIELDS, *_TAG_FIELDS, *datacards.LEVEL_KEYS, "source", "sources"))


def is_deck(data: object) -> bool:
    return isinstance(data, dict) and (data.get("__type__") == "Deck" or ("notes" in data and "note_models" in data))


def items(data: object) -> list[Item]:
    models: dict[str, dict[str, object]] = {}
    media: set[str] = set()
    for deck, _ in _decks(data, None):
        media.update(str(name) for name in _list(deck.get("media_files")))
        for model in _list(deck.get("note_models")):
            if isinstance(model, dict) and isinstance(model.get("crowdanki_uuid"), str):
                models[model["crowdanki_uuid"]] = model
    out = []
    for deck, section in _decks(data, None):
        for note in _list(deck.get("notes")):
            if isinstance(note, dict):
                item = _item(note, models.get(str(note.get("note_model_uuid"))), section, media)
                if item is not None:
                    out.append(item)
    return out


def _decks(deck: object, parent: str | None) -> Iterator[tuple[dict[str, object], str]]:
    """Each deck and its section: "" for the exported deck (it names the deck, not a part of it)."""
    if not isinstance(deck, dict):
        return
    name = "" if parent is None else str(deck.get("name") or "").split("::")[-1].strip() or parent
    yield deck, name
    for child in _list(deck.get("children")):
        yield from _decks(child, name)


def _item(note: dict[str, object], model: dict[str, object] | None, section: str, media: Collection[str]
          ) -> Item | None:
    values = note.get("fields")
    if not isinstance(values, list) or model is None:
        return None
    fields = [field_markdown(str(value), media, _in_media_folder) for value in values]
    return note_item(fields, [str(tag) for tag in _list(note.get("tags"))], model, section, getattr(note, "line", 0))


def _in_media_folder(name: str) -> str:
    return MEDIA_FOLDER + quote(name)


def field_markdown(value: str, media: Collection[str], where: Callable[[str], str]) -> str:
    """A note's field (HTML) with its math as MathJax delimits it, and its pictures and sounds as references
    (``where`` of a file's name) to the files the deck holds (``media``: their names), else their alt text
    (a sound: nothing)."""
    if "[$" in value or "\\(" in value or "\\[" in value:
        value = _MATH.sub(_math, value)
    if "<img" in value.lower():
        value = _PICTURE.sub(lambda m: _picture(m.group(), media, where), value)
    if "[sound:" in value:
        value = _SOUND.sub(lambda m: f"[sound:{where(name)}]" if (name := _held(m.group(1), media)) else "", value)
    return value


def _picture(tag: str, media: Collection[str], where: Callable[[str], str]) -> str:
    """An ``<img>`` tag as Markdown showing the deck's file it names, else its alt text."""
    alt = (found.group(1) or found.group(2) or "") if (found := _ALT.search(tag)) else ""
    src = (found.group(1) or found.group(2) or found.group(3) or "") if (found := _SRC.search(tag)) else ""
    name = _held(src, media)
    if not name:
        return alt
    alt = " ".join(html.unescape(alt).replace("[", " ").replace("]", " ").split())
    return f"![{alt}]({where(name)})"


def _held(reference: str, media: Collection[str]) -> str:
    """The name in the deck's media of the file ``reference`` (a field's ``src`` or sound) names, "" when it
    holds none: Anki's editor writes a name percent-encoded, HTML-escaped in an attribute."""
    name = html.unescape(reference.strip())
    return next((one for one in (name, unquote(name)) if one in media), "")


def _math(found: re.Match[str]) -> str:
    """Anki's LaTeX (``[$]…[/$]``, ``[$$]…[/$$]``) or MathJax (``\\(…\\)``, ``\\[…\\]``) as MathJax, its TeX as
    typed: the editor's tags and entities in it (``<br>``, ``&nbsp;``, ``&lt;``) taken out."""
    display = found.group("dd") if found.group("dd") is not None else found.group("bd")
    body = display if display is not None else found.group("d") if found.group("d") is not None else found.group("pd")
    tex = html.unescape(_TAG.sub(" ", body)).replace("\xa0", " ").strip()
    return f"\\[{tex}\\]" if display is not None else f"\\({tex}\\)"


def note_item(values: list[str], tags: list[str], model: dict[str, object], section: str, line: int = 0,
              cards: Collection[int] | None = None) -> Item | None:
    """One Anki note (its fields' values, its tags) as the entry Anki shows, None when it shows nothing.

    ``model`` is the note type as Anki's JSON writes it (``flds``, ``tmpls`` with ``qfmt`` and ``afmt``,
    ``type`` 1 for cloze, ``sortf``); ``cards`` the templates (by number) the note has cards of, when known.
    The front and back are the fields' HTML (the question one line of it). A field named as a section
    (``Section``, ``Category``, ``Topic``), tags (``Tags``, ``Topics``), a level (``Difficulty``) or the
    ``Source`` says that about the note: the section, tags and level, not more of the answer.
    """
    if not values:
        return None
    names = [str(field.get("name")) for field in _list(model.get("flds")) if isinstance(field, dict)]
    fields = {name: value.strip() for name, value in zip(names, values)}
    templates = [t for t in _list(model.get("tmpls")) if isinstance(t, dict)]
    front_names = _shown(str(templates[0].get("qfmt", ""))) if templates else names[:1]
    back_names = _shown(str(templates[0].get("afmt", ""))) if templates else names[1:]
    sort = model.get("sortf")
    sort_name = names[sort] if isinstance(sort, int) and 0 <= sort < len(names) else ""
    if model.get("type") == _CLOZE:
        front = next((name for name in front_names if fields.get(name)), "")
    elif sort_name in front_names and fields.get(sort_name):
        front = sort_name
    else:
        front = next((name for name in front_names if fields.get(name)), "")
    if not front:
        return None
    about = {datacards.norm_key(name): fields[name] for name in names if name != front and datacards.norm_key(name) in _ABOUT and fields[name]}
    shown = [name for name in back_names if name not in front_names and fields.get(name) and datacards.norm_key(name) not in about]
    if model.get("type") != _CLOZE:
        shown = shown or [name for name in names if name != front and fields.get(name) and datacards.norm_key(name) not in about][:1]
    kind = "cloze" if model.get("type") == _CLOZE else "basic"
    if kind == "basic" and shown and _reversed(templates, front, shown[0], fields, cards):
        kind = "reversed"
    section = next((_text(about[key]) for key in _SECTION_FIELDS if key in about), section)
    tags = [*tags, *(tag for key in _TAG_FIELDS if key in about for tag in re.split(r"[,;\s]+", _text(about[key])))]
    level = next((_level(about[key]) for key in datacards.LEVEL_KEYS if key in about), "")
    return Item(_text(fields[front]), "\n\n".join(fields[name] for name in shown), line, section,
                tuple(dict.fromkeys(tag.strip().replace("::", "/") for tag in tags if tag.strip())), level, kind=kind)


def _reversed(templates: list[dict[str, object]], front: str, back: str, fields: dict[str, str],
              cards: Collection[int] | None) -> bool:
    """Does a later template ask ``back`` and answer ``front`` (Anki's "Basic (and reversed card)"), and
    make a card of this note (it has one, or what the template's ``{{#Field}}`` sections test is filled)?"""
    for number, template in enumerate(templates[1:], start=1):
        asks = _shown(str(template.get("qfmt", "")))
        if back not in asks or front not in _shown(str(template.get("afmt", ""))):
            continue
        if cards is not None:
            return number in cards
        needed = _CONDITION.findall(str(template.get("qfmt", "")))
        return all(fields.get(name.strip()) for name in needed)
    return False


def _level(field: str) -> str:
    from ..tagging.difficulty import words_level  # the tagging package reads the layouts, which read markups

    return words_level(_text(field))


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _shown(template: str) -> list[str]:
    """The fields a template shows, in its order (``{{hint:Notes}}`` shows Notes; ``{{#Notes}}`` only tests it)."""
    shown = []
    for found in _FIELD.findall(template):
        name = found.strip()
        if name[:1] in "#^/!":
            continue
        name = name.rsplit(":", 1)[-1].strip()
        if name and name not in _NOT_FIELDS and name not in shown:
            shown.append(name)
    return shown


def _text(field: str) -> str:
    """A front field's HTML as the one line of text a question is (``<b>perro</b>`` -> ``perro``); the pictures
    an Anki package holds follow the text (a front is often a picture with a line above it)."""
    from ..parsers.markup import inline_text  # the layouts' package reads markups: imported when first asked

    if "<" not in field and "&" not in field:
        return field
    pictures = _HELD_PICTURE.findall(field) if "](" in field else []
    text = inline_text(_HELD_PICTURE.sub(" ", field) if pictures else field)
    return " ".join([text, *pictures]).strip()



