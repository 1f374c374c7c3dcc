"""The output formats qadeck can write, by name (``--format apkg,csv``)."""

from __future__ import annotations

from . import Format, apkg, csv

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("apkg", ".apkg", "Anki package: File > Import in Anki", apkg.write),
        Format("csv", ".csv", "generic CSV (UTF-8, header row) for other flashcard apps",
               csv.write_csv),
    )
}
DEFAULT_FORMATS = ("apkg", "csv")
