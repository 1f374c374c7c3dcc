"""The library API: the pipeline from source files to written decks, in one place.

The stages, in order, each a module (or package) named for its job::

    sources      find and read the files (encodings, newlines)      sources.py
    parsers      detect each file's layout, parse its cards         parsers/ (repairs: parsers/repair/)
    screening    drop cards left empty                              screen.py
    tagging      topics and difficulty                              tagging/
    render       Markdown to safe HTML and to plain text            render/
    identity     guids and mod times from the lock file             identity/
    filtering    the cards a build asked for                        filtering.py
    writers      .apkg, CSV and the other formats                   writers/

:func:`load` runs the stages that depend on one file alone (:func:`file_work`:
parse, screen, tag, and for a build render and identity's per-card facts), on
every core for a big build; :func:`prepare` gives the cards their identities
(nothing is written); :func:`build` filters and writes the chosen formats,
then the lock file. ``qadeck check`` adds :mod:`qadeck.review`'s report. The
CLI is a thin layer over these, run inside :func:`batch`.

The speed-ups (:mod:`qadeck.perf`) sit behind the stages and change no result:
a file unchanged since the last build takes its cards from the card cache, an
output that would be written as it is is left alone, and the package starts
from the database its last write left.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from . import identity, markups, naming, parsers, review, screen, sources
from . import config as config_mod
from .identity import lockfile
from .perf.card_cache import (
    CARDS_DIR,
    CardCache,
    DocumentTexts,
    Kept,
    OutputStamps,
    Rendered,
    cards_digest,
    decode,
    encode,
    output_stamp,
    prune_kept,
    store,
)
from .config import DeckConfig
from .errors import SourceError, UsageError, unknown
from .files import Pending, Staged, commit_all, discard_all
from .filtering import Filters
from .identity import Changes, Facts
from .identity.lockfile import Lock
from .render import media
from .render.media import MediaFile, Scan
from .model import Card, Deck, Finding, ParseResult, Source
from .perf.parallel import pmap
from .render import Renderer, RenderStats
from .tagging import suggest, tag
from .tagging.topic import slugify
from .writers import Output
from .writers.registry import DEFAULT_FORMATS, FORMATS

#: Folder in the output folder for what builds keep for the next one (cards, rendered HTML).
CACHE_DIR = sources.CACHE_DIR
#: Parse on every core when the files to parse hold at least this much text.
PARALLEL_CHARS = 2_000_000
#: Media problems warned of one by one in a file; the rest are counted in one line.
MEDIA_WARNINGS = 10
#: File in the cache folder with the name of each media file, by its path, size and time.
MEDIA_NAMES = "media.json"
#: File in the cache folder with a stamp of what went into each output.
STAMPS_NAME = "outputs.json"
#: Folder in the cache folder where each output may keep what speeds up its next write, by file name.
OUTPUTS_DIR = "outputs"

T = TypeVar("T")
V = TypeVar("V")
#: Wraps an iterable to show progress: ``track(items, label, total)``.
Tracker = Callable[[Iterable[T], str, int], Iterable[T]]


def no_progress(items: Iterable[T], label: str, total: int) -> Iterable[T]:
    return items


@contextmanager
def batch() -> Iterator[None]:
    """Run a big job without the cyclic garbage collector's pauses (the CLI runs every command so).

    A build makes millions of small objects (cards, rows, HTML) that live until
    it ends; the collector would scan the growing heap again and again, a third
    of a rebuild's time at 100,000 cards. The pipeline makes few reference
    cycles, so collection is off for the duration (in the parse workers too) and
    back on afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Loaded:
    """Sources read and parsed, with the deck's config and what was skipped."""

    config: DeckConfig
    deck: Deck
    #: Warnings about files that were not read (binary, unknown extension…).
    skipped: list[str] = field(default_factory=list)
    #: Folder where ``qadeck.lock`` lives.
    home: Path = Path(".")
    #: The card cache: the entries this load read or stored (kept fresh by :func:`build`).
    cache: CardCache | None = None
    #: What rendering the files parsed here took (a build renders them as it parses them).
    render_stats: RenderStats = field(default_factory=RenderStats)
    #: Each file's cards with what was worked out from them, HTML and plain text among it.
    kept: list[Kept] = field(default_factory=list)
    #: Identity's facts of each card of ``deck.cards``, in order, where worked out with its file.
    facts: list[Facts | None] | None = None
    #: The pictures and sounds the sources refer to, by their name in Anki's media folder.
    media: dict[str, MediaFile] = field(default_factory=dict)
    #: Names of every source file found, read or not (left out by ``--source``, unreadable).
    found: frozenset[str] = frozenset()

    @property
    def source_names(self) -> set[str]:
        return {r.source for r in self.deck.results}

    @cached_property
    def html(self) -> dict[str, str]:
        """Text -> HTML of the cards' answers, where a build rendered them with their file.

        Made when first asked for (a dict of 100,000 texts for a big deck): a build whose
        outputs are all up to date never asks.
        """
        return _merged(map(Kept.html, self.kept))

    @cached_property
    def inline(self) -> dict[str, str]:
        """Text -> inline HTML of the cards' questions, likewise."""
        return _merged(map(Kept.inline_html, self.kept))

    @cached_property
    def plain(self) -> dict[str, str | None]:
        """Text -> plain text of the same (for CSV and the other plain-text formats), None where it is
        the text itself."""
        return _merged(map(Kept.plain, self.kept))

    @property
    def all_rendered(self) -> bool:
        """Were every file's cards rendered with it (so that a build has all their HTML)?"""
        return all(k.rendered is not None for k in self.kept if k.result.cards)

    @property
    def lock_path(self) -> Path:
        return self.home / lockfile.LOCK_NAME


