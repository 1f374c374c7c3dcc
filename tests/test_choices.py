"""The ``choices`` layout: plain-text multiple-choice questions, and what it leaves to other layouts."""

from __future__ import annotations

from pathlib import Path

from .listing import layout_of, listed


def test_the_front_shows_the_options_and_the_back_the_right_one(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.txt"
    quiz.write_text("1. Which is a prime?\na) 4\nb) 7\nc) 9\nAnswer: b\n\n2. Which is even?\na) 3\nb) 5\nc) 8\n"
                    "Answer: c\n", encoding="utf-8")
    cards = listed(quiz)
    assert [(c["question"], c["answer"], c["lines"]) for c in cards] == [
        ("Which is a prime?\n\n- A: 4\n- B: 7\n- C: 9", "**B**: 7", [1, 5]),
        ("Which is even?\n\n- A: 3\n- B: 5\n- C: 8", "**C**: 8", [7, 11]),
    ]


def test_options_stay_escaped(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.txt"
    quiz.write_text("Which tag runs code?\n*<script>\n<p>\n<b>\n\nWhich tag breaks a line?\n<i>\n*<br>\n<u>\n\n"
                    "Which tag makes a link?\n*<a>\n<q>\n", encoding="utf-8")
    cards = listed(quiz)
    assert [c["answer"] for c in cards] == ["**A**: <script>", "**B**: <br>", "**A**: <a>"]
    assert all("<script>" not in c["answer_html"] for c in cards)


def test_a_question_whose_right_option_is_not_said_is_no_choices_card() -> None:
    # Options and no answer anywhere: the numbered layout reads it as before.
    text = "1. What does ls do?\n   a. lists files\n   b. moves files\n\n2. What does cd do?\n   a. changes directory\n" \
           "   b. copies\n\n3. What does rm do?\n   a. removes\n   b. renames\n"
    assert layout_of(text, "quiz.txt") != "choices"


def test_bulleted_answers_are_not_starred_options() -> None:
    text = "Q: What is DNS?\nA: A name service:\n* it maps names\n* to addresses\n\nQ: What is NTP?\nA: Time sync.\n"
    assert layout_of(text, "quiz.txt") == "prefixed"


def test_options_typed_as_paragraphs_of_their_own_with_the_right_one_in_bold_or_named_below(tmp_path: Path) -> None:
    # A quiz typed in a word processor: each option a paragraph, the right one bolded whole (letter too) or
    # named on its own paragraph after them.
    text = ("1. Which organ pumps blood?\n\na) The lungs\n\n**b) The heart**\n\nc) The liver\n\n"
            "2. Which gas do we breathe out?\n\na) Oxygen\n\nb) Carbon dioxide\n\nAnswer: b\n\n"
            "3. Which bone is longest?\n\na) **The femur**\n\nb) The tibia\n")
    path = tmp_path / "quiz.md"
    path.write_text(text, encoding="utf-8")
    assert [(card["question"].split("\n")[0], card["answer"]) for card in listed(path)] == [
        ("Which organ pumps blood?", "**B**: The heart"),
        ("Which gas do we breathe out?", "**B**: Carbon dioxide"),
        ("Which bone is longest?", "**A**: The femur"),
    ]


def test_an_option_left_empty_is_no_text_of_the_back(tmp_path: Path) -> None:
    # A template's options run to e) and this question used four: the empty fifth is neither option nor answer.
    text = ("1. Where are changes staged?\n\na) The working tree\n\n**b) The index**\n\nc) The stash\n\nd) HEAD\n\ne)\n\n"
            "2. Which command makes a commit?\n\na) git add\n\nb) git commit\n\nc)\n\nAnswer: b\n")
    path = tmp_path / "git-quiz.md"
    path.write_text(text, encoding="utf-8")
    assert [(card["question"].split("\n")[0], card["answer"]) for card in listed(path)] == [
        ("Where are changes staged?", "**B**: The index"), ("Which command makes a commit?", "**B**: git commit")]
