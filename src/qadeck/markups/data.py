"""Q&A data files (JSON, JSON Lines, YAML or TOML) as Markdown the layouts read: FAQ data, flashcard and quiz files,
Q&A datasets.

Static sites keep their FAQ pages as data (``_data/faq.yml``, ``faq.json``, Hugo's ``data/faq.toml``) and
flashcard and quiz apps keep their cards so (``flashcards.json``, ``quiz.json``,
CrowdAnki's ``deck.json``), and people collect Q&A and instruction datasets as JSON
Lines (``train.jsonl``: a record a line, read as a JSON array of the records): lists of entries, each a mapping with a question and an
answer under names of the author's choosing (:mod:`.datacards` knows them), often
grouped under titled lists or under keys naming the groups. Every entry, however
deep, gives a card; the group it sits in is its section, its own ``category`` too.

Entries become ``<details>`` blocks, which the ``details`` layout reads (the summary
is the question whatever it says, its trailing ``#tags`` the card's tags); a file
holding multiple-choice entries becomes the quiz layout's shape instead (the
question heading and its lettered options the front, the correct option the back),
unless it holds one entry only (that layout reads two or more: the one entry's
summary asks with its options inline). A file of one entry is a deck of one.
Each block starts on the line its entry starts on in the data file, so a card's
lines point into the JSON or YAML (a block longer than its entry pushes the next
ones down). A ``.json`` or ``.toml`` file that is not JSON or TOML is an error naming its line; a data
file that holds no entries (a schema, a config) gives no text at all, so
no layout makes cards of it. A ``.yml`` file that is not YAML is read as the text
it is.
"""

from __future__ import annotations

import bisect
import html
import json
import json.decoder
import json.scanner
import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import yaml

from ..errors import SourceError
from ..model import Source
from . import crowdanki, datacards
from .datacards import Item

#: Structure in an answer that would end or open a block early: written as text, never read as tags.
_BLOCK_TAG = re.compile(r"<(/?(?:details|summary)\b)", re.IGNORECASE)
#: Lines of a field that the ``blocks`` layout would read as its own: another field, the block's END, a section.
_FIELD_LINE = re.compile(r"^(\s*(?:Front|Back|Text|Extra|Tags)\s*):", re.IGNORECASE)
_HEADING_LINE = re.compile(r"^( {0,3})(#{1,6}(?:\s|$))")
_END_LINE = re.compile(r"^(\s*)END(?=\s*$)")
_FENCE_LINE = re.compile(r"^\s*(```|~~~)")
_TAG_WORD = re.compile(r"(?=[\w/-]*[^\W\d_])[\w/-]+")


