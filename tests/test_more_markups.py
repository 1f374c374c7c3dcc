"""Q&A kept in markups qadeck learned late: txt2tags, Markdoc, AsciiDoc under ``.asc``, Livebook notebooks.

What a folder build reads of them (an ``.asc`` is as often an OpenPGP signature), and the cards they give.
The golden cases are under ``fixtures/txt2tags``, ``fixtures/markdoc``, ``fixtures/asciidoc`` and ``fixtures/details``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import markups, parsers, sources
from qadeck.errors import SourceError
from qadeck.parsers.structure import fold_label

_SIGNATURE = "-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEEexample\n=abcd\n-----END PGP SIGNATURE-----\n"
_ASCIIDOC_FAQ = "= Bike FAQ\n\n== Why does the chain skip?\n\nThe chain is worn; replace it.\n\n== How often should I oil it?\n\nEvery few hundred kilometres.\n"


def _cards(path: Path) -> list[tuple[str, str]]:
    return [(card.question, card.answer) for card in parsers.parse(sources.read(path)).cards]


def test_a_folder_reads_txt2tags_markdoc_and_livebook_pages(tmp_path: Path) -> None:
    (tmp_path / "club.t2t").write_text("Club\n\n\n== Who runs the club? ==\n\nThe committee.\n\n== When do we meet? ==\n\nOn Fridays.\n")
    (tmp_path / "help.mdoc").write_text('{% collapse title="Is it free?" %}\nYes.\n{% /collapse %}\n')
    (tmp_path / "drills.livemd").write_text("# Drills\n\nWhat is 2 + 2?\n\n4\n")
    collected = sources.collect([tmp_path])
    assert sorted(path.name for path in collected.files) == ["club.t2t", "drills.livemd", "help.mdoc"]
    assert _cards(tmp_path / "club.t2t") == [("Who runs the club?", "The committee."), ("When do we meet?", "On Fridays.")]


def test_an_asc_file_is_read_as_asciidoc_when_named_for_qa_or_given(tmp_path: Path) -> None:
    faq = tmp_path / "faq.asc"
    faq.write_text(_ASCIIDOC_FAQ)
    chapter = tmp_path / "chapter1.asc"
    chapter.write_text(_ASCIIDOC_FAQ)
    (tmp_path / "notes.md").write_text("# Notes\n\n## What is a spoke?\n\nA rod from hub to rim.\n")
    names = [path.name for path in sources.collect([tmp_path]).files]
    assert "faq.asc" in names and "chapter1.asc" not in names  # a folder's other .asc files are signatures as often
    assert [path.name for path in sources.collect([chapter]).files] == ["chapter1.asc"]
    assert _cards(faq) == [("Why does the chain skip?", "The chain is worn; replace it."),
                           ("How often should I oil it?", "Every few hundred kilometres.")]


def test_an_openpgp_signature_saved_as_asc_gives_no_cards(tmp_path: Path) -> None:
    signature = tmp_path / "faq.tar.gz.asc"
    signature.write_text(_SIGNATURE)
    assert sources.read(signature).text.strip() == ""
    assert _cards(signature) == []


def test_program_code_and_logs_stay_out_of_a_folder_build(tmp_path: Path) -> None:
    (tmp_path / "faq.md").write_text("## Why?\n\nBecause.\n\n## How?\n\nSo.\n")
    for name in ("build.log", "tool.py", "release.asc", "circuit.asc"):
        (tmp_path / name).write_text("Version 4\nSHEET 1 880 680\nWIRE 112 96 48 96\n")
    assert [path.name for path in sources.collect([tmp_path]).files] == ["faq.md"]


@pytest.mark.parametrize("summary", ["Example Solution", "Example solution 2", "Sample answer", "Solution example"])
def test_a_fold_named_for_an_example_solution_holds_the_answer(summary: str) -> None:
    assert fold_label(summary) == "answer"


@pytest.mark.parametrize("summary", ["Example usage", "Solution architecture overview", "Example 2"])
def test_a_fold_named_for_something_else_is_no_answer_label(summary: str) -> None:
    assert fold_label(summary) is None


def _collection(folder: Path) -> Path:
    """A collection file as Anki keeps it in a profile folder, written by the real Anki."""
    from anki.collection import Collection

    path = folder / "collection.anki2"
    col = Collection(str(path))
    for front, back in (("la mesa", "the table"), ("la silla", "the chair")):
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = front, back
        col.add_note(note, col.decks.id("Spanish"))
    col.close()
    return path


def test_a_bare_anki_collection_reads_as_its_notes_when_given(tmp_path: Path) -> None:
    import zstandard

    path = _collection(tmp_path)
    assert _cards(path) == [("la mesa", "the table"), ("la silla", "the chair")]
    packed = tmp_path / "copy.anki21b"  # the compressed collection a newer package holds, copied out of it
    packed.write_bytes(zstandard.ZstdCompressor().compress(path.read_bytes()))
    assert _cards(packed) == _cards(path)
    (tmp_path / "notes.md").write_text("## Why?\n\nBecause.\n\n## How?\n\nSo.\n")
    assert [file.name for file in sources.collect([tmp_path]).files] == ["notes.md"]  # a folder's is a stub as often


def test_a_file_named_as_a_collection_that_is_none_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "collection.anki2"
    path.write_bytes(b"not a database at all")
    with pytest.raises(SourceError, match="collection.anki2"):
        sources.read(path)


@pytest.mark.parametrize(("name", "suffix"), [
    ("faq.rst.txt", ".rst"), ("faq.md.txt", ".md"), ("notes.org.txt", ".org"),
    ("cards.json.txt", ".txt"), ("report.pdf.txt", ".txt"), ("faq.txt", ".txt"), ("FAQ", ""), (".txt", "")])
def test_a_text_copy_of_a_markup_is_read_as_that_markup(name: str, suffix: str) -> None:
    # Sphinx publishes each page's source as _sources/<page>.rst.txt; a data file's or a document's copy is text.
    assert markups.text_suffix(name) == suffix
