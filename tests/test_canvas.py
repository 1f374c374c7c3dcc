"""Obsidian Canvas boards read as sources: the cards their question nodes hold, and one line for a broken board."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qadeck import markups, parsers, sources
from qadeck.cli import cli

from .listing import listed, listed_file, pairs, refused


def _node(name: str, text: str, x: int = 0, y: int = 0, kind: str = "text") -> dict:
    node = {"id": name, "type": kind, "x": x, "y": y, "width": 240, "height": 80}
    node["label" if kind == "group" else "file" if kind == "file" else "text"] = text
    return node


def _arrow(start: str, end: str, **ends: str) -> dict:
    return {"id": f"{start}-{end}", "fromNode": start, "fromSide": "right", "toNode": end, "toSide": "left", **ends}


def _board(nodes: list[dict], edges: list[dict] | None = None) -> bytes:
    return json.dumps({"nodes": nodes, "edges": edges or []}, indent="\t").encode()


def test_an_arrow_from_a_question_to_its_answer_is_a_card(tmp_path: Path) -> None:
    nodes = [
        _node("q1", "Which river runs through Cairo?", 0, 0), _node("a1", "The Nile.", 400, 0),
        # A big title box: its heading marks are the box's size, not a section.
        _node("q2", "# Why do rivers meander?", 0, 200),
        _node("a2", "Water wears the outer bank.\n\nSilt builds up on the inner one.", 400, 200),
        # Drawn from the answer back to the question, with the arrow's head at its start.
        _node("a3", "A lake of an old bend, cut off.", 400, 400), _node("q3", "What is an oxbow lake?", 0, 400),
    ]
    edges = [_arrow("q1", "a1"), _arrow("q2", "a2", label="because"), _arrow("a3", "q3", fromEnd="arrow", toEnd="none")]
    assert pairs(listed_file(tmp_path, "rivers.canvas", _board(nodes, edges))) == [
        ("Which river runs through Cairo?", "The Nile."),
        ("Why do rivers meander?", "Water wears the outer bank.\n\nSilt builds up on the inner one."),
        ("What is an oxbow lake?", "A lake of an old bend, cut off."),
    ]


def test_boxes_each_holding_their_own_questions_are_read_as_sections(tmp_path: Path) -> None:
    nodes = [
        _node("unit", "# Glaciers\n\n## What is a moraine?\n\nRock a glacier left.\n\n## What is a cirque?\n\nA hollow "
              "a glacier carved.", 0, 0),
        _node("one", "## What is a fjord?\n\nA valley the sea flooded.", 400, 0),
        # A diagram's label: its heading heads nothing of its own box, so the box below it is under no heading.
        _node("label", "## Ice", 0, 300),
        _node("loose", "Sketch the valley later.", 0, 400),
    ]
    found = listed_file(tmp_path, "ice.canvas", _board(nodes))
    assert pairs(found) == [
        ("What is a moraine?", "Rock a glacier left."),
        ("What is a cirque?", "A hollow a glacier carved."),
        ("What is a fjord?", "A valley the sea flooded."),
    ]
    assert [card["section"] for card in found] == ["Glaciers", "Glaciers", ""]


def test_a_diagram_that_asks_nothing_gives_no_cards(tmp_path: Path) -> None:
    nodes = [_node("top", "# Memory", 0, 0), _node("a", "Stack\n- frames\n- locals", 300, -100),
             _node("b", "Heap\n- objects", 300, 100), _node("c", "## 4096", 600, 0)]
    path = tmp_path / "memory.canvas"
    path.write_bytes(_board(nodes, [_arrow("top", "a"), _arrow("top", "b"), _arrow("b", "c")]))
    assert not parsers.parse(sources.read(path)).cards


def test_only_text_nodes_are_read_and_what_a_board_names_is_never_opened(tmp_path: Path) -> None:
    (tmp_path / "outside.md").write_text("## What is outside?\n\nA secret.\n")
    board = tmp_path / "board"
    board.mkdir()
    nodes = [_node("q", "What is <b>inside</b>?", 0, 0), _node("a", "A <script>x()</script> answer.", 300, 0),
             _node("f", "../outside.md", 0, 200, kind="file"), _node("g", "Group", -50, -50, kind="group"),
             _node("q2", "What is in the file node?", 0, 400), _node("a2", "Its path, no more.", 300, 400)]
    (board / "b.canvas").write_bytes(_board(nodes, [_arrow("q", "a"), _arrow("q", "f"), _arrow("q2", "a2")]))
    found = listed(board)
    assert pairs(found) == [("What is <b>inside</b>?", "A <script>x()</script> answer."),
                            ("What is in the file node?", "Its path, no more.")]
    assert "<script>" not in found[0]["answer_html"] and "&lt;script&gt;" in found[0]["answer_html"]
    assert "secret" not in json.dumps(found)


def test_a_group_is_read_together_and_its_label_is_no_card(tmp_path: Path) -> None:
    nodes = [
        _node("g", "Deserts", -20, 180, kind="group") | {"width": 900, "height": 300},
        _node("q2", "Why are deserts cold at night?", 0, 400), _node("a2", "Dry air holds little heat.", 400, 400),
        _node("q1", "What is an oasis?", 0, 0), _node("a1", "Water in a desert.", 400, 0),
        _node("q3", "What is a dune?", 0, 200), _node("a3", "A hill of sand.", 400, 200),
    ]
    edges = [_arrow("q1", "a1"), _arrow("q2", "a2"), _arrow("q3", "a3")]
    assert pairs(listed_file(tmp_path, "deserts.canvas", _board(nodes, edges))) == [
        ("What is an oasis?", "Water in a desert."),
        ("What is a dune?", "A hill of sand."),
        ("Why are deserts cold at night?", "Dry air holds little heat."),
    ]


def test_a_ring_of_arrows_is_written_once() -> None:
    # Each node points to the other, so none is a root: the first in reading order heads the ring.
    nodes = [_node("a", "Summer.", 300, 0), _node("q", "What comes after spring?", 0, 0)]
    board = _board(nodes, [_arrow("q", "a"), _arrow("a", "q")]).decode()
    assert markups.to_markdown(".canvas", board) == "- What comes after spring?\n    Summer.\n"


def test_a_canvas_in_a_folder_is_a_source(tmp_path: Path) -> None:
    (tmp_path / "Untitled.canvas").write_bytes(_board([]))
    assert sources.collect([tmp_path]).files == [tmp_path / "Untitled.canvas"]


def test_a_broken_board_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "cut.canvas"
    path.write_text('{"nodes": [\n{"id": "a", "type": "text", "text": "What?"')
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"{path}:2: an Obsidian canvas that is not JSON" in result.output
    path.write_text('{"nodes": {"a": 1}}')
    refused(path, "not an Obsidian canvas: no list of nodes")



def test_a_long_chain_of_arrows_is_read_whole() -> None:
    chain = [_node(str(n), f"Step {n}", 0, n * 100) for n in range(450)]
    board = _board(chain, [_arrow(str(n), str(n + 1)) for n in range(449)]).decode()
    written = markups.to_markdown(".canvas", board)
    assert [line.strip() for line in written.split("\n") if line.strip()] == [f"- Step {n}" for n in range(450)]
