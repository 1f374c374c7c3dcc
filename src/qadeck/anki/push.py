"""``qadeck push``: build the deck, then bring it into Anki.

Contract: :func:`push` builds the whole deck as ``qadeck build`` does (package and lock
file, with the pipeline's own :func:`~qadeck.pipeline.build`), then, in one session with
the target: works out the :class:`Plan` (what Anki's import will add and update, by guid
and modification time, and which of qadeck's notes in the deck are no longer built), backs
the collection up before the first write, imports the package, deletes the stale notes
with ``prune``, and makes the filtered deck the filters ask for. A dry run builds nothing
and writes nothing: it reports the plan.

Filters never narrow what is pushed: a filtered package's notes are the full deck's (same
guids), and Anki never moves a card between decks, so importing one where the full deck
is adds nothing. A filtered deck, Anki's own way to study part of a deck, does it instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import pipeline
from ..filtering import Filters
from ..pipeline import BuildReport, Prepared, Tracker, no_progress
from .target import NOTE_TYPE_IDS, AnkiNote, Target, filtered_search

#: What the summary says about a filtered ``.apkg`` (``build`` and ``export`` say it too).
FILTERED_PACKAGE_NOTE = (
    "a filtered .apkg holds the full deck's notes: imported into a collection that has the full deck, "
    "it adds no cards (Anki never moves a card to another deck). To study part of the deck in Anki, "
    "use 'qadeck push' with the same filters: it makes a filtered deck"
)


@dataclass(frozen=True)
class Plan:
    """What a push does to the deck's notes."""

    #: Guids of notes Anki does not have.
    added: tuple[str, ...]
    #: Guids of notes Anki has with an older modification time: the import updates them.
    updated: tuple[str, ...]
    unchanged: int
    #: qadeck's notes in the deck whose guid is no longer built.
    stale: tuple[AnkiNote, ...]


def plan(built: Mapping[str, int], notes: Iterable[AnkiNote]) -> Plan:
    """The plan for pushing notes ``built`` (guid -> modification time) into a deck holding ``notes``."""
    notes = list(notes)
    have = {n.guid: n.mtime for n in notes}
    added = tuple(g for g in built if g not in have)
    updated = tuple(g for g, t in built.items() if g in have and t > have[g])
    stale = tuple(n for n in notes if n.notetype_id in NOTE_TYPE_IDS and n.guid not in built)
    return Plan(added, updated, len(built) - len(added) - len(updated), stale)


@dataclass(frozen=True)
class FilteredDeck:
    name: str
    search: str
    #: Its cards, or None where the target cannot make filtered decks (AnkiConnect).
    cards: int | None


@dataclass
class PushReport:
    build: BuildReport
    plan: Plan
    where: str
    prune: bool
    dry_run: bool
    backup: Path | None = None
    deleted: tuple[AnkiNote, ...] = ()
    filtered: FilteredDeck | None = None
    package: Path | None = field(default=None)

    def summary(self) -> Iterator[str]:
        """The lines ``qadeck push`` prints."""
        deck, plan = self.build.deck, self.plan
        would = "would be " if self.dry_run else ""
        yield f"{deck}: {len(self.build.cards)} cards pushed to {self.where}" if not self.dry_run else \
            f"{deck}: {len(self.build.cards)} cards, dry run against {self.where}"
        if self.backup:
            yield f"Backup: {self.backup}"
        yield (f"Notes {would}added {len(plan.added)}, {would}updated {len(plan.updated)}, "
               f"unchanged {plan.unchanged}")
        if plan.stale:
            if self.prune:
                yield f"Notes {would}deleted (no longer in the sources): {len(plan.stale)}"
            else:
                yield (f"In Anki but no longer in the sources: {len(plan.stale)} notes "
                       "(kept; --prune deletes them)")
            for note in plan.stale:
                yield f"  - {note.question_text}"
        if self.filtered:
            f = self.filtered
            if f.cards is None:
                yield (f"Filtered deck: AnkiConnect cannot make one; in Anki, Tools > Create Filtered Deck, "
                       f"name {f.name!r}, search: {f.search}")
            elif self.dry_run:
                yield f"Filtered deck {f.name!r} would search: {f.search}"
            else:
                yield f"Filtered deck {f.name!r}: {f.cards} cards of the whole deck ({f.search})"
        if self.dry_run:
            yield "Dry run: nothing written, nothing changed in Anki."
        elif self.build.lock_written:
            yield f"Updated {self.build.prepared.loaded.lock_path} (commit it with your sources)"


def push(
    prepared: Prepared,
    target: Target,
    out_dir: Path,
    filters: Filters,
    *,
    prune: bool = False,
    dry_run: bool = False,
    track: Tracker = no_progress,
) -> PushReport:
    """Build the whole deck into ``out_dir`` and push it into ``target`` (see the module docstring)."""
    if filters.active:
        pipeline.select(prepared, filters)  # an unknown topic fails before anything is written
    with target:  # first: a collection Anki holds fails the push before it builds anything
        built = pipeline.build(prepared, out_dir, Filters(), ["apkg"], dry_run, track)
        deck = built.deck
        guids = {card.guid: card.mtime for card in built.cards}
        the_plan = plan(guids, target.deck_notes(deck))
        report = PushReport(built, the_plan, target.where, prune, dry_run)
        search = filtered_search(deck, filters) if filters.active else ""
        name = filters.deck_name(deck)
        if dry_run:
            if filters.active:
                report.filtered = FilteredDeck(name, search, 0)
            return report
        report.package = (built.written or built.unchanged)[0]
        report.backup = target.backup(deck)
        target.import_package(report.package)
        if prune and the_plan.stale:
            target.delete_notes([n.id for n in the_plan.stale])
            report.deleted = the_plan.stale
        if filters.active:
            report.filtered = FilteredDeck(name, search, target.filtered_deck(name, search))
    return report
