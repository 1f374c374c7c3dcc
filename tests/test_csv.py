"""The CSV writer: rows joined by hand, byte for byte what the csv module writes."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from qadeck.writers.csv import row

# Text that is mostly the characters quoting turns on.
_TEXT = st.text(alphabet=st.sampled_from([",", '"', "\n", "\r", "\t", " ", "'", "a", "é", "#"]) | st.characters())


@given(st.tuples(_TEXT, _TEXT, _TEXT, _TEXT, _TEXT))
def test_row_is_what_the_csv_module_writes(values):
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel", lineterminator="\r\n").writerow(values)
    assert row(values) == buffer.getvalue()


@given(st.tuples(_TEXT, _TEXT, _TEXT, _TEXT, _TEXT))
def test_row_reads_back(values):
    assert tuple(next(csv.reader(io.StringIO(row(values), newline="")))) == values
