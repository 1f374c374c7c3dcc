"""Huge and pathological inputs: time and peak memory grow with size, not faster.

Run: ``python benchmarks/bench_inputs.py [--scale 1.0]``. Prints figures; asserts
nothing about time. Each case runs ``qadeck build`` in a fresh subprocess that
reports its own peak resident memory (``getrusage(RUSAGE_SELF).ru_maxrss``). Cases come in
pairs of sizes so the ratio shows whether cost is proportional to input size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def qa_pairs(n: int, start: int = 0) -> str:
    return "".join(
        f"Q: What does component {i} of the system do?\n"
        f"A: It handles part {i} of the work, with **bold** and `code` now and then.\n"
        for i in range(start, start + n)
    )


def big_file(folder: Path, megabytes: float) -> None:
    per_pair = len(qa_pairs(1))
    (folder / "big.txt").write_text(qa_pairs(int(megabytes * 1_000_000 / per_pair)))


def long_line(folder: Path, megabytes: float) -> None:
    line = "word " * int(megabytes * 1_000_000 / 5)
    (folder / "line.txt").write_text(f"Q: What is in this long line?\nA: {line}\n" + qa_pairs(2))


def many_files(folder: Path, count: float) -> None:
    for i in range(int(count)):
        (folder / f"notes-{i:05d}.txt").write_text(qa_pairs(2, start=2 * i))


_RUNNER = (
    "import resource, sys\n"
    "from qadeck.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def measure(make: Callable[[Path, float], None], size: float) -> tuple[float, float, int]:
    """Seconds, peak MB and cards for one build of a generated input, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        make(src, size)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _RUNNER, "build", str(src), "-o", str(Path(tmp) / "out")],
            capture_output=True, text=True, check=False,
        )
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"build failed: {proc.stderr.strip()}")
        peak_kb = int(proc.stderr.strip().splitlines()[-1])
        cards = int(proc.stdout.split(" cards from ")[0].rsplit(" ", 1)[-1])
        return seconds, peak_kb / 1024, cards


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    args = parser.parse_args()
    s = args.scale
    cases = [
        ("one file", big_file, [5 * s, 50 * s], "MB"),
        ("one long line", long_line, [0.1 * s, 1 * s], "MB"),
        ("many files", many_files, [1000 * s, 10000 * s], "files"),
    ]
    print(f"{'case':<14} {'size':>12} {'cards':>8} {'seconds':>8} {'peak MB':>8}  ratio time/size")
    for name, make, sizes, unit in cases:
        results = [measure(make, size) for size in sizes]
        for size, (seconds, peak, cards) in zip(sizes, results):
            print(f"{name:<14} {size:>9g} {unit:<2} {cards:>8} {seconds:>8.2f} {peak:>8.0f}")
        (s1, *_), (s2, *_) = results
        print(f"{'':<14} growth: size x{sizes[1] / sizes[0]:g}, time x{s2 / s1:.1f}")


if __name__ == "__main__":
    main()
