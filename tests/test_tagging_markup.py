"""Tagging reads a card's words, not its markup: cloze markers, math, link targets, fence info strings.

Key phrases (topics without a taxonomy, ``--suggest``) read a card without any markup; keyword
rules and difficulty rules without cloze markers and math.

The fixtures (``fixtures/tagging``) are notes written for these tests: cloze notes whose deletion
numbers and hints are shared by more cards than any word, notes whose formulas share TeX names
(``pmatrix``, ``dx``) where their prose shares none, and notes with a taxonomy whose keywords occur
only in markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from qadeck import pipeline
from qadeck.cli import main
from qadeck.model import Card
from qadeck.tagging.difficulty import explain
from qadeck.tagging.words import unmarked, without_cloze_or_math

FIXTURES = Path(__file__).parent / "fixtures" / "tagging"
#: The hints of cloze-notes.md: the reader sees them only as a gap's clue, they name no topic.
HINTS = {"molecule", "organ", "much"}
#: Names in math-notes.md's formulas only: TeX commands and environments, variables.
TEX = {"pmatrix", "det", "theta", "cos", "sin", "lambda", "frac", "dx", "log", "bigl", "bigr", "aligned", "array"}


def _cards(path: Path) -> list[Card]:
    return pipeline.load([path]).deck.cards


def _words(topics: tuple[str, ...]) -> set[str]:
    return {word for topic in topics for word in re.split(r"::|-", topic)}


def test_cloze_topics_come_from_the_text_and_its_deletions_not_the_markers_or_hints() -> None:
    cards = _cards(FIXTURES / "cloze-notes.md")
    assert len(cards) == 10 and all(card.kind == "cloze" for card in cards)
    for card in cards:
        assert not any(re.fullmatch(r"c\d+", word) for word in _words(card.topics)), card.topics
        assert not _words(card.topics) & HINTS, card.topics
    by_start = {card.question.split("}}")[0]: card.topics for card in cards}
    # A deleted word is content: the two notes on insulin (deleted in both) share it as a topic.
    assert "insulin" in by_start["{{c1::Insulin"] and "insulin" in by_start["Without enough {{c1::insulin"]
    assert {card.topics[0] for card in cards} <= {"blood", "cell", "insulin", "sugar", "general"}


def test_math_topics_come_from_the_prose_not_tex_names() -> None:
    cards = _cards(FIXTURES / "math-notes.md")
    assert len(cards) == 7
    for card in cards:
        assert not _words(card.topics) & TEX, (card.question, card.topics)


def test_a_suggested_taxonomy_holds_no_cloze_number_hint_or_tex_name(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["topics", "--suggest", str(FIXTURES / "cloze-notes.md"), str(FIXTURES / "math-notes.md")]) == 0
    draft = yaml.safe_load(capsys.readouterr().out.split("\n", 2)[2])
    words = {word for slug, topic in draft["topics"].items()
             for phrase in [slug, *topic["keywords"]] for word in re.split(r"::|-| ", phrase)}
    assert "blood" in words
    assert not {w for w in words if re.fullmatch(r"c\d+", w)} and not words & (HINTS | TEX)
    # The math notes, a few cards under no section, fall to the catch-all: no topic is drafted for it.
    assert "general" not in draft["topics"] and draft["topics"]["misc"] == {"keywords": {}}


def test_taxonomy_keywords_do_not_match_cloze_hints_or_math() -> None:
    """With a taxonomy, a keyword in a formula or a cloze hint names no topic; the same keyword in
    the card's words does. A fence's info string and a link's target still count: they say what
    the code or the link is about."""
    topics = {card.question: card.topics for card in _cards(FIXTURES / "markup")}
    assert topics == {
        "What is the derivative of ln x?": ("misc",),  # \log in the formula
        "Error messages go to {{c1::standard error::a log stream}} by convention.": ("misc",),
        "{{c1::Fluentd::a log shipper}} forwards {{c2::events}} to storage.": ("misc",),
        "Where do the rotated files go?": ("logging",),
        "What runs the containers of a pod?": ("kubernetes",),
        "How do you print a greeting?": ("python",),  # ```python
        "Where is the reference for volumes?": ("kubernetes",),  # https://kubernetes.io/…
        "What colour is the warning banner?": ("misc",),  # the parser made <span class="log-banner"> text
    }


@pytest.mark.parametrize(("text", "words"), [
    ("Paris is the capital of {{c1::France}}.", "Paris is the capital of France."),
    ("{{c1::Mito}}chondria make {{c2::ATP::a molecule}}.", "Mitochondria make ATP."),
    ("Nested: {{c1::a {{c2::b::hint}} c}}.", "Nested: a b c."),
    ("Area $\\pi r^2$ and $$\\begin{pmatrix}1\\end{pmatrix}$$ end", "Area   and   end"),
    ("See \\(\\lambda\\) or \\[x\\] and \\begin{aligned}y\\end{aligned}.", "See   or   and  ."),
    ("Costs $5 and $6, `echo $HOME` stays", "Costs $5 and $6, `echo $HOME` stays"),
    ("```python\nprint(1)\n```", " \nprint(1)\n "),
    ("Read [the docs](https://kubernetes.io/docs/) or https://example.org/x.", "Read [the docs  or  "),
    ("<b>Bold</b>&nbsp;text, a < b > c", " Bold  text, a < b > c"),
    ("Plain text stays as it is: 3/4 of it.", "Plain text stays as it is: 3/4 of it."),
])
def test_unmarked_keeps_the_words_and_drops_the_markup(text: str, words: str) -> None:
    assert unmarked(text) == words


def test_keyword_rules_read_text_without_cloze_or_math_only() -> None:
    text = "{{c1::Pods::a unit}} run $\\log n$ tasks; see [docs](https://kubernetes.io/) ```yaml"
    assert without_cloze_or_math(text) == "Pods run   tasks; see [docs](https://kubernetes.io/) ```yaml"


@pytest.mark.parametrize(("question", "level"), [
    ("What is $\\operatorname{design}(x)$?", "easy"),  # a definition, not a design question
    ("The {{c1::kernel}} schedules processes.", "medium"),
    ("The {{c1::blueprint::a design}} comes first.", "medium"),  # not "design": a hint
])
def test_difficulty_rules_read_the_questions_words(question: str, level: str) -> None:
    assert explain(Card(question, "", "a.md", "", (1, 1)))[0] == level
