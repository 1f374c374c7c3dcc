"""Quiz and flashcard data kept in JavaScript or TypeScript modules: what is read, what is left alone.

The shapes a user sees are golden fixtures (``fixtures/details/flashcards-module.js``,
``fixtures/quiz/quiz-module.ts``); these tests check the literal reader's rules (nothing is run or guessed),
which modules a folder reads, and that a program's own code gives no cards and no warnings.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.cli import cli
from qadeck.markups import jsdata

from .conftest import listed as _list, pairs as _pairs


def test_literals_read_javascripts_strings_numbers_and_keys() -> None:
    text = """
    // comments, trailing commas and every way of writing a key
    module.exports = [
      { 'single': 'it\\'s', "double": "tab\\there", bare: `two
lines`, 42: -1.5e1, $cost: 0x1F, flag: true, nothing: null, },
      [1, , 2,],
    ];
    """
    (records,) = jsdata.literals(text)
    assert records == [
        {"single": "it's", "double": "tab\there", "bare": "two\nlines", "42": -15.0, "$cost": 31, "flag": True,
         "nothing": None},
        [1, 2],
    ]
    assert records.line == 3 and records[0].line == 4
    assert records[0].key_lines["42"] == 5


def test_values_that_are_not_literals_are_left_out_never_guessed() -> None:
    text = """
    export default {
      title: "Kept",
      picture: logo,
      count: items.length,
      greeting: `Hello ${name}`,
      joined: "a" + "b",
      added: "a" + suffix,
      upper: "x".toUpperCase(),
      check(answer) { return answer !== "" },
      get total() { return 3 },
      [computed]: "no",
      shorthand,
      ...rest,
      tags: ["one", two, "three"],
      last: "also kept",
    };
    """
    (record,) = jsdata.literals(text)
    assert record == {"title": "Kept", "joined": "ab", "tags": ["one", "three"], "last": "also kept"}


def test_a_literal_that_code_goes_on_to_change_is_not_read() -> None:
    text = """
    const shuffled = [{ q: "Is it read?", a: "No" }].sort(() => Math.random() - 0.5);
    const mapped = [{ q: "Is this?", a: "No" }]
      .map((card) => card);
    const kept = [{ q: "And this one?", a: "Yes" }] as const;
    """
    assert jsdata.literals(text) == [[{"q": "And this one?", "a": "Yes"}]]


def test_a_module_named_for_questions_in_a_folder_is_read_and_its_code_gives_nothing(tmp_path: Path) -> None:
    (tmp_path / "questions.js").write_text(
        'export const questions = [\n'
        '  { question: "What colour is chlorophyll?", answer: "Green" },\n'
        '  { question: "Which organ pumps blood?", answer: "The heart" },\n'
        '];\n', encoding="utf-8")
    # A component named for the quiz it shows: code, with objects and arrays of its own.
    (tmp_path / "Quiz.js").write_text(
        'import { questions } from "./questions";\n'
        'export default function Quiz() {\n'
        '  const state = { question: "", answer: "" };\n'
        '  const layout = { title: "Quiz time", description: "Pick one answer." };\n'
        '  const grid = [["a", "b"], ["c", "d"]];\n'
        '  return questions.map((q) => q.question);\n'
        '}\n', encoding="utf-8")
    # A command-line tool's prompts: questions it asks its user, not cards.
    (tmp_path / "prompts-questions.js").write_text(
        'module.exports = [\n'
        '  { type: "input", name: "title", message: "What is your project called?" },\n'
        '  { type: "list", name: "license", message: "Which license?", choices: ["MIT", "ISC"] },\n'
        '];\n', encoding="utf-8")
    # Records in a test, and in a module whose name does not say it holds Q&A: not read.
    (tmp_path / "quiz.test.js").write_text('const sample = [{ q: "Test question?", a: "Test answer" }];\n',
                                           encoding="utf-8")
    (tmp_path / "helpers.js").write_text('export const sample = [{ q: "Helper question?", a: "Helper answer" }];\n',
                                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _pairs(json.loads(result.stdout)) == [("What colour is chlorophyll?", "Green"),
                                                 ("Which organ pumps blood?", "The heart")]
    said = [line for line in result.stderr.splitlines() if "Quiz.js" in line or "prompts" in line]
    assert said and all(line.endswith(": layout none, 0 cards") for line in said)  # no warning, no finding
    check = CliRunner().invoke(cli, ["check", str(tmp_path)], catch_exceptions=False)
    assert "nothing to report" in check.output


def test_a_module_given_by_name_is_read_whatever_its_name(tmp_path: Path) -> None:
    module = tmp_path / "data.mjs"
    module.write_text('export default {\n  deck: "Verbs",\n  cards: [\n    { front: "to run", back: "correr" },\n'
                      '    { front: "to eat", back: "comer" },\n  ],\n};\n', encoding="utf-8")
    cards = _list(module)
    assert _pairs(cards) == [("to run", "correr"), ("to eat", "comer")]
    assert [card["lines"][0] for card in cards] == [4, 5]


def test_a_question_with_a_list_of_sources_is_still_a_card(tmp_path: Path) -> None:
    # The data-file reader is shared: JSON gains what modules need.
    faq = tmp_path / "faq.json"
    faq.write_text(json.dumps([
        {"question": "Is the museum open on Mondays?", "answer": "No, it is closed.",
         "sources": [{"url": "https://example.org/hours"}]},
        {"question": "Can I take photos?", "answer": "Yes, without flash.", "sources": []},
    ]), encoding="utf-8")
    assert _pairs(_list(faq)) == [("Is the museum open on Mondays?", "No, it is closed."),
                                  ("Can I take photos?", "Yes, without flash.")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="=[]{}()'\"`$\\/*,:;.+-ab1 \n", max_size=80))
def test_reading_any_text_never_fails(text: str) -> None:
    for value in jsdata.literals(text):
        assert isinstance(value, (list, dict))
    assert isinstance(jsdata.to_markdown(text), str)
