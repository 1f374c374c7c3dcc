"""Q&A documents in the languages qadeck was measured on least (sample 5): a whole list of numbered
questions and their answers indented by four spaces, which Markdown shows as a code block, is read as the
list its writer meant; a code block that numbers no questions stays code."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qadeck.cli import cli

INDENTED_VIETNAMESE = """\
# Ôn tập mạng máy tính

### Cơ bản

    1. Địa chỉ IP là gì?
    Địa chỉ IP là số định danh của một máy trong mạng.
    2. DNS dùng để làm gì?
    DNS đổi tên miền thành địa chỉ IP.
    3. Cổng mặc định của HTTPS là bao nhiêu?
    Cổng 443.

### Nâng cao

    1. TCP khác UDP thế nào?
    2. Vì sao cần NAT?
"""

CODE_WITH_NUMBERS = """\
# Steps

Run the script:

    1. echo start
    2. ./build.sh --all
    3. echo done?
"""

LISTED_SUBQUESTIONS = """\
# Quiz

1. Networking

    1. What does a router do?
    2. What is a subnet mask?
"""


def _cards(tmp_path, name: str, text: str) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    if result.exit_code != 0:
        return []
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_numbered_questions_indented_as_code_are_read_as_a_list(tmp_path):
    cards = _cards(tmp_path, "mang.md", INDENTED_VIETNAMESE)
    assert cards == [
        ("Địa chỉ IP là gì?", "Địa chỉ IP là số định danh của một máy trong mạng."),
        ("DNS dùng để làm gì?", "DNS đổi tên miền thành địa chỉ IP."),
        ("Cổng mặc định của HTTPS là bao nhiêu?", "Cổng 443."),
    ]


def test_an_indented_block_that_asks_nothing_stays_code(tmp_path):
    assert _cards(tmp_path, "steps.md", CODE_WITH_NUMBERS) == []


def test_numbered_items_indented_under_a_list_item_are_no_code_block():
    from qadeck.markups.markdown import to_markdown

    assert to_markdown(LISTED_SUBQUESTIONS) == LISTED_SUBQUESTIONS
