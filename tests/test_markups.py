"""Other markups read as Markdown (qadeck.markups): line for line, and never trusted as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers, sources
from qadeck.errors import SourceError

#: Markups whose files are a structure (an XML tree) rather than marked-up text -> what their errors call them.
STRUCTURED = {".opml": "OPML outline", ".mm": "mind map", ".enex": "Evernote export", ".gift": "GIFT answer block", ".qti": "QTI quiz",
              ".canvas": "Obsidian canvas", ".km": "KityMinder mind map", ".json5": "JSON5", ".jsonc": "JSON5"}
LINE_KEEPING = [".rst", ".pod", ".org", ".norg", ".textile", ".bbcode", ".wiki", ".adoc", ".mdx", ".texi", ".tid", ".rdoc", ".typ", ".creole", ".dokuwiki"]


@pytest.mark.parametrize("suffix", LINE_KEEPING)
@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab =-~*#:.`<>C{}|'\n ")), max_size=200))
def test_translating_never_fails_or_loses_lines(suffix: str, text: str) -> None:
    # Lines are only added where a code block has no blank line beside it for its fence.
    assert len(markups.to_markdown(suffix, text).split("\n")) >= len(text.split("\n"))


@pytest.mark.parametrize("suffix", [".mdx", ".texi", ".tex"])
@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab @{}<>/=\"\\$%`'[]Aitemxcodbgn\n ")), max_size=200))
def test_markups_read_line_for_line_keep_every_line_whatever_their_commands(suffix: str, text: str) -> None:
    assert len(markups.to_markdown(suffix, text).split("\n")) == len(text.split("\n"))


@pytest.mark.parametrize("suffix", LINE_KEEPING)
def test_blank_separated_documents_keep_their_line_numbers(suffix: str) -> None:
    fixture = Path(__file__).parent / "fixtures" / "headings" / "rst-nested.rst"
    text = fixture.read_text(encoding="utf-8")
    assert len(markups.to_markdown(suffix, text).split("\n")) == len(text.split("\n"))


def test_rst_title_levels_follow_first_appearance() -> None:
    text = "Title\n=====\n\nPart\n----\n\nWhat is it?\n~~~~~~~~~~~\n\nA thing.\n\nOther\n----\n"
    assert markups.to_markdown(".rst", text).split("\n") == [
        "# Title", "", "", "## Part", "", "", "### What is it?", "", "", "A thing.", "", "## Other", "", "",
    ]


def test_rst_literal_block_becomes_a_fence_on_the_blank_lines() -> None:
    text = "Run this::\n\n    make all\n\nDone."
    assert markups.to_markdown(".rst", text) == "Run this:\n```\nmake all\n```\nDone."


def test_pod_commands_codes_and_verbatim() -> None:
    text = "=head2 How do I use C<< $x->y >>?\n\nSee L<the guide|Some::Guide> and E<lt>tagE<gt>.\n\n    print 1;\n\n=cut"
    assert markups.to_markdown(".pod", text).split("\n") == [
        "## How do I use `$x->y`?", "", "See the guide and <tag>.", "```", "print 1;", "```", "",
    ]


def test_an_html_page_loses_its_scripts_and_chrome_and_keeps_its_text() -> None:
    page = (
        "<html><head><title>FAQ</title><script>alert(1)</script></head><body><nav><a href='/'>Home</a></nav>"
        "<h2>Is it safe?</h2><p>Yes <img src=x onerror=alert(2)> <blink>really</blink>.</p></body></html>"
    )
    out = markups.to_markdown(".html", page)
    assert "alert(1)" not in out and "Home" not in out and "<blink>" not in out
    assert "## Is it safe?" in out and "really" in out


def test_an_accordion_page_keeps_its_questions_and_drops_other_buttons() -> None:
    page = (
        "<h1>Help</h1><div class='accordion'>"
        "<h2 class='accordion-header'><button class='accordion-button'>How do I <b>reset</b> it?</button></h2>"
        "<div class='accordion-body'>Hold the button for ten seconds.</div>"
        "<button type='button' data-toggle='collapse' aria-expanded='false'>Is there a warranty?</button>"
        "<div class='collapse'>Two years.</div></div><button type='submit'>Subscribe</button>"
    )
    lines = [line for line in markups.to_markdown(".html", page).split("\n") if line]
    assert lines == ["# Help", "## How do I **reset** it?", "Hold the button for ten seconds.",
                     "**Is there a warranty?**", "Two years."]


def test_a_script_toggled_accordion_keeps_its_questions() -> None:
    """A button named for what it toggles (W3Schools' ``class="accordion"``) holds a question, not a control."""
    page = (
        "<h1>Help</h1><button class='accordion'>How do I reset it?</button><div class='panel'>Hold it down.</div>"
        "<button class='faq-question'>Is there a warranty?</button><div class='panel'>Two years.</div>"
        "<button class='btn'>Subscribe</button>"
    )
    lines = [line for line in markups.to_markdown(".html", page).split("\n") if line]
    assert lines == ["# Help", "**How do I reset it?**", "Hold it down.", "**Is there a warranty?**", "Two years."]


_LISTED = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": ['
    '{"@type": "Question", "name": "How do I reset it?", "acceptedAnswer": {"@type": "Answer", '
    '"text": "Hold it <b>down</b> for ten seconds."}}, {"@type": "Question", "name": "Is there a warranty?", '
    '"acceptedAnswer": {"@type": "Answer", "text": "Two years."}}]}</script>'
)


