"""Jupyter notebooks of exercises: each exercise's statement is a card's question, its solution the answer.

The notebooks are written here as Python dicts (nbformat 4's JSON), in our own words.
"""

from __future__ import annotations

import json
from pathlib import Path

from qadeck import parsers, sources


def md(text: str, **grader: object) -> dict[str, object]:
    return {"cell_type": "markdown", "metadata": {"nbgrader": grader} if grader else {}, "source": text}


def code(text: str, **grader: object) -> dict[str, object]:
    return {"cell_type": "code", "execution_count": None, "metadata": {"nbgrader": grader} if grader else {},
            "outputs": [], "source": text.splitlines(keepends=True)}


def cards(tmp_path: Path, *cells: dict[str, object]) -> list[tuple[str, str, str]]:
    notebook = {"cells": list(cells), "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
                "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "lesson.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    parsed = parsers.parse(sources.read(path))
    return [(card.question, card.answer, card.section) for card in parsed.cards]


def test_exercise_headings_answered_by_code_are_cards_and_walkthroughs_are_not(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Sorting lists"),
        md("## Walkthrough: sorted()\n\nThe built-in returns a new list."),
        code("sorted([3, 1, 2])"),
        md("## Exercise 1: Reverse order\n\nSort `marks` from high to low:\n- keep the original\n- use a keyword"),
        code("ranked = sorted(marks, reverse=True)"),
        md("### Check your work"),
        code("ranked[:3]"),
        md("## Exercise 2: By length\n\nSort `words` by how long each is."),
        code("by_length = sorted(words, key=len)"),
    )
    assert found == [
        ("Exercise 1: Reverse order\n\nSort `marks` from high to low:\n- keep the original\n- use a keyword",
         "```python\nranked = sorted(marks, reverse=True)\n```\n\n**Check your work**\n\n```python\nranked[:3]\n```",
         "Sorting lists"),
        ("Exercise 2: By length\n\nSort `words` by how long each is.",
         "```python\nby_length = sorted(words, key=len)\n```", "Sorting lists"),
    ]


def test_numbered_tasks_are_read_from_the_middle_of_a_cell_and_stubs_answer_nothing(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Strings\n\nLevel: gentle\n\n**1.** Make `name` upper case."),
        code("name.upper()"),
        md("**2**. Count the vowels in `name`."),
        code("def vowels(name):\n    # YOUR CODE HERE\n    raise NotImplementedError()"),
        md("**3.** Split `line` on commas."),
        code("def split(line):\n    pass"),
        md("**4.** Join `parts` with dashes."),
        code("'-'.join(parts)"),
    )
    assert found == [
        ("**1.** Make `name` upper case.", "```python\nname.upper()\n```", "Strings"),
        ("**4.** Join `parts` with dashes.", "```python\n'-'.join(parts)\n```", "Strings"),
    ]


def test_nbgrader_solution_cells_answer_the_task_above_them(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("Work through the parts below."),
        md("---\n## Part A\n\nWrite `double(x)`, which returns twice `x`."),
        code("def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION",
             solution=True, grade=False),
        md("Try it on a few numbers:"),
        code("double(4)"),
        code("assert double(2) == 4\n### BEGIN HIDDEN TESTS\nassert double(0) == 0\n### END HIDDEN TESTS",
             grade=True, solution=False),
        md("## Part B\n\nWhy does `double('ab')` work?"),
        md("Strings repeat when multiplied by a number.", solution=True, grade=True),
        md("## Part C\n\nExplain your choice of name.", task=True),
    )
    assert found == [
        ("Part A\n\nWrite `double(x)`, which returns twice `x`.",
         "```python\ndef double(x):\n    return 2 * x\n```", ""),
        ("Part B\n\nWhy does `double('ab')` work?", "Strings repeat when multiplied by a number.", ""),
    ]


def test_solution_cells_and_folded_solutions_are_answers_without_their_labels(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("### Task 1\n\nName the keyword that leaves a loop early."),
        md("**Solution:** `break`."),
        md("### Task 2\n\nWhat does `range(3)` yield?\n\n<details><summary>Show solution</summary>\n\n"
           "The numbers 0, 1 and 2.\n\n</details>"),
        md("### Task 3\n\nWrite a loop that prints 1 to 5."),
        md("Hint: `range` stops before its end."),
    )
    assert found == [
        ("Task 1\n\nName the keyword that leaves a loop early.", "`break`.", ""),
        ("Task 2\n\nWhat does `range(3)` yield?", "The numbers 0, 1 and 2.", ""),
    ]


def test_an_exercises_parts_are_its_cards(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Exercise 4: Fitting a line\n\nThe file holds pairs of readings."),
        md("### 4(a)\n\nLoad the readings."),
        code("data = load('readings.csv')"),
        md("### 4(b)\n\nWhich fit is better?"),
        md("#### Your answer to 4(b):\n\nThe straight line: its residuals show no pattern."),
    )
    assert found == [
        ("4(a)\n\nLoad the readings.", "```python\ndata = load('readings.csv')\n```", "Exercise 4: Fitting a line"),
        ("4(b)\n\nWhich fit is better?", "The straight line: its residuals show no pattern.",
         "Exercise 4: Fitting a line"),
    ]


def test_a_notebook_of_asking_headings_is_still_read_as_a_faq(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Shell questions"),
        md("### Q1. How do I list hidden files?\n\nPass `-a`:"),
        code("ls -a"),
        md("### Q2. What does `cd -` do?\n\nIt returns to the previous folder."),
    )
    assert found == [
        ("How do I list hidden files?", "Pass `-a`:\n\n```python\nls -a\n```", ""),
        ("What does `cd -` do?", "It returns to the previous folder.", ""),
    ]


def test_a_notebook_without_exercises_reads_as_before(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Notes"),
        md("## What is a tuple?\n\nA fixed sequence."),
        md("## Why use one?\n\nAs a dictionary key."),
    )
    assert found == [("What is a tuple?", "A fixed sequence.", ""), ("Why use one?", "As a dictionary key.", "")]


def test_questions_among_exercises_are_cards_and_the_notes_between_them_are_not(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Notes\n\nA dictionary maps keys to values."),
        code("ages = {'ann': 31}"),
        md("What does `ages.get('bob')` return?\n\n`None`: the key is missing."),
        md("Which key did we store first?"),
        code("next(iter(ages))"),
        md("### Exercise 1\n\nAdd `bob`, aged 40."),
        code("ages['bob'] = 40"),
    )
    assert found == [
        ("What does `ages.get('bob')` return?", "`None`: the key is missing.", "Notes"),
        ("Which key did we store first?", "```python\nnext(iter(ages))\n```", "Notes"),
        ("Exercise 1\n\nAdd `bob`, aged 40.", "```python\nages['bob'] = 40\n```", "Notes"),
    ]


def test_a_file_that_is_not_a_notebooks_json_is_read_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.ipynb"
    path.write_text("## What is JSON?\n\nA data format.\n", encoding="utf-8")
    parsed = parsers.parse(sources.read(path))
    assert [(card.question, card.answer) for card in parsed.cards] == [("What is JSON?", "A data format.")]


def test_the_notebooks_title_is_no_exercise_and_headings_that_end_a_task_head_its_solution(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Exercise set 3 - Loops\n\nEach task below has its solution after it."),
        md("## Exercise 1\n\nPrint the numbers 1 to 3.\n\n### With range"),
        code("for n in range(1, 4):\n    print(n)"),
        md("## Exercises for later"),
    )
    assert found == [
        ("Exercise 1\n\nPrint the numbers 1 to 3.",
         "**With range**\n\n```python\nfor n in range(1, 4):\n    print(n)\n```", "Exercise set 3 - Loops"),
    ]


def test_a_solution_loaded_from_another_file_is_no_answer(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Exercise 1\n\nPlot the readings."),
        code("%load solutions/plot_readings.py"),
        md("## Exercise 2\n\nCount the readings."),
        md("### Solution:"),
        code("# %load solutions/count_readings.py"),
        md("## Exercise 3\n\nSum the readings."),
        md("### Solution:"),
        code("# %load solutions/sum_readings.py\ntotal = sum(readings)"),
    )
    assert found == [("Exercise 3\n\nSum the readings.",
                      "```python\n# %load solutions/sum_readings.py\ntotal = sum(readings)\n```", "")]


def test_a_solved_problem_is_one_card_without_the_tests_run_on_it(tmp_path: Path) -> None:
    # A one-problem notebook: its sections (constraints, approach, code) answer it; the unittest case written
    # to a file and the %run of that file check the solution and are neither an answer nor a blank to fill.
    found = cards(
        tmp_path,
        md("# Worked problem"),
        md("## Problem: Tell whether a word reads the same backwards."),
        md("## Constraints\n\n* Is an empty word a palindrome?\n    * Yes"),
        md("## Approach\n\nCompare the word with its reverse."),
        md("## Code"),
        code("def is_palindrome(word):\n    return word == word[::-1]"),
        md("## Unit Test"),
        code("%%writefile test_palindrome.py\nimport unittest\n\n\nclass TestPalindrome(unittest.TestCase):\n"
             "    def test_words(self):\n        self.assertTrue(is_palindrome('level'))"),
        code("%run -i test_palindrome.py"),
    )
    assert found == [(
        "Problem: Tell whether a word reads the same backwards.",
        "**Constraints**\n\n* Is an empty word a palindrome?\n    * Yes\n\n**Approach**\n\n"
        "Compare the word with its reverse.\n\n**Code**\n\n```python\ndef is_palindrome(word):\n"
        "    return word == word[::-1]\n```",
        "Worked problem",
    )]


def test_a_students_copy_with_blanks_left_to_fill_makes_no_card(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Exercise 1\n\nWrite `area(w, h)`."),
        code('def area(w, h):\n    """The area of a w by h rectangle."""\n    return ...'),
        code("assert area(2, 3) == 6"),
        md("## Exercise 2\n\nMake a copy of `names` with one more name."),
        code("names = ['ada', 'alan']"),
        code("# Your implementation here\nlonger = "),
        code("assert names == ['ada', 'alan']"),
        md("## Exercise 3\n\nFill in the blanks."),
        code("shopping = ____\nshopping.____('milk')"),
        md("## Exercise 4\n\nCall `area` on a square of side 5."),
        code("area(...)"),
    )
    assert found == []


def test_a_solved_copy_keeps_the_marker_over_its_own_code(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Exercise 1\n\nWrite `area(w, h)`."),
        code("# Your code here\ndef area(w, h):\n    return w * h"),
        code("assert area(2, 3) == 6"),
        md("## Exercise 2\n\nWrite `perimeter(w, h)`."),
        code("def perimeter(w, h):\n    # YOUR CODE HERE\n    raise NotImplementedError()"),
    )
    assert found == [("Exercise 1\n\nWrite `area(w, h)`.",
                      "```python\n# Your code here\ndef area(w, h):\n    return w * h\n```\n\n"
                      "```python\nassert area(2, 3) == 6\n```", "")]


def test_questions_over_a_blank_for_the_answer_are_no_cards(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## Review"),
        md("**Q1**: What does a `return` without a value give back?"),
        md(" < your answer > "),
        md("**Q2**: Can a function be stored in a list?"),
        md("YOUR ANSWER HERE"),
        md("**Q3**: Which callable is no function?"),
        md("A class: calling it makes an instance."),
    )
    assert found == [("**Q3**: Which callable is no function?", "A class: calling it makes an instance.",
                      "Review")]


def test_numbered_task_headings_over_code_are_exercises(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Array drills\n\nShort tasks, each answered below it."),
        md("#### 1. Make an array of five zeros"),
        code("z = np.zeros(5)"),
        md("#### 2. What does the snippet below print?\n\n```python\nprint(np.arange(3) * 2)\n```"),
        code("%run -i show.py"),
        md("#### 3. Reverse the array `z` in place"),
        code("z = z[::-1]"),
        md("#### 4. Print the type of each item of `z`"),
        code("%timeit -n 3 [type(v) for v in z]"),
    )
    assert found == [
        ("Make an array of five zeros", "```python\nz = np.zeros(5)\n```", "Array drills"),
        ("Reverse the array `z` in place", "```python\nz = z[::-1]\n```", "Array drills"),
        ("Print the type of each item of `z`", "```python\n%timeit -n 3 [type(v) for v in z]\n```",
         "Array drills"),
    ]


def test_numbered_task_headings_over_empty_code_cells_make_no_card(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Array drills"),
        md("#### 1. Make an array of five zeros"),
        code(""),
        md("#### 2. What does the snippet below print?\n\n```python\nprint(np.arange(3) * 2)\n```"),
        code(""),
        md("#### 3. Reverse the array `z` in place"),
        code(""),
    )
    assert found == []


def test_numbered_sections_of_a_tutorial_are_no_exercises(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("## 1. Reading the data\n\nThe readings come as one file per day."),
        code("frames = [read(day) for day in days]"),
        md("## 2. Cleaning the readings"),
        md("Gaps are filled from the day before."),
        code("clean = fill(frames)"),
        md("## 3. Plotting the week"),
        md("One line per sensor."),
        code("plot(clean)"),
    )
    assert all("```python" not in question for question, _, _ in found)


def test_a_task_numbered_under_the_cells_heading_and_a_bonus_task_are_exercises(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Ejercicios\n\n1. Escribe una función que sume dos números."),
        code("def suma(a, b):\n    return a + b"),
        md("2. Escribe una función que reste dos números."),
        code("def resta(a, b):\n    return a - b"),
        md("BONUS:\n3. Escribe una función que multiplique dos números."),
        code("def producto(a, b):\n    return a * b"),
    )
    assert [question.split("\n")[-1] for question, _, _ in found] == [
        "1. Escribe una función que sume dos números.", "2. Escribe una función que reste dos números.",
        "3. Escribe una función que multiplique dos números."]
    assert found[2][1] == "```python\ndef producto(a, b):\n    return a * b\n```"


def test_what_the_code_printed_answers_a_question_that_asks_for_it_and_nothing_else_does(tmp_path: Path) -> None:
    def run(text: str, *outputs: dict[str, object]) -> dict[str, object]:
        cell = code(text)
        cell["outputs"] = list(outputs)
        return cell

    printed = {"output_type": "stream", "name": "stdout", "text": ["3\n", "4\n"]}
    picture = {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": ["<Figure>"]}}
    table = {"output_type": "execute_result", "data": {"text/html": ["<table><tr><td>1</td></tr></table>"],
                                                       "text/plain": ["   a\n0  1"]}}
    found = cards(
        tmp_path,
        md("## Exercise 1\n\nWhat does this print? (easy)\n\n```python\nfor n in (3, 4): print(n)\n```"),
        run("for n in (3, 4):\n    print(n)", printed),
        md("## Exercise 2\n\nPlot the readings."),
        run("plot(readings)", picture),
        md("## Exercise 3\n\nWhich rows are left?"),
        run("frame.dropna()", table),
        md("## Exercise 4\n\nPrint three and four."),
        run("print(3)\nprint(4)", printed),
    )
    assert [answer for _, answer, _ in found] == [
        "```python\nfor n in (3, 4):\n    print(n)\n```\n\n```text\n3\n4\n```",
        "```python\nplot(readings)\n```",
        "```python\nframe.dropna()\n```",
        "```python\nprint(3)\nprint(4)\n```",
    ]


def test_interview_notes_with_a_question_a_cell_make_a_card_of_each_question_in_a_cell(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        md("# Statistics interview notes"),
        md("## Concepts"),
        md("What is a confidence interval?\n- a range that holds the true value\n- at a stated rate"),
        md("Why take logs of skewed data?\n- spreads the small values\n- shrinks the large ones"),
        md("Explain precision:\n- true positives over predicted positives\n\nExplain recall:\n"
           "- true positives over actual positives"),
        md("What is bagging?\n- training on resamples\nWhy does it help?\n- averaging lowers variance"),
        md("When is a median better than a mean?\n- with outliers"),
        md("Which test compares two means?\n- a t-test"),
        md("Covariance vs correlation"),
        md("## Coding"),
        md("Return the larger of two numbers without `max`."),
        code("def larger(a, b):\n    return a if a > b else b"),
    )
    assert [(question, answer) for question, answer, _ in found] == [
        ("What is a confidence interval?", "- a range that holds the true value\n- at a stated rate"),
        ("Why take logs of skewed data?", "- spreads the small values\n- shrinks the large ones"),
        ("Explain precision:", "- true positives over predicted positives"),
        ("Explain recall:", "- true positives over actual positives"),
        ("What is bagging?", "- training on resamples"),
        ("Why does it help?", "- averaging lowers variance"),
        ("When is a median better than a mean?", "- with outliers"),
        ("Which test compares two means?", "- a t-test"),
        ("Return the larger of two numbers without `max`.",
         "```python\ndef larger(a, b):\n    return a if a > b else b\n```"),
    ]
    assert found[-1][2] == "Coding"


def test_numbered_tasks_in_code_comments_are_asked_and_the_code_or_comments_below_answer(tmp_path: Path) -> None:
    found = cards(
        tmp_path,
        code("# load the data first\nrows = [1, 2, 3]"),
        code("# Q1. What does a closure keep?\n# The variables of the scope it was made in."),
        code("# Q2. Print the squares of 1 to 3\nfor n in range(1, 4):\n    print(n * n)"),
        code("# Task 3: a stub\n"),
    )
    assert [(question, answer) for question, answer, _ in found] == [
        ("What does a closure keep?", "The variables of the scope it was made in."),
        ("Print the squares of 1 to 3", "```python\nfor n in range(1, 4):\n    print(n * n)\n```"),
    ]
