"""Spreadsheets (.xlsx, .ods) read as the csv layout reads CSV: each sheet a table, its rows the cards' lines.

The workbooks are written here, part by part, with only the XML a spreadsheet
program needs to open them: no third-party file is copied.
"""

from __future__ import annotations

import json
import random
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers, sources
from qadeck.cli import cli
from qadeck.errors import SourceError
from qadeck.model import Source

from .conftest import import_apkg, notes_by_guid

#: A cell: text (a shared string), a number, a bool, ("date", serial), ("inline", [runs]) or None (no cell).
Cell = object
HIDDEN = ' state="hidden"'


def write_xlsx(path: Path, sheets: dict[str, list[list[Cell]]], hidden: tuple[str, ...] = (),
               merges: dict[str, list[str]] | None = None) -> Path:
    """An Excel workbook of ``sheets`` (name -> rows of cells), as Excel lays out its parts."""
    strings: list[str] = []
    parts: dict[str, str] = {}
    for number, (name, rows) in enumerate(sheets.items(), start=1):
        body = []
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, value in enumerate(row):
                ref = f"{chr(ord('A') + c)}{r}"
                if value is None:
                    continue
                if isinstance(value, bool):
                    cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
                elif isinstance(value, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
                elif isinstance(value, tuple) and value[0] == "date":
                    cells.append(f'<c r="{ref}" s="1"><v>{value[1]}</v></c>')
                elif isinstance(value, tuple) and value[0] == "formula":
                    cells.append(f'<c r="{ref}" t="str"><f>{escape(value[1])}</f><v>{escape(value[2])}</v></c>')
                elif isinstance(value, tuple) and value[0] == "inline":
                    runs = "".join(f'<r><rPr><b/></rPr><t xml:space="preserve">{escape(t)}</t></r>' for t in value[1])
                    cells.append(f'<c r="{ref}" t="inlineStr"><is>{runs}</is></c>')
                else:
                    strings.append(str(value))
                    cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            if cells:
                body.append(f'<row r="{r}">{"".join(cells)}</row>')
        merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in (merges or {}).get(name, []))
        parts[f"xl/worksheets/sheet{number}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(body)}</sheetData>'
            + (f'<mergeCells count="1">{merged}</mergeCells>' if merged else "") + "</worksheet>"
        )
    listed = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"{HIDDEN if name in hidden else ""}/>'
        for n, name in enumerate(sheets, start=1)
    )
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{listed}</sheets></workbook>"
    )
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{relation}worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{relations}<Relationship Id="rIdS" Type="{relation}sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rIdY" Type="{relation}styles" Target="styles.xml"/></Relationships>'
    )
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>"
    )
    parts["xl/styles.xml"] = (
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def write_ods(path: Path, sheets: dict[str, str]) -> Path:
    """An OpenDocument spreadsheet whose sheets' ``<table:table>`` bodies are given as XML."""
    tables = "".join(f"<table:table table:name={quoteattr(name)}>{body}</table:table>" for name, body in sheets.items())
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return path


def ods_row(*cells: str, repeat: int = 1) -> str:
    """A row of text cells (an empty string: an empty cell), as LibreOffice ends one: the rest of the row empty."""
    body = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>' if c
        else "<table:table-cell/>" for c in cells
    )
    attribute = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-row{attribute}>{body}<table:table-cell table:number-columns-repeated="16380"/></table:table-row>'


