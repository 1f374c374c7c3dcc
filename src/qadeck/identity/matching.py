"""Card identity across rebuilds: guids that survive edits, mod times that mean something.

Contract: :func:`assign` matches this build's cards to the lock file's entries
and gives each card a ``guid`` and an ``mtime``, returning the new lock and a
:class:`Changes` summary. It never looks at a card's answer to make a guid, so
editing an answer updates the note instead of making a new one.

Lock entries of a file that no longer exists are matched too: a new file whose
questions are mostly that file's (:func:`renames`) is that file renamed, and its
entries are taken as the new file's before matching; what stays unmatched of a
file that is gone is removed, never kept in the lock.

Matching, in order, each pass only over what is still unmatched:

1. the same question (normalised) in the same source, in order;
2. the same question in another source read by this build (a card moved files),
   when exactly one entry has it;
3. fuzzy, within the same source and the same *gap*: between the old positions
   of the nearest exactly-matched neighbours, so a card edited in place is only
   compared with the few cards that could be it (linear, never all-pairs). A
   candidate is accepted when the questions are close, or the question is fairly
   close and the answer similar; two candidates scoring nearly the same is
   ambiguous and not guessed: the card gets a new guid and is reported.

Mod times: an unchanged card keeps its time (so an edit the user made inside
Anki survives a rebuild); a changed card gets a time strictly newer than before
(so Anki updates it); a new card gets the build time.

What a card needs of its own, its content hash, answer sketch and first guid
candidate (:func:`facts`), depends on the card alone: a build works it out
where it parses each file and hands it to :func:`assign`, which works out here
only what it was not given.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import re
import struct
import zlib
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cached_property
from typing import cast

from .lockfile import Lock, LockEntry
from ..model import Card, quick_init
from ..parsers.options import stem

#: Bump when rendering or tagging output changes so every note is sent again.
CONTENT_VERSION = "2"
SKETCH_SIZE = 8
#: At most this many gap candidates are scored for one card.
MAX_CANDIDATES = 24
#: Candidates whose scores differ by less than this are ambiguous.
AMBIGUITY_MARGIN = 0.08

_WORD = re.compile(r"\w+")
#: The struct format of a sketch of n values (n up to SKETCH_SIZE).
_PACK = tuple(f">{n}I" for n in range(SKETCH_SIZE + 1))
#: Every byte that is not a word character (as ``rb"\w"`` has it) turned into a space: split then
#: gives the words ``rb"\w+"`` finds, at half the cost.
_ASCII_WORD_BYTES = bytes(b if chr(b).isascii() and (chr(b).isalnum() or b == ord("_")) else 32 for b in range(256))
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_B62_PAIRS = [a + b for a in _B62 for b in _B62]
_B62_SQUARE = len(_B62_PAIRS)


@dataclass
class Changes:
    """What a build changed compared with the lock file."""

    added: list[Card] = field(default_factory=list)
    updated: list[Card] = field(default_factory=list)
    #: Identity kept through a question edit: (old question, card with the new one).
    reworded: list[tuple[str, Card]] = field(default_factory=list)
    #: Lock entries whose guid no card has any more (one per guid).
    removed: list[LockEntry] = field(default_factory=list)
    #: Files renamed since the lock was written: (old name, new name).
    renamed: list[tuple[str, str]] = field(default_factory=list)
    #: Cards that could have been one of several old cards: given a new guid.
    ambiguous: list[Card] = field(default_factory=list)
    unchanged: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def normalize(question: str) -> str:
    return " ".join(_WORD.findall(question.lower()))


def content_hash(card: Card) -> str:
    """Everything that ends up in the card's note (fields and tags)."""
    parts = (
        CONTENT_VERSION,
        card.question,
        card.answer,
        card.section,
        card.source,
        " ".join(card.topics),
        card.difficulty,
        "inferred" if card.inferred else "",
    )
    if card.kind != "basic" or card.tags:
        # Only cards that have them hash them: a deck of basic, untagged cards keeps its hashes.
        parts += (card.kind, " ".join(card.tags))
    if "\n\n" in card.question.strip():
        # A question of several paragraphs shows them as blocks since this mark: such notes are sent again.
        parts += ("question blocks",)
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def sketch(text: str) -> str:
    """Bottom-k sketch of the words of ``text``: similar texts share most values.

    The value is the bottom :data:`SKETCH_SIZE` CRC-32s of the distinct words'
    UTF-8 bytes; ASCII text (most answers) is split as bytes, which gives the
    same words at a third of the cost of encoding each word, and a repeated
    word's CRC is dropped with the repeats rather than the word first (the
    same set of values, a fifth sooner).
    """
    lowered = text.lower()
    if lowered.isascii():
        words: Iterable[bytes] = lowered.encode("ascii").translate(_ASCII_WORD_BYTES).split()
    else:
        words = [w.encode("utf-8") for w in _WORD.findall(lowered)]
    hashes = sorted(set(map(zlib.crc32, words)))[:SKETCH_SIZE]
    return struct.pack(_PACK[len(hashes)], *hashes).hex()  # each value as 8 hex digits, in one call


