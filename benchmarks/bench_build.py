"""How long qadeck takes to build a big deck, stage by stage, against the genanki floor.

Usage (from the repository root, with qadeck installed)::

    python benchmarks/bench_build.py [--cards N] [--runs R] [--compare M]

writes a synthetic corpus of N cards (default 100,000; see ``corpus.py``) to a
temporary folder and prints, each the median of R runs (default 3):

* a cold build (no lock file, no card cache), end to end and per stage, and
  the work of each per-file stage (detection and parsing, tagging, rendering,
  identity facts) timed in one process;
* a rebuild with nothing changed: how many texts markdown-it converted (0: no
  rendering repeated), how many outputs were up to date and left alone, and
  whether the ``.apkg`` is byte-identical to the last cold build's;
* a rebuild after editing one file (one answer and one question changed): the
  other files' cards and their HTML come from the card cache;
* peak memory of the build process, and of its largest worker process;
* the floor (``floor.py``): one regex, ``html.escape`` and genanki on the same
  files, run before each build and once after the last (the median of all those
  runs), and each build's ratio to the mean of the floor runs on either side of
  it (and to the one before it alone);
* a cold build of M cards (default N/10), to show that time grows linearly.

Every build runs in a fresh subprocess (``--worker``), timed inside it from
the first file read to the last file written (interpreter start-up and imports
excluded, for qadeck and the floor alike). Stages are timed by wrapping the
functions the pipeline calls. Nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

#: "parse+tag+render" is the rest of ``pipeline.load`` after reading: parsing, tagging and
#: rendering the files not in the card cache (on every core for a big corpus), or taking them
#: from the cache; "render" is what the build renders beyond that (the texts not known).
STAGES = ("read", "parse+tag+render", "identity", "render", "write")
DECK_FILE = "mlops-interview-questions.apkg"  # the taxonomy is the bundled deck's, so is the name


# --- inside the worker subprocess -------------------------------------------------------


def _instrument(spent: dict[str, float]) -> None:
    """Wrap the functions the pipeline calls for each stage so that they add up their time."""
    from qadeck import identity, pipeline, sources
    from qadeck.identity import lockfile
    from qadeck.perf.card_cache import CardCache
    from qadeck.render import Renderer

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - start

        return run

    def timed_steps(stage: str, function: Callable[..., Iterator[None]]) -> Callable[..., Iterator[None]]:
        """For a function that yields as it goes: the time from its call to its last step."""

        def run(*args: Any, **kwargs: Any) -> Iterator[None]:
            start = time.perf_counter()
            yield from function(*args, **kwargs)
            spent[stage] += time.perf_counter() - start

        return run

    sources.read = timed("read", sources.read)
    pipeline.load = timed("load", pipeline.load)
    CardCache.save = timed("write", CardCache.save)  # type: ignore[method-assign]
    lockfile.read = timed("identity", lockfile.read)
    identity.assign = timed("identity", identity.assign)
    Renderer.render_all = timed_steps("render", Renderer.render_all)  # type: ignore[method-assign]
    # Each format is written as a Pending file (the package's zip finishing in a thread), the lock
    # file staged by _stage_lock, and the outputs put in place by commit_all (once the zip is done).
    pipeline.Pending = timed("write", pipeline.Pending)
    pipeline._stage_lock = timed("write", pipeline._stage_lock)
    pipeline.commit_all = timed("write", pipeline.commit_all)


def worker(sources: Path, out: Path) -> dict[str, Any]:
    """Build ``sources`` into ``out`` the way ``qadeck build`` does; return the figures."""
    from qadeck import pipeline

    spent: dict[str, float] = defaultdict(float)
    _instrument(spent)
    start = time.perf_counter()
    with pipeline.batch():  # as the CLI runs it
        prepared = pipeline.prepare(pipeline.load([sources], cache_dir=out / pipeline.CACHE_DIR))
        report = pipeline.build(prepared, out)
    seconds = time.perf_counter() - start
    spent["parse+tag+render"] = spent.pop("load") - spent["read"]
    changes = prepared.changes
    stats = report.render_stats
    return {
        "seconds": seconds,
        "stages": {stage: spent[stage] for stage in STAGES},
        "cards": len(report.cards),
        "changes": {"added": len(changes.added), "updated": len(changes.updated),
                    "reworded": len(changes.reworded), "removed": len(changes.removed)},
        "converted": stats.converted if stats else 0,
        "rendered": stats.plain + stats.fast + stats.converted if stats else 0,
        "up_to_date": len(report.unchanged),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "apkg_sha1": hashlib.sha1((out / DECK_FILE).read_bytes()).hexdigest(),
    }


def stage_work(sources: Path) -> dict[str, float]:
    """What each stage costs in one process on a cold build (the build spreads all but the first
    over the cores, file by file, as ``pipeline.file_work`` does them): reading, layout detection and parsing,
    tagging, rendering (HTML and plain text), identity facts, the package's note contents, the
    card cache entry."""
    from qadeck import config, identity, parsers, screen
    from qadeck.perf import card_cache as cache
    from qadeck import sources as qsources
    from qadeck.render import Renderer
    from qadeck.tagging import tag
    from qadeck.writers import apkg

    deck_config = config.load(sources / "qadeck.yaml")
    namespace = str(deck_config.deck_id)
    spent: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as entries:
        for path in sorted(sources.iterdir()):
            if path.suffix not in qsources.TEXT_EXTENSIONS:
                continue
            clock = time.perf_counter()
            source = qsources.read(path)
            spent["read"] += time.perf_counter() - clock
            clock = time.perf_counter()
            result = screen.screen(parsers.parse(source))
            spent["detect+parse"] += time.perf_counter() - clock
            clock = time.perf_counter()
            cards = tag(list(result.cards), deck_config)
            spent["tag"] += time.perf_counter() - clock
            clock = time.perf_counter()
            renderer = Renderer()
            questions, answers = [c.question for c in cards], [c.answer for c in cards]
            rendered = cache.Rendered(tuple(map(renderer.inline_html, questions)), tuple(map(renderer.html, answers)),
                                      tuple(map(renderer.plain, questions)), tuple(map(renderer.plain, answers)))
            spent["render"] += time.perf_counter() - clock
            clock = time.perf_counter()
            facts = tuple(identity.facts(cards, namespace))
            spent["identity facts"] += time.perf_counter() - clock
            clock = time.perf_counter()
            data = cache.encode(cache.Kept(result, rendered, facts))
            cache.store(Path(entries) / f"{path.name}.json", data)
            spent["cache entry"] += time.perf_counter() - clock
            clock = time.perf_counter()
            apkg.note_contents(cards, renderer)
            spent["note contents"] += time.perf_counter() - clock
    return dict(spent)


# --- in the driver ------------------------------------------------------------------------


def _subprocess(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def build_once(sources: Path, out: Path) -> dict[str, Any]:
    return _subprocess(__file__, "--worker", str(sources), str(out))


def floor_once(sources: Path, out: Path) -> dict[str, Any]:
    return _subprocess(str(HERE / "floor.py"), str(sources), str(out / "floor.apkg"))


def cold(sources: Path, out: Path) -> dict[str, Any]:
    """A build from scratch: no lock file, no output folder (so no card cache)."""
    (sources / "qadeck.lock").unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)
    return build_once(sources, out)


def edit_one_file(path: Path) -> str:
    """Change one answer and one question of a ``Q:``/``A:`` file; return the original text."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    questions = [i for i, line in enumerate(lines) if line.startswith("Q: ")]
    ask, answer = questions[len(questions) // 3], questions[2 * len(questions) // 3] + 1
    lines[ask] = lines[ask].replace("Q: ", "Q: In your experience, ", 1)
    lines[answer] += " This sentence was added by the benchmark."
    path.write_text("\n".join(lines), encoding="utf-8")
    return text


def medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median seconds and stages, highest memory, and the other figures of the first run."""
    out = dict(runs[0])
    out["seconds"] = statistics.median(r["seconds"] for r in runs)
    out["stages"] = {s: statistics.median(r["stages"][s] for r in runs) for s in STAGES}
    out["rss_mb"] = max(r["rss_mb"] for r in runs)
    out["worker_rss_mb"] = max(r["worker_rss_mb"] for r in runs)
    out["apkg_sha1s"] = {r["apkg_sha1"] for r in runs}
    out["last_apkg_sha1"] = runs[-1]["apkg_sha1"]
    if all("floor_after" in r for r in runs):
        out["ratio"] = statistics.median(r["seconds"] / ((r["floor_before"] + r["floor_after"]) / 2) for r in runs)
        out["ratio_before"] = statistics.median(r["seconds"] / r["floor_before"] for r in runs)
    return out


def measure(cards: int, runs: int, work: Path, say: Callable[[str], None]) -> dict[str, Any]:
    sources, out = work / f"cards-{cards}", work / f"build-{cards}"
    files = write_corpus(sources, cards)
    say(f"{cards:,} cards in {len(files)} files ({sources})")
    results: dict[str, Any] = {"cards": cards, "files": len(files)}

    # The machine's speed drifts, and swings within a minute (a shared host): floor runs alternate
    # with the builds, one before each and one after the last, so that each build is compared with
    # the floor runs on both sides of it, and the floor's median covers the same stretch of time.
    floors: list[dict[str, Any]] = []
    built: list[dict[str, Any]] = []

    def after_floor(build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        floors.append(floor_once(sources, work))
        built.append({**build(), "floor_before": floors[-1]["seconds"]})
        return built[-1]

    say("  cold builds (each after a floor run)")
    cold_runs = [after_floor(lambda: cold(sources, out)) for _ in range(runs)]

    say("  rebuilds with nothing changed")
    nochange_runs = [after_floor(lambda: build_once(sources, out)) for _ in range(runs)]

    say("  rebuilds after editing one file")
    lock, saved_lock, saved_out = sources / "qadeck.lock", work / "saved.lock", work / "saved-build"
    shutil.copyfile(lock, saved_lock)
    shutil.copytree(out, saved_out)
    edited = next(f for f in files if f.name.endswith("-prefixed.txt"))
    one_file = []
    for _ in range(runs):
        original = edit_one_file(edited)
        one_file.append(after_floor(lambda: build_once(sources, out)))
        edited.write_text(original, encoding="utf-8")
        shutil.copyfile(saved_lock, lock)  # back to the state after the cold build
        shutil.rmtree(out)
        shutil.copytree(saved_out, out)
    say("  a last floor run, after the last build")
    floors.append(floor_once(sources, work))
    for run, after in zip(built, floors[1:]):
        run["floor_after"] = after["seconds"]
    results["floor"] = statistics.median(r["seconds"] for r in floors)
    results["floor_runs"] = len(floors)
    results["floor_range"] = (min(r["seconds"] for r in floors), max(r["seconds"] for r in floors))
    results["floor_notes"] = floors[0]["notes"]
    results["cold"], results["nochange"], results["one_file"] = map(medians, (cold_runs, nochange_runs, one_file))
    say("  work per stage, in one process")
    results["work"] = _subprocess(__file__, "--stages", str(sources))
    return results


def cold_only(cards: int, runs: int, work: Path) -> dict[str, Any]:
    sources, out = work / f"cards-{cards}", work / f"build-{cards}"
    write_corpus(sources, cards)
    return medians([cold(sources, out) for _ in range(runs)])


def _row(name: str, seconds: float, floor: float, note: str = "", ratio: float | None = None) -> str:
    """A table row; ``ratio`` (a build's median of paired ratios) instead of ``seconds / floor``."""
    return f"| {name} | {seconds:.2f} s | {ratio if ratio is not None else seconds / floor:.2f}× | {note} |"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    models = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
              if line.startswith("model name")] if cpuinfo.exists() else []
    cpu = models[0] if models else platform.processor() or "unknown CPU"
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def report(big: dict[str, Any], small: dict[str, Any] | None, small_cards: int, runs: int) -> str:
    floor = big["floor"]
    cold_run, nochange, one_file = big["cold"], big["nochange"], big["one_file"]
    lines = [
        f"Machine: {machine()}",
        f"{big['cards']:,} cards in {big['files']} files; median of {runs} runs; a build's ratio is the median of "
        "its time / the mean of the floor runs just before and just after it (a stage's: its time / the floor's "
        "median); \"before alone\": its time / the floor run just before it",
        "",
        "| build | time | ratio | notes |",
        "|---|---:|---:|---|",
        _row("floor: one regex + html.escape + genanki", floor, floor,
             f"{big['floor_notes']:,} notes; median of {big['floor_runs']} runs, one before each build and one "
             f"after the last ({big['floor_range'][0]:.2f}–{big['floor_range'][1]:.2f} s)"),
        _row("cold (no lock file, no cache)", cold_run["seconds"], floor,
             f"{cold_run['converted']:,} texts converted by markdown-it; before alone {cold_run['ratio_before']:.2f}×",
             cold_run["ratio"]),
    ]
    lines += [_row(f"— {stage}", cold_run["stages"][stage], floor) for stage in STAGES]
    lines += [
        _row("rebuild, nothing changed", nochange["seconds"], floor,
             f"{nochange['converted']} converted; {nochange['up_to_date']} outputs already up to date, "
             f"left alone; .apkg identical to the cold build's: "
             f"{'yes' if nochange['apkg_sha1s'] == {cold_run['last_apkg_sha1']} else 'NO'}; "
             f"before alone {nochange['ratio_before']:.2f}×", nochange["ratio"]),
        _row("rebuild, one file edited", one_file["seconds"], floor,
             f"{one_file['rendered']:,} texts rendered (the edited file's), {one_file['converted']} by markdown-it; "
             f"changes {one_file['changes']}; before alone {one_file['ratio_before']:.2f}×", one_file["ratio"]),
        "",
        "| stage | cold | nothing changed | one file edited |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {stage} | {cold_run['stages'][stage]:.2f} s | {nochange['stages'][stage]:.2f} s "
        f"| {one_file['stages'][stage]:.2f} s |"
        for stage in STAGES
    ]
    work = big["work"]
    lines += [
        "",
        "Cold, the work each stage does per file, timed in one process (the build does it on every core):",
        "",
        "| stage | one process | per card |",
        "|---|---:|---:|",
    ]
    lines += [f"| {stage} | {seconds:.2f} s | {seconds / big['cards'] * 1e6:.1f} µs |" for stage, seconds in work.items()]
    lines += [
        "",
        f"Peak memory (ru_maxrss): build process {cold_run['rss_mb']:.0f} MB cold, "
        f"{max(nochange['rss_mb'], one_file['rss_mb']):.0f} MB rebuilding; largest worker process (parsing, "
        f"Markdown or a writer) {max(r['worker_rss_mb'] for r in (cold_run, nochange, one_file)):.0f} MB.",
    ]
    if small:
        per_big = cold_run["seconds"] / big["cards"] * 1e6
        per_small = small["seconds"] / small_cards * 1e6
        lines += [
            "",
            "| cold build | time | per card |",
            "|---|---:|---:|",
            f"| {small_cards:,} cards | {small['seconds']:.2f} s | {per_small:.0f} µs |",
            f"| {big['cards']:,} cards | {cold_run['seconds']:.2f} s | {per_big:.0f} µs |",
            "",
            f"{big['cards'] // small_cards}× the cards took {cold_run['seconds'] / small['seconds']:.1f}× the time.",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=100_000, help="cards in the corpus (default 100000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is shown")
    parser.add_argument("--compare", type=int, default=None,
                        help="also time a cold build of this many cards (default cards/10; 0: skip)")
    parser.add_argument("--worker", nargs=2, metavar=("SOURCES", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--stages", metavar="SOURCES", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker[0]), Path(args.worker[1]))))
        return 0
    if args.stages:
        print(json.dumps(stage_work(Path(args.stages))))
        return 0
    small_cards = args.cards // 10 if args.compare is None else args.compare

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="qadeck-bench-") as tmp:
        work = Path(tmp)
        big = measure(args.cards, args.runs, work, say)
        small = None
        if small_cards:
            say(f"{small_cards:,} cards: cold builds")
            small = cold_only(small_cards, args.runs, work)
    print(report(big, small, small_cards, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
