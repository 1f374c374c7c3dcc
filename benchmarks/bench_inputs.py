"""Huge and pathological inputs: time and peak memory grow with size, not faster.

Run: ``python benchmarks/bench_inputs.py [--scale 1.0] [--only big|pathological|jsonl]``. Prints
figures; asserts nothing about time. Each big case runs ``qadeck build`` in a fresh subprocess
that reports its own peak resident memory (``getrusage(RUSAGE_SELF).ru_maxrss``). Cases come in
pairs of sizes so the ratio shows whether cost is proportional to input size.

The pathological cases are texts no one writes on purpose but scraped pages and
hostile repositories hold (long runs of whitespace, unclosed comments, unbalanced
brackets): each runs ``qadeck list --json FILE`` in a fresh process at 10 kB, 100 kB
and 1 MB, and the table shows the time after start-up too, so that growth faster
than the input's shows however slow the host is to start Python.
"""

from __future__ import annotations

import argparse
import json
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


def jsonl_file(folder: Path, records: float) -> None:
    """A question/answer dataset as JSON Lines: a record a line, some answers over lines, as datasets hold."""
    with (folder / "questions.jsonl").open("w", encoding="utf-8") as out:
        for i in range(int(records)):
            answer = f"It handles part {i} of the work" + (",\nwith `code` and **bold**." if i % 3 == 0 else ".")
            out.write(json.dumps({"question": f"What does component {i} of the system do?", "answer": answer}) + "\n")


def long_line(folder: Path, megabytes: float) -> None:
    line = "word " * int(megabytes * 1_000_000 / 5)
    (folder / "line.txt").write_text(f"Q: What is in this long line?\nA: {line}\n" + qa_pairs(2))


def many_files(folder: Path, count: float) -> None:
    for i in range(int(count)):
        (folder / f"notes-{i:05d}.txt").write_text(qa_pairs(2, start=2 * i))


#: Pathological texts: name -> the text of about ``size`` characters.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "spaces, then x": lambda size: " " * (size - 1) + "x",
    "tabs, then x": lambda size: "\t" * (size - 1) + "x",
    "blank lines of spaces or a tab": lambda size: " \n\t\n" * (size // 4),
    "<!-- repeated": lambda size: "<!--" * (size // 4),
    "[ ... x ... ](": lambda size: "[" * (size // 3) + "x" + "](" * (size // 3),
    "[x]( repeated": lambda size: "[x](" * (size // 4),
    "heading, spaces, then x": lambda size: "# x" + " " * (size - 5) + "x ",
    "( then spaces": lambda size: "## (" + " " * (size - 5) + "x",
    "<a repeated (unclosed tags)": lambda size: "<a " * (size // 3),
    "callouts nested ever deeper": lambda size: _nested_callouts(size),
    "??? boxes, never indented": lambda size: '??? question "Why?"\n' * (size // 20),
    "::: divs opened, never closed": lambda size: "::: {.callout-note}\n" * (size // 20),
}


def _nested_callouts(size: int) -> str:
    """Obsidian callouts each nested one level deeper than the one above, to about ``size`` characters."""
    lines, total = [], 0
    while total < size:
        lines.append(">" * (len(lines) + 1) + "[!question]- Why?\n")
        total += len(lines[-1])
    return "".join(lines)
PATHOLOGICAL_SIZES = (10_000, 100_000, 1_000_000)

_LIST_RUNNER = (
    "import sys, time\n"
    "from qadeck.cli import main\n"
    "start = time.perf_counter()\n"
    "code = main(sys.argv[1:])\n"
    "print(time.perf_counter() - start, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def measure_list(text: str) -> tuple[float, float]:
    """Seconds for ``qadeck list --json`` of one file holding ``text`` in a fresh process, and the
    seconds of that after start-up (imports)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.md"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _LIST_RUNNER, "list", "--json", str(path)],
                              capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        # A file with no cards is an error (exit 1), never a traceback: the time is what counts here.
        if "Traceback" in proc.stderr:
            raise SystemExit(f"qadeck list crashed: {proc.stderr.strip()}")
        after = float(proc.stderr.strip().splitlines()[-1])
        return seconds, after


def pathological(scale: float) -> None:
    sizes = [int(size * scale) for size in PATHOLOGICAL_SIZES]
    head = "".join(f"{f'{size / 1000:g} kB':>16}" for size in sizes)
    print(f"{'pathological input':<32}{head}   growth per 10x size (after start-up)")
    for name, make in PATHOLOGICAL.items():
        results = [measure_list(make(size)) for size in sizes]
        cells = "".join(f"{total:>7.2f} s ({after:.2f})" for total, after in results)
        growth = ", ".join(f"x{b[1] / max(a[1], 1e-3):.1f}" for a, b in zip(results, results[1:]))
        print(f"{name:<32}{cells}   {growth}", flush=True)


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
    parser.add_argument("--only", choices=("big", "pathological", "jsonl"), help="run one group of cases")
    args = parser.parse_args()
    s = args.scale
    if args.only in (None, "pathological"):
        pathological(s)
        if args.only:
            return
        print()
    cases = [
        ("one file", big_file, [5 * s, 50 * s], "MB"),
        ("one long line", long_line, [0.1 * s, 1 * s], "MB"),
        ("many files", many_files, [1000 * s, 10000 * s], "files"),
        ("JSON Lines", jsonl_file, [10000 * s, 100000 * s], "lines"),
    ]
    if args.only == "jsonl":
        cases = cases[-1:]
    print(f"{'case':<14} {'size':>12} {'cards':>8} {'seconds':>8} {'peak MB':>8}  ratio time/size")
    for name, make, sizes, unit in cases:
        results = [measure(make, size) for size in sizes]
        for size, (seconds, peak, cards) in zip(sizes, results):
            print(f"{name:<14} {size:>9g} {unit:<2} {cards:>8} {seconds:>8.2f} {peak:>8.0f}")
        (s1, *_), (s2, *_) = results
        print(f"{'':<14} growth: size x{sizes[1] / sizes[0]:g}, time x{s2 / s1:.1f}")


if __name__ == "__main__":
    main()
