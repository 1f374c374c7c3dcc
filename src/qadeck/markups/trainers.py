"""Vocabulary trainers' files as the cards they hold: Parley and KWordQuiz, Pauker, jMemorize, Teach2000 and others.

* **KVTML** (``.kvtml``, written by Parley, KWordQuiz, KVocTrain and KHangMan): version 2
  lists ``<identifiers>`` (the languages, each ``<name>``\\d), ``<entries>`` whose
  ``<translation id="N">`` holds each language's ``<text>`` (with its ``<pronunciation>``,
  ``<comment>``, ``<example>``), and ``<lessons>``: ``<container>``\\s (nested, each a
  ``<name>``) listing ``<entry id>``\\s, the entries' section. The first language asks, the
  second answers, a third and more are named in the answer. A file of one language (KHangMan's
  word lists) asks its words' comments, the hints the game shows, and answers the word.
  Version 1 (KVocTrain, KWordQuiz 0.x) writes each entry as ``<e m="lesson">`` holding an
  ``<o>``\\riginal and its ``<t>``\\ranslations, its lessons as ``<desc no="N">`` names.
* **Pauker** (``.pau``, ``.pau.gz``: a gzipped lesson, or its XML): ``<Batch>``\\es of
  ``<Card>``\\s, each a ``<FrontSide>`` and a ``<ReverseSide>`` holding its ``<Text>``.
  Batches are the learning state, not sections.
* **jMemorize** (``.jml``: the XML, gzipped, or zipped as ``lesson.xml``): nested
  ``<Category name>``\\s of ``<Deck>``\\s (learning state) of ``<Card Frontside Backside>``,
  sides in jMemorize's HTML-like markup; the categories below the root every card shares
  are the section.
* **Teach2000** (``.t2k``): ``<item>``\\s holding ``<questions>`` and ``<answers>`` (or one
  ``<question>`` and ``<answer>``, as WRTS writes them); several answers are each correct.
* **WRTS** (``.wrts``, the Dutch site's lists): ``<lijst>``\\s (each a ``<titel>``, the section when
  there are several) of ``<woord>``\\s, the first language's word its ``<a>``, the second's its ``<b>``.
* **CueCard** (``.wcu``): ``<Card Question Answer>``\\s.
* **Granule** (``.dkf``): ``<card>``\\s with a ``<front>``, a ``<back>`` and a ``<back_example>``.
* **Teachmaster** (``.vok2``): ``<vokabelsatz>``\\s, each a word of the first language
  (``<spreins>``), of the second (``<sprzwei>``, a ``<synonym>`` also right), a remark
  (``<bemerkung>``) and its ``<lektion>``, the section.

The XML is parsed by the standard library's parser with nothing fetched: a document that
declares an entity (the one way to make a parser expand or fetch anything) is refused, and a
packed file is read no further than :data:`~.archive.MAX_XML_BYTES`. Text is the apps' plain
text (jMemorize's excepted), escaped so that it shows as written. Notes are written as
:func:`.data.notes_markdown` writes Anki's.
"""

from __future__ import annotations

import gzip
import html
import io
import re
import zlib
from collections.abc import Callable, Sequence
from xml.etree import ElementTree

from ..errors import SourceError
from ..parsers.markup import html_to_markdown, inline_text
from .archive import MAX_XML_BYTES, Archive
from .data import notes_markdown, shared_path
from .datacards import Item, hard_breaks

