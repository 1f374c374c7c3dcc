"""Flattened Python gets its lines back only when the result is the same program."""

from __future__ import annotations

import ast

import pytest

from qadeck.parsers.repair.codeflow import language, looks_like_code, reflow_python


@pytest.mark.parametrize(
    ("flat", "lines"),
    [
        ("import os x = 1 print(x)", ["import os", "x = 1", "print(x)"]),
        ("from a import b, c import d", ["from a import b, c", "import d"]),
        ("y = 1 if x else 2 z = y", ["y = 1 if x else 2", "z = y"]),
        ("def f(x): y = x * 2 return y f(3)", ["def f(x):", "    y = x * 2", "    return y", "f(3)"]),
        # The body ends before a statement that uses the function's own name ...
        ("def g(): print('hi') h = g", ["def g():", "    print('hi')", "h = g"]),
        # ... and before an assignment that such a statement needs.
        ("def g(): print('hi') n = 2 h = (g, n)", ["def g():", "    print('hi')", "n = 2", "h = (g, n)"]),
        ("@app.get('/') def home(): return 'ok'", ["@app.get('/')", "def home():", "    return 'ok'"]),
        ("if __name__ == '__main__': main()", ["if __name__ == '__main__':", "    main()"]),
        ("d = {'a': [1, 2], 'b': (3, 4)} print(d['a'])", ["d = {'a': [1, 2], 'b': (3, 4)}", "print(d['a'])"]),
    ],
)
def test_reflow(flat: str, lines: list[str]) -> None:
    code = reflow_python(flat)
    assert code is not None and code.split("\n") == lines
    ast.parse(code)


@pytest.mark.parametrize(
    "flat",
    [
        "class A: def f(self): return 1",  # nested blocks: too deep to judge
        "def f(: pass",  # not Python
        "x = (1, 2",  # unbalanced
        "for i in x: for j in i: print(j)",
    ],
)
def test_no_reflow_when_unsure(flat: str) -> None:
    assert reflow_python(flat) is None


def test_code_lines_and_language() -> None:
    assert looks_like_code("from flask import Flask app = Flask(__name__)")
    assert looks_like_code("docker build -t app .")
    assert not looks_like_code("From the start, import duties were high.")
    assert not looks_like_code("Define the model before training it.")
    assert language("import json json.dumps({})") == "python"
    assert language("docker build -t app .") == ""
