"""PowerPoint 97-2003 decks (.ppt) read as the same deck saved as .pptx is: cards through ``qadeck list --json``.

Two kinds of deck: ``fixtures/slides/*.ppt``, our own decks saved by LibreOffice (see ``make_ppt_fixtures.py``:
placeholder text in each slide's drawing), and decks built here record by record in the shape PowerPoint saves
them (placeholder text in the document's slide list, the drawing pointing to it; notes pages; a fast save's
second edit), with text of our own.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.errors import SourceError

from .listing import listed, listed_file, pairs, refused
from .ole import compound_file

FIXTURES = Path(__file__).parent / "fixtures" / "slides"
TITLE, BODY, NOTES, OTHER, CENTER_BODY, CENTER_TITLE = 0, 1, 2, 4, 5, 6


def record(kind: int, *children: bytes, data: bytes = b"", instance: int = 0) -> bytes:
    """One record: a container of ``children``, or an atom holding ``data``."""
    body = b"".join(children) if children else data
    options = instance << 4 | (0xF if children else 0)
    return struct.pack("<HHI", options, kind, len(body)) + body


def text(kind: int, words: str, levels: tuple[int, ...] = (), wide: bool = True) -> bytes:
    """A text's header, its characters (UTF-16, or one byte each), and each paragraph's indent level."""
    chars = record(0x0FA0, data=words.encode("utf-16-le")) if wide else record(0x0FA8, data=words.encode("latin-1"))
    style = b""
    if levels:
        paragraphs = words.split("\r")
        runs = b"".join(struct.pack("<IHI", len(p) + 1 + (n == len(paragraphs) - 1), level, 0)
                        for n, (p, level) in enumerate(zip(paragraphs, levels)))
        style = record(0x0FA1, data=runs + struct.pack("<IIH", len(words) + 1, 0, 0))
    return record(0x0F9F, data=struct.pack("<I", kind)) + chars + style


def shape(*inside: bytes, at: tuple[int, int] | None = None, placeholder: int | None = None) -> bytes:
    """A shape: its anchor (left, top in master units, 576 an inch), its placeholder type, its text box."""
    parts = [record(0xF00A, data=bytes(8))]
    if at:
        parts.append(record(0xF010, data=struct.pack("<hhhh", at[1], at[0], at[0] + 2000, at[1] + 400)))
    if placeholder is not None:
        parts.append(record(0xF011, record(0x0BC3, data=struct.pack("<IBBH", 0, placeholder, 0, 0))))
    if inside:
        parts.append(record(0xF00D, *inside))
    return record(0xF004, *parts)


def drawing(*shapes: bytes) -> bytes:
    return record(0x040C, record(0xF002, record(0xF003, record(0xF004, record(0xF009, data=bytes(16))), *shapes)))


def reference(index: int) -> bytes:
    """A placeholder's text, kept in the slide list: the index of the slide's text there."""
    return record(0x0F9E, data=struct.pack("<I", index))


def deck(slides: list[tuple[list[bytes], list[bytes], str]], hidden: tuple[int, ...] = (),
         edit: tuple[int, bytes] | None = None, token: int = 0xE391C05F) -> bytes:
    """A .ppt of ``slides``, each (its texts in the slide list, its drawing's shapes, its notes), as PowerPoint
    saves them; ``edit``: a fast save's second edit replacing slide N's shapes with a new version of the slide."""
    stream = b""
    places: dict[int, int] = {}
    count = len(slides)
    slide_ids, notes_ids = [256 + n for n in range(count)], [512 + n for n in range(count)]

    def slide_record(n: int, shapes: list[bytes]) -> bytes:
        notes_ref = notes_ids[n] if slides[n][2] else 0
        atom = record(0x03EF, data=struct.pack("<I8sIIHH", 0, bytes(8), 0, notes_ref, 0, 0))
        info = record(0x03F9, data=struct.pack("<IIBBHB3s", 0, 0, 0, 0, 4 if n in hidden else 0, 0, bytes(3)))
        return record(0x03EE, atom, info, drawing(*shapes))

    listed_slides = b"".join(record(0x03F3, data=struct.pack("<IIIII", 2 + n, 0, len(texts), slide_ids[n], 0))
                             + b"".join(texts) for n, (texts, _shapes, _notes) in enumerate(slides))
    listed_notes = b"".join(record(0x03F3, data=struct.pack("<IIIII", 2 + count + n, 0, 0, notes_ids[n], 0))
                            for n, (_t, _s, notes) in enumerate(slides) if notes)
    document = record(0x03E8, record(0x03E9, data=bytes(40)), record(0x0FF0, listed_slides, instance=0),
                      record(0x0FF0, listed_notes, instance=2))
    places[1] = len(stream)
    stream += document
    for n, (_texts, shapes, notes) in enumerate(slides):
        places[2 + n] = len(stream)
        stream += slide_record(n, shapes)
        if notes:
            places[2 + count + n] = len(stream)
            stream += record(0x03F0, record(0x03F1, data=bytes(8)), drawing(
                shape(placeholder=0x0B), shape(text(NOTES, notes), placeholder=0x0C)))

    def save(places: dict[int, int], last: int) -> int:
        nonlocal stream
        directory = b"".join(struct.pack("<II", number | 1 << 20, offset) for number, offset in sorted(places.items()))
        at = len(stream)
        stream += record(0x1772, data=directory)
        user = len(stream)
        stream += record(0x0FF5, data=struct.pack("<IHBBIIIIHH", 0, 0, 0, 3, last, at, 1, 2 + 2 * count, 1, 0))
        return user

    user = save(places, 0)
    if edit:
        number, shapes_xml = edit
        at = len(stream)
        stream += slide_record(number, [shapes_xml])
        user = save({2 + number: at}, user)
    current = record(0x0FF6, data=struct.pack("<IIIHHBBH", 0x14, token, user, 0, 0x03F4, 3, 0, 0))
    return compound_file({"PowerPoint Document": stream, "Current User": current})


def test_a_powerpoint_deck_reads_its_titles_bodies_notes_and_text_boxes(tmp_path: Path) -> None:
    data = deck([
        ([text(CENTER_TITLE, "Botany review"), text(CENTER_BODY, "Unit 2")],
         [shape(reference(0), placeholder=0x0F), shape(reference(1), placeholder=0x10)], ""),
        ([text(TITLE, "What do leaves make in sunlight?"), text(BODY, "Sugar\rfrom water and air\rOxygen", (0, 1, 0))],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E),
          shape(text(OTHER, "*"), placeholder=0x08)],
         "Photosynthesis happens in the chloroplasts."),
        ([text(TITLE, "Which answers are right?")],
         [shape(reference(0), placeholder=0x0D),
          shape(text(OTHER, "B. Roots"), at=(3000, 1500)), shape(text(OTHER, "A. Leaves", wide=False), at=(500, 1500))],
         ""),
        ([text(TITLE, "Question 3"), text(BODY, "Which tissue carries water up the stem?")],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], ""),
        ([text(TITLE, "Answer"), text(BODY, "The xylem: ça monte, naïve café")],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], ""),
        ([text(TITLE, "What was left out?"), text(BODY, "This slide is hidden")],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], ""),
    ], hidden=(5,))
    assert pairs(listed_file(tmp_path, "botany-review.ppt", data)) == [
        ("What do leaves make in sunlight?",
         "- Sugar\n    - from water and air\n- Oxygen\n\nPhotosynthesis happens in the chloroplasts."),
        ("Which answers are right?", "A. Leaves\n\nB. Roots"),  # read where they show, left to right
        ("Which tissue carries water up the stem?", "The xylem: ça monte, naïve café"),
    ]


def test_a_fast_saved_deck_reads_its_newest_edit(tmp_path: Path) -> None:
    # PowerPoint's fast save appends the slides changed since the last save and a persist directory naming only
    # them, pointing back to the one before: the slide's newest version is the one shown.
    first = [text(TITLE, "What is an atom?"), text(BODY, "A unit of matter")]
    data = deck([(first, [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], "")] * 2,
                edit=(1, shape(text(TITLE, "What is a molecule?"), placeholder=0x0D)
                      + shape(text(BODY, "Atoms bound together"), placeholder=0x0E)))
    assert pairs(listed_file(tmp_path, "atoms-quiz.ppt", data)) == [
        ("What is an atom?", "A unit of matter"), ("What is a molecule?", "Atoms bound together")]


def test_a_deck_libreoffice_saved_reads_as_its_pptx_does(tmp_path: Path) -> None:
    # LibreOffice writes placeholders' text into each slide's drawing and none into the slide list.
    cards = listed(FIXTURES / "libreoffice-botany-review.ppt")
    assert pairs(cards) == pairs(listed(FIXTURES / "libreoffice-botany-review.pptx")) == [
        ("What do leaves make in sunlight?",
         "- Sugar, from water and air\n- Oxygen, as a by-product\n\nPhotosynthesis happens in the chloroplasts."),
        ("Why are most plants green?", "Chlorophyll reflects green light."),
        ("Which tissue carries water up the stem?", "The xylem — ça va, naïve café ✓"),
    ]


def test_a_folder_reads_old_decks_named_for_questions(tmp_path: Path) -> None:
    data = deck([([text(TITLE, "What is it?"), text(BODY, "An old deck")],
                  [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], "")])
    for name in ("lecture-3.ppt", "review-questions.ppt", "quiz-answers.pps"):
        (tmp_path / name).write_bytes(data)
    found = sources.collect([tmp_path / "lecture-3.ppt", tmp_path])
    assert sorted(path.name for path in found.files) == ["lecture-3.ppt", "quiz-answers.pps", "review-questions.ppt"]
    assert [card["question"] for card in listed(tmp_path / "review-questions.ppt")] == ["What is it?"]


def test_a_pptx_saved_under_the_old_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    data = (FIXTURES / "libreoffice-botany-review.pptx").read_bytes()
    assert len(listed_file(tmp_path, "review.ppt", data)) == 3


@pytest.mark.parametrize(("data", "message"), [
    (deck([([text(TITLE, "What?")], [shape(reference(0))], "")], token=0xF3D1C4DF),
     "encrypted PowerPoint deck; remove its password and save it as .pptx to read it"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "damaged PowerPoint 97-2003 deck"),
    (compound_file({"WordDocument": b"\0" * 100}), "not a PowerPoint 97-2003 deck (no PowerPoint Document stream)"),
    (b"Just some text", "not a PowerPoint 97-2003 deck; save it as .pptx to read it"),
])
def test_a_locked_damaged_or_other_file_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes,
                                                                      message: str) -> None:
    path = tmp_path / "quiz.ppt"
    path.write_bytes(data)
    refused(path, message)


_DECK = deck([([text(TITLE, "What is it?"), text(BODY, "A deck\rkept", (0, 1))],
               [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], "notes")],
             edit=(0, shape(text(TITLE, "What now?"))))
_STREAM_START = _DECK.index(struct.pack("<HH", 0xF, 0x03E8))


@settings(max_examples=80, deadline=None)
@given(cut=st.integers(0, len(_DECK)), flips=st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 255)), max_size=4))
def test_no_damage_to_a_deck_makes_the_reader_fail_but_with_an_error_naming_it(cut: int,
                                                                               flips: list[tuple[int, int]]) -> None:
    # Decks are untrusted: cut short, or with bytes of the PowerPoint stream changed, reading one gives text or a
    # SourceError naming it, never a traceback.
    data = bytearray(_DECK[:cut])
    for at, value in flips:
        if len(data) > _STREAM_START:
            data[_STREAM_START + at % (len(data) - _STREAM_START)] = value
    try:
        assert isinstance(markups.DOCUMENTS[".ppt"](bytes(data), "deck.ppt"), str)
    except SourceError as exc:
        assert "deck.ppt" in str(exc)


def test_an_empty_placeholder_still_counts_in_the_slide_list(tmp_path: Path) -> None:
    # A placeholder left empty keeps its text header in the slide list with no characters after it: the body's
    # reference counts it, and a slide with no title goes on with the slide before.
    empty_title = record(0x0F9F, data=struct.pack("<I", TITLE))
    data = deck([
        ([text(TITLE, "What is osmosis?"), text(BODY, "Water moving across a membrane")],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], ""),
        ([empty_title, text(BODY, "from less salty to more salty"), text(OTHER, "a text no shape shows")],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], ""),
        ([text(TITLE, "What is diffusion?"), text(BODY, "Particles spreading out")],
         [shape(reference(0), placeholder=0x0D), shape(reference(1), placeholder=0x0E)], ""),
    ])
    assert pairs(listed_file(tmp_path, "cells-quiz.ppt", data)) == [
        ("What is osmosis?", "Water moving across a membrane\n\nfrom less salty to more salty"),
        ("What is diffusion?", "Particles spreading out"),
    ]
