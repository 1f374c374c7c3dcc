"""``scripts/evaluate.py``: the measuring script runs on any folder and never on a missing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import script_module


@pytest.fixture(scope="module")
def evaluate():  # type: ignore[no-untyped-def]
    yield from script_module("evaluate")


def test_missing_folder_is_not_an_error(evaluate, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert evaluate.main([str(tmp_path / "absent")]) == 0
    assert "nothing to evaluate" in capsys.readouterr().out


def test_table_compares_with_the_manifest(evaluate, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "faq.md").write_text(
        "## Q. What is A?\n\nA is a letter.\n\n## Q. What is B?\n\nTBD\n\n## Q. What is C?\n\nC.\n",
        encoding="utf-8",
    )
    (tmp_path / "SOURCES.md").write_text(
        "| slug (file) | layout | answered | no answer |\n|---|---|---|---|\n| `faq.md` | 1: `\\| Q \\|` | 2 | 1 |\n",
        encoding="utf-8",
    )
    assert evaluate.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("faq.md"))
    assert row.split()[1:] == ["headings", "1.00", "2", "1", "1", "2/1", "ok"]
    assert "SOURCES.md" not in out.replace("TOTAL", "")
    assert "1/1 ok" in out


def test_suspicious_cards(evaluate) -> None:  # type: ignore[no-untyped-def]
    from qadeck.model import Card

    def card(question: str, answer: str) -> Card:
        return Card(question, answer, "f.md", "", (1, 1))

    assert evaluate.suspicious(card("What?", "No"))
    assert evaluate.suspicious(card("What?", "Yes.\n\n## 12. What is next?\n\nmore"))
    assert evaluate.suspicious(card("x" * 301, "A long enough answer."))
    assert not evaluate.suspicious(card("What?", "A fine answer.\n\n### Details\n\nmore"))
    # A multiple-choice front is long with its options and its code, not with its words.
    options = "\n".join(f"- {letter}: " + "an option worded at length " * 4 for letter in "ABCD")
    code = "```python\n" + "print('a line of code')\n" * 10 + "```"
    assert not evaluate.suspicious(card(f"What does it print?\n\n{code}\n\n{options}", "**B**: an option"))
    assert evaluate.suspicious(card("x" * 301 + f"\n\n{options}", "**B**: an option"))
