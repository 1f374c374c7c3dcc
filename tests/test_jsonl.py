"""JSON Lines files and Q&A datasets through the CLI: what a user of each shows sees.

The shapes themselves are golden fixtures (``fixtures/details/qa-records.jsonl``, ``dataset-*``); these tests
check what only the whole command shows: each card's line, a line that is not JSON named, records that are no
Q&A (a log, a package.json, a map, blog posts) making no cards, text in records staying text, and which files
a folder reads.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups
from qadeck.cli import cli

from .listing import listed, listed_file, pairs

FIXTURES = Path(__file__).parent / "fixtures" / "details"
NO_ENTRIES = "no entries with a question and an answer in this data file"


def _lines(*records: object) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def test_a_jsonl_file_of_questions_and_answers_is_a_deck(tmp_path: Path) -> None:
    cards = listed_file(tmp_path, "questions.jsonl", _lines(
        {"question": "What is the capital of France?", "answer": "Paris"},
        {"question": "What is the capital of Italy?", "answer": "Rome"},
    ))
    assert pairs(cards) == [("What is the capital of France?", "Paris"), ("What is the capital of Italy?", "Rome")]
    assert [card["lines"] for card in cards] == [[1, 1], [2, 2]]


def test_each_card_points_at_its_records_line_whatever_came_before() -> None:
    # A blank line, sections and an answer of three lines before a record: its card is still on its line.
    cards = listed(FIXTURES / "qa-records.jsonl")
    assert [card["lines"] for card in cards] == [[1, 1], [2, 2], [4, 4], [5, 5]]
    result = CliRunner().invoke(cli, ["check", str(FIXTURES / "qa-records.jsonl")])
    assert "qa-records.jsonl:6: unanswered" in result.output


def test_a_pretty_printed_json_files_cards_start_at_their_entries() -> None:
    # A card's block is longer than its turn: it stands for the lines up to the next entry, never past them.
    cards = listed(FIXTURES / "dataset-sharegpt.json")
    assert [card["lines"] for card in cards] == [[4, 4], [6, 9], [10, 10]]


def test_a_line_that_is_not_json_is_named_and_the_other_files_are_read(tmp_path: Path) -> None:
    bad = tmp_path / "qa.jsonl"
    bad.write_bytes(b'{"q": "Is it?", "a": "Yes."}\n\n{"q": "Is it not?", "a": "No."\n')
    (tmp_path / "faq.md").write_text("## Why?\n\nBecause.\n\n## How?\n\nSo.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path)])
    assert result.exit_code == 0
    assert f"warning: {bad}:3: not valid JSON Lines: Expecting ',' delimiter (column 31); skipped" in result.output
    alone = CliRunner().invoke(cli, ["list", str(bad)])
    assert alone.exit_code != 0
    assert "qa.jsonl:3: not valid JSON Lines" in alone.output
    assert "Traceback" not in result.output + alone.output


def test_a_json_file_that_is_json_lines_is_read_as_such_and_a_broken_one_named(tmp_path: Path) -> None:
    records = _lines({"q": "Is it free?", "a": "Yes."}, {"q": "Is it fast?", "a": "Very."})
    assert pairs(listed_file(tmp_path, "faq.json", records)) == [("Is it free?", "Yes."), ("Is it fast?", "Very.")]
    broken = tmp_path / "quiz.json"
    broken.write_bytes(b'{"q": "Is it free?", "a": "Yes."}\n{"q": "Is it fast?" "a": "Very."}\n')
    result = CliRunner().invoke(cli, ["list", str(broken)])
    assert result.exit_code != 0
    assert "quiz.json:2: not valid JSON: Extra data (column 1)" in result.output
    assert "Traceback" not in result.output


def test_records_that_are_no_questions_make_no_cards(tmp_path: Path) -> None:
    files = {
        "events.jsonl": _lines(
            {"time": "2024-05-01T10:00:00Z", "level": "info", "msg": "server started", "port": 8080},
            {"time": "2024-05-01T10:00:02Z", "level": "error", "msg": "refused", "name": "db", "text": "ECONNREFUSED"},
            {"timestamp": 3, "event": "click", "name": "Submit button", "description": "a click on the form"},
        ),
        "package.json": json.dumps({
            "name": "left-pad", "version": "1.3.0", "description": "String left pad", "keywords": ["pad"],
            "scripts": {"test": "node test"}, "contributors": [{"name": "A", "email": "a@example.com"}],
        }).encode(),
        "places.json": json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Paris", "description": "Capital of France"},
             "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}},
            {"type": "Feature", "properties": {"name": "Rome", "description": "Capital of Italy"},
             "geometry": {"type": "Point", "coordinates": [12.5, 41.9]}},
        ]}).encode(),
        "posts.json": json.dumps([
            {"title": "Why I use Vim", "body": "Because it is everywhere.", "date": "2024-01-01"},
            {"title": "My trip to Rome", "body": "It rained.", "date": "2024-02-01"},
            {"title": "Is Rust worth learning?", "body": "I think so.", "date": "2024-03-01"},
        ]).encode(),
        "chat.jsonl": _lines({"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        result = CliRunner().invoke(cli, ["list", str(tmp_path / name)])
        assert result.exit_code != 0, name
        assert NO_ENTRIES in result.output, name


def test_a_faq_of_titles_most_of_which_ask_keeps_its_statements(tmp_path: Path) -> None:
    cards = listed_file(tmp_path, "faq.json", json.dumps([
        {"title": "Is it free?", "content": "Yes."},
        {"title": "Refunds", "content": "Within 30 days."},
        {"title": "Can I export?", "content": "As CSV."},
    ]).encode())
    assert [card["question"] for card in cards] == ["Is it free?", "Refunds", "Can I export?"]


def test_text_in_records_is_untrusted(tmp_path: Path) -> None:
    cards = listed_file(tmp_path, "train.jsonl", _lines(
        {"prompt": "Which tag makes text bold?", "completion": "<b>, as in <b>bold</b>. Not `<script>`."},
        {"messages": [{"role": "user", "content": "Inject?"},
                      {"role": "assistant", "content": "<script>alert(1)</script><img src=x onerror=alert(2)>"}]},
    ))
    html = [card["answer_html"] for card in cards]
    assert html[0] == "<p>&lt;b&gt;, as in &lt;b&gt;bold&lt;/b&gt;. Not <code>&lt;script&gt;</code>.</p>"
    assert "<script" not in html[1] and "<img" not in html[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html[1]


def test_a_folder_reads_jsonl_named_for_questions_or_when_it_holds_data_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "intro.md").write_text("## Why?\n\nBecause.\n\n## How?\n\nSo.\n", encoding="utf-8")
    for name in ("qa.jsonl", "events.jsonl", "train.ndjson", "quiz.jsonlines"):
        (notes / name).write_bytes(_lines({"q": f"What is in {name}?", "a": "Records."}))
    result = CliRunner().invoke(cli, ["list", "--json", str(notes)])
    assert result.exit_code == 0, result.output
    assert sorted({Path(card["source"]).name for card in json.loads(result.stdout)}) == [
        "intro.md", "qa.jsonl", "quiz.jsonlines"]
    assert "events.jsonl: skipped, a data file or document whose name does not say it holds questions" in result.output
    data = tmp_path / "data"
    data.mkdir()
    for name in ("train.jsonl", "valid.jsonl"):
        (data / name).write_bytes(_lines({"instruction": f"Say {name}.", "output": name}))
    assert pairs(listed(data)) == [("Say train.jsonl.", "train.jsonl"), ("Say valid.jsonl.", "valid.jsonl")]


def test_the_message_listing_what_qadeck_reads_names_json_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["list", str(tmp_path)])
    assert result.exit_code != 0
    assert all(extension in result.output for extension in (".jsonl", ".ndjson", ".jsonlines"))


_KEYS = st.sampled_from([
    "question", "answer", "answers", "text", "answer_start", "prompt", "completion", "instruction", "input",
    "output", "response", "query", "context", "messages", "role", "content", "conversations", "from", "value",
    "user", "assistant", "human", "gpt", "system", "data", "paragraphs", "qas", "title", "body", "name",
])
_LEAVES = st.none() | st.booleans() | st.integers(-3, 30) | st.sampled_from(["user", "gpt", "<b>", "x\ny"]) | st.text(max_size=8)
_RECORDS = st.recursive(
    _LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5), max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(records=st.lists(_RECORDS, max_size=5))
def test_no_records_make_the_reader_fail(records: list[object]) -> None:
    # Records are untrusted: whatever shape they take, reading them gives text, never an error.
    assert isinstance(markups.to_markdown(".jsonl", "".join(json.dumps(one) + "\n" for one in records)), str)
