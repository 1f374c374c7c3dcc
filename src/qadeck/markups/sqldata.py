"""Quiz and flashcard apps' SQL scripts (seed data, database dumps) read as the records their tables hold.

Apps keep their cards in a database and commit the script that fills it or a dump of it (``flashcards.sql``,
``quiz.sql``, ``questions-seed.sql``): ``INSERT INTO cards (front, back) VALUES ('…', '…'), …;`` as people and
mysqldump write it, ``INSERT INTO questions VALUES (…)`` whose columns the ``CREATE TABLE`` before it names, and
pg_dump's ``COPY cards (question, answer) FROM stdin;`` followed by tab-separated rows. Nothing is run: the values
that are literals are read (strings in single or double quotes, with MySQL's backslash escapes, numbers, ``NULL``,
booleans); any other (``NOW()``, ``DEFAULT``) is left out of its row. Each row becomes a record keyed by its
table's columns and handed to :mod:`.data` as a JavaScript module's records are, which makes cards of the records
that hold a question and an answer; a script that holds none (a schema, an app's users) gives no text at all.

Tables name their columns as a table does, not as a JSON record does, so two shapes are read here:

* a column naming a side of the card (``side1``/``side2``, ``front_side``, ``card_back``) is that side;
* a table of questions without their answers takes them from the table whose rows point at its rows (an
  ``answers`` or ``options`` table's ``question_id``): the rows marked right (``is_correct``, a ``Y`` flag) or
  named by the question's own right option (its number among them), or the only one;
* options in numbered columns (``option1`` … ``option4``, ``answer-1`` …) are one question's options; a right
  answer given by number counts them from 1, unless a row of the table counts from 0 (it names option 0).
"""

from __future__ import annotations

import re

from . import data
from .datacards import CORRECT_KEYS, norm_key

#: Where a statement whose rows or columns are read starts; the gate every script passes first is a cheaper search.
_STATEMENT = re.compile(
    r"\b(?:(?:insert|replace)(?:\s+(?:low_priority|delayed|high_priority|ignore|or\s+\w+))*\s+into"
    r"|(create)(?:\s+(?:temporary|temp))?\s+table(?:\s+if\s+not\s+exists)?|^(copy))\s+", re.IGNORECASE | re.MULTILINE)
_GATE = re.compile(r"\binto\b|^copy\s", re.IGNORECASE | re.MULTILINE)
_PART = r'(?:`[^`\n]+`|"[^"\n]+"|\[[^\]\n]+\]|[\w$]+)'
_NAME = re.compile(rf"{_PART}(?:\s*\.\s*{_PART})*")
_SPACE = re.compile(r"(?:\s+|--[^\n]*|#[^\n]*|/\*.*?(?:\*/|\Z))*", re.DOTALL)
_VALUES = re.compile(r"values?\b", re.IGNORECASE)
#: A string: single or double quotes (SQLite and MySQL take both), doubled quotes and backslashes escaping; an
#: ``E''`` or ``N''`` string, or one with MySQL's character set before it (``_utf8mb4'…'``).
_STRING = {
    "'": re.compile(r"'((?:[^'\\]|\\.|'')*)'", re.DOTALL),
    '"': re.compile(r'"((?:[^"\\]|\\.|"")*)"', re.DOTALL),
}
_PREFIX = re.compile(r"(?:[EeNn]|_\w+)(?=['\"])")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")
_WORDS = {"null": None, "true": True, "false": False}
_WORD = re.compile(r"[A-Za-z_]+")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "Z": "\x1a", "b": "\b"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
#: What a table's definition holds besides columns.
_CONSTRAINTS = frozenset(("primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext",
                          "spatial", "exclude", "like", "period"))
#: A column naming a side of a card: a side's word with the card's before it or the word side after it.
_SIDE = re.compile(r"^(?:(?:flash)?card)?(front|back)(?:side)?$")
_NUMBERED_SIDES = {"side1": "front", "sidea": "front", "side2": "back", "sideb": "back"}
#: Columns holding one option each, numbered or lettered (``option1``, ``answer_b``, ``choice-3``).
_OPTION = re.compile(r"^(option|opt|choice|answer|ans|alternative|alt|possibleanswer|variant|reponse|respuesta"
                     r"|antwort|opcion|opcao)[_\- ]?([1-9]|[a-h])$")
