"""Quizzes written in Markdown quiz syntaxes: LiaScript's brackets and the mkdocs-quiz plugin's tags."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers
from qadeck.model import Source


def _cards(text: str, name: str = "lesson.md") -> tuple[str, list[tuple[str, str]]]:
    result = parsers.parse(Source(Path(name), text))
    return result.layout, [(card.question, card.answer) for card in result.cards]


def test_wiki_links_alone_on_their_lines_are_no_text_quiz() -> None:
    # An Obsidian note links pages as [[Page]], alone on a line too: no LiaScript mark, so no gaps to fill.
    note = "# Photosynthesis\n\nSee also:\n\n[[Chlorophyll]]\n\n[[Light reactions]]\n\nIt happens in [[Chloroplast|chloroplasts]].\n"
    layout, _ = _cards(note)
    assert layout != "liascript"


def test_the_stars_closing_an_animation_block_are_no_solution() -> None:
    text = (
        "## Counting\n\n{{1}}\n*****\nHow many legs has a spider?\n\n[( )] six\n[(X)] eight\n*****\n\n"
        "Some notes between the quizzes.\n\n*****\n\n"
        "How many wings has a bee?\n\n[[4]]\n"
    )
    layout, cards = _cards(text)
    assert layout == "liascript"
    assert cards == [
        ("How many legs has a spider?\n\n- A: six\n- B: eight", "**B**: eight"),
        ("How many wings has a bee?", "4"),
    ]


def test_a_long_section_asks_from_its_last_question_with_the_code_above_it() -> None:
    text = (
        "## Loops\n\nA loop repeats its body.\n\nIt stops when its test fails.\n\nHere is one.\n\n"
        "```python\nfor k in range(3):\n    print(k)\n```\n\nWhat is printed last?\n\n[[2]]\n\n"
        "Is `range(3)` empty?\n\n[( )] yes\n[(X)] no\n"
    )
    _, cards = _cards(text)
    assert cards[0] == ("```python\nfor k in range(3):\n    print(k)\n```\n\nWhat is printed last?", "2")
    assert cards[1] == ("Is `range(3)` empty?\n\n- A: yes\n- B: no", "**B**: no")


def test_options_past_the_eighth_keep_their_letters() -> None:
    options = "".join(f"- [[{'X' if k % 3 == 0 else ' '}]] word {k}\n" for k in range(11))
    _, cards = _cards("Which words are marked?\n\n" + options + "\nWhich one is right?\n\n[( )] a\n[(X)] b\n")
    front, back = cards[0]
    assert front.endswith("- J: word 9\n- K: word 10")
    assert back == "**A**: word 0\n\n**D**: word 3\n\n**G**: word 6\n\n**J**: word 9"


def test_a_quiz_with_no_text_above_it_asks_its_heading() -> None:
    text = "## Which bird is this?\n\n<div>\n\n- [(X)] Robin\n- [( )] Crow\n\n</div>\n\n@Birds.robin(10)\n\n- [( )] Robin\n- [(X)] Crow\n"
    _, cards = _cards(text)
    assert cards == [
        ("Which bird is this?\n\n- A: Robin\n- B: Crow", "**A**: Robin"),
        ("Which bird is this?\n\n- A: Robin\n- B: Crow", "**B**: Crow"),
    ]


def test_mkdocs_quiz_examples_in_code_and_an_unclosed_quiz_give_nothing() -> None:
    text = "# Syntax\n\n```markdown\n<quiz>\nAre you ready?\n- [x] Yes\n- [ ] No\n</quiz>\n```\n\n<quiz>\nNever closed?\n- [x] Yes\n"
    _, cards = _cards(text)
    assert cards == []


def test_mkdocs_quiz_answers_keep_their_html_out_of_the_card() -> None:
    text = (
        "<?quiz?>\nquestion: Which tag makes text bold?\nanswer: <code>&lt;i&gt;</code>\n"
        "answer-correct: <code>&lt;b&gt;</code>\ncontent:\n<script>alert(1)</script><p>Also <em>strong</em>.</p>\n<?/quiz?>\n"
    )
    layout, cards = _cards(text)
    assert layout == "mkdocs-quiz"
    question, answer = cards[0]
    assert question.startswith("Which tag makes text bold?\n\n- A: ")
    assert answer.startswith("**B**: ")
    assert "<script" not in answer and "alert" not in answer
    assert "*strong*" in answer


def test_quizdown_numbered_options_are_a_single_choice() -> None:
    # quizdown writes a single choice as a numbered task list, a hint quoted above it.
    text = (
        "### Which planet has rings you can see with binoculars?\n\n> Look for the biggest ones.\n\n"
        "1. [ ] Mars\n1. [x] Saturn\n1. [ ] Venus\n\n"
        "### Which of these are mammals?\n\n- [x] Whale\n- [ ] Shark\n- [ ] Trout\n\n"
        "> **Explanation:** Sharks and trout are fish.\n"
    )
    _, cards = _cards(text)
    assert cards == [
        ("Which planet has rings you can see with binoculars?\n\n> Look for the biggest ones.\n\n"
         "- A: Mars\n- B: Saturn\n- C: Venus", "**B**: Saturn"),
        ("Which of these are mammals?\n\n- A: Whale\n- B: Shark\n- C: Trout",
         "**A**: Whale\n\n> **Explanation:** Sharks and trout are fish."),
    ]


def test_a_numbered_checklist_with_most_items_ticked_stays_a_checklist() -> None:
    text = "## Packing list\n\n1. [x] Tent\n2. [x] Stove\n3. [ ] Map\n\n## Weather\n\nRain is likely.\n"
    _, cards = _cards(text)
    assert ("Packing list", "1. [x] Tent\n2. [x] Stove\n3. [ ] Map") in cards