def _merged(files: Iterable[Iterable[tuple[str, V]]]) -> dict[str, V]:
    """One dict of the (text, value) pairs of every file, later files winning: merged in C, a file
    at a time (a tenth faster than one ``dict`` of all the pairs chained)."""
    merged: dict[str, V] = {}
    for pairs in files:
        merged.update(pairs)
    return merged


def load(
    paths: Iterable[Path],
    filters: Filters = Filters(),
    layout: str | None = None,
    track: Tracker = no_progress,
    warn: Callable[[str], None] = lambda message: None,
    cache_dir: Path | None = None,
    keep: bool = True,
    taxonomy: bool = True,
    follow_symlinks: bool = False,
    outputs: Iterable[Path] = (),
) -> Loaded:
    """Read, parse and tag every source; raises when there is nothing to read.

    Files that cannot be read (binary, unknown extension) are skipped: ``warn``
    hears about each one as it happens, before any error about the rest.
    With ``cache_dir``, a file whose text is as the last build found it takes
    its cards from there instead of being parsed and tagged again; the files
    parsed are kept there for the next build unless ``keep`` is False (a dry run).
    Without ``taxonomy``, topics come from the sources alone, as if ``qadeck.yaml`` had none.
    A symlink in a source folder that leads outside the ``paths`` is skipped (a warning) unless
    ``follow_symlinks`` (see :func:`qadeck.sources.resolves_inside`). The folders in ``outputs`` (where
    the command writes) and any build's output folder are not walked for sources.
    """
    paths = list(paths)
    if layout:
        parsers.get(layout)  # fail on a bad --layout before reading anything
    config_path = config_mod.find(paths)
    home = config_path.parent if config_path else _home(paths)
    found = sources.collect(paths, follow_symlinks, [*outputs, *_written(paths, cache_dir)])
    documents = DocumentTexts(cache_dir / CARDS_DIR if cache_dir and keep else None)
    config = config_mod.load(config_path) if config_path else _default_config(home, found.files, documents)
    layout = layout or config.layout or None
    if not taxonomy:
        config = replace(config, topics=(), default_topic="")
    files = [f for f in found.files if filters.wants_source(f.name)]
    skipped = list(found.skipped)
    for message in skipped:
        warn(message)
    if not files:
        where = ", ".join(str(p) for p in paths)
        detail = " matching --source" if found.files else ""
        raise SourceError(f"no Q&A source files{detail} (looked for {_extensions()})", where)
    card_cache = CardCache(cache_dir / CARDS_DIR if cache_dir else None, config)
    kept: list[Kept | None] = []
    todo: list[tuple[int, Source, Path | None, Scan]] = []  # (place in kept, source, cache entry, media) to parse
    libraries: dict[Path, media.Library] = {}
    names = media.Names(cache_dir / MEDIA_NAMES if cache_dir and keep else None)
    files_media: dict[str, MediaFile] = {}
    for file in track(files, "Reading", len(files)):
        try:
            source = sources.read(file, documents)
        except SourceError as exc:
            skipped.append(f"{exc}; skipped")
            warn(skipped[-1])
            continue
        root = found.roots.get(file, file.parent)
        library = libraries.get(root) or libraries.setdefault(root, media.Library(root, names))
        scan = library.scan(source)
        for finding in scan.findings[:MEDIA_WARNINGS]:
            warn(str(finding))
        if len(scan.findings) > MEDIA_WARNINGS:  # a deck copied without its media folder: not a line each
            warn(f"{source.name}: media: {len(scan.findings) - MEDIA_WARNINGS} more pictures or sounds not used "
                 "(`qadeck check` lists them all)")
        files_media.update((f.name, f) for f in scan.files)
        entry = card_cache.entry(source, layout, scan.digest())
        kept.append(card_cache.get(entry))
        if kept[-1] is None:
            todo.append((len(kept) - 1, source, entry, scan))
    jobs = [(source, scan, entry if keep else None) for _, source, entry, scan in todo]
    big = len(todo) > 1 and sum(len(source.text) for source, _, _ in jobs) >= PARALLEL_CHARS
    # A build (it has a cache) renders each file and works out its cards' identity facts where it
    # parses it, on every core, and keeps them with the cards for the next build.
    parse_job = partial(_parse_job, layout=layout, config=config, for_build=card_cache.folder is not None)
    parsed = pmap(parse_job, jobs) if big else map(parse_job, jobs)
    render_stats = RenderStats()
    for (place, source, entry, scan), (work, stats) in zip(todo, track(parsed, "Parsing", len(todo))):
        render_stats.add(stats)
        if work is None:  # stored as its cache entry where it was parsed: read from there
            try:
                work = entry.read_bytes()  # type: ignore[union-attr]  # a job stores only at its entry
            except OSError:  # gone meanwhile (a cache folder another program cleans): parsed again here
                work, _ = parse_job((source, scan, None))
        kept[place] = decode(work, trusted=True) if isinstance(work, bytes) else work
        if keep and entry is not None:
            card_cache.stored(entry)
    names.save()
    done = [k for k in kept if k is not None]
    if not any(k.result.cards for k in done):
        where = ", ".join(str(p) for p in paths)
        unfit = [f for k in done if k.result.layout == "none" for f in k.result.findings if f.kind == "skipped"]
        why = f" ({unfit[0].source}: {unfit[0].message})" if unfit else ""
        raise SourceError(f"no questions with answers found in any source{why}", where)
    facts: list[Facts | None] = []
    for k in done:
        facts += k.facts if k.facts is not None else [None] * len(k.result.cards)
    deck = Deck(tuple(k.result for k in done))
    return Loaded(config, deck, skipped, home, card_cache, render_stats, done,
                  facts if any(f is not None for f in facts) else None, files_media,
                  frozenset(f.name for f in found.files))


