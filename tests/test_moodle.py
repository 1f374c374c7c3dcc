"""Moodle question banks: GIFT text (``.gift``, or saved as ``.txt``) and Moodle XML (``<quiz>``), read through the
CLI as a user's files are. The cards of every kind of question are in the golden fixtures (``fixtures/gift``,
``fixtures/moodle-xml``); these tests cover how the files are found and told apart, and bad input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qadeck import sources
from qadeck.cli import cli

from .listing import listed, listed_file, pairs, refused

GIFT = """// written for qadeck's tests
::Q1:: Which metal is liquid at room temperature? {=Mercury ~Iron ~Copper}

::Q2:: Sound travels faster in water than in air. {TRUE}

::Q3:: Name the largest ocean. {=Pacific =the Pacific Ocean}
"""

AIKEN = """Which planet is closest to the sun?
A. Mercury
B. Venus
ANSWER: A

Which gas makes up most of the air?
A. Oxygen
B. Nitrogen
ANSWER: B
"""


def test_gift_text_saved_as_txt_gives_the_cards_a_gift_file_gives(tmp_path: Path) -> None:
    as_gift = listed_file(tmp_path, "quiz.gift", GIFT.encode())
    as_text = listed_file(tmp_path, "gift-quiz.txt", GIFT.encode())
    assert pairs(as_gift) == pairs(as_text) == [
        ("Which metal is liquid at room temperature?\n\n- A: Mercury\n- B: Iron\n- C: Copper", "**A**: Mercury"),
        ("Sound travels faster in water than in air.", "True"),
        ("Name the largest ocean.", "- Pacific\n- the Pacific Ocean"),
    ]
    assert [card["lines"][0] for card in as_gift] == [2, 4, 6]  # each card points at its question's line


def test_aiken_questions_stay_the_choices_layouts(tmp_path: Path) -> None:
    path = tmp_path / "aiken.txt"
    path.write_text(AIKEN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert "layout choices, 2 cards" in result.output
    assert pairs(listed(path))[1] == ("Which gas makes up most of the air?\n\n- A: Oxygen\n- B: Nitrogen", "**B**: Nitrogen")


def test_text_with_braces_is_not_read_as_gift(tmp_path: Path) -> None:
    # Code, templates and a note quoting one GIFT question are their own text, not a question bank.
    texts = [
        "int main() {\n  return 0;\n}\n\nvoid f() {}\n",
        "Notes on the quiz tool.\n\nIt reads questions like: Who? {=me}\n\nThat is all.\n\nMore prose.\n",
        "Settings {=x} and {~y} are templates.\n",
    ]
    for number, text in enumerate(texts):
        path = tmp_path / f"notes{number}.txt"
        path.write_text(text, encoding="utf-8")
        assert sources.read(path).text == text


def test_gift_and_moodle_xml_are_read_in_a_folder_as_their_extensions_say(tmp_path: Path) -> None:
    (tmp_path / "chapter1.gift").write_text(GIFT, encoding="utf-8")
    bank = ('<?xml version="1.0"?>\n<quiz>\n<question type="shortanswer"><questiontext format="html">'
            "<text>Symbol of iron?</text></questiontext><answer fraction=\"100\"><text>Fe</text></answer></question>\n"
            '<question type="shortanswer"><questiontext format="html"><text>Symbol of tin?</text></questiontext>'
            '<answer fraction="100"><text>Sn</text></answer></question>\n</quiz>\n')
    (tmp_path / "moodle-quiz.xml").write_text(bank, encoding="utf-8")
    (tmp_path / "export.xml").write_text(bank, encoding="utf-8")  # an .xml not named for questions: skipped
    (tmp_path / "notes.md").write_text("# Notes\n\nNothing to ask.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "export.xml: skipped" in result.output
    found = listed(tmp_path)
    assert sorted({card["source"] for card in found}) == ["chapter1.gift", "moodle-quiz.xml"]
    assert ("Symbol of tin?", "Sn") in pairs(found)


def test_an_unclosed_gift_answer_block_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.gift"
    path.write_text("::A:: One? {=1}\n\n::B:: Two?\n{=2 ~3\n", encoding="utf-8")
    refused(path, "", command="list")
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert f"{path}:4: a GIFT answer block '{{' opened here is never closed" in result.output


def test_malformed_moodle_xml_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "quiz.xml"
    path.write_text('<?xml version="1.0"?>\n<quiz>\n  <question type="shortanswer">\n'
                    "    <questiontext><text>Hi?</text>\n  </question>\n</quiz>\n", encoding="utf-8")
    refused(path, "", command="list")
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert (f"{path}:5: a Moodle XML quiz that is not well-formed XML: </question> closes <questiontext> opened on line 4"
            in result.output)


def test_html_in_a_moodle_question_never_reaches_the_card_as_markup(tmp_path: Path) -> None:
    bank = """<quiz>
