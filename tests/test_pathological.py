"""No text breaks parsing: random mixes of whitespace and Markdown punctuation, for every layout.

Scraped pages hold long runs of spaces and tabs, blank lines by the thousand, unclosed comments
and brackets. Parsing must never raise on any of it. How long it takes is the benchmark's
business (``benchmarks/bench_inputs.py`` prints time from 10 kB to 1 MB), never a unit test's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers
from qadeck.config import DeckConfig
from qadeck.model import Source
from qadeck.pipeline import parse_and_tag

WHITESPACE = [" ", "\t", "\n", "\u00a0", "\u3000", "\r", "\x0b"]
PUNCTUATION = [
    "#", "*", "**", "_", "__", "`", "```", "~~~", "[", "]", "(", ")", "](", "![", "<!--", "-->", "<", ">",
    "</", "<b>", "</b>", "<details>", "<summary>", "</summary>", "</details>", "|", "|-|", ":", "::", ":::",
    "-", "+", "=", "1.", "2)", "Q:", "A:", "?", "!", "$", "$$", "\\", "&", "&#", ";", ",", ".", "'", '"',
    "> [!question]- ", "> [!note]", '??? question "', "!!! tip", "::: {.callout-tip}", ":::tip[",
]
WORDS = ["x", "What is it", "Answer", "Question", "src", "Q1"]

#: One piece of a text: a run of one whitespace character, a mark, or a word.
PIECE = (
    st.builds(lambda ch, n: ch * n, st.sampled_from(WHITESPACE), st.integers(1, 40))
    | st.sampled_from(PUNCTUATION)
    | st.sampled_from(WORDS)
)
TEXTS = st.lists(PIECE, max_size=80).map("".join)
NAMES = ["notes.md", "notes.txt", "deck.csv", "deck.tsv", "faq.adoc"]
#: The inputs of issue 26, small: each took time quadratic in its size.
ISSUE_INPUTS = [" " * 3000 + "x", "\t" * 3000 + "x", " \n\t\n" * 700, "<!--" * 700, "[" * 600 + "x" + "](" * 600]


def _check(layout, source: Source) -> None:  # type: ignore[no-untyped-def]
    score = layout.detect(source)
    assert 0.0 <= score <= 1.0
    for card in layout.parse(source).cards:
        # A cloze is its text: its extra text (the answer) may be empty.
        assert card.question.strip() and (card.answer.strip() or card.kind == "cloze")
        assert 1 <= card.lines[0] <= card.lines[1]


@pytest.mark.parametrize("layout", parsers.LAYOUTS, ids=lambda layout: layout.name)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, name=st.sampled_from(NAMES))
def test_no_mix_of_whitespace_and_punctuation_breaks_a_layout(layout, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    _check(layout, Source(Path(name), text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, name=st.sampled_from(NAMES))
@example(text=ISSUE_INPUTS[0], name="notes.md")
def test_no_mix_of_whitespace_and_punctuation_breaks_detection_parsing_and_tagging(text: str, name: str) -> None:
    result = parse_and_tag(Source(Path(name), text), None, DeckConfig(deck="Deck", deck_id=1))
    assert all(card.topics and card.difficulty for card in result.cards)


@pytest.mark.parametrize("text", ISSUE_INPUTS, ids=["spaces", "tabs", "blank lines", "comments", "brackets"])
@pytest.mark.parametrize("layout", parsers.LAYOUTS, ids=lambda layout: layout.name)
def test_the_inputs_of_issue_26_parse_in_every_layout(layout, text: str) -> None:  # type: ignore[no-untyped-def]
    _check(layout, Source(Path("notes.md"), text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_no_mix_breaks_reading_markdown_and_its_boxes(text: str) -> None:
    # Read as a user's Markdown file is: the boxes (callouts, admonitions, divs) rewritten first.
    markdown = markups.to_markdown(".md", text)
    assert markdown.count("\n") >= text.count("\n")  # a line is never lost: card lines stay the user's
    parse_and_tag(Source(Path("notes.md"), markdown), None, DeckConfig(deck="Deck", deck_id=1))
