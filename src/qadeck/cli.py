"""The command line: a thin Click layer over :mod:`qadeck.pipeline`.

Commands parse options, call the library and print. A :class:`QadeckError`
becomes a one-line ``Error:`` message and exit status 1; any other exception
is a bug, reported in one line too unless ``--debug`` asks for the traceback.
"""

from __future__ import annotations

import os
import sys
import time
import webbrowser
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from . import __version__, anki, parsers, pipeline, scaffold
from . import watch as watching
from .config import LEVELS
from .errors import QadeckError, UsageError, unknown
from .model import KINDS
from .filtering import Filters
from .identity import Changes
from .render import Renderer
from .writers import json as cards_json
from .writers.registry import DEFAULT_FORMATS, FORMATS

T = TypeVar("T")
DEFAULT_SOURCES = (Path("cards"),)
#: Where build, export and preview write unless told otherwise: never walked for sources.
DEFAULT_OUTPUT = Path("build")
#: Where ``--follow-symlinks`` is kept in a command's context.
FOLLOW_SYMLINKS = "qadeck.follow_symlinks"
#: Topics the build summary names at most, the biggest first.
SUMMARY_TOPICS = 20
#: Seconds a stage runs before it shows a progress bar.
PROGRESS_AFTER = 1.0


class _Group(click.Group):
    """Turns library errors into one-line messages; tracebacks only with --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QadeckError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted; earlier outputs are left as they were.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader stopped reading (``qadeck list | head``): nothing is wrong and no one is
            # listening. Python's own flush at exit would fail on the closed pipe too, so it writes
            # nowhere instead.
            with suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"
            ) from None


def track(items: Iterable[T], label: str, total: int, *, stream: TextIO | None = None) -> Iterator[T]:
    """A progress bar on a terminal for a stage still running after :data:`PROGRESS_AFTER` seconds.

    Decided by time, not by count: 400 big files can take longer to parse than
    200,000 cached texts take to render.
    """
    stream = stream or sys.stderr
    if not stream.isatty():
        yield from items
        return
    start = time.monotonic()
    with ExitStack() as stack:
        bar = None
        for done, item in enumerate(items, start=1):
            yield item
            if bar is not None:
                bar.update(1)
            elif done < total and time.monotonic() - start > PROGRESS_AFTER:
                bar = stack.enter_context(click.progressbar(length=total, label=label, file=stream))
                bar.update(done)


class Known(click.Choice):
    """One of the values qadeck knows (a comma-separated list of them with ``several``), checked as
    the command line is read, before any file is: an unknown one is the one-line error ``--topic``
    gives, with the closest known values first."""

    def __init__(self, kind: str, choices: Iterable[str], several: bool = False) -> None:
        super().__init__(list(choices))
        self.kind, self.several = kind, several

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value  # a default already converted
        values = [v.strip() for v in value.split(",") if v.strip()] if self.several else [value]
        for one in values:
            if one not in self.choices:
                raise UsageError(unknown(self.kind, one, [str(c) for c in self.choices]))
        return values if self.several else value


def sources_arg(f: Any) -> Any:
    """SOURCES, and ``--follow-symlinks``, which every command that reads them takes (kept in the
    context for :func:`_load`, so that no command needs a parameter for it)."""
    f = click.option(
        "--follow-symlinks", is_flag=True, expose_value=False,
        callback=lambda ctx, _param, value: ctx.meta.__setitem__(FOLLOW_SYMLINKS, value),
        help="Read symlinks in SOURCES that lead outside them (skipped with a warning otherwise).",
    )(f)
    return click.argument(
        "sources", nargs=-1, type=click.Path(path_type=Path)
    )(f)


def layout_option(f: Any) -> Any:
    return click.option(
        "--layout", type=Known("layout", parsers.names()), help="Force a layout instead of detecting it."
    )(f)


def html_option(f: Any) -> Any:
    return click.option(
        "--html", is_flag=True,
        help="Keep markup as HTML in plain-text formats (tsv), for apps that render it.",
    )(f)


def watch_option(f: Any) -> Any:
    return click.option(
        "--watch", is_flag=True, help="Run again each time a source is saved, until Ctrl-C."
    )(f)


def _maybe_watch(run: Callable[[], None], watch: bool, sources: tuple[Path, ...], out_dir: Path) -> None:
    """``run()`` once, or with ``--watch`` again after every save to the sources."""
    if not watch:
        run()
        return
    watching.watch(_given(sources), run, lambda message: click.echo(message, err=True),
                   ignore=[out_dir])


def output_option(f: Any) -> Any:
    return click.option(
        "-o", "--output", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT,
        show_default=True, help="Folder to write the deck files into.",
    )(f)


def filter_options(f: Any) -> Any:
    options = [
        click.option("--topic", "topics", multiple=True, metavar="SLUG",
                     help="Only cards with this topic (repeatable)."),
        click.option("--exclude-topic", "exclude_topics", multiple=True, metavar="SLUG",
                     help="Leave out cards with this topic (repeatable)."),
        click.option("--difficulty", "difficulties", multiple=True, metavar="LEVEL", type=Known("difficulty", LEVELS),
                     help=f"Only cards of this difficulty: {', '.join(LEVELS)} (repeatable)."),
        click.option("--source", "source_globs", multiple=True, metavar="GLOB",
                     help="Only source files whose name matches (repeatable)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filters(kw: dict[str, Any]) -> Filters:
    return Filters(
        topics=tuple(kw.pop("topics", ())),
        exclude_topics=tuple(kw.pop("exclude_topics", ())),
        difficulties=tuple(kw.pop("difficulties", ())),
        sources=tuple(kw.pop("source_globs", ())),
    )


def _load(sources: tuple[Path, ...], filters: Filters, layout: str | None,
          out_dir: Path | None = None, keep: bool = True) -> pipeline.Loaded:
    """Load SOURCES; a build into ``out_dir`` reuses its cache of parsed files (and keeps it up to
    date unless not ``keep``: a dry run)."""
    cache_dir = out_dir / pipeline.CACHE_DIR if out_dir else None
    follow = click.get_current_context().meta.get(FOLLOW_SYMLINKS, False)
    return pipeline.load(_given(sources), filters, layout, track, _warn, cache_dir, keep,
                         follow_symlinks=follow, outputs=(out_dir or DEFAULT_OUTPUT,))


def _given(sources: tuple[Path, ...]) -> tuple[Path, ...]:
    """SOURCES, or ``cards/`` when none are named: a first run in a notes folder without one is told
    how to name its notes rather than only that ``cards`` does not exist."""
    if sources or DEFAULT_SOURCES[0].exists():
        return sources or DEFAULT_SOURCES
    command = f"qadeck {click.get_current_context().info_name}"
    raise UsageError(f"no {DEFAULT_SOURCES[0]}/ folder here to read by default: name your notes, "
                     f"e.g. {command} notes/ or {command} . (this folder)")


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _say_layouts(loaded: pipeline.Loaded) -> None:
    for result in loaded.deck.results:
        click.echo(
            f"{result.source}: layout {result.layout}, {len(result.cards)} cards"
            + (f", {len(result.unanswered)} unanswered" if result.unanswered else ""),
            err=True,
        )


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="qadeck")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn question-and-answer text into flashcards (Anki .apkg and CSV)."""
    ctx.obj = {"debug": debug}


