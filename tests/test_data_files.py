"""Q&A data files (JSON, YAML, TOML) through the CLI: what a user of each shape sees.

The shapes themselves are golden fixtures (``fixtures/details/*.json``, ``fixtures/quiz/quiz-data.json``);
these tests check what only the whole command shows: the author's level and tags on the cards,
a schema making no cards, a broken file named with its line, and which files a folder reads.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers, sources
from qadeck.cli import cli
from qadeck.errors import SourceError
from qadeck.markups import datacards

from .conftest import listed as _list

FIXTURES = Path(__file__).parent / "fixtures"


def test_difficulty_and_tags_keys_give_the_authors_level_and_anki_tags() -> None:
    cards = {card["question"]: card for card in _list(FIXTURES / "details" / "flashcards-front-back.json")}
    stash = cards["What does `git stash` do?"]
    assert (stash["difficulty"], stash["difficulty_from"]) == ("easy", "author")
    assert {"git", "version_control"} <= set(stash["tags"])  # Anki's tags have no spaces
    assert not any(tag.startswith("difficulty/") for tag in stash["tags"])
    main = cards["Is <main> a branch?"]
    assert (main["difficulty"], main["difficulty_from"]) == ("hard", "author")
    assert cards["HEAD"]["difficulty_from"] == "rules"


def test_a_numbered_difficulty_is_read_on_the_files_scale() -> None:
    cards = _list(FIXTURES / "quiz" / "quiz-data.json")
    assert [(card["difficulty"], card["difficulty_from"]) for card in cards] == [
        ("easy", "author"), ("hard", "author"), ("medium", "rules"), ("medium", "author"),
    ]


def test_untrusted_html_in_a_data_file_stays_text() -> None:
    cards = _list(FIXTURES / "details" / "faq-jsonld.json", FIXTURES / "details" / "faq-groups.json")
    html = " ".join(str(card["answer_html"]) for card in cards)
    assert "<script" not in html and "alert(1)" not in html
    assert "Yes &lt;/details&gt; and monthly." in html


def test_a_json_schema_makes_no_cards(tmp_path: Path) -> None:
    schema = tmp_path / "faq.schema.json"
    schema.write_text(json.dumps({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "FAQ",
        "type": "object",
        "properties": {"question": {"type": "string", "title": "Question", "description": "What is asked"},
                       "answer": {"type": "string", "title": "Answer", "description": "What is answered"}},
    }), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(schema)], catch_exceptions=False)
    assert "no entries with a question and an answer in this data file" in result.output
    assert "What is asked" not in result.output


def test_a_broken_json_file_is_named_with_its_line_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "faq.json").write_text('[\n  {"q": "Is it free?", "a": "Yes."},\n  {"q": "Is it fast?" "a": "Yes."}\n]\n',
                                       encoding="utf-8")
    (tmp_path / "flashcards.json").write_text('[{"front": "a?", "back": "b"}, {"front": "c?", "back": "d"}]',
                                              encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"{tmp_path / 'faq.json'}:3: not valid JSON: Expecting ',' delimiter (column 23); skipped" in result.output
    assert "Traceback" not in result.output
    alone = CliRunner().invoke(cli, ["list", str(tmp_path / "faq.json")], catch_exceptions=False)
    assert alone.exit_code != 0
    assert "faq.json:3: not valid JSON" in alone.output


def test_a_folder_reads_crowdanki_decks_and_vocabulary_files_but_not_slide_decks(tmp_path: Path) -> None:
    for name in ("deck.json", "vocabulary.yml", "preguntas.json", "deck.pdf", "package.json"):
        (tmp_path / name).write_text("[]", encoding="utf-8")
    found = sources.collect([tmp_path])
    assert [path.name for path in found.files] == ["deck.json", "preguntas.json", "vocabulary.yml"]


def test_a_folder_reads_data_files_named_for_words_but_not_passwords_or_locales(tmp_path: Path) -> None:
    (tmp_path / "vocabulary").mkdir()
    for name in ("english-words.json", "passwords.json", "keywords.yml", "en.json", "vocabulary/animals.yml"):
        (tmp_path / name).write_text("[]", encoding="utf-8")
    found = sources.collect([tmp_path])
    assert sorted(path.name for path in found.files) == ["animals.yml", "english-words.json"]


_KEYS = st.sampled_from([
    "question", "answer", "q", "a", "front", "back", "options", "answers", "correct", "answer_index", "tags",
    "difficulty", "category", "title", "items", "questions", "english", "german", "$schema", "type", "properties",
    "explanation", "isCorrect", "text", "example", "fields", "notes", "note_models", "__type__", "name", "children",
    "flds", "tmpls", "qfmt", "afmt", "sortf", "note_model_uuid", "crowdanki_uuid", "Is it?",
])
_LEAVES = (st.none() | st.booleans() | st.integers(-3, 30) | st.floats(allow_nan=False, allow_infinity=False)
           | st.sampled_from(["Deck", "m", "B", "{{Front}}", "[1, 2]", "hard", "x\ny", "<details>"]) | st.text(max_size=12))
_DATA = st.recursive(
    _LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS | st.text(max_size=4), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(value=_DATA)
def test_no_data_makes_the_reader_fail(value: object) -> None:
    # Data files are untrusted: whatever shape their values take, reading them gives text, never an error.
    assert isinstance(markups.to_markdown(".json", json.dumps(value)), str)
    assert isinstance(markups.to_markdown(".yml", yaml.safe_dump(value)), str)


def test_a_data_file_of_one_entry_is_a_deck_of_one(tmp_path: Path) -> None:
    (tmp_path / "faq.json").write_text('{"q": "Is it free?", "a": "Yes."}', encoding="utf-8")
    (tmp_path / "quiz.json").write_text('[{"question": "Which is a fruit?", "options": ["Apple", "Carrot"], "answer": 0}]',
                                        encoding="utf-8")
    cards = _list(tmp_path / "faq.json", tmp_path / "quiz.json")
    assert [(card["question"], card["answer"]) for card in cards] == [
        ("Is it free?", "Yes."), ("Which is a fruit? (A) Apple (B) Carrot", "**A**: Apple"),
    ]


def test_a_broken_toml_file_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "faq.toml").write_text('[[faq]]\nquestion = "Is it free?"\nanswer = "Yes.\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path / "faq.toml")], catch_exceptions=False)
    assert result.exit_code != 0
    assert "faq.toml:3: not valid TOML" in result.output
    assert "Traceback" not in result.output


def test_a_folder_reads_a_toml_faq_but_not_a_sites_config(tmp_path: Path) -> None:
    (tmp_path / "faq.toml").write_text('[[faq]]\nq = "Is it free?"\na = "Yes."\n', encoding="utf-8")
    (tmp_path / "hugo.toml").write_text('title = "Is this read?"\n[params]\ndescription = "No."\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("## Is this read?\n\nYes.\n\n## And this?\n\nToo.\n", encoding="utf-8")
    cards = _list(tmp_path)
    assert [(card["source"], card["question"], card["lines"]) for card in cards] == [
        ("faq.toml", "Is it free?", [1, 1]), ("notes.md", "Is this read?", [1, 3]), ("notes.md", "And this?", [5, 7]),
    ]


_TOML_LINES = st.sampled_from([
    "[[faq]]", "[[faq.items]]", "[faq]", "[faq.more]", "[ 'a b' . c ]", 'q = "Is it?"', 'a = "Yes."',
    "question = 'Why?'", 'answer = """', '[[faq]] # inside', '"""', "x = [ { q = 'In?', a = 'Line.' } ]", "", "# note",
])


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(_TOML_LINES, max_size=12))
def test_a_toml_file_gives_text_or_names_its_error(lines: list[str]) -> None:
    # Whatever order tables, arrays of tables and strings come in, the reader gives text or a SourceError.
    try:
        assert isinstance(markups.to_markdown(".toml", "\n".join(lines)), str)
    except SourceError as exc:
        assert "not valid TOML" in str(exc)


