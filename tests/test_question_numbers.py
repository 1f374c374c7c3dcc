"""A question's number, however an author wrote it, is no part of the card's question; a fraction or a
bracket that is the question's own text stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from .listing import listed


@pytest.mark.parametrize(
    "number",
    ["Question #{n}:", "Q#{n}:", "#{n}.", "Q{n} ->", "({n})", "[{n}]", "Question {n} of 3", "Question ({n})",
     "Q{n}︰", "{wide}．"],
)
def test_a_questions_number_is_dropped(tmp_path: Path, number: str) -> None:
    wide = "０１２３４５６７８９"
    questions = ["What is osmosis?", "What is diffusion?", "What is mitosis?"]
    text = "".join(f"{number.format(n=n, wide=wide[n])} {q}\nAnswer: It is a process.\n\n" for n, q in enumerate(questions, 1))
    deck = tmp_path / "quiz.txt"
    deck.write_text(text, encoding="utf-8")
    assert [card["question"] for card in listed(deck)] == questions


def test_a_fraction_opening_a_question_stays(tmp_path: Path) -> None:
    deck = tmp_path / "quiz.txt"
    deck.write_text("Q: 1/2 + 1/3 is what?\nA: 5/6\n\nQ: (2 + 3) * 4 is what?\nA: 20\n", encoding="utf-8")
    assert [card["question"] for card in listed(deck)] == ["1/2 + 1/3 is what?", "(2 + 3) * 4 is what?"]
