"""AbiWord documents (.abw, .awt, .zabw, .bzabw) read as a user's documents are: cards through ``qadeck list --json``.

The documents are written here in the shape AbiWord 2 and 3 save them (named styles with ``props``, ``<l>`` list
definitions, paragraphs of ``<c>`` runs), with text of our own.
"""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from qadeck import markups, sources

from .listing import listed, listed_file, pairs, refused

_STYLES = (
    '<styles>'
    '<s type="P" name="Normal" followedby="Current Settings" props="font-family:Times New Roman; font-weight:normal"/>'
    '<s type="P" name="Heading 2" basedon="Normal" followedby="Normal" props="font-weight:bold; font-size:14pt"/>'
    '<s type="P" name="Heading 3" basedon="Normal" followedby="Normal" props="font-weight:bold; font-size:12pt"/>'
    '<s type="P" name="Question" basedon="Strong Body" followedby="Normal" props="font-size:12pt"/>'
    '<s type="P" name="Strong Body" basedon="Normal" followedby="Normal" props="font-weight:bold"/>'
    '</styles>'
    '<lists>'
    '<l id="1" parentid="0" type="0" start-value="1" list-delim="%L." list-decimal="."/>'
    '<l id="2" parentid="0" type="5" start-value="0" list-delim="%L" list-decimal="NULL"/>'
    '<l id="3" parentid="0" type="1" start-value="1" list-delim="%L)" list-decimal="."/>'
    '</lists>'
)


def abw(body: str, prolog: bool = True) -> bytes:
    """An AbiWord document holding ``body`` as its one section, as AbiWord writes it."""
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE abiword PUBLIC "-//ABISOURCE//DTD AWML 1.0 Strict//EN" '
            '"http://www.abisource.com/awml.dtd">\n' if prolog else "<!-- This file is an AbiWord document. -->\n")
    return (f'{head}<abiword template="false" xmlns="http://www.abisource.com/awml.dtd" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" xml:space="preserve" fileformat="1.1" version="3.0.4">\n'
            f'<metadata><m key="dc.title">Lab questions?</m></metadata>\n{_STYLES}\n'
            f'<pagesize pagetype="A4" width="210" height="297" units="mm"/>\n'
            f'<section props="page-margin-top:1in">\n{body}\n</section>\n'
            f'<data><d name="snapshot-png" mime-type="image/png" base64="yes">iVBORw0KGgo=</d></data>\n</abiword>\n').encode()


def test_heading_questions_are_cards_with_their_paragraphs_as_answers(tmp_path: Path) -> None:
    body = ('<p style="Heading 2">Setting up</p>'
            '<p style="Heading 3">How do I start the pump?</p>'
            '<p style="Normal">Press the green lever twice.</p>'
            '<p style="Normal">Then wait for the <c props="font-style:italic">hum</c> &amp; the light.</p>'
            '<p style="Heading 3">Why is the tank cold?</p>'
            '<p style="Normal">The heater runs at night only.</p>')
    assert pairs(listed_file(tmp_path, "faq.abw", abw(body))) == [
        ("How do I start the pump?", "Press the green lever twice.\n\nThen wait for the hum & the light."),
        ("Why is the tank cold?", "The heater runs at night only."),
    ]


@pytest.mark.parametrize("title", ["Kocioł -- najczęstsze pytania", "Pytania i odpowiedzi"])
def test_a_faq_titled_in_polish_takes_its_statement_headings_as_entries(tmp_path: Path, title: str) -> None:
    body = (f'<p style="Heading 1">{title}</p><p style="Heading 2">1. Instalacja</p>'
            '<p style="Heading 3">1.1 Jak uruchomić pompę?</p><p style="Normal">Dwa razy nacisnąć zieloną dźwignię.</p>'
            '<p style="Heading 3">1.2 Błąd przy starcie kotła.</p><p style="Normal">Sprawdzić bezpiecznik.</p>'
            '<p style="Heading 2">2. Zima</p>'
            '<p style="Heading 3">2.1 Czy zbiornik jest zimny?</p><p style="Normal">Tylko w nocy.</p>'
            '<p style="Heading 3">2.2 Zamarznięta rura w piwnicy.</p><p style="Normal">Ogrzać ją suszarką.</p>'
            '<p style="Heading 3">2.3 Ostrzeżenie o ciśnieniu</p><p style="Normal">Zmniejszyć temperaturę wody.</p>')
    # Statements among questions are entries only in a FAQ: its title says so (the file's name does not here).
    assert [question for question, _answer in pairs(listed_file(tmp_path, "kociol.abw", abw(body)))] == [
        "Jak uruchomić pompę?", "Błąd przy starcie kotła.", "Czy zbiornik jest zimny?", "Zamarznięta rura w piwnicy.",
        "Ostrzeżenie o ciśnieniu"]