def test_vocabulary_entries_keyed_by_language_codes_are_cards(tmp_path: Path) -> None:
    (tmp_path / "vocabulary.json").write_text(json.dumps({
        "family": [
            {"ja": "かぞく", "romaji": "kazoku", "es": "familia"},
            {"ja": "あに", "romaji": "ani", "es": ["hermano mayor", "mi hermano"]},
        ],
        "A1": [{"hy": "և", "ru": ["и"], "en": ["and"]}],
    }, ensure_ascii=False), encoding="utf-8")
    cards = _list(tmp_path / "vocabulary.json")
    assert [(card["question"], card["answer"], card["section"]) for card in cards] == [
        ("かぞく", "familia\n\n**Romaji:** kazoku", "family"),
        ("あに", "- hermano mayor\n- mi hermano\n\n**Romaji:** ani", "family"),
        ("և", "и\n\n**En:** and", "A1"),  # a list of one meaning is that meaning; a third language follows
    ]


def test_a_third_language_follows_the_answer_and_three_letter_codes_are_languages(tmp_path: Path) -> None:
    (tmp_path / "words.json").write_text(json.dumps([
        {"en": "house", "uk": "будинок", "de": "das Haus"},
        {"jap": "いぬ", "eng": "dog"},
    ], ensure_ascii=False), encoding="utf-8")
    assert [(card["question"], card["answer"]) for card in _list(tmp_path / "words.json")] == [
        ("house", "будинок\n\n**De:** das Haus"), ("いぬ", "dog"),
    ]