Element = ElementTree.Element
_GZIP, _ZIP = b"\x1f\x8b", b"PK\x03\x04"
#: An entity declaration, in the encodings an XML file can open in: refused before parsing.
_ENTITY_DECLARATIONS = tuple("<!ENTITY".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
#: What in plain text Markdown would read as markup anywhere (a bracket only where it would make a link), and what
#: a line may not open with.
_MARKDOWN_CHARACTERS = re.compile(r"([\\`*_]|~~|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\[(?=[^\]]*\][(\[:]))")
#: A formula Parley typesets: kept as written, the math qadeck's cards show.
_FORMULA = re.compile(r"(\$\$.+?\$\$)", re.DOTALL)
_LINE_OPENING = re.compile(r"^(\s*)([#+=>-]|\d+[.)])", re.MULTILINE)


def kvtml_to_markdown(data: bytes, name: str = "<kvtml>") -> str:
    """A KVTML vocabulary (Parley, KWordQuiz, KVocTrain, KHangMan) as Markdown notes."""
    root = _root(data, name, "KVTML vocabulary file", "kvtml")
    items = _kvtml_2(root) if root.find("entries") is not None else _kvtml_1(root)
    return _notes(items, "KVTML vocabulary file", name)


def pauker_to_markdown(data: bytes, name: str = "<pauker>") -> str:
    """A Pauker lesson (gzipped, as Pauker saves it, or its XML) as Markdown notes."""
    kind = "Pauker lesson"
    root = _root(_unpacked(data, name, kind), name, kind, "Lesson")
    items = [_pair(card.findtext("FrontSide/Text"), [card.findtext("ReverseSide/Text")]) for card in root.iter("Card")]
    return _notes([item for item in items if item is not None], kind, name)


def is_pauker_lesson(data: bytes) -> bool:
    """Is this gzip a Pauker lesson (``.pau.gz``) rather than a tar? Its first bytes alone are inflated."""
    if not data.startswith(_GZIP):
        return False
    try:
        head = zlib.decompressobj(wbits=31).decompress(data[:4096], 1024)
    except zlib.error:
        return False
    return b"<Lesson" in head and b"ustar" not in head


def jmemorize_to_markdown(data: bytes, name: str = "<jml>") -> str:
    """A jMemorize lesson (its XML, gzipped or zipped as ``lesson.xml``) as Markdown notes."""
    kind = "jMemorize lesson"
    if data.startswith(_ZIP):
        archive = Archive(data, name, kind)
        if not archive.has("lesson.xml"):
            raise archive.damaged("no lesson.xml in it")
        data = archive.data("lesson.xml")
    root = _root(_unpacked(data, name, kind), name, kind, "Lesson")
    found: list[tuple[list[str], Item]] = []

    def walk(category: Element, path: list[str]) -> None:
        path = [*path, " ".join(category.get("name", "").split())]
        for child in category:
            if child.tag == "Category":
                walk(child, path)
            elif child.tag == "Deck":
                for card in child.iter("Card"):
                    question = inline_text(card.get("Frontside", ""))
                    answer = hard_breaks(html_to_markdown(card.get("Backside", "")).strip())
                    if question and answer:
                        found.append((path, Item(question, answer, 0)))

    for category in root.findall("Category"):
        walk(category, [])
    return _notes(_sectioned(found), kind, name)


def teach2000_to_markdown(data: bytes, name: str = "<t2k>") -> str:
    """A Teach2000 list (or one WRTS wrote) as Markdown notes."""
    root = _root(data, name, "Teach2000 file", "teach2000")
    items = []
    for entry in root.iter("item"):
        questions = [text for q in (*entry.findall("questions/question"), *entry.findall("question"))
                     if (text := _plain(q.text))]
        answers = [a.text for a in (*entry.findall("answers/answer"), *entry.findall("answer"))]
        item = _pair(" / ".join(questions), answers)
        if item is not None:
            items.append(item)
    return _notes(items, "Teach2000 file", name)


def wrts_to_markdown(data: bytes, name: str = "<wrts>") -> str:
    """A WRTS list as Markdown notes."""
    root = _root(data, name, "WRTS list", "wrts")
    found = []
    for lijst in root.iter("lijst"):
        title = " ".join((lijst.findtext("titel") or "").split())
        for woord in lijst.iter("woord"):
            item = _pair(woord.findtext("a"), [woord.findtext("b")])
            if item is not None:
                found.append(([title], item))
    return _notes(_sectioned(found), "WRTS list", name)


def cuecard_to_markdown(data: bytes, name: str = "<wcu>") -> str:
    """A CueCard deck as Markdown notes."""
    root = _root(data, name, "CueCard deck", "CueCards")
    items = [_pair(card.get("Question"), [card.get("Answer")]) for card in root.iter("Card")]
    return _notes([item for item in items if item is not None], "CueCard deck", name)


def granule_to_markdown(data: bytes, name: str = "<dkf>") -> str:
    """A Granule deck as Markdown notes."""
    root = _root(data, name, "Granule deck", "deck")
    items = [_pair(card.findtext("front"), [card.findtext("back")], [card.findtext("back_example")])
             for card in root.iter("card")]
    return _notes([item for item in items if item is not None], "Granule deck", name)


def teachmaster_to_markdown(data: bytes, name: str = "<vok2>") -> str:
    """A Teachmaster vocabulary as Markdown notes."""
    root = _root(data, name, "Teachmaster vocabulary", "teachmaster")
    found = []
    for word in root.iter("vokabelsatz"):
        item = _pair(word.findtext("spreins"), [word.findtext("sprzwei"), word.findtext("synonym")],
                     [word.findtext("bemerkung")])
        if item is not None:
            found.append(([" ".join((word.findtext("lektion") or "").split())], item))
    return _notes(_sectioned(found), "Teachmaster vocabulary", name)


def _root(data: bytes, name: str, kind: str, tag: str) -> Element:
    root = parse_xml(data, name, kind)
    if root.tag != tag:
        raise SourceError(f"not a readable {kind} (its root is <{root.tag}>, not <{tag}>)", name)
    return root


def _pair(question: str | None, answers: Sequence[str | None], notes: Sequence[str | None] = ()) -> Item | None:
    """The card of a word and its answers (each right, one a line), its notes under them; None without both."""
    asked, said = _plain(question), [text for answer in answers if (text := _plain(answer))]
    if not asked or not said:
        return None
    extras = [_answer(text) for note in notes if (text := _plain(note))]
    return Item(_question(asked), "\n\n".join(["  \n".join(map(_answer, said)), *extras]), 0)


def _sectioned(found: list[tuple[list[str], Item]]) -> list[Item]:
    """The items with their path below the one every item shares as their section."""
    shared = shared_path([path for path, _ in found]) if len(found) > 1 else []
    return [Item(item.question, item.answer, 0, "::".join(filter(None, path[len(shared):]))) for path, item in found]


def _kvtml_2(root: Element) -> list[Item]:
    names = {identifier.get("id", ""): " ".join((identifier.findtext("name") or "").split())
             for identifier in root.iterfind("identifiers/identifier")}
    languages = sorted(names, key=lambda key: (not key.isdigit(), int(key) if key.isdigit() else 0, key))
    sections: dict[str, list[str]] = {}  # entry id -> its lesson's path (its first lesson, when in several)

    def walk(container: Element, path: list[str]) -> None:
        path = [*path, " ".join((container.findtext("name") or "").split())]
        for child in container:
            if child.tag == "entry":
                sections.setdefault(child.get("id", ""), path)
            elif child.tag == "container":
                walk(child, path)

    for lesson in root.iterfind("lessons/container"):
        walk(lesson, [])
    # Lesson by lesson, as the app lists them; the file's order within one (two entries may share an id).
    places = {tuple(path): place for place, path in enumerate(sections.values())}
    found = []
    for entry in root.iterfind("entries/entry"):
        item = _kvtml_entry(entry, languages, names)
        if item is not None:
            found.append((sections.get(entry.get("id", ""), []), item))
    found.sort(key=lambda pair: places.get(tuple(pair[0]), len(places)))
    return _sectioned(found)


def _kvtml_entry(entry: Element, languages: list[str], names: dict[str, str]) -> Item | None:
    """One entry's card: the first language asks and the second answers, further ones named; one language alone
    asks its comment (the hint) and answers the word."""
    translations = {translation.get("id", ""): translation for translation in entry.findall("translation")}
    if len(languages) < 2:
        only = translations.get(languages[0] if languages else "0")
        if only is None:
            return None
        word, hint = _plain(only.findtext("text")), _plain(only.findtext("comment"))
        return Item(_question(hint), _answer(word), 0) if word and hint else None
    first = translations.get(languages[0])
    question = _plain(first.findtext("text")) if first is not None else ""
    parts = []
    for index, language in enumerate(languages[1:]):
        translation = translations.get(language)
        text = _plain(translation.findtext("text")) if translation is not None else ""
        if not text:
            continue
        said = _answer(text)
        if index and names.get(language):
            said = f"{_escaped(names[language])}: {said}"
        extras = [_escaped(f"/{value}/" if field == "pronunciation" else value)
                  for field in ("pronunciation", "comment", "example")
                  if (value := _plain(translation.findtext(field)))]
        parts.append("  \n".join([said, *extras]))
    return Item(_question(question), "\n\n".join(parts), 0) if question and parts else None


def _kvtml_1(root: Element) -> list[Item]:
    lessons = {desc.get("no", ""): " ".join((desc.text or "").split()) for desc in root.iterfind("lesson/desc")}
    found = []
    for entry in root.iter("e"):
        question = _plain(entry.findtext("o"))
        answers = [text for t in entry.findall("t") if (text := _plain(t.text))]
        if question and answers:
            found.append(([lessons.get(entry.get("m", ""), "")], Item(_question(question), _answer(answers[0]), 0)))
    return _sectioned(found)


def parse_xml(data: bytes, name: str, kind: str) -> Element:
    """The document's root element; :class:`SourceError` for one that declares entities or is not well-formed."""
    if any(declaration in data for declaration in _ENTITY_DECLARATIONS):
        raise SourceError(f"a {kind} that declares XML entities: not read (an entity can expand or fetch anything)",
                          name)
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise SourceError(f"not a readable {kind} ({exc})", name) from None
    except (ValueError, LookupError) as exc:  # an encoding its declaration names that Python does not know
        raise SourceError(f"not a readable {kind} ({exc})", name) from None


def _unpacked(data: bytes, name: str, kind: str) -> bytes:
    """``data`` inflated when it is gzipped (within :data:`MAX_XML_BYTES`), else itself."""
    if not data.startswith(_GZIP):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inflated = stream.read(MAX_XML_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceError(f"not a readable {kind} ({exc})", name) from None
    if len(inflated) > MAX_XML_BYTES:
        raise SourceError(f"a {kind} of over {MAX_XML_BYTES} bytes of text: too big to read", name)
    return inflated


def _notes(items: list[Item], kind: str, name: str) -> str:
    """The items as notes, each once: a trainer keeps a pair entered twice twice (a list merged into itself), and
    the two are one card."""
    items = list(dict.fromkeys(items))
    if not items:
        raise SourceError(f"a {kind} with no cards in it (no entry has both sides)", name)
    return notes_markdown(items)


def _plain(text: str | None) -> str:
    """An element's text with its line ends the author's and the space around it taken off."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _escaped(text: str) -> str:
    """Plain text as Markdown that shows it as written: no character of it reads as markup, but a formula Parley
    shows typeset (``$$…$$``) stays one."""
    if "$$" in text:
        return "".join(part if index % 2 else _escaped(part) for index, part in enumerate(_FORMULA.split(text)))
    text = _MARKDOWN_CHARACTERS.sub(lambda m: html.escape(m.group(1)) if m.group(1) in "<&" else
                                    "".join("\\" + char for char in m.group(1)), text)
    return _LINE_OPENING.sub(lambda m: m.group(1) + "\\" + m.group(2) if m.group(2)[0] in "#+=>-" else
                             m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _question(text: str) -> str:
    return " ".join(_escaped(text).split())


def _answer(text: str) -> str:
    return hard_breaks(_escaped(text))


#: Extension -> its reader (bytes and the file's name); ``.pau.gz`` is read by the ``.gz`` reader when it is a lesson.
READERS: dict[str, Callable[[bytes, str], str]] = {
    ".kvtml": kvtml_to_markdown,
    ".pau": pauker_to_markdown,
    ".jml": jmemorize_to_markdown,
    ".t2k": teach2000_to_markdown,
    ".wrts": wrts_to_markdown,
    ".wcu": cuecard_to_markdown,
    ".dkf": granule_to_markdown,
    ".vok2": teachmaster_to_markdown,
}