def test_bold_questions_by_run_or_by_style_are_cards(tmp_path: Path) -> None:
    body = ('<p style="Normal"><c props="font-weight:bold">What colour is the valve?</c></p>'
            '<p style="Normal">Red, with a white stripe.</p>'
            '<p style="Question">Who keeps the key?</p>'
            '<p style="Normal">The night porter<c props="font-weight:bold">,</c> always.</p>'
            '<p style="Normal"><c props="font-weight:bold">When is it serviced?</c></p>'
            '<p style="Normal">Every <c props="font-weight:normal">spring</c>.</p>')
    assert pairs(listed_file(tmp_path, "questions.abw", abw(body))) == [
        ("What colour is the valve?", "Red, with a white stripe."),
        ("Who keeps the key?", "The night porter, always."),
        ("When is it serviced?", "Every spring."),
    ]


def test_list_items_are_numbered_as_their_list_says(tmp_path: Path) -> None:
    body = ('<p style="Normal" listid="1" level="1" props="list-style:Numbered List"><field type="list_label"/>'
            '<c>What does the blue pipe carry?</c><br/><c>Cold water.</c></p>'
            '<p style="Normal" listid="1" level="1"><field type="list_label"/>What does the red pipe carry?<br/>Steam.</p>'
            '<p style="Normal" listid="3" level="1"><field type="list_label"/>first option</p>'
            '<p style="Normal" listid="3" level="1"><field type="list_label"/>second option</p>'
            '<p style="Normal" listid="2" level="1"><field type="list_label"/>a bullet</p>')
    markdown = sources.read(_write(tmp_path / "faq.abw", abw(body))).text
    assert "1. What does the blue pipe carry?\n   Cold water." in markdown
    assert "2. What does the red pipe carry?\n   Steam." in markdown
    assert "a) first option" in markdown and "b) second option" in markdown
    assert "- a bullet" in markdown


def test_headers_footnotes_annotations_and_deleted_text_are_no_part_of_the_text(tmp_path: Path) -> None:
    body = ('<p style="Heading 3">Where is the fuse box?</p>'
            '<p style="Normal">Behind the <c revision="-1">blue </c>door<foot footnote-id="1"><p style="Normal">'
            'A footnote.</p></foot>.<ann annotation-id="1"><p style="Normal">A reviewer said so.</p></ann></p>'
            '</section><section type="header" id="1"><p style="Normal">Plant manual, page header</p>'
            '</section><section><p style="Heading 3">Is it locked?</p><p style="Normal">Only at weekends.</p>')
    assert pairs(listed_file(tmp_path, "faq.abw", abw(body))) == [
        ("Where is the fuse box?", "Behind the door."),
        ("Is it locked?", "Only at weekends."),
    ]


def test_a_table_of_questions_and_answers_is_read_by_its_rows(tmp_path: Path) -> None:
    def cell(row: int, column: int, text: str) -> str:
        return (f'<cell props="top-attach:{row}; bot-attach:{row + 1}; left-attach:{column}; right-attach:{column + 1}">'
                f'<p style="Normal">{text}</p></cell>')
    body = ('<table props="table-column-props:2in/3in/">' + cell(0, 0, "Question") + cell(0, 1, "Answer")
            + cell(1, 0, "What is a bar?") + cell(1, 1, "A unit of pressure.")
            + cell(2, 0, "What is a pascal?") + cell(2, 1, "One newton per square metre.") + '</table>')
    assert pairs(listed_file(tmp_path, "cards.abw", abw(body))) == [
        ("What is a bar?", "A unit of pressure."), ("What is a pascal?", "One newton per square metre.")]