def _written(paths: list[Path], cache_dir: Path | None) -> list[Path]:
    """The files the last builds wrote into this build's output folder and into the folders given
    as sources that hold a build's cache (``-o .``): their deck, not their sources."""
    folders = {path for path in paths if path.is_dir() and (path / CACHE_DIR).is_dir()}
    if cache_dir is not None:
        folders.add(cache_dir.parent)
    return [folder / target.name for folder in folders
            for target in OutputStamps(folder / CACHE_DIR / STAMPS_NAME).targets()]


def suggest_topics(paths: Iterable[Path], layout: str | None = None) -> str:
    """A draft taxonomy for ``paths`` as the ``topics:`` block of ``qadeck.yaml`` (``default_topic:
    misc`` names its catch-all): the topics the sources' structure and phrases give, with weighted
    keywords drawn from their cards, whatever taxonomy ``qadeck.yaml`` has now."""
    loaded = load(paths, layout=layout, taxonomy=False)
    return suggest.taxonomy_yaml(suggest.suggest(loaded.deck.cards))


def parse_and_tag(source: Source, layout: str | None, config: DeckConfig, scan: Scan | None = None) -> ParseResult:
    """One file's cards, screened and tagged, naming their media: all that depends on the file alone
    (and the media it refers to; cached)."""
    result = screen.screen(parsers.parse(source, layout))
    result = replace(result, cards=tuple(tag(list(result.cards), config, source)))
    return media.attach(result, scan)


