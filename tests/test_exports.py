"""Every export read back with the rules of the app it is for.

Anki's text import runs through the real Anki backend; the TSV is read with the
csv module in the apps' dialect (split at the tab, no quoting); the Obsidian
note goes through a rewrite that must keep the plugin's review comments; the
Q&A text is read by a parser that follows SuperMemo's (and Mnemosyne's) rules.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import pipeline
from qadeck.cli import cli
from qadeck.files import write_atomic
from qadeck.filtering import Filters
from qadeck.model import Card
from qadeck.render import plain_text
from qadeck.writers import (
    Output,
    anki_text,
    apkg,
    obsidian,
    supermemo,
    tsv,
)
from qadeck.writers.registry import FORMATS

from .conftest import CARDS, import_apkg, notes_by_guid

DECK = "mlops-interview-questions"
ALL_FORMATS = list(FORMATS)
NOW = int(time.time())


def build(folder: Path, out: Path, formats: list[str], now: int = NOW, **kw) -> dict[str, Path]:
    prepared = pipeline.prepare(pipeline.load([folder]), now=now)
    report = pipeline.build(prepared, out, Filters(), formats, **kw)
    return dict(zip(formats, report.written))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The bundled deck in every format, built once."""
    root = tmp_path_factory.mktemp("exports")
    shutil.copytree(CARDS, root / "cards", ignore=shutil.ignore_patterns("qadeck.lock"))
    return build(root / "cards", root / "build", ALL_FORMATS)


@pytest.fixture(scope="module")
def listed(built) -> list[dict]:
    """The cards of the deck ``built`` holds, as ``qadeck list --json`` shows them after that build."""
    cards = built["apkg"].parent.parent / "cards"
    result = CliRunner().invoke(cli, ["list", str(cards), "--json"], catch_exceptions=False)
    return json.loads(result.stdout)


def sample_cards() -> list[Card]:
    """Cards with everything that can break a row, a line or a card."""
    return [
        Card("What is `pip`?", "A **package** installer.\n\n- one\n- two", "a.md", "Tools", (1, 4),
             topics=("tooling",), difficulty="easy", guid="qA1", mtime=1_700_000_000),
        Card(r"\#1 reason to use `std::move`?", 'Tabs\there, "quotes", List<String>\n\n?\n\n'
             "```\ncode\n\nmore code\n```", "a.md", "", (5, 9), topics=("cpp", "testing"),
             difficulty="hard", guid="qB2", mtime=1_700_000_500),
        Card("Name the two :: parts?", "Front::back\n1. first\n2. second", "b.md", "Syntax",
             (10, 12), topics=("tooling",), difficulty="medium", guid="qC3", mtime=1_700_000_900),
    ]


def output(cards: list[Card], **kw) -> Output:
    return Output("Test Deck", 123456789, cards, **kw)


def export(fmt, path: Path, cards: list[Card], **kw) -> Path:
    """Write one format the way the pipeline does: atomically, knowing the file it replaces."""
    out = output(cards, target=path, **kw)
    write_atomic(path, lambda tmp: fmt(out, tmp))
    return path


# --- Anki text import, through the real backend --------------------------------------------


def import_text(col, path: Path):
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), delimiter=None)
    return metadata, col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def test_anki_text_headers_come_first_and_name_everything(built, listed):
    text = built["anki-csv"].read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "#separator:tab"
    headers = lines[: next(i for i, ln in enumerate(lines) if not ln.startswith("#"))]
    for header in ("#html:true", "#deck:MLOps Interview Questions", "#notetype column:9",
                   f"#notetype:{apkg.MODEL_ID}", "#guid column:8", "#tags column:7",
                   "#columns:" + "\t".join(anki_text.COLUMNS)):
        assert header in headers
    rows = list(csv.reader(text.split("\n", len(headers))[-1].splitlines(keepends=True),
                           delimiter="\t"))
    assert len(rows) == 207 and {len(r) for r in rows} == {9}
    assert [r[7] for r in rows] == [c["guid"] for c in listed]


def test_anki_text_over_the_package_changes_nothing(built, collection):
    import_apkg(collection, built["apkg"])
    before = {guid: (note.id, list(note.values()), sorted(note.tags))
              for guid, note in notes_by_guid(collection).items()}
    metadata, log = import_text(collection, built["anki-csv"])
    # the note type exists: the #notetype header wins and columns map to fields by name
    assert metadata.WhichOneof("notetype") == "global_notetype"
    assert metadata.global_notetype.id == apkg.MODEL_ID
    assert list(metadata.global_notetype.field_columns) == [1, 2, 3, 4, 5, 6]
    assert (metadata.guid_column, metadata.tags_column) == (8, 7)
    assert not log.new and not log.updated and not log.conflicting
    assert len(log.duplicate) == 207  # Anki's word for "found, already the same"
    after = {guid: (note.id, list(note.values()), sorted(note.tags))
             for guid, note in notes_by_guid(collection).items()}
    assert after == before