def sketch_similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of the word sets two sketches came from."""
    sa = {a[i : i + 8] for i in range(0, len(a), 8)}
    sb = {b[i : i + 8] for i in range(0, len(b), 8)}
    if not sa or not sb:
        return 1.0 if sa == sb else 0.0
    union = set(heapq.nsmallest(SKETCH_SIZE, sa | sb))
    return len(union & sa & sb) / len(union)


def make_guid(namespace: str, question: str, taken: set[str]) -> str:
    """A new guid from identifying data only (deck, question), unique in ``taken``."""
    n = 0
    while True:
        guid = guid_for(namespace, question, n)
        if guid not in taken:
            return guid
        n += 1


def guid_for(namespace: str, question: str, n: int = 0) -> str:
    """The ``n``-th guid candidate for a card: the first one not taken is its guid.

    Not the file's name: without a lock file, a card keeps its guid through a
    rename, a move or a split of its file as long as its question stays.
    """
    digest = hashlib.sha256(f"{namespace}\x00{question}\x00{n}".encode()).digest()
    return "q" + base62(int.from_bytes(digest[:8], "big"))


def base62(value: int) -> str:
    """``value`` in base 62 (digits, then A-Z, then a-z), no leading zeros; "" for 0.

    Two digits at a time: a guid is made for every new card.
    """
    pairs = []
    while value >= _B62_SQUARE:
        value, rem = divmod(value, _B62_SQUARE)
        pairs.append(_B62_PAIRS[rem])
    high = _B62_PAIRS[value].lstrip("0") if value else ""
    return high + "".join(reversed(pairs))


def question_similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return 0.0
    return matcher.ratio()


def accept(q: float, a: float) -> bool:
    """Is an old card with question similarity ``q`` and answer similarity ``a`` the same card?"""
    return q >= 0.8 or (q >= 0.45 and a >= 0.6) or (q >= 0.2 and a >= 0.9)


@dataclass
class _Matcher:
    """Matches one build's cards against old lock entries (see module docstring)."""

    cards: list[Card]
    old: list[LockEntry]
    #: card index -> old entry index
    match: dict[int, int] = field(default_factory=dict)
    ambiguous: set[int] = field(default_factory=set)
    #: Sources whose cards are, question for question and in order, their lock entries: (card
    #: indexes, entry indexes).
    whole: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)

    @cached_property
    def by_source(self) -> dict[str, list[int]]:
        """Each source's card indexes, in order."""
        found: dict[str, list[int]] = defaultdict(list)
        for i, card in enumerate(self.cards):
            found[card.source].append(i)
        return found

    def run(self) -> None:
        # The verbatim question first: it matches nearly every card of a rebuild without normalising any.
        self._same_questions()
        self._exact(lambda question: question, same_source=True)
        self._exact(normalize, same_source=True)
        self._exact(normalize, same_source=False)
        # A multiple-choice card asks what its first paragraph asks, whatever its options (edited, or first
        # listed on its front with the code they are about).
        self._exact(lambda question: normalize(stem(question).split("\n\n", 1)[0]), same_source=True)
        self._fuzzy()

    def _same_questions(self) -> None:
        """Pair the cards of each source whose questions are, in order, those the lock has for it.

        That is what the verbatim pass of :meth:`_exact` would pair too (the k-th
        card with the k-th entry in the lock's order, duplicates included), found
        by comparing two lists instead of indexing every entry: most sources of a rebuild.
        """
        old_by_source: dict[str, list[int]] = defaultdict(list)
        for j, entry in enumerate(self.old):
            old_by_source[entry.source].append(j)
        old, cards = self.old, self.cards
        for source, mine in self.by_source.items():
            theirs = old_by_source.get(source, [])
            if len(mine) == len(theirs) and all(cards[i].question == old[j].question for i, j in zip(mine, theirs)):
                self.match.update(zip(mine, theirs))
                self.whole[source] = (mine, theirs)

    def _free_entries(self) -> list[int]:
        """Indexes of the old entries no card has taken yet (set arithmetic: a rebuild leaves few)."""
        return sorted(set(range(len(self.old))).difference(self.match.values()))

    def _free_cards(self) -> list[int]:
        """Indexes of the cards not matched yet."""
        return sorted(set(range(len(self.cards))).difference(self.match))

    def _exact(self, key: Callable[[str], str], same_source: bool) -> None:
        free = self._free_entries()
        if not free or len(self.match) == len(self.cards):
            return  # everything is matched already (a rebuild of unchanged cards)
        index: dict[tuple[str, str], deque[int]] = defaultdict(deque)
        for j in free:
            entry = self.old[j]
            index[(entry.source if same_source else "", key(entry.question))].append(j)
        for i in self._free_cards():
            card = self.cards[i]
            found = index.get((card.source if same_source else "", key(card.question)))
            if found and (same_source or len(found) == 1):
                self.match[i] = found.popleft()

    def _fuzzy(self) -> None:
        free_by_source: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for j in self._free_entries():
            entry = self.old[j]
            free_by_source[entry.source].append((entry.pos, j))
        if not free_by_source:
            return
        for free in free_by_source.values():
            free.sort()
        proposals: list[tuple[float, int, int]] = []
        gaps = self._gaps(free_by_source)
        for i in self._free_cards():
            card = self.cards[i]
            if card.source not in free_by_source:
                continue
            free = free_by_source[card.source]
            lo, hi = gaps[i]
            start = bisect.bisect_right(free, (lo, len(self.old)))
            stop = bisect.bisect_left(free, (hi, -1))
            candidates = free[start:stop][:MAX_CANDIDATES]
            scored = self._score(card, [j for _, j in candidates])
            if not scored:
                continue
            best = scored[0]
            if len(scored) > 1 and best[0] - scored[1][0] < AMBIGUITY_MARGIN:
                self.ambiguous.add(i)
                continue
            proposals.append((best[0], i, best[1]))
        used: set[int] = set()
        for _, i, j in sorted(proposals, key=lambda p: (-p[0], p[1])):
            if j in used:
                self.ambiguous.add(i)
                continue
            used.add(j)
            self.match[i] = j

    def _gaps(self, sources: Iterable[str]) -> dict[int, tuple[int, int]]:
        """For each card of ``sources``, the old positions of its nearest matched neighbours in its source.

        One pass each way over the cards of each of ``sources``, so a long run of
        unmatched cards costs no more than a matched one; the cards of other
        sources (all matched, in a rebuild after editing one file) are not read.
        """
        none_before, none_after = -1, 1 << 62
        by_source = self.by_source
        gaps: dict[int, tuple[int, int]] = {}
        for source in set(sources):
            mine = by_source.get(source, [])
            lows: dict[int, int] = {}
            low, last = none_before, -2
            for i in mine:
                if i != last + 1:  # a card of another source came between: a new run
                    low = none_before
                lows[i] = low
                if i in self.match:
                    low = self.old[self.match[i]].pos
                last = i
            high, after = none_after, -2
            for i in reversed(mine):
                if i != after - 1:
                    high = none_after
                gaps[i] = (lows[i], high)
                if i in self.match:
                    high = self.old[self.match[i]].pos
                after = i
        return gaps

    def _score(self, card: Card, candidates: list[int]) -> list[tuple[float, int]]:
        question = normalize(card.question)
        answer_sketch = sketch(card.answer)
        scored = []
        for j in candidates:
            entry = self.old[j]
            q = question_similarity(question, normalize(entry.question))
            a = sketch_similarity(answer_sketch, entry.sketch)
            if accept(q, a):
                scored.append((q + a, j))
        scored.sort(key=lambda s: -s[0])
        return scored


