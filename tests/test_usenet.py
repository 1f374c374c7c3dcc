"""FAQs posted to Usenet or a mailing list and kept as plain text (``FAQ``, ``faq.txt``, ``x.faq``), read through the
CLI as a user's files are, and text that only looks like one left as it is. Every text here was written for these
tests; the golden cases are in ``fixtures/usenet``."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import sources
from qadeck.markups import usenet

from .listing import listed_file, pairs

FIXTURES = Path(__file__).parent / "fixtures" / "usenet"

#: Numbered questions each asked once: the numbered layout's file, no list of contents.
NUMBERED = """Bread FAQ

1. Why did my loaf not rise?

The yeast was old, or the water too hot.

2. How long should dough rest?

About an hour, until it doubles.

3. Can I freeze dough?

Yes, after the first rise.
"""

#: A numbered list of steps, given again as a recap: no list of contents, no entries.
RECAP = """Steps
1. Weigh the flour
2. Add the water
3. Knead ten minutes

Later the same steps, as a recap:

1. Weigh the flour
2. Add the water
3. Knead ten minutes
"""

#: A note that opens with lines of the "Name: value" form, as a posting's headers do.
NOTE = """Title: Sourdough
Tags: baking, bread

Subject: starters
Subject: flour
"""


@pytest.mark.parametrize("text", [NUMBERED, RECAP, NOTE], ids=["numbered", "recap", "note"])
def test_other_text_is_no_posting(text: str) -> None:
    assert not usenet.is_posting(text)
    assert usenet.to_markdown(text) == text


def test_numbered_questions_keep_their_layout(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "FAQ", NUMBERED.encode())
    assert pairs(found)[0] == ("Why did my loaf not rise?", "The yeast was old, or the water too hot.")


@pytest.mark.parametrize("name", ["posting.txt", "digest.faq", "lettered.txt"])
def test_every_line_keeps_its_number(name: str) -> None:
    text = sources.read(FIXTURES / name).text
    raw = sources.normalize_newlines(sources.decode((FIXTURES / name).read_bytes())[0])
    assert usenet.is_posting(raw)
    assert text.count("\n") == raw.count("\n")


def test_headers_alone_are_no_card(tmp_path: Path) -> None:
    """A posting whose entries are Q:/A: pairs: its headers are blanked, the pairs are the prefixed layout's."""
    text = """Newsgroups: rec.crafts.bread,news.answers
From: baker@example.org
Subject: Bread FAQ

Archive-name: bread-faq
Posting-Frequency: monthly

Q: Why is my crust pale?
A: The oven was not hot enough.

Q: Why is the crumb gummy?
A: The loaf was cut before it cooled.
"""
    found = listed_file(tmp_path, "bread.faq", text.encode())
    assert pairs(found) == [("Why is my crust pale?", "The oven was not hot enough."),
                            ("Why is the crumb gummy?", "The loaf was cut before it cooled.")]


def test_question_wrapped_at_its_labels_margin(tmp_path: Path) -> None:
    """A question wrapped back to the margin of its label (as sgml2txt writes) is joined: its listing is longer."""
    text = """  Contents

     1.1 What flour makes the lightest loaf?
     1.2 Why does a loaf baked in a cold kitchen come out dense and heavy?
     1.3 Is rye flour gluten free?

  1.1.  What flour makes the lightest loaf?

  Strong white flour, for its gluten.

  1.2.  Why does a loaf baked in a cold kitchen come out dense and
  heavy?

  The yeast works slowly in the cold; give it longer.

  1.3.  Is rye flour gluten free?

  No, though it holds less gluten than wheat.
"""
    found = listed_file(tmp_path, "FAQ", text.encode())
    assert pairs(found) == [
        ("What flour makes the lightest loaf?", "Strong white flour, for its gluten."),
        ("Why does a loaf baked in a cold kitchen come out dense and heavy?",
         "The yeast works slowly in the cold; give it longer."),
        ("Is rye flour gluten free?", "No, though it holds less gluten than wheat."),
    ]


def test_a_line_naming_an_entry_is_no_entry(tmp_path: Path) -> None:
    """An answer's line that opens with an entry's number ("2.1 and ...") stays in the answer."""
    text = """1. Dough
   1.1 How wet should dough be?
   1.2 What is autolyse?
2. Oven
   2.1 How hot should the oven be?

1. Dough

   1.1 How wet should dough be?

   Wet enough to stick a little; see question
   2.1 and the oven's own guide.

   1.2 What is autolyse?

   Resting flour and water before the yeast goes in.

2. Oven

   2.1 How hot should the oven be?

   As hot as it goes for the first ten minutes.
"""
    found = listed_file(tmp_path, "FAQ", text.encode())
    assert [card["question"] for card in found] == [
        "How wet should dough be?", "What is autolyse?", "How hot should the oven be?"]
    assert found[0]["answer"].endswith("2.1 and the oven's own guide.")
    assert [card["section"] for card in found] == ["Dough", "Dough", "Oven"]


def test_text_struck_over_for_a_terminal_reads_as_its_letters(tmp_path: Path) -> None:
    """nroff and sgml2txt print bold as a letter struck over itself and underline as ``_`` struck under it:
    such a file was a binary one; its text is what it prints."""
    assert sources.without_overstrikes(b"B\bBo\bol\bld\bd _\bu_\bn +\bo item") == b"Bold un * item"
    assert sources.decode("caf\u00e9\b\u00e9".encode())[0] == "caf\u00e9"
    struck = b"".join(bytes([c, 8, c]) if chr(c).strip() else bytes([c]) for c in NUMBERED.encode())
    found = listed_file(tmp_path, "faq.txt", struck)
    assert pairs(found)[1] == ("How long should dough rest?", "About an hour, until it doubles.")


def test_a_faq_named_by_its_extension_is_read_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "bread.faq").write_text(NUMBERED)
    (tmp_path / "contacts.vcard").write_text("BEGIN:VCARD\nFN:Baker\nEND:VCARD\n")
    collected = sources.collect([tmp_path])
    assert [path.name for path in collected.files] == ["bread.faq"]


def test_an_article_quoted_in_an_answer_stays_there(tmp_path: Path) -> None:
    """Headers of an article an answer shows (``Subject:`` over no row of dashes) are the answer's text."""
    text = """Contents
  1.1  How do I post to two groups?
  1.2  How do I set a follow-up group?
  1.3  Can I cancel an article?

1.1  How do I post to two groups?

Name both, with a comma between them:

Newsgroups: rec.crafts.bread,rec.food.baking
Subject: Rye starters
Subject: (a second subject line is ignored)
Subject: (and so is a third)

1.2  How do I set a follow-up group?

Add a Followup-To: line to the headers.

1.3  Can I cancel an article?

Yes, with the cancel command, while it is still on your server.
"""
    found = listed_file(tmp_path, "FAQ", text.encode())
    assert [card["question"] for card in found] == [
        "How do I post to two groups?", "How do I set a follow-up group?", "Can I cancel an article?"]
    assert "Subject: Rye starters" in found[0]["answer"]


def test_a_watcher_rebuilds_for_a_faq_kept_as_plain_text() -> None:
    assert sources.watched(Path("doc/FAQ")) and sources.watched(Path("bash.faq")) and sources.watched(Path("a.md"))
    assert not sources.watched(Path("README")) and not sources.watched(Path("build.log"))
