"""Slide decks (.pptx, .odp) read as a teacher's review deck is: cards through ``qadeck list --json``.

The decks are built here from XML strings, in the shape PowerPoint and Impress save them (placeholders,
text boxes, speaker notes, slides listed out of file order), with text of our own.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.errors import SourceError

from .listing import listed, listed_file, pairs, refused

_P = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_KIND = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def run(text: str, bold: bool = False) -> str:
    weight = ' b="1"' if bold else ""
    return f'<a:r><a:rPr lang="en-US"{weight}/><a:t>{text}</a:t></a:r>'


def para(*runs: str, level: int = 0, bullet: str = "") -> str:
    """A paragraph of runs (``run()``), at ``level``, with ``bullet`` ("none", "char", "num") said in its
    properties."""
    marks = {"": "", "none": "<a:buNone/>", "char": '<a:buChar char="•"/>', "num": '<a:buAutoNum type="arabicPeriod"/>'}
    properties = f'<a:pPr lvl="{level}">{marks[bullet]}</a:pPr>' if level or bullet else ""
    return f"<a:p>{properties}{''.join(runs)}</a:p>"


def shape(*paragraphs: str, placeholder: str | None = None, at: tuple[float, float] | None = None) -> str:
    """A shape holding ``paragraphs``: a placeholder of that type ("" for a content placeholder), or a text box;
    ``at``: its left and top in centimetres (else it takes its layout's place)."""
    place = (f'<a:xfrm><a:off x="{int(at[0] * 360000)}" y="{int(at[1] * 360000)}"/><a:ext cx="3600000" cy="720000"/>'
             "</a:xfrm>" if at else "")
    ph = "" if placeholder is None else ('<p:ph idx="1"/>' if placeholder == "" else f'<p:ph type="{placeholder}"/>')
    box = "" if ph else ' txBox="1"'
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr{box}/>'
            f"<p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{place}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{''.join(paragraphs)}"
            "</p:txBody></p:sp>")


def title(text: str, kind: str = "title") -> str:
    return shape(para(run(text)), placeholder=kind)


def table(*rows: tuple[str, ...]) -> str:
    cells = "".join("<a:tr>" + "".join(f"<a:tc><a:txBody><a:bodyPr/>{para(run(cell))}</a:txBody></a:tc>" for cell in row)
                    + "</a:tr>" for row in rows)
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table"/></p:nvGraphicFramePr>'
            f"<a:graphic><a:graphicData><a:tbl><a:tblGrid/>{cells}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")


def pptx(*slides: tuple[str, str] | str, hidden: tuple[int, ...] = ()) -> bytes:
    """A .pptx of ``slides`` (each its shapes' XML, or (shapes, notes' text)), shown in the order given while
    their parts are numbered backwards (a deck whose slides were reordered); ``hidden``: their indexes."""
    buffer = io.BytesIO()
    count = len(slides)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
                         f'Type="{_KIND}officeDocument" Target="ppt/presentation.xml"/></Relationships>')
        ids = "".join(f'<p:sldId id="{256 + n}" r:id="rId{n + 2}"/>' for n in range(count))
        archive.writestr("ppt/presentation.xml", f'<?xml version="1.0"?><p:presentation {_P}><p:sldIdLst>{ids}'
                         '</p:sldIdLst></p:presentation>')
        rels = "".join(f'<Relationship Id="rId{n + 2}" Type="{_KIND}slide" Target="slides/slide{count - n}.xml"/>'
                       for n in range(count))
        archive.writestr("ppt/_rels/presentation.xml.rels", f'<Relationships xmlns="{_RELS}">{rels}</Relationships>')
        for n, slide in enumerate(slides):
            shapes, notes = slide if isinstance(slide, tuple) else (slide, "")
            number = count - n
            show = ' show="0"' if n in hidden else ""
            archive.writestr(f"ppt/slides/slide{number}.xml", f'<p:sld {_P}{show}><p:cSld><p:spTree>{shapes}'
                             "</p:spTree></p:cSld></p:sld>")
            if notes:
                archive.writestr(f"ppt/slides/_rels/slide{number}.xml.rels", f'<Relationships xmlns="{_RELS}">'
                                 f'<Relationship Id="rId2" Type="{_KIND}notesSlide" '
                                 f'Target="../notesSlides/notesSlide{number}.xml"/></Relationships>')
                archive.writestr(f"ppt/notesSlides/notesSlide{number}.xml",
                                 f"<p:notes {_P}><p:cSld><p:spTree>{shape(para(run('')), placeholder='sldImg')}"
                                 f"{shape(para(run(notes)), placeholder='body')}"
                                 f"{shape(para(run(str(number))), placeholder='sldNum')}</p:spTree></p:cSld></p:notes>")
    return buffer.getvalue()


