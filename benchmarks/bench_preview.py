"""How the preview page of a big deck behaves in a real browser: size, load, search and filters.

Usage: ``python benchmarks/bench_preview.py [--cards 10000] [--kinds 0] [--browser PATH]``. Writes a
synthetic deck (:mod:`corpus`), plus ``--kinds`` notes that are cloze (two deletions), reversed or
carry math, a third each; its page (``qadeck preview``), opens it in headless Chromium through
Playwright and prints the page's size and how long loading, a search and each filter take to show
their cards (each the median of three).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402


def timed(action, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def write_kinds(folder: Path, notes: int) -> None:
    """``notes`` notes in one file, by turns a cloze, a reversed note and one with math."""
    made = []
    for n in range(notes):
        made.append((
            f"Step {n} of the pipeline runs {{{{c1::validation {n}}}}} before {{{{c2::training::which}}}}.",
            f"Term {n}:::Definition {n} of a pipeline stage",
            f"Loss {n}::\\(L_{{{n}}} = -\\frac{{1}}{{N}}\\sum_i y_i \\log \\hat{{y}}_i + {n}\\)",
        )[n % 3])
    (folder / "kinds.md").write_text("#flashcards\n\n" + "\n\n".join(made) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--kinds", type=int, default=0, help="cloze, reversed and math notes to add")
    parser.add_argument("--browser", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "deck"
        write_corpus(folder, args.cards)
        if args.kinds:
            write_kinds(folder, args.kinds)
        page_path = Path(tmp) / "deck.html"
        start = time.perf_counter()
        summary = subprocess.run([sys.executable, "-m", "qadeck", "preview", str(folder), "-o", str(page_path)],
                                 check=True, capture_output=True, text=True).stdout
        written = time.perf_counter() - start
        shown = summary.split(": ", 1)[1].split(",")[0]
        print(f"{shown}; page {page_path.stat().st_size / 1e6:.1f} MB, "
              f"written by 'qadeck preview' in {written:.1f} s")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.browser)
            page = browser.new_page(viewport={"width": 1200, "height": 900})

            def load() -> None:
                page.goto(page_path.as_uri(), wait_until="load")

            print(f"load (parse, lay out, first paint): {timed(load):.2f} s")
            topic = page.eval_on_selector_all("#topic option", "els => els.map(e => e.value)")[1]

            def filter_topic() -> None:
                page.select_option("#topic", topic)
                page.select_option("#topic", "")

            def search() -> float:
                """Seconds from the last key to the cards shown, less the page's typing pause."""
                return page.evaluate("""() => new Promise((done) => {
                    const box = document.getElementById('search');
                    const count = document.getElementById('count');
                    const before = count.textContent;
                    const start = performance.now();
                    box.value = box.value ? '' : 'docker';
                    box.dispatchEvent(new Event('input'));
                    const poll = () => count.textContent !== before
                        ? done((performance.now() - start - 120) / 1000) : setTimeout(poll, 2);
                    poll();
                })""")

            print(f"topic filter on and off: {timed(filter_topic) * 1000:.0f} ms")
            took = statistics.median(search() for _ in range(6))
            print(f"search, after the page's 120 ms typing pause: {took * 1000:.0f} ms")
            print(f"show every answer: {timed(lambda: page.click('#show-answers')) * 1000:.0f} ms")
            browser.close()


if __name__ == "__main__":
    main()
