"""Cleaning shared by the line layouts: chrome, headings, commentary, answers."""

# Private names: each quick check is compared with the pattern it stands for.

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.parsers.repair import clean


def test_page_lines_blank_chrome_and_cut_the_footer() -> None:
    lines = ["Skip to content", "Title", "-", "Q: a?", "A: b", "x", "y", "z", "w", "Comments", "Post a Comment", "More"]
    assert clean.page_lines(lines) == ["", "Title", "", "Q: a?", "A: b", "x", "y", "z", "w"]


def test_a_footer_word_early_in_the_page_is_content() -> None:
    lines = ["References", "Q: a?", "A: b", "Q: c?", "A: d", "Q: e?", "A: f", "Q: g?"]
    assert clean.page_lines(lines) == lines


def test_chrome_table_rows_say_why() -> None:
    assert all(row.why for row in clean.CHROME)
    assert clean.chrome("Popular posts from this blog").footer
    assert not clean.chrome("Skip to content").footer
    assert clean.chrome("Comments about style") is None


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Model Packaging & Reproducibility (Q1-Q40) π¦", "Model Packaging & Reproducibility"),
        ("Orchestration (Q1-Q20) ⚙️", "Orchestration"),
        ("Data Engineering in MLOps 💧", "Data Engineering in MLOps"),
        ("References and Reading Materials⚓︎", "References and Reading Materials"),
        ("## **Setup** ##", "Setup"),
        ("Μηχανική Μάθηση", "Μηχανική Μάθηση"),
    ],
)
def test_clean_heading(heading: str, name: str) -> None:
    assert clean.clean_heading(heading) == name


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("General MLOps Concepts", True),
        ("Security & Governance in ML 🔒", True),
        ("Docker: Standardizes environments, simplifies deployment.", False),
        ("docker run my-model-app", False),
        ("- Deployment", False),
        ("Answers showcase a blend of technical expertise and practical applications for roles", False),
    ],
)
def test_heading_shaped(text: str, shaped: bool) -> None:
    assert clean.heading_shaped(text) is shaped


@pytest.mark.parametrize(
    ("paragraph", "about_page"),
    [
        ("These answers showcase a blend of technical expertise.", True),
        ("This article offers a curated selection of questions.", True),
        ("Here are 100 questions and answers on packaging.", True),
        ("Prepare for your next interview with this guide on MLOps.", True),
        ("A feature store serves features to training and inference.", False),
    ],
)
def test_commentary(paragraph: str, about_page: bool) -> None:
    assert clean.is_commentary(paragraph) is about_page


def test_answer_markdown_normalises_lists_and_joins_broken_sentences() -> None:
    lines = ["Pick one, for instance,", "", "Flask for small apps.", "Steps:", "- one", " - two", "  - nested"]
    assert clean.answer_markdown(lines) == (
        "Pick one, for instance, Flask for small apps.\n\nSteps:\n\n- one\n- two\n    - nested"
    )


def test_lines_that_were_blocks_on_the_page_stay_apart() -> None:
    lines = ["Imbalanced data: resample.", "Missing data: impute,", "or drop rows."]
    assert clean.answer_markdown(lines) == "Imbalanced data: resample.\n\nMissing data: impute,\nor drop rows."


def test_answer_markdown_leaves_fences_alone() -> None:
    lines = ["Run:", "", "```", " - not a list,", "", "x = 1", "```"]
    assert clean.answer_markdown(lines) == "Run:\n\n```\n - not a list,\n\nx = 1\n```"


def test_restore_lists_needs_numbers_in_order() -> None:
    flat = "Two steps follow 1. Wash the jar. 2. Dry it - Upside down - On a rack"
    assert clean.restore_lists(flat) == (
        "Two steps follow\n\n1. Wash the jar.\n2. Dry it\n    - Upside down\n    - On a rack"
    )
    assert clean.restore_lists("Version 2. Then 1. more") == "Version 2. Then 1. more"
    assert clean.restore_lists("A dash - like this - is punctuation") == "A dash - like this - is punctuation"


def test_tidy_question() -> None:
    assert clean.tidy_question("**Can you explain CI/CD ?**") == "Can you explain CI/CD?"
    assert clean.tidy_question("  What\tis   X? ") == "What is X?"


@given(st.lists(st.sampled_from(["this article", "Our guide", "the following list", "these questions",
                                 "The above answers", "here are 5 questions", "interview questions",
                                 "Prepare for your interview", "good luck", "hope this helps", "happy coding",
                                 "x", " ", "\n", "about", "THIS POST", "tHe FoLlOwInG page", "\u017fheet",
                                 "\u212a", "th\u0130s", "cheat sheet", "Interview\tQuestions", "the\nfollowing",
                                 "\nThese", "our\xa0guide", "GOOD  luck"]),
                max_size=6).map(" ".join) | st.text(max_size=60))
def test_is_commentary_is_any_of_its_patterns(paragraph):
    text = " ".join(paragraph.split())
    assert clean.is_commentary(paragraph) == any(p.search(text) for p in clean._COMMENTARY)


@given(st.lists(st.sampled_from(["What", "is", "X", "?", "!", ".", " ", "  ", "\t", "\n", "**", "__", "\u00a0",
                                 "\u200b", "\x1c"]), max_size=10).map("".join) | st.text(max_size=30))
def test_tidy_question_drops_the_space_before_the_end_as_its_pattern_does(text):
    """The fast path tells a space before the closing mark without the regex: checked against it."""
    joined = " ".join(clean.strip_invisible(text).split())
    bold = clean._BOLD.match(joined)
    if bold:
        joined = bold.group(2).strip()
    assert clean.tidy_question(text) == clean._SPACE_BEFORE_END.sub(r"\1", joined)


@given(st.lists(st.sampled_from(["1.", "2.", " 1. A", " 2. B", " - Item", " - Other", "-", "Text.", "Next", "\n",
                                 " ", "x", "- a", "    "]), max_size=8).map("".join))
def test_tidy_block_is_its_passes_in_turn(block):
    """The one-line fast path leaves a block as the three passes would."""
    passes = clean.separate_lists(clean.separate_sentence_lines(clean.restore_lists(block)))
    assert clean.tidy_block(block) == passes