_ODP = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')
#: Automatic styles as Impress writes them: a hidden page, a bold span.
_ODP_STYLES = ('<style:style style:family="drawing-page" style:name="dp2"><style:drawing-page-properties '
               'presentation:visibility="hidden"/></style:style>'
               '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>')


def frame(kind: str, body: str) -> str:
    return (f'<draw:frame presentation:style-name="pr1" presentation:class="{kind}" svg:width="25cm">'
            f"<draw:text-box>{body}</draw:text-box></draw:frame>")


def outline(*items: str) -> str:
    return frame("outline", '<text:list text:style-name="L2">' + "".join(
        f"<text:list-item><text:p>{item}</text:p></text:list-item>" for item in items) + "</text:list>")


def odp(*pages: str, encrypted: bool = False) -> bytes:
    """An .odp whose content.xml holds ``pages`` (each a ``draw:page``'s inner XML, ``hidden:`` first for a
    hidden one)."""
    body = "".join(f'<draw:page draw:name="page{n}" draw:style-name="{"dp2" if page.startswith("hidden:") else "dp1"}" '
                   f'draw:master-page-name="Default">{page.removeprefix("hidden:")}</draw:page>'
                   for n, page in enumerate(pages, 1))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODP}>'
               f"<office:automatic-styles>{_ODP_STYLES}</office:automatic-styles>"
               f"<office:body><office:presentation>{body}</office:presentation></office:body></office:document-content>")
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                + ('<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
                   "</manifest:file-entry>" if encrypted else "") + "</manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest)
    return buffer.getvalue()


def test_slide_titles_that_ask_are_questions_their_bodies_and_notes_the_answers(tmp_path: Path) -> None:
    deck = pptx(
        title("Cell biology review", kind="ctrTitle") + shape(para(run("Unit 3")), placeholder="subTitle"),
        title("What is the powerhouse of the cell?") + shape(para(run("The mitochondrion")), placeholder=""),
        (title("What does the nucleus hold?") + shape(
            para(run("the "), run("DNA", bold=True)), para(run("in chromosomes"), level=1),
            para(run("the nucleolus")), placeholder=""),
         "Mention the nuclear envelope."),
        title("Which organelle makes proteins?") + shape(para(run("Not the Golgi")), placeholder="") + table(
            ("Organelle", "Job"), ("Ribosome", "makes proteins")),
        title("What is osmosis?") + shape(para(run("Water crossing a membrane")), placeholder=""),
        hidden=(4,),
    )
    assert pairs(listed_file(tmp_path, "biology-review.pptx", deck)) == [
        ("What is the powerhouse of the cell?", "The mitochondrion"),
        ("What does the nucleus hold?", "- the DNA\n    - in chromosomes\n- the nucleolus\n\n"
                                        "Mention the nuclear envelope."),
        ("Which organelle makes proteins?", "Not the Golgi\n\n| Organelle | Job |\n|---|---|\n| Ribosome | makes proteins |"),
    ]


def test_question_and_answer_slides_make_one_card_each_pair(tmp_path: Path) -> None:
    deck = pptx(
        title("Question 1") + shape(para(run("What is the capital of Peru?")), placeholder=""),
        title("Answer") + shape(para(run("Lima")), placeholder=""),
        title("Question 2") + shape(para(run("Which river crosses Cairo?")), placeholder=""),
        title("Answer 2") + shape(para(run("The Nile")), placeholder=""),
        # A slide with no title continues the one before: the rest of a long answer.
        title("Question 3") + shape(para(run("Name two Andean countries.")), placeholder=""),
        title("Answer") + shape(para(run("Chile")), placeholder=""),
        shape(para(run("Bolivia")), placeholder=None),
    )
    assert pairs(listed_file(tmp_path, "geography-quiz.pptx", deck)) == [
        ("What is the capital of Peru?", "Lima"),
        ("Which river crosses Cairo?", "The Nile"),
        ("Name two Andean countries.", "Chile\n\nBolivia"),
    ]


