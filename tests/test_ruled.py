"""Cards set apart by rule lines (layout ``ruled``), and the documents with rules that are no such deck."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import parsers, sources
from qadeck.model import Source
from qadeck.parsers import ruled


def _parsed(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def test_an_article_whose_sections_a_rule_parts_gives_no_card(tmp_path):
    article = (
        "# A weekend in Lisbon\n\nWe flew in on Friday evening, tired but happy to be somewhere warm.\n\n---\n\n"
        "The first morning we walked up to the castle. The streets are steep, and the tram was\n"
        "full, so we took our time and stopped for coffee twice.\n\nLunch was grilled sardines.\n\n---\n\n"
        "On Sunday it rained. We spent the day in the tile museum, which I can recommend.\n\n---\n\n"
        "Thanks for reading.\n"
    )
    result = _parsed(tmp_path, "lisbon.md", article)
    assert result.layout != ruled.NAME and not result.cards


def test_sections_with_headings_between_rules_are_no_cards(tmp_path):
    readme = (
        "# frob\n\nA tool that frobs.\n\n---\n\n## Install\n\npip install frob\n\n---\n\n## Usage\n\n"
        "frob --all\nfrob --dry-run\n\n---\n\n## License\n\nMIT\n"
    )
    assert ruled.LAYOUT.detect(Source(Path("README.md"), readme)) == 0


def test_quotes_a_fortune_file_parts_by_percent_are_no_cards(tmp_path):
    fortunes = (
        "The best way to predict the future is to invent it.\n\t\t-- Alan Kay\n%\n"
        "Simplicity is prerequisite for reliability.\n\t\t-- Edsger Dijkstra\n%\n"
        "Talk is cheap. Show me the code.\n\t\t-- Linus Torvalds\n%\n"
    )
    assert ruled.LAYOUT.detect(Source(Path("fortunes.txt"), fortunes)) == 0


def test_a_question_underlined_over_its_answer_stays_the_headings_layouts(tmp_path):
    """CommonMark reads a question over ``---`` as a heading: where that explains the file as well, it wins."""
    result = _parsed(tmp_path, "faq.md", "Which gas do plants take in?\n---\nCarbon dioxide.\n\n"
                                         "What do they give off?\n---\nOxygen.\n")
    assert result.layout == "headings"
    assert [card.answer for card in result.cards] == ["Carbon dioxide.", "Oxygen."]


_LINES = ["der Hund", "the dog", "What is DNS?", "It names hosts.", "---", "***", "%", "", "# Title",
          "card_id: a1b2", "- a point", "Lima.", "```", "=====", "    code"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=16))
def test_reading_never_fails_and_cards_stay_in_the_file(lines):
    text = "\n".join(lines)
    for entry in ruled.find(Source(Path("deck.md"), text)):
        assert entry.question and 1 <= entry.line <= entry.last <= len(lines)


def test_an_introduction_over_the_first_rule_is_no_card(tmp_path):
    """The opening part holding more paragraphs than any card is the page's introduction."""
    text = (
        "# Day 1 write-up\n\n**Setup:**\nA virtual machine and a browser.\n\n**Files:**\nTwo files came in the zip.\n\n"
        "We looked at both with exiftool.\n\n---\n\nWho wrote the song?\n\n```\nTyler\n```\n\n---\n\n"
        "What is the C2 server's URL?\n\n```\nhttp://c2.example/data\n```\n"
    )
    result = _parsed(tmp_path, "day1.md", text)
    assert [card.question for card in result.cards] == ["Who wrote the song?", "What is the C2 server's URL?"]


def test_topic_labels_underlined_over_their_question_lists_are_no_cards(tmp_path):
    # Each label ("Threads:") is underlined by a rule and over a list numbered from 1 ("1.What …" typed
    # without a space): the rules name topics, and no item is a front over the next one.
    notes = (
        "Threads:\n=====\n1.What is a thread?\n2.Name the states of a thread\n3.Explain a deadlock\n\n\n"
        "Streams:\n=======\n1.What is a stream?\n2.Buffered versus unbuffered streams\n\n"
        "Sockets:\n=======\n1.What is a socket?\n2.Compare TCP and UDP sockets\n"
    )
    result = _parsed(tmp_path, "topics.txt", notes)
    assert not result.cards


def test_a_labels_list_is_no_cards_back_but_a_front_over_a_list_still_is(tmp_path):
    # The part's back is a list under a line ending in ":" in the first deck, under a question in the second.
    labels = "Threads:\n---\n1. Start\n2. Join\n\n***\n\nLocks:\n---\n1. Acquire\n2. Release\n\n***\n\nQueues:\n---\n- Put\n- Get\n"
    assert not _parsed(tmp_path, "labels.txt", labels).cards
    asked = "Name a thread's calls\n---\n1. Start\n2. Join\n\n***\n\nName a lock's calls\n---\n1. Acquire\n2. Release\n"
    cards = _parsed(tmp_path, "asked.txt", asked).cards
    assert [(card.question, card.answer) for card in cards] == [
        ("Name a thread's calls", "1. Start\n2. Join"), ("Name a lock's calls", "1. Acquire\n2. Release"),
    ]