def test_anki_text_into_a_fresh_collection_refuses_without_harm(built, collection):
    # A missing #notetype: would silently fall back to "Basic" and take the guids; the
    # notetype column makes Anki skip every row instead, so the .apkg still imports cleanly.
    metadata, log = import_text(collection, built["anki-csv"])
    assert metadata.WhichOneof("notetype") == "notetype_column"
    assert len(log.missing_notetype) == 207 and not log.new
    assert collection.note_count() == 0
    log = import_apkg(collection, built["apkg"]).log
    assert len(log.new) == 207 and not log.conflicting
    _, log = import_text(collection, built["anki-csv"])
    assert not log.new and not log.missing_notetype and len(log.duplicate) == 207


def test_anki_text_updates_an_edited_answer_in_place(cards_copy, tmp_path, collection):
    first = build(cards_copy, tmp_path / "v1", ["apkg", "anki-csv"], now=NOW - 1000)
    import_apkg(collection, first["apkg"])
    collection.decks.select(collection.decks.id_for_name("MLOps Interview Questions"))
    for _ in range(3):  # study some cards: an update must keep their reviews
        collection.sched.answerCard(collection.sched.getCard(), 3)
    cards_before = {cid: (c.nid, c.reps, c.due, c.ivl)
                    for cid in collection.find_cards("") for c in [collection.get_card(cid)]}

    source = cards_copy / "mlops-packaging-deployment.txt"
    text = source.read_text(encoding="utf-8")
    old = "into a single, portable, and runnable artifact."
    assert text.count(old) == 1
    source.write_text(text.replace(old, "into one portable artifact you can run anywhere."),
                      encoding="utf-8")
    second = build(cards_copy, tmp_path / "v2", ["anki-csv"])

    _, log = import_text(collection, second["anki-csv"])
    assert not log.new and len(log.updated) == 1 and len(log.duplicate) == 206
    note = collection.get_note(log.updated[0].id.nid)
    assert "one portable artifact you can run anywhere" in note["Answer"]
    assert collection.note_count() == 207
    cards_after = {cid: (c.nid, c.reps, c.due, c.ivl)
                   for cid in collection.find_cards("") for c in [collection.get_card(cid)]}
    assert cards_after == cards_before


def test_anki_text_quotes_what_anki_would_misread(tmp_path, collection):
    cards = sample_cards()
    rows = apkg.note_rows(output(cards))
    assert rows[1].fields[0].startswith("#")  # an unquoted row starting with # is a comment
    import_apkg(collection, export(apkg.write, tmp_path / "d.apkg", cards))
    before = {g: list(n.values()) for g, n in notes_by_guid(collection).items()}
    _, log = import_text(collection, export(anki_text.write, tmp_path / "d.txt", cards))
    assert len(log.duplicate) == 3 and not log.new and not log.updated
    assert {g: list(n.values()) for g, n in notes_by_guid(collection).items()} == before
    assert anki_text.cell("#1") == '"#1"'
    assert anki_text.cell('a\tb "c"') == '"a\tb ""c"""'
    assert anki_text.cell("plain") == "plain" and anki_text.cell("") == ""


# --- Two-column text --------------------------------------------------------------------------


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, tsv.Dialect))


def test_tsv_is_one_line_and_two_columns_per_card(built, listed):
    rows = read_tsv(built["tsv"])
    assert len(rows) == 207 and {len(r) for r in rows} == {2}
    assert len(built["tsv"].read_text(encoding="utf-8").splitlines()) == 207
    for row, card in zip(rows, listed):
        assert row == [tsv.one_line_text(plain_text(card["question"])),
                       tsv.one_line_text(plain_text(card["answer"]))]
        assert "<" not in row[1].replace("<String>", "")


def test_tsv_keeps_text_and_lists_readable(tmp_path):
    rows = read_tsv(export(tsv.write, tmp_path / "d.tsv", sample_cards()))
    assert len(rows) == 3 and {len(r) for r in rows} == {2}
    assert rows[0] == ["What is pip?", "A package installer. / - one / - two"]
    assert rows[1][1] == 'Tabs here, "quotes", List<String> / ? / code / more code'
    assert rows[2][1] == "Front::back / 1. first / 2. second"