#: Names of the column saying which option is right (by number, letter or text), beyond :data:`CORRECT_KEYS`.
_CORRECT_COLUMNS = (*CORRECT_KEYS, "correctanswers", "correctoptions", "rightoption", "answer", "solution")
_SKIPPED = object()
#: A question's column, and its text's in a table named for questions (``questions.text``).
_QUESTION_COLUMNS = ("question", "questiontext", "questiontitle", "questionbody", "questioncontent", "prompt")
_TEXT_COLUMNS = ("text", "title", "content", "body", "description", "label")
_ANSWER_COLUMNS = ("answer", "answers", "answertext", "correctanswer", "solution", "back")
#: Columns that mark an option right, and the values that do.
_FLAG_COLUMNS = ("iscorrect", "correct", "isright", "right", "istrue", "isanswer", "flag", "correcta", "richtig")
_TRUE = frozenset(("1", "true", "t", "y", "yes"))
#: A question's own column naming its right option by its number among the question's options.
_RIGHT_COLUMNS = ("correctoption", "correctanswer", "correctchoice", "correctindex", "rightoption", "rightanswer",
                  "correct", "answer")


def to_markdown(text: str) -> str:
    """A script's card and quiz records as Markdown (see :func:`data.values_markdown`); "" when it holds none."""
    if _GATE.search(text) is None:
        return ""
    return tables_markdown(_Reader(text).tables(), text.count("\n") + 1)


def tables_markdown(tables: dict[str, data.LinedList], end: int = 0) -> str:
    """The card and quiz records among tables' rows (each table's by its lower-case name) as Markdown: a script's
    inserted rows, a database's (:mod:`.database`); "" when they hold none."""
    values: list[object] = [_shaped(rows) for rows in _joined(tables).values()]
    return data.values_markdown(values, end) if values else ""


class _Reader:
    """Reads the rows a script inserts, table by table, by offset."""

    def __init__(self, text: str):
        self.text = text
        self.line = data.line_finder(text)
        self.columns: dict[str, list[str]] = {}
        self.rows: dict[str, data.LinedList] = {}

    def tables(self) -> dict[str, data.LinedList]:
        """Each table's rows (records keyed by its columns), in the order the tables are first filled."""
        at = 0
        text = self.text
        while (match := _STATEMENT.search(text, at)) is not None:
            at = match.end()
            name = _NAME.match(text, at)
            if name is None:
                continue
            table = _unquoted(re.split(r"\s*\.\s*", name.group())[-1]).lower()
            at = self.space(name.end())
            if match.group(1):
                at = self.definition(table, at)
            elif match.group(2):
                at = self.copied(table, at)
            else:
                at = self.inserted(table, at)
        return {table: rows for table, rows in self.rows.items() if rows}

    def space(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]  # matches the empty string too

    def definition(self, table: str, at: int) -> int:
        """A ``CREATE TABLE``'s column names, for the inserts that name none."""
        if not self.text.startswith("(", at):
            return at
        parts, end = self.group(at)
        names = []
        for part in parts:
            found = _NAME.match(part.strip())
            if found is None or part.strip().split(None, 1)[0].lower() in _CONSTRAINTS:
                continue
            names.append(_unquoted(found.group()))
        self.columns[table] = names
        return end

    def group(self, at: int) -> tuple[list[str], int]:
        """The comma-separated parts of the parenthesised text opening at ``at`` (quotes and nested parentheses
        kept whole), and the offset after it."""
        text = self.text
        parts: list[str] = []
        depth, start, index = 0, at + 1, at
        while index < len(text):
            char = text[index]
            if char in _STRING:
                found = _STRING[char].match(text, index)
                index = found.end() if found else index + 1
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    parts.append(text[start:index])
                    return parts, index + 1
            elif char == "," and depth == 1:
                parts.append(text[start:index])
                start = index + 1
            index += 1
        return [], len(text)

    def inserted(self, table: str, at: int) -> int:
        """The rows of an ``INSERT``'s ``VALUES``, under the columns it names or its table's."""
        text = self.text
        columns = self.columns.get(table)
        if text.startswith("(", at):
            parts, at = self.group(at)
            columns = [_unquoted(part.strip()) for part in parts]
            at = self.space(at)
        found = _VALUES.match(text, at)
        if found is None or not columns:
            return at
        at = self.space(found.end())
        rows = self.rows.setdefault(table, data.LinedList())
        while text.startswith("(", at):
            row = data.LinedMap()
            row.line = self.line(at)
            at += 1
            for column in columns:
                value, at = self.value(at)
                if value is not _SKIPPED:
                    row[column] = value
                at = self.space(at)
                if not text.startswith(",", at):
                    break
                at += 1
            close = text.find(")", at)
            at = self.space(close + 1 if close >= 0 else len(text))
            rows.append(row)
            if not text.startswith(",", at):
                break
            at = self.space(at + 1)
        return at

    def value(self, at: int) -> tuple[object, int]:
        """The literal at ``at`` and the offset after it; :data:`_SKIPPED` for anything else, skipped to the
        comma or parenthesis that ends it. A cast after a literal (``'text'::varchar``) is passed over."""
        text = self.text
        at = self.space(at)
        prefix = _PREFIX.match(text, at)
        start = prefix.end() if prefix else at
        char = text[start:start + 1]
        value: object = _SKIPPED
        end = at
        if char in _STRING and (found := _STRING[char].match(text, start)) is not None:
            value, end = _unescaped(found.group(1), char), found.end()
        elif (number := _NUMBER.match(text, at)) is not None:
            written = number.group()
            value, end = (int(written) if re.fullmatch(r"[-+]?\d+", written) else float(written)), number.end()
        elif (word := _WORD.match(text, at)) is not None and word.group().lower() in _WORDS \
                and not text.startswith("(", self.space(word.end())):
            value, end = _WORDS[word.group().lower()], word.end()
        after = self.space(end)
        if value is not _SKIPPED and (text.startswith("::", after) or text[after:after + 1] in (",", ")")):
            if text.startswith("::", after):
                return value, self.skip(after)
            return value, end
        return _SKIPPED, self.skip(at)

    def skip(self, at: int) -> int:
        """The offset of the comma or closing parenthesis that ends the value at ``at``."""
        text = self.text
        depth = 0
        while at < len(text):
            char = text[at]
            if char in _STRING:
                found = _STRING[char].match(text, at)
                at = found.end() if found else at + 1
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    return at
                depth -= 1
            elif char == "," and depth == 0 or char == ";":
                return at
            at += 1
        return at

    def copied(self, table: str, at: int) -> int:
        """The rows of pg_dump's ``COPY table (columns) FROM stdin;``: a line each, values apart by tabs, ``\\N``
        for null, up to the line ``\\.``."""
        text = self.text
        if not text.startswith("(", at):
            return at
        parts, at = self.group(at)
        columns = [_unquoted(part.strip()) for part in parts]
        header = re.compile(r"\s*from\s+stdin\b[^\n]*\n", re.IGNORECASE).match(text, at)
        if header is None or not columns:
            return at
        at = header.end()
        rows = self.rows.setdefault(table, data.LinedList())
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end].rstrip("\r")
            if line == "\\.":
                return end
            row = data.LinedMap()
            row.line = self.line(at)
            for column, field in zip(columns, line.split("\t")):
                row[column] = None if field == "\\N" else _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)),
                                                                      field)
            rows.append(row)
            at = end + 1
        return at


