"""Pages of server-side includes (``faq.shtml``): read as the HTML pages they are; the files their
``<!--#include -->`` directives name are never read, inside the sources or outside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import sources
from qadeck.cli import cli

#: A help page as an Apache site keeps it: directives set the title and pull in a header and a footer.
_PAGE = """<!--#set var="title" value="Help" --><!--#include virtual="header.shtml" -->
<h1>Questions about the club</h1>
<dl>
<dt><b><a name="meet">When does the club
  meet?</a></b></dt>
<dd>Every <b>second Tuesday</b>, at seven.<br><br></dd>
<!--#include file="../private/members.txt" -->
<dt><b><a name="guests">Can guests come along?</a></b></dt>
<dd>Yes: bring them to the door &amp; sign them in.<script>alert(1)</script></dd>
</dl>
<!--#echo var="LAST_MODIFIED" -->
<!--#include virtual="footer.shtml"-->
"""


def _cards(path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


@pytest.mark.parametrize("suffix", [".shtml", ".shtm"])
def test_a_page_of_server_side_includes_is_read_as_html(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"help{suffix}").write_text(_PAGE, encoding="utf-8")
    assert _cards(tmp_path / f"help{suffix}") == [
        ("When does the club meet?", "Every **second Tuesday**, at seven."),
        ("Can guests come along?", "Yes: bring them to the door & sign them in."),
    ]


def test_the_files_a_page_includes_are_not_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "members.txt").write_text("SECRET-MEMBER-LIST", encoding="utf-8")
    (site / "header.shtml").write_text("<p>HEADER-TEXT</p>", encoding="utf-8")
    page = site / "help.shtml"
    page.write_text(_PAGE, encoding="utf-8")
    text = sources.read(page).text
    assert "SECRET" not in text and "HEADER-TEXT" not in text and "#include" not in text and "alert" not in text


def test_a_folder_reads_its_pages_as_it_reads_html(tmp_path: Path) -> None:
    # Like ``.html``, a folder's ``.shtml`` pages are read whatever their name; a page without questions gives none.
    (tmp_path / "club.shtml").write_text(_PAGE, encoding="utf-8")
    (tmp_path / "news.shtml").write_text("<h1>News</h1><p>The hall is painted.</p>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)
    assert {card["source"] for card in cards} == {"club.shtml"} and len(cards) == 2
