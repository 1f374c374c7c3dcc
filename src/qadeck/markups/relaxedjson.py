"""JSON written by hand: JSON5 (``.json5``) and JSON with comments (``.jsonc``), read as JSON data files are.

Quiz apps and editors' users keep their questions in JSON they write themselves, with what strict JSON forbids:
comments (``// correct answer``), trailing commas, and in JSON5 bare keys, single quotes and hexadecimal numbers.
A file that is strict JSON is read by :func:`data.json_to_markdown` (with its lines); anything else is read as the
one literal value :func:`jsdata.document` reads (the JavaScript literal syntax JSON5 is), never run. The value's
entries become cards as a JSON file's do (:mod:`.data`); a file that is neither is an error naming the file.
"""

from __future__ import annotations

from ..errors import SourceError
from . import data, jsdata


def to_markdown(text: str) -> str:
    """A JSON5 or JSONC file's entries as Markdown; :class:`SourceError` when it is neither."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        return ""
    try:
        return data.json_to_markdown(text)
    except SourceError:
        pass  # comments, trailing commas, bare keys: read as JSON5
    try:
        value = jsdata.document(text)
    except data.Unreadable:
        raise SourceError("not valid JSON5 or JSON with comments: a value is not closed, or is not data") from None
    return data.value_markdown(value, text.count("\n") + 1)
