"""A source saved in another encoding or with other line endings gives the same cards.

The UTF-8 fixture ``fixtures/encodings/accents.md`` is written out at test time
as Windows-1252, UTF-8 with a BOM, UTF-16 with a BOM and with CRLF or CR line
endings; read back through :func:`qadeck.sources.read` and parsed, each must
give exactly the cards (text and lines) of the UTF-8 original.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import parsers, sources

FIXTURE = Path(__file__).parent / "fixtures" / "encodings" / "accents.md"

VARIANTS = {
    "cp1252": lambda text: text.encode("cp1252"),
    "utf-8-sig": lambda text: text.encode("utf-8-sig"),
    "utf-16": lambda text: text.encode("utf-16"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "cp1252-crlf": lambda text: text.replace("\n", "\r\n").encode("cp1252"),
}


def _cards(path: Path) -> list[tuple[str, str, str, tuple[int, int]]]:
    parsed = parsers.parse(sources.read(path))
    return [(c.question, c.answer, c.section, c.lines) for c in parsed.cards]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_same_cards_whatever_the_encoding(variant: str, tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    path = tmp_path / FIXTURE.name
    path.write_bytes(VARIANTS[variant](text))
    expected = _cards(FIXTURE)
    assert len(expected) == 3
    assert _cards(path) == expected


def test_encoding_is_reported(tmp_path: Path) -> None:
    path = tmp_path / FIXTURE.name
    path.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("cp1252"))
    assert sources.read(path).encoding == "cp1252"