@quick_init
@dataclass(frozen=True, slots=True)
class Facts:
    """What identity works out from one card alone: a build works it out where it parses the card's
    file, and keeps it with the card for the next build."""

    #: :func:`content_hash`: all a note shows of the card.
    content_hash: str
    #: :func:`sketch` of the answer, to recognise the card after a question edit.
    sketch: str
    #: The first guid candidate (:func:`guid_for`); a card whose question repeats takes the next.
    guid: str


def facts(cards: Iterable[Card], namespace: str) -> list[Facts]:
    """The :class:`Facts` of each card."""
    return [Facts(content_hash(c), sketch(c.answer), guid_for(namespace, c.question)) for c in cards]


@dataclass
class _Fresh:
    """What the cards need that the lock cannot give: content hashes, and for new or changed
    cards their answer sketches and first-choice guids (new cards only), by card index."""

    digests: list[str]
    sketches: dict[int, str]
    guids: dict[int, str]


def _fresh(
    cards: list[Card], old: list[LockEntry], match: dict[int, int], namespace: str,
    known: list[Facts | None] | None, todo: list[int],
) -> _Fresh:
    """The content hash of the cards ``todo`` (indexes; "" for the others), the new and changed
    ones' sketches, the new ones' guid candidates.

    ``known`` facts (from the build's parse workers) are taken as they are; a
    card without them is worked out here.
    """
    given: list[Facts | None] = list(known) if known is not None else [None] * len(cards)
    new = [i for i in todo if i not in match and given[i] is None]
    for i, value in zip(new, facts([cards[i] for i in new], namespace)):
        given[i] = value
    digests = [""] * len(cards)
    sketches, guids = {}, {}
    for i in todo:
        card, known_facts = cards[i], given[i]
        j = match.get(i)
        if known_facts is not None:
            digests[i] = known_facts.content_hash
            if j is None or known_facts.content_hash != old[j].hash:
                sketches[i] = known_facts.sketch
            if j is None:
                guids[i] = known_facts.guid
        else:  # matched, facts unknown
            digests[i] = content_hash(card)
            if digests[i] != old[j].hash:  # type: ignore[index]  # j is set: unmatched cards have facts
                sketches[i] = sketch(card.answer)
    return _Fresh(digests, sketches, guids)


