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
    # "Unicode" text as some Windows exports write it: UTF-16 with no BOM, either byte order.
    "utf-16-le-unmarked": lambda text: text.encode("utf-16-le"),
    "utf-16-be-unmarked": lambda text: text.encode("utf-16-be"),
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


#: Notes in other scripts, as editors on Windows save them when not told to use UTF-8.
LEGACY = {
    "cp1251": "Вопрос: Что такое очередь?\nОтвет: Структура данных: первым пришёл — первым ушёл.\n\n"
              "Вопрос: Что такое стек?\nОтвет: Последним пришёл, первым ушёл.\n",
    "gbk": "问：什么是队列？\n答：一种先进先出的数据结构。\n\n问：什么是栈？\n答：一种后进先出的数据结构。\n",
    "shift_jis": "Q: キューとは何ですか？\nA: 先に入れたものから取り出すデータ構造です。\n\n"
                 "Q: スタックとは何ですか？\nA: 後に入れたものから取り出します。\n",
    "euc_kr": "Q: 큐란 무엇입니까?\nA: 먼저 들어온 것이 먼저 나가는 자료 구조입니다.\n\n"
              "Q: 스택이란 무엇입니까?\nA: 나중에 들어온 것이 먼저 나갑니다.\n",
    "cp1253": "Ερώτηση: Τι είναι η ουρά;\nΑπάντηση: Δομή δεδομένων όπου ό,τι μπαίνει πρώτο βγαίνει πρώτο.\n\n"
              "Ερώτηση: Τι είναι η στοίβα;\nΑπάντηση: Ό,τι μπαίνει τελευταίο βγαίνει πρώτο.\n",
}


@pytest.mark.parametrize("codec", sorted(LEGACY))
def test_notes_in_another_scripts_code_page_read_as_written(codec: str, tmp_path: Path) -> None:
    text = LEGACY[codec]
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(text.encode(codec))
    expected = _cards(tmp_path / "utf8.txt")
    assert len(expected) == 2
    assert _cards(tmp_path / "legacy.txt") == expected


def test_utf8_with_a_stray_byte_keeps_its_utf8(tmp_path: Path) -> None:
    """One Windows-1252 apostrophe pasted into a UTF-8 file costs that byte, not every accent."""
    text = FIXTURE.read_text(encoding="utf-8")
    path = tmp_path / FIXTURE.name
    path.write_bytes(text.encode("utf-8").replace("L’addition".encode(), b"L\x92addition"))
    source = sources.read(path)
    assert source.encoding == "utf-8"
    assert "L\ufffdaddition" in source.text
    assert source.text.replace("L\ufffdaddition", "L’addition") == text
