"""Headings written with equals signs (DokuWiki, Zim, WordPress readmes, pasted MediaWiki, RDoc, Typst,
Creole): read as Markdown headings, at the level each convention means, and plain text that only has
an equals sign here and there read exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, parsers, sources
from qadeck.cli import cli

from .conftest import import_apkg, notes_by_guid

FIXTURES = Path(__file__).parent / "fixtures" / "headings"

DOKUWIKI = """====== Widget FAQ ======

===== How do I install it? =====

Run ''make install'' from the **source** folder.

===== Does it work on //Windows//? =====

Yes, see [[windows|the Windows page]].
"""

#: Markdown and prose saved as .txt, with equals signs that are no headings: one closed "== x ==" line,
#: an open "= x" line, setext underlines, a merge marker and code comparing with "==".
NOT_WIKI = """Notes on equality
=================

== only one of these ==

= a stray line

Compare with `a == b`, never `a = b`:

    if a == b:
        print("same")

Part two
========

=======
"""


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_plain_text_with_stray_equals_signs_reads_exactly_as_markdown():
    assert markups.to_markdown(".txt", NOT_WIKI) == markups.to_markdown(".md", NOT_WIKI) == NOT_WIKI
    more_markdown = "# Title\n\n## One\n\n== Two ==\n\n== Three ==\n\n## Four\n"  # Markdown's headings outnumber them
    assert markups.to_markdown(".txt", more_markdown) == more_markdown


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab =#*'/[]|{}<>:\n ")), max_size=200))
def test_plain_text_sniffing_never_fails_and_keeps_every_line(text: str) -> None:
    assert len(markups.to_markdown(".txt", text).split("\n")) >= len(text.split("\n"))


def test_dokuwiki_counts_down_and_mediawiki_up_whatever_the_extension_says():
    dokuwiki = "====== Top ======\n\n===== Part =====\n\n==== Deeper ====\n"
    mediawiki = "== Part ==\n\n=== Deeper ===\n\n== Other ==\n"
    assert markups.to_markdown(".txt", dokuwiki).split("\n")[::2] == ["# Top", "## Part", "### Deeper"]
    assert markups.to_markdown(".txt", mediawiki).split("\n")[::2] == ["## Part", "### Deeper", "## Other"]
    assert markups.to_markdown(".dokuwiki", "== Only ==\n\n== Two ==").split("\n")[::2] == ["# Only", "# Two"]


def test_a_title_with_the_most_signs_is_the_top_and_the_rest_count_their_own_way():
    down = "=== Plugin ===\n\n== FAQ ==\n\n= Is it free? =\n"  # WordPress's own way
    up = "=== Plugin ===\n\n== FAQ ==\n\n=== Is it free? ===\n\n== Changelog ==\n\n=== 1.0 ===\n"  # questions counted up
    assert markups.to_markdown(".txt", down).split("\n")[::2] == ["# Plugin", "## FAQ", "### Is it free?"]
    assert markups.to_markdown(".txt", up).split("\n")[::2] == ["# Plugin", "## FAQ", "### Is it free?", "## Changelog", "### 1.0"]


def test_open_headings_count_up_and_need_their_space_and_a_title():
    text = "= Title\n\n== Part\n\n=== Deeper ===\n\n==\n\n=not a heading\n"
    for suffix in (".rdoc", ".typ", ".creole"):
        assert markups.to_markdown(suffix, text).split("\n")[::2] == ["# Title", "## Part", "### Deeper", "==", "=not a heading"]


def test_a_zim_page_loses_its_header_and_keeps_markdown_written_in_it():
    page = "Content-Type: text/x-zim-wiki\nWiki-Format: zim 0.6\nCreation-Date: 2026-01-01\n\n# Markdown title\n\n**bold**"
    assert markups.to_markdown(".txt", page).split("\n") == ["", "", "", "", "# Markdown title", "", "**bold**"]


def test_typst_code_lines_go_with_the_lines_their_brackets_carry_on_to():
    text = ('#set page(\n  margin: 1cm,\n)\n#let note(body) = {\n  box(body)\n}\n#v(1em)\nText with *strong* and _emphasis_.\n'
            '+ first\n#definition[\n  A set with an order.\n]\n#align(center)[*Done*]')
    assert markups.to_markdown(".typ", text).split("\n") == [
        "", "", "", "", "", "", "", "Text with **strong** and *emphasis*.", "1. first", "", "  A set with an order.", "",
        "**Done**",
    ]


def test_rdoc_labels_and_verbatim_text():
    text = "Q:: Why does it stop?\n\nA:: It runs out of memory.\n\n  Add more.\n\nRun:\n\n  make all\n  make test\n\nDone."
    assert markups.to_markdown(".rdoc", text).split("\n") == [
        "Q: Why does it stop?", "", "A: It runs out of memory.", "", "Add more.", "", "Run:",
        "```", "make all", "make test", "```", "Done.",
    ]


def test_wiki_text_saved_as_txt_lists_its_questions_without_equals_signs(tmp_path):
    (tmp_path / "faq.txt").write_text(DOKUWIKI, encoding="utf-8")
    cards = json.loads(run("list", "--json", str(tmp_path / "faq.txt")).stdout)
    assert [(c["kind"], c["question"], c["answer"]) for c in cards] == [
        ("basic", "How do I install it?", "Run `make install` from the **source** folder."),
        ("basic", "Does it work on *Windows*?", "Yes, see the Windows page."),
    ]
    assert [c["lines"] for c in cards] == [[3, 5], [7, 9]]


def test_folders_read_wiki_and_rdoc_files_and_typst_only_when_named_for_questions(tmp_path):
    for name in ("faq.rdoc", "notes.creole", "page.dokuwiki", "faq.typ", "paper.typ"):
        (tmp_path / name).write_text("= Title\n\n== Is it here? ==\n\nYes.\n\n== And this? ==\n\nToo.\n", encoding="utf-8")
    found = sources.collect([tmp_path])
    assert sorted(path.name for path in found.files) == ["faq.rdoc", "faq.typ", "notes.creole", "page.dokuwiki"]
    assert any("paper.typ" in skipped for skipped in found.skipped)
    assert sources.collect([tmp_path / "paper.typ"]).files == [tmp_path / "paper.typ"]
    assert [len(parsers.parse(sources.read(path)).cards) for path in found.files] == [2, 2, 2, 2]


def test_a_readme_whose_title_names_a_faq_is_read_for_its_faq_section_not_as_titled_cards(tmp_path):
    readme = (FIXTURES / "wordpress-readme.txt").read_text(encoding="utf-8").replace("Shelf Notes ===", "Shelf FAQ ===")
    (tmp_path / "readme.txt").write_text(readme, encoding="utf-8")
    cards = parsers.parse(sources.read(tmp_path / "readme.txt")).cards
    assert [card.question for card in cards] == ["Does it work with my theme?", "Where are the notes stored?", "I found a bug"]


@pytest.mark.slow
def test_anki_imports_the_cards_of_wiki_rdoc_and_typst_files(tmp_path, collection):
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, saved in (("dokuwiki-faq.txt", "faq.txt"), ("rdoc-faq.rdoc", "FAQ.rdoc"), ("typst-notes.typ", "questions.typ")):
        (folder / saved).write_bytes((FIXTURES / name).read_bytes())
    run("build", str(folder), "-o", str(tmp_path / "out"))
    (package,) = (tmp_path / "out").glob("*.apkg")
    import_apkg(collection, package)
    notes = {note["Question"]: note for note in notes_by_guid(collection).values()}
    assert len(notes) == 10
    assert not any("=" in front or "#" in front for front in notes)
    assert "<strong>ATP</strong>" in notes["What does the mitochondrion do?"]["Answer"]  # Typst's *strong*
    assert "<code>bitter</code>" in notes["How hot should the water be for green tea?"]["Answer"]  # DokuWiki's ''mono''