def assign(
    cards: list[Card], lock: Lock, namespace: str, now: int, sources: set[str],
    known: list[Facts | None] | None = None, elsewhere: Iterable[str] = (),
) -> tuple[list[Card], Lock, Changes]:
    """Give every card its guid and mtime; return them with the new lock and the changes.

    ``sources`` are the file names this build read; ``elsewhere`` the names of
    files that exist but it did not read (a build of part of a folder): their
    lock entries are kept as they are. The entries of any other file are of a
    file that is gone: renamed (see :func:`renames`) or removed. ``known``
    holds the :data:`Facts` of each card where the build already has them (or None).
    """
    keep = set(elsewhere) - set(sources)
    kept = [e for e in lock.entries if e.source in keep]
    old = [e for e in lock.entries if e.source not in keep]
    renamed = renames(cards, old, sources)
    if renamed:
        old = [replace(e, source=renamed[e.source]) if e.source in renamed else e for e in old]
    matcher = _Matcher(cards, old)
    matcher.run()

    changes = Changes(renamed=sorted(renamed.items()))
    out: list[Card | None] = [None] * len(cards)
    entries: list[LockEntry | None] = [None] * len(cards)
    settled = _settled(matcher, known, len({e.guid for e in lock.entries}) == len(lock.entries))
    for i, j in settled:  # most cards of a rebuild: as the lock has them, line for line
        line = old[j]
        out[i], entries[i] = cards[i].identified(line.guid, line.mtime), line
    changes.unchanged = len(settled)
    todo = [i for i, card in enumerate(out) if card is None]

    # Reserve every guid that stays in use first, so a new guid can never take one.
    taken = {e.guid for e in kept} | {old[j].guid for j in matcher.match.values()}
    used = {e.guid for e in kept} | {old[j].guid for _, j in settled}
    positions: dict[str, int] = defaultdict(int)
    fresh = _fresh(cards, old, matcher.match, namespace, known, todo)
    for i in todo:
        card, digest = cards[i], fresh.digests[i]
        entry = old[matcher.match[i]] if i in matcher.match else None
        if entry is not None and entry.guid in used:
            entry = None  # a hand-edited lock with a duplicate guid: never reuse it twice
        if entry is None:
            guid = fresh.guids.get(i, "")
            if not guid or guid in taken:
                guid = make_guid(namespace, card.question, taken)
            mtime = now
            card = card.identified(guid, mtime)
            changes.added.append(card)
            if i in matcher.ambiguous:
                changes.ambiguous.append(card)
        else:
            guid = entry.guid
            mtime = entry.mtime if digest == entry.hash else max(now, entry.mtime + 1)
            card = card.identified(guid, mtime)
            if digest == entry.hash:
                changes.unchanged += 1
            else:
                changes.updated.append(card)
            if entry.question != card.question and normalize(entry.question) != normalize(card.question):
                changes.reworded.append((entry.question, card))
        taken.add(guid)
        used.add(guid)
        out[i] = card
        pos = positions[card.source]
        positions[card.source] += 1
        unchanged = entry is not None and digest == entry.hash
        if unchanged and entry and (entry.source, entry.pos, entry.question) == (card.source, pos, card.question):
            entries[i] = entry  # the same line in the lock file
            continue
        # guid, source, pos, question, hash, mtime, sketch: in order (a call with keywords costs more)
        entries[i] = LockEntry(guid, card.source, pos, card.question, digest, mtime,
                               entry.sketch if unchanged and entry else fresh.sketches.get(i) or sketch(card.answer))
    # Every place of ``out`` and ``entries`` is filled by now.
    all_entries = sorted([*kept, *cast(list[LockEntry], entries)], key=lambda e: (e.source, e.pos))
    for e in old:  # a card whose guid no card has any more is removed (a repeated guid, once)
        if e.guid not in used:
            used.add(e.guid)
            changes.removed.append(e)
    return cast(list[Card], out), Lock(tuple(all_entries), lock.path), changes