def listed(*paths: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["list", "--json", *map(str, paths)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cards(path: Path) -> list[tuple[str, str, str, list[int]]]:
    return [(c["question"], c["answer"], c["section"], c["lines"]) for c in listed(path)]


def test_a_sheet_with_a_header_row_gives_a_card_per_row_at_its_sheet_row(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "spanish.xlsx", {"Sheet1": [
        ["Front", "Back"],
        ["el perro", "the dog"],
        [],
        ["la casa", "the house"],
    ]})
    assert cards(book) == [
        ("el perro", "the dog", "", [2, 2]),
        ("la casa", "the house", "", [4, 4]),
    ]


def test_a_sheet_without_a_header_reads_its_first_two_columns_from_the_first_row(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "capitals.xlsx", {"Sheet1": [
        ["Capital of France?", "Paris", "ignored"],
        ["Capital of Peru?", "Lima"],
    ]})
    assert [(q, a, lines) for q, a, _, lines in cards(book)] == [
        ("Capital of France?", "Paris", [1, 1]),
        ("Capital of Peru?", "Lima", [2, 2]),
    ]


def test_a_tags_column_tags_the_card_and_a_column_the_header_does_not_name_is_left_out(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "deck.xlsx", {"Sheet1": [
        ["Notes", "Question", "Answer", "Tags"],
        ["seen twice", "What is PCA?", "Dimensionality reduction", "ml stats"],
        ["", "What is SVD?", "A factorization", "linalg"],
    ]})
    found = listed(book)
    assert [(c["question"], c["answer"]) for c in found] == [
        ("What is PCA?", "Dimensionality reduction"), ("What is SVD?", "A factorization"),
    ]
    assert [t for t in found[0]["tags"] if "::" not in t] == ["ml", "stats"]
    assert [t for t in found[1]["tags"] if "::" not in t] == ["linalg"]


def test_each_sheet_of_a_workbook_is_a_section_with_its_own_header_and_rows(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "vocabulary.xlsx", {
        "Animals": [["Term", "Definition"], ["el gato", "the cat"], ["el pez", "the fish"]],
        "Food": [["Term", "Definition"], ["el pan", "bread"]],
        "Workings": [["not", "cards"]],
    }, hidden=("Workings",))
    assert cards(book) == [
        ("el gato", "the cat", "Animals", [2, 2]),
        ("el pez", "the fish", "Animals", [3, 3]),
        ("el pan", "bread", "Food", [2, 2]),
    ]
    assert "animals" in listed(book)[0]["topics"]


def test_default_sheet_names_are_no_section(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "two.xlsx", {"Sheet1": [["a?", "b"]], "Sheet2": [["c?", "d"]]})
    assert [(q, section) for q, _, section, _ in cards(book)] == [("a?", ""), ("c?", "")]


def test_a_line_break_in_a_cell_stays_in_its_field_and_the_rows_below_keep_their_numbers(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "steps.xlsx", {"Sheet1": [
        ["Question", "Answer"],
        ["How do I release?", "Tag it.\nThen push the tag."],
        ["Why\ttabs?", 'They "align"'],
        ["Last?", "Yes"],
    ]})
    assert cards(book) == [
        ("How do I release?", "Tag it.\nThen push the tag.", "", [2, 2]),
        ("Why tabs?", 'They "align"', "", [3, 3]),
        ("Last?", "Yes", "", [4, 4]),
    ]


def test_numbers_booleans_dates_rich_text_and_formulas_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "facts.xlsx", {"Sheet1": [
        ["Question", "Answer"],
        ["7 x 8?", 56],
        ["Pi to two places?", 3.14],
        ["A tenth?", 0.1 + 0.2 - 0.2],
        ["Is water wet?", True],
        ["Moon landing?", ("date", 25404)],
        ["Bold?", ("inline", ["very ", "bold"])],
        ["Computed?", ("formula", "CONCAT(\"4\",\"2\")", "42")],
        [1066, "Battle of Hastings"],
    ]})
    assert [(q, a) for q, a, _, _ in cards(book)] == [
        ("7 x 8?", "56"),
        ("Pi to two places?", "3.14"),
        ("A tenth?", "0.1"),
        ("Is water wet?", "TRUE"),
        ("Moon landing?", "1969-07-20"),
        ("Bold?", "very bold"),
        ("Computed?", "42"),
        ("1066", "Battle of Hastings"),
    ]


def test_a_merged_topic_cell_names_every_row_it_spans(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "merged.xlsx", {"Sheet1": [
        ["Term", "Definition"],
        ["mitosis", "one cell splits in two"],
        [None, "the other"],
    ]}, merges={"Sheet1": ["A2:A3"]})
    assert [(q, a) for q, a, _, _ in cards(book)] == [
        ("mitosis", "one cell splits in two"), ("mitosis", "the other"),
    ]


def test_an_ods_sheet_counts_repeated_rows_and_cells_without_expanding_empty_ones(tmp_path: Path) -> None:
    body = (
        ods_row("Question", "Answer")
        + ods_row("What is 2+2?", "4")
        + '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/>'
        "</table:table-row>"
        + '<table:table-row><table:table-cell office:value-type="string"><text:p>Two lines?</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>first<text:s text:c="2"/>part</text:p>'
        "<text:p>second<text:line-break/>third</text:p>"
        '<office:annotation><text:p>a comment, no part of the card</text:p></office:annotation></table:table-cell>'
        "</table:table-row>"
        + ods_row("Repeated?", "yes", repeat=2)
        + ods_row("After?", "no")
        + '<table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="16384"/>'
        "</table:table-row>"
    )
    book = write_ods(tmp_path / "deck.ods", {"Sheet1": body})
    assert cards(book) == [
        ("What is 2+2?", "4", "", [2, 2]),
        ("Two lines?", "first  part\nsecond\nthird", "", [5, 5]),
        ("Repeated?", "yes", "", [6, 6]),  # its repeat, row 7, is the same card: kept once
        ("After?", "no", "", [8, 8]),
    ]
    assert len(sources.read(book).text) < 1000  # the trailing million rows are counted, not written


def test_ods_sheets_are_sections_and_numbers_show_as_displayed(tmp_path: Path) -> None:
    number = ('<table:table-row><table:table-cell office:value-type="string"><text:p>Boiling point?</text:p>'
              '</table:table-cell><table:table-cell office:value-type="float" office:value="100">'
              "<text:p>100 °C</text:p></table:table-cell></table:table-row>")
    book = write_ods(tmp_path / "science.ods", {
        "Physics": ods_row("Front", "Back") + number,
        "Chemistry": ods_row("H2O?", "water") + ods_row("NaCl?", "salt"),
    })
    assert cards(book) == [
        ("Boiling point?", "100 °C", "Physics", [2, 2]),
        ("H2O?", "water", "Chemistry", [1, 1]),
        ("NaCl?", "salt", "Chemistry", [2, 2]),
    ]


def test_spreadsheets_in_a_folder_are_read_when_their_name_says_cards_always_when_named(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "flashcards.xlsx", {"Sheet1": [["a?", "b"], ["c?", "d"]]})
    write_xlsx(tmp_path / "budget.xlsx", {"Sheet1": [["rent", 900], ["food", 300]]})
    write_ods(tmp_path / "quiz.ods", {"Sheet1": ods_row("e?", "f")})
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "flashcards.xlsx", tmp_path / "quiz.ods"]
    assert any("budget.xlsx: skipped" in skipped for skipped in found.skipped)
    assert sources.collect([tmp_path / "budget.xlsx"]).files == [tmp_path / "budget.xlsx"]


