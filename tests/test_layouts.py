"""What the golden fixtures do not show: line ranges, findings' lines, scores, robustness.

The fixtures (``fixtures/<layout>/``) pin questions, answers and sections;
these tests pin where in the file each card came from, which matters to every
report that points back at the source.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qadeck import parsers
from qadeck.model import Source
from qadeck.parsers import asciidoc, bold, csv, details, headings, obsidian, table

FIXTURES = Path(__file__).parent / "fixtures"
MINE = (headings, bold, details, table, asciidoc, obsidian, csv)


def _source(text: str, name: str = "notes.md") -> Source:
    return Source(Path(name), text)


def _lines(layout: str, case: str) -> tuple[list[tuple[int, int]], list[int]]:
    path = FIXTURES / layout / case
    parsed = parsers.get(layout).parse(Source(path, path.read_text(encoding="utf-8")))
    return [card.lines for card in parsed.cards], [finding.line for finding in parsed.unanswered]


@pytest.mark.parametrize(
    ("layout", "case", "cards", "unanswered"),
    [
        # Front matter counts in line numbers; "back to top" and fences are not content lines.
        ("headings", "numbered.md", [(15, 27), (33, 49), (61, 63)], [55, 59]),
        ("headings", "mixed-levels.md", [(7, 9), (11, 12), (14, 16), (22, 23)], [18]),
        ("bold", "topics.md", [(21, 29), (33, 35), (46, 51), (55, 57)], [39]),
        # Several blocks on one line share it; a block's lines end at its last content.
        ("details", "anki-export.md", [(3, 6), (6, 9), (9, 12), (13, 17), (17, 17)], [18]),
        ("details", "readme.md", [(22, 35), (50, 56)], [14, 15, 16, 39, 60]),
        ("table", "faq.md", [(16, 16), (17, 17), (18, 18), (24, 24)], [25, 26]),
        ("asciidoc", "tool-faq.adoc", [(9, 12), (15, 23), (28, 30), (37, 38)], [33]),
        ("obsidian", "notes.md", [(10, 10), (11, 11), (12, 12), (18, 21), (23, 25)], [27]),
        # A quoted field spanning two lines gives its row both lines.
        ("csv", "deck.csv", [(2, 2), (3, 4), (5, 5)], [7]),
    ],
)
def test_line_ranges(layout: str, case: str, cards: list[tuple[int, int]], unanswered: list[int]) -> None:
    assert _lines(layout, case) == (cards, unanswered)


def test_headings_sub_headings_stay_in_the_answer() -> None:
    text = "## 1. What is X?\n\nX is\n\n### Details\n\nmore\n\n## 2. What is Y?\n\nY\n"
    cards = headings.LAYOUT.parse(_source(text)).cards
    assert [c.question for c in cards] == ["What is X?", "What is Y?"]
    assert cards[0].answer == "X is\n\n### Details\n\nmore"


def test_headings_section_title_holds_questions() -> None:
    text = "## Networking\n\n### What is DNS?\n\nNames to addresses.\n\n### What is ARP?\n\nIPs to MACs.\n"
    cards = headings.LAYOUT.parse(_source(text)).cards
    assert [(c.question, c.section) for c in cards] == [("What is DNS?", "Networking"), ("What is ARP?", "Networking")]


def test_headings_one_empty_title_over_questions_at_its_level_is_no_section() -> None:
    # Two such titles divide a flat page into sections (fixtures/headings/flat-page-sections.md); one alone is
    # as often the page's title or an unanswered request, and the questions keep no section.
    text = ("## Networking\n\n## What is DNS?\n\nNames to addresses.\n\n## What is ARP?\n\nIPs to MACs.\n\n"
            "## Why use NAT?\n\nTo share one address.\n")
    cards = headings.LAYOUT.parse(_source(text)).cards
    assert [(c.question, c.section) for c in cards] == [
        ("What is DNS?", ""), ("What is ARP?", ""), ("Why use NAT?", "")]


def test_folds_whose_summaries_state_or_ask_are_questions_not_a_quizs_answers() -> None:
    # The quiz layout reads a heading over a fold that only names its answer ("Answer"); a fold whose summary
    # is a request or a blank to fill is a question of its own, under a section's heading.
    text = ("## Rivers\n\n<details><summary>Name a river that crosses Rome.</summary>\nThe Tiber.\n</details>\n\n"
            "<details><summary>The Nile flows into the _____.</summary>\nMediterranean Sea\n</details>\n\n"
            "## Numbers\n\n<details><summary>Give e to two decimals.</summary>\n2.72\n</details>\n\n"
            "<details><summary>Is 9 a square?</summary>\nYes: 3 times 3.\n</details>\n")
    result = parsers.parse(_source(text))
    assert result.layout == "details"
    assert [(c.question, c.answer, c.section) for c in result.cards] == [
        ("Name a river that crosses Rome.", "The Tiber.", "Rivers"),
        ("The Nile flows into the _____.", "Mediterranean Sea", "Rivers"),
        ("Give e to two decimals.", "2.72", "Numbers"),
        ("Is 9 a square?", "Yes: 3 times 3.", "Numbers")]


def test_a_lone_heading_question_is_no_layout() -> None:
    text = "# Notes\n\n## Why bother?\n\nBecause.\n\nMore prose here.\n"
    assert headings.LAYOUT.detect(_source(text)) == 0.0


def test_csv_needs_a_header_or_a_csv_name() -> None:
    text = "ls,list files\ncd,change directory\n"
    assert csv.LAYOUT.parse(_source(text, "deck.txt")).cards == ()
    assert len(csv.LAYOUT.parse(_source(text, "deck.csv")).cards) == 2
    assert len(csv.LAYOUT.parse(_source("Question,Answer\n" + text, "deck.txt")).cards) == 2


def test_obsidian_separator_inside_code_is_no_card() -> None:
    text = "Use `std::vector` here.\n\n```cpp\nstd::vector<int> v;\n```\n"
    assert obsidian.LAYOUT.parse(_source(text)).cards == ()


@pytest.mark.parametrize("layout", MINE, ids=lambda m: m.NAME)
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("#*_-|:?<>/`$\\[]()!+=.,; \t\nabQA1")), max_size=300))
def test_parsing_never_crashes(layout, text: str) -> None:  # type: ignore[no-untyped-def]
    source = _source(text)
    score = layout.LAYOUT.detect(source)
    assert 0.0 <= score <= 1.0
    for card in layout.LAYOUT.parse(source).cards:
        assert card.question and (card.answer or card.kind == "cloze")  # a cloze's deletions are its answer
        assert 1 <= card.lines[0] <= card.lines[1]


def test_a_table_whose_answer_column_is_named_the_correct_answer_takes_it_before_the_wrong_ones() -> None:
    text = ("| No | Question | Correct answer | Other answer | Other answer |\n|---|---|---|---|---|\n"
            "| 1 | What is the capital of Peru? | Lima | Quito | Bogotá |\n"
            "| 2 | What is the capital of Chile? | Santiago | Lima | Quito |\n")
    result = parsers.parse(_source(text))
    assert result.layout == "table"
    assert [(card.question, card.answer) for card in result.cards] == [  # the wrong answers are no part of the back
        ("What is the capital of Peru?", "Lima"), ("What is the capital of Chile?", "Santiago")]


def test_questions_over_empty_answer_boxes_are_unanswered_not_cards() -> None:
    # A worksheet's questions, each over a one-cell table left for the answer: none answered yet.
    boxes = "".join(f"Q{n}: {question}\n\n|  |\n|---|\n\n" for n, question in enumerate(
        ("What is bias?", "What is variance?", "What is regularisation?"), 1))
    result = parsers.parse(_source(boxes))
    assert not result.cards
    assert [finding.message for finding in result.findings if finding.kind == "unanswered"] == [
        "What is bias?", "What is variance?", "What is regularisation?"]


def test_chinese_and_japanese_questions_ask_without_a_question_mark() -> None:
    # Notes in these languages seldom write "？": an interrogative inside the line, or a particle that asks at
    # its end, makes it a question, as a leading one did.
    outline = ("- Redis 为什么快\n    - 数据在内存里\n    - 单线程\n- 如何保证消息不丢失\n    - 生产者确认\n"
               "- HashMap 的原理是什么\n    - 数组加链表\n")
    result = parsers.parse(_source(outline))
    assert [card.question for card in result.cards] == ["Redis 为什么快", "如何保证消息不丢失", "HashMap 的原理是什么"]
    headed = "# 复习\n\n## キャッシュとは何ですか\n\n速い記憶。\n\n## なぜ速いのか\n\nメモリにあるから。\n"
    assert [card.question for card in parsers.parse(_source(headed)).cards] == ["キャッシュとは何ですか", "なぜ速いのか"]
    plain = "- 数据在内存里\n    - 很快\n- 单线程\n    - 没有锁\n"  # statements: no question, no card
    assert not parsers.parse(_source(plain)).cards


def test_a_card_the_file_repeats_word_for_word_is_one_card_and_the_repeat_is_reported() -> None:
    from qadeck import screen

    text = "Q: What is DNS?\nA: Names to addresses.\n\nQ: What is TTL?\nA: A lifetime.\n\nQ: What is DNS?\nA: Names to addresses.\n"
    result = screen.screen(parsers.parse(_source(text, "net.txt")))
    assert [card.question for card in result.cards] == ["What is DNS?", "What is TTL?"]
    assert [(finding.line, finding.message) for finding in result.findings] == [(7, "the same card as line 1")]
    reworded = text.replace("A: Names to addresses.\n", "A: Names to numbers.\n", 1)  # same question, other answer
    assert len(screen.screen(parsers.parse(_source(reworded, "net.txt"))).cards) == 3


def test_numbered_rows_are_cards_not_a_header_row() -> None:
    # "Question 1 | Answer 1" reads as a header naming the columns, but the row under it is the same words
    # counted on: the deck's first card.
    for text, name in (("Question 1\tAnswer 1\nQuestion 2\tAnswer 2\nQuestion 3\tAnswer 3\n", "deck.txt"),
                       ("Question 1,Answer 1\nQuestion 2,Answer 2\nQuestion 3,Answer 3\n", "deck.csv")):
        result = parsers.parse(_source(text, name))
        assert [card.question for card in result.cards] == ["Question 1", "Question 2", "Question 3"], name
    named = parsers.parse(_source("Question,Answer\nWhat is 2+2?,4\nWhat is 3+3?,6\n", "deck.csv"))
    assert [card.question for card in named.cards] == ["What is 2+2?", "What is 3+3?"]  # a header stays one


def test_bold_questions_some_numbered_are_all_questions() -> None:
    # An author numbering some bold questions and not others: the numbered ones are questions too, not text of
    # the answer above them; a file of numbered bold questions alone stays the numbered layout's.
    text = ("**What is a closure?**\n\nA function with its scope.\n\n**1. What is a promise?**\n\nA value to come.\n\n"
            "**Why use async?**\n\nTo wait without blocking.\n\n**2. What is an event loop?**\n\nThe scheduler.\n")
    result = parsers.parse(_source(text))
    assert result.layout == "bold"
    assert [(card.question, card.answer) for card in result.cards] == [
        ("What is a closure?", "A function with its scope."), ("What is a promise?", "A value to come."),
        ("Why use async?", "To wait without blocking."), ("What is an event loop?", "The scheduler.")]
    numbered = "**1. What is a promise?**\n\nA value to come.\n\n**2. What is an event loop?**\n\nThe scheduler.\n"
    assert parsers.parse(_source(numbered)).layout == "numbered"


def test_a_numbered_question_with_no_space_after_its_point_is_a_question() -> None:
    text = ("1. What is a pointer?\nAn address.\n\n2.If a pointer is null, what does dereferencing do?\nUndefined behaviour.\n\n"
            "3. Is 3.5 a float?\nYes.\n")
    result = parsers.parse(_source(text))
    assert [card.question for card in result.cards] == [
        "What is a pointer?", "If a pointer is null, what does dereferencing do?", "Is 3.5 a float?"]


def test_a_greek_bold_question_asks_with_its_semicolon_an_english_one_does_not() -> None:
    greek = ("# Οδηγός\n\nΕισαγωγή.\n\n## Γρήγορες απαντήσεις\n\n- **Τι είναι το Docker;** Ένα εργαλείο.\n"
             "- **Είναι δωρεάν;** Ναι.\n")
    assert [(card.question, card.answer) for card in parsers.parse(_source(greek)).cards] == [
        ("Τι είναι το Docker;", "Ένα εργαλείο."), ("Είναι δωρεάν;", "Ναι.")]
    english = "- **Note;** this is no question.\n- **Warning;** nor is this.\n"
    assert not parsers.parse(_source(english)).cards


def test_an_answer_that_says_it_is_none_leaves_its_question_unanswered() -> None:
    text = ("1. What is a smoke test?\nA) A quick check that the build runs.\n\n2. What is mutation testing?\nA) No idea\n\n"
            "3. What is fuzzing?\nA) (Need to clarify on this)\n\n4. Is an idea a test?\nAn idea worth trying is not.\n")
    result = parsers.parse(_source(text))
    assert [card.question for card in result.cards] == ["What is a smoke test?", "Is an idea a test?"]
    assert [finding.message for finding in result.findings if finding.kind == "unanswered"] == [
        "What is mutation testing?", "What is fuzzing?"]
