"""Mind maps saved by other apps than FreeMind and XMind: read as a FreeMind map is, so a question topic answered
by its subtopics or its note is a card; a broken file is one line naming it, never a traceback."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.cli import cli
from qadeck.errors import SourceError

from .archives import zipped
from .listing import listed_file


def _cards(found: list[dict]) -> list[tuple[object, object, object]]:
    return [(card["question"], card["answer"], card["section"]) for card in found]


#: Extension -> a small map of that format (one question answered), for the tests every format shares.
_MAPS: dict[str, bytes] = {}
#: (file name, its bytes, the one line reading it gives).
_BROKEN: list[tuple[str, bytes, str]] = []

# MindManager: a topic's text comes after its subtopics, as MindManager writes it.
def _mm_topic(text: str, *subtopics: str, note: str = "") -> str:
    inner = f"<ap:SubTopics>{''.join(subtopics)}</ap:SubTopics>" if subtopics else ""
    notes = (f'<ap:NotesGroup><ap:NotesXhtmlData PreviewPlainText="{escape(note)}"><html xmlns="http://www.w3.org/1999/xhtml">'
             f"<p>{escape(note)}</p></html></ap:NotesXhtmlData></ap:NotesGroup>") if note else ""
    return (f'<ap:Topic OId="x">{inner}<ap:TopicViewGroup ViewIndex="0"/>'
            f'<ap:Text PlainText="{escape(text)}" ReadOnly="false"><ap:Font/></ap:Text>{notes}</ap:Topic>')


def _mmap(central: str, floating: str = "") -> bytes:
    document = ('<?xml version="1.0" encoding="UTF-8"?><ap:Map xmlns:ap="http://schemas.mindjet.com/MindManager/Application/2003">'
                f'<ap:OneTopic>{central}</ap:OneTopic><ap:StyleGroup><ap:DefaultText PlainText="Central Topic"/></ap:StyleGroup>'
                f"{floating}</ap:Map>")
    return zipped({"Document.xml": document, "xsd/MindManagerCore.xsd": "<xs:schema/>"})


def test_a_mindmanager_map_gives_its_question_topics_as_cards(tmp_path: Path) -> None:
    central = _mm_topic(
        "Geology",
        _mm_topic("Rocks", _mm_topic("What forms basalt?", _mm_topic("Lava that cools fast.")),
                  _mm_topic("Why is granite speckled?", note="Its crystals grew slowly & apart.")),
        _mm_topic("Weather", _mm_topic("What makes hail?", _mm_topic("Updrafts that lift drops to freeze again."))),
    )
    floating = _mm_topic("Which layer is hottest?", _mm_topic("The inner core."))
    found = listed_file(tmp_path, "geology.mmap", _mmap(central, f"<ap:FloatingTopics>{floating}</ap:FloatingTopics>"))
    assert _cards(found) == [
        ("Which layer is hottest?", "The inner core.", "Geology"),  # a floating topic: a branch of the central one
        ("What forms basalt?", "Lava that cools fast.", "Rocks"),
        ("Why is granite speckled?", "Its crystals grew slowly & apart.", "Rocks"),
        ("What makes hail?", "Updrafts that lift drops to freeze again.", "Weather"),
    ]


def test_a_mindmanager_map_of_notes_is_an_outline_with_no_cards(tmp_path: Path) -> None:
    central = _mm_topic("Kitchen", _mm_topic("Knives", _mm_topic("Keep them dry")), _mm_topic("Pans", _mm_topic("Heat slowly")))
    (tmp_path / "kitchen.mmap").write_bytes(_mmap(central))
    text = sources.read(tmp_path / "kitchen.mmap").text
    assert text.startswith("# Kitchen\n") and "- Knives\n    Keep them dry" in text and "Central Topic" not in text


_MAPS[".mmap"] = _mmap(_mm_topic("Root", _mm_topic("Why?", _mm_topic("So."))))
_BROKEN += [
    ("map.mmap", b"PK\x03\x04 cut short", "map.mmap: not a readable MindManager mind map"),
    ("map.mmap", zipped({"bin/1.bin": b""}), "map.mmap: not a readable MindManager mind map (no Document.xml in it)"),
    ("map.mmap", zipped({"Document.xml": "<ap:Map><ap:OneTopic>\n<ap:Topic><ap:Text PlainText='Why?'/>\n</ap:OneTopic></ap:Map>"}),
     "map.mmap:2: not a readable MindManager mind map: Document.xml: <ap:Topic> opened here is never closed"),
]


# SimpleMind: topics listed flat, each naming its parent; "\N" a line break, "\\*" a bold mark in an attribute.
def _smmx(*topics: tuple[str, str, str, str]) -> bytes:
    listed = "".join(
        f'<topic id="{topic}" parent="{parent}" x="0" y="0" text="{escape(text)}" textfmt="rtf1">'
        + (f"<note>{escape(note)}</note>" if note else "") + "</topic>"
        for topic, parent, text, note in topics
    )
    document = ('<?xml version="1.0" encoding="UTF-8"?><simplemind-mindmaps doc-version="3"><mindmap><meta>'
                f'<title text="ignored"/></meta><topics>{listed}</topics><relations><relation source="2" target="4">'
                '<children><text><note>see also</note></text></children></relation></relations></mindmap></simplemind-mindmaps>')
    return zipped({"document/mindmap.xml": "\ufeff" + document})


def test_a_simplemind_map_gives_its_question_topics_as_cards(tmp_path: Path) -> None:
    data = _smmx(
        ("0", "-1", "Music\\Ntheory", ""),
        ("1", "0", "Scales", ""),
        ("4", "1", "What is a \\\\*semitone\\\\*?", "The smallest step on a piano."),
        ("2", "1", "How many notes in a major scale?", ""),
        ("3", "2", "Seven,\\Nthen the octave.", ""),
        ("5", "0", "Rhythm", ""),
        ("6", "5", "What does a dot after a note do?", ""),
        ("7", "6", "Adds half its length.", ""),
    )
    found = listed_file(tmp_path, "music.smmx", data)
    assert _cards(found) == [
        ("What is a semitone?", "The smallest step on a piano.", "Scales"),
        ("How many notes in a major scale?", "Seven,\nthen the octave.", "Scales"),
        ("What does a dot after a note do?", "Adds half its length.", "Rhythm"),
    ]
    assert "see also" not in sources.read(tmp_path / "music.smmx").text


def test_a_chain_of_topics_too_deep_is_refused_not_a_crash(tmp_path: Path) -> None:
    chain = [("0", "-1", "Root", "")] + [(str(n), str(n - 1), f"Step {n}", "") for n in range(1, 400)]
    with pytest.raises(SourceError, match="nested over"):
        markups.DOCUMENTS[".smmx"](_smmx(*chain), "deep.smmx")


_MAPS[".smmx"] = _smmx(("0", "-1", "Root", ""), ("1", "0", "Why?", "So."))
_BROKEN += [
    ("map.smmx", zipped({"document/other.xml": "<x/>"}), "map.smmx: not a readable SimpleMind mind map (no document/mindmap.xml in it)"),
    ("map.smmx", zipped({"document/mindmap.xml": "<simplemind-mindmaps/>"}), "map.smmx: not a readable SimpleMind mind map (no <mindmap>"),
]


# iThoughts: nested topics, text and notes in attributes, a line break a character reference.
def _itmz(topics: str) -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8"?><iThoughts version="4.0"><topics>{topics}</topics>'
                '<relationships><relationship end1-uuid="a" end2-uuid="b"/></relationships></iThoughts>')
    return zipped({"mapdata.xml": document, "style.xml": "<style/>", "preview.png": b"\x89PNG"})


def _it_topic(text: str, inner: str = "", note: str = "") -> str:
    noted = f' note="{escape(note)}"' if note else ""
    return f'<topic uuid="u" text="{escape(text)}"{noted}>{inner}</topic>'


def test_an_ithoughts_map_gives_its_question_topics_as_cards(tmp_path: Path) -> None:
    topics = _it_topic("Birds", _it_topic("Flight", _it_topic("Why do geese fly in a V?", _it_topic("Each rides the\nwake of the one ahead."))
                                          + _it_topic("How do owls fly silently?", note="Soft **fringed** feathers.")))
    found = listed_file(tmp_path, "birds.itmz", _itmz(topics.replace("\n", "&#10;")))
    assert _cards(found) == [
        ("Why do geese fly in a V?", "Each rides the\nwake of the one ahead.", "Flight"),
        ("How do owls fly silently?", "Soft **fringed** feathers.", "Flight"),
    ]


_MAPS[".itmz"] = _itmz(_it_topic("Root", _it_topic("Why?", _it_topic("So."))))
_BROKEN += [
    ("map.itmz", b"not a zip at all", "map.itmz: not a readable iThoughts mind map"),
    ("map.itmz", zipped({"mapdata.xml": "<iThoughts><topics>\n</topic></topics></iThoughts>"}),
     "map.itmz:2: not a readable iThoughts mind map: mapdata.xml: </topic> closes nothing"),
]


# KityMinder: JSON, each node's text and note in its "data".
def _km_node(text: str, *children: dict, note: str = "") -> dict:
    data = {"id": text[:4], "created": 1700000000000, "text": text} | ({"note": note} if note else {})
    return {"data": data, "children": list(children)}


def test_a_kityminder_map_gives_its_question_topics_as_cards(tmp_path: Path) -> None:
    root = _km_node("Chemistry", _km_node("Acids", _km_node("What turns litmus red?", _km_node("An acid.")),
                                          _km_node("Which acid is in vinegar?", note="Acetic acid, about *5%*.")))
    data = json.dumps({"root": root, "template": "right", "theme": "fresh-blue", "version": "1.4.43"}, indent=4)
    found = listed_file(tmp_path, "chemistry.km", data.encode())
    assert _cards(found) == [
        ("What turns litmus red?", "An acid.", "Acids"),
        ("Which acid is in vinegar?", "Acetic acid, about *5%*.", "Acids"),
    ]


def test_another_programs_km_file_is_no_mind_map(tmp_path: Path) -> None:
    # Other programs write .km files too: one whose start names no "root" node is skipped, however named.
    (tmp_path / "script.km").write_text("fn main() {\n  print(\"What is this?\")\n}\n")
    (tmp_path / "study.km").write_text(json.dumps({"root": _km_node("Why?", _km_node("So."))}))
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "study.km"]
    assert sources.collect([tmp_path / "script.km"]).files == []


def test_a_kityminder_map_too_deep_is_refused_not_a_crash() -> None:
    node = _km_node("So.")
    for depth in range(300):
        node = _km_node(f"Step {depth}", node)
    with pytest.raises(SourceError, match="nested over"):
        markups.to_markdown(".km", json.dumps({"root": node}))


_MAPS[".km"] = json.dumps({"root": _km_node("Root", _km_node("Why?", _km_node("So.")))}).encode()
_BROKEN += [
    ("map.km", b'{"root": {"data": {"text": "Why?"}, "children": [', "map.km: not a readable KityMinder mind map: not JSON"),
    ("map.km", b'{"root": "Why?"}', 'map.km: not a readable KityMinder mind map: no "root" node'),
]


def test_maps_of_other_apps_in_a_folder_are_sources(tmp_path: Path) -> None:
    for suffix, data in _MAPS.items():
        (tmp_path / f"map{suffix}").write_bytes(data)
    assert sorted(path.suffix for path in sources.collect([tmp_path]).files) == sorted(_MAPS)


@pytest.mark.parametrize(("name", "data", "message"), _BROKEN)
def test_a_broken_map_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(cli, ["list", str(tmp_path / name)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert message in result.output


@settings(max_examples=80, deadline=None)
@given(suffix=st.sampled_from(sorted(_MAPS)), cut=st.integers(0, 900),
       flips=st.lists(st.tuples(st.integers(0, 900), st.integers(0, 255)), max_size=4))
def test_no_damage_to_a_map_makes_its_reader_fail_but_with_an_error(suffix: str, cut: int,
                                                                    flips: list[tuple[int, int]]) -> None:
    # Maps are untrusted: cut short or with bytes changed, reading one gives text or a SourceError, never a traceback.
    data = bytearray(_MAPS[suffix][:cut])
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    name = "map" + suffix
    try:
        if suffix in markups.DOCUMENTS:
            assert isinstance(markups.DOCUMENTS[suffix](bytes(data), name), str)
        else:
            assert isinstance(markups.to_markdown(suffix, bytes(data).decode("utf-8", errors="replace")), str)
    except SourceError as exc:
        assert suffix not in markups.DOCUMENTS or name in str(exc)  # a text markup's error is named by the pipeline
