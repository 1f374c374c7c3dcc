"""Peak memory and time of a build whose cards show many pictures, against the same deck without them.

Usage (from the repository root, with qadeck installed)::

    python benchmarks/bench_media.py [--pictures 1000] [--size 200] [--cards 2000] [--runs 3]

writes a deck of ``--cards`` cards in Markdown files, three times: once plain,
once with ``--pictures`` of its cards showing a picture of 1 kB, once with the
same pictures of ``--size`` kB (random bytes, as incompressible as a JPEG) from
an ``img/`` folder. What the references cost shows in the second; the third
shows what the pictures' bytes cost on top. Each is built cold
(no lock file, no cache) in a fresh subprocess, ``--runs`` times, alternating;
the script prints the median time (and that of a rebuild with nothing changed), the peak memory (ru_maxrss) of the build
process and of its largest worker, and the package's size. The pictures are
streamed into the package a piece at a time, so the peak should not grow with
them. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CARDS_PER_FILE = 100


def write_deck(folder: Path, cards: int, pictures: int, size_kb: int) -> None:
    """``cards`` cards in Markdown files; the first ``pictures`` of them each show a picture of their own."""
    folder.mkdir(parents=True)
    if pictures:
        (folder / "img").mkdir()
        for n in range(pictures):
            (folder / "img" / f"figure-{n:05d}.png").write_bytes(os.urandom(size_kb * 1024))
    for first in range(0, cards, CARDS_PER_FILE):
        lines = [f"# Part {first // CARDS_PER_FILE}", ""]
        for n in range(first, min(first + CARDS_PER_FILE, cards)):
            lines += [f"## What does figure {n} show about subject {n}?", "",
                      f"It shows the relation number {n} between load and latency."]
            if n < pictures:
                lines.append(f"![figure {n}](img/figure-{n:05d}.png)")
            lines.append("")
        (folder / f"part-{first // CARDS_PER_FILE:03d}.md").write_text("\n".join(lines), encoding="utf-8")


def worker(sources: Path, out: Path) -> dict[str, Any]:
    from qadeck import pipeline

    start = time.perf_counter()
    with pipeline.batch():
        prepared = pipeline.prepare(pipeline.load([sources], cache_dir=out / pipeline.CACHE_DIR))
        report = pipeline.build(prepared, out, formats=["apkg"])
    seconds = time.perf_counter() - start
    package = (report.written or report.unchanged)[0]  # a rebuild may find it up to date
    return {
        "seconds": seconds,
        "cards": len(report.cards),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "apkg_mb": package.stat().st_size / 1e6,
    }


def build_cold(sources: Path, out: Path) -> dict[str, Any]:
    (sources / "qadeck.lock").unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)
    return build_again(sources, out)


def build_again(sources: Path, out: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--worker", str(sources), str(out)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pictures", type=int, default=1000)
    parser.add_argument("--size", type=int, default=200, help="kB per picture")
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        decks = {"without pictures": (root / "plain", 0, args.size),
                 "with 1 kB pictures": (root / "tiny", args.pictures, 1),
                 "with pictures": (root / "pictured", args.pictures, args.size)}
        for folder, pictures, size in decks.values():
            write_deck(folder, args.cards, pictures, size)
        runs: dict[str, list[dict[str, Any]]] = {label: [] for label in decks}
        again: dict[str, list[dict[str, Any]]] = {label: [] for label in decks}
        for _ in range(args.runs):
            for label, (folder, _, _) in decks.items():
                runs[label].append(build_cold(folder, root / f"out-{folder.name}"))
                again[label].append(build_again(folder, root / f"out-{folder.name}"))
    print(f"{args.cards} cards; {args.pictures} pictures of {args.size} kB; median of {args.runs} cold builds")
    for label, found in runs.items():
        print(f"  {label:<18} {statistics.median(r['seconds'] for r in found):6.2f} s   "
              f"peak {max(r['rss_mb'] for r in found):5.0f} MB (largest worker "
              f"{max(r['worker_rss_mb'] for r in found):.0f} MB)   package {found[0]['apkg_mb']:.1f} MB;   "
              f"rebuild, nothing changed {statistics.median(r['seconds'] for r in again[label]):.2f} s")


if __name__ == "__main__":
    main()