def test_keys_that_only_look_like_language_codes_make_no_vocabulary(tmp_path: Path) -> None:
    # An identifier and a yes/no flag are no languages: a record of them is no card.
    (tmp_path / "deck.json").write_text(json.dumps([{"id": "w1", "no": "x", "is": "y"}, {"id": "w2", "no": "z"}]),
                                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path / "deck.json")], catch_exceptions=False)
    assert result.exit_code != 0 and "no questions with answers" in result.output


def test_a_vocabulary_kept_as_a_mapping_gives_a_card_a_word_each_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "words.json").write_text(
        '{\n  "animals": {\n    "Hund": ["dog", "hound"],\n    "Katze": "cat"\n  },\n'
        '  "food": {\n    "Brot": "bread", "die Milch": "milk"\n  }\n}\n', encoding="utf-8")
    cards = _list(tmp_path / "words.json")
    assert [(card["question"], card["answer"], card["section"], card["lines"][0]) for card in cards] == [
        ("Hund", "- dog\n- hound", "animals", 3),
        ("Katze", "cat", "animals", 4),
        ("Brot", "bread", "food", 7),
        ("die Milch", "milk", "food", 7),  # two words on one line: both point at it
    ]


@pytest.mark.parametrize(("name", "text"), [
    ("en.json", json.dumps({"app_title": "My app", "greeting": "Hello, {name}!", "nav.home": "Home",
                            "saveButton": "Save"})),
    ("de.json", json.dumps({"save": "Save", "cancel": "Cancel", "delete": "Delete item", "help": "Help"})),
    ("vocab.json", json.dumps({"the": 1, "a": 2, "q": 3, "of": 4, "dog": 5})),
    ("package.json", json.dumps({"name": "app", "version": "1.0.0", "description": "An app", "main": "index.js"})),
    ("vocab.yml", "server:\n  host: localhost\n  debug: true\nlogging:\n  level: info\n"),
    ("vocab.yaml", "title: My site\ndescription: Notes\ntheme: minima\n"),
])
def test_configs_locale_files_and_token_vocabularies_make_no_cards(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path / name)], catch_exceptions=False)
    assert result.exit_code != 0 and "no questions with answers" in result.output


_STUDIED = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß ", min_size=2, max_size=12).map(lambda word: " ".join(word.split())).filter(
    # Not a program's or a site's own field names, which make a mapping a config, nor languages' names or codes,
    # which make it a record of one word in two languages ({"ca": …, "da": …}): the reader's own lists (private,
    # so that this test and the reader cannot disagree on which words those are).
    lambda word: len(word) >= 2 and word not in datacards._FIELD_NAMES
    and word not in datacards._LANGUAGES and word not in datacards._LANGUAGE_CODES)
_MEANT = st.text(alphabet="абвгдежзиклмнопрстуя ", min_size=1, max_size=12).map(lambda text: " ".join(text.split())).filter(bool)


@settings(max_examples=40, deadline=None)
@given(words=st.dictionaries(_STUDIED, _MEANT, min_size=2, max_size=8), as_yaml=st.booleans())
def test_every_word_of_a_vocabulary_mapping_is_a_card_on_its_own_line(words: dict[str, str], as_yaml: bool) -> None:
    text = yaml.safe_dump(words, allow_unicode=True) if as_yaml else json.dumps(words, ensure_ascii=False, indent=1)
    with tempfile.TemporaryDirectory() as folder:  # hypothesis runs many examples per test: no tmp_path
        path = Path(folder) / ("vocab.yml" if as_yaml else "vocab.json")
        path.write_text(text, encoding="utf-8")
        cards = parsers.parse(sources.read(path)).cards
    assert {card.question: card.answer for card in cards} == words
    written = text.split("\n")
    for card in cards:  # the card's line holds its word
        assert card.question in written[card.lines[0] - 1] or json.dumps(card.question) in written[card.lines[0] - 1]


def _alias_bomb(levels: int) -> list[str]:
    lines = ['a0: &a0 [{question: "Is it?", answer: "Yes."}, {question: "Is it?", answer: "Yes."}]']
    return lines + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}]" for n in range(1, levels)]


