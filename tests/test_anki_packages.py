"""Anki packages (.apkg, .colpkg) read as sources: the notes Anki shows, from packages Anki and genanki write.

The packages are made here, by the real Anki backend (its legacy export and the newer one: a zstd-compressed
collection beside a stub) and by genanki (what qadeck and many other tools write); a qadeck build's own package
reads back as the cards it was built from.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import genanki
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qadeck import sources
from qadeck.cli import cli
from qadeck.errors import SourceError

from .archives import zipped
from .listing import listed, pairs, refused


def _anki_package(folder: Path, legacy: bool, collection_package: bool = False) -> Path:
    """A package the real Anki exports, of a deck with a sub-deck and notes of its stock note types."""
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

    home = folder / f"anki-{legacy}-{collection_package}"
    home.mkdir()
    col = Collection(str(home / "collection.anki2"))
    spanish, verbs = col.decks.id("Spanish"), col.decks.id("Spanish::Verbs")

    def add(note_type: str, deck: int, tags: tuple[str, ...] = (), **fields: str) -> None:
        note = col.new_note(col.models.by_name(note_type))
        for name, value in fields.items():
            note[name.replace("_", " ")] = value
        note.tags = list(tags)
        col.add_note(note, deck)

    add("Basic", spanish, ("nouns", "lang::es"), Front="<b>el perro</b>",
        Back="the dog<br><img src=\"dog.jpg\"><ul><li>a pet</li><li>barks</li></ul>")
    add("Basic (and reversed card)", verbs, Front="hablar", Back="to speak")
    add("Basic (optional reversed card)", verbs, Front="comer", Back="to eat", Add_Reverse="y")
    add("Basic (optional reversed card)", verbs, Front="vivir", Back="to live")
    add("Basic (type in the answer)", spanish, Front="la casa", Back="the house")
    add("Cloze", spanish, Text="The capital of Spain is {{c1::Madrid}}.", Back_Extra="Since 1561.")
    # An answer whose lines the blocks layout would read as its own (a field, the block's end, a heading).
    add("Basic", spanish, Front="What do the lines say?",
        Back="Back: not a field<br>END<br><h2>Not a section</h2><pre><code class=\"language-python\">x = 1</code></pre>")
    add("Basic", spanish, Front="<img src=\"only.png\">", Back="a picture alone asks nothing")
    path = folder / f"spanish-{'legacy' if legacy else 'new'}.{'colpkg' if collection_package else 'apkg'}"
    if collection_package:
        col.export_collection_package(str(path), include_media=False, legacy=legacy)  # closes the collection
        return path
    options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=False, legacy=legacy)
    col.export_anki_package(out_path=str(path), options=options, limit=DeckIdLimit(deck_id=spanish))
    col.close()
    return path


_EXPECTED = [
    # (question, answer, section, kind, tags): the notes in deck order, then as they were added.
    ("el perro", "the dog\n\n- a pet\n- barks", "", "basic", ["lang/es", "nouns"]),
    ("la casa", "the house", "", "basic", []),
    ("The capital of Spain is {{c1::Madrid}}.", "Since 1561.", "", "cloze", []),
    ("What do the lines say?", "Back\\: not a field  \n&#69;ND\n\n\\## Not a section\n\n```python\nx = 1\n```", "", "basic", []),
    ("hablar", "to speak", "Verbs", "reversed", []),
    ("comer", "to eat", "Verbs", "reversed", []),
    ("vivir", "to live", "Verbs", "basic", []),
]


def _notes(found: list[dict]) -> list[tuple[object, ...]]:
    own = ("topic::", "difficulty::", "source::")
    return [(card["question"], card["answer"], card["section"], card["kind"],
             sorted(tag.replace("::", "/") for tag in card["tags"] if not tag.startswith(own)))
            for card in found if not card["reverse"]]


@pytest.mark.parametrize("legacy", [True, False], ids=["legacy", "anki-2.1.50"])
@pytest.mark.parametrize("collection_package", [False, True], ids=["apkg", "colpkg"])
def test_a_package_anki_exports_reads_as_the_notes_anki_shows(tmp_path: Path, legacy: bool,
                                                               collection_package: bool) -> None:
    path = _anki_package(tmp_path, legacy, collection_package)
    if not legacy:  # what Anki 2.1.50 and later write: the new collection, and a stub for older versions
        assert {"collection.anki21b", "collection.anki2"} <= set(zipfile.ZipFile(path).namelist())
    found = listed(path)
    assert _notes(found) == _EXPECTED  # a whole collection's notes all in Spanish: that deck is no section either
    # A reversed note is asked both ways; an answer naming a field, END or a heading shows as written.
    assert [(card["question"], card["answer"]) for card in found if card["reverse"]] == [
        ("to speak", "hablar"), ("to eat", "comer")]
    answer_html = next(card["answer_html"] for card in found if card["question"] == "What do the lines say?")
    assert "Back: not a field<br />\nEND" in answer_html and "## Not a section" in answer_html and "<h2" not in answer_html
    assert not any("<img" in card["answer_html"] or "dog.jpg" in card["answer"] for card in found)


def test_a_package_genanki_writes_reads_as_its_notes_show_them(tmp_path: Path) -> None:
    # A note type of the author's own: the front and back its template shows; a Source field says where the
    # note came from, a Difficulty field its level, a Chapter field its section (none of them more answer).
    model = genanki.Model(
        1_000_001, "Vocabulary",
        fields=[{"name": "Word"}, {"name": "Meaning"}, {"name": "Example"}, {"name": "Source"},
                {"name": "Difficulty"}, {"name": "Chapter"}],
        templates=[{"name": "Card 1", "qfmt": "{{Word}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}<div>{{Source}} {{Difficulty}}</div>"}],
    )
    deck = genanki.Deck(2_000_001, "German")
    deck.add_note(genanki.Note(model, ["der Hund", "the dog", "<i>Der Hund bellt.</i>", "my book", "easy", "Animals"],
                               tags=["animals"]))
    deck.add_note(genanki.Note(model, ["laufen", "to run", "", "", "", ""]))
    deck.add_note(genanki.Note(model, ["der Baum", "", "", "", "", ""]))
    # Anki's LaTeX and MathJax, the editor's entities and tags inside: math as MathJax delimits it.
    deck.add_note(genanki.Note(model, ["[$]a^2&nbsp;+ b^2[/$]", "[$$]c^2[/$$] when \\(a &lt;<br>c\\)", "", "", "", ""]))
    path = tmp_path / "german.apkg"
    genanki.Package(deck).write_to_file(str(path))
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    found = listed(path)
    assert [(card["question"], card["answer"], card["section"], card["difficulty"], card["difficulty_from"])
            for card in found] == [  # the notes of no section first
        ("laufen", "to run", "", found[0]["difficulty"], "rules"),
        ("\\(a^2 + b^2\\)", "\\[c^2\\] when \\(a < c\\)", "", found[1]["difficulty"], "rules"),
        ("der Hund", "the dog\n\n*Der Hund bellt.*", "Animals", "easy", "author"),
    ]
    assert "animals" in found[2]["tags"]
    check = CliRunner().invoke(cli, ["check", str(path)])
    assert "der Baum" in check.output  # a note with no answer is reported, as any unanswered question


def test_a_build_read_back_from_its_package_gives_the_cards_it_was_built_from(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "faq.md").write_text(
        "# Shell FAQ\n\n## Files\n\n### What does `ls -l` show?\n\nPermissions, owner, **size** and time.\n\n"
        "### How do I count lines?\n\nUse `wc`:\n\n```bash\nwc -l file.txt\n```\n\n"
        "## Words\n\n### Name two pagers.\n\n- less\n- *more*\n", encoding="utf-8")
    (notes / "flashcards.md").write_text(
        "#flashcards/shell\n\nShell that macOS starts:::zsh\n\nA login shell reads ==~/.profile== first.\n\n"
        "Pager that Git uses::less\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(notes), "-o", str(tmp_path / "out"), "--format", "apkg"])
    assert result.exit_code == 0, result.output
    built = listed(notes)
    assert len(built) == 7 and {card["kind"] for card in built} == {"basic", "cloze", "reversed"}
    read_back = listed(next((tmp_path / "out").glob("*.apkg")))

    def asked(cards: list[dict]) -> list[tuple[object, ...]]:
        return sorted((card["question"], card["answer"], card["kind"], card["reverse"]) for card in cards)

    assert asked(read_back) == asked(built)


def test_a_folder_reads_a_package_only_when_it_is_named(tmp_path: Path) -> None:
    # A folder's package is as often a build's own output as a deck: read back, it would give every card twice.
    (tmp_path / "build").mkdir()
    for name in ("build/deck.apkg", "flashcards.apkg", "all.colpkg", "notes.md"):
        (tmp_path / name).write_bytes(b"")
    found = sources.collect([tmp_path])
    assert [path.name for path in found.files] == ["notes.md"]
    assert sorted(found.skipped) == sorted(
        f"{tmp_path / name}: skipped, an Anki package or collection, read only when named (in a folder it may be a build's own output)"
        for name in ("build/deck.apkg", "flashcards.apkg", "all.colpkg"))
    assert [path.name for path in sources.collect([tmp_path / "flashcards.apkg"]).files] == ["flashcards.apkg"]




def _genanki_package(tmp_path: Path) -> bytes:
    deck = genanki.Deck(2_000_002, "Small")
    deck.add_note(genanki.Note(genanki.BASIC_MODEL, ["What is it?", "A deck."]))
    path = tmp_path / "small.apkg"
    genanki.Package(deck).write_to_file(str(path))
    return path.read_bytes()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("cut.apkg", b"PK\x03\x04 cut short", "not a readable Anki package"),
    ("empty.apkg", zipped({"media": b"{}"}), "not a readable Anki package (no Anki collection in it)"),
    ("garbled.apkg", zipped({"collection.anki2": b"SQLite format 3\x00" + bytes(range(256)) * 8}),
     "not a readable Anki package (collection.anki2: "),
    ("text.apkg", zipped({"collection.anki21": b"just some text, no database"}),
     "not a readable Anki package (collection.anki21: file is not a database)"),
    ("broken.colpkg", zipped({"collection.anki21b": b"\x28\xb5\x2f\xfd not zstd"}),
     "not a readable Anki package (collection.anki21b: "),
    ("none.apkg", None, "an Anki package with no notes in it"),
])
def test_a_damaged_package_is_a_one_line_error_naming_it(tmp_path: Path, name: str, data: bytes | None,
                                                         message: str) -> None:
    path = tmp_path / name
    if data is None:  # a deck with no notes: what genanki writes for an empty deck
        genanki.Package(genanki.Deck(2_000_003, "Empty")).write_to_file(str(path))
    else:
        path.write_bytes(data)
    refused(path, message)
    # Beside a package that reads, the damaged one is a warning: the deck is built from what can be read.
    good = tmp_path / "good.apkg"
    good.write_bytes(_genanki_package(tmp_path))
    both = CliRunner().invoke(cli, ["list", "--json", str(path), str(good)])
    assert both.exit_code == 0, both.output
    assert f"{path}: {message}" in both.stderr
    assert pairs(listed(good)) == [("What is it?", "A deck.")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 30000), flips=st.lists(st.tuples(st.integers(0, 30000), st.integers(0, 255)), max_size=4))
def test_no_damage_to_a_package_makes_the_reader_fail_but_with_an_error_naming_it(
        tmp_path: Path, cut: int, flips: list[tuple[int, int]]) -> None:
    # Packages are untrusted: cut short or with bytes changed (inside the database too: it is stored, not
    # compressed, below), reading one gives text or a SourceError, never a traceback.
    package = zipfile.ZipFile(io.BytesIO(_genanki_package(tmp_path)))
    database = bytearray(package.read("collection.anki2"))
    for at, value in flips:
        database[at % len(database)] = value
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("collection.anki2", bytes(database[:max(cut, 1)] if cut < len(database) else database))
    path = tmp_path / "damaged.apkg"
    path.write_bytes(out.getvalue())
    try:
        assert isinstance(sources.read(path).text, str)
    except SourceError as exc:
        assert str(path) in str(exc)
