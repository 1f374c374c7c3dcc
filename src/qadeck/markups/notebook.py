"""A Jupyter notebook (``.ipynb``) as Markdown: its Markdown cells as written, its code cells fenced.

Notebooks kept as study notes hold their questions in Markdown cells (``### Q1. …``)
and their answers in the cells after them. Outputs are left out: they are what
running the code printed, not what the author wrote. A file that is not a
notebook's JSON is read as the text it is. Line numbers are the Markdown's.

Notebooks of exercises hold a task in a Markdown cell (``## Exercise 3``, ``**12.** Select …``, ``Q4.``,
``Task 2:``; in an nbgrader notebook, the cell over a solution cell) and its solution in the cells after it:
code, a Markdown cell that opens with ``Solution`` or ``Answer``, a ``<details>`` block, nbgrader's solution
cells. When a notebook answers one so, each exercise is written as the ``labelled`` layout's marks (a
``Question`` label over the exercise's cell, a ``Solution`` label over its solution), so the whole statement,
lists and code included, is the question, and the solution the answer. A question among them (a cell whose
first line asks) is one too, answered by the text below that line or by the cells after it. A stub
(``# YOUR CODE HERE``, ``raise NotImplementedError()``) answers nothing, an exercise with no solution is no
card, and the cells outside exercises are no card's (only their headings stay, as sections). A notebook whose
only questions ask in their first line is a FAQ, read as it is written.

A student's copy leaves blanks: code to fill (``____``, ``f(...)``, ``return ...``, a signature over ``pass``),
a Markdown cell saying ``< your answer >``. An exercise with a blank among its cells is unsolved, whatever
set-up and checks surround the blank, and so is a notebook of such exercises: no card. Numbered headings that
state tasks ("#### 12. Reverse a vector") over code cells are exercises too, as are, in a copy with blanks,
headings with a statement over code. A question that asks what code gives is answered by its code and the text
that code printed; pictures and HTML outputs are never text to learn. Interview notes kept a question a cell
("What is a p-value?" over a list, follow-up questions below it) make a card of each asking line in a cell.
A code cell that opens with a numbered exercise's label in a comment (``# Q4. Print …``) is a task cell too: its
opening comment the statement, the code below it (or, with none, the comment lines under the label) its solution.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

#: An exercise's label at the start of its cell: a word that names one (with an optional qualifier before it),
#: then its number or letter, or a colon, a full stop or a dash, or nothing more on the line.
_EXERCISE_WORD = re.compile(
    r"(?:(?:optional|bonus|extra|additional|final|mini)[ \t]+)?"
    r"(?:exercise|exercice|ejercicio|esercizio|exerc[ií]cio|aufgabe|übung|[üu]bungsaufgabe|oefening|ćwiczenie"
    r"|problem|question|task|puzzle|challenge|practice|quiz|step|ex\.?|q"
    r"|bonus(?=[ \t]*#?\d|[ \t*_]*:?[ \t*_]*$))"  # "Bonus 2", "BONUS:" alone; not "Bonus: a faster way …"
    r"(?:(?:[ \t]*#?\d+(?:\.\d+)*[a-z]?|[ \t]+#?(?:[a-z]|[ivx]+))(?![^\W\d_]))?",
    re.IGNORECASE,
)
#: What may follow an exercise's word when no number does: a colon, a full stop, a dash, a bracket.
_AFTER_WORD = re.compile(r"[ \t]*(?:\*\*|__|\*|_)?[ \t]*(?:[:.)\-–—(]|$)")
#: A task's number opening a cell, outside a heading: "**12.**", "**12**.", "12.", "12)".
_NUMBER_LABEL = re.compile(r"(?:\*\*|__)?\d{1,3}(?:\.\d+)*(?:\*\*|__)?[.):](?!\d)")
#: A heading that names a part of an exercise: "### 1.1(a)", "#### (b)", "### Part c)".
_PART = re.compile(r"(?:part[ \t]+)?(?:\d+(?:\.\d+)*[ \t]*)?(?:\([a-z]\)|[a-z]\))", re.IGNORECASE)
#: A part's letter opening a cell, outside a heading: "a. Generate …", "(b) Split …", "**c)** Plot …".
_LETTER_LABEL = re.compile(r"(?:\*\*|__)?(?:\([a-h]\)|[a-h][.)])(?:\*\*|__)?[ \t]+\S")
#: Emphasis, a heading's marks and an emoji before a label ("## 📝 Exercise 2").
_LEAD = re.compile(r"^[ \t]*(?:(#{1,6})[ \t]+)?(?:[^\w\s*_#<\[(`'\"\-+>|.:!$\\]+[ \t]+)?(?:\*\*|__|\*|_)?[ \t]*")
#: A label that opens an answer cell: "Solution", "**Answer:**", "### Solution 3".
_ANSWER_LABEL = re.compile(
    r"(?:(?:sample|suggested|model|possible|my|our|the|your)[ \t]+)?"
    r"(?:solution|answer|ans|réponse|respuesta|lösung|soluzione|resposta|solução|solución|antwort|oplossing)"
    r"(?:[ \t]*#?\d+(?:\.\d+)*[a-z]?)?(?:[ \t]*(?:\*\*|__|\*|_))?[ \t]*[:.]?(?:[ \t]*(?:\*\*|__|\*|_))?",
    re.IGNORECASE,
)
#: A code cell left for the student to fill: no answer.
_STUB = re.compile(r"your (?:code|answer|solution|implementation) (?:goes )?here|NotImplementedError", re.IGNORECASE)
#: Lines a stub is made of: a signature, and a body that does nothing.
_PLACEHOLDER = re.compile(
    r"\s*(?:(?:async\s+)?def\s.*:|class\s.*:|pass|\.\.\.|return(?:\s+None|\s+\.\.\.)?|[\w.]+\s*=\s*(?:None|\.\.\.)?)"
    r"\s*(?:#.*)?$")
#: A unittest case class: the checks a solution notebook runs on the code above it, no answer of its own.
_UNIT_TEST = re.compile(r"^class[ \t]+\w+\([ \t]*(?:unittest\.)?TestCase[ \t]*\)", re.MULTILINE)
#: A line that loads or runs another file (``%load solutions/3.py``, ``%run -i test_x.py``): a solution kept
#: elsewhere, which is not read, or the tests run on the one above. No answer, and no blank left to fill either.
_POINTER = re.compile(r"\s*%(?:load|run)(?:\s+-\S+)*\s+[\w./\\-]+\.(?:py|ipynb)\s*(?:#.*)?$")
#: A blank left in code for the student to fill: ``f(...)``, ``x = ____``, ``my_list.____("a")``, ``y = ...``.
_BLANK = re.compile(r"\(\s*\.\.\.\s*\)|(?<![\w'\"])_{3,}(?![\w'\"])"
                    r"|(?:=|\breturn|\bwith|\bin|^)[ \t]*\.\.\.(?=[ \t]*(?:[:#)]|$))", re.MULTILINE)
#: A docstring, which documents a stub's signature and does none of its work.
_DOCSTRING = re.compile(r'^[ \t]*(?:"""|\'\'\').*?(?:"""|\'\'\')[ \t]*$', re.MULTILINE | re.DOTALL)
#: A Markdown cell left for the student's answer: "< your answer >", "YOUR ANSWER HERE".
_ANSWER_BLANK = re.compile(r"\s*<[^<>\n]*>\s*$|.*answer here", re.IGNORECASE | re.DOTALL)
#: A task's number opening a heading's text, and the text after it: "12. Reverse a vector".
_TASK_NUMBER = re.compile(r"(?:\*\*|__)?(\d{1,3})[.)](?:\*\*|__)?[ \t]+(\S.*)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
#: nbgrader's marks inside a solution cell, and the hidden tests it holds back from students.
_SOLUTION_MARK = re.compile(r"^[ \t]*#+[ \t]*(?:BEGIN|END)[ \t]+SOLUTION[ \t]*(?:\n|$)", re.MULTILINE)
_HIDDEN_TESTS = re.compile(r"^[ \t]*#+[ \t]*BEGIN HIDDEN TESTS.*?^[ \t]*#+[ \t]*END HIDDEN TESTS[ \t]*\n?",
                           re.MULTILINE | re.DOTALL)
_DETAILS = re.compile(r"</?details[^>]*>|<summary[^>]*>.*?</summary>", re.IGNORECASE | re.DOTALL)
#: A line that asks, maybe with a note after it: "What does it print? (★☆☆)".
_QUESTION_LINE = re.compile(r"\?[ \t*_]*(?:\([^()\n]*\)[ \t*_]*)?$", re.MULTILINE)
#: How long the text under a numbered task's heading may be: longer, it is a section's notes.
_TASK_NOTE = 240
#: How many lines of a code cell's output may answer a question: more is a listing, no answer to learn.
_PRINTED_LINES = 12
#: How many Markdown cells, each opening with a line that asks, make a notebook interview notes.
_ASKING_CELLS = 5
#: How many labelled exercises, none answered, make a notebook a set of unsolved exercises rather than notes.
_UNSOLVED_SET = 3
#: The label headings written for an exercise: the ``labelled`` layout's question and answer marks.
QUESTION_LABEL = "###### Question"
ANSWER_LABEL = "###### Solution"


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell with text: its kind ("markdown" or "code"), its source, and what nbgrader's metadata says."""

    kind: str
    text: str
    solution: bool = False  # nbgrader's solution cell (or code between its BEGIN and END SOLUTION marks)
    test: bool = False  # nbgrader's test cell: the grader's checks, no one's answer
    task: bool = False  # nbgrader's task cell: a task answered elsewhere
    printed: str = ""  # a code cell's text output: what its run printed or returned


@dataclass(frozen=True, slots=True)
class Exercise:
    """An exercise's cell, how deep its heading is (7 for none), and its solution's cells (none: unanswered)."""

    cell: int
    level: int
    answer: tuple[int, ...]
    statement: str  # the exercise's own text
    own: str = ""  # its answer in its own cell: a folded ``<details>`` block, the text under a question heading
    numbered: bool = False  # one of a set of task headings: an exercise even when it asks
    left: bool = False  # a cell below it is a blank left for the student's answer

    @property
    def answered(self) -> bool:
        return bool(self.answer or self.own.strip())

    @property
    def asked(self) -> bool:
        """True for an exercise whose first line asks: a FAQ's question, no exercise of its own."""
        return not self.numbered and _asking_line(self.statement.strip().split("\n", 1)[0])


def to_markdown(text: str) -> str:
    try:
        notebook = json.loads(text)
    except ValueError:
        return text
    raw = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(raw, list):
        return text
    language = _language(notebook)
    cells = [piece for cell in raw for piece in _cells(cell)]
    exercises = find_exercises(cells)
    # A notebook whose every question asks in its first line is a FAQ, which the layouts read as it is; one of
    # labelled exercises, or of questions over blanks for their answers, is read as exercises even when none is
    # answered (a student's copy: no card).
    labelled_ = [exercise for exercise in exercises if not exercise.asked]
    if any(exercise.answered for exercise in labelled_) or len(labelled_) >= _UNSOLVED_SET or any(
            exercise.left for exercise in exercises):
        return _as_exercises(cells, exercises, language)
    if _asks_by_cell(cells):
        return _as_cards_by_cell(cells, language)
    parts = []
    for cell in raw:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        body = "".join(source) if isinstance(source, list) else str(source)
        if not body.strip():
            continue
        if cell.get("cell_type") == "code":
            parts.append(f"```{language}\n{body.rstrip()}\n```")
        elif cell.get("cell_type") == "markdown":
            parts.append(body.strip("\n"))
    return "\n\n".join(parts) + "\n"


def _asks_by_cell(cells: list[Cell]) -> bool:
    """True for a notebook kept as interview notes: half its Markdown cells or more (five at least) open with a line
    that asks, the answer under it in the same cell ("What is a p-value?" over a list)."""
    asking = notes = 0
    for cell in cells:
        if cell.kind != "markdown" or cell.text.lstrip().startswith("#"):
            continue
        first, _, rest = cell.text.strip().partition("\n")
        if rest.strip():
            notes += 1
            asking += _asking_line(first)
    return asking >= _ASKING_CELLS and asking * 2 >= notes


def _as_cards_by_cell(cells: list[Cell], language: str) -> str:
    """Interview notes with each question written as the labelled layout's marks: a cell's asking lines (and, in
    a cell that opens with a label such as "Explain Type I error:", its label lines) each over the lines below
    them; code cells stay under the answer above them, and answer a note over them that asks nothing (a coding
    question's statement); headings stay as sections, other notes are left out."""
    parts: list[str] = []
    for i, cell in enumerate(cells):
        if cell.kind == "code":
            if cell.text.strip() and parts:
                parts.append(_fenced(cell.text, language))
            continue
        if cell.text.lstrip().startswith("#"):
            parts.extend(_headings(cell.text))
            continue
        lines = cell.text.strip("\n").split("\n")
        colon = lines[0].rstrip(" *_").endswith(":")
        starts = [n for n, line in enumerate(lines) if _asks_here(line, colon) and n + 1 < len(lines)
                  and (n == 0 or line[:1].isupper() or line.startswith(("**", "__")))]
        if not starts and i + 1 < len(cells) and cells[i + 1].kind == "code" and cells[i + 1].text.strip():
            parts.extend([QUESTION_LABEL, _demoted(cell.text), ANSWER_LABEL])  # a coding question: code answers it
            continue
        for a, b in zip(starts, [*starts[1:], len(lines)]):
            answer = "\n".join(lines[a + 1 : b]).strip("\n")
            if answer.strip():
                parts.extend([QUESTION_LABEL, lines[a].strip(), ANSWER_LABEL, _demoted(answer)])
    return "\n\n".join(parts) + "\n"


def _asks_here(line: str, colon: bool) -> bool:
    """True for a line of a note that asks ("Weakness?") or, where the note opens with a label, labels one."""
    if not line.strip() or line[:1].isspace() or line.lstrip().startswith(("-", "*", "+", ">", "|", "`")):
        return False
    end = line.rstrip(" *_")
    return end.endswith("?") or colon and end.endswith(":") and len(end.split()) >= 2


def _cells(cell: object) -> list[Cell]:
    """A notebook's cell as :class:`Cell` s: none for an empty one or an output, a Markdown cell cut where a
    heading opens a line below its first (an exercise's heading under the note that ends the text above it)."""
    if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown"):
        return []
    source = cell.get("source", "")
    body = "".join(map(str, source)) if isinstance(source, list) else str(source)
    if not body.strip():
        # An empty code cell is kept: under a task, it is the blank left for the student's answer.
        return [Cell("code", "")] if cell["cell_type"] == "code" else []
    metadata = cell.get("metadata")
    grader = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    grader = grader if isinstance(grader, dict) else {}
    marked = cell["cell_type"] == "code" and "BEGIN SOLUTION" in body and bool(_SOLUTION_MARK.search(body))
    solution = grader.get("solution") is True or marked
    test, task = grader.get("grade") is True and not solution, grader.get("task") is True
    pieces = _sections(body) if cell["cell_type"] == "markdown" and "\n" in body.strip() else [body]
    printed = _printed(cell.get("outputs")) if cell["cell_type"] == "code" else ""
    if cell["cell_type"] == "code" and not solution and not test and body.lstrip()[:1] == "#":
        asked = _commented_task(body)
        if asked is not None:
            task, code = asked
            label, _, said = task.partition("\n")
            if not code.strip() and said.strip():  # answered in the comments under it: "# A decorator is …"
                return [Cell("markdown", label), Cell("markdown", f"Answer:\n{said}")]
            return [Cell("markdown", task), *([Cell("code", code, printed=printed)] if code.strip() else [])]
    return [Cell(cell["cell_type"], piece, solution, test, task, printed) for piece in pieces]


def _commented_task(body: str) -> tuple[str, str] | None:
    """A code cell that opens with a numbered exercise's label in a comment (``# Q4. Print the series …``,
    ``# Exercise 2: …``) as the task (its opening comment lines, without their marks) and the code below it;
    None for any other code cell (a comment over code is every notebook's habit, a numbered label is a task's)."""
    lines = body.strip("\n").split("\n")
    rest = lines[0].lstrip("#").strip()
    word = _EXERCISE_WORD.match(rest)
    if word is None or not word.group().rstrip()[-1:].isdigit() or not word.group()[:1].isalpha():
        return None
    end = 0
    while end < len(lines) and lines[end].lstrip().startswith("#"):
        end += 1
    task = "\n".join(line.lstrip().lstrip("#").strip() for line in lines[:end])
    return task, "\n".join(lines[end:])


def _printed(outputs: object) -> str:
    """The text a code cell's run printed or returned: its streams and plain-text results, never its pictures,
    HTML or errors (a picture's base64 or a table's markup is no text to learn)."""
    if not isinstance(outputs, list) or not outputs:
        return ""
    texts = []
    for output in outputs:
        if not isinstance(output, dict):
            continue
        kind = output.get("output_type")
        if kind == "stream" and output.get("name") == "stdout":
            text = output.get("text", "")
        elif kind in ("execute_result", "display_data") and isinstance(output.get("data"), dict):
            data = output["data"]
            if any(key.startswith("image/") or key == "text/html" for key in data):
                continue  # a plot or a rendered table: its plain text is only a placeholder ("<Figure …>")
            text = data.get("text/plain", "")
        else:
            continue
        texts.append("".join(map(str, text)) if isinstance(text, list) else str(text))
    return "".join(texts).strip("\n")


def _sections(text: str) -> list[str]:
    """A Markdown cell's text cut before each heading (outside code fences) below its first line, as high as the
    heading it opens with (a deeper one is a part of its text), and before a paragraph that opens with a label."""
    lines = text.strip("\n").splitlines()
    cuts = [0]
    fence = ""
    top = _level(text)
    for n, line in enumerate(lines):
        opened = _FENCE.match(line)
        if opened and (not fence or opened.group(1) == fence):
            fence = "" if fence else opened.group(1)
            continue
        found = None if fence or not n else _HEADING.match(line)
        if (found and len(found.group(1)) <= top or not fence and n and _labels_paragraph(lines, n)) and any(
                not _RULE.match(before) for before in lines[cuts[-1] : n] if before.strip()):
            cuts.append(n)
            top = _level(line)
    cuts.append(len(lines))
    return ["\n".join(lines[a:b]) for a, b in zip(cuts, cuts[1:])]


def _labels_paragraph(lines: list[str], n: int) -> bool:
    """True for a paragraph that opens with an exercise's word or a bold number ("**26.** In the cell below …"):
    the exercise after a section's notes in the same cell. (A plain "2." there is an item of a list.)"""
    line = lines[n]
    if lines[n - 1].strip() or line[:1].isspace():
        return False
    if line.startswith(("**", "__")) or _EXERCISE_WORD.match(line) is not None:
        return labelled(line)
    # A task numbered plainly under a heading that is all the cell has above it ("# Tasks", then "1. Write …"),
    # unless that heading labels an exercise, whose parts these are.
    return _NUMBER_LABEL.match(line) is not None and all(
        not above.strip() or _HEADING.match(above) and not labelled(above) for above in lines[:n])


def find_exercises(cells: list[Cell]) -> list[Exercise]:
    """The exercises of a notebook, in order, each with the cells that answer it."""
    graded = any(cell.solution for cell in cells)
    title = next((i for i, cell in enumerate(cells) if cell.kind == "markdown"), -1)
    if title >= 0 and _level(cells[title].text) != 1:
        title = -1  # the notebook's title, over its exercises: "# Exercise set 2 - Sorting"
    numbered = _task_headings(cells)
    starts = [i for i, cell in enumerate(cells)
              if i in numbered or i != title and _opens_exercise(cells, i, graded)]
    exercises = []
    for n, start in enumerate(starts):
        level = _level(cells[start].text)
        last = starts[n + 1] if n + 1 < len(starts) else len(cells)
        # Its answer runs to the next heading as high as its own (any heading, for one that opens with none).
        end = next((j for j in range(start + 1, last)
                    if cells[j].kind == "markdown" and _level(cells[j].text) <= min(level, 6)), last)
        answer = _answer(cells, start, end, graded)
        if not answer and len(starts) == 1 and level < 7 and end < last:
            # A notebook's one problem, solved in sections beside it (Constraints, Algorithm, Code): all it holds.
            end = last
            answer = _answer(cells, start, end, graded)
        if start in numbered:  # a task's cell is all statement: its answer is the code cell below
            statement, own = _unruled(cells[start].text), ""
        else:
            statement, own = _own_answer(_unruled(cells[start].text), level, bool(answer))
        left = not answer and any(_blank(cells[j]) or cells[j].kind == "markdown" and _stub(cells[j])
                                  for j in range(start + 1, end))
        exercises.append(Exercise(start, level, answer, statement, own, start in numbered, left))
    return exercises


def _own_answer(text: str, level: int, answered: bool) -> tuple[str, str]:
    """An exercise cell's statement and the answer it holds itself: a ``<details>`` block folded inside it;
    under a heading that asks ("### Q2. How do I …?"), the text below the heading; below a line that asks,
    when no other cell answers it, the lines below."""
    details = text.lower().find("<details")
    if details > 0:
        return text[:details], _DETAILS.sub("", text[details:])
    first, _, rest = text.strip("\n").partition("\n")
    if rest.strip() and _asking_line(first) and (level < 7 or not answered):
        return first, rest
    # Headings that end the cell with nothing under them head the solution's first steps, not the task.
    lines = text.strip("\n").split("\n")
    end = len(lines)
    while end > 1 and (not lines[end - 1].strip() or _HEADING.match(lines[end - 1])):
        end -= 1
    if answered and any(_HEADING.match(line) for line in lines[end:]):
        return "\n".join(lines[:end]), "\n".join(lines[end:])
    return text, ""


def _asking_line(line: str) -> bool:
    return line.rstrip(" #*_").endswith("?")


def _task_headings(cells: list[Cell]) -> set[int]:
    """The cells that open with a heading of a set of tasks, each over the code cell that answers it (or was left
    blank for it): three or more numbered in order, each a sentence ("#### 12. Reverse a vector"); or, in a
    student's copy, headings with a statement below them when a quarter or more of them are over blanks
    ("def f(): pass"). Numbered sections of a tutorial have notes under them, or a name of a word or two."""
    over_code: list[int] = []
    numbered: list[tuple[int, int]] = []
    numbered_headings = blanks = 0
    for i, cell in enumerate(cells):
        if cell.kind != "markdown" or not cell.text.lstrip(" \n").startswith("#"):
            continue
        heading = _HEADING.match(_first_line(cell.text))
        if heading is None or len(_headings(cell.text)) > 1:
            continue  # a cell with headings of its own parts is a section of notes
        code = i + 1 < len(cells) and cells[i + 1].kind == "code"
        if code and cell.text.strip().count("\n"):  # a task states itself below its heading
            over_code.append(i)
            blanks += _blank(cells[i + 1])
        number = _TASK_NUMBER.match(heading.group(2))
        if number and len(number.group(2).split()) >= 3 and len(_prose(cell.text)) <= _TASK_NOTE:
            numbered_headings += 1
            if code:
                numbered.append((i, int(number.group(1))))
    if blanks >= 2 and blanks * 4 >= len(over_code) and not any(
            cell.kind == "markdown" and labelled(cell.text) for cell in cells):
        return set(over_code)  # (a notebook that labels its exercises says which headings are tasks)
    in_order = sum(1 for (_, a), (_, b) in zip(numbered, numbered[1:]) if b == a + 1)
    if in_order < 2 or len(numbered) < 3 or len(numbered) * 4 < numbered_headings * 3:
        return set()
    return {i for i, _ in numbered}


def _prose(text: str) -> str:
    """A cell's text below its first line, without its code blocks (a task's example is no note)."""
    rest = text.strip("\n").partition("\n")[2]
    return re.sub(r"^ {0,3}(```|~~~).*?^ {0,3}\1[ \t]*$", "", rest, flags=re.MULTILINE | re.DOTALL).strip()


def _opens_exercise(cells: list[Cell], i: int, graded: bool) -> bool:
    cell = cells[i]
    if cell.kind != "markdown" or cell.solution or cell.test or _answer_label(cell.text) is not None:
        return False
    if cell.task or labelled(cell.text) or _asking_line(_first_line(cell.text)):
        return True  # a question among exercises (a FAQ's, or a task's) is one of them
    # In an nbgrader notebook, the Markdown over a solution cell states its task.
    return graded and i + 1 < len(cells) and cells[i + 1].solution


def labelled(text: str) -> bool:
    """True when a Markdown cell opens with an exercise's label ("## Exercise 2", "**Q3.**", "**12.** Select …")."""
    first = _first_line(text)
    lead = _LEAD.match(first)
    rest = first[lead.end() :] if lead else first
    word = _EXERCISE_WORD.match(rest)
    if word and (word.group().rstrip()[-1:].isdigit() or _AFTER_WORD.match(rest, word.end())):
        return not (word.group().lower() in ("q", "ex", "ex.") and not word.group()[-1:].isdigit())
    if lead and lead.group(1) and _PART.match(rest):
        return True
    if lead and not lead.group(1) and _LETTER_LABEL.match(first.lstrip()):
        return True
    if lead and not lead.group(1) and _NUMBER_LABEL.match(first.lstrip()):
        return not _lists(text)  # a numbered list of steps is one task's text, not a task a cell
    return False


def _lists(text: str) -> bool:
    """True when a cell's lines after its first go on numbering as a list ("1. …" over "2. …")."""
    return bool(re.search(r"^[ \t]*(?:\*\*|__)?2(?:\*\*|__)?[.)]", text.split("\n", 1)[-1], re.MULTILINE)) \
        and bool(re.match(r"[ \t]*(?:\*\*|__)?1(?:\*\*|__)?[.)]", _first_line(text)))


def _level(text: str) -> int:
    """How deep a cell's opening heading is (7 for a cell that opens with no heading)."""
    found = _HEADING.match(_first_line(text))
    return len(found.group(1)) if found else 7


def _unruled(text: str) -> str:
    """A cell's text from its first line with text on, past rules drawn over it ("---")."""
    lines = text.strip("\n").split("\n")
    while lines and (not lines[0].strip() or _RULE.match(lines[0])):
        lines.pop(0)
    return "\n".join(lines)


def _first_line(text: str) -> str:
    """A cell's first line with text, past rules drawn over it ("---")."""
    return next((line for line in text.splitlines() if line.strip() and not _RULE.match(line)), "")


def _answer(cells: list[Cell], start: int, end: int, graded: bool) -> tuple[int, ...]:
    """The cells after ``start`` (up to ``end``) that answer it: in an nbgrader notebook its solution cells;
    elsewhere the cells up to the last that solves it (code that is no stub, a Markdown answer), or, for an
    exercise that asks a question and has none, the Markdown after it."""
    span = range(start + 1, end)
    if graded:
        return tuple(j for j in span if cells[j].solution and not _stub(cells[j]))
    if any(_blank(cells[j]) for j in span):
        return ()  # the student's cell is still blank: the code around it sets the task up or checks it
    solving = [j for j in span if _solves(cells[j])]
    if solving:
        return tuple(j for j in range(start + 1, solving[-1] + 1) if not _stub(cells[j]) and not _checks(cells[j]))
    if _asks(cells[start].text):
        return tuple(j for j in span if cells[j].kind == "markdown" and not _stub(cells[j]))
    return ()


def _solves(cell: Cell) -> bool:
    if _stub(cell):
        return False
    if cell.kind == "code":
        return not _checks(cell)
    start = _answer_label(cell.text)
    return (start is not None and bool(cell.text[start:].strip())) or "<details" in cell.text.lower()


def _checks(cell: Cell) -> bool:
    """True for a cell of tests: nbgrader's grading cell, or a unittest case written beside the solution."""
    return cell.test or cell.kind == "code" and _UNIT_TEST.search(cell.text) is not None


def _stub(cell: Cell) -> bool:
    """True for a cell that answers nothing: a blank left for the student, or code that is only comments."""
    if cell.kind == "markdown":
        return _ANSWER_BLANK.match(cell.text) is not None
    meant = _meant(cell.text)
    return not _SOLUTION_MARK.search(cell.text) and (
        not meant or _blank(cell) or all(_POINTER.match(line) for line in meant))


def _blank(cell: Cell) -> bool:
    """True for code left for the student to write: a signature over a body that does nothing, blanks to fill
    (``____``, ``f(...)``), or a marker saying where to write (``# YOUR CODE HERE``) over no code of its own."""
    if cell.kind != "code" or _SOLUTION_MARK.search(cell.text):
        return False
    code = cell.text
    if ("..." in code or "___" in code) and _BLANK.search(code):
        return True
    meant = _meant(code)
    if not meant:
        return _STUB.search(code) is not None
    return all(_PLACEHOLDER.match(line) for line in meant)


def _meant(code: str) -> list[str]:
    """A code cell's lines that do something: no comment, docstring or ``raise NotImplementedError``."""
    if '"""' in code or "'''" in code:
        code = _DOCSTRING.sub("", code)
    return [line for line in code.splitlines()
            if line.strip() and not line.lstrip().startswith("#") and "NotImplementedError" not in line]


def _answer_label(text: str) -> int | None:
    """Where an answer cell's text starts after its label ("**Solution:** …"), or None for no label."""
    first = text.lstrip("\n")
    lead = _LEAD.match(first)
    start = lead.end() if lead else 0
    label = _ANSWER_LABEL.match(first, start)
    if label is None:
        return None
    word = label.group().rstrip()
    if first[start + len(word) : start + len(word) + 1].isalnum():
        return None  # "Answers", "Solutions": another word
    if lead and lead.group(1):  # a heading that labels the answer below it: "#### Your answer to 1.1(a): …"
        line_end = first.find("\n")
        return len(text) if line_end < 0 else len(text) - len(first) + line_end + 1
    if not word.endswith((":", ".", "*", "_")) and first[label.end() :].split("\n", 1)[0].strip():
        return None  # "Answer the questions below": a sentence, no label
    return len(text) - len(first) + label.end()


def _asks(text: str) -> bool:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return bool(lines) and lines[-1].rstrip(" *_").endswith("?")


def _as_exercises(cells: list[Cell], exercises: list[Exercise], language: str) -> str:
    """The notebook with each exercise written as the labelled layout's marks, the rest reduced to headings."""
    by_cell = {exercise.cell: exercise for exercise in exercises}
    taken = {j for exercise in exercises for j in exercise.answer}
    parts: list[str] = []
    upcoming = iter(exercises)
    coming = next(upcoming, None)
    for i, cell in enumerate(cells):
        if i in by_cell:
            card = _exercise(cells, by_cell[i], language)
            if card:
                parts.extend(card)
            elif by_cell[i].level < 7:  # an exercise with no solution is no card; its heading heads its parts
                parts.append(_unruled(cell.text).split("\n", 1)[0].strip())
            coming = next(upcoming, None)
        elif i not in taken and cell.kind == "markdown":
            # Headings over the exercises are their sections; those beside them head walkthroughs and notes.
            deepest = coming.level if coming else 7
            parts.extend(line for line in _headings(cell.text) if _level(line) < deepest)
    return "\n\n".join(parts) + "\n"


def _exercise(cells: list[Cell], exercise: Exercise, language: str) -> list[str]:
    """An exercise as the labelled layout reads it: its heading kept (the card's question with the text below it),
    or, for one that opens with no heading, a question label over it; then a solution label over its answer.
    Nothing for one with no answer."""
    if exercise.level < 7:
        heading, _, rest = exercise.statement.strip("\n").partition("\n")
        parts = [heading.strip(), _demoted(rest)]
    else:
        parts = [QUESTION_LABEL, _demoted(exercise.statement)]
    answer = [_demoted(exercise.own).strip()] + [_answer_text(cells[j], language) for j in exercise.answer]
    if _QUESTION_LINE.search(exercise.statement):
        # What the code printed answers a question that asks for it ("What is the result of …?").
        shown = next((cells[j].printed for j in reversed(exercise.answer) if cells[j].kind == "code"), "")
        if shown and shown.count("\n") < _PRINTED_LINES and "```" not in shown:
            answer.append(f"```text\n{shown}\n```")
    answer = [part for part in answer if part]
    return [*parts, ANSWER_LABEL, *answer] if answer else []


def _answer_text(cell: Cell, language: str) -> str:
    if cell.kind == "code":
        return _fenced(_SOLUTION_MARK.sub("", _HIDDEN_TESTS.sub("", cell.text)), language)
    text = cell.text
    start = _answer_label(text)
    if start is not None:
        text = text[start:]
    return _demoted(_DETAILS.sub("", text)).strip()


def _fenced(code: str, language: str) -> str:
    lines = [line for line in code.strip("\n").splitlines()]
    while lines and not lines[-1].strip():
        lines.pop()
    return f"```{language}\n" + "\n".join(lines).rstrip() + "\n```"


def _demoted(text: str) -> str:
    """Markdown whose headings are bold lines: inside a card, a heading would end it or open a section."""
    out = []
    fence = ""
    for line in text.strip("\n").splitlines():
        opened = _FENCE.match(line)
        if opened and (not fence or opened.group(1) == fence):
            fence = "" if fence else opened.group(1)
        found = None if fence or opened else _HEADING.match(line)
        out.append(f"**{found.group(2).strip('*_ ')}**" if found and found.group(2).strip("*_ ") else line)
    return "\n".join(out)


def _headings(text: str) -> list[str]:
    """The headings of a Markdown cell outside code fences."""
    found = []
    fence = ""
    for line in text.splitlines():
        opened = _FENCE.match(line)
        if opened and (not fence or opened.group(1) == fence):
            fence = "" if fence else opened.group(1)
        elif not fence and _HEADING.match(line):
            found.append(line.strip())
    return found


def _language(notebook: dict[str, object]) -> str:
    metadata = notebook.get("metadata")
    info = metadata.get("language_info") if isinstance(metadata, dict) else None
    name = info.get("name") if isinstance(info, dict) else None
    if not isinstance(name, str):
        kernel = metadata.get("kernelspec") if isinstance(metadata, dict) else None
        name = kernel.get("language") if isinstance(kernel, dict) else None
    return name if isinstance(name, str) and name.isidentifier() else ""
