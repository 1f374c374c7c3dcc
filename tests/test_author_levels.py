"""The author's difficulty wins over the question-form rules; ``overrides:`` win over both.

Fixtures (``fixtures/tagging``) are notes written for these tests, marking levels in each way
authors do: emoji, stars, tags, bracketed words, headings, front matter and file names.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qadeck import pipeline
from qadeck.cli import main
from qadeck.model import Card
from qadeck.tagging.difficulty import author_levels, words_level

FIXTURES = Path(__file__).parent / "fixtures" / "tagging"


def _levels(folder: Path) -> dict[str, str]:
    return {c.question: c.difficulty for c in pipeline.load([folder]).deck.cards}


def _copy(tmp_path: Path, *names: str) -> Path:
    for name in names:
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def test_markers_headings_and_tags_give_the_authors_level_and_leave_the_question(tmp_path: Path) -> None:
    levels = _levels(_copy(tmp_path, "levels.md"))
    assert levels == {
        "What does a compiler do?": "easy",  # 👶, in a section graded easy
        "Why are compilers fast?": "hard",  # 🚀 wins over the section's level
        "What is a linker?": "hard",  # the "Senior" section (the rules say easy)
        "How would you design a build system?": "easy",  # #difficulty/easy (the rules say hard)
        "What is an interpreter?": "medium",  # one star beside 👶 and 🚀 marks the middle
        "What is a REPL?": "hard",  # "(Hard)" after the question
        "What is bytecode?": "easy",  # no mark: the rules ("what is" a definition)
    }


def test_front_matter_sets_the_files_level_and_a_card_marker_beats_it(tmp_path: Path) -> None:
    levels = _levels(_copy(tmp_path, "front-matter.md"))
    assert levels == {"What is a register?": "hard", "What is an opcode?": "easy"}


def test_a_file_name_names_a_level(tmp_path: Path) -> None:
    (tmp_path / "networking (intermediate).md").write_text(
        "## Q. What is a subnet?\n\nA range of addresses.\n\n## Q. Why use NAT?\n\nTo share one address.\n",
        encoding="utf-8")
    assert set(_levels(tmp_path).values()) == {"medium"}


def test_one_advanced_heading_names_a_subject_not_a_level(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(
        "# Notes\n\n## Advanced networking\n\n**What is a subnet?**\n\nA range of addresses.\n\n"
        "## Routing\n\n**What is a route?**\n\nA path to a network.\n", encoding="utf-8")
    assert _levels(tmp_path) == {"What is a subnet?": "easy", "What is a route?": "easy"}


def test_one_level_in_two_headings_grades_their_cards(tmp_path: Path) -> None:
    # A flat page: each title stands over its questions at its own level.
    (tmp_path / "notes.md").write_text(
        "# Notes\n\n## Addressing\n\n## What is a subnet?\n\nA range of addresses.\n\n"
        "## What is a gateway?\n\nThe way out of a subnet.\n\n"
        "## Advanced routing\n\n## What is a route?\n\nA path to a network.\n\n"
        "## What is a metric?\n\nThe cost of a route.\n\n"
        "## Advanced switching\n\n## What is a VLAN?\n\nA network inside a switch.\n\n"
        "## What is a trunk?\n\nA link that carries many VLANs.\n", encoding="utf-8")
    assert _levels(tmp_path) == {"What is a subnet?": "easy", "What is a gateway?": "easy",
                                 "What is a route?": "hard", "What is a metric?": "hard",
                                 "What is a VLAN?": "hard", "What is a trunk?": "hard"}


def test_a_lone_heading_that_names_only_a_level_grades_its_cards(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(
        "# Networking\n\n## Routing\n\n### What is a route?\n\nA path to a network.\n\n"
        "## Senior-level questions\n\n### What is a subnet?\n\nA range of addresses.\n", encoding="utf-8")
    assert _levels(tmp_path) == {"What is a route?": "easy", "What is a subnet?": "hard"}


def test_overrides_beat_the_authors_level(tmp_path: Path) -> None:
    _copy(tmp_path, "levels.md")
    (tmp_path / "qadeck.yaml").write_text(
        'deck: Levels\noverrides:\n  "What is a REPL? (Hard)": {difficulty: medium}\n'
        '  "Why are compilers fast?": {difficulty: easy}\n', encoding="utf-8")
    levels = _levels(tmp_path)
    assert levels["What is a REPL?"] == "medium"  # keyed as written in the source
    assert levels["Why are compilers fast?"] == "easy"  # keyed without the marker


@pytest.mark.parametrize(("text", "level"), [
    ("Junior Sysadmin", "easy"), ("Regular Sysadmin", "medium"), ("Guru Sysadmin", "hard"),
    ("Beginner questions", "easy"), ("intermediate", "medium"), ("1.4 Linear Algebra (easy)", "easy"),
    ("Hard disk questions", ""), ("Regular expressions", ""), ("Easy and hard", ""), ("Networking", ""),
    ("Visual Basic", ""), ("Advanced Encryption Standard", ""), ("Senior-level questions", "hard"), ("Hard-coded", ""),
])
def test_level_words(text: str, level: str) -> None:
    assert words_level(text) == level


@pytest.mark.parametrize(("text", "level"), [
    ("Preguntas avanzadas", "hard"), ("Nível básico", "easy"), ("Questions de niveau intermédiaire", "medium"),
    ("Desenvolvedor Java Pleno", "medium"), ("Вопросы уровня Middle", "medium"), ("Сложные вопросы", "hard"),
    ("Pytania zaawansowane", "hard"), ("Kolay sorular", "easy"),
    ("İLERİ SEVİYE", "hard"),  # Turkish's dotted capital lowers to "i" and a combining dot
    ("一、基础知识（初级）", "easy"), ("二、自动配置（中级）", "medium"), ("高级篇", "hard"), ("고급 질문", "hard"),
    ("Redis 主从复制", ""), ("Social media", ""),
])
def test_level_words_in_other_languages(text: str, level: str) -> None:
    assert words_level(text) == level


def test_a_marker_on_a_section_heading_grades_the_cards_under_it(tmp_path: Path) -> None:
    (tmp_path / "shell.md").write_text(
        "# Shell notes\n\n## Warm-up 🟢\n\nQ: What does ls print?\nA: The names of the files in a folder.\n\n"
        "Q: What does pwd print?\nA: The folder you are in.\n\n## Deep water 🔴\n\n"
        "Q: What does a trap on EXIT run?\nA: Its command whenever the shell leaves.\n\n"
        "Q: Why quote the arguments of a wrapper?\nA: So each reaches the wrapped command whole.\n", encoding="utf-8")
    assert _levels(tmp_path) == {
        "What does ls print?": "easy", "What does pwd print?": "easy",
        "What does a trap on EXIT run?": "hard", "Why quote the arguments of a wrapper?": "hard"}


def test_star_counts_grade_from_one_to_three() -> None:
    cards = [Card(f"Question {n}? {'⭐' * n}", "x", "a.md", "", (n, n)) for n in (1, 2, 3)]
    assert [(a.level, a.question) for a in author_levels(cards)] == [
        ("easy", "Question 1?"), ("medium", "Question 2?"), ("hard", "Question 3?")]


def test_a_hyphenated_file_name_names_a_level(tmp_path: Path) -> None:
    (tmp_path / "git-hard.md").write_text("Q: What is a ref?\nA: A name for a commit.\n", encoding="utf-8")
    assert _levels(tmp_path) == {"What is a ref?": "hard"}


def test_the_build_summary_counts_the_cards_that_took_their_authors_level(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "notes"
    folder.mkdir()
    _copy(folder, "levels.md")
    for _ in range(2):  # the second build takes the cards from the card cache
        assert main(["build", str(folder), "-o", str(tmp_path / "out")]) == 0
        out = capsys.readouterr().out
        assert "Difficulty: easy 3, medium 1, hard 3 (6 as their authors marked them)" in out


def test_a_marker_inside_the_question_is_part_of_it() -> None:
    cards = [Card("What does ⭐ mean on a repository page?", "A bookmark.", "a.md", "", (1, 1)),
             Card("🚀 How do rockets steer?", "With gimbals.", "a.md", "", (3, 3))]
    assert [(a.level, a.question) for a in author_levels(cards)] == [
        ("", "What does ⭐ mean on a repository page?"), ("hard", "How do rockets steer?")]