def file_work(
    source: Source, layout: str | None, config: DeckConfig, for_build: bool, scan: Scan | None = None,
) -> tuple[Kept, RenderStats]:
    """The stages that depend on one file alone, in order: parse, screen and tag
    (:func:`parse_and_tag`), and for a build render and work out identity's facts, each a pure
    function of a card. Returns them with what rendering took."""
    result = parse_and_tag(source, layout, config, scan)
    if not for_build:
        return Kept(result), RenderStats()
    renderer = Renderer()
    questions, answers = [c.question for c in result.cards], [c.answer for c in result.cards]
    rendered = Rendered(
        tuple(map(renderer.inline_html, questions)),
        tuple(map(renderer.html, answers)),
        _plain(questions, renderer),
        _plain(answers, renderer),
    )
    return Kept(result, rendered, tuple(identity.facts(result.cards, str(config.deck_id)))), renderer.stats


def _plain(texts: list[str], renderer: Renderer) -> tuple[str | None, ...]:
    """The plain text of each of ``texts``, None where it is the text itself (most are: the cache
    keeps each text once)."""
    return tuple(None if plain == text else plain for text, plain in zip(texts, map(renderer.plain, texts)))


def _parse_job(
    job: tuple[Source, Scan, Path | None], layout: str | None, config: DeckConfig, for_build: bool
) -> tuple[bytes | Kept | None, RenderStats]:
    """:func:`file_work` of one file, where it runs (here or in a worker process), stored as its card
    cache entry (at the job's path, if any) and handed back with what rendering took.

    What is stored is handed back as None, for the build to read from the entry: a pipe from a
    worker carries a file's few hundred kilobytes 64 KB at a time, each piece waiting for the
    build process, busy taking in other results, to let its reader run. Otherwise the bytes
    are handed back, which cross faster than the dataclasses pickled.
    """
    source, scan, entry = job
    kept, stats = file_work(source, layout, config, for_build, scan)
    try:
        data = encode(kept)
    except TypeError:  # text orjson will not encode (a lone surrogate): not kept, handed back whole
        return kept, stats
    if entry is not None and store(entry, data):
        return None, stats
    return data, stats


def _home(paths: list[Path]) -> Path:
    first = paths[0] if paths else Path(".")
    return first if first.is_dir() else first.parent


def _default_config(home: Path, files: list[Path], documents: DocumentTexts) -> DeckConfig:
    """The config of a folder without ``qadeck.yaml``: named by :mod:`qadeck.naming`."""
    name = naming.choose(home, files, documents)
    return config_mod.default(name.name, name.origin)


def _extensions() -> str:
    named = ", ".join(sorted(markups.NAMED_ONLY))
    given = ", ".join(sorted(markups.GIVEN_ONLY))
    return (f"{', '.join(sorted(sources.TEXT_EXTENSIONS))}; and {named}, or text under another extension (not code), "
            f"when named or named for Q&A, e.g. faq.docx; and {given} when named on the command line")


