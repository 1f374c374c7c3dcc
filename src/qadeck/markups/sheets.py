"""Spreadsheets (Excel ``.xlsx`` and ``.xls``, OpenDocument ``.ods``) as the tab-separated rows the ``csv`` layout reads.

Contract: :func:`xlsx_to_text`, :func:`xls_to_text` and :func:`ods_to_text` give each visible sheet
that holds something as one line per sheet row, blank for an empty row, so
that line *n* is row *n*. When several sheets hold something, each opens with
a :data:`~qadeck.parsers.csv.SHEET` line (a form feed, then the sheet's
section: its name unless a default such as ``Sheet2``) and its rows count from
the line under it. The ``csv`` layout splits on those lines and reads each
sheet as a CSV file of its own (header row, question and answer columns,
tags), its cards' lines being sheet rows; another layout reading a lone
sheet's column (``Q:``/``A:`` lines) gets sheet rows as lines too. A cell's line break becomes ``<br>`` (cells are read as CSV cells
are: HTML in them is Markdown to be), so a row stays one line.

Cells hold what the sheet shows as far as a reader can tell without
rendering: the cached result of a formula, never the formula; shared or
inline strings with their rich text runs joined (phonetic guides left out);
numbers to 15 significant digits as a spreadsheet shows them, ``TRUE``/``FALSE``,
and dates (numbers in a date format) as ISO dates; ODS cells their displayed
text. A merged cell's value fills each row of its range in its first column
(a topic down the side of a sheet names every row it spans). Repeated ODS rows
and cells are counted, not expanded, when empty: a sheet's million trailing
empty cells cost nothing. The XML is scanned, never parsed (see :mod:`.archive`).
An Excel 97-2003 workbook (BIFF records in an OLE compound file) is read with
``xlrd``, and its cells are shown as the same cells of an ``.xlsx`` are.
"""

from __future__ import annotations

import csv
import html
import io
import re
import struct
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import olefile

from ..errors import SourceError
from ..parsers.csv import SHEET
from .archive import OLE_MAGIC, Archive, opendocument

#: The largest sheet read (Excel's own limits): cells and rows past them are left out.
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
#: The most cells with a value a workbook may hold: ODS repeats a cell or row by a count, and a count of a
#: billion must be an error, not a billion cells in memory.
MAX_CELLS = 2_000_000
#: The names spreadsheets give a new sheet, in the languages they ship in: no topic.
_DEFAULT_NAME = re.compile(
    r"(?i)^(?:sheet|tabelle|feuil|hoja|foglio|planilha|folha|blad|ark|arkusz|list|лист|munkalap|sayfa|"
    r"werkblad|taulukko|φύλλο|工作表|シート|시트)\s*\d+$"
)

_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _attributes(tag: str) -> dict[str, str]:
    """A start tag's attributes by local name (``table:name`` and ``name`` alike), values unescaped."""
    return {key.rpartition(":")[2]: _unescape(a or b) for key, a, b in _ATTRIBUTE.findall(tag)}


def _unescape(text: str) -> str:
    """XML's entities and character references replaced (most text has none: returned as it is)."""
    return html.unescape(text) if "&" in text else text


def to_text(sheets: Iterable[tuple[str, dict[int, dict[int, str]]]], file: str = "<sheets>") -> str:
    """The text of ``(name, {row: {column: value}})`` sheets (1-based rows, 0-based columns)."""
    sheets = list(sheets)
    if sum(len(row) for _, grid in sheets for row in grid.values()) > MAX_CELLS:
        raise _too_big(file)
    filled = [(name, grid) for name, grid in sheets if any(v.strip() for row in grid.values() for v in row.values())]
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for name, grid in filled:
        if len(filled) > 1:
            out.write(SHEET + ("" if _DEFAULT_NAME.match(name.strip()) else name.strip()) + "\n")
        last = max(r for r, row in grid.items() if any(v.strip() for v in row.values()))
        for number in range(1, last + 1):
            row = grid.get(number, {})
            width = max((c + 1 for c, v in row.items() if v.strip()), default=0)
            if width:
                writer.writerow([_cell(row.get(c, "")) for c in range(width)])
            else:
                out.write("\n")
    return out.getvalue()


