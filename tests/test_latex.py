"""LaTeX sources: card environments, questions answered by their solutions, math as MathJax reads it, and files
that are damaged or name others."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers, sources
from qadeck.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "prefixed"


def _listed(*paths: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["list", "--json", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_flashcard_with_a_header_before_its_front_is_a_card_and_its_math_is_mathjax():
    cards = _listed(FIXTURES / "latex-flashcards.tex")
    assert [card["question"] for card in cards] == [
        "What does a catalyst change?", "Molar mass", "Ideal gas", "Avogadro constant"]
    assert r"\(M = m / n\)" in cards[1]["answer_html"]
    assert r"\[ pV = nRT \]" in cards[2]["answer_html"]


def test_display_math_environments_are_display_math_and_their_labels_are_gone():
    cards = _listed(FIXTURES / "latex-exercises.tex")
    html = cards[0]["answer_html"]
    assert r"\[" in html and r"\frac{1}{n} &lt; \varepsilon" in html
    assert "label" not in cards[0]["answer"] and "eq:bound" not in cards[0]["answer"]


def test_aligned_math_keeps_its_environment_inside_the_display():
    text = "\\begin{document}\n\\begin{align*}\n  a &= b \\label{x}\\\\\n  c &= d\n\\end{align*}\n\\end{document}"
    assert markups.to_markdown(".tex", text).split("\n") == [
        "", "$$\\begin{align*}", "  a &= b \\\\", "  c &= d", "\\end{align*}$$", ""]


def test_accents_are_the_letters_they_make():
    assert markups.to_markdown(".tex", 'Gr\\"o\\ss e, \\\'etude, \\c{c}a, $\\"a$') == 'Größe, étude, ça, $\\"a$'


def test_a_sheet_of_answered_exercises_keeps_no_text_outside_them(tmp_path: Path):
    # Prose after the last solution is not part of its answer; an exercise with no solution asks without one.
    sheet = tmp_path / "sheet.tex"
    sheet.write_text(
        "\\begin{document}\n\\begin{exercise}\nWhat is $2+2$?\n\\end{exercise}\n\\begin{solution}\n$4$.\n"
        "\\end{solution}\n\nGood luck with the exam!\n\n\\begin{exercise}\nWhat is $3+3$?\n\\end{exercise}\n"
        "\\end{document}\n", encoding="utf-8")
    parsed = parsers.parse(sources.read(sheet))
    assert [(card.question, card.answer) for card in parsed.cards] == [("What is $2+2$?", "$4$.")]
    assert [finding.message for finding in parsed.unanswered] == ["What is $3+3$?"]


def test_input_and_include_never_read_another_file(tmp_path: Path):
    outside = tmp_path / "secret.tex"
    outside.write_text("\\begin{flashcard}{Leaked?}\nYes.\n\\end{flashcard}\n", encoding="utf-8")
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "near.tex").write_text("\\begin{flashcard}{Near?}\nYes.\n\\end{flashcard}\n", encoding="utf-8")
    main = folder / "cards.tex"
    main.write_text("\\begin{document}\n\\input{../secret}\n\\include{/etc/passwd}\n\\input{near}\n"
                    "\\begin{flashcard}{Own?}\nYes.\n\\end{flashcard}\n\\end{document}\n", encoding="utf-8")
    assert [card["question"] for card in _listed(main)] == ["Own?"]


def test_a_damaged_file_gives_a_one_line_error_never_a_traceback(tmp_path: Path):
    broken = tmp_path / "cards.tex"
    broken.write_text("\\begin{document}\n\\begin{flashcard}[Definition]{Field\nA ring.\n\\end{flashcard\n"
                      "\\begin{exercise}\\begin{solution}{\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(broken)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.output.startswith(f"Error: {broken}: no questions with answers found")
    assert result.output.count("\n") == 1


_PIECES = ["\\begin{flashcard}", "\\end{flashcard}", "\\begin{karte}", "\\begin{exercise}", "\\end{exercise}",
           "\\begin{solution}", "\\end{solution}", "\\begin{align}", "\\end{align}", "\\begin{verbatim}",
           "\\end{verbatim}", "[Def]", "{", "}", "Front?", "$x$", "%", "\\\\", "\n", " "]


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=60))
def test_card_environments_in_any_order_keep_every_line_and_never_fail(pieces: list[str]):
    text = "".join(pieces)
    assert len(markups.to_markdown(".tex", text).split("\n")) == len(text.split("\n"))


def test_folders_read_latex_and_typst_exercise_sheets_but_not_papers(tmp_path: Path):
    sheet = "\\begin{exercise}\nIs $1$ odd?\n\\end{exercise}\n\\begin{solution}\nYes.\n\\end{solution}\n"
    for name in ("exercises-week2.tex", "exam-solutions.typ", "paper.tex", "exam.pdf"):
        (tmp_path / name).write_text(sheet, encoding="utf-8")
    found = sources.collect([tmp_path])
    assert sorted(path.name for path in found.files) == ["exam-solutions.typ", "exercises-week2.tex"]
    assert [card.question for card in parsers.parse(sources.read(tmp_path / "exercises-week2.tex")).cards] == [
        "Is $1$ odd?"]


GLOSSARY = r"""% the thesis's glossary, \input by its main file
\newglossaryentry{latency}{
  name = {latency},
  description = {the time a request waits, as \gls{throughput} is the rate}
}
\newglossaryentry{throughput}{name=throughput, description={requests served a second, {\em on average}}}
% \newglossaryentry{old}{name=old, description={left out}}
\newglossaryentry{empty}{name={empty}, description={}}
\newacronym[see={[Glossary:]{latency}}]{rtt}{RTT}{Round-Trip Time}
\newacronym{cpu}{CPU}{Central Processing Unit}
\newabbreviation{dx}{DX}{developer experience, as the \acrlong{cpu} is hardware}
\glsxtrnewsymbol[description={wavelength, in metres}]{wl}{$\lambda$}
"""


def test_a_file_of_glossary_entries_is_a_glossary_its_references_shown_as_their_terms(tmp_path: Path):
    path = tmp_path / "glossary.tex"
    path.write_text(GLOSSARY, encoding="utf-8")
    cards = _listed(path)
    assert [(card["question"], card["answer"]) for card in cards] == [
        ("latency", "the time a request waits, as throughput is the rate"),
        ("throughput", "requests served a second, *on average*"),
        ("RTT", "Round-Trip Time"),
        ("CPU", "Central Processing Unit"),
        ("DX", "developer experience, as the Central Processing Unit is hardware"),
        ("$\\lambda$", "wavelength, in metres"),
    ]
    assert cards[0]["lines"][0] == 2  # an entry's card points at the line that opens it


def test_glossary_entries_in_a_documents_preamble_are_no_cards(tmp_path: Path):
    path = tmp_path / "thesis-faq.tex"
    path.write_text("\\documentclass{article}\n" + GLOSSARY + "\\begin{document}\n\\section{FAQ}\n"
                    "\\subsection{What is latency?}\nThe time a request waits.\n\\subsection{What is RTT?}\n"
                    "The time there and back.\n\\end{document}\n", encoding="utf-8")
    assert [card["question"] for card in _listed(path)] == ["What is latency?", "What is RTT?"]


def test_latex_saved_as_ltx_or_latex_reads_as_tex(tmp_path: Path):
    # Some editors save LaTeX under these extensions: the same sections, the same cards.
    text = ("\\documentclass{article}\n\\begin{document}\n\\section*{Why use a lock file?}\nIt pins \\emph{every} version.\n"
            "\\section*{What does \\texttt{pip freeze} print?}\nThe installed packages.\n\\end{document}\n")
    read = {}
    for suffix in (".tex", ".ltx", ".latex"):
        path = tmp_path / f"quiz{suffix}"
        path.write_text(text, encoding="utf-8")
        read[suffix] = [(card["question"], card["answer"]) for card in _listed(path)]
    assert read[".tex"] == [("Why use a lock file?", "It pins *every* version."),
                            ("What does `pip freeze` print?", "The installed packages.")]
    assert read[".ltx"] == read[".latex"] == read[".tex"]
