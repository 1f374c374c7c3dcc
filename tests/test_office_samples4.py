"""Question banks kept as office documents, fourth sample: the shapes built here with text of our own.

A viva sheet whose short answers sit on the question's line after ``Answer:``, or alone under an ``Answer :``
label (a one-word answer that would read as a section title), a slide deck of coding problems titled
``Topic - Question`` then ``Topic - Solution`` (the solution over several slides), a deck of coding tasks with
lines of code in bold, a spreadsheet whose numbered question column has its answers beside it unnamed, and one
whose answer column is left empty on most rows, a note on the company that asked beside them.
"""

from __future__ import annotations

from pathlib import Path

from qadeck.markups import slides
from qadeck.markups.document import Block

from .listing import layout_of, listed, listed_file, pairs
from .office_pictures import docx  # Word documents built from their XML
from .test_sheets import write_xlsx
from .test_slides import para, pptx, run, shape, title


def _paragraph(text: str, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_an_answer_on_the_question_line_after_its_label(tmp_path: Path) -> None:
    """``4. Who wrote X Answer: Y``: the label splits the line into the question and its answer."""
    body = "".join([
        _paragraph("Shell basics", bold=True),
        _paragraph("1. Which command prints the working folder Answer: pwd"),
        _paragraph("2. Which signal does Ctrl+C send?"), _paragraph("Answer: SIGINT"),
        _paragraph("3. What does a leading dot mark in a file name Answer: a hidden file."),
    ])
    assert pairs(listed_file(tmp_path, "viva.docx", docx(body, {}, {}))) == [
        ("Which command prints the working folder", "pwd"),
        ("Which signal does Ctrl+C send?", "SIGINT"),
        ("What does a leading dot mark in a file name", "a hidden file."),
    ]


def test_a_one_word_answer_under_an_answer_label_is_no_section_title(tmp_path: Path) -> None:
    """``**Answer :**`` alone, then ``Yes`` between blank lines: the answer, not the next question's section."""
    text = ("1. Is Python dynamically typed?\n\n**Answer :**\n\nYes\n\n"
            "2. What does 7 // 2 give?\n\n**Answer :**\n\n3\n\n"
            "3. What keyword makes a generator?\n\n**Answer :**\n\nThe yield keyword turns a function into one.\n")
    assert layout_of(text, "answers.txt") == "numbered"
    found = pairs(_listed_text(tmp_path, text))
    assert found == [
        ("Is Python dynamically typed?", "Yes"),
        ("What does 7 // 2 give?", "3"),
        ("What keyword makes a generator?", "The yield keyword turns a function into one."),
    ]


def test_a_key_line_under_options_stays_with_its_question(tmp_path: Path) -> None:
    """``Ans- No`` and ``Correct Answer:`` over ``B. No``, short lines between blank ones, end their question's
    answer rather than title the next question's section."""
    text = ("1. A storage account can hold several subscriptions.\n\nA. Yes\n\nB. No\n\nAns- No\n\n"
            "2. A free account limits uploaded data.\n\nA. Yes\n\nB. No\n\nCorrect Answer:\n\nA. Yes\n\n"
            "3. Which tier suits archives?\n\nAns- The archive tier, the cheapest to keep.\n")
    found = _listed_text(tmp_path, text)
    assert [card["section"] for card in found] == ["", "", ""]
    assert found[0]["answer"].endswith("Ans- No")
    assert found[1]["answer"].endswith("Correct Answer:\n\nA. Yes")
    assert found[2]["question"] == "Which tier suits archives?"


def _listed_text(folder: Path, text: str) -> list[dict]:
    return listed_file(folder, "answers.txt", text.encode("utf-8"))


def _slide(heading: str, *lines: str) -> str:
    return title(heading) + shape(*(para(run(line), bullet="char") for line in lines), placeholder="")


def test_slides_titled_as_a_problem_s_question_and_solution_make_one_card(tmp_path: Path) -> None:
    """``Two Sum - Question`` then ``Two Sum - Solution`` twice: the topic and its question slide ask, both
    solution slides answer."""
    deck = pptx(
        _slide("Pair Total - Question", "Given numbers and a target, find two that add up to it."),
        _slide("Pair Total - Solution", "Keep a set of the numbers seen so far."),
        _slide("Pair Total - Solution", "For each number, look its complement up in the set."),
        _slide("Stair Steps - Question", "Count the ways to climb n steps taking one or two at a time."),
        _slide("Stair Steps - Solution", "Each count is the sum of the two before it."),
    )
    assert pairs(listed_file(tmp_path, "coding-questions.pptx", deck)) == [
        ("Pair Total\n\nGiven numbers and a target, find two that add up to it.",
         "Keep a set of the numbers seen so far.\n\nFor each number, look its complement up in the set."),
        ("Stair Steps\n\nCount the ways to climb n steps taking one or two at a time.",
         "Each count is the sum of the two before it."),
    ]


def test_a_slide_whose_title_repeats_or_continues_the_one_before_goes_on_with_it() -> None:
    """``Joins`` then ``Joins (cont.)`` or ``Joins`` again: one section, its title written once."""
    deck = [slides.Slide("Database notes", opens=True),
            slides.Slide("Joins", (Block(text="An inner join keeps matching rows."),)),
            slides.Slide("Joins (cont.)", (Block(text="An outer join keeps the rest too."),)),
            slides.Slide("Joins", (Block(text="A cross join pairs every row."),)),
            slides.Slide("Indexes", (Block(text="An index speeds up lookups."),))]
    text = slides.to_markdown(deck)
    assert text.count("## Joins") == 1
    assert "cont." not in text
    assert text.index("A cross join") < text.index("## Indexes")


def test_a_title_that_only_ends_in_a_label_word_is_left_as_written() -> None:
    """A title with no topic before its dash (``- Question``), or a plural (``Unit 2: Questions``) is no part's label."""
    deck = [slides.Slide("Unit 2: Questions", (Block(text="What is a lever?"),)),
            slides.Slide("Unit 2: Answers", (Block(text="A bar turning on a pivot."),))]
    text = slides.to_markdown(deck)
    assert "Unit 2: Questions" in text and "Unit 2: Answers" in text


def test_bold_lines_of_code_are_no_questions(tmp_path: Path) -> None:
    """Notes on coding tasks stress lines of their code in bold: ``**int total = 0;**`` asks nothing, the task's
    bold title over it does."""
    text = ("**Sum of an array**\n\n**int total = 0;**\n\n**for (int n : numbers) {**\n\ntotal += n;\n\n}\n\n"
            "**Largest of three**\n\n**static int largest(int a, int b, int c)**\n\nreturn Math.max(a, Math.max(b, c));\n\n"
            "**else**\n\nreturn c;\n")
    found = pairs(_listed_text(tmp_path, text))
    assert [question for question, _ in found] == ["Sum of an array", "Largest of three"]
    assert found[0][1].startswith("**int total = 0;**")
    assert found[1][1].endswith("return c;")


def test_a_bold_question_naming_a_call_still_asks(tmp_path: Path) -> None:
    """``**Explain malloc() and free()**`` ends like a call yet asks: it stays a question."""
    text = ("**Explain malloc() and free()**\n\nOne reserves memory on the heap, the other gives it back.\n\n"
            "**What does sizeof(int) give?**\n\nThe size of an int in bytes.\n")
    assert [question for question, _ in pairs(_listed_text(tmp_path, text))] == [
        "Explain malloc() and free()", "What does sizeof(int) give?"]


def test_a_sheet_numbering_its_questions_has_its_answers_beside_them_unnamed(tmp_path: Path) -> None:
    """``Sl # | Question`` over rows of a number, a question and an answer: the third column answers."""
    book = write_xlsx(tmp_path / "hr-questions.xlsx", {"HR": [
        ["Sl #", "Question"],
        ["1", "Why do you want to leave your job?", "To take on larger projects."],
        ["2", "Where do you see yourself in five years?", "Leading a small team."],
    ]})
    assert pairs(listed(book)) == [
        ("Why do you want to leave your job?", "To take on larger projects."),
        ("Where do you see yourself in five years?", "Leading a small team."),
    ]


def test_a_row_whose_answer_cell_is_empty_is_unanswered_whatever_is_noted_beside_it(tmp_path: Path) -> None:
    """``Question | Company | Answer`` with most answers left to fill: the company alone answers nothing."""
    book = write_xlsx(tmp_path / "asked-questions.xlsx", {"Asked": [
        ["No.", "Question", "Company", "Answer"],
        ["1", "What is a star schema?", "Acme", "A fact table joined to dimension tables."],
        ["2", "What is a surrogate key?", "Acme", ""],
        ["3", "What does OLAP stand for?", "Globex", ""],
    ]})
    assert pairs(listed(book)) == [
        ("What is a star schema?", "A fact table joined to dimension tables.\n\n**Company:** Acme"),
    ]


def test_unlettered_options_each_a_paragraph_are_no_section_titles(tmp_path: Path) -> None:
    """A question's options typed one a paragraph, without letters ("Bandwidth", "uptime"), then ``Ans- …``:
    the options and the key stay under their question instead of titling sections."""
    text = ("1. Which promise does a storage plan make?\n\nFeature Guarantee\n\nBandwidth\n\nuptime\n\n"
            "Ans- uptime\n\n"
            "2. Which tool lists the folders of a share?\n\nExplorer\n\nTerminal\n\nAns- Explorer\n")
    found = _listed_text(tmp_path, text)
    assert [(card["question"], card["section"]) for card in found] == [
        ("Which promise does a storage plan make?", ""), ("Which tool lists the folders of a share?", "")]
    assert found[0]["answer"] == "Feature Guarantee\n\nBandwidth\n\nuptime\n\nAns- uptime"
    assert found[1]["answer"] == "Explorer\n\nTerminal\n\nAns- Explorer"


def test_a_section_title_over_a_question_after_a_short_answer_stays_a_title(tmp_path: Path) -> None:
    """``Paris`` answering, then ``Rivers`` over the next question: that title still opens a section."""
    text = ("Capitals\n\n1. What is the capital of France?\n\nParis\n\n"
            "Rivers\n\n2. Which river runs through Cairo?\n\nThe Nile runs through it.\n")
    found = _listed_text(tmp_path, text)
    assert [(card["answer"], card["section"]) for card in found] == [
        ("Paris", "Capitals"), ("The Nile runs through it.", "Rivers")]


def test_a_true_or_false_statement_keyed_after_dashes(tmp_path: Path) -> None:
    """``3. Two accounts can be merged---No``: the statement asks, the word after the dashes answers."""
    text = ("1. What limits a free account?\n\nIts credit and its time.\n\n"
            "2. What groups resources for billing?\n\nA subscription.\n\n"
            "3. One login can manage several subscriptions --- yes\n"
            "4. Two subscriptions can be merged into one---NO\n"
            "5. What keeps a resource from being deleted?\n\nA lock.\n")
    assert pairs(_listed_text(tmp_path, text)) == [
        ("What limits a free account?", "Its credit and its time."),
        ("What groups resources for billing?", "A subscription."),
        ("One login can manage several subscriptions", "yes"),
        ("Two subscriptions can be merged into one", "NO"),
        ("What keeps a resource from being deleted?", "A lock."),
    ]
