"""Obsidian Excalidraw drawings (*.excalidraw.md) read as notes: the author's notes and the texts on the drawing,
never the plugin's data."""

from __future__ import annotations

from pathlib import Path

from qadeck import markups, parsers, sources

from .listing import listed_file, pairs

_FRONT = "---\n\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\n"
_DATA = (
    "# Embedded files\n0a1b2c3d: [[sketch.png]]\n\n%%\n# Drawing\n```json\n"
    '{"type": "excalidraw", "elements": [{"type": "text", "text": "Pump"}]}\n```\n%%'
)


def test_a_drawing_of_labels_gives_no_cards_from_its_data(tmp_path: Path) -> None:
    text = _FRONT + "# Excalidraw Data\n\n## Text Elements\nPump ^aB3dE5fG\n\nValve\nopen ^Hk9-x_2Q\n\n" + _DATA
    path = tmp_path / "Drawing 2024-05-01 10.00.00.excalidraw.md"
    path.write_text(text, encoding="utf-8")
    source = sources.read(path)
    assert [line for line in source.text.split("\n") if line.strip()] == ["Pump", "Valve", "open"]
    assert len(source.text.split("\n")) == len(text.split("\n"))  # every line keeps its number
    assert not parsers.parse(source).cards


def test_the_notes_written_beside_a_drawing_are_read(tmp_path: Path) -> None:
    notes = "## What does the pump do?\n\nIt lifts the water.\n\n## What does the valve do?\n\nIt stops the flow.\n\n"
    text = _FRONT + notes + "# Text Elements\nPump ^aB3dE5fG\n\n" + _DATA
    assert pairs(listed_file(tmp_path, "pump.excalidraw.md", text.encode())) == [
        ("What does the pump do?", "It lifts the water."),
        ("What does the valve do?", "It stops the flow."),
    ]


def test_only_a_front_matter_naming_the_plugin_makes_a_note_a_drawing() -> None:
    note = "# Excalidraw Data\n\nWhat is Excalidraw? A drawing tool. ^ref\n\n# Drawing\n\nNotes on drawing.\n"
    assert markups.to_markdown(".md", note) == note
    tagged = "---\ntags: [excalidraw]\n---\n" + note
    assert markups.to_markdown(".md", tagged) == tagged


def test_a_drawing_with_nothing_written_on_it_is_blank() -> None:
    text = _FRONT + "\n" + _DATA
    assert not markups.to_markdown(".md", text).strip()


def test_texts_inside_the_comment_that_hides_the_data_are_read() -> None:
    text = _FRONT + "%%\n# Excalidraw Data\n\n## Text Elements\nPump ^aB3dE5fG\n\n" + _DATA
    assert [line for line in markups.to_markdown(".md", text).split("\n") if line.strip()] == ["Pump"]
