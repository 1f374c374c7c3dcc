"""Outliners' and mind maps' files read as sources: the cards their question nodes hold, and one line for a broken file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers, sources
from qadeck.cli import cli
from qadeck.errors import SourceError

from .archives import zipped
from .listing import listed_file, pairs


def _opml(body: str, head: str = "<title>Notes</title>") -> bytes:
    return f'<?xml version="1.0"?>\n<opml version="2.0">\n<head>{head}</head>\n<body>\n{body}\n</body>\n</opml>\n'.encode()


def test_omnioutliner_columns_are_the_answers(tmp_path: Path) -> None:
    # OmniOutliner writes each column as an attribute named for it: a second column is the answer.
    body = ('<outline text="What makes a bridge sway?" Answer="Wind and walkers in step.&#10;&#10;Dampers stop it."/>\n'
            '<outline text="What is a truss?" Answer="Triangles of beams."/>')
    assert pairs(listed_file(tmp_path, "bridges.opml", _opml(body))) == [
        ("What makes a bridge sway?", "Wind and walkers in step.\n\nDampers stop it."),
        ("What is a truss?", "Triangles of beams."),
    ]


def test_a_feed_list_is_no_outline_of_notes(tmp_path: Path) -> None:
    # Feed readers export subscriptions as OPML: feeds are left out, so their names make no cards.
    body = ('<outline text="What is new?">' + "".join(
        f'<outline text="Feed {n}?" type="rss" xmlUrl="https://example.org/{n}.xml"/>' for n in range(3)
    ) + "</outline>")
    (tmp_path / "feeds.opml").write_bytes(_opml(body))
    source = sources.read(tmp_path / "feeds.opml")
    assert "Feed" not in source.text
    assert not parsers.parse(source).cards


def test_entities_the_file_declares_are_not_expanded(tmp_path: Path) -> None:
    data = ('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY big "EXPANDED">]>\n<opml><body>\n'
            '<outline text="Why &big;?"><outline text="A."/></outline>\n'
            '<outline text="Why not?"><outline text="B."/></outline>\n</body></opml>\n').encode()
    assert pairs(listed_file(tmp_path, "notes.opml", data)) == [("Why &big;?", "A."), ("Why not?", "B.")]


def test_an_outline_in_a_folder_is_a_source(tmp_path: Path) -> None:
    (tmp_path / "week1.opml").write_bytes(_opml('<outline text="Why?"><outline text="Because."/></outline>'))
    assert sources.collect([tmp_path]).files == [tmp_path / "week1.opml"]


def test_an_outline_of_notes_that_asks_nothing_gives_no_cards(tmp_path: Path) -> None:
    # Topics over plain points are notes: written as a list, not as headings a flashcard tool would title cards with.
    body = "".join(
        f'<outline text="Topic {n}"><outline text="A point about it."/><outline text="Another point."/></outline>'
        for n in range(3)
    )
    (tmp_path / "todo.opml").write_bytes(_opml(body))
    assert not parsers.parse(sources.read(tmp_path / "todo.opml")).cards




def _topic(title: str, *children: dict, note: str = "") -> dict:
    topic: dict = {"id": title, "title": title, "children": {"attached": list(children)}}
    if note:
        topic["notes"] = {"plain": {"content": note}}
    return topic


def test_an_xmind_map_reads_its_sheets_topics_and_notes(tmp_path: Path) -> None:
    sheets = [
        {"title": "Sheet 1", "rootTopic": _topic(
            "Astronomy",
            _topic("Planets", _topic("Which planet is largest?", _topic("Jupiter.")),
                   _topic("Why is Mars red?", note="Iron oxide in its dust.")),
        )},
        {"title": "Sheet 2", "rootTopic": _topic(
            "Stars", _topic("What powers a star?", _topic("Fusion.")), _topic("How old is the Sun?", _topic("4.6 billion years.")),
        )},
    ]
    found = listed_file(tmp_path, "space.xmind", zipped({"content.json": json.dumps(sheets), "metadata.json": "{}"}))
    assert [(card["question"], card["answer"], card["section"]) for card in found] == [
        ("Which planet is largest?", "Jupiter.", "Planets"),
        ("Why is Mars red?", "Iron oxide in its dust.", "Planets"),
        ("What powers a star?", "Fusion.", "Stars"),
        ("How old is the Sun?", "4.6 billion years.", "Stars"),
    ]


def test_an_old_xmind_map_reads_its_content_xml(tmp_path: Path) -> None:
    def topic(title: str, inner: str = "", note: str = "") -> str:
        notes = f"<notes><plain>{note}</plain></notes>" if note else ""
        children = f'<children><topics type="attached">{inner}</topics></children>' if inner else ""
        return f"<topic id='{title}'><title>{title}</title>{notes}{children}</topic>"
    content = ('<?xml version="1.0" encoding="UTF-8"?><xmap-content xmlns="urn:xmind:xmap:xmlns:content:2.0"><sheet>'
               + topic("Rivers", topic("Which river is longest?", topic("The Nile.")) + topic("Why do rivers meander?", note="Erosion on the outer bank &amp; deposits on the inner."))
               + "<title>Sheet 1</title></sheet></xmap-content>")
    found = listed_file(tmp_path, "rivers.xmind", zipped({"content.xml": content}))
    assert pairs(found) == [("Which river is longest?", "The Nile."),
                            ("Why do rivers meander?", "Erosion on the outer bank & deposits on the inner.")]


def test_an_objective_c_source_is_no_mind_map(tmp_path: Path) -> None:
    # Objective-C++ sources end in .mm too: skipped as today, however named, never read as a map or as text.
    (tmp_path / "AppDelegate.mm").write_text('#import "AppDelegate.h"\n// What is this?\n@implementation AppDelegate\n@end\n')
    (tmp_path / "study.mm").write_text('<map version="1.0.1"><node TEXT="Why?"><node TEXT="So."/></node></map>\n')
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "study.mm"]
    assert any("AppDelegate.mm: skipped" in line for line in found.skipped)
    assert sources.collect([tmp_path / "AppDelegate.mm"]).files == []


_MAPS = {
    "map.xmind": zipped({"content.json": json.dumps([{"rootTopic": _topic("Root", _topic("Why?", _topic("So.")))}])}),
    "old.xmind": zipped({"content.xml": "<xmap-content><sheet><topic><title>Why?</title><children><topics>"
                                        "<topic><title>So.</title></topic></topics></children></topic></sheet></xmap-content>"}),
}


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted(_MAPS)), cut=st.integers(0, 600),
       flips=st.lists(st.tuples(st.integers(0, 600), st.integers(0, 255)), max_size=4))
def test_no_damage_to_a_map_makes_the_reader_fail_but_with_an_error_naming_it(name: str, cut: int,
                                                                             flips: list[tuple[int, int]]) -> None:
    # Maps are untrusted: cut short or with bytes changed, reading one gives text or a SourceError, never a traceback.
    data = bytearray(_MAPS[name][:cut])
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    try:
        assert isinstance(markups.DOCUMENTS[".xmind"](bytes(data), name), str)
    except SourceError as exc:
        assert name in str(exc)


@pytest.mark.parametrize(("suffix", "deep"), [
    (".opml", "<opml><body>" + '<outline text="x">' * 5000 + "</body></opml>"),
    (".mm", "<map>" + '<node TEXT="x">' * 5000 + "</map>"),
])
def test_an_outline_nested_too_deep_is_refused_with_its_line(suffix: str, deep: str) -> None:
    with pytest.raises(SourceError, match="nested over 200 deep"):
        markups.to_markdown(suffix, deep)


def test_an_evernote_note_alone_whose_title_asks_is_a_card(tmp_path: Path) -> None:
    data = ('<?xml version="1.0"?><en-export><note><title>What is osmosis?</title><content><![CDATA[<en-note>'
            "<div>Water crossing a membrane.</div></en-note>]]></content></note></en-export>").encode()
    assert pairs(listed_file(tmp_path, "osmosis.enex", data)) == [("What is osmosis?", "Water crossing a membrane.")]


def test_a_tiddler_whose_title_asks_is_a_card_pointing_at_its_lines(tmp_path: Path) -> None:
    text = ("created: 20240101120000000\ntags: [[Computer science]]\ntitle: What is a hash table?\n"
            "type: text/vnd.tiddlywiki\n\nA map from keys to values through a //hash function//.\n\n"
            "* Lookups take ''constant'' time\n** unless keys collide\n")
    (tmp_path / "hash.tid").write_text(text)
    found = listed_file(tmp_path, "hash.tid", text.encode())
    assert pairs(found) == [("What is a hash table?", "A map from keys to values through a *hash function*.\n\n"
                                                       "- Lookups take **constant** time\n    - unless keys collide")]
    assert found[0]["lines"][1] == 9


def test_a_tiddler_of_questions_reads_its_headings(tmp_path: Path) -> None:
    text = ("title: Data structures\n\n! Trees\n\n!! What is a binary tree?\nAt most two children a node.\n\n"
            "!! What is a heap?\nParents order before their children.\n")
    found = listed_file(tmp_path, "ds.tid", text.encode())
    assert [(card["question"], card["section"], card["lines"][0]) for card in found] == [
        ("What is a binary tree?", "Trees", 5), ("What is a heap?", "Trees", 8)]


_TWO_CARDS = "# Notes\n\n## What is a closure?\n\nA function with its variables.\n\n## What is a generator?\n\nA function that yields.\n"


@pytest.mark.parametrize("suffix", [".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".markdn"])
def test_markdown_under_other_names_is_markdown(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"notes{suffix}").write_text(_TWO_CARDS)
    assert [card["question"] for card in listed_file(tmp_path, f"notes{suffix}", _TWO_CARDS.encode())] == [
        "What is a closure?", "What is a generator?"]


def test_a_textbundle_is_its_text_and_a_textpack_the_same_zipped(tmp_path: Path) -> None:
    bundle = tmp_path / "Study.textbundle"
    (bundle / "assets").mkdir(parents=True)
    (bundle / "text.md").write_text(_TWO_CARDS)
    (bundle / "info.json").write_text('{"version": 2, "type": "net.daringfireball.markdown"}')
    found = sources.collect([tmp_path])
    assert found.files == [bundle / "text.md"]
    assert found.skipped == []  # the bundle's info.json is its own, no source to warn about
    pack = zipped({"Study.textbundle/text.md": _TWO_CARDS, "Study.textbundle/info.json": "{}"})
    assert [card["question"] for card in listed_file(tmp_path, "Study.textpack", pack)] == [
        "What is a closure?", "What is a generator?"]
    copied = tmp_path / "copied"  # a bundle zipped under its own name, a file ending in .textbundle
    copied.mkdir()
    assert [card["question"] for card in listed_file(copied, "Copied.textbundle", pack)] == [
        "What is a closure?", "What is a generator?"]


_QA = "Q: What is a closure?\nA: A function with its variables.\n\nQ: What is a generator?\nA: A function that yields.\n"


def test_text_under_an_unknown_extension_is_read_when_named_for_questions_or_given(tmp_path: Path) -> None:
    (tmp_path / "quiz.answers").write_text(_QA)  # named for Q&A: read in a folder
    (tmp_path / "notes.wiki2").write_text(_QA)  # not named: skipped in a folder, read when given
    (tmp_path / "faq.md.bak").write_text(_QA)  # a backup: never a source
    (tmp_path / "quiz.bin").write_bytes(bytes(range(256)) * 20)  # named, but not text
    code = tmp_path / "code"
    code.mkdir()
    (code / "quiz.py").write_text('"""Q: What is this?\nA: a program."""\n')  # code, however named
    (code / "flashcards.go").write_text("// Q: What is this?\n// A: a program.\n")
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "quiz.answers"]
    assert len(found.skipped) == 5
    assert sources.collect([tmp_path / "notes.wiki2"]).files == [tmp_path / "notes.wiki2"]
    assert sources.collect([code / "quiz.py"]).files == []
    assert pairs(listed_file(tmp_path, "notes.wiki2", _QA.encode())) == [
        ("What is a closure?", "A function with its variables."), ("What is a generator?", "A function that yields.")]


def test_tiddlyremember_notes_are_cards_but_not_in_code(tmp_path: Path) -> None:
    text = ("title: Hashing\ntype: text/vnd.tiddlywiki\n\nWritten as:\n\n```\n<<rememberq \"1\" \"Shown, not asked?\" \"No.\">>\n```\n\n"
            "<<rememberq \"20240101\"\n\t\"Why do hash tables resize?\"\n\t\"To keep chains short.\">>\n\n"
            "<<rememberq \"20240102\" \"\"\"What is a 'load factor'?\"\"\" [[Entries per bucket.]]>>\n")
    found = listed_file(tmp_path, "hashing.tid", text.encode())
    assert [(card["question"], card["answer"], card["lines"][0]) for card in found] == [
        ("Why do hash tables resize?", "To keep chains short.", 10),
        ("What is a 'load factor'?", "Entries per bucket.", 14),
    ]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.opml", _opml('<outline text="Why?">\n<outline text="Because."/>'), "notes.opml:5: an OPML outline: <outline> opened here "
                                                                   "is never closed"),
    ("notes.opml", _opml('<outline text="Why?"/>\n</outline>'), "notes.opml:6: an OPML outline: </outline> closes nothing"),
    ("notes.opml", b"<html><body>Not an outline</body></html>", "notes.opml: not an OPML outline: no <opml> element"),
    ("notes.opml", b'<opml version="2.0"><head></head></opml>', "notes.opml:1: an OPML outline with no <body>"),
    ("map.mm", b'<map version="1.0.1">\n<node TEXT="Why?">\n<node TEXT="So."/>\n</map>\n',
     "map.mm:2: a FreeMind or Freeplane mind map: <node> opened here is never closed"),
    ("map.xmind", b"PK\x03\x04 cut short", "map.xmind: not a readable XMind mind map"),
    ("map.xmind", zipped({"metadata.json": "{}"}), "map.xmind: not a readable XMind mind map (no content.json or content.xml in it)"),
    ("map.xmind", zipped({"content.json": "[{"}), "map.xmind: not a readable XMind mind map (content.json is not JSON"),
    ("notes.enex", b"<en-export><note><title>Why?</title>\n<content>x</content>\n", "notes.enex:1: an Evernote export: <note> opened here is never closed"),
    ("notes.enex", b"<html>no export</html>", "notes.enex: not an Evernote export: no <en-export> element"),
    ("empty.textpack", zipped({"info.json": "{}"}),
     "empty.textpack: not a readable TextPack (a zipped TextBundle) (no text.md or text.markdown or text.txt in it)"),
])
def test_a_broken_file_is_one_line_naming_file_and_line(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(cli, ["list", str(tmp_path / name)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert message in result.output


def test_a_folder_with_no_source_says_which_extensions_are_read_where(tmp_path: Path) -> None:
    (tmp_path / "build.log").write_text("Q: What is this?\nA: a log.\n")
    result = CliRunner().invoke(cli, ["list", str(tmp_path)])
    assert result.exit_code != 0
    read_anywhere = result.output.split("(looked for ", 1)[1].split(";", 1)[0].split(", ")
    assert {".opml", ".mm", ".xmind", ".enex", ".tid", ".mdwn", ".textpack", ".t2t", ".livemd"} <= set(read_anywhere)
    assert ".apkg" not in read_anywhere
    assert "and .anki2, .anki21, .anki21b, .apkg, .colpkg when named on the command line" in result.output


def test_tiddlyremember_pairs_are_reversed_and_clozes_numbered(tmp_path: Path) -> None:
    pair = 'title: Colours\n\nWords:\n\n<<rememberp "1"\n\t"German: gelb"\n\t"English: yellow">>\n\n{{pair.png}}\n'
    assert [(card["question"], card["answer"], card["kind"]) for card in listed_file(tmp_path, "pair.tid", pair.encode())] == [
        ("German: gelb", "English: yellow", "reversed"), ("English: yellow", "German: gelb", "reversed")]
    cloze = 'title: Capitals\n\nA fact:\n\n<<remembercz "2" "The capital of {Australia} is {Canberra}.">>\n'
    found = listed_file(tmp_path, "cloze.tid", cloze.encode())
    assert [(card["question"], card["kind"]) for card in found] == [
        ("The capital of {{c1::Australia}} is {{c2::Canberra}}.", "cloze")]