def elements(xml: str, start: re.Pattern[str]) -> Iterator[tuple[str, str, str]]:
    """(name, attributes, content) of each element whose start tag ``start`` finds (groups: prefix, name,
    attributes, ``/`` when it closes itself), its content up to the first ``</prefix:name>``.

    Found with ``str.find``: a lazy ``(.*?)</row>`` tries the closing tag at every character of a
    sheet's tens of megabytes, once for each level (table, row, cell) the sheet is read at.
    """
    position = 0
    while found := start.search(xml, position):
        prefix, name, attributes, closed = found.groups()
        if closed:
            yield name, attributes, ""
            position = found.end()
            continue
        close = f"</{prefix or ''}{name}>"
        end = xml.find(close, found.end())
        end = len(xml) if end < 0 else end
        yield name, attributes, xml[found.end() : end]
        position = end + len(close)


def _too_big(file: str) -> SourceError:
    return SourceError(f"a workbook of over {MAX_CELLS} cells with values: too big to read as cards", file)


def _cell(value: str) -> str:
    """One line: line breaks as ``<br>``, no form feed (it opens a sheet)."""
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>").replace(SHEET, " ")


def _fill_merged(grid: dict[int, dict[int, str]], merges: Iterable[tuple[int, int, int, int]]) -> None:
    """Give each row of a merged range (first row, first column, last row, last column) its value,
    in its first column; only rows up to the sheet's last one that holds text."""
    last = max((r for r, row in grid.items() if row), default=0)
    for top, left, bottom, _ in merges:
        value = grid.get(top, {}).get(left, "")
        if value:
            for number in range(top + 1, min(bottom, last) + 1):
                grid.setdefault(number, {}).setdefault(left, value)


# --- Excel (Office Open XML) -------------------------------------------------------------------------------------

