"""CherryTree notes (``.ctd`` XML, ``.ctb`` SQLite): each node a heading over its text, read by the layouts."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups
from qadeck.cli import cli
from qadeck.errors import SourceError

from .conftest import listed, pairs

CTD = """<?xml version="1.0" encoding="UTF-8"?>
<cherrytree>
  <node name="Pottery" unique_id="1" prog_lang="custom-colors">
    <rich_text></rich_text>
    <node name="What is bisque firing?" unique_id="2" prog_lang="custom-colors">
      <rich_text>A first, </rich_text><rich_text weight="heavy">low</rich_text><rich_text> firing that hardens the clay.
\u2022 before glazing
   \u25c7 at about 900 degrees</rich_text>
    </node>
    <node name="Which clay body shrinks most?" unique_id="3" prog_lang="custom-colors">
      <rich_text>Porcelain, when dried:</rich_text>
      <codebox char_offset="22" syntax_highlighting="python">shrinkage = 0.14</codebox>
      <rich_text>
Stoneware shrinks less.</rich_text>
    </node>
  </node>
</cherrytree>
"""


def _ctb(path, nodes, children, codeboxes=()):
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE node (node_id INTEGER UNIQUE, name TEXT, txt TEXT, syntax TEXT, tags TEXT, is_ro INTEGER,"
        " is_richtxt INTEGER, has_codebox INTEGER, has_table INTEGER, has_image INTEGER, level INTEGER);"
        "CREATE TABLE children (node_id INTEGER UNIQUE, father_id INTEGER, sequence INTEGER);"
        "CREATE TABLE codebox (node_id INTEGER, offset INTEGER, justification TEXT, txt TEXT, syntax TEXT,"
        " width INTEGER, height INTEGER, is_width_pix INTEGER, do_highl_bra INTEGER, do_show_linenum INTEGER);")
    connection.executemany("INSERT INTO node (node_id, name, txt, syntax, is_richtxt) VALUES (?, ?, ?, ?, ?)", nodes)
    connection.executemany("INSERT INTO children VALUES (?, ?, ?)", children)
    connection.executemany("INSERT INTO codebox (node_id, offset, txt, syntax) VALUES (?, ?, ?, ?)", codeboxes)
    connection.commit()
    connection.close()


def _rich(*runs: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<node>' + "".join(runs) + "</node>"


def test_a_ctd_nodes_titles_ask_and_their_text_answers(tmp_path):
    (tmp_path / "notes.ctd").write_text(CTD, encoding="utf-8")
    assert pairs(listed(tmp_path / "notes.ctd")) == [
        ("What is bisque firing?",
         "A first, **low** firing that hardens the clay.\n- before glazing\n   - at about 900 degrees"),
        ("Which clay body shrinks most?",
         "Porcelain, when dried:\n\n```python\nshrinkage = 0.14\n```\n\nStoneware shrinks less."),
    ]


def test_a_ctb_database_tree_read_in_its_order_a_loop_cut(tmp_path):
    _ctb(tmp_path / "revision.ctb",
         nodes=[(1, "Tides", _rich("<rich_text></rich_text>"), "custom-colors", 1),
                (3, "What causes spring tides?", _rich('<rich_text>Sun and Moon <rich_text/>in line.</rich_text>'),
                 "custom-colors", 1),
                (2, "What is a neap tide?", "The smallest range between tides.", "plain-text", 0),
                (4, "Tide table", "print(ebb)", "python", 0)],
         children=[(1, 0, 1), (2, 1, 1), (3, 1, 2), (4, 1, 3), (5, 5, 1)],
         codeboxes=[(3, 100, "orphan code far past the text", "sh")])
    assert pairs(listed(tmp_path / "revision.ctb")) == [
        ("What is a neap tide?", "The smallest range between tides."),
        ("What causes spring tides?", "Sun and Moon in line.\n\n```sh\norphan code far past the text\n```"),
    ]


def test_broken_files_are_one_line_naming_them(tmp_path):
    (tmp_path / "cut.ctd").write_text(CTD[:200], encoding="utf-8")
    (tmp_path / "bomb.ctd").write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><cherrytree/>',
                                       encoding="utf-8")
    (tmp_path / "other.ctd").write_text("<notes><node name='x'/></notes>", encoding="utf-8")
    (tmp_path / "text.ctb").write_bytes(b"not a database at all")
    empty = sqlite3.connect(tmp_path / "empty.ctb")
    empty.execute("CREATE TABLE cards (front TEXT, back TEXT)")
    empty.commit()
    empty.close()
    for name in ("cut.ctd", "bomb.ctd", "other.ctd", "text.ctb", "empty.ctb"):
        result = CliRunner().invoke(cli, ["list", str(tmp_path / name)])
        assert result.exit_code != 0
        assert f"{name}: not " in result.output or f"{name}: a CherryTree" in result.output, result.output
        assert "Traceback" not in result.output


def test_a_folders_notebook_is_read_only_when_named_for_questions(tmp_path):
    (tmp_path / "notes.md").write_text("## What is slip?\n\nClay thinned with water.\n", encoding="utf-8")
    (tmp_path / "pentest.ctd").write_text(CTD, encoding="utf-8")
    (tmp_path / "locked.ctz").write_bytes(b"7z\xbc\xaf\x27\x1c")
    assert [card["source"] for card in listed(tmp_path)] == ["notes.md"]
    (tmp_path / "pottery-questions.ctd").write_text(CTD, encoding="utf-8")
    assert {card["source"] for card in listed(tmp_path)} == {"notes.md", "pottery-questions.ctd"}


@settings(max_examples=60, deadline=None)
@given(suffix=st.sampled_from([".ctd", ".ctb"]), cut=st.integers(0, 9000),
       flips=st.lists(st.tuples(st.integers(0, 9000), st.integers(0, 255)), max_size=4))
def test_no_damage_to_a_notebook_makes_its_reader_fail_but_with_an_error(tmp_path_factory, suffix, cut, flips):
    # Notebooks are untrusted: cut short or with bytes changed, one gives text or an error naming it, never a traceback.
    folder = tmp_path_factory.mktemp("damaged")
    if suffix == ".ctb":
        _ctb(folder / "whole.ctb", nodes=[(1, "What is grog?", _rich("<rich_text>Fired clay, ground.</rich_text>"),
                                           "custom-colors", 1)], children=[(1, 0, 1)])
        data = bytearray((folder / "whole.ctb").read_bytes()[:cut])
    else:
        data = bytearray(CTD.encode()[:cut])
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    try:
        assert isinstance(markups.DOCUMENTS[suffix](bytes(data), "book" + suffix), str)
    except SourceError as exc:
        assert "book" + suffix in str(exc)
