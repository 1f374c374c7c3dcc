"""Quiz questions headed by their number and their kind only ("### Question 2: Short Answer",
"## Question 3. (MCQ)"): the paragraph under the heading asks, and the kind is no part of the card."""

from __future__ import annotations

from pathlib import Path

from .listing import listed, pairs

KINDS = """\
# Soil science check

### Question 1: Multiple Choice
Which soil holds the most water?
A) Sand
B) Clay
C) Gravel

**Correct Answer:** B) Clay
**Explanation:** its fine particles leave tiny pores.

### Question 2: Short Answer
Why do farmers add lime to a field?

**Correct Answer:** To make an acid soil less acid.

### Question 3: (True/False)
Earthworms loosen compacted ground.
A) True
B) False

**Correct Answer:** A) True
"""


def test_a_kind_only_heading_gives_way_to_the_question_under_it(tmp_path: Path) -> None:
    (tmp_path / "soil.md").write_text(KINDS, encoding="utf-8")
    assert pairs(listed(tmp_path / "soil.md")) == [
        ("Which soil holds the most water?\n\n- A: Sand\n- B: Clay\n- C: Gravel",
         "**B**: Clay\n\n**Explanation:** its fine particles leave tiny pores."),
        ("Why do farmers add lime to a field?", "To make an acid soil less acid."),
        ("Earthworms loosen compacted ground.\n\n- A: True\n- B: False", "**A**: True"),
    ]


def test_a_heading_that_asks_keeps_its_own_text(tmp_path: Path) -> None:
    (tmp_path / "soil.md").write_text(
        KINDS.replace("Question 2: Short Answer", "Question 2: Why lime?"), encoding="utf-8")
    questions = [question for question, _ in pairs(listed(tmp_path / "soil.md"))]
    assert questions[1] == "Why lime?"
