"""BBCode pages (forum posts, game mods' Workshop and Nexus descriptions) read as Markdown, and their FAQs as cards."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.cli import cli

from .conftest import read_in_fresh_process

#: A mod page's FAQ as such pages write it: a heading tag, then questions in bold with their answers under them.
TAGGED_FAQ = """[h1]Lantern Tweaks[/h1]
Makes lanterns last longer.

[h1]FAQ[/h1]
[b]Does it work with old saves?[/b]
Yes, load any save and the lanterns refill at dawn.

[b]Can I change how long a lantern burns?[/b]
Edit [i]LanternTweaks.ini[/i] and set:
[code]
BurnHours=12
[/code]

[b]Where do I report a crash?[/b]
On the [url=https://example.org/lantern/issues]issue tracker[/url], with your log file.
"""

#: A Nexus-style page, which has no heading tag: sections and questions are enlarged bold lines.
SIZED_FAQ = """[size=5][b]Frequently asked questions[/b][/size]

[size=3][b]Is the pack safe to remove mid-game?[/b][/size]
Only after you sell every crate it added.

[size=3]
[b]Why are the crates invisible?[/b][/size]
The texture pack is missing: [list]
[*]download it again
[*]let the launcher verify the files
[/list]
"""


def _cards(tmp_path: Path, text: str, name: str = "faq.bbcode") -> list[dict[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)])
    assert result.exit_code == 0, result.output

    return json.loads(result.stdout)


def test_bold_questions_under_a_faq_heading_are_cards(tmp_path: Path) -> None:
    cards = _cards(tmp_path, TAGGED_FAQ)
    assert [card["question"] for card in cards] == [
        "Does it work with old saves?", "Can I change how long a lantern burns?", "Where do I report a crash?"]
    assert cards[1]["answer"].startswith("Edit *LanternTweaks.ini* and set:")
    assert "```\nBurnHours=12\n```" in cards[1]["answer"]
    assert "[issue tracker](https://example.org/lantern/issues)" in cards[2]["answer"]


def test_enlarged_bold_lines_are_headings_and_a_list_stays_in_its_answer(tmp_path: Path) -> None:
    cards = _cards(tmp_path, SIZED_FAQ)
    assert [card["question"] for card in cards] == ["Is the pack safe to remove mid-game?", "Why are the crates invisible?"]
    assert cards[1]["answer"] == "The texture pack is missing:\n- download it again\n- let the launcher verify the files"


def test_largest_size_is_the_top_heading() -> None:
    out = markups.to_markdown(".bbcode", SIZED_FAQ).split("\n")
    assert out[0] == "# Frequently asked questions"
    assert out[2] == "## Is the pack safe to remove mid-game?"
    assert out[5] == "" and out[6] == "## Why are the crates invisible?"


def test_tags_become_markdown_line_for_line() -> None:
    text = ("[h2]Setup[/h2]\n[list=1][*][b]Unpack[/b] the archive[*]Run [icode]setup.exe[/icode][/list]\n"
            "[quote]Back up your saves first.[/quote]\n[spoiler]The boss is weak to fire.[/spoiler]\n"
            "[u]Underlined[/u] and [s]struck[/s] [color=red]red[/color] text")
    assert markups.to_markdown(".bbcode", text).split("\n") == [
        "## Setup", "1. **Unpack** the archive", "1. Run `setup.exe`", "> Back up your saves first.",
        "The boss is weak to fire.", "Underlined and ~~struck~~ red text"]


def test_links_keep_their_text_and_only_web_targets() -> None:
    text = ("[url=javascript:alert(1)]click[/url] [url]https://example.org/a(b)[/url] "
            "[url='steamcommunity.com/id/x']profile[/url] [img]https://example.org/x.png[/img]<b>raw</b>")
    out = markups.to_markdown(".bbcode", text)
    assert out == ("click [https://example.org/a%28b%29](https://example.org/a%28b%29) "
                   "[profile](https://steamcommunity.com/id/x) <b>raw</b>")
    assert "javascript" not in out


def test_unknown_tags_stay_as_text_and_code_is_left_alone() -> None:
    text = "Press [F5] or [key]Q[/key].\n[code][b]not bold[/b]\n[*] not an item[/code]"
    assert markups.to_markdown(".bbcode", text).split("\n") == [
        "Press [F5] or [key]Q[/key].", "```", "[b]not bold[/b]", "[*] not an item", "```"]


def test_html_in_a_page_is_escaped_in_its_cards(tmp_path: Path) -> None:
    text = ("[h1]FAQ[/h1]\n[b]Is <script>alert(1)</script> run?[/b]\nNo, [i]<img src=x onerror=alert(2)>[/i] is text.\n\n"
            "[b]Is a link kept?[/b]\nAs [url=https://example.org]a link[/url].\n")
    (tmp_path / "faq.bbcode").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "faq.bbcode")])
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)
    assert [card["question"] for card in cards][1] == "Is a link kept?"
    assert all("<script" not in card["question"] + card["answer_html"] for card in cards)
    assert all("onerror" not in card["question"] + card["answer_html"] for card in cards)


def test_a_folder_reads_its_faq_page_but_not_a_readme_twin(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Tool\n\n## Is it free?\n\nYes.\n", encoding="utf-8")
    (tmp_path / "README.bbcode").write_text("[h1]Tool[/h1]\n[h2]Is it free?[/h2]\nYes.\n", encoding="utf-8")
    (tmp_path / "faq.bbcode").write_text(TAGGED_FAQ, encoding="utf-8")
    names = sorted(path.name for path in sources.collect([tmp_path]).files)
    assert names == ["README.md", "faq.bbcode"]


def test_a_bbcode_file_given_by_name_is_read_whatever_its_name(tmp_path: Path) -> None:
    cards = _cards(tmp_path, TAGGED_FAQ, name="description.bbcode")
    assert len(cards) == 3


def test_a_binary_bbcode_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "faq.bbcode").write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(cli, ["list", str(tmp_path / "faq.bbcode")])
    assert result.exit_code != 0
    assert "faq.bbcode: binary file, not text" in result.output and "Traceback" not in result.output
    assert all("faq.bbcode" in line for line in result.output.strip().splitlines())


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab [/]*=bicodeurlsizhq1\n ")), max_size=200))
def test_translating_never_fails_or_loses_lines(text: str) -> None:
    assert len(markups.to_markdown(".bbcode", text).split("\n")) >= len(text.split("\n"))


def test_a_spoiler_shows_its_title_then_what_it_hides() -> None:
    text = "[spoiler=[b]Why does the cart tip over?[/b]]\nIt is overloaded.\n[/spoiler]\n[SPOILER=\"Older files\"]\nnone\n[/SPOILER]"
    assert markups.to_markdown(".bbcode", text).split("\n") == [
        "**Why does the cart tip over?**", "It is overloaded.", "", "Older files", "none", ""]


def test_lists_and_quotes_nested_past_any_page_are_indented_no_deeper() -> None:
    # Two thousand lists opened and never closed, an item in each: each level indents every line under it, so the
    # Markdown grew as the square of the levels (some eight million characters here). Eight levels are kept.
    markdown = markups.MARKUPS[".bbcode"]("[list][*]tea" * 2000)
    assert len(markdown) < 100_000
    assert markdown.split("\n")[1] == "    - tea" and markdown.split("\n")[-1] == "    " * 7 + "- tea"
    assert len(markups.MARKUPS[".bbcode"]("[quote][*]tea" * 2000)) < 100_000


def test_a_line_of_tags_never_closed_is_read_in_one_pass(tmp_path) -> None:
    # 40,000 "[b]" or "[spoiler=" on one line once took minutes (each opener searched the rest of the line for its
    # close or its argument's "]"). Run in a fresh process, so that a reader that never returns fails this test
    # rather than stalling the suite.
    for opener in ("[b]", "[spoiler=", "[url="):
        (tmp_path / "faq.bbcode").write_text(f"[h2]Why?[/h2]\n{opener * 40_000}\n", encoding="utf-8")
        assert read_in_fresh_process(tmp_path / "faq.bbcode").startswith("## Why?")
