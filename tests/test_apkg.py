"""The Anki package: a frozen note type, reproducible bytes, and a real import."""

from __future__ import annotations

import zipfile
from pathlib import Path

from qadeck.model import Card
from qadeck.writers import Output, apkg

from .conftest import import_apkg, notes_by_guid


def test_note_type_is_frozen():
    # Changing any of these forks the note type in Anki and silently stops updates.
    assert apkg.MODEL_ID == 1607392319
    assert apkg.MODEL_NAME == "qadeck Q&A"
    assert apkg.FIELDS == ("Question", "Answer", "Topics", "Difficulty", "Source", "Section")
    assert apkg.TEMPLATE_NAMES == ("Card 1",)
    model = apkg.model()
    assert [f["name"] for f in model.fields] == list(apkg.FIELDS)
    assert [t["name"] for t in model.templates] == list(apkg.TEMPLATE_NAMES)


def sample_cards() -> list[Card]:
    return [
        Card("What is `pip`?", "A **package** installer.\n\n- one\n- two", "a.md", "Tools", (1, 4),
             topics=("tooling",), difficulty="easy", guid="qA1", mtime=1_700_000_000),
        Card("Is List<String> safe?", "Yes: <script>alert(1)</script> stays text & \x1fvisible.",
             "a.md", "", (5, 6), inferred=True, topics=("security", "testing"),
             difficulty="medium", guid="qB2", mtime=1_700_000_500),
    ]


def write(path: Path, cards: list[Card]) -> Path:
    apkg.write(Output("Test Deck", 123456789, cards), path)
    return path


def test_package_is_byte_identical_when_nothing_changed(tmp_path):
    a = write(tmp_path / "a.apkg", sample_cards()).read_bytes()
    b = write(tmp_path / "b.apkg", sample_cards()).read_bytes()
    assert a == b
    with zipfile.ZipFile(tmp_path / "a.apkg") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in z.infolist()} == {0o644}


def test_package_imports_into_anki_with_fields_tags_and_times(tmp_path, collection):
    path = write(tmp_path / "deck.apkg", sample_cards())
    import_apkg(collection, path)
    notes = notes_by_guid(collection)
    assert set(notes) == {"qA1", "qB2"}
    first, second = notes["qA1"], notes["qB2"]
    assert first.note_type()["name"] == "qadeck Q&A"
    assert first["Question"] == "What is <code>pip</code>?"
    assert "<strong>package</strong>" in first["Answer"] and "<li>one</li>" in first["Answer"]
    assert sorted(first.tags) == ["difficulty::easy", "source::a", "topic::tooling"]
    assert "qadeck::inferred" in second.tags and "topic::testing" in second.tags
    assert "&lt;script&gt;" in second["Answer"] and "<script" not in second["Answer"]
    assert "\x1f" not in second["Answer"]
    assert first.mod == 1_700_000_000 and second.mod == 1_700_000_500
    deck = collection.decks.by_name("Test Deck")
    assert deck is not None
    cards = [collection.get_card(cid) for cid in collection.find_cards("")]
    assert {c.did for c in cards} == {deck["id"]}
    assert sorted(c.due for c in cards) == [0, 1]