def _unquoted(name: str) -> str:
    return name[1:-1] if name[:1] in "`\"[" and len(name) > 1 else name


def _unescaped(written: str, quote: str) -> str:
    """A string's text: its doubled quotes single, MySQL's backslash escapes read (``\\n``, ``\\'``); any other
    backslash is kept as written (a PostgreSQL string's are its text)."""
    text = written.replace(quote * 2, quote)
    if "\\" not in text:
        return text
    return re.sub(r"\\([ntr0Z'\"\\])", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


def _shaped(rows: data.LinedList) -> data.LinedList:
    """A table's rows with their columns read as a card's (see the module's docstring)."""
    columns = _columns(rows)
    renamed = {}
    for column in columns:
        norm = norm_key(column)
        side = _NUMBERED_SIDES.get(norm) or (found.group(1) if (found := _SIDE.match(norm)) else None)
        if side and side != norm and not any(norm_key(other) == side for other in columns):
            renamed[column] = side
    options = [column for column in columns if _OPTION.match(column.lower().strip())]
    if len({_OPTION.match(column.lower().strip()).group(1) for column in options}) != 1:  # type: ignore[union-attr]
        options = []
    if len(options) < 2:
        options = []
    right = next((column for name in _CORRECT_COLUMNS for column in columns
                  if norm_key(column) == name and column not in options), None) if options else None
    if not renamed and not options:
        return rows
    base = _first_number(rows, right)
    shaped = data.LinedList()
    shaped.line = rows.line
    for row in rows:
        record = data.LinedMap()
        record.line = row.line
        for column, value in row.items():
            if column not in options:
                record[renamed.get(column, column)] = value
        if options:
            texts = [str(row[column]) for column in options if row.get(column) not in (None, "")]
            record["options"] = texts
            pointed = _pointed(row.get(right), texts, base) if right is not None else None
            if right is not None and isinstance(pointed, int):
                del record[right]
                record["correct"] = pointed  # counted from 0 now, as :mod:`.datacards` counts
        shaped.append(record)
    return shaped


def _first_number(rows: data.LinedList, column: str | None) -> int:
    """What the table's options are counted from in ``column`` (the right one's number): 0 when a row names
    option 0, else 1."""
    return 0 if column and any(row.get(column) in (0, "0") for row in rows) else 1


def _pointed(value: object, texts: list[str], base: int) -> object:
    """The option a right answer names: its index from 0 when it is a number counted from ``base`` (and not one of
    the options' own texts); as written otherwise (a letter, a text: :mod:`.datacards` reads those)."""
    written = str(value).strip() if value is not None and not isinstance(value, bool) else ""
    if not re.fullmatch(r"\d+", written) or written in texts:
        return value
    index = int(written) - base
    return index if 0 <= index < len(texts) else value


def _joined(tables: dict[str, data.LinedList]) -> dict[str, data.LinedList]:
    """The tables with each table of unanswered questions given its answers from the table pointing at it (see
    the module's docstring); that table is then left out."""
    joined = dict(tables)
    for name, rows in tables.items():
        columns = _columns(rows)
        question = next((column for column in columns if norm_key(column) in _QUESTION_COLUMNS), None)
        if question is None and "question" in name:
            question = next((column for column in columns if norm_key(column) in _TEXT_COLUMNS), None)
        if question is None or any(norm_key(column) in _ANSWER_COLUMNS for column in columns):
            continue
        found = _answers(name, rows, columns, tables)
        if found is not None:
            child, joined[name] = found
            joined.pop(child, None)
    return joined


def _columns(rows: data.LinedList) -> list[str]:
    columns = list(rows[0]) if rows else []
    for row in rows[1:]:
        columns += [column for column in row if column not in columns]
    return columns


def _answers(name: str, rows: data.LinedList, columns: list[str],
             tables: dict[str, data.LinedList]) -> tuple[str, data.LinedList] | None:
    """The table holding the answers of the questions ``rows`` (table ``name``) and those rows with them."""
    key = next((column for column in columns if norm_key(column) in ("id", "code", "number", "questionnumber",
                                                                  "questionno", "questionid", "qid")), None)
    if key is None:
        return None
    single = name[:-1] if name.endswith("s") else name
    keyed = norm_key(key)
    pointing = {f"{word}{end}" for word in ("question", "q", norm_key(single)) for end in ("id", keyed)}
    for child, options in tables.items():
        if child == name:
            continue
        child_columns = _columns(options)
        reference = next((column for column in child_columns if norm_key(column) in pointing
                          or keyed not in ("id", "code") and norm_key(column) == keyed), None)
        if reference is None and keyed == "id" and "answer" in child and len(options) == len(rows):
            # An answers table keyed as the questions are, a row each: the questions' other half.
            reference = next((column for column in child_columns if norm_key(column) == "id"), None)
        if reference is None:
            continue
        text = next((column for column in child_columns if column != reference and not norm_key(column).endswith("id")
                     and norm_key(column) not in _FLAG_COLUMNS and any(isinstance(row.get(column), str) for row in options)
                     ), None)
        if text is None:
            continue
        flag = next((column for column in child_columns if norm_key(column) in _FLAG_COLUMNS), None)
        return child, _answered(rows, key, options, reference, text, flag)
    return None


def _answered(rows: data.LinedList, key: str, options: data.LinedList, reference: str, text: str,
              flag: str | None) -> data.LinedList:
    """Each question of ``rows`` with its options (``text`` of the ``options`` whose ``reference`` is its
    ``key``) and the right ones."""
    given: dict[str, list[tuple[str, bool]]] = {}
    for option in options:
        value = option.get(text)
        if value is None or not str(value).strip():
            continue
        right = flag is not None and str(option.get(flag)).strip().lower() in _TRUE
        given.setdefault(str(option.get(reference)), []).append((str(value), right))
    pointer = next((column for column in _columns(rows) if norm_key(column) in _RIGHT_COLUMNS), None)
    base = _first_number(rows, pointer)
    out = data.LinedList()
    out.line = rows.line
    for row in rows:
        record = data.LinedMap(row)
        record.line = row.line
        found = given.get(str(row.get(key)), [])
        texts = [value for value, _ in found]
        right = [index for index, (_, marked) in enumerate(found) if marked]
        if pointer is not None and not right:
            pointed = _pointed(row.get(pointer), texts, base)
            right = [pointed] if isinstance(pointed, int) else []
        if pointer is not None:
            record.pop(pointer)
        if len(texts) == 1 and flag is None:
            record["answer"] = texts[0]
        elif texts:
            record["options"] = texts
            if right:
                record["correct"] = right if len(right) > 1 else right[0]
        out.append(record)
    return out
