"""Code in prose: recognise a code line, and give flattened Python its lines back.

Copying a page as text can flatten a code example onto one line::

    from flask import Flask import joblib app = Flask(__name__) def predict(): ...

Contract: :func:`looks_like_code` says whether a line is code rather than
prose; :func:`language` names the fence language ("python" or ""), and
:func:`reflow_python` returns the statements one per line, or ``None`` when it
cannot be sure. The reflow must never change the program's meaning, so the
result is accepted only if it parses and holds exactly the same tokens as the
flattened line. Statement boundaries are certain (two operands can never
follow each other); where a ``def`` or ``if`` body ends is a judgement, made
with three rules: a body ends after ``return``; ``def``, ``class``,
decorators, imports and ``if __name__`` start at the top level; and a
statement that uses the function's own name, or a name assigned in the body
that a later top-level statement needs, is outside the body.
"""

from __future__ import annotations

import ast
import io
import keyword
import re
import tokenize
from dataclasses import dataclass

_CODE_START = re.compile(
    r"^(?:from\s+[\w.]+\s+import\s|import\s+\w|def\s+\w+\s*\(|class\s+\w+|@\w+|"
    r"\$\s+\w|>>>\s|#include\b|SELECT\s|(?:pip|docker|kubectl|git|conda)\s+[a-z-]+)"
)
_PYTHON = re.compile(r"^(?:from\s+[\w.]+\s+import|import\s+\w|def\s+\w+|class\s+\w+|@\w+|>>>)")
#: Keywords that can only start a statement.
_STATEMENT_KEYWORDS = frozenset(
    {
        "def",
        "class",
        "return",
        "for",
        "while",
        "with",
        "try",
        "raise",
        "pass",
        "break",
        "continue",
        "assert",
        "del",
        "global",
        "nonlocal",
        "except",
        "finally",
        "elif",
    }
)
_HEADER_KEYWORDS = frozenset({"def", "class", "if", "for", "while", "with", "try", "else", "elif", "except", "finally"})
_TOP_LEVEL_ONLY = frozenset({"def", "class", "import", "from", "@"})
_ENDS_BODY = frozenset({"return", "raise"})
_OPERAND_END = frozenset({tokenize.NAME, tokenize.NUMBER, tokenize.STRING})
_OPENERS, _CLOSERS = "([{", ")]}"
_SKIP = frozenset(
    {
        tokenize.NEWLINE,
        tokenize.NL,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENDMARKER,
        tokenize.ENCODING,
        tokenize.COMMENT,
    }
)
_INDENT = "    "


def looks_like_code(line: str) -> bool:
    """True for a line that opens like source code or a shell command, not like a sentence."""
    return bool(_CODE_START.match(line.strip()))


def language(code: str) -> str:
    """The fence language for ``code``: "python" when it reads as Python, else ""."""
    return "python" if _PYTHON.match(code.strip()) else ""


@dataclass
class _Statement:
    tokens: list[tokenize.TokenInfo]
    depth: int = 0

    @property
    def first(self) -> str:
        return self.tokens[0].string

    @property
    def is_header(self) -> bool:
        return self.first in _HEADER_KEYWORDS and self.tokens[-1].string == ":"

    def names(self) -> set[str]:
        """Names the statement uses, attributes (``model.predict``) left out."""
        pairs = zip([None, *self.tokens], self.tokens)
        return {t.string for before, t in pairs if t.type == tokenize.NAME and not (before and before.string == ".")}

    def assigned(self) -> set[str]:
        """Names bound by a plain ``a = …`` or ``a, b = …`` statement."""
        strings = [t.string for t in self.tokens]
        if "=" not in strings:
            return set()
        return {t.string for t in self.tokens[: strings.index("=")] if t.type == tokenize.NAME}


def reflow_python(line: str) -> str | None:
    """The statements of a flattened Python line, one per line and indented; None if unsure."""
    tokens = _tokens(line)
    if tokens is None:
        return None
    statements = _statements(tokens)
    if statements is None or not _indent(statements):
        return None
    # The flattened line is one line, so a statement is the slice between its first and last token.
    text = "\n".join(_INDENT * s.depth + line[s.tokens[0].start[1] : s.tokens[-1].end[1]] for s in statements)
    return text if _same_program(line, text) else None


