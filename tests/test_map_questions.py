"""Mind maps of notes with a few nodes that ask: each asking node that holds nodes or a note is a card, whatever its
siblings are (the ``maps`` layout); the nodes that state stay notes, and a node that asks inside another's answer
stays that answer's."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from click.testing import CliRunner

from qadeck.cli import cli

from .listing import layout_of, listed_file, pairs


def _km(text: str, *children: dict, note: str = "") -> dict:
    data = {"text": text, **({"note": note} if note else {})}
    return {"data": data, "children": list(children)}


def _kityminder(root: dict) -> bytes:
    return json.dumps({"root": root, "template": "default", "theme": "fresh-blue", "version": "1.4.43"},
                      ensure_ascii=False).encode()


def test_a_map_of_notes_gives_the_nodes_that_ask_at_any_depth(tmp_path: Path) -> None:
    root = _km(
        "Databases",
        _km("Storage engines", _km("pages of eight kilobytes"), _km("a write-ahead log")),
        _km("Indexes",
            _km("B-trees", _km("balanced"), _km("sorted leaves")),
            _km("Why does a covering index save a lookup?", _km("The index holds every column the query reads."))),
        _km("Replication", _km("leader and followers"), _km("logical or physical")),
        _km("Locks", _km("row locks"),
            _km("事务", _km("隔离级别", _km("为什么需要快照读", _km("读不加锁"), _km("并发更高"))))),
        _km("How are ties broken?"),  # asks, holds nothing: no card
    )
    found = listed_file(tmp_path, "db.km", _kityminder(root))
    assert pairs(found) == [
        ("Why does a covering index save a lookup?", "The index holds every column the query reads."),
        ("为什么需要快照读", "- 读不加锁\n- 并发更高"),
    ]


def test_a_question_inside_an_answer_stays_the_answers(tmp_path: Path) -> None:
    root = _km(
        "Networks",
        _km("Routing", _km("static routes"), _km("dynamic routes")),
        _km("Why does a handshake take three steps?",
            _km("Each side picks a sequence number."), _km("Is two enough?", _km("No: one side would not know."))),
        _km("Switching", _km("cut-through"), _km("store and forward")),
        _km("Addressing", _km("subnets"), _km("gateways")),
        _km("Naming", _km("resolvers"), _km("caches")),
        _km("What does a note answer?", note="The note under a node is its answer too."),
    )
    found = listed_file(tmp_path, "net.km", _kityminder(root))
    assert pairs(found) == [
        ("Why does a handshake take three steps?",
         "- Each side picks a sequence number.\n- Is two enough?\n    - No: one side would not know."),
        ("What does a note answer?", "The note under a node is its answer too."),
    ]


def test_statements_opening_with_a_question_word_are_no_questions(tmp_path: Path) -> None:
    root = _km(
        "Hardening",
        _km("Where a password is kept, rotate it", _km("every ninety days")),
        _km("Can be turned off per host", _km("in the agent's settings")),
        _km("Logging", _km("ship logs off the host")),
    )
    (tmp_path / "hardening.km").write_bytes(_kityminder(root))
    result = CliRunner().invoke(cli, ["list", "--json", "--layout", "maps", str(tmp_path / "hardening.km")])
    assert result.exit_code != 0 and "no questions with answers" in result.output


def test_a_freemind_map_with_one_question_among_notes_gives_it(tmp_path: Path) -> None:
    def node(text: str, *children: str) -> str:
        return f'<node TEXT="{escape(text)}">{"".join(children)}</node>'

    document = "<map version=\"1.0.1\">" + node(
        "Chemistry",
        node("Acids", node("sour"), node("turn litmus red")),
        node("Bases", node("bitter"), node("slippery")),
        node("What makes a buffer resist change?", node("A weak acid beside its salt soaks up added ions.")),
    ) + "</map>"
    found = listed_file(tmp_path, "chemistry.mm", document.encode())
    assert pairs(found) == [("What makes a buffer resist change?", "A weak acid beside its salt soaks up added ions.")]


def test_the_same_list_in_a_text_file_is_not_read_as_a_map() -> None:
    text = "- Routing\n    - static\n- Why is it slow?\n    - It waits.\n- Switching\n    - fast\n- Logging\n    - kept\n"
    assert layout_of(text, "notes.md") != "maps"
    assert layout_of(text, "notes.km") == "maps"
