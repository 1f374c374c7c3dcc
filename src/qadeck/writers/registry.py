"""The output formats qadeck can write, by name (``--format apkg,csv``)."""

from __future__ import annotations

from ..perf import package_cache
from . import Format, anki_text, apkg, csv, json, obsidian, supermemo, tsv

# Two formats must never share an extension: one build writes them side by side.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("apkg", ".apkg", "Anki package: File > Import in Anki", apkg.write, media_names=True,
               write_kept=package_cache.write),
        Format("csv", ".csv", "generic CSV (UTF-8, header row) for other flashcard apps",
               csv.write_csv),
        Format("anki-csv", ".anki.txt",
               "Anki text import with headers; updates the notes of the .apkg", anki_text.write,
               media_names=True, kinds=frozenset({"basic"})),
        Format("tsv", ".tsv", "question<TAB>answer lines for Quizlet, Mnemosyne, Brainscape",
               tsv.write),
        Format("obsidian", ".md", "Obsidian Spaced Repetition note; keeps review comments",
               obsidian.write),
        Format("supermemo", ".supermemo.txt", "Q:/A: text for SuperMemo and Mnemosyne",
               supermemo.write),
        Format("json", ".json", "the cards as JSON, as 'qadeck list --json' prints them",
               json.write),
    )
}
DEFAULT_FORMATS = ("apkg", "csv")
