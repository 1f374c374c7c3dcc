"""Obsidian Kanban boards read as notes: lanes over their cards, an outline, never the plugin's settings."""

from __future__ import annotations

from pathlib import Path

from qadeck import markups, parsers, sources

from .listing import listed_file, pairs

_SETTINGS = '%% kanban:settings\n```\n{"kanban-plugin":"board","list-collapse":[false,false]}\n```\n%%'


def test_a_board_of_tasks_gives_no_cards(tmp_path: Path) -> None:
    text = ("---\n\nkanban-plugin: board\n\n---\n\n## To read\n\n- [ ] Chapter four\n- [ ] The lab handout\n\t\n\t@{2024-03-02}\n\n"
            "## Done\n\n**Complete**\n- [x] Chapter three\n\n***\n\n## Archive\n\n- [x] Chapter one\n\n" + _SETTINGS)
    path = tmp_path / "Kanban.md"
    path.write_text(text, encoding="utf-8")
    source = sources.read(path)
    written = [line for line in source.text.split("\n") if line.strip()]
    assert written[:3] == ["- To read", "    - [ ] Chapter four", "    - [ ] The lab handout"]
    assert "Chapter one" not in source.text and "list-collapse" not in source.text and "Complete" not in source.text
    assert len(source.text.split("\n")) == len(text.split("\n"))
    assert not parsers.parse(source).cards


def test_a_lane_that_asks_is_answered_by_its_cards(tmp_path: Path) -> None:
    text = ("---\nkanban-plugin: basic\n---\n\n## Which gases do plants take in?\n\n- Carbon dioxide\n\n"
            "## Which gas do plants give off?\n\n- Oxygen\n\n" + _SETTINGS)
    assert pairs(listed_file(tmp_path, "plants.md", text.encode())) == [
        ("Which gases do plants take in?", "Carbon dioxide"),
        ("Which gas do plants give off?", "Oxygen"),
    ]


def test_a_note_about_kanban_is_a_note() -> None:
    note = "---\ntags: [agile]\n---\n\n## What is a kanban board?\n\nLanes of cards.\n\nkanban-plugin: board\n"
    assert markups.to_markdown(".md", note) == note