def test_the_faq_a_page_lists_in_its_structured_data_is_read_where_the_page_does_not_show_it(tmp_path) -> None:
    drawn_by_script = tmp_path / "help.html"
    drawn_by_script.write_text(f"<html><head>{_LISTED}</head><body><div id='app'></div></body></html>", encoding="utf-8")
    cards = parsers.parse(sources.read(drawn_by_script)).cards
    assert [(c.question, c.answer) for c in cards] == [
        ("How do I reset it?", "Hold it **down** for ten seconds."), ("Is there a warranty?", "Two years.")]
    shown = tmp_path / "shown.html"
    shown.write_text(f"<html><head>{_LISTED}</head><body><h2>How do I reset it?</h2><p>Hold it down.</p>"
                     "<h2>Is there a warranty?</h2><p>Two years.</p></body></html>", encoding="utf-8")
    assert len(parsers.parse(sources.read(shown)).cards) == 2  # shown on the page: read once, from the page
    broken = tmp_path / "broken.html"
    broken.write_text('<script type="application/ld+json">{"@type": "FAQPage", </script><h2>Why?</h2><p>So.</p>',
                      encoding="utf-8")
    assert markups.to_markdown(".html", broken.read_text(encoding="utf-8")).strip() == "## Why?\n\nSo."


def test_markdown_html_headings_and_headings_in_list_items_become_atx() -> None:
    text = '<h3 name="x">What is *it*?</h3>\n\n12. ### Why?\n\n```\n<h3>code</h3>\n```'
    assert markups.to_markdown(".md", text).split("\n")[:3] == ["### What is *it*?", "", "### 12. Why?"]
    assert "<h3>code</h3>" in markups.to_markdown(".md", text)


def test_markdown_html_heading_over_several_lines_is_one_heading_and_keeps_line_numbers() -> None:
    text = "<h3 id='q2'>2. Count them.\nBy colour.\n</h3>\n\nSELECT 1;\n\n<h3>Open, never closed\n\nText."
    lines = markups.to_markdown(".md", text).split("\n")
    assert lines[:5] == ["### 2. Count them. By colour.", "", "", "", "SELECT 1;"]
    assert lines[6] == "<h3>Open, never closed"  # no closing tag in reach: left as written


def test_mdx_keeps_its_line_numbers_and_drops_module_lines_and_layout_tags() -> None:
    text = 'import X from "x";\n\n<Steps>\n  <Step title="One">\n    Do this.\n  </Step>\n</Steps>\n<Accordion title="Why?">\nBecause.\n</Accordion>'
    out = markups.to_markdown(".mdx", text).split("\n")
    assert len(out) == len(text.split("\n"))
    assert out[:7] == ["", "", "", "", "Do this.", "", ""]  # a Step's title is no question: only collapsibles ask
    assert out[7:] == ["<details><summary>Why?</summary>", "Because.", "</details>"]


def test_docs_site_markdown_variants_are_sources(tmp_path: Path) -> None:
    for name in ("faq.mdx", "faq.qmd", "faq.Rmd"):
        (tmp_path / name).write_text("## Is it free?\n\nYes.\n\n## Is it fast?\n\nYes.\n", encoding="utf-8")
    found = sources.collect([tmp_path])
    assert sorted(path.name for path in found.files) == ["faq.Rmd", "faq.mdx", "faq.qmd"]
    assert all(len(parsers.parse(sources.read(path)).cards) == 2 for path in found.files)


def test_xml_is_read_in_folders_when_named_for_questions_and_never_expanded(tmp_path: Path) -> None:
    entry = "<qandaentry><question><para>Is it free?</para></question><answer><para>Yes.</para></answer></qandaentry>"
    (tmp_path / "faq.xml").write_text(f'<!DOCTYPE x [<!ENTITY big "&#65;">]><qandaset>{entry * 2}</qandaset>')
    (tmp_path / "pom.xml").write_text("<project><question>not a FAQ</question></project>")
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "faq.xml"]
    assert any("pom.xml" in skipped for skipped in found.skipped)
    assert [card.question for card in parsers.parse(sources.read(tmp_path / "faq.xml")).cards] == ["Is it free?"] * 2