def test_a_slide_repeated_with_its_answer_added_is_read_once(tmp_path: Path) -> None:
    # Teachers reveal an answer by duplicating the question's slide and adding the answer to the copy.
    asks = [title("What does 2 + 3 return?"), shape(para(run("return 2 + 3;")), placeholder=None)]
    asks_more = [title("What does 4 * 2 return?"), shape(para(run("return 4 * 2;")), placeholder=None)]
    # A quiz shows the same slide again with the answer circled (no text): it is one question; a slide saying
    # only "Question 3" divides the quiz and asks nothing.
    circled = title("Which planet is largest?") + shape(para(run("Jupiter")), placeholder="")
    deck = pptx("".join(asks), "".join(asks) + shape(para(run("Answer: 5", bold=True))),
                "".join(asks_more), "".join(asks_more) + shape(para(run("Answer: 8", bold=True))),
                title("Question 3"), circled, circled)
    assert pairs(listed_file(tmp_path, "flashcards.pptx", deck)) == [
        ("What does 2 + 3 return?", "return 2 + 3;\n\n**Answer: 5**"),
        ("What does 4 * 2 return?", "return 4 * 2;\n\n**Answer: 8**"),
        ("Which planet is largest?", "Jupiter"),
    ]


def test_q_and_a_text_boxes_are_prefixed_cards(tmp_path: Path) -> None:
    deck = pptx(
        title("Networking") + shape(para(run("Q: What port does HTTPS use?")), placeholder=None)
        + shape(para(run("A: 443")), placeholder=None),
        title("More networking") + shape(para(run("Q: What does DNS resolve?"), bullet="char"),
                                         para(run("A: Names to addresses"), bullet="char"), placeholder=None),
    )
    assert pairs(listed_file(tmp_path, "network-questions.pptx", deck)) == [
        ("What port does HTTPS use?", "443"),
        ("What does DNS resolve?", "Names to addresses"),
    ]


def test_text_boxes_are_read_where_they_show_not_in_the_order_they_were_made(tmp_path: Path) -> None:
    # The answer's box was drawn first, below the question's; the options sit in two rows of two.
    deck = pptx(
        title("Review") + shape(para(run("A: Paris")), at=(2, 8)) + shape(para(run("Q: What is the capital of France?")),
                                                                           at=(2, 3)),
        title("Quiz") + shape(para(run("A: Oslo")), at=(2, 8.1)) + shape(para(run("Q: What is the capital of Norway?")),
                                                                          at=(2, 3))
        + shape(para(run("Bergen is second.")), at=(14, 7.9)),
    )
    assert pairs(listed_file(tmp_path, "capitals-questions.pptx", deck)) == [
        ("What is the capital of France?", "Paris"),
        ("What is the capital of Norway?", "Oslo\n\nBergen is second."),
    ]


def test_numbered_paragraphs_count_from_one_after_a_bullet(tmp_path: Path) -> None:
    deck = pptx(
        title("How do I reset the router?") + shape(
            para(run("Unplug it"), bullet="num"), para(run("Wait"), bullet="num"), para(run("Then")),
            para(run("Plug it in"), bullet="num"), placeholder=""),
        title("Why reset it?") + shape(para(run("It clears its cache")), placeholder=""),
    )
    assert pairs(listed_file(tmp_path, "router-faq.pptx", deck))[0] == (
        "How do I reset the router?", "1. Unplug it\n2. Wait\n- Then\n1. Plug it in")


def test_an_impress_deck_reads_as_the_same_deck_would_in_powerpoint(tmp_path: Path) -> None:
    deck = odp(
        frame("title", "<text:p>What is a prime number?</text:p>")
        + outline('A number with <text:span text:style-name="T1">two</text:span> divisors')
        + '<presentation:notes><draw:page-thumbnail presentation:class="page"/>'
        + frame("notes", "<text:p>One is not prime.</text:p>") + "</presentation:notes>",
        "hidden:" + frame("title", "<text:p>What is a draft?</text:p>") + outline("Not finished"),
        frame("title", "<text:p>Name two even primes?</text:p>") + outline("There is only one:", "two")
        + frame("page-number", "<text:p>3</text:p>"),
        frame("title", "<text:p>Question 4</text:p>") + outline("What is 7 × 6?"),
        frame("title", "<text:p>Answer</text:p>") + outline("42"),
    )
    assert pairs(listed_file(tmp_path, "maths-review.odp", deck)) == [
        ("What is a prime number?", "A number with two divisors\n\nOne is not prime."),
        ("Name two even primes?", "- There is only one:\n- two"),
        ("What is 7 × 6?", "42"),
    ]


def test_a_folder_reads_decks_named_for_questions_only(tmp_path: Path) -> None:
    deck = pptx(title("What is it?") + shape(para(run("A deck")), placeholder=""))
    for name in ("lecture-3.pptx", "review-questions.pptx", "intro.odp", "faq.odp", "old.ppt", "Interview-prep.pptx"):
        (tmp_path / name).write_bytes(deck)
    # While a deck is open, PowerPoint keeps a lock file beside it: a few bytes of the user's name, no deck.
    (tmp_path / "~$review-questions.pptx").write_bytes(b"\x05Maria" + bytes(160))
    (tmp_path / "notes.md").write_text("## What is it?\n\nA note.\n")  # notes beside the decks: decks named for Q&A only
    found = sources.collect([tmp_path])
    assert [path.name for path in found.files] == ["Interview-prep.pptx", "faq.odp", "notes.md", "review-questions.pptx"]
    assert sorted(found.skipped) == [
        f"{tmp_path / name}: skipped, a data file or document whose name does not say it holds questions (name it to read it)"
        for name in ("intro.odp", "lecture-3.pptx", "old.ppt")
    ]