def renames(cards: list[Card], old: list[LockEntry], sources: Iterable[str]) -> dict[str, str]:
    """Old file name -> new file name, for each file of the lock that is gone and renamed.

    A new file (one the lock does not know) is a gone file (one of the lock's, not
    in ``sources``) renamed when at least half of the questions of each are the
    other's: a rename with a few questions edited still counts, and so does a file
    split in two (the part with most of its questions takes its name) or two
    merged into a new one. Each file pairs with one other at most, those with the
    most questions in common first; the cards of the other parts are matched as
    cards moved between files are.
    """
    read = set(sources)
    known = {e.source for e in old}
    gone: dict[str, list[str]] = defaultdict(list)
    for e in old:
        if e.source not in read:
            gone[e.source].append(normalize(e.question))
    if not gone:
        return {}  # most builds: no file of the lock's is gone, so no card needs its question read
    new: dict[str, list[str]] = defaultdict(list)
    for card in cards:
        if card.source not in known:
            new[card.source].append(normalize(card.question))
    if not new:
        return {}
    holders: dict[str, set[str]] = defaultdict(set)  # question -> the gone files that have it
    for name, questions in gone.items():
        for question in questions:
            holders[question].add(name)
    pairs = []
    for name, questions in new.items():
        # Each question counts once per file: a repeated question is not more of a match.
        shared: dict[str, int] = defaultdict(int)
        for question in set(questions):
            for old_name in holders.get(question, ()):
                shared[old_name] += 1
        for old_name, count in shared.items():
            if 2 * count >= max(len(set(gone[old_name])), len(set(questions))):
                pairs.append((-count, old_name, name))
    found: dict[str, str] = {}
    for _, old_name, name in sorted(pairs):
        if old_name not in found and name not in found.values():
            found[old_name] = name
    return found


def _settled(matcher: _Matcher, known: list[Facts | None] | None, unique: bool) -> list[tuple[int, int]]:
    """(card, entry) indexes of the sources whose cards are their lock entries, line for line: the
    same questions in the same places, the same content hashes (from ``known`` facts). Each card
    takes its entry as it is, guid, time and line; none of them need the passes of :func:`assign`.
    Only a lock without repeated guids (one no hand has edited) is trusted so.
    """
    if known is None or not unique:
        return []
    old = matcher.old
    settled: list[tuple[int, int]] = []
    for mine, theirs in matcher.whole.values():
        hashes = [facts.content_hash if facts else None for facts in (known[i] for i in mine)]
        entries = [old[j] for j in theirs]
        if hashes == [e.hash for e in entries] and [e.pos for e in entries] == list(range(len(entries))):
            settled += zip(mine, theirs)
    return settled