@cli.command("list")
@sources_arg
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per card.")
@filter_options
@layout_option
def list_cmd(sources: tuple[Path, ...], as_json: bool, layout: str | None, **kw: Any) -> None:
    """List the cards in SOURCES (files or folders; default cards/)."""
    filters = _filters(kw)
    loaded = _load(sources, filters, layout)
    _say_layouts(loaded)
    prepared = pipeline.prepare(loaded)
    cards = pipeline.select(prepared, filters)
    if as_json:
        click.echo(cards_json.dumps(cards, Renderer()))
        return
    for card in cards:
        section = card.section or "-"
        click.echo(f"{card.location:<42} {section[:28]:<28} {card.question}")
    click.echo(f"{len(cards)} cards", err=True)


@cli.command()
@sources_arg
@click.option("--strict", is_flag=True, help="Exit with status 1 when anything is reported.")
@layout_option
def check(sources: tuple[Path, ...], strict: bool, layout: str | None) -> None:
    """Report what to look at in SOURCES: unanswered, inferred, suspicious, missing media."""
    loaded = _load(sources, Filters(), layout)
    _say_layouts(loaded)
    findings = pipeline.findings(loaded)
    for finding in findings:
        click.echo(str(finding))
    counts = Counter(f.kind for f in findings)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing to report"
    click.echo(f"{len(loaded.deck.cards)} cards; {summary}", err=True)
    if strict and findings:
        sys.exit(1)


