"""H5P packages (.h5p) read as the cards their content types hold: Dialog Cards, Flashcards, Question Sets of
multiple choice, true/false, single choice, fill in the blanks and drag the words, and the books and
presentations that hold them.

The packages are written here in H5P's shape (``h5p.json`` naming the main library, ``content/content.json``
its parameters, HTML text with entities), with text of our own.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.errors import SourceError

from .archives import zipped
from .conftest import import_apkg, notes_by_guid
from .listing import listed_file, refused
from .test_media import build, media_dir, package, png

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 24


def h5p(main: str, content: object, **members: bytes) -> bytes:
    """An .h5p package whose main content type is ``main`` with ``content`` as its parameters."""
    return zipped({"h5p.json": json.dumps({"title": "Ours", "language": "en", "mainLibrary": main}),
                   "content/content.json": json.dumps(content), **members})


def held(library: str, params: object, title: str = "") -> dict[str, object]:
    """Content held inside other content, as H5P writes it."""
    return {"library": library, "params": params, "subContentId": "x", "metadata": {"title": title}}


def notes(found: list[dict]) -> list[tuple[object, ...]]:
    return [(card["question"], card["answer"], card["section"], card["kind"]) for card in found]


def test_dialog_cards_are_cards_their_html_read_as_text(tmp_path: Path) -> None:
    content = {"title": "<p>Capitals</p>", "description": "<p>Say the capital.</p>", "mode": "normal", "dialogs": [
        {"text": "<p>Capital of <strong>Norway</strong>?</p>\n", "answer": "<p>Oslo</p>\n",
         "tips": {"front": "<p>Starts with O</p>", "back": ""}},
        {"text": "<p>Capital of Peru?</p>", "answer": "<p>Lima&nbsp;(since 1535)</p>"},
        {"text": "<p>Capital of Chile?</p>", "answer": ""},
    ]}
    found = listed_file(tmp_path, "capitals.h5p", h5p("H5P.Dialogcards", content))
    assert notes(found) == [
        ("Capital of **Norway**?", "Oslo\n\nTip: Starts with O", "", "basic"),
        ("Capital of Peru?", "Lima (since 1535)", "", "basic"),
    ]  # a card with no answer is reported unanswered, never a card


def test_flashcards_with_a_picture_the_package_holds_show_it(tmp_path: Path) -> None:
    content = {"description": "Name the element.", "cards": [
        {"text": "Symbol of iron?", "answer": "Fe", "tip": "<p>Latin <em>ferrum</em></p>"},
        {"text": "Which planet is this?", "answer": "Jupiter", "image": {"path": "images/planet.png"},
         "imageAltText": "a striped planet"},
        {"text": "Which moon is this?", "answer": "Io", "image": {"path": "images/elsewhere.png"},
         "imageAltText": "a yellow moon"},
    ]}
    found = listed_file(tmp_path, "space.h5p", h5p("H5P.Flashcards", content, **{"content/images/planet.png": PNG}))
    assert [card["answer"] for card in found] == ["Fe\n\nTip: Latin *ferrum*", "Jupiter", "Io"]
    assert found[0]["question"] == "Symbol of iron?"
    assert found[1]["question"].startswith("Which planet is this?\n\n![a striped planet](")  # the picture, stored
    assert found[2]["question"] == "Which moon is this?\n\na yellow moon"  # not in the package: its alt text


def test_a_question_set_shows_options_as_multiple_choice_is_shown(tmp_path: Path) -> None:
    content = {"introPage": {"showIntroPage": False}, "questions": [
        held("H5P.MultiChoice 1.16", {"question": "<p>Which are prime?</p>", "answers": [
            {"text": "<div>2</div>", "correct": True, "tipsAndFeedback": {"chosenFeedback": "<div>The even one.</div>"}},
            {"text": "<div>4</div>", "correct": False},
            {"text": "<div>5</div>", "correct": True}]}),
        held("H5P.TrueFalse 1.8", {"question": "<p>The Sun is a star.</p>", "correct": "true"}),
        held("H5P.TrueFalse 1.8", {"question": "<p>Bats are birds.</p>", "correct": "false"}),
        held("H5P.SingleChoiceSet 1.11", {"choices": [
            {"question": "<p>Capital of Peru?</p>", "answers": ["<p>Lima</p>", "<p>Cusco</p>", "<p>Arequipa</p>"]}]}),
        held("H5P.AdvancedText 1.1", {"text": "<p>Well done.</p>"}),
    ]}
    found = listed_file(tmp_path, "quiz.h5p", h5p("H5P.QuestionSet", content))
    assert notes(found) == [
        ("Which are prime?\n\n- A: 2\n- B: 4\n- C: 5", "**A**: 2\n\n**C**: 5\n\nThe even one.", "", "basic"),
        ("The Sun is a star.", "True", "", "basic"),
        ("Bats are birds.", "False", "", "basic"),
        # a single choice set's right answer is its first: shown in alphabetical order, not always A
        ("Capital of Peru?\n\n- A: Arequipa\n- B: Cusco\n- C: Lima", "**C**: Lima", "", "basic"),
    ]


def test_blanks_and_drag_the_words_are_cloze_notes(tmp_path: Path) -> None:
    content = {"questions": [
        held("H5P.Blanks 1.14", {"text": "<p>Fill in the missing words.</p>", "questions": [
            "<p>Oslo is the capital of *Norway/norway:In Scandinavia*.</p>\n",
            "<p>*Paris* is the capital of <em>*France*</em>.</p>",
            "<p>A sentence with no blank.</p>"]}),
        held("H5P.DragText 1.10", {"taskDescription": "<p>Drag the colours.</p>",
                                   "textField": "Blueberries are *blue*.\nStrawberries are *red:Like blood*."}),
        held("H5P.MultiChoice 1.16", {"question": "<p>Largest ocean?</p>", "answers": [
            {"text": "<div>Pacific</div>", "correct": True}, {"text": "<div>Indian</div>", "correct": False}]}),
    ]}
    found = listed_file(tmp_path, "geography.h5p", h5p("H5P.QuestionSet", content))
    assert notes(found) == [
        ("Oslo is the capital of {{c1::Norway::In Scandinavia}}.", "", "", "cloze"),
        ("{{c1::Paris}} is the capital of *{{c2::France}}*.", "", "", "cloze"),
        ("Blueberries are {{c1::blue}}.", "", "", "cloze"),
        ("Strawberries are {{c1::red::Like blood}}.", "", "", "cloze"),
        ("Largest ocean?\n\n- A: Pacific\n- B: Indian", "**A**: Pacific", "", "basic"),
    ]


def test_an_interactive_books_chapters_are_sections(tmp_path: Path) -> None:
    def chapter(title: str, *parts: dict) -> dict:
        return held("H5P.Column 1.16", {"content": [{"content": part, "useSeparator": "auto"} for part in parts]}, title)

    content = {"chapters": [
        chapter("Cells", held("H5P.AdvancedText 1.1", {"text": "<h2>Reading</h2><p>Cells are small.</p>"}),
                held("H5P.TrueFalse 1.8", {"question": "<p>Cells have a nucleus.</p>", "correct": "true"})),
        chapter("Organs", held("H5P.Dialogcards 1.9", {"dialogs": [
            {"text": "<p>Largest organ?</p>", "answer": "<p>The skin</p>"}]})),
    ]}
    found = listed_file(tmp_path, "biology.h5p", h5p("H5P.InteractiveBook", content))
    assert notes(found) == [("Cells have a nucleus.", "True", "Cells", "basic"),
                            ("Largest organ?", "The skin", "Organs", "basic")]


def test_a_course_presentations_questions_are_read_from_its_slides(tmp_path: Path) -> None:
    content = {"presentation": {"slides": [
        {"elements": [{"x": 1, "action": held("H5P.AdvancedText 1.1", {"text": "<p>Title slide</p>"})}]},
        {"elements": [{"x": 1, "action": held("H5P.MultiChoice 1.16", {"question": "<p>2 + 2?</p>", "answers": [
            {"text": "3", "correct": False}, {"text": "4", "correct": True}]})}]},
        {"elements": [{"action": held("H5P.Accordion 1.0", {"panels": [
            {"title": "What is a slide?", "content": held("H5P.AdvancedText 1.1", {"text": "<p>A page of a talk.</p>"})},
            {"title": "Summary", "content": held("H5P.AdvancedText 1.1", {"text": "<p>Not a question.</p>"})}]})}]},
    ]}}
    found = listed_file(tmp_path, "talk.h5p", h5p("H5P.CoursePresentation", content))
    assert notes(found) == [("2 + 2?\n\n- A: 3\n- B: 4", "**B**: 4", "", "basic"),
                            ("What is a slide?", "A page of a talk.", "", "basic")]


def test_summaries_and_crosswords_ask_their_statements_and_clues(tmp_path: Path) -> None:
    content = {"content": [
        {"content": held("H5P.Summary 1.10", {"intro": "<p>Choose the true statement.</p>", "summaries": [
            {"summary": ["<p>Water boils at 100 °C at sea level.</p>", "<p>Water boils at 50 °C.</p>"]},
            {"summary": ["<p>Ice floats.</p>", "<p>Ice sinks.</p>", "<p>Ice dissolves.</p>"], "tip": ""},
            {"summary": ["<p>A lone statement.</p>"]}]})},
        {"content": held("H5P.Crossword 0.4", {"taskDescription": "<p>Solve it.</p>", "words": [
            {"clue": "Capital of Italy", "answer": "Rome", "orientation": "across"},
            {"clue": "Red planet", "answer": "Mars", "orientation": "down"}]})},
    ]}
    found = listed_file(tmp_path, "science.h5p", h5p("H5P.Column", content))
    assert notes(found) == [
        ("Choose the true statement.\n\n- A: Water boils at 100 °C at sea level.\n- B: Water boils at 50 °C.",
         "**A**: Water boils at 100 °C at sea level.", "", "basic"),
        ("Choose the true statement.\n\n- A: Ice dissolves.\n- B: Ice floats.\n- C: Ice sinks.", "**B**: Ice floats.",
         "", "basic"),
        ("Capital of Italy", "Rome", "", "basic"),
        ("Red planet", "Mars", "", "basic"),
    ]


def test_a_packages_pictures_and_clozes_reach_anki(tmp_path: Path, collection) -> None:
    planet = png(200, 40, 20)
    folder = tmp_path / "lesson"
    folder.mkdir()
    image = held("H5P.Image 1.1", {"file": {"path": "images/planet.png", "mime": "image/png"}, "alt": "a red planet"})
    (folder / "planets.h5p").write_bytes(h5p("H5P.QuestionSet", {"questions": [
        held("H5P.MultiChoice 1.16", {"question": "<p>Which planet is this?</p>", "media": {"type": image}, "answers": [
            {"text": "<div>Mars</div>", "correct": True}, {"text": "<div>Venus</div>", "correct": False}]}),
        held("H5P.Blanks 1.14", {"questions": ["<p>*Mars* is the fourth planet from the *Sun*.</p>"]}),
    ]}, **{"content/images/planet.png": planet}))
    assert build(folder, tmp_path / "out") == 0
    import_apkg(collection, package(tmp_path / "out"))
    notes = list(notes_by_guid(collection).values())
    assert collection.card_count() == 3  # the question, and a card for each deletion
    (choice,) = [note for note in notes if "Question" in note.keys()]
    name = choice["Question"].split('src="')[1].split('"')[0]
    assert (media_dir(collection) / name).read_bytes() == planet
    (cloze,) = [note for note in notes if "Text" in note.keys()]
    assert "{{c1::Mars}}" in cloze["Text"] and "{{c2::Sun}}" in cloze["Text"]


def test_text_is_escaped_and_scripts_are_dropped(tmp_path: Path) -> None:
    content = {"cards": [
        {"text": "Which tag shows a picture?", "answer": "&lt;img src=x onerror=alert(1)&gt;"},
        {"text": "<script>alert(2)</script>Symbol of gold?", "answer": "Au"},
    ]}
    found = listed_file(tmp_path, "html.h5p", h5p("H5P.Flashcards", content))
    assert [card["question"] for card in found] == ["Which tag shows a picture?", "Symbol of gold?"]
    assert "onerror" not in found[0]["answer_html"] and "alert" not in found[0]["answer_html"]  # sanitized


def test_a_folder_reads_its_h5p_packages(tmp_path: Path) -> None:
    (tmp_path / "lesson.h5p").write_bytes(h5p("H5P.Flashcards", {"cards": [{"text": "Q?", "answer": "A"}]}))
    assert [path.name for path in sources.collect([tmp_path]).files] == ["lesson.h5p"]


@pytest.mark.parametrize(("data", "message"), [
    (b"PK\x03\x04 cut short", "not a readable package of H5P content"),
    (zipped({"h5p.json": "{}"}), "not a readable package of H5P content (no content/content.json in it)"),
    (zipped({"h5p.json": "{}", "content/content.json": "{not json"}),
     "not a readable package of H5P content (content/content.json is not JSON"),
])
def test_a_damaged_package_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "broken.h5p"
    path.write_bytes(data)
    refused(path, message)


def test_a_package_with_nothing_to_ask_says_so(tmp_path: Path) -> None:
    path = tmp_path / "map.h5p"
    path.write_bytes(h5p("H5P.ImageHotspots", {"hotspots": [{"header": "Lake", "content": []}]}))
    refused(path, "a package of H5P content (H5P.ImageHotspots) holding no question or card qadeck reads")


def test_a_package_that_unpacks_to_too_much_is_refused_unread(tmp_path: Path) -> None:
    # 65 MB of spaces deflate to a few kilobytes: the declared size is refused before anything is inflated.
    path = tmp_path / "bomb.h5p"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("h5p.json", json.dumps({"mainLibrary": "H5P.Flashcards"}))
        package.writestr("content/content.json", b'{"cards": []' + b" " * (65 * 1024 * 1024) + b"}")
    assert path.stat().st_size < 1024 * 1024
    refused(path, "a package of H5P content of over 67108864 bytes of text: too big to read")


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["", "*a*", "<p>x *b:c* d</p>", "H5P.Blanks 1.1",
                                                                  "images/x.png", "../x", "true", "<pre>\n</pre>"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from([
        "library", "params", "questions", "cards", "dialogs", "answers", "text", "answer", "question", "correct",
        "choices", "chapters", "metadata", "title", "image", "path", "textField", "panels", "content", "media", "type",
    ]), inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(main=st.sampled_from(["H5P.QuestionSet", "H5P.Flashcards", "H5P.InteractiveBook", "H5P.Blanks", ""]),
       content=_VALUES)
def test_no_content_makes_the_reader_fail(main: str, content: object) -> None:
    # Packages are untrusted: whatever their JSON holds, reading gives text (or says the package holds nothing).
    try:
        assert isinstance(markups.DOCUMENTS[".h5p"](h5p(main, content), "any.h5p"), str)
    except SourceError:
        pass
