"""A multiple-choice question's key line that says "correct answer" in another language: before the word for
"answer" ("Σωστή απάντηση: B", "Rätt svar: A", "Helyes válasz: C") or after it, where the adjective follows its
noun ("Răspuns corect: A", "Đáp án đúng: C"). The right option goes to the back, the options to the front,
as "Correct answer: B" and "Răspuns: B" have done."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qadeck.cli import cli

ROMANIAN = """\
# Recapitulare

1. **Ce limbaj rulează în browser?**
    - A. Fortran
    - B. JavaScript
    - C. Cobol
   **Răspuns corect: B**

2. **Câți biți are un octet?**
    - A. 8
    - B. 16
   **Răspuns corect: A**
"""

GREEK = """\
# Επανάληψη

**1. Ποια εντολή εμφανίζει τα αρχεία ενός φακέλου;**

A) ls

B) cd

C) pwd

**Σωστή απάντηση:** A

**2. Ποιο πρωτόκολλο στέλνει αλληλογραφία;**

A) FTP

B) SMTP

**Σωστή απάντηση:** B
"""

MIXED = """\
# Ôn tập

1. Thẻ nào tạo một liên kết?
    - A. <p>
    - B. <div>
    - C. <a>
   Đáp án đúng: C

2. Vilket kommando listar filer?
    - A. ls
    - B. mv
   Rätt svar: A

3. Melyik nyelv fut a böngészőben?
    - A. C
    - B. JavaScript
   Helyes válasz: B
"""


def _cards(tmp_path, name: str, text: str) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_correct_after_the_word_for_answer_names_the_right_option(tmp_path):
    assert _cards(tmp_path, "recapitulare.md", ROMANIAN) == [
        ("Ce limbaj rulează în browser?\n\n- A: Fortran\n- B: JavaScript\n- C: Cobol", "**B**: JavaScript"),
        ("Câți biți are un octet?\n\n- A: 8\n- B: 16", "**A**: 8"),
    ]


def test_correct_before_the_word_for_answer_names_the_right_option(tmp_path):
    assert _cards(tmp_path, "epanalipsi.md", GREEK) == [
        ("Ποια εντολή εμφανίζει τα αρχεία ενός φακέλου;\n\n- A: ls\n- B: cd\n- C: pwd", "**A**: ls"),
        ("Ποιο πρωτόκολλο στέλνει αλληλογραφία;\n\n- A: FTP\n- B: SMTP", "**B**: SMTP"),
    ]


def test_vietnamese_swedish_and_hungarian_key_lines(tmp_path):
    assert [answer for _, answer in _cards(tmp_path, "on-tap.md", MIXED)] == [
        "**C**: <a>", "**A**: ls", "**B**: JavaScript",
    ]


def test_a_sentence_about_the_correct_answer_is_no_key_line(tmp_path):
    text = ROMANIAN.replace("   **Răspuns corect: A**", "   Răspuns corect este primul.")
    second = _cards(tmp_path, "recapitulare.md", text)[1]
    assert second[0] == "Câți biți are un octet?"
    assert second[1].endswith("Răspuns corect este primul.")


def test_a_bold_key_line_that_says_the_option_again_keeps_no_closing_mark(tmp_path):
    text = (
        "# Quiz\n\n1. **Which one runs in a browser?**\n    - a) Fortran\n    - b) JavaScript\n"
        "   **Correct answer: b) JavaScript**\n\n2. **¿Cuántos bits tiene un byte?**\n    - a) 8\n    - b) 16\n"
        "   **Respuesta correcta: a) ocho, siempre**\n"
    )
    assert [answer for _, answer in _cards(tmp_path, "quiz.md", text)] == ["**B**: JavaScript", "**A**: 8\n\nocho, siempre"]