def test_tsv_html_keeps_markup_and_code_lines(tmp_path):
    rows = read_tsv(export(tsv.write, tmp_path / "d.tsv", sample_cards(), html=True))
    assert len(rows) == 3 and {len(r) for r in rows} == {2}
    assert rows[0][0] == "What is <code>pip</code>?"
    assert "<li>one</li>" in rows[0][1] and "<strong>package</strong>" in rows[0][1]
    assert "List&lt;String&gt;" in rows[1][1]
    assert "code<br><br>more code" in rows[1][1]


# --- Obsidian Spaced Repetition ---------------------------------------------------------------


def sr_cards(text: str) -> list[tuple[list[str], list[str]]]:
    """The multi-line cards the plugin finds: blocks between empty lines with a ``?`` line.

    A block whose first line holds ``::`` would be a one-line card instead, and a
    ``??`` line would make a reversed card: both are reported as failures.
    """
    cards = []
    for block in re.split(r"\n(?:\n)+", text.strip("\n")):
        lines = block.split("\n")
        stripped = [ln.rstrip() for ln in lines]
        assert "::" not in lines[0] and "??" not in stripped, block
        if "?" in stripped and not lines[0].startswith("<!--"):
            i = stripped.index("?")
            cards.append((lines[:i], lines[i + 1 :]))
    return cards


SR_A, SR_B, SR_C = ("<!--SR:!2025-01-01,3,250-->", "<!--SR:!2025-02-02,8,230-->",
                    "<!--SR:!2025-03-03,1,210-->")


def review(text: str, guid: str, comment: str, same_line: bool = False) -> str:
    """What the plugin does after a review: the SR comment at the end of the card."""
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if f"<!--qadeck:{guid}-->" in ln)
    end = lines.index("", start)
    if same_line:
        lines[end - 1] += " " + comment
    else:
        lines.insert(end, comment)
    return "\n".join(lines)


def test_obsidian_cards_parse_as_the_plugin_reads_them(built, listed):
    text = built["obsidian"].read_text(encoding="utf-8")
    cards = sr_cards(text)
    assert len(cards) == 207
    guids = [re.search(r"<!--qadeck:(\w+)-->", q[-1]).group(1) for q, _ in cards]
    assert sorted(guids) == sorted(c["guid"] for c in listed)
    tags = re.findall(r"^#flashcards/(\S+)$", text, re.MULTILINE)
    assert tags and all(t.startswith(f"{DECK}/") for t in tags)
    assert len(tags) == len({c["topics"][0] for c in listed})


def test_obsidian_escapes_what_the_plugin_would_misread(tmp_path):
    text = export(obsidian.write, tmp_path / "d.md", sample_cards()).read_text(encoding="utf-8")
    a, c, b = sr_cards(text)  # grouped by primary topic: tooling (A, C), then cpp (B)
    assert a[0] == ["What is `pip`? <!--qadeck:qA1-->"]
    assert b[0] == [r"\#1 reason to use <code>std&#58;&#58;move</code>? <!--qadeck:qB2-->"]
    assert b[1] == ['Tabs\there, "quotes", List&lt;String>', r"\?", "```", "code",
                    "more code", "```"]
    assert c[0] == [r"Name the two :\: parts? <!--qadeck:qC3-->"]
    assert c[1] == ["Front::back", "1. first", "2. second"]
    assert obsidian.question_line("a:::b `x::y` 1. c") == r"a:\:\:b <code>x&#58;&#58;y</code> 1. c"
    assert obsidian.question_line("1. Why?") == r"1\. Why?"
    assert text.index("## tooling") < text.index("#flashcards/test-deck/tooling") < text.index(
        "qA1") < text.index("qC3") < text.index("## cpp") < text.index("qB2")


def test_obsidian_rewrite_keeps_review_comments_with_their_cards(tmp_path):
    path = tmp_path / "deck.md"
    cards = sample_cards()
    text = export(obsidian.write, path, cards).read_text(encoding="utf-8")
    text = review(text, "qA1", SR_A)
    text = review(text, "qB2", SR_B, same_line=True)
    text = review(text, "qC3", SR_C)
    path.write_text(text, encoding="utf-8")

    # card A unchanged, card B's answer changed, card C removed from the sources
    changed = [cards[0], replace(cards[1], answer="A new answer.")]
    text = export(obsidian.write, path, changed).read_text(encoding="utf-8")
    found = sr_cards(text)
    assert [answer for _, answer in found] == [
        ["A **package** installer.", "- one", "- two", SR_A],
        ["A new answer.", SR_B],
    ]
    assert SR_C not in text and "qC3" not in text
    # a rewrite with nothing changed is the same file
    assert export(obsidian.write, path, changed).read_text(encoding="utf-8") == text


# --- SuperMemo / Mnemosyne Q&A text -----------------------------------------------------------