@pytest.mark.parametrize("name, data, message", [
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "encrypted (password-protected)"),
    ("text.ods", b"Question,Answer\n", "not a readable OpenDocument spreadsheet"),
])
def test_a_damaged_or_encrypted_spreadsheet_is_one_clear_line_naming_it(tmp_path: Path, name, data, message) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError, match=re.escape(message)):
        sources.read(path)
    for command in ("build", "check"):
        result = CliRunner().invoke(cli, [command, str(path), "-o", str(tmp_path / "out")] if command == "build"
                                    else [command, str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.output
        assert f"{name}: " in result.output and message in result.output, result.output


def test_a_workbook_without_its_workbook_part_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(SourceError, match="no xl/workbook.xml"):
        sources.read(path)


def test_the_csv_layout_is_chosen_for_a_sheet_even_of_one_row(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "one.xlsx", {"Sheet1": [["Q: is this prefixed?", "A: no, a row"]]})
    result = parsers.parse(sources.read(book))
    assert result.layout == "csv"
    assert [c.question for c in result.cards] == ["Q: is this prefixed?"]


def test_a_workbook_builds_a_deck_anki_imports(tmp_path: Path, collection) -> None:
    book = write_xlsx(tmp_path / "vocabulary.xlsx", {
        "Animals": [["Front", "Back"], ["el gato", "the cat\nfeline"]],
        "Food": [["Front", "Back"], ["el pan", "bread"]],
    })
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(book), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    import_apkg(collection, next(out.glob("*.apkg")))
    fronts = sorted(note.fields[0] for note in notes_by_guid(collection).values())
    assert fronts == ["el gato", "el pan"]


def test_dates_before_1900_and_elapsed_times_read_as_shown(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "history.xlsx", {"Sheet1": [
        ["Question", "Answer"],
        ["Mexican independence?", ("date", -32612)],  # LibreOffice's serial for 1810-09-16
        ["Lunch time?", ("date", 0.5)],
    ]})
    assert [(q, a) for q, a, _, _ in cards(book)] == [
        ("Mexican independence?", "1810-09-16"), ("Lunch time?", "12:00:00"),
    ]


def test_a_workbook_laid_out_as_other_writers_do_reads_the_same(tmp_path: Path) -> None:
    # Families seen in workbooks from libraries and exporters: the workbook part found through the package's
    # relationships (not at xl/), prefixed element names, a part named in another case than its relationship
    # says, CDATA text, a carriage return written as _x000D_ and part names with backslashes.
    main = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    path = tmp_path / "export.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", f'<Relationships><Relationship Id="r1" Type="{relation}officeDocument" '
                                        'Target="book.xml"/></Relationships>')
        archive.writestr("book.xml", f'<x:workbook {main} xmlns:r="{relation[:-1]}"><x:sheets>'
                                     '<x:sheet name="Glossary" sheetId="1" r:id="a"/></x:sheets></x:workbook>')
        archive.writestr("_rels\\book.xml.rels", f'<Relationships><Relationship Id="a" Type="{relation}worksheet" '
                         f'Target="/data/one.xml"/><Relationship Id="b" Type="{relation}sharedStrings" '
                         'Target="strings.xml"/></Relationships>')
        archive.writestr("Strings.xml", f"<x:sst {main}><x:si><x:t>Term</x:t></x:si><x:si><x:t>Meaning</x:t></x:si>"
                                        "<x:si><x:r><x:t>line one_x000D_\r\nline</x:t></x:r><x:r><x:t> two</x:t></x:r>"
                                        "</x:si></x:sst>")
        archive.writestr("data/one.xml", f'<x:worksheet {main}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v>'
                                         '</x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row><x:row r="2">'
                                         '<x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[a < b & c]]></x:t></x:is></x:c>'
                                         '<x:c r="B2" t="s"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    assert cards(path) == [("a < b & c", "line one\nline two", "", [2, 2])]


def test_title_rows_above_the_header_row_are_no_cards(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "unit3.xlsx", {"Sheet1": [
        ["Unit 3 vocabulary"],
        [],
        ["Word", "Definition"],
        ["la playa", "the beach"],
    ]}, merges={"Sheet1": ["A1:B1"]})
    assert cards(book) == [("la playa", "the beach", "", [4, 4])]
    result = CliRunner().invoke(cli, ["check", str(book)], catch_exceptions=False)
    assert "unanswered" not in result.output


def test_a_header_naming_only_the_answer_column_is_a_header_but_a_one_letter_answer_is_a_card(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "words.xlsx", {"Sheet1": [["English", "Definition"], ["dog", "a domestic canine"]]})
    assert [(q, a) for q, a, _, _ in cards(book)] == [("dog", "a domestic canine")]
    choices = write_xlsx(tmp_path / "choices.xlsx", {"Sheet1": [["Which is prime: (A) 9 (B) 7?", "B"], ["Which is even?", "A"]]})
    assert [a for _, a, _, _ in cards(choices)] == ["B", "A"]


#: Pieces of sheet XML, to be put together in any order: unclosed, misnested, with bad references and counts.
XLSX_TOKENS = ['<row r="2">', "<row>", "</row>", '<c r="B2" t="s">', '<c r="ZZZZ9" t="n">', '<c t="b">', "<c>", "</c>",
               "<v>", "</v>", "1", "-1e400", "x", '<c s="1">', "<is><t>", "</t></is>", '<mergeCell ref="A1:B9"/>', "_x00",
               '<c t="d"><v>2020-01-01T00:00:00Z</v></c>', '<row r="99999999999">', "&amp;", "&#0;", "<t/>"]
ODS_TOKENS = ["<table:table-row>", "</table:table-row>", '<table:table-row table:number-rows-repeated="4000000000">',
              "<table:table-cell>", '<table:table-cell table:number-columns-repeated="99999">', "</table:table-cell>",
              '<table:table-cell table:number-rows-spanned="3" office:value="7">', "<table:covered-table-cell/>",
              "<text:p>", "</text:p>", "word", '<text:s text:c="x"/>', "<text:line-break/>", "<office:annotation>",
              "\f", "&lt;"]


@settings(max_examples=40, deadline=None)
@given(body=st.lists(st.sampled_from(XLSX_TOKENS), max_size=40))
def test_any_sheet_xml_reads_as_text_or_a_clear_error(tmp_path_factory, body: list[str]) -> None:
    folder = tmp_path_factory.mktemp("soup")
    book = write_xlsx(folder / "book.xlsx", {"Sheet1": [["a?", "b"]], "Other": [["c?", "d"]]})
    path = folder / "soup.xlsx"
    with zipfile.ZipFile(book) as original, zipfile.ZipFile(path, "w") as archive:
        for name in original.namelist():
            soup = f"<worksheet><sheetData>{''.join(body)}</sheetData></worksheet>"
            archive.writestr(name, soup if name == "xl/worksheets/sheet2.xml" else original.read(name))
    try:
        text = markups.DOCUMENTS[".xlsx"](path.read_bytes(), path.name)
    except SourceError:
        return
    assert isinstance(parsers.parse(Source(path, text, "xlsx")).cards, tuple)


@settings(max_examples=40, deadline=None)
@given(body=st.lists(st.sampled_from(ODS_TOKENS), max_size=40))
def test_any_ods_table_reads_as_text_or_a_clear_error(tmp_path_factory, body: list[str]) -> None:
    path = write_ods(tmp_path_factory.mktemp("soup") / "soup.ods", {"One": ods_row("a?", "b"), "Two": "".join(body)})
    try:
        text = markups.DOCUMENTS[".ods"](path.read_bytes(), path.name)
    except SourceError:
        return
    assert isinstance(parsers.parse(Source(path, text, "ods")).cards, tuple)


def test_a_cell_repeated_past_any_real_sheet_is_an_error_not_a_billion_cells(tmp_path: Path) -> None:
    body = ('<table:table-row table:number-rows-repeated="999999999"><table:table-cell office:value-type="string" '
            'table:number-columns-repeated="999999999"><text:p>X</text:p></table:table-cell></table:table-row>')
    with pytest.raises(SourceError, match="over 2000000 cells with values"):
        sources.read(write_ods(tmp_path / "bomb.ods", {"Sheet1": body}))


def test_a_spreadsheet_format_qadeck_cannot_read_is_skipped_saying_what_to_save_it_as(tmp_path: Path) -> None:
    (tmp_path / "vocab.xlsb").write_bytes(b"PK\x03\x04" + bytes(504))
    found = sources.collect([tmp_path / "vocab.xlsb"])
    assert found.files == []
    assert found.skipped == [f"{tmp_path / 'vocab.xlsb'}: skipped, a binary Excel workbook: save it as .xlsx to read it"]


def test_a_word_and_meaning_vocabulary_list_reads_its_header_as_a_header(tmp_path: Path) -> None:
    book = write_ods(tmp_path / "words.ods", {"Sheet1": ods_row("Word", "Meaning", "Tags") + ods_row("gato", "cat", "animals")})
    found = listed(book)
    assert [(c["question"], c["answer"], c["lines"]) for c in found] == [("gato", "cat", [2, 2])]
    assert "animals" in found[0]["tags"]


def test_a_lone_sheet_of_one_column_is_read_by_the_layout_its_text_fits_at_its_rows(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "onecol.xlsx", {"Sheet1": [
        ["Q: What is 2+2?"], ["A: Four."], [], ["Q: Capital of France?"], ["A: Paris."],
    ]})
    result = parsers.parse(sources.read(book))
    assert result.layout != "csv"
    assert [(c.question, c.answer, c.lines) for c in result.cards] == [
        ("What is 2+2?", "Four.", (1, 2)), ("Capital of France?", "Paris.", (4, 5)),
    ]


def test_a_first_row_naming_the_languages_a_vocabulary_list_pairs_is_its_header(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "german.xlsx", {"Sheet1": [
        ["German", "English", "Category"], ["der Mann", "the man", "people"], ["die Frau", "the woman", "people"],
    ]})
    assert [(q, a, lines) for q, a, _, lines in cards(book)] == [
        ("der Mann", "the man", [2, 2]), ("die Frau", "the woman", [3, 3]),
    ]
    words = write_ods(tmp_path / "hanzi.ods", {"Sheet1": ods_row("汉语", "Español") + ods_row("好", "bueno")})
    assert [(q, a) for q, a, _, _ in cards(words)] == [("好", "bueno")]


# --- Excel 97-2003 (.xls) ----------------------------------------------------------------------------------------

def write_xls(path: Path, sheets: dict[str, list[list[Cell]]], hidden: tuple[str, ...] = (),
              merges: dict[str, list[tuple[int, int, int, int]]] | None = None) -> Path:
    """The same workbook as :func:`write_xlsx` writes, as an Excel 97-2003 file (BIFF8, written by xlwt); merges are
    (first row, last row, first column, last column) from 0."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    dated = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        sheet.visibility = int(name in hidden)
        spans = (merges or {}).get(name, [])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                span = next((m for m in spans if (m[0], m[2]) == (r, c)), None)
                if span:
                    sheet.write_merge(*span, value)
                elif isinstance(value, tuple) and value[0] == "date":
                    sheet.write(r, c, value[1], dated)
                elif value is not None:
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


XLS_BOOK = {
    "Animals": [["Term", "Definition", "Tags"], ["el gato", "the cat\nfeline", "pets"], [], ["el pez", "the fish"]],
    "Facts": [["Question", "Answer"], ["7 x 8?", 56], ["Pi to two places?", 3.14], ["Is water wet?", True],
              ["Moon landing?", ("date", 25404)], [1066, "Battle of Hastings"], ["Grüße — 東京?", "✓"]],
    "Workings": [["not", "cards"]],
}


def test_an_excel_97_workbook_gives_the_cards_the_same_xlsx_gives(tmp_path: Path) -> None:
    old = write_xls(tmp_path / "cards.xls", XLS_BOOK, hidden=("Workings",))
    new = write_xlsx(tmp_path / "cards.xlsx", XLS_BOOK, hidden=("Workings",))
    assert cards(old) == cards(new)
    assert cards(old) == [
        ("el gato", "the cat\nfeline", "Animals", [2, 2]),
        ("el pez", "the fish", "Animals", [4, 4]),
        ("7 x 8?", "56", "Facts", [2, 2]),
        ("Pi to two places?", "3.14", "Facts", [3, 3]),
        ("Is water wet?", "TRUE", "Facts", [4, 4]),
        ("Moon landing?", "1969-07-20", "Facts", [5, 5]),
        ("1066", "Battle of Hastings", "Facts", [6, 6]),
        ("Grüße — 東京?", "✓", "Facts", [7, 7]),
    ]
    assert [t for t in listed(old)[0]["tags"] if "::" not in t] == ["pets"]


def test_an_excel_97_merged_topic_cell_names_every_row_it_spans(tmp_path: Path) -> None:
    book = write_xls(tmp_path / "merged.xls", {"Sheet1": [
        ["Term", "Definition"],
        ["mitosis", "one cell splits in two"],
        [None, "the other"],
    ]}, merges={"Sheet1": [(1, 2, 0, 0)]})
    assert [(q, a) for q, a, _, _ in cards(book)] == [
        ("mitosis", "one cell splits in two"), ("mitosis", "the other"),
    ]


def test_an_xlsx_saved_under_an_xls_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "vocab.xlsx", {"Sheet1": [["Front", "Back"], ["el pan", "bread"]]})
    renamed = book.rename(tmp_path / "vocab.xls")
    assert cards(renamed) == [("el pan", "bread", "", [2, 2])]


def test_an_excel_97_workbook_in_a_folder_is_read_when_its_name_says_cards(tmp_path: Path) -> None:
    write_xls(tmp_path / "flashcards.xls", {"Sheet1": [["a?", "b"]]})
    write_xls(tmp_path / "budget.xls", {"Sheet1": [["rent", 900]]})
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "flashcards.xls"]
    assert any("budget.xls: skipped" in skipped for skipped in found.skipped)


def _encrypted(data: bytes) -> bytes:
    """``data`` (an xlwt workbook) with the record after its first BOF made a FILEPASS record (0x002F), the record
    Excel writes there when a password encrypts the workbook."""
    at = data.index(b"\x09\x08\x10\x00") + 4 + 16
    return data[:at] + b"\x2f\x00" + data[at + 2:]


@pytest.mark.parametrize("damage, message", [
    (lambda data: data[: len(data) // 2], "not a readable Excel 97-2003 workbook (damaged or cut short"),
    (lambda data: data[:600], "not a readable Excel 97-2003 workbook (damaged or cut short"),
    (_encrypted, "a password-protected Excel workbook: save a copy without the password"),
    (lambda data: data.replace(b"\x42\x00\x02\x00\xb0\x04", b"\x42\x00\x02\x00\xf1\x06", 1),
     "not a readable Excel 97-2003 workbook (damaged or cut short: unknown encoding: cp1777)"),
    (lambda data: b"<html><body><table><tr><td>a?</td></tr></table>", "not an Excel 97-2003 workbook (a web page"),
    (lambda data: b"Question\tAnswer\n", "not an Excel 97-2003 workbook (text under an .xls name)"),
    (lambda data: b"", "not an Excel 97-2003 workbook (an empty file"),
])
def test_a_damaged_encrypted_or_mislabelled_xls_is_one_clear_line_naming_it(tmp_path: Path, damage, message) -> None:
    good = write_xls(tmp_path / "good.xls", {"Sheet1": [["Question", "Answer"], ["a?", "b"]]})
    path = tmp_path / "cards.xls"
    path.write_bytes(damage(good.read_bytes()))
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert f"{path}: {message}" in result.output, result.output


def test_an_xls_damaged_anywhere_reads_as_text_or_one_clear_error(tmp_path: Path) -> None:
    # Bytes changed at random (with a fixed seed, so that a failure repeats): codepage records naming no codec,
    # formats with no string, a compound file's sector chain looping; each is text or a SourceError, and quickly.
    good = write_xls(tmp_path / "good.xls", XLS_BOOK, hidden=("Workings",)).read_bytes()
    chance = random.Random(20261206)
    for _ in range(400):
        damaged = bytearray(good)
        for _ in range(chance.randint(1, 12)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        try:
            assert isinstance(markups.DOCUMENTS[".xls"](bytes(damaged), "cards.xls"), str)
        except SourceError as exc:
            assert exc.path == "cards.xls"