def json_to_markdown(text: str) -> str:
    """A JSON file's entries as Markdown; :class:`SourceError` (with the line) when it is not JSON.

    A ``.json`` file that is JSON Lines (a record a line: JSON ends after the first) is read as JSON Lines:
    datasets are saved so under ``.json`` as often as under ``.jsonl``."""
    if not text.strip():
        return ""
    try:
        data = _load_json(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and "\n" in text[:exc.pos]:
            try:
                return jsonl_to_markdown(text)
            except SourceError:
                pass  # not JSON Lines either: the error JSON gives
        raise SourceError(f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from None
    except RecursionError:
        return text  # nested deeper than anyone writes cards: read as the text it is
    return _markdown(data, text.count("\n") + 1, text)


def jsonl_to_markdown(text: str) -> str:
    """A JSON Lines file's records (one JSON value a line, blank lines skipped) as Markdown, read as a JSON
    array of them is, each record's entries on its line; :class:`SourceError` naming a line that is not JSON.

    Each line is parsed by ``json.loads`` (C speed: datasets run to millions of lines); only a record knows
    its line, the mappings inside it take the record's."""
    records = _Seq()
    records.line = 1
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, object_pairs_hook=_Map)
        except json.JSONDecodeError as exc:
            raise SourceError(f"not valid JSON Lines: {exc.msg} (column {exc.colno})", line=number) from None
        except RecursionError:
            return text  # nested deeper than anyone writes cards: read as the text it is
        if isinstance(record, list):
            record = _Seq(record)
        if isinstance(record, (_Map, _Seq)):
            record.line = number
        records.append(record)
    return _markdown(records, text.count("\n") + 1)


def yaml_to_markdown(text: str) -> str:
    """A YAML file's entries as Markdown; the text itself when it is not YAML or holds plain text."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader (see _Loader)
    except (yaml.YAMLError, RecursionError):
        return text
    if not isinstance(data, (dict, list)):
        return text  # a plain text file YAML reads as one string
    if _aliased_bomb(data):
        raise SourceError(f"YAML aliases that repeat its values over {MAX_REPEATED:,} times: not read")
    return _markdown(data, text.count("\n") + 1)


#: The most values a YAML file's aliases may stand for: each alias repeats its anchor's values, so a few lines of
#: nested aliases stand for billions ("a billion laughs"), which every entry's walk would visit.
MAX_REPEATED = 1_000_000


def _aliased_bomb(data: object) -> bool:
    """Do ``data``'s aliases make it stand for over :data:`MAX_REPEATED` values, ten times those it holds?"""
    sizes: dict[int, int] = {}

    def size(node: object) -> int:
        if not isinstance(node, (dict, list)):
            return 1
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # an alias of itself (YAML allows cycles) counts once
        values = node.values() if isinstance(node, dict) else node
        total = 1 + sum(map(size, values))
        sizes[id(node)] = total
        return total

    try:
        total = size(data)
    except RecursionError:
        return False  # nested deeper than anyone writes: the walk gives up the same way
    return total > MAX_REPEATED and total > 10 * len(sizes)


def toml_to_markdown(text: str) -> str:
    """A TOML file's entries as Markdown (Hugo keeps FAQ data so: ``[[faq]]`` tables of a question and an
    answer); :class:`SourceError` (with the line) when it is not TOML."""
    try:
        data = tomllib.loads(text.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        line = int(where.group(1)) if where and where.group(1) else text.count("\n") + 1  # else: at its end
        raise SourceError(f"not valid TOML: {_TOML_WHERE.sub('', str(exc)).strip()}", line=line) from None
    return _markdown(_located(data, _toml_lines(text, data), 1), text.count("\n") + 1)


#: Where tomllib says an error is: "(at line 3, column 5)", or "(at end of document)".
_TOML_WHERE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")
#: A TOML table header, ``[a.b]`` or ``[[a.b]]`` (an array of tables), with its dotted key.
_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"\s*(?:\"((?:[^\"\\]|\\.)*)\"|'([^']*)'|([\w-]+))\s*(?:\.|$)")


def _toml_lines(text: str, data: dict[str, object]) -> dict[int, int]:
    """The line each table of ``data`` starts on, by the table's ``id``: its header's line, found by
    walking the headers in order as TOML does (``[[a.b]]`` adds a table to ``b`` of ``a``'s last one).
    Tables written inline (``{ q = "…" }``) take the line of the table around them."""
    lines: dict[int, int] = {}
    current: dict[int, int] = {}  # id of an array of tables -> index of its last table so far
    quoted = ""
    for number, line in enumerate(text.split("\n"), 1):
        for mark in ('"""', "'''"):
            if (not quoted or quoted == mark) and line.count(mark) % 2:
                quoted = "" if quoted else mark
        header = None if quoted else _TOML_HEADER.match(line)
        if header is None:
            continue
        keys = [next(part for part in key.groups() if part is not None) for key in _TOML_KEY.finditer(header.group(2))]
        node: object = data
        for key in keys:
            if isinstance(node, list) and node:
                node = node[current.get(id(node), 0)]
            node = node.get(key) if isinstance(node, dict) else None
        if header.group(1) == "[[" and isinstance(node, list):
            index = current[id(node)] = current.get(id(node), -1) + 1
            node = node[index] if index < len(node) else None
        if isinstance(node, dict):
            lines[id(node)] = number
    return lines


def _located(node: object, lines: dict[int, int], line: int) -> object:
    """``node`` with each table a :class:`_Map` and each array a :class:`_Seq` that knows its line."""
    if isinstance(node, dict):
        located = _Map()
        located.line = lines.get(id(node), line)
        located.update((key, _located(value, lines, located.line)) for key, value in node.items())
        return located
    if isinstance(node, list):
        items = _Seq(_located(value, lines, line) for value in node)
        items.line = line
        return items
    return node


def lists_entries(front_matter: dict[object, object]) -> bool:
    """Does a page's front matter (as loaded, without lines) list entries (``faq:``)? Asked of every page with a
    list in its front matter (``tags: [a, b]``) before its lines are worked out, which costs more."""
    return bool(_listed_entries(front_matter))


def _listed_entries(front_matter: dict[object, object]) -> list[Item]:
    """The entries under the keys of a page's front matter that hold a list or a mapping (``faq:``), never the
    page's own ``title`` and ``description``, nor a list of words (``tags``, ``aliases``, ``keywords``: the page's
    labels, which two such lists side by side would make a vocabulary's rows); none when its aliases stand for too
    much (see :func:`_aliased_bomb`)."""
    listed = _Map((key, value) for key, value in front_matter.items()
                  if isinstance(value, dict) or isinstance(value, list) and not _words(value))
    if not listed or _aliased_bomb(listed):
        return []
    try:
        return datacards.items(listed)
    except RecursionError:
        return []


def _words(values: list[object]) -> bool:
    """Is a front matter list one of plain values (``[security, xss]``), none of them a row or an entry?"""
    return all(not isinstance(value, (list, dict)) for value in values)


def front_matter_markdown(block: str, first: int, toml: bool = False) -> Placed:
    """The entries a page lists in its YAML (or ``toml``) front matter (``block``, its first line the file's line
    ``first``) as Markdown, each at its file's line (see :func:`_listed_entries`); "" when it lists none."""
    try:
        if toml:
            loaded = tomllib.loads(block)
            data: object = _located(loaded, _toml_lines(block, loaded), 1)
        else:
            data = yaml.load(block, Loader=_Loader)  # noqa: S506 - a SafeLoader (see _Loader)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        return Placed("")
    if not isinstance(data, dict):
        return Placed("")
    items = [replace(item, line=item.line + first - 1) for item in _listed_entries(data) if item.line]
    return items_markdown(items, first + block.count("\n")) if items else Placed("")


def _markdown(data: object, end: int, text: str = "") -> str:
    """The entries of ``data`` as Markdown; else, a vocabulary kept as a mapping (see :func:`datacards.glossary`),
    its words' lines found in ``text`` when the loader could not tell them (JSON)."""
    try:
        items = crowdanki.items(data) if crowdanki.is_deck(data) else datacards.items(data)
        if not items and isinstance(data, (dict, list)):
            items = datacards.glossary(data)
            if items and text:  # a vocabulary: its words' lines, found once it is known to be one
                _find_key_lines(text, data)
                items = datacards.glossary(data)
    except RecursionError:
        return ""
    return items_markdown(items, end) if items else ""


def value_markdown(value: object, end: int) -> str:
    """The entries of a data value read by another reader (a JSON5 file's, whose mappings know their keys' lines)
    as Markdown, as a JSON file's are: records, a deck, or a vocabulary."""
    return _markdown(value, end)


class Unreadable(Exception):
    """A value that is not a literal (a variable, an expression): left out of what holds it."""


def scan_literals(text: str, start: re.Pattern[str], read: Callable[[int], tuple[object, int]],
                  keep: Callable[[object, int], bool]) -> list[object]:
    """The literal values a module's text holds (a JavaScript module's, a Typst file's): ``read`` at each match
    of ``start`` gives a value and where it ends (or raises :class:`Unreadable`), ``keep`` says whether it is
    one; a kept value's text is not searched again. In order."""
    found: list[object] = []
    at = 0
    while (match := start.search(text, at)) is not None:
        at = match.end()
        try:
            value, end = read(at)
        except (Unreadable, RecursionError):
            continue
        if keep(value, end):
            found.append(value)
            at = end
    return found


def values_markdown(values: list[object], end: int) -> str:
    """The records among ``values`` (literals a program's source holds: see :mod:`.jsdata`) as Markdown, each
    value read on its own. Only records with a question and an answer are entries: a source's lists of lists and
    its mappings of words are its code's tables and settings far more often than rows of cards or a vocabulary."""
    try:
        items = [item for value in values for item in datacards.items(value, records_only=True)
                 if not _placeholder(item)]
    except RecursionError:
        return ""
    return items_markdown(items, end) if items else ""


#: Words that name a card's sides and a test row, which an app's seed or test data fills its sides with.
_SIDE_WORDS = frozenset({"front", "back", "question", "answer", "card", "def", "definition", "term", "title", "q", "a",
                         "test", "side"})
_WORDS = re.compile(r"[^\W\d_]+")


def _placeholder(item: datacards.Item) -> bool:
    """Is ``item`` a row an app's developer typed to try it (``front1_deck1``/``back1_deck1``, ``test card 2``/
    ``test def 2``, ``Question``/``Answer``, ``bagel``/``bagel_def``): both sides the same words once the words
    naming a side or a test and the numbers are left out, and a side holding one of those words? An app's seed
    scripts and databases, and its modules, keep such rows beside its real cards."""
    if len(item.question) > 40 or len(item.answer) > 40 or item.options:
        return False
    asked = _WORDS.findall(item.question.lower())
    answered = _WORDS.findall(item.answer.lower())
    kept = [word for word in asked if word not in _SIDE_WORDS]
    if kept != [word for word in answered if word not in _SIDE_WORDS]:
        return False
    return len(asked) + len(answered) > 2 * len(kept)  # a side's word or a test's was left out


def _find_key_lines(text: str, data: object, depth: int = 2) -> None:
    """Set ``key_lines`` on the JSON mappings of ``data`` (a vocabulary's, two levels down at most: its topics')
    from where each key is written: a key's JSON text followed by a colon, searched from the mapping's start on."""
    if isinstance(data, list):
        for one in data[:0] if depth <= 1 else data:
            _find_key_lines(text, one, depth - 1)
        return
    if not isinstance(data, _Map) or not data.span:
        return
    at, end = data.span
    line = data.line
    lines: dict[object, int] = {}
    for key, value in data.items():
        found = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:").search(text, at, end)
        if found is None:
            break
        line += text.count("\n", at, found.start())
        at = found.end()
        lines[key] = line
        if depth > 1 and isinstance(value, dict):
            _find_key_lines(text, value, depth - 1)
    data.key_lines = lines


def items_markdown(items: list[Item], end: int = 0, shaped: bool = False) -> Placed:
    """Entries as the Markdown a layout reads: ``<details>`` blocks, or the quiz layout's shape when there are two
    or more and one has options or ``shaped`` asks for it (questions of more than one line: the quiz layout reads
    two questions or more, and one alone is a summary with its options), or the ``blocks`` layout's notes when one
    is a cloze with an extra (a ``<details>`` block whose summary holds deletions is a cloze only with nothing under it). ``end``: the file's last line, which no
    entry's block stands for lines past."""
    if any(item.kind == "cloze" and item.answer.strip() for item in items):
        return _layout(items, _note_block, end)  # a cloze with its extra: a <details> block would make it basic
    write = _quiz_block if len(items) > 1 and (shaped or any(item.options for item in items)) else _details_block
    return _layout(items, write, end)


def notes_markdown(items: list[Item], lines: bool = False) -> Placed:
    """Anki notes as the ``blocks`` layout's START … END blocks, which carry a note's kind (basic, reversed,
    cloze) and tags: what a ``<details>`` block cannot say. Answers are Markdown; questions are one line (a
    field's HTML), or with ``lines`` kept as their lines are (cards read from Markdown: a question over its
    options or its code)."""
    return _layout(items, partial(_note_block, lines=True) if lines else _note_block)


def shared_path(paths: list[list[str]]) -> list[str]:
    """The path (of decks, of a tree's titles) every one of ``paths`` starts with: it names the whole export,
    not a section of it."""
    if not paths:
        return []
    shared = paths[0]
    for path in paths[1:]:
        common = 0
        while common < min(len(shared), len(path)) and shared[common] == path[common]:
            common += 1
        shared = shared[:common]
    return shared


class Placed(str):
    """Markdown whose lines are not all the file's: :attr:`origins` holds the file's line each came from
    (see :attr:`qadeck.model.Source.origins`)."""

    origins: tuple[int, ...] = ()


def _layout(items: list[Item], write: Callable[[Item], str], end: int = 0) -> Placed:
    """The blocks, each from its entry's line on (blank lines before it), sections as headings. A block's lines
    stand for its entry's, up to the next entry's line (and the file's last, ``end``): a block longer than its
    entry pushes the next ones down, and the text knows the line each of its lines came from."""
    lines: list[str] = []
    origins: list[int] = []
    section = ""
    for index, item in enumerate(items):
        if item.section != section:
            # A heading ends the section before; an empty one ("##") when the entry sits in none.
            _pad(lines, origins, item.line - 2)
            lines.append(f"## {_one_line(item.section)}".rstrip())
            origins.append(item.line or len(lines))
        section = item.section
        _pad(lines, origins, item.line - 1)
        block = write(item).split("\n")
        if item.line:
            following = next((later.line for later in items[index + 1:index + 2] if later.line > item.line), end + 1)
            last = max(item.line, following - 1) if following > 1 else item.line + len(block)
            origins.extend(min(item.line + offset, last) for offset in range(len(block)))
        else:
            origins.extend(range(len(lines) + 1, len(lines) + len(block) + 1))
        lines.extend(block)
    text = Placed("\n".join(lines) + "\n")
    if any(origin != number for number, origin in enumerate(origins, 1)):
        text.origins = tuple(origins)
    return text


def _pad(lines: list[str], origins: list[int], count: int) -> None:
    if count > len(lines):
        origins.extend(range(len(lines) + 1, count + 1))
        lines.extend([""] * (count - len(lines)))


def _details_block(item: Item) -> str:
    asked = " ".join((item.question, *(f"({letter}) {text}" for letter, text in item.options)))
    question = html.escape(_one_line(asked), quote=False)
    marks = _tags(item)
    answer = _safe(item.answer)
    if "\n" not in answer:
        return f"<details><summary>{question}{marks}</summary> {answer} </details>"  # one line, as its entry may be
    return f"<details><summary>{question}{marks}</summary>\n{answer}\n</details>"


def _note_block(item: Item, lines: bool = False) -> str:
    names, note_type = (("Text", "Extra"), "Cloze") if item.kind == "cloze" else (("Front", "Back"), "Basic")
    question = item.question.strip()
    front = f"{names[0]}:\n{_inert(question)}" if lines and "\n" in question else f"{names[0]}: {_one_line(question)}"
    block = ["START", note_type + " (and reversed card)" if item.kind == "reversed" else note_type, front,
             *([""] if item.options else []),  # options listed under the question, as the quiz shape lists them
             *(_inert(f"- {letter}: {_one_line(text)}") for letter, text in item.options)]
    if item.answer.strip():
        block += [f"{names[1]}:", _inert(item.answer.strip())]  # on lines of its own: a fence opens a line
    tags = [*item.tags, *([f"difficulty/{item.level}"] if item.level else [])]
    if tags:
        block.append("Tags: " + " ".join("_".join(tag.split()) for tag in tags))
    return "\n".join([*block, "END"])


def _inert(text: str) -> str:
    """A field's Markdown that cannot end its block or start a section: outside code, a line that would read
    as a field's name, END or a heading is escaped (it shows as written); a code fence left open is closed."""
    lines = text.split("\n")
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE_LINE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _FIELD_LINE.sub(r"\1\\:", _HEADING_LINE.sub(r"\1\\\2", line))
            lines[index] = _END_LINE.sub(r"\1&#69;ND", line)
    return _closed("\n".join(lines))


def _quiz_block(item: Item) -> str:
    """The quiz layout's shape: the question heading and its options, the chosen option folded below. A question
    that opens with a picture is headed by its first line of text, the picture under it: a heading holds no picture."""
    lines = item.question.strip().split("\n")
    opening = next((n for n, line in enumerate(lines) if line.strip() and not _PICTURES.fullmatch(line.strip())), 0)
    first, rest = lines[opening], "\n".join(lines[:opening] + lines[opening + 1:])
    title = html.escape(_one_line(first), quote=False)
    front = [f"###### {title}"]
    if rest.strip():
        front.extend((_safe(rest.strip()), ""))
    front.extend(f"- {letter}: {_safe(_one_line(text))}" for letter, text in item.options)
    front[-1] += _tags(item)  # tags close the front, as they close a summary
    return "\n".join(front) + f"\n<details><summary>Answer</summary>\n{_safe(item.answer)}\n</details>"


#: A line of pictures alone (Markdown images).
_PICTURES = re.compile(r"(?:!\[[^\]]*\]\([^)]*\)[ \t]*)+")


def _tags(item: Item) -> str:
    """Tags closing the summary, read off by the layouts as the card's tags (``#[[…]]`` when not one word)."""
    tags = list(item.tags) + ([f"difficulty/{item.level}"] if item.level else [])
    words = []
    for tag in tags:
        tag = " ".join(tag.replace("[", "").replace("]", "").split())
        if tag:
            words.append(f"#{tag}" if _TAG_WORD.fullmatch(tag) else f"#[[{tag}]]")
    return " " + " ".join(words) if words else ""


def _safe(text: str) -> str:
    """Text that cannot end its block early: a ``<details>`` tag written as text, a code fence left open (a
    truncated answer) closed, or the block's own end would be code."""
    text = _BLOCK_TAG.sub(r"&lt;\1", text) if "<" in text else text
    return _closed(text) if "```" in text or "~~~" in text else text


def _closed(text: str) -> str:
    """``text`` with a code fence it leaves open closed, as the layouts read fences (:func:`outline`)."""
    from ..parsers.structure import outline  # the layouts' package reads markups: imported when first needed

    lines = outline(Source(Path("<entry>"), f"\n{text}\n"))  # blank lines around: no front matter, a last line
    if not lines or not lines[-1].code:
        return text
    run = len(lines) - 1
    while run > 0 and lines[run - 1].code:
        run -= 1
    opening = lines[run].text.strip()
    mark = opening[0] * (len(opening) - len(opening.lstrip(opening[0])))
    return f"{text}\n{mark}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- loading, with the line each mapping and list starts on -------------------------------------


class _Map(dict):  # type: ignore[type-arg]
    """A mapping that knows the line it starts on (and, once asked, the line each key is on; in JSON, the
    offsets it spans)."""

    line = 0
    key_lines: dict[object, int] = {}
    span: tuple[int, int] | None = None
    #: YAML's booleans among its keys and values, as written (key -> (key's text, value's text), None where not one).
    booleans: dict[object, tuple[str | None, str | None]] = {}


class _Seq(list):  # type: ignore[type-arg]
    """A list that knows the line it starts on."""

    line = 0


#: A mapping and a list that know their lines, for the readers of other data (a JavaScript module's literals) to build.
LinedMap = _Map
LinedList = _Seq


def line_finder(text: str) -> Callable[[int], int]:
    """The function telling the line (from 1) an offset of ``text`` is on."""
    newlines = [match.start() for match in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    return line_of


def _load_json(text: str) -> object:
    """``json.loads`` with lines: the pure-Python scanner calls our object and array parsers."""
    line_of = line_finder(text)

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):  # type: ignore[no-untyped-def]
        value, end = json.decoder.JSONObject(s_and_end, strict, scan_once, None, _Map, memo)
        value.line = line_of(s_and_end[1] - 1)
        value.span = (s_and_end[1] - 1, end)
        return value, end

    def parse_array(s_and_end, scan_once):  # type: ignore[no-untyped-def]
        value, end = json.decoder.JSONArray(s_and_end, scan_once)
        located = _Seq(value)
        located.line = line_of(s_and_end[1] - 1)
        return located, end

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.parse_array = parse_array  # type: ignore[assignment]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text.lstrip("\ufeff"))


#: YAML 1.1 reads ``yes``, ``no``, ``on`` and ``off`` as true and false: words a vocabulary holds (``auf: on``),
#: kept as written beside the mapping (see :attr:`_Map.booleans`).
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, its mappings and lists knowing their lines."""


def _yaml_map(loader: yaml.SafeLoader, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
    value = _Map()
    value.line = node.start_mark.line + 1
    yield value
    value.update(loader.construct_mapping(node))
    lines: dict[object, int] = {}
    booleans: dict[object, tuple[str | None, str | None]] = {}
    for key_node, value_node in node.value:  # a key written twice: its last line, as its value is the last
        key = loader.construct_object(key_node)  # made once already: the loader keeps what it made of each node
        lines[key] = key_node.start_mark.line + 1
        if _BOOL in (key_node.tag, value_node.tag):
            booleans[key] = (_word_read_as_boolean(key_node), _word_read_as_boolean(value_node))
    value.key_lines = lines
    if booleans:
        value.booleans = booleans


def _word_read_as_boolean(node: yaml.Node) -> str | None:
    """A ``yes``, ``no``, ``on`` or ``off`` YAML read as a boolean, as written; None for anything else (a config's
    ``true`` and ``false`` are its flags)."""
    written = node.value if node.tag == _BOOL and isinstance(node.value, str) else ""
    return written if written and written.lower() not in ("true", "false") else None


def _yaml_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode):  # type: ignore[no-untyped-def]
    value = _Seq()
    value.line = node.start_mark.line + 1
    yield value
    value.extend(loader.construct_sequence(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _yaml_seq)