def read_qa(text: str) -> list[tuple[str, str]]:
    """Items as SuperMemo's Q&A import (and Mnemosyne's SuperMemo7 importer) read them.

    ``Q:`` lines, then ``A:`` lines, joined with line breaks and stripped; a blank
    line ends an item; any other line is an error.
    """
    items, question, answer, state = [], [], [], "start"
    for number, line in enumerate(text.splitlines() + [""], 1):
        line = line.rstrip()
        if state == "start" and line.startswith("Q:"):
            question, answer, state = [line[2:].strip()], [], "question"
        elif state == "question" and line.startswith(("Q:", "A:")):
            (question if line.startswith("Q:") else answer).append(line[2:].strip())
            state = "answer" if line.startswith("A:") else state
        elif state == "answer" and line.startswith("A:"):
            answer.append(line[2:].strip())
        elif state == "answer" and not line:
            items.append(("\n".join(question), "\n".join(answer)))
            state = "start"
        elif not (state == "start" and not line):
            raise AssertionError(f"line {number}: unexpected {line!r} in state {state}")
    return items


def stripped_lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines())


def test_supermemo_reads_back_every_card(built, listed):
    raw = built["supermemo"].read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    items = read_qa(raw.decode("utf-8"))
    assert len(items) == 207
    for (question, answer), card in zip(items, listed):
        assert question == plain_text(card["question"])
        assert answer == stripped_lines(plain_text(card["answer"]))
    assert any("\n\n" in answer for _, answer in items)  # a paragraph break survives


def test_supermemo_prefixes_every_answer_line(tmp_path):
    text = export(supermemo.write, tmp_path / "d.txt", sample_cards()).read_text(encoding="utf-8")
    assert text.startswith("Q: What is pip?\nA: A package installer.\nA:\nA: - one\nA: - two\n\n")
    assert text.endswith("A: 2. second\n\n")
    assert [q for q, _ in read_qa(text)] == [
        "What is pip?", r"\#1 reason to use std::move?", "Name the two :: parts?"]


# --- JSON and the command line ----------------------------------------------------------------


def test_json_file_is_what_list_json_prints(built, listed):
    assert json.loads(built["json"].read_text(encoding="utf-8")) == listed


def test_build_writes_every_format_side_by_side(built):
    assert len({p.name for p in built.values()}) == len(FORMATS)
    assert all(p.name.startswith(DECK) for p in built.values())


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_writes_one_format_to_build_and_updates_the_lock(cards_copy, in_tmp):
    result = run("export", "tsv", str(cards_copy), "--topic", "monitoring")
    assert result.exit_code == 0, result.output
    path = Path("build") / f"{DECK}--monitoring.tsv"
    assert f"Wrote {path}" in result.stdout
    assert [p.name for p in (in_tmp / "build").iterdir() if p.suffix] == [path.name]
    assert (cards_copy / "qadeck.lock").exists()
    rows = read_tsv(in_tmp / path)
    assert rows and len(rows) < 207


def test_export_to_a_named_file_with_html(cards_copy, in_tmp):
    target = in_tmp / "out" / "deck.txt"
    result = run("export", "tsv", str(cards_copy), "-o", str(target), "--html")
    assert result.exit_code == 0, result.output
    rows = read_tsv(target)
    assert len(rows) == 207 and all(r[1].startswith("<") for r in rows)


def test_unknown_format_is_one_line_naming_the_known_ones_before_any_file_is_read(in_tmp):
    missing = str(in_tmp / "no-such-folder")  # not read: the format is checked first
    result = run("export", "anki", missing)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown format 'anki'; did you mean 'anki-csv'? Known formats: anki-csv, ")
    assert result.stderr.count("\n") == 1
    result = run("build", missing, "--format", "apkg,pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown format 'pdf'. Known formats: ")
    assert sorted(result.stderr.strip().split(": ")[-1].split(", ")) == sorted(FORMATS)


def test_unknown_difficulty_or_layout_is_an_error_before_any_file_is_read(in_tmp):
    missing = str(in_tmp / "no-such-folder")
    result = run("build", missing, "--difficulty", "hrad")
    assert (result.exit_code, result.stderr.split("?")[0]) == (1, "Error: unknown difficulty 'hrad'; did you mean 'hard'")
    result = run("list", missing, "--layout", "heading")
    assert (result.exit_code, result.stderr.split("?")[0]) == (1, "Error: unknown layout 'heading'; did you mean 'headings'")


def test_export_help_lists_the_formats():
    result = run("export", "--help")
    assert result.exit_code == 0
    for fmt in FORMATS.values():
        assert fmt.name in result.stdout
    assert "--html" in result.stdout and "--topic" in result.stdout
