"""text2qti quizzes (the plain text teachers write for Canvas) saved as ``.txt``, read through the CLI as a user's
files are, and text that only looks like one left as it is. Every quiz here was written for these tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qadeck import sources
from qadeck.cli import cli
from qadeck.markups import text2qti

from .listing import listed_file, pairs

QUIZ = """Quiz title: Rivers and metals
Quiz description: A short check
    over two lines.
shuffle answers: true

Title: Cairo
Points: 2
1.  Which river flows through Cairo
    on its way north?
... It ends in a delta.
+   Well done.
-   Look at a map of Egypt.
a)  Danube
*b) Nile
... The longest river in Africa.
c)  Amazon

2.  The Volga is the longest river in Europe.
*a) True
b)  False

GROUP
pick: 1

3.  Which of these flow into the North Sea?
[*] Rhine
[]  Danube
[*] Elbe

END_GROUP

Text: The next questions ask for numbers.

```{.python .run}
print("1.  Never run: this would be a question")
*a) no
```

4.  How long is the Nile, in thousands of kilometres?
=   [6.6, 6.7]

5.  At what temperature does tin melt, in degrees Celsius?
=   231.9 +- 0.5

6.  Which river flows through Paris?
*   Seine
*   la Seine

7.  Describe how a delta forms.
____

8.  Upload a map of a river.
^^^^
"""


def test_a_text2qti_quiz_gives_each_kind_of_question_its_card(tmp_path: Path) -> None:
    path = tmp_path / "rivers.txt"
    path.write_text(QUIZ, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert "6 cards, 2 unanswered" in result.output  # an essay and an upload: nothing to learn by heart
    found = listed_file(tmp_path, "rivers.txt", QUIZ.encode())
    assert pairs(found) == [
        ("Which river flows through Cairo on its way north?\n\n- A: Danube\n- B: Nile\n- C: Amazon",
         "**B**: Nile\n\nThe longest river in Africa.\n\nIt ends in a delta.\n\nWell done."),
        ("The Volga is the longest river in Europe.", "True"),
        ("Which of these flow into the North Sea?\n\n- A: Rhine\n- B: Danube\n- C: Elbe", "**A**: Rhine\n\n**C**: Elbe"),
        ("How long is the Nile, in thousands of kilometres?", "6.6–6.7"),
        ("At what temperature does tin melt, in degrees Celsius?", "231.9 ± 0.5"),
        ("Which river flows through Paris?", "- Seine\n- la Seine"),
    ]
    lines = QUIZ.split("\n")
    starts = [number for number, line in enumerate(lines, 1) if line[:1].isdigit() and ". " in line[:4]]
    assert [card["lines"][0] for card in found] == starts[:6]  # each card points at its question's line


def test_text_that_only_looks_like_a_quiz_is_left_as_it_is(tmp_path: Path) -> None:
    texts = [
        # A plugin readme: numbered steps and a changelog whose versions follow "=".
        "== Installation ==\n\n1. Upload the plugin.\n2. Activate it.\n\n== Changelog ==\n\n= 1.2.0 =\n* Fixes.\n\n"
        "= 1.1.0\n* More fixes.\n",
        # Notes whose list items are starred bullets and whose sums start with "=".
        "1. Add the numbers\n* 2 + 3\n= 5\n\n2. Then double\n* twice five\n= 10\n",
        # Multiple-choice questions marked the Aiken way: the choices layout's.
        "1. Which planet is closest to the sun?\na) Mercury\nb) Venus\nANSWER: A\n\n"
        "2. Which gas makes up most of the air?\na) Oxygen\nb) Nitrogen\nANSWER: B\n",
    ]
    for number, text in enumerate(texts):
        path = tmp_path / f"notes{number}.txt"
        path.write_text(text, encoding="utf-8")
        assert not text2qti.is_quiz(text)
        assert "<summary>Answer</summary>" not in sources.read(path).text  # what the quiz's reading writes


def test_a_quiz_in_markdown_is_markdown(tmp_path: Path) -> None:
    # Only plain text is read as text2qti: a Markdown page with starred options keeps its own reading.
    path = tmp_path / "rivers.md"
    path.write_text(QUIZ, encoding="utf-8")
    assert sources.read(path).text.startswith("Quiz title: Rivers and metals")