@dataclass(frozen=True)
class Prepared:
    """Cards tagged and identified, ready to filter and write."""

    loaded: Loaded
    cards: list[Card]
    lock: Lock
    changes: Changes

    @property
    def topics(self) -> list[str]:
        """Every topic slug known to the deck (taxonomy first, then any found on cards, in order, with the
        parents of nested ones: ``--topic docker`` picks ``docker::networking`` too)."""
        known = dict.fromkeys(self.loaded.config.topic_slugs)
        known.update(dict.fromkeys(chain.from_iterable(map(attrgetter("topics"), self.cards))))  # in C
        for slug in [slug for slug in known if "::" in slug]:
            parts = slug.split("::")
            known.update(dict.fromkeys("::".join(parts[:n]) for n in range(1, len(parts))))  # nested: its parents too
        return list(known)


def prepare(loaded: Loaded, now: int | None = None) -> Prepared:
    """Give the cards identities from the lock file (nothing is written)."""
    cards = loaded.deck.cards
    lock = lockfile.read(loaded.lock_path)
    read = loaded.source_names
    # Files the lock knows that this build did not read may still be in the lock's folder (a build
    # of some of its files): their cards are kept. Any other is gone: renamed, or its cards removed.
    missing = {e.source for e in lock.entries} - read - loaded.found
    elsewhere = loaded.found | sources.present(loaded.home, missing)
    cards, new_lock, changes = identity.assign(
        cards,
        lock,
        namespace=str(loaded.config.deck_id),
        now=int(time.time()) if now is None else now,
        sources=read,
        known=loaded.facts,
        elsewhere=elsewhere,
    )
    return Prepared(loaded, cards, new_lock, changes)


@dataclass
class BuildReport:
    prepared: Prepared
    cards: list[Card]
    deck: str
    #: Files written (empty for a dry run).
    written: list[Path] = field(default_factory=list)
    #: The formats asked for.
    formats: list[str] = field(default_factory=list)
    #: Files already holding exactly what this build would write: left alone.
    unchanged: list[Path] = field(default_factory=list)
    lock_written: bool = False
    #: What rendering did, in the parse workers and here (None for a dry run).
    render_stats: RenderStats | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.prepared.loaded.deck.findings


def findings(loaded: Loaded) -> list[Finding]:
    """What ``qadeck check`` reports: the parsers' findings and the review of the cards, in source order."""
    found = loaded.deck.findings + review.review(loaded.deck.cards)
    found.sort(key=lambda f: (f.source, f.line))
    return found


@dataclass(frozen=True)
class PreviewReport:
    """What :func:`preview` wrote, for the command's summary."""

    path: Path
    #: The cards the page shows: one per card Anki makes (a reversed note's two, a cloze's one per deletion).
    cards: int
    #: The notes they are made of (qadeck's cards).
    notes: int
    findings: int


def preview(prepared: Prepared, filters: Filters, out_dir: Path, path: Path | None = None) -> PreviewReport:
    """Write the preview page of the cards ``filters`` select (default ``out_dir/<deck>.html``)."""
    from . import preview as page  # only this command needs the page's templates

    cards = select(prepared, filters)
    found = findings(prepared.loaded)
    config = prepared.loaded.config
    deck = f"{config.deck} ({filters.label()})" if filters.active else config.deck
    path = path or out_dir / f"{slugify(config.deck)}{filters.suffix()}.html"
    shown = page.write(page.Preview(deck, cards, found), Renderer(), path)
    return PreviewReport(path, shown, len(cards), len(found))


def select(prepared: Prepared, filters: Filters) -> list[Card]:
    filters.check(prepared.topics)
    return filters.apply(prepared.cards)