def _tokens(line: str) -> list[tokenize.TokenInfo] | None:
    try:
        found = list(tokenize.generate_tokens(io.StringIO(line).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return [t for t in found if t.type not in _SKIP]


def _statements(tokens: list[tokenize.TokenInfo]) -> list[_Statement] | None:
    """Split at depth 0 wherever one statement must end and the next begin."""
    statements: list[_Statement] = []
    current: list[tokenize.TokenInfo] = []
    depth = 0
    for index, token in enumerate(tokens):
        if depth == 0 and current and _starts_statement(tokens, index, current):
            statements.append(_Statement(current))
            current = []
        current.append(token)
        depth += (token.string in _OPENERS) - (token.string in _CLOSERS)
        if depth == 0 and token.string == ":" and current[0].string in _HEADER_KEYWORDS and not _in_lambda(current):
            statements.append(_Statement(current))
            current = []
    if depth != 0:
        return None
    return statements + ([_Statement(current)] if current else [])


def _starts_statement(tokens: list[tokenize.TokenInfo], index: int, current: list[tokenize.TokenInfo]) -> bool:
    token, previous = tokens[index], tokens[index - 1]
    word = token.string
    if word in _STATEMENT_KEYWORDS:
        return True
    if word == "import":
        return current[0].string != "from" or any(t.string == "import" for t in current)
    if word == "from":
        return current[0].string not in ("raise", "yield")
    if word == "if":
        return _is_if_statement(tokens, index)
    if word == "@":
        # A decorator hugs its name ("@app.route"); matrix multiplication has spaces.
        return index + 1 < len(tokens) and tokens[index + 1].start == token.end
    if word == "else":
        return not any(t.string == "if" for t in current)
    ends_operand = previous.type in _OPERAND_END and not keyword.iskeyword(previous.string)
    starts_operand = token.type in _OPERAND_END and not keyword.iskeyword(word)
    return starts_operand and (ends_operand or previous.string in _CLOSERS)


def _is_if_statement(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """``if`` starts a statement when its ``:`` comes before any ``else`` (not ``a if b else c``)."""
    depth = 0
    for token in tokens[index + 1 :]:
        depth += (token.string in _OPENERS) - (token.string in _CLOSERS)
        if depth == 0 and token.string in (":", "else"):
            return token.string == ":"
    return False


def _in_lambda(current: list[tokenize.TokenInfo]) -> bool:
    return any(t.string == "lambda" for t in current)


def _indent(statements: list[_Statement]) -> bool:
    """Give each body statement depth 1; False for shapes too deep to judge (nested blocks)."""
    index = 0
    while index < len(statements):
        header = statements[index]
        if not header.is_header:
            index += 1
            continue
        end = _body_end(statements, index)
        body = statements[index + 1 : end]
        if not body or any(s.is_header or s.first == "@" for s in body):
            return False
        for statement in body:
            statement.depth = 1
        index = end
    return True


def _body_end(statements: list[_Statement], header: int) -> int:
    """Index of the first statement after the body of ``statements[header]``."""
    name = statements[header].tokens[1].string if statements[header].first == "def" else None
    end = header + 2
    while end < len(statements):
        previous, statement = statements[end - 1], statements[end]
        if previous.first in _ENDS_BODY or statement.first in _TOP_LEVEL_ONLY or statement.is_header:
            break
        if name and name in statement.names():
            break
        end += 1
    # Names a later top-level statement needs cannot be local to the body.
    while True:
        needed = set().union(*(s.names() for s in statements[end:]))
        local = [i for i in range(header + 2, end) if statements[i].assigned() & needed]
        if not local:
            return end
        end = local[0]


def _same_program(flat: str, text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    before, after = _tokens(flat), _tokens(text)
    return before is not None and after is not None and [t.string for t in before] == [t.string for t in after]
