"""Quiz records that keep their options under their letters (``a``, ``b``, ``c`` beside the question) and name the
right one by its letter, and records whose text (``body``) sits beside its solution: as JSON writes them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qadeck.cli import cli

QUIZ = [
    {"question": "Which gas do plants take in?", "a": "Oxygen", "b": "Carbon dioxide", "c": "Helium",
     "answer": "b"},
    {"q": "Capital of Peru?", "a": "Lima"},
    {"body": "Name the largest ocean.", "solution": "The Pacific"},
]


def test_lettered_options_a_named_letter_and_a_body_beside_its_solution(tmp_path):
    (tmp_path / "quiz.json").write_text(json.dumps(QUIZ), encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "quiz.json")], catch_exceptions=False)
    cards = json.loads(result.stdout)
    assert [(c["question"], c["answer"]) for c in cards] == [
        ("Which gas do plants take in?\n\n- A: Oxygen\n- B: Carbon dioxide\n- C: Helium", "**B**: Carbon dioxide"),
        ("Capital of Peru?", "Lima"),
        ("Name the largest ocean.", "The Pacific"),
    ]
