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