def test_yaml_aliases_that_stand_for_billions_of_values_are_an_error_not_a_hang(tmp_path: Path) -> None:
    # Fourteen lines that stand for millions of entries ("a billion laughs"): every entry's walk would visit them.
    (tmp_path / "faq.yml").write_text("\n".join(_alias_bomb(14)) + "\n", encoding="utf-8")
    (tmp_path / "post.md").write_text("---\ntitle: Post\n" + "\n".join(_alias_bomb(14)) + "\n---\n\n## Is it?\n\nYes.\n\n"
                                      "## Is that?\n\nNo.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "faq.yml: YAML aliases that repeat its values over 1,000,000 times: not read; skipped" in result.output
    assert "Is that?" in result.output  # the page's own questions are read, its front matter's bomb is not


def test_a_few_yaml_aliases_are_read_as_the_values_they_repeat(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text("\n".join(_alias_bomb(3)) + "\n", encoding="utf-8")
    assert len(_list(tmp_path / "faq.yml")) == 2 + 6 + 18


def test_a_true_or_false_answer_is_the_cards_answer_and_other_true_values_are_flags(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.yaml"
    quiz.write_text(
        "- question: A byte always holds eight bits on every machine ever built.\n"
        "  type: true-false\n  answer: false\n  explanation: Some early machines had six- or nine-bit bytes.\n"
        "- question: Unicode can encode more than 65,536 characters.\n  answer: true\n"
        "- question: What does ASCII stand for?\n  answer: American Standard Code for Information Interchange\n"
        "  reviewed: true\n",
        encoding="utf-8")
    answers = {card["question"]: card["answer"] for card in _list(quiz)}
    assert answers == {
        "A byte always holds eight bits on every machine ever built.":
            "False\n\nSome early machines had six- or nine-bit bytes.",
        "Unicode can encode more than 65,536 characters.": "True",
        "What does ASCII stand for?": "American Standard Code for Information Interchange",
    }


TRIVIA = {"response_code": 0, "results": [
    {"type": "multiple", "difficulty": "easy", "category": "Science &amp; Nature",
     "question": "Which metal has the symbol &quot;Fe&quot;?", "correct_answer": "Iron",
     "incorrect_answers": ["Tin", "Lead", "Copper"]},
    {"type": "boolean", "difficulty": "hard", "category": "History",
     "question": "Rome was founded in the year 1000.", "correct_answer": "False", "incorrect_answers": ["True"]},
]}


def test_a_trivia_dump_naming_its_right_and_wrong_answers_apart_is_a_quiz(tmp_path: Path) -> None:
    # Open Trivia DB's shape: the right answer and the wrong ones under their own names, text with HTML entities.
    path = tmp_path / "trivia.json"
    path.write_text(json.dumps(TRIVIA), encoding="utf-8")
    cards = _list(path)
    assert [(card["question"], card["answer"], card["difficulty"], card["topics"][0]) for card in cards] == [
        ("Which metal has the symbol &quot;Fe&quot;?\n\n- A: Copper\n- B: Iron\n- C: Lead\n- D: Tin", "**B**: Iron",
         "easy", "science-nature"),
        ("Rome was founded in the year 1000.", "False", "hard", "history"),  # true or false: no options
    ]
    result = CliRunner().invoke(cli, ["export", "csv", str(path), "-o", str(tmp_path / "t.csv")])
    assert result.exit_code == 0, result.output
    assert 'Which metal has the symbol ""Fe""?' in (tmp_path / "t.csv").read_text(encoding="utf-8")  # as shown


def test_a_records_question_written_in_inline_html_reads_as_markdown(tmp_path: Path) -> None:
    # Apps that show their cards as HTML keep the question so; angle brackets that are no markup stay as written.
    deck = tmp_path / "flashcards.json"
    deck.write_text(json.dumps([
        {"question": "What does <code>git stash</code> do?", "answer": "<p>It <b>sets aside</b> your changes.</p>"},
        {"question": "<p>Is a <i>rebase</i> safe<script>alert(1)</script> on a shared branch?</p>", "answer": "No."},
        {"question": "Is List<String> a List<Object>?", "answer": "No: generics are invariant."},
    ]), encoding="utf-8")
    cards = _list(deck)
    assert [(card["question"], card["answer"]) for card in cards] == [
        ("What does `git stash` do?", "It **sets aside** your changes."),
        ("Is a *rebase* safe on a shared branch?", "No."),
        ("Is List<String> a List<Object>?", "No: generics are invariant."),
    ]
