"""Long notes whose headings title cards, where an answer somewhere asks a question of its own ("what if the
disk fails?" in a paragraph): a line or two like that, against many headings, are the answer's text, and the
whole file keeps the cards its first part gives. Many asking lines beside the headings are still another
layout's questions, the headings their sections."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers, sources
from qadeck.model import ParseResult

_TOPICS = [
    ("Indexes", "A sorted structure that finds rows without reading the whole table."),
    ("Transactions", "A group of statements that commit or roll back together."),
    ("Isolation", "How much one transaction sees of another that runs beside it."),
    ("Locks", "Marks that keep two writers off the same row at once."),
    ("Write-ahead log", "Changes are written to a log before the pages they touch."),
    ("Checkpoints", "Moments when dirty pages are flushed and the log can be trimmed."),
    ("Replication", "Copies of the data kept on other servers from the log."),
    ("Sharding", "Rows spread over servers by a key so each holds a part."),
    ("Vacuum", "A pass that reclaims the space of rows no transaction can see."),
    ("Query planner", "The part that picks joins and indexes from table statistics."),
    ("Foreign keys", "Columns whose values must name a row of another table."),
    ("Views", "Stored queries that read like tables."),
    ("Triggers", "Code the server runs when a row changes."),
    ("Backups", "Copies of the data taken to restore it after a loss."),
]
_ASIDE = "But what happens when the server stops halfway through a write?"


def _latex(aside_after: int) -> str:
    lines = [r"\documentclass{article}", r"\begin{document}"]
    for number, (title, answer) in enumerate(_TOPICS):
        lines += [rf"\section{{{title}}}", rf"\subsection{{Definition}}", answer + r"\\"]
        if number == aside_after:
            lines += [_ASIDE + r"\\", "The log is replayed at the next start, so no committed change is lost."]
        lines += [rf"\subsection{{Drawbacks}}", f"More work for the server whenever {title.lower()} are involved.", ""]
    return "\n".join([*lines, r"\end{document}", ""])


def _markdown(asides: int, topics: int = len(_TOPICS)) -> str:
    lines = ["# Database notes", ""]
    for number, (title, answer) in enumerate(_TOPICS[:topics]):
        lines += [f"## {title}", "", "### Definition", "", answer, ""]
        if number < asides:
            lines += [f"Why does {title.lower()} matter here?", ""]
        lines += ["### Cost", "", f"Some disk and time spent on {title.lower()}.", ""]
    return "\n".join(lines)


def _parsed(tmp_path: Path, text: str, name: str) -> ParseResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def test_a_question_asked_inside_a_late_answer_keeps_the_titles(tmp_path: Path) -> None:
    result = _parsed(tmp_path, _latex(aside_after=8), "notes.tex")
    assert result.layout == "titles"
    pairs = [(card.section, card.question, card.answer) for card in result.cards]
    assert len(pairs) == 2 * len(_TOPICS)
    assert pairs[0] == ("Indexes", "Definition", _TOPICS[0][1])
    assert ("Vacuum", "Definition",
            f"{_TOPICS[8][1]}\n{_ASIDE}\nThe log is replayed at the next start, so no committed change is lost.") \
        in pairs
    assert pairs[-1] == ("Backups", "Drawbacks", "More work for the server whenever backups are involved.")


def test_the_whole_file_gives_the_cards_of_its_first_part(tmp_path: Path) -> None:
    text = _latex(aside_after=8)
    head = text[: text.index(r"\section{Vacuum}")] + "\\end{document}\n"
    first = [(card.question, card.answer) for card in _parsed(tmp_path, head, "head.tex").cards]
    whole = [(card.question, card.answer) for card in _parsed(tmp_path, text, "whole.tex").cards]
    assert first and whole[: len(first)] == first


def test_markdown_notes_with_one_aside_are_titles(tmp_path: Path) -> None:
    result = _parsed(tmp_path, _markdown(asides=1), "notes.md")
    assert result.layout == "titles"
    assert [card.section for card in result.cards][:4] == ["Indexes", "Indexes", "Transactions", "Transactions"]
    assert (result.cards[0].question, result.cards[0].answer) == (
        "Definition", f"{_TOPICS[0][1]}\n\nWhy does indexes matter here?")
    assert len(result.cards) == 2 * len(_TOPICS)


def test_a_short_page_that_asks_once_is_still_no_deck(tmp_path: Path) -> None:
    """A page of a dozen headings that asks a question outside them is not read as titles: a long document's
    stray question is an aside, a short one's may be what the page is about."""
    assert not _parsed(tmp_path, _markdown(asides=1, topics=4), "page.md").cards


def test_many_asking_lines_are_still_questions_under_sections(tmp_path: Path) -> None:
    """A question opening every section: the headings are sections over those questions, no card titles."""
    lines = ["# Database notes", ""]
    for title, answer in _TOPICS:
        lines += [f"## {title}", "", f"What is meant by {title.lower()}?", "", answer, ""]
    result = _parsed(tmp_path, "\n".join(lines), "notes.md")
    assert result.layout != "titles"
    assert [(card.question, card.answer) for card in result.cards][:2] == [
        ("What is meant by indexes?", _TOPICS[0][1]), ("What is meant by transactions?", _TOPICS[1][1])]