<question type="multichoice">
  <questiontext format="html"><text><![CDATA[<p onclick="steal()">Which <b>one</b>?</p><script>alert('x')</script>
  <iframe src="https://example.org"></iframe><style>p {color: red}</style>]]></text></questiontext>
  <answer fraction="100"><text>&lt;img src=x onerror=alert(1)&gt;This</text></answer>
  <answer fraction="0"><text>That</text></answer>
</question>
<question type="truefalse">
  <questiontext format="html"><text>&lt;p&gt;Safe?&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;</text></questiontext>
  <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
</question>
</quiz>"""
    found = listed_file(tmp_path, "quiz.xml", bank.encode())
    assert [card["question"].split("\n")[0] for card in found] == ["Which **one**?", "Safe?"]
    for card in found:
        shown = card["question"] + card["answer"] + card["answer_html"]
        assert "<script" not in shown and "alert" not in shown and "<iframe" not in shown
        assert "onclick" not in shown and "onerror" not in shown.replace("&lt;", "")


def test_essays_are_reported_and_descriptions_make_no_card(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text("Read the text below first.\n\n::E:: Describe your town. {}\n\n::S:: Capital of Peru? {=Lima}\n\n"
                    "::T:: Lima is by the sea. {T}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "quiz.gift:3: unanswered: Describe your town." in result.output
    assert pairs(listed(path)) == [("Capital of Peru?", "Lima"), ("Lima is by the sea.", "True")]


def test_feedback_every_answer_shares_is_left_out_and_a_questions_own_is_kept(tmp_path: Path) -> None:
    # "Correct!" after every right answer says nothing of the question; an explanation of one does.
    questions = "".join(
        f'<question type="shortanswer"><questiontext format="html"><text>{q}</text></questiontext>'
        f'<answer fraction="100"><text>{a}</text><feedback><text>{f}</text></feedback></answer></question>\n'
        for q, a, f in [("Symbol of iron?", "Fe", "Correct!"), ("Symbol of tin?", "Sn", "Correct!"),
                        ("Symbol of lead?", "Pb", "Correct!"), ("Symbol of gold?", "Au", "From the Latin aurum.")])
    found = listed_file(tmp_path, "quiz.xml", f"<quiz>\n{questions}</quiz>\n".encode())
    assert pairs(found) == [("Symbol of iron?", "Fe"), ("Symbol of tin?", "Sn"), ("Symbol of lead?", "Pb"),
                            ("Symbol of gold?", "Au\n\nFrom the Latin aurum.")]


def test_cloze_and_plugin_matching_types_read_as_moodle_imports_them(tmp_path: Path) -> None:
    bank = """<quiz>
<question type="cloze"><questiontext format="html"><text><![CDATA[<p>Rome is in {1:MCV:~Spain~=Italy} and Lima in
{1:SHORTANSWER:%100%Peru#Yes~*#No}.</p>]]></text></questiontext></question>
<question type="ddmatch"><questiontext format="html"><text>Match the animal with its sound.</text></questiontext>
<subquestion format="html"><text>cat</text><answer><text>meow</text></answer></subquestion>
<subquestion format="html"><text>dog</text><answer><text>woof</text></answer></subquestion></question>
</quiz>"""
    assert pairs(listed_file(tmp_path, "quiz.xml", bank.encode())) == [
        ("Rome is in _____ and Lima in _____.", "1. Italy\n2. Peru"),
        ("Match the animal with its sound.\n\n- cat\n- dog", "- cat → meow\n- dog → woof"),
    ]


def test_gift_text_of_cloze_gaps_alone_is_read_as_gift(tmp_path: Path) -> None:
    text = ("::G1:: Fill the gaps.\nA cat {1:MC:~barks~=meows} and a dog {1:SA:=barks}.\n\n"
            "::G2:: Fill the gap.\nWater is {1:SA:=wet}.\n")
    assert pairs(listed_file(tmp_path, "gaps.txt", text.encode())) == [
        ("Fill the gaps.\n\nA cat _____ and a dog _____.", "1. meows\n2. barks"),
        ("Fill the gap.\n\nWater is _____.", "wet"),
    ]