@pytest.mark.parametrize(("name", "pack"), [("faq.zabw", gzip.compress), ("faq.bzabw", bz2.compress),
                                            ("faq.awt", bytes)])
def test_packed_documents_and_templates_read_as_the_document(tmp_path: Path, name: str, pack) -> None:
    body = '<p style="Heading 3">How old is the boiler?</p><p style="Normal">Forty years.</p>'
    assert pairs(listed_file(tmp_path, name, pack(abw(body, prolog=False)))) == [("How old is the boiler?", "Forty years.")]


def test_a_folder_reads_an_abiword_file_only_when_its_name_says_it_holds_questions(tmp_path: Path) -> None:
    body = '<p style="Heading 3">What is the boiler made of?</p><p style="Normal">Cast iron.</p>'
    _write(tmp_path / "faq.abw", abw(body))
    _write(tmp_path / "letter.abw", abw('<p style="Heading 3">Why write?</p><p style="Normal">To say hello.</p>'))
    (tmp_path / "notes.md").write_text("## What is steam?\n\nHot water vapour.\n")
    assert sorted(pairs(listed(tmp_path))) == [("What is steam?", "Hot water vapour."),
                                              ("What is the boiler made of?", "Cast iron.")]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("faq.abw", abw('<p style="Normal">What is it?</p>')[:-40], "a truncated AbiWord document"),
    ("faq.abw", abw('<p style="Normal">Caf\xe9?</p>').replace("é".encode(), b"\xe9"), "not UTF-8 at byte"),
    ("faq.abw", b"<html><body>not AbiWord</body></html>", "not an AbiWord document"),
    ("faq.zabw", gzip.compress(abw('<p style="Normal">What?</p>'))[:60], "a truncated compressed AbiWord document"),
    ("faq.zabw", b"\x1f\x8b\x08\x00garbage that is no deflate stream", "a damaged compressed AbiWord document"),
])
def test_a_damaged_document_is_a_one_line_error_naming_it(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path / name, data)
    refused(path, message, "build", "--output", str(tmp_path / "out"))
    refused(path, message, "check")


def test_markup_in_the_text_stays_text(tmp_path: Path) -> None:
    body = ('<p style="Heading 3">What does &lt;script&gt; do?</p>'
            '<p style="Normal">It runs &lt;b&gt;code&lt;/b&gt; &amp;amp; more.</p>')
    assert pairs(listed_file(tmp_path, "faq.abw", abw(body))) == [("What does <script> do?", "It runs <b>code</b> &amp; more.")]


_ABW_TOKENS = [
    '<p style="Heading 3">', '<p style="Normal" listid="1" level="99999999999">', '<p listid="7" level="x">', "</p>", "<p/>",
    '<c props="font-weight:bold">', '<c style="Strong Body" revision="-2">', "</c>", "<br/>", "<table>", "</table>",
    '<cell props="top-attach:x">', '<cell props="top-attach:999999999999999999999">', "</cell>", "<foot>", "</foot>",
    '<section type="footer">', "</section>", "<section>", '<l id="1" type="3" start-value="9' + "9" * 5000 + '"/>',
    '<s name="Normal" basedon="Normal" props="font-weight:bold"/>', "&amp;", "&bogus;", "Is it?", " text ", "<!-- c -->",
    "<", ">", "\n",
]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.sampled_from(_ABW_TOKENS), max_size=60))
@example(tokens=['<l id="1" type="3" start-value="9' + "9" * 5000 + '"/>', '<p listid="1" level="99999999999">', "Is it?", "</p>"])
def test_no_abiword_body_makes_the_reader_fail(tokens: list[str]) -> None:
    # Unbalanced, misnested or unknown tags, absurd numbers: an AbiWord document's body gives text, never an error.
    assert isinstance(markups.DOCUMENTS[".abw"](abw("".join(tokens)), "x.abw"), str)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