def test_texinfo_numbers_enumerate_items_and_bolds_a_paragraph_macro_line_for_line() -> None:
    text = "@enumerate\n@item\nIs it free?\n\nYes.\n@end enumerate\n@faq{Why is it\n@code{slow}?}\n\nIt stats twice."
    out = markups.to_markdown(".texi", text).split("\n")
    assert len(out) == len(text.split("\n"))
    assert out[:3] == ["", "", "1. Is it free?"]
    assert out[6:8] == ["**Why is it `slow`?**", ""]


def test_word_documents_are_read_when_named_for_questions_and_a_broken_one_is_a_clear_error(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "bold" / "word-faq.docx"
    (tmp_path / "faq.docx").write_bytes(fixture.read_bytes())
    (tmp_path / "report.docx").write_bytes(fixture.read_bytes())
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "faq.docx"]
    (tmp_path / "broken-faq.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceError, match="not a readable Word document"):
        sources.read(tmp_path / "broken-faq.docx")


def test_latex_bold_question_over_two_lines_is_one_line_and_no_line_is_lost() -> None:
    text = "\\begin{enumerate}\n\\item {\\bfseries Has it run\nlong enough?}\\\\\nYes, see $\\Theta$.\n\\end{enumerate}"
    assert markups.to_markdown(".tex", text).split("\n") == [
        "", "1. **Has it run long enough?**", "", "Yes, see $\\Theta$.", "",
    ]


def test_extensionless_faq_files_are_read_in_folders(tmp_path: Path) -> None:
    (tmp_path / "FAQ").write_text("1. Is it free?\n\nYes.\n\n2. Is it fast?\n\nYes.\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n", encoding="utf-8")
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "FAQ"]
    assert any("Makefile" in skipped for skipped in found.skipped)
    assert len(parsers.parse(sources.read(tmp_path / "FAQ")).cards) == 2


def test_data_files_are_read_when_named_or_named_for_questions(tmp_path: Path) -> None:
    (tmp_path / "faq.json").write_text('[{"q": "Is it free?", "a": "Yes."}, {"q": "Is it fast?", "a": "Yes."}]')
    (tmp_path / "package.json").write_text('{"name": "site", "version": "1.0.0"}')
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "faq.json"]
    assert any("package.json: skipped, a data file or document whose name does not say" in skipped for skipped in found.skipped)
    assert sources.collect([tmp_path / "package.json"]).files == [tmp_path / "package.json"]
    cards = parsers.parse(sources.read(tmp_path / "faq.json")).cards
    assert [(card.question, card.answer) for card in cards] == [("Is it free?", "Yes."), ("Is it fast?", "Yes.")]


def test_a_data_file_without_entries_gives_no_text_and_bad_yaml_is_read_as_text() -> None:
    # A config's or a schema's values are no prose for the layouts to find questions in.
    assert markups.to_markdown(".json", '{"name": "site"}') == ""
    assert markups.to_markdown(".yml", "name: site\nversion: 2\n") == ""
    assert markups.to_markdown(".yml", "key: [unclosed") == "key: [unclosed"


@pytest.mark.parametrize("suffix", sorted(markups.MARKUPS))
@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=300))
def test_no_text_makes_a_markup_fail(suffix: str, text: str) -> None:
    # Source text is untrusted: whatever it holds, reading it as its markup gives text, never an error,
    # but for a .json, JSON Lines or TOML file that is not one (an error naming the line, as a damaged document's
    # is) and an outline or mind map that is not one or is cut short (an error saying what it should have been).
    try:
        assert isinstance(markups.to_markdown(suffix, text), str)
    except SourceError as exc:
        if suffix in (".json", ".jsonl", ".ndjson", ".jsonlines", ".toml"):
            assert exc.line and exc.message.startswith(("not valid JSON: ", "not valid JSON Lines: ", "not valid TOML: "))
        else:
            assert suffix in STRUCTURED and STRUCTURED[suffix] in exc.message


@pytest.mark.parametrize(
    ("suffix", "text"),
    [(".pod", "B<" * 3000 + "x" + ">" * 3000), (".json", "[" * 100_000), (".yml", "- " * 5000 + "x")],
)
def test_deeply_nested_sources_are_read_without_error(suffix: str, text: str) -> None:
    assert isinstance(markups.to_markdown(suffix, text), str)