@cli.command()
@sources_arg
@output_option
@click.option("--format", "formats", type=Known("format", FORMATS, several=True), metavar="FORMATS",
              default=",".join(DEFAULT_FORMATS), show_default=True, help=f"Comma-separated formats: {', '.join(FORMATS)}.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@html_option
@watch_option
@filter_options
@layout_option
def build(sources: tuple[Path, ...], out_dir: Path, formats: list[str], dry_run: bool, html: bool,
          watch: bool, layout: str | None, **kw: Any) -> None:
    """Build the Anki deck and CSV from SOURCES (default cards/) into build/."""
    filters = _filters(kw)
    def run() -> None:
        loaded = _load(sources, filters, layout, out_dir, keep=not dry_run)
        prepared = pipeline.prepare(loaded)
        report = pipeline.build(prepared, out_dir, filters, formats, dry_run, track, html=html)
        _warn_filtered_package(filters, formats)
        _print_summary(report, dry_run)

    _maybe_watch(run, watch, sources, out_dir)


def _warn_filtered_package(filters: Filters, formats: list[str]) -> None:
    if filters.active and "apkg" in formats:
        _warn(anki.FILTERED_PACKAGE_NOTE)


@cli.command()
@sources_arg
@click.option("--collection", type=click.Path(path_type=Path), metavar="PATH",
              help="The collection file (collection.anki2) to push into.")
@click.option("--profile", metavar="NAME", help="The Anki profile to push into (default: the only one).")
@click.option("--anki-connect", "anki_connect", is_flag=False, flag_value=anki.DEFAULT_URL, default=None,
              metavar="[URL]", help=f"Push into the running Anki through AnkiConnect [{anki.DEFAULT_URL}].")
@click.option("--prune", is_flag=True, help="Delete the deck's notes no longer in the sources (listed first).")
@click.option("--dry-run", is_flag=True, help="Show what would be added, updated and deleted; change nothing.")
@output_option
@watch_option
@filter_options
@layout_option
def push(sources: tuple[Path, ...], collection: Path | None, profile: str | None, anki_connect: str | None,
         prune: bool, dry_run: bool, out_dir: Path, watch: bool, layout: str | None, **kw: Any) -> None:
    """Build the deck from SOURCES and import it into Anki; filters make a filtered deck."""
    filters = _filters(kw)
    target = anki.open_target(collection, profile, anki_connect, out_dir)

    def run() -> None:
        # The whole deck is pushed whatever the filters: they choose the filtered deck's cards.
        prepared = pipeline.prepare(_load(sources, Filters(), layout, out_dir, keep=not dry_run))
        report = anki.push(prepared, target, out_dir, filters, prune=prune, dry_run=dry_run, track=track)
        _print_changes(prepared.changes, report.build.deck, searches=False)
        for line in report.summary():
            click.echo(line)

    _maybe_watch(run, watch, sources, out_dir)


@cli.command(epilog="\b\nFormats:\n" + "\n".join(
    f"  {f.name:<10} {f.description}" for f in FORMATS.values()))
@click.argument("format_name", metavar="FORMAT", type=Known("format", FORMATS))
@sources_arg
@click.option("-o", "--output", "out_file", type=click.Path(path_type=Path), metavar="FILE",
              help="File to write. [default: build/<deck><filters><extension>]")
@html_option
@filter_options
@layout_option
def export(format_name: str, sources: tuple[Path, ...], out_file: Path | None, html: bool,
           layout: str | None, **kw: Any) -> None:
    """Write the cards from SOURCES (default cards/) in one FORMAT, like build."""
    filters = _filters(kw)
    loaded = _load(sources, filters, layout, None if out_file else DEFAULT_OUTPUT)
    prepared = pipeline.prepare(loaded)
    report = pipeline.build(prepared, DEFAULT_OUTPUT, filters, [format_name], track=track,
                            html=html, path=out_file)
    _warn_filtered_package(filters, [format_name])
    _print_summary(report, dry_run=False)


def _count(n: int, thing: str) -> str:
    """``3 other items``, ``1 other item``; nothing for none."""
    return f"{n} {thing}{'' if n == 1 else 's'}" if n else ""


def _print_summary(report: pipeline.BuildReport, dry_run: bool) -> None:
    loaded = report.prepared.loaded
    cards = report.cards
    inferred = sum(c.inferred for c in cards)
    unanswered = [f for f in report.findings if f.kind == "unanswered"]
    skipped = [f for f in report.findings if f.kind == "skipped"]
    click.echo(
        f"{report.deck}: {len(cards)} cards from {len(loaded.deck.results)} sources"
        + (f" ({inferred} with inferred questions: run 'qadeck check')" if inferred else "")
    )
    if loaded.config.name_origin:
        click.echo(f"Deck named from {loaded.config.name_origin}; run 'qadeck init' to keep its "
                   "name and Anki deck id fixed in a qadeck.yaml")
    topics = Counter(c.topics[0] for c in cards if c.topics)
    shown = topics.most_common(SUMMARY_TOPICS)
    more = len(topics) - len(shown)
    # Each card once, by its primary topic: 'qadeck topics' and --topic count every topic a card has.
    click.echo("Topics: " + ", ".join(f"{t} {n}" for t, n in shown)
               + (f", and {more} more" if more else "")
               + " (each card by its primary topic; 'qadeck topics' counts all of its topics)")
    levels = Counter(c.difficulty for c in cards)
    authored = sum(c.difficulty_from == "author" for c in cards)
    click.echo("Difficulty: " + ", ".join(f"{lv} {levels[lv]}" for lv in LEVELS)
               + (f" ({authored} as their authors marked them)" if authored else ""))
    kinds = Counter(c.kind for c in cards)
    if set(kinds) - {"basic"}:
        click.echo("Notes: " + ", ".join(f"{kinds[kind]} {kind}" for kind in KINDS if kinds[kind]))
    for name in report.formats:
        left_out = sum(n for kind, n in kinds.items() if kind not in FORMATS[name].kinds)
        if left_out:
            click.echo(f"{name}: {left_out} reversed or cloze notes left out (the .apkg has them)")
    if unanswered or skipped:
        parts = [_count(len(unanswered), "unanswered question"), _count(len(skipped), "other item")]
        click.echo(f"Skipped: {', '.join(p for p in parts if p)} (see 'qadeck check')")
    _print_changes(report.prepared.changes, report.deck)
    if dry_run:
        click.echo("Dry run: nothing written.")
        return
    for path in report.written:
        click.echo(f"Wrote {path}")
    for path in report.unchanged:
        click.echo(f"Up to date: {path}")
    if report.lock_written:
        click.echo(f"Updated {loaded.lock_path} (commit it with your sources)")


def _print_changes(changes: Changes, deck: str, searches: bool = True) -> None:
    """What changed since the last build; with ``searches``, a Browser search for each removed card
    (``push`` lists the notes it finds in Anki instead)."""
    parts = [
        f"{len(changes.added)} added",
        f"{len(changes.updated)} updated",
        f"{changes.unchanged} unchanged",
        f"{len(changes.removed)} removed",
    ]
    click.echo("Since last build: " + ", ".join(parts))
    for old_name, new_name in changes.renamed:
        click.echo(f"  renamed: {old_name} → {new_name}")
    for old, card in changes.reworded:
        click.echo(f"  kept identity through a question edit at {card.location}:")
        click.echo(f"    - {old}")
        click.echo(f"    + {card.question}")
    for card in changes.ambiguous:
        click.echo(f"  ambiguous match at {card.location}: new card made, check for a duplicate "
                   f"in Anki: {card.question}")
    if changes.removed and searches:
        click.echo("  removed from the sources (an import does not delete them from Anki; "
                   "find each in the Browser and delete it if you want):")
        for entry in changes.removed:
            click.echo(f"    {entry.source}: {anki_search(deck, entry.question)}")


def anki_search(deck: str, question: str) -> str:
    """An Anki Browser search that finds the note with this question."""

    def escape(text: str) -> str:
        return "".join("\\" + ch if ch in '\\"*_:' else ch for ch in text)

    return f'"deck:{escape(deck)}" "{escape(question.replace("`", ""))}"'


@cli.command()
@sources_arg
@click.option("--suggest", is_flag=True,
              help="Print a draft taxonomy for qadeck.yaml (topics with weighted keywords) drawn from the cards.")
@layout_option
def topics(sources: tuple[Path, ...], suggest: bool, layout: str | None) -> None:
    """List topics with their card counts per difficulty (or, with --suggest, draft a taxonomy)."""
    if suggest:
        # Drafted before anything is printed: sources with no cards leave no half a draft in a file.
        draft = pipeline.suggest_topics(_given(sources), layout)
        click.echo("# A draft taxonomy drawn from your cards: paste it into qadeck.yaml and edit it.\n"
                   "# A keyword matches at the start of a word; weight 3 names the topic, 1 hints at it.\n"
                   "default_topic: misc")
        click.echo(draft, nl=False)
        return
    loaded = _load(sources, Filters(), layout)
    prepared = pipeline.prepare(loaded)
    counts: Counter[tuple[str, str]] = Counter()
    for card in prepared.cards:
        # A nested topic's card counts for its parents too, once: "docker" holds "docker::networking".
        within = {"::".join(parts[:n]) for topic in card.topics
                  for parts in [topic.split("::")] for n in range(1, len(parts) + 1)}
        for topic in within:
            counts[(topic, card.difficulty)] += 1
    click.echo(f"{'topic':<22} {'cards':>5} " + " ".join(f"{lv:>6}" for lv in LEVELS))
    for topic in prepared.topics:
        row = [counts[(topic, lv)] for lv in LEVELS]
        click.echo(f"{topic:<22} {sum(row):>5} " + " ".join(f"{n:>6}" for n in row))


@cli.command()
@sources_arg
@click.option("-o", "--output", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              metavar="FILE", help="Page to write. [default: build/<deck><filters>.html]")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@filter_options
@layout_option
def preview(sources: tuple[Path, ...], out_file: Path | None, open_page: bool, layout: str | None,
            **kw: Any) -> None:
    """Write one HTML page showing every card of SOURCES as Anki will, to check before importing."""
    filters = _filters(kw)
    loaded = _load(sources, filters, layout)
    prepared = pipeline.prepare(loaded)
    report = pipeline.preview(prepared, filters, DEFAULT_OUTPUT, out_file)
    notes = f" from {report.notes} notes" if report.notes != report.cards else ""
    click.echo(f"Wrote {report.path}: {report.cards} cards{notes}, {report.findings} findings "
               "(open it in a browser; nothing in it loads from the network)")
    if open_page:
        webbrowser.open(report.path.resolve().as_uri())


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option("--force", is_flag=True, help="Overwrite an existing qadeck.yaml (its deck_id is kept).")
@click.option("--suggest-topics", is_flag=True,
              help="Write a draft taxonomy drawn from the notes' cards (as 'qadeck topics --suggest').")
def init(folder: Path, force: bool, suggest_topics: bool) -> None:
    """Start a qadeck.yaml in FOLDER (default: here) for your own notes."""
    topics_yaml = pipeline.suggest_topics([folder]) if suggest_topics else ""
    started = scaffold.init(folder, force=force, topics_yaml=topics_yaml)
    click.echo(f"Wrote {started.path}: deck {started.name.name!r} (from {started.name.origin}), "
               f"deck_id {started.deck_id}" + (" (kept)" if started.kept_id else ""))
    click.echo("Next:")
    click.echo(f"  qadeck check {folder}     # what qadeck found, and what to look at")
    click.echo(f"  qadeck build {folder}     # writes build/<deck>.apkg for Anki's File > Import")
    click.echo(f"  commit {started.path.name} with your notes: its deck_id keeps the deck one deck in Anki")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (``main(args)`` is easy to test)."""
    try:
        with pipeline.batch():
            # Without standalone mode, Click returns the status a ``ctx.exit(n)`` asked for.
            status = cli.main(args=argv, prog_name="qadeck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
