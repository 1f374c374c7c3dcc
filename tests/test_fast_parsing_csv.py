"""csv fast paths: lines read lazily give what a split of the whole text (or io.StringIO) gives."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import csv as std_csv
import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import csv

_PIECES = st.sampled_from(["\n", "\r\n", "\r", ",", ";", "\t", '"', '""', "a", "Front", "Back", "Question", "x y",
                           "#separator:tab", "#columns:Front\tBack", "\n\n", " "])
TEXTS = st.lists(_PIECES, max_size=16).map("".join) | st.text(max_size=30)


@given(TEXTS)
def test_lazy_lines_are_the_split_lines(text):
    assert list(csv.lazy_lines(text)) == text.split("\n")
    assert list(csv.lazy_lines(text, keepends=True)) == list(io.StringIO(text))


def _rows_read_whole(source, header, limit, separator):
    """rows() as it was: the whole text copied into a StringIO."""
    text = "\n".join(source.text.split("\n")[header.lines :]) if header.lines else source.text
    reader = std_csv.reader(io.StringIO(text), delimiter=separator)
    out, end = [], header.lines
    try:
        for cells in reader:
            start, end = end + 1, header.lines + reader.line_num
            if any(cell.strip() for cell in cells):
                out.append((start, end, cells))
                if len(out) == limit:
                    break
    except std_csv.Error:
        pass
    return out


@given(TEXTS, st.sampled_from([1, 2, None]), st.sampled_from(list(csv.DELIMITERS)))
def test_rows_read_lazily_are_the_rows_read_whole(text, limit, separator):
    source = Source(Path("deck.csv"), text)
    header = csv.anki_header(text)
    assert csv.rows(source, header, limit, separator) == _rows_read_whole(source, header, limit, separator)


def test_a_header_row_is_found_without_reading_the_rest():
    source = Source(Path("notes.txt"), 'Question,Answer\n"What is PCA?","A way\nto reduce"\n' + "x\n" * 50)
    assert csv._names_columns(source, csv.anki_header(source.text))
    assert csv.anki_header("#separator:tab\n#columns:Front\tBack\nq\ta\n").lines == 2
