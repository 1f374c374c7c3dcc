"""Glued inline code: learning from the source, splitting tokens, commands, and staying off clean text."""

from __future__ import annotations

import pytest

from qadeck.parsers.repair.glue import Glue, Piece, command, render

CLEAN = [
    "What does the build step produce?",
    "It writes a wheel file and a source archive into the dist folder.",
    "Which tool formats the code?",
    "A formatter runs on every file before a commit, and the linter runs after it.",
    "Where is the final image stored?",
]
BROKEN = [
    "pyproject.tomlfile?A: It holds the project's metadata.",
    "blackformatter and the",
    "rufflinter.",
    "twine upload dist/*",
    "blackis fast.",
]


@pytest.fixture(scope="module")
def glue() -> Glue:
    return Glue.learn(CLEAN, BROKEN)


def test_learns_code_words_from_broken_lines(glue: Glue) -> None:
    assert {"pyproject.toml", "black", "ruff", "twine"} <= glue.lexicon
    assert glue.applies


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Where does the\npyproject.tomlfile live?", "Where does the `pyproject.toml` file live?"),
        ("It runs\nblackformatter and the\nrufflinter.", "It runs `black` formatter and the `ruff` linter."),
        ("Use\nblackis fast.", "Use `black` is fast."),
        ("Run it withblackand commit.", "Run it with `black` and commit."),
        ("Upload with\ntwine upload dist/*", "Upload with `twine upload dist/*`"),
        # Words glue to a function word ("afinal"), never to each other: "wheelfile" stays.
        ("Where is afinal image andthe wheelfile?", "Where is a final image and the wheelfile?"),
    ],
)
def test_repair(glue: Glue, text: str, repaired: str) -> None:
    assert glue.repair(text) == repaired


def test_a_whole_answer_that_is_a_command_becomes_a_code_block(glue: Glue) -> None:
    assert glue.repair("\ntwine upload dist/*", answer=True) == "```\ntwine upload dist/*\n```"
    assert glue.repair("\ntwine upload dist/*") == "`twine upload dist/*`"
    assert glue.repair("\nblack", answer=True) == "`black`"


def test_ordinary_compounds_stay_whole(glue: Glue) -> None:
    # Two content words never glue: "database" is not "data base", "Python's" is left alone.
    learned = Glue.learn(CLEAN + ["The data sits in a base table."], BROKEN)
    assert learned.repair("It fills a\ndatabase with Python's rows.") == "It fills a database with Python's rows."


def test_hard_wrapped_notes_are_not_glued() -> None:
    clean = ["What is a container?", "A container runs one process in isolation from the host."]
    broken = ["and it shares the kernel with other containers.", "so it starts in well under a second."]
    assert not Glue.learn(clean, broken).applies


def test_command_needs_a_known_first_word_and_no_sentence() -> None:
    lexicon = frozenset({"npm", "pip"})
    assert command("npm install", lexicon) == "`npm install`"
    assert command("pip install -r requirements.txt.", lexicon) == "`pip install -r requirements.txt`."
    assert command("pip is a package manager", lexicon) is None
    assert command("pip? How is it used", lexicon) is None
    assert command("cargo build --release", lexicon) is None


def test_render_spacing() -> None:
    pieces = [
        Piece("Dockerfile", "code"),
        Piece("(", "punct"),
        Piece("e.g", "word"),
        Piece(".", "punct"),
        Piece(",", "punct"),
        Piece("python:3.12", "code"),
        Piece(")", "punct"),
        Piece(".", "punct"),
    ]
    assert render(pieces) == "`Dockerfile` (e.g., `python:3.12`)."