_XL_SHEET = re.compile(r"<(?:\w+:)?sheet\b([^>]*)>")
_XL_ROW = re.compile(r"<(\w+:)?(row)\b([^>]*?)(/?)>")
_XL_CELL = re.compile(r"<(\w+:)?(c)\b([^>]*?)(/?)>")
_XL_VALUE = re.compile(r"<(?:\w+:)?v\b[^>]*>([^<]*)</(?:\w+:)?v>")
_XL_INLINE = re.compile(r"<(?:\w+:)?is\b[^>]*>(.*?)</(?:\w+:)?is>", re.DOTALL)
_XL_STRING = re.compile(r"<(?:\w+:)?si\b[^>]*/>|<(?:\w+:)?si\b[^>]*>(.*?)</(?:\w+:)?si>", re.DOTALL)
_XL_TEXT = re.compile(r"<(?:\w+:)?t\b[^>]*>([^<]*)</(?:\w+:)?t>")
_XL_PHONETIC = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.DOTALL)
_XL_MERGE = re.compile(r"<(?:\w+:)?mergeCell\b([^>]*)>")
_XL_FORMAT = re.compile(r"<(?:\w+:)?numFmt\b([^>]*)>")
_XL_XFS = re.compile(r"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.DOTALL)
_XL_XF = re.compile(r"<(?:\w+:)?xf\b([^>]*)>")
_XL_REFERENCE = re.compile(r"([A-Za-z]{1,3})(\d+)")
#: ``_x000D_``: how OOXML writes a character XML cannot hold.
_XL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
#: Excel's built-in number formats that show dates or times.
_XL_DATE_FORMATS = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
#: A custom format's quoted text, escaped characters and [colour]/[$-locale] parts: no date in them.
_XL_FORMAT_TEXT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_XL_ELAPSED = re.compile(r"\[(?:h+|m+|s+)\]")


def xlsx_to_text(data: bytes, name: str = "<xlsx>") -> str:
    archive = Archive(data, name, "Excel workbook")
    start = archive.relationships("")
    book = next((target for kind, target in start.values() if kind.endswith("/officeDocument")), "xl/workbook.xml")
    if not archive.has(book):
        raise archive.damaged(f"no {book} in it")
    workbook = archive.text(book)
    targets = archive.relationships(book)
    strings = _shared_strings(archive.text(_part(targets, "sharedStrings")))
    dates = _date_styles(archive.text(_part(targets, "styles")))
    base = datetime(1904, 1, 1) if re.search(r"date1904=\"(?:1|true)\"", workbook) else datetime(1899, 12, 30)
    sheets = []
    for attributes in map(_attributes, _XL_SHEET.findall(workbook)):
        if attributes.get("state", "visible") != "visible":
            continue  # hidden sheets hold lookups and workings, not cards
        kind, path = targets.get(attributes.get("id", ""), ("", ""))
        if path and archive.has(path):
            sheets.append((attributes.get("name", ""), _xlsx_grid(archive.text(path), strings, dates, base)))
    return to_text(sheets, name)


def _part(targets: dict[str, tuple[str, str]], kind: str) -> str:
    return next((path for type_, path in targets.values() if type_.endswith("/" + kind)), "")


def _xl_text(xml: str) -> str:
    text = _unescape("".join(_XL_TEXT.findall(_XL_PHONETIC.sub("", xml) if "rPh" in xml else xml)))
    return _xl_unescape(text)


def _xl_unescape(text: str) -> str:
    return _XL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _shared_strings(xml: str) -> list[str]:
    return [_xl_text(item) for item in (m.group(1) or "" for m in _XL_STRING.finditer(xml))]


def _date_styles(xml: str) -> dict[int, bool]:
    """Indexes of the cell styles whose number format shows a date or time -> whether it is elapsed time
    (``[h]:mm``: hours past 24 rather than a day)."""
    custom = {}
    for attributes in map(_attributes, _XL_FORMAT.findall(xml)):
        if attributes.get("numFmtId", "").isdigit():
            custom[int(attributes["numFmtId"])] = attributes.get("formatCode", "")
    xfs = _XL_XFS.search(xml)
    dated = {}
    for index, attributes in enumerate(map(_attributes, _XL_XF.findall(xfs.group(1) if xfs else ""))):
        number = int(attributes.get("numFmtId", "0")) if attributes.get("numFmtId", "0").isdigit() else 0
        code = custom.get(number, "").lower()
        elapsed = number == 46 or bool(_XL_ELAPSED.search(code))
        if number in _XL_DATE_FORMATS or elapsed or re.search(r"[dmyhs]", _XL_FORMAT_TEXT.sub("", code)) and "general" not in code:
            dated[index] = elapsed
    return dated


def _xlsx_grid(xml: str, strings: list[str], dates: dict[int, bool], base: datetime) -> dict[int, dict[int, str]]:
    grid: dict[int, dict[int, str]] = {}
    number = 0
    for _, row_attributes, body in elements(xml, _XL_ROW):
        given = _attributes(row_attributes).get("r", "")
        number = int(given) if given.isdigit() else number + 1
        if number > MAX_ROWS:
            break
        cells: dict[int, str] = {}
        column = -1
        for _, cell_attributes, content in elements(body, _XL_CELL):
            attributes = _attributes(cell_attributes)
            reference = _XL_REFERENCE.fullmatch(attributes.get("r", ""))
            column = _column(reference.group(1)) if reference else column + 1
            if column >= MAX_COLUMNS:
                break
            value = _xlsx_value(attributes, content or "", strings, dates, base)
            if value:
                cells[column] = value
        if cells:
            grid[number] = cells
    merges = []
    for attributes in map(_attributes, _XL_MERGE.findall(xml)):
        first, _, last = attributes.get("ref", "").partition(":")
        corners = [_XL_REFERENCE.fullmatch(first), _XL_REFERENCE.fullmatch(last or first)]
        if corners[0] and corners[1]:
            (a, b), (c, d) = ((int(m.group(2)), _column(m.group(1))) for m in corners)
            merges.append((a, b, c, d))
    _fill_merged(grid, merges)
    return grid


@lru_cache(maxsize=1024)
def _column(letters: str) -> int:
    """``A`` -> 0, ``AB`` -> 27."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _xlsx_value(attributes: dict[str, str], content: str, strings: list[str], dates: dict[int, bool],
                base: datetime) -> str:
    kind = attributes.get("t", "n")
    if kind == "inlineStr":
        inline = _XL_INLINE.search(content)
        return _xl_text(inline.group(1)) if inline else ""
    found = _XL_VALUE.search(content)
    raw = _unescape(found.group(1)).strip() if found else ""
    if not raw:
        return ""
    if kind == "s":
        index = int(raw) if raw.isdigit() else -1
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return "TRUE" if raw in ("1", "true") else "FALSE"
    if kind == "d":  # an ISO 8601 date, shown as the dates of number cells are
        return raw.replace("T", " ").removesuffix("Z").removesuffix(" 00:00:00")
    if kind in ("str", "e"):
        return _xl_unescape(raw)
    try:
        value = float(raw)
    except ValueError:
        return raw
    style = attributes.get("s", "0")
    # LibreOffice writes dates before 1900 as negative serials; 2,958,466 is 9999-12-31 + 1.
    if style.isdigit() and int(style) in dates and -693_593 <= value < 2_958_466:
        try:
            return _elapsed(value) if dates[int(style)] else _date(value, base)
        except OverflowError:
            pass  # before year 1 in the 1904 system: shown as the number it is
    return number_text(value)


def number_text(value: float) -> str:
    """A number as a spreadsheet shows it in a general format: 15 significant digits, no trailing zeros."""
    text = f"{value:.15g}"
    return "0" if text == "-0" else text


def _elapsed(days: float) -> str:
    seconds = round(days * 86400)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _date(serial: float, base: datetime) -> str:
    if base.year == 1899 and 0 < serial < 61:
        base += timedelta(days=1)  # Excel counts a 29 February 1900 that never was: serials before it are a day off
    moment = base + timedelta(days=serial)
    moment = (moment + timedelta(milliseconds=500)).replace(microsecond=0)
    if 0 <= serial < 1:
        return moment.strftime("%H:%M:%S")
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"  # strftime pads no year before 1000
    return f"{day} {moment:%H:%M:%S}" if moment.hour or moment.minute or moment.second else day


# --- Excel 97-2003 (BIFF) -------------------------------------------------------------------------------------

#: What xlrd can raise on a damaged compound file or record, besides its own errors.
_XLS_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AssertionError, EOFError, OverflowError, RecursionError,
               UnicodeError, LookupError, AttributeError, struct.error, OSError, NotImplementedError)
_XLS_SAVE = "save it as .xlsx to read it"
#: xlrd's cell types (``xlrd.XL_CELL_TEXT`` …), named here so that xlrd is imported only to read an ``.xls``.
_XLS_TEXT, _XLS_NUMBER, _XLS_DATE, _XLS_BOOLEAN, _XLS_ERROR = 1, 2, 3, 4, 5
#: BIFF's error codes as Excel shows them.
_XLS_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
               0x2A: "#N/A"}
_XLS_PASSWORD = "a password-protected Excel workbook: save a copy without the password to read it"


def xls_to_text(data: bytes, name: str = "<xls>") -> str:
    """An Excel 97-2003 workbook's visible sheets; an ``.xlsx`` saved under an ``.xls`` name is read as one."""
    if data.startswith(b"PK\x03\x04"):
        return xlsx_to_text(data, name)
    if not data.startswith(OLE_MAGIC):
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
        what = ("an Excel 2003 XML spreadsheet" if b"urn:schemas-microsoft-com:office:spreadsheet" in head else
                "a web page" if head.startswith((b"<!doctype html", b"<html", b"<table")) else
                "an empty file" if not head else "text" if not any(byte < 9 for byte in head) else "no Excel workbook")
        raise SourceError(f"not an Excel 97-2003 workbook ({what} under an .xls name): {_XLS_SAVE}", name)
    import xlrd  # here, as pypdf is: only a run that reads an .xls pays for importing it

    workbook = _workbook_stream(data, name)
    try:
        # The stream alone, taken out by olefile (xlrd follows a damaged file's sector chain round a loop for
        # minutes); rows as long as their cells (xlrd pads each to the widest, which a damaged file puts at 65,536);
        # xlrd writes what it finds odd in a file to stdout unless it is given a log of its own.
        book = xlrd.open_workbook(file_contents=workbook, formatting_info=True, ragged_rows=True, logfile=io.StringIO())
    except (xlrd.XLRDError, *_XLS_DAMAGE) as exc:
        if "encrypted" in str(exc).lower():  # a FILEPASS record: the workbook is encrypted with a password
            raise SourceError(_XLS_PASSWORD, name) from exc
        raise SourceError(f"not a readable Excel 97-2003 workbook (damaged or cut short: {str(exc) or type(exc).__name__})",
                          name) from exc
    base = datetime(1904, 1, 1) if book.datemode else datetime(1899, 12, 30)
    try:
        # visibility 1 and 2: hidden sheets, which hold lookups and workings, not cards
        return to_text(((sheet.name, _xls_grid(book, sheet, base, name)) for sheet in book.sheets()
                        if sheet.visibility == 0), name)
    except _XLS_DAMAGE as exc:
        raise SourceError(f"not a readable Excel 97-2003 workbook (damaged: {str(exc) or type(exc).__name__})", name) from exc
    finally:
        book.release_resources()


def _workbook_stream(data: bytes, name: str) -> bytes:
    """The BIFF records of an Excel 97-2003 workbook: its compound file's ``Workbook`` stream (``Book`` in Excel 5
    and 95 files)."""
    try:
        with olefile.OleFileIO(data) as ole:
            if ole.exists("EncryptedPackage"):  # a password-protected .xlsx under an .xls name
                raise SourceError(_XLS_PASSWORD, name)
            # A file Excel 97 saved for Excel 95 too holds both: the newer is read, as Excel reads it.
            streams = {entry[0].lower(): entry for entry in ole.listdir() if len(entry) == 1}
            stream = streams.get("workbook") or streams.get("book")
            if stream is None:
                raise SourceError(f"not an Excel workbook (a compound file with no Workbook stream: another Office file "
                                  f"saved as .xls?): {_XLS_SAVE}", name)
            return bytes(ole.openstream(stream).read())
    except _XLS_DAMAGE as exc:
        raise SourceError(f"not a readable Excel 97-2003 workbook (damaged or cut short: {str(exc) or type(exc).__name__})",
                          name) from exc


def _xls_grid(book: Any, sheet: Any, base: datetime, file: str) -> dict[int, dict[int, str]]:
    grid: dict[int, dict[int, str]] = {}
    count = 0
    for row in range(sheet.nrows):
        cells = {column: value for column in range(sheet.row_len(row))
                 if (value := _xls_value(book, sheet.cell(row, column), base))}
        if cells:
            count += len(cells)
            if count > MAX_CELLS:
                raise _too_big(file)
            grid[row + 1] = cells
    # xlrd's ranges are (first row, row after, first column, column after), from 0.
    _fill_merged(grid, [(top + 1, left, bottom, right - 1) for top, bottom, left, right in sheet.merged_cells])
    return grid


def _xls_value(book: Any, cell: Any, base: datetime) -> str:
    kind, value = cell.ctype, cell.value
    if kind == _XLS_TEXT:
        return str(value)
    if kind == _XLS_NUMBER:
        return number_text(value)
    if kind == _XLS_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == _XLS_ERROR:
        return _XLS_ERRORS.get(value, "#N/A")
    if kind == _XLS_DATE:
        xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
        form = book.format_map.get(xf.format_key) if xf is not None else None
        if form is not None and _XL_ELAPSED.search(str(form.format_str or "").lower()):
            return _elapsed(value)
        if -693_593 <= value < 2_958_466:
            try:
                return _date(value, base)
            except OverflowError:
                pass  # before year 1 in the 1904 system: shown as the number it is
        return number_text(value)
    return ""


# --- OpenDocument ------------------------------------------------------------------------------------------------

_OD_TABLE = re.compile(r"<(table:)(table)(?=[\s>])([^>]*?)(/?)>")
_OD_ROW = re.compile(r"<(table:)(table-row)(?=[\s/>])([^>]*?)(/?)>")
_OD_CELL = re.compile(r"<(table:)(table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")
_OD_PARAGRAPH = re.compile(r"<text:[ph]\b[^>]*?(?:/>|>(.*?)</text:[ph]>)", re.DOTALL)
#: What a cell holds besides its text: comments, notes, ruby annotations.
_OD_ASIDE = re.compile(
    r"<office:annotation\b.*?</office:annotation>|<text:note\b.*?</text:note>|<text:ruby-text\b.*?</text:ruby-text>",
    re.DOTALL,
)
_OD_INLINE = re.compile(r"<text:s\b([^>]*)/>|<text:tab\b[^>]*/>|<text:line-break\b[^>]*/>|<[^>]*>")
_OD_HIDDEN_STYLE = re.compile(
    r"<style:style\b([^>]*?)(?<!/)>(?:(?!</style:style>).)*?table:display=\"false\"", re.DOTALL
)


def ods_to_text(data: bytes, name: str = "<ods>") -> str:
    xml, _ = opendocument(data, name, "OpenDocument spreadsheet")
    hidden = {_attributes(tag).get("name") for tag in _OD_HIDDEN_STYLE.findall(xml)}
    sheets = []
    for _, tag, body in elements(xml, _OD_TABLE):
        attributes = _attributes(tag)
        if attributes.get("style-name") in hidden:
            continue
        sheets.append((attributes.get("name", ""), _ods_grid(body, name)))
    return to_text(sheets, name)


def _ods_grid(xml: str, file: str) -> dict[int, dict[int, str]]:
    grid: dict[int, dict[int, str]] = {}
    merges = []
    number = count = 0
    for _, row_tag, body in elements(xml, _OD_ROW):
        # Most rows and cells have no count or span: their attributes are read only when they do.
        repeat = _repeat(_attributes(row_tag).get("number-rows-repeated")) if "-repeated" in row_tag else 1
        cells: dict[int, str] = {}
        column = 0
        for kind, cell_tag, content in elements(body, _OD_CELL):
            attributes = _attributes(cell_tag) if "-repeated" in cell_tag or "-spanned" in cell_tag else {}
            times = _repeat(attributes.get("number-columns-repeated"))
            value = _ods_value(cell_tag, content or "") if kind == "table-cell" else ""
            if value:
                count += min(times, MAX_COLUMNS - column)
                if count > MAX_CELLS:
                    raise _too_big(file)
                for offset in range(min(times, MAX_COLUMNS - column)):
                    cells[column + offset] = value
                spans = _repeat(attributes.get("number-rows-spanned")), _repeat(attributes.get("number-columns-spanned"))
                if spans != (1, 1):
                    merges.append((number + 1, column, number + spans[0], column + spans[1] - 1))
            column += times
            if column >= MAX_COLUMNS:
                break
        # Empty rows are counted, not stored: a sheet's last row is often "the next million are empty".
        copies = min(repeat, MAX_ROWS - number) if cells else 0
        count += len(cells) * (copies - 1)
        if count > MAX_CELLS:
            raise _too_big(file)
        for offset in range(copies):
            grid[number + 1 + offset] = dict(cells)
        number += repeat
        if number >= MAX_ROWS:
            break
    _fill_merged(grid, merges)
    return grid


def _repeat(value: str | None) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def _ods_value(tag: str, content: str) -> str:
    """The cell's displayed text (paragraphs on lines of their own), else the value it stores."""
    if "<office:annotation" in content or "<text:note" in content or "<text:ruby" in content:
        content = _OD_ASIDE.sub("", content)
    paragraphs = [_od_text(m.group(1) or "") for m in _OD_PARAGRAPH.finditer(content)]
    text = "\n".join(paragraphs).strip()
    if text or "value=" not in tag:
        return text
    attributes = _attributes(tag)
    for key in ("string-value", "value", "date-value", "time-value", "boolean-value"):
        if attributes.get(key):
            return attributes[key]
    return ""


def _od_text(xml: str) -> str:
    def inline(match: re.Match[str]) -> str:
        tag = match.group(0)
        if tag.startswith("<text:s") and tag[7:8] in " /\t\n":
            count = _attributes(match.group(1) or "").get("c", "1")
            return " " * min(int(count) if count.isdigit() else 1, 1000)
        if tag.startswith("<text:tab"):
            return "\t"
        if tag.startswith("<text:line-break"):
            return "\n"
        return ""

    return _unescape(_OD_INLINE.sub(inline, xml) if "<" in xml else xml)

