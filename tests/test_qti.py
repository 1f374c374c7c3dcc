"""IMS QTI quizzes (what Canvas, Blackboard, Brightspace and Sakai export), read through the CLI as a user's files
are: one QTI 1.2 file of many questions, QTI 2.x and 3.0 files of one question each, the zip packages the sites
export, and bad input. Every quiz here was written for these tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from click.testing import CliRunner

from qadeck.cli import cli

from .listing import listed, listed_file, pairs, refused


def _mc(ident: str, question: str, options: dict[str, str], right: list[str], multiple: bool = False) -> str:
    labels = "".join(f'<response_label ident="{key}"><material><mattext texttype="text/plain">{text}</mattext>'
                     f"</material></response_label>" for key, text in options.items())
    if multiple:
        test = "<and>" + "".join(f'<varequal respident="response1">{key}</varequal>' if key in right else
                                 f'<not><varequal respident="response1">{key}</varequal></not>' for key in options)
        test += "</and>"
    else:
        test = "".join(f'<varequal respident="response1">{key}</varequal>' for key in right)
    return (f'<item ident="{ident}" title="Question">\n'
            f"<presentation><material><mattext texttype=\"text/html\">&lt;p&gt;{question}&lt;/p&gt;</mattext></material>"
            f'<response_lid ident="response1" rcardinality="{"Multiple" if multiple else "Single"}">'
            f"<render_choice>{labels}</render_choice></response_lid></presentation>\n"
            f'<resprocessing><respcondition continue="No"><conditionvar>{test}</conditionvar>'
            f'<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>\n</item>\n')


QTI_12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">\n'
    '<assessment ident="quiz1" title="Rivers and metals">\n<section ident="root_section">\n'
    '<section ident="s1" title="Rivers">\n'
    + _mc("q1", "Which river flows through Cairo?", {"a": "Danube", "b": "Nile", "c": "Amazon"}, ["b"])
    + _mc("q2", "The Rhine flows into the North Sea.", {"t": "True", "f": "False"}, ["t"])
    + '</section>\n<section ident="s2" title="Metals">\n'
    + _mc("q3", "Which of these are metals?", {"a": "Iron", "b": "Sulphur", "c": "Copper"}, ["a", "c"], multiple=True)
    + '<item ident="q4"><presentation><material><mattext>Symbol of tin?</mattext></material>'
      '<response_str ident="response1" rcardinality="Single"><render_fib/></response_str></presentation>\n'
      '<resprocessing><respcondition><conditionvar><varequal respident="response1">Sn</varequal>'
      '<varequal respident="response1">sn</varequal></conditionvar>'
      '<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>\n'
      '<itemfeedback ident="general_fb"><flow_mat><material><mattext>From the Latin stannum.</mattext></material>'
      "</flow_mat></itemfeedback></item>\n"
      '<item ident="q5"><presentation><material><mattext>Melting point of lead, in degrees Celsius?</mattext>'
      '</material><response_str ident="response1"><render_fib fibtype="Decimal"/></response_str></presentation>\n'
      '<resprocessing><respcondition><conditionvar><vargte respident="response1">327</vargte>'
      '<varlte respident="response1">328</varlte></conditionvar><setvar action="Set">100</setvar></respcondition>'
      "</resprocessing></item>\n"
      '<item ident="q6"><presentation><material><mattext>Match each metal with its symbol.</mattext></material>\n'
      '<response_lid ident="r_1"><material><mattext>Gold</mattext></material><render_choice>'
      '<response_label ident="9"><material><mattext>Au</mattext></material></response_label>'
      '<response_label ident="8"><material><mattext>Ag</mattext></material></response_label></render_choice>'
      '</response_lid>\n<response_lid ident="r_2"><material><mattext>Silver</mattext></material><render_choice>'
      '<response_label ident="9"><material><mattext>Au</mattext></material></response_label>'
      '<response_label ident="8"><material><mattext>Ag</mattext></material></response_label></render_choice>'
      '</response_lid></presentation>\n<resprocessing>'
      '<respcondition><conditionvar><varequal respident="r_1">9</varequal></conditionvar>'
      '<setvar action="Add">50</setvar></respcondition>'
      '<respcondition><conditionvar><varequal respident="r_2">8</varequal></conditionvar>'
      '<setvar action="Add">50</setvar></respcondition></resprocessing></item>\n'
      '<item ident="q7"><presentation><material><mattext>Bronze is copper and [m1]; brass is copper and [m2].'
      "</mattext></material>\n"
      '<response_lid ident="response_m1"><material><mattext>m1</mattext></material><render_choice>'
      '<response_label ident="1"><material><mattext>tin</mattext></material></response_label></render_choice>'
      '</response_lid><response_lid ident="response_m2"><material><mattext>m2</mattext></material><render_choice>'
      '<response_label ident="2"><material><mattext>zinc</mattext></material></response_label></render_choice>'
      "</response_lid></presentation>\n<resprocessing>"
      '<respcondition><conditionvar><varequal respident="response_m1">1</varequal></conditionvar>'
      '<setvar action="Add">50</setvar></respcondition>'
      '<respcondition><conditionvar><varequal respident="response_m2">2</varequal></conditionvar>'
      '<setvar action="Add">50</setvar></respcondition></resprocessing></item>\n'
      '<item ident="q8"><itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type</fieldlabel>'
      "<fieldentry>essay_question</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>"
      "<presentation><material><mattext>Why do metals conduct heat?</mattext></material>"
      '<response_str ident="response1"><render_fib/></response_str></presentation></item>\n'
    + "</section>\n</section>\n</assessment>\n</questestinterop>\n"
)


def test_a_qti_12_quiz_gives_each_kind_of_question_its_card(tmp_path: Path) -> None:
    path = tmp_path / "quiz.xml"
    path.write_text(QTI_12, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert "7 cards, 1 unanswered" in result.output  # the essay has nothing to learn by heart
    found = listed(path)
    assert pairs(found) == [
        ("Which river flows through Cairo?\n\n- A: Danube\n- B: Nile\n- C: Amazon", "**B**: Nile"),
        ("The Rhine flows into the North Sea.", "True"),
        ("Which of these are metals?\n\n- A: Iron\n- B: Sulphur\n- C: Copper", "**A**: Iron\n\n**C**: Copper"),
        ("Symbol of tin?", "- Sn\n- sn\n\nFrom the Latin stannum."),
        ("Melting point of lead, in degrees Celsius?", "327–328"),
        ("Match each metal with its symbol.\n\n- Gold\n- Silver", "- Gold → Au\n- Silver → Ag"),
        ("Bronze is copper and _____; brass is copper and _____.", "1. tin\n2. zinc"),
    ]
    assert [card["section"] for card in found] == ["Rivers", "Rivers"] + ["Metals"] * 5
    lines = QTI_12.split("\n")
    starts = [number for number, line in enumerate(lines, 1) if line.startswith("<item ")]
    assert [card["lines"][0] for card in found][:3] == starts[:3]  # each card points at its item's line


def _item2(body: str, declaration: str, root: str = "assessmentItem") -> str:
    return (f'<?xml version="1.0"?>\n<{root} xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="i" '
            f'title="Item">\n{declaration}\n<itemBody>\n{body}\n</itemBody>\n</{root}>\n')


CHOICE_21 = _item2(
    '<p>Which planet is the largest?</p><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">'
    '<simpleChoice identifier="A">Mars</simpleChoice><simpleChoice identifier="B">Jupiter</simpleChoice>'
    '<feedbackInline identifier="B" outcomeIdentifier="FEEDBACK">Right!</feedbackInline></choiceInteraction>',
    '<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">'
    "<correctResponse><value>B</value></correctResponse></responseDeclaration>",
)
GAPS_21 = _item2(
    '<p>Water is made of <textEntryInteraction responseIdentifier="R1"/> and '
    '<inlineChoiceInteraction responseIdentifier="R2"><inlineChoice identifier="o">oxygen</inlineChoice>'
    '<inlineChoice identifier="n">nitrogen</inlineChoice></inlineChoiceInteraction>.</p>',
    '<responseDeclaration identifier="R1" cardinality="single" baseType="string"><mapping defaultValue="0">'
    '<mapEntry mapKey="hydrogen" mappedValue="1"/><mapEntry mapKey="helium" mappedValue="0"/></mapping>'
    '</responseDeclaration><responseDeclaration identifier="R2" cardinality="single" baseType="identifier">'
    "<correctResponse><value>o</value></correctResponse></responseDeclaration>",
)


def test_a_qti_2_item_is_a_deck_of_one_card(tmp_path: Path) -> None:
    # One question is written as a folded block, its options after it (feedback is not the question).
    assert pairs(listed_file(tmp_path, "planets.xml", CHOICE_21.encode())) == [
        ("Which planet is the largest? (A) Mars (B) Jupiter", "**B**: Jupiter")]
    assert pairs(listed_file(tmp_path, "water.qti", GAPS_21.encode())) == [
        ("Water is made of _____ and _____.", "1. hydrogen\n2. oxygen")]


def test_qti_3_names_are_read_as_qti_2s(tmp_path: Path) -> None:
    item = _item2(
        '<p>Which gas do plants take in?</p><qti-choice-interaction response-identifier="RESPONSE">'
        '<qti-simple-choice identifier="A">Oxygen</qti-simple-choice>'
        '<qti-simple-choice identifier="B">Carbon dioxide</qti-simple-choice></qti-choice-interaction>',
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">'
        "<qti-correct-response><qti-value>B</qti-value></qti-correct-response></qti-response-declaration>",
        root="qti-assessment-item",
    ).replace("<itemBody>", "<qti-item-body>").replace("</itemBody>", "</qti-item-body>")
    assert pairs(listed_file(tmp_path, "plants.xml", item.encode())) == [
        ("Which gas do plants take in? (A) Oxygen (B) Carbon dioxide", "**B**: Carbon dioxide")]


# One transparent pixel, to stand for a picture a question shows.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff"
                      "ff3f0005fe02fea7d6a4e30000000049454e44ae426082")


def _package(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_quiz_package_gives_its_items_in_the_manifests_order_with_their_pictures(tmp_path: Path) -> None:
    manifest = ('<manifest><resources><resource href="items/water.xml"/><resource href="items/planets.xml"/>'
                "</resources></manifest>")
    # The picture above the question's text: the card's front is headed by the text, the picture under it.
    pictured = CHOICE_21.replace("<p>Which", '<p><img src="../media/dot.png" alt="a dot"/></p><p>Which')
    found = listed_file(tmp_path, "quiz-export.zip", _package({
        "imsmanifest.xml": manifest.encode(), "items/planets.xml": pictured.encode(),
        "items/water.xml": GAPS_21.encode(), "media/dot.png": PIXEL}))
    assert pairs(found) == [
        ("Water is made of _____ and _____.", "1. hydrogen\n2. oxygen"),
        ("Which planet is the largest?\n\n![a dot](dot-d83b5d2b64.png)\n\n- A: Mars\n- B: Jupiter",  # read from the zip
         "**B**: Jupiter"),
    ]
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "quiz-export.zip"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "not found" not in result.output  # the picture was read from the package


def test_a_zip_is_read_when_named_for_questions_and_skipped_otherwise(tmp_path: Path) -> None:
    (tmp_path / "quiz.zip").write_bytes(_package({"q.xml": QTI_12.encode()}))
    (tmp_path / "photos.zip").write_bytes(_package({"q.xml": QTI_12.encode()}))
    (tmp_path / "notes.md").write_text("## What is a river?\n\nWater that flows.\n\n## What is a lake?\n\nStill water.\n")
    result = CliRunner().invoke(cli, ["list", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "photos.zip: skipped" in result.output
    assert "quiz.zip: layout quiz, 7 cards" in result.output


def test_bad_qti_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<questestinterop>\n<item ident="a">\n<presentation>\n</item>\n</questestinterop>\n')
    refused(broken, "", command="list")
    result = CliRunner().invoke(cli, ["list", str(broken)])
    assert f"{broken}:4: a QTI quiz that is not well-formed XML: </item> closes <presentation> opened on line 3" in (
        result.output)
    not_zip = tmp_path / "quiz.zip"
    not_zip.write_bytes(b"not a zip at all")
    refused(not_zip, "not a readable zip archive")
    no_quiz = tmp_path / "questions.zip"
    no_quiz.write_bytes(_package({"readme.txt": b"nothing here"}))
    refused(no_quiz, "a zip with no QTI quiz in it")
    inner = tmp_path / "quiz-package.zip"
    inner.write_bytes(_package({"imsmanifest.xml": b"<manifest/>", "items/q.xml": b"<assessmentItem><itemBody>"}))
    refused(inner, "items/q.xml, line 1: a QTI quiz that is not well-formed XML: <itemBody> opened here is never closed")


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    # A quiz that declares entities (the "billion laughs", a file on disk) gets them as the text they are.
    doctype = ('<!DOCTYPE questestinterop [<!ENTITY lol "lollollol"><!ENTITY file SYSTEM "file:///etc/passwd">]>\n')
    text = QTI_12.replace("<questestinterop", doctype + "<questestinterop", 1).replace("Symbol of tin?", "&file; &lol;")
    found = listed_file(tmp_path, "quiz.xml", text.encode())
    assert "file;" in found[3]["question"] and "lol;" in found[3]["question"]
    assert "lollollol" not in found[3]["question"] and "root:" not in found[3]["question"]


BLACKBOARD_POOL = """<?xml version="1.0" encoding="UTF-8"?>
<questestinterop><assessment title="Rivers pool"><section>
<item title="Cairo"><itemmetadata><bbmd_questiontype>Multiple Choice</bbmd_questiontype></itemmetadata>
<presentation><flow class="Block"><flow class="QUESTION_BLOCK"><flow class="FORMATTED_TEXT_BLOCK"><material>
<mat_extension><mat_formattedtext type="HTML">&lt;p&gt;Which river flows through Cairo?&lt;/p&gt;</mat_formattedtext>
</mat_extension></material></flow></flow><flow class="RESPONSE_BLOCK"><response_lid ident="response">
<render_choice><flow_label class="Block"><response_label ident="a1"><flow_mat class="FORMATTED_TEXT_BLOCK"><material>
<mat_extension><mat_formattedtext type="HTML">Danube</mat_formattedtext></mat_extension></material></flow_mat>
</response_label></flow_label><flow_label class="Block"><response_label ident="a2"><flow_mat class="FORMATTED_TEXT_BLOCK">
<material><mat_extension><mat_formattedtext type="HTML">Nile</mat_formattedtext></mat_extension></material></flow_mat>
</response_label></flow_label></render_choice></response_lid></flow></flow></presentation>
<resprocessing><respcondition title="correct"><conditionvar><varequal respident="response" case="No">a2</varequal>
</conditionvar><setvar variablename="SCORE" action="Set">SCORE.max</setvar></respcondition>
<respcondition title="incorrect"><conditionvar><other/></conditionvar><setvar variablename="SCORE" action="Set">0
</setvar></respcondition></resprocessing></item>
<item title="Paris"><itemmetadata><bbmd_questiontype>Fill in the Blank</bbmd_questiontype></itemmetadata>
<presentation><flow class="Block"><flow class="QUESTION_BLOCK"><flow class="FORMATTED_TEXT_BLOCK"><material>
<mat_extension><mat_formattedtext type="HTML">Which river flows through Paris?</mat_formattedtext></mat_extension>
</material></flow></flow><flow class="RESPONSE_BLOCK"><response_str ident="response"><render_fib/></response_str>
</flow></flow></presentation><resprocessing><respcondition title="correct"><conditionvar>
<varequal respident="response" case="No">Seine</varequal></conditionvar>
<setvar variablename="SCORE" action="Set">SCORE.max</setvar></respcondition></resprocessing></item>
</section></assessment></questestinterop>
"""


def test_a_blackboard_export_gives_its_pools_questions(tmp_path: Path) -> None:
    # Blackboard writes each test or pool as a res00001.dat in the zip, the right answer's condition titled
    # "correct" and worth the item's maximum score.
    settings = b'<?xml version="1.0"?><COURSE><TITLE value="Rivers"/></COURSE>'
    found = listed_file(tmp_path, "quiz-export.zip", _package({
        "imsmanifest.xml": b'<manifest><resources><resource file="res00001.dat"/></resources></manifest>',
        "res00001.dat": BLACKBOARD_POOL.encode(), "res00002.dat": settings}))
    assert pairs(found) == [
        ("Which river flows through Cairo?\n\n- A: Danube\n- B: Nile", "**B**: Nile"),
        ("Which river flows through Paris?", "Seine"),
    ]