def test_a_folder_of_documents_alone_reads_them_all(tmp_path: Path) -> None:
    """Given a folder that holds only documents, the user gave it for them, whatever their names."""
    deck = pptx(title("What is it?") + shape(para(run("A deck")), placeholder=""))
    for name in ("lecture-3.pptx", "intro.odp", "old.ppt"):
        (tmp_path / name).write_bytes(deck)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.md").write_text("## What is it?\n\nA note.\n")
    documents = tmp_path / "documents"
    (documents / "more").mkdir(parents=True)
    (documents / "more" / "week-1.pptx").write_bytes(deck)
    assert [path.name for path in sources.collect([documents]).files] == ["week-1.pptx"]
    assert [card["question"] for card in listed(documents)] == ["What is it?"]
    found = sources.collect([tmp_path / "sub", tmp_path / "documents"])
    assert [path.name for path in found.files] == ["notes.md", "week-1.pptx"]  # each folder given on its own
    found = sources.collect([tmp_path])  # a subfolder's notes: the decks beside them are named for nothing
    assert [path.name for path in found.files] == ["notes.md"]
    assert len(found.skipped) == 4  # the three decks beside the notes' folder and the one below


@pytest.mark.parametrize(("name", "data", "message"), [
    ("quiz.pptx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "an encrypted (password-protected) or old binary PowerPoint presentation, not a zip"),
    ("quiz.pptx", b"PK\x03\x04 cut short", "not a readable PowerPoint presentation"),
    ("quiz.pptx", odp(frame("title", "<text:p>What?</text:p>")), "not a readable PowerPoint presentation "
                                                                   "(no ppt/presentation.xml in it)"),
    ("quiz.odp", odp(frame("title", "<text:p>What?</text:p>"), encrypted=True),
     "a password-protected OpenDocument presentation: save it without a password to read it"),
    ("quiz.odp", b"not a zip at all", "not a readable OpenDocument presentation"),
])
def test_a_locked_or_damaged_deck_is_a_one_line_error_naming_it(tmp_path: Path, name: str, data: bytes,
                                                                 message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    refused(path, message)


def test_a_first_slide_naming_the_deck_is_its_title_not_an_empty_entry(tmp_path: Path) -> None:
    # A deck's opening slide in an ordinary title layout: read as one more section, "Testing FAQ" would be a
    # FAQ section of its own with nothing in it.
    deck = pptx(
        title("Testing FAQ"),
        title("How do I test private code?") + shape(para(run("Through the public interface")), placeholder=""),
        title("Are files in unit tests bad?") + shape(para(run("Keep them few:")), para(run("they slow tests"), level=1),
                                                       placeholder=""),
        title("Regression is overrated") + shape(para(run("Bugs appear while code changes")), placeholder=""),
    )
    assert [card["question"] for card in listed_file(tmp_path, "testing-faq.pptx", deck)] == [
        "How do I test private code?", "Are files in unit tests bad?", "Regression is overrated"]


_DECKS = {
    ".pptx": pptx(title("What is it?") + shape(para(run("A deck"), bullet="num"), para(run("kept"), level=1), at=(1, 2)),
                  (title("Question 2") + table(("a", "b")), "notes")),
    ".odp": odp(frame("title", "<text:p>What is it?</text:p>") + outline("A deck", "kept"), "hidden:" + outline("x")),
}


@settings(max_examples=60, deadline=None)
@given(suffix=st.sampled_from(sorted(_DECKS)), cut=st.integers(0, 4000), flips=st.lists(
    st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=4))
def test_no_damage_to_a_deck_makes_the_reader_fail_but_with_an_error_naming_it(suffix: str, cut: int,
                                                                               flips: list[tuple[int, int]]) -> None:
    # Decks are untrusted: cut short or with bytes changed, reading one gives text or a SourceError, never a traceback.
    data = bytearray(_DECKS[suffix][:cut] if cut < len(_DECKS[suffix]) else _DECKS[suffix])
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    try:
        assert isinstance(markups.DOCUMENTS[suffix](bytes(data), "deck" + suffix), str)
    except SourceError as exc:
        assert "deck" + suffix in str(exc)
