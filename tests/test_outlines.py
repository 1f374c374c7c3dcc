"""Outliners' and mind maps' files read as sources: the cards their question nodes hold, and one line for a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli

from .listing import listed_file, pairs


def _opml(body: str, head: str = "<title>Notes</title>") -> bytes:
    return f'<?xml version="1.0"?>\n<opml version="2.0">\n<head>{head}</head>\n<body>\n{body}\n</body>\n</opml>\n'.encode()


def test_omnioutliner_columns_are_the_answers(tmp_path: Path) -> None:
    # OmniOutliner writes each column as an attribute named for it: a second column is the answer.
    body = ('<outline text="What makes a bridge sway?" Answer="Wind and walkers in step.&#10;&#10;Dampers stop it."/>\n'
            '<outline text="What is a truss?" Answer="Triangles of beams."/>')
    assert pairs(listed_file(tmp_path, "bridges.opml", _opml(body))) == [
        ("What makes a bridge sway?", "Wind and walkers in step.\n\nDampers stop it."),
        ("What is a truss?", "Triangles of beams."),
    ]


def test_a_feed_list_is_no_outline_of_notes(tmp_path: Path) -> None:
    # Feed readers export subscriptions as OPML: feeds are left out, so their names make no cards.
    body = ('<outline text="What is new?">' + "".join(
        f'<outline text="Feed {n}?" type="rss" xmlUrl="https://example.org/{n}.xml"/>' for n in range(3)
    ) + "</outline>")
    (tmp_path / "feeds.opml").write_bytes(_opml(body))
    source = sources.read(tmp_path / "feeds.opml")
    assert "Feed" not in source.text
    assert not parsers.parse(source).cards


def test_entities_the_file_declares_are_not_expanded(tmp_path: Path) -> None:
    data = ('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY big "EXPANDED">]>\n<opml><body>\n'
            '<outline text="Why &big;?"><outline text="A."/></outline>\n'
            '<outline text="Why not?"><outline text="B."/></outline>\n</body></opml>\n').encode()
    assert pairs(listed_file(tmp_path, "notes.opml", data)) == [("Why &big;?", "A."), ("Why not?", "B.")]


def test_an_outline_in_a_folder_is_a_source(tmp_path: Path) -> None:
    (tmp_path / "week1.opml").write_bytes(_opml('<outline text="Why?"><outline text="Because."/></outline>'))
    assert sources.collect([tmp_path]).files == [tmp_path / "week1.opml"]


@pytest.mark.parametrize(("data", "message"), [
    (_opml('<outline text="Why?">\n<outline text="Because."/>'), "notes.opml:5: an OPML outline: <outline> opened here "
                                                                   "is never closed"),
    (_opml('<outline text="Why?"/>\n</outline>'), "notes.opml:6: an OPML outline: </outline> closes nothing"),
    (b"<html><body>Not an outline</body></html>", "notes.opml: not an OPML outline: no <opml> element"),
    (b'<opml version="2.0"><head></head></opml>', "notes.opml:1: an OPML outline with no <body>"),
])
def test_a_broken_outline_is_one_line_naming_file_and_line(tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "notes.opml").write_bytes(data)
    result = CliRunner().invoke(cli, ["list", str(tmp_path / "notes.opml")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert message in result.output


def test_an_outline_of_notes_that_asks_nothing_gives_no_cards(tmp_path: Path) -> None:
    # Topics over plain points are notes: written as a list, not as headings a flashcard tool would title cards with.
    body = "".join(
        f'<outline text="Topic {n}"><outline text="A point about it."/><outline text="Another point."/></outline>'
        for n in range(3)
    )
    (tmp_path / "todo.opml").write_bytes(_opml(body))
    assert not parsers.parse(sources.read(tmp_path / "todo.opml")).cards