def build(
    prepared: Prepared,
    out_dir: Path,
    filters: Filters = Filters(),
    formats: Iterable[str] = DEFAULT_FORMATS,
    dry_run: bool = False,
    track: Tracker = no_progress,
    *,
    html: bool = False,
    path: Path | None = None,
) -> BuildReport:
    """Write the deck in each format to ``out_dir``, then the lock file.

    ``path`` names the file for a single format instead (``qadeck export -o``);
    ``html`` keeps markup in plain-text formats (``--html``).
    """
    formats = list(formats)
    for name in formats:
        if name not in FORMATS:
            raise UsageError(unknown("format", name, list(FORMATS)))
    if path is not None and len(formats) != 1:
        raise UsageError("an output file takes exactly one format")
    cards = select(prepared, filters)
    if not cards:
        raise UsageError("no cards match the filters; nothing to write")
    config = prepared.loaded.config
    deck, deck_id = config.deck, config.deck_id
    if filters.active:
        deck = filters.deck_name(config.deck)
        deck_id = config_mod.stable_id(deck)
    report = BuildReport(prepared, cards, deck, formats=formats)
    if dry_run:
        return report
    stem = slugify(config.deck) + filters.suffix()
    stamps = OutputStamps(None if path else out_dir / CACHE_DIR / STAMPS_NAME)
    targets = {name: path or out_dir / f"{stem}{FORMATS[name].extension}" for name in formats}
    hashes = {e.guid: e.hash for e in prepared.lock.entries}
    content = cards_digest(cards, hashes)
    loaded = prepared.loaded
    files = {f.name: f for f in media.used(cards, loaded.media)}
    where = sorted((f.name, f.relative) for f in files.values())  # a format without media shows paths
    stamp = {name: output_stamp(name, deck, deck_id, html, content, where) for name in formats}
    todo = [name for name in formats if not stamps.current(targets[name], stamp[name])]
    report.unchanged = [targets[name] for name in formats if name not in todo]
    report.render_stats = RenderStats()
    report.render_stats.add(loaded.render_stats)
    # A build's outputs may keep what speeds up their next write (the package its database).
    kept = None if path else out_dir / CACHE_DIR / OUTPUTS_DIR
    if todo:
        # The texts (and their dicts) are looked at only where some file's cards were not rendered with it.
        renderer = Renderer(lambda: loaded.html, lambda: loaded.plain, lambda: loaded.inline)
        # Questions are few and short: the writers render those not rendered yet as they need them.
        texts = [] if loaded.all_rendered else renderer.unknown(card.answer for card in cards)
        for _ in track(renderer.render_all(texts), "Rendering", len(texts)):
            pass
        report.render_stats.add(renderer.stats)
        output = Output(deck, deck_id, cards, renderer, html=html, media=files)
        with_paths = replace(output, cards=[media.with_paths(card, files) for card in cards]) if files else output
        writes: list[Callable[[], Pending]] = []
        # A write that can finish in a thread goes first: the package zips its database while the
        # others are written (zlib lets them run), instead of after them.
        for name in sorted(todo, key=lambda name: FORMATS[name].write_kept is None):
            target = targets[name]
            out = replace(output if FORMATS[name].media_names else with_paths, target=target)
            write = partial(FORMATS[name].write, out)
            quicker = FORMATS[name].write_kept
            if quicker and kept:  # a speed-up: starts from what the last build of this file left
                write = partial(quicker, out, kept / target.name, hashes, background=True)
            writes.append(partial(Pending, target, write))
        with Staged(loaded.lock_path) as lock:
            # Every output, then the lock file, is written beside its place; none replaces the old
            # one until all are written (a source folder that takes no lock file fails the build
            # before any output changes), and the lock file goes in last.
            pending: list[Pending] = []
            try:
                for write in track(writes, "Writing", len(writes)):
                    pending.append(write())
                _stage_lock(lock, prepared.lock)
            except BaseException:
                discard_all(pending)
                raise
            commit_all(pending)
            for name in todo:
                stamps.record(targets[name], stamp[name])
                report.written.append(targets[name])
            stamps.save()
            report.lock_written = lock.commit()
    else:
        report.lock_written = write_lock(prepared)
    if kept:
        prune_kept(kept, [target.name for target in targets.values()])
    if loaded.cache:
        loaded.cache.save()
    return report


def write_lock(prepared: Prepared) -> bool:
    """Write the lock file if its content changed; returns whether it was written."""
    with Staged(prepared.loaded.lock_path) as lock:
        _stage_lock(lock, prepared.lock)
        return lock.commit()


def _stage_lock(staged: Staged, lock: Lock) -> None:
    staged.write_if_changed(lockfile.dumps(lock))
