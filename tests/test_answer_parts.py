"""Long answers set in parts: under a heading that asks, the bold lines that ask nothing are the parts of its answer,
not questions; in a word processor's document, a paragraph typed with a leading ``#`` (a code comment pasted in) is
text, never a heading."""

from __future__ import annotations

from pathlib import Path

from .listing import layout_of, listed_file, pairs
from .office_pictures import docx  # Word documents built from their XML


def _p(text: str, style: str = "", bold: bool = False) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{properties}<w:r>{run}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


NOTES = """## What does a build server do?

**Compiling**

It builds every commit pushed.

**Testing**

It runs the suite and reports failures.

## Why pin dependencies?

**Repeatable builds**

The same versions build the same output.

**Safer upgrades**

A change of version is a change someone reviews.

## Summary

**Automate**

Let the server do the chores.
"""


def test_bold_parts_under_asking_headings_stay_in_their_answers() -> None:
    assert layout_of(NOTES, "notes.md") == "headings"


def test_bold_parts_under_asking_headings_give_the_headings_cards(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "notes.md", NOTES.encode())
    assert pairs(found) == [
        ("What does a build server do?",
         "**Compiling**\n\nIt builds every commit pushed.\n\n**Testing**\n\nIt runs the suite and reports failures."),
        ("Why pin dependencies?",
         "**Repeatable builds**\n\nThe same versions build the same output.\n\n**Safer upgrades**\n\n"
         "A change of version is a change someone reviews."),
    ]


def test_bold_questions_under_a_heading_that_asks_nothing_are_still_cards(tmp_path: Path) -> None:
    text = "## Builds\n\n**Compiling**\n\nEvery commit.\n\n**Testing**\n\nEvery suite.\n\n**Packaging**\n\nEvery tag.\n"
    found = listed_file(tmp_path, "notes.md", text.encode())
    assert pairs(found) == [("Compiling", "Every commit."), ("Testing", "Every suite."), ("Packaging", "Every tag.")]


def test_a_paragraph_typed_with_a_hash_in_a_document_is_no_heading(tmp_path: Path) -> None:
    body = (_p("How do I greet from a script?", "Heading2")
            + _p("Save this and run it:")
            + _p("# prints a greeting")
            + _p("print('hello')")
            + _p("Why keep comments short?", "Heading2")
            + _p("#tips they are read more often than written")
            + _p("What runs the script?", "Heading2")
            + _p("The interpreter."))
    found = listed_file(tmp_path, "scripts.docx", docx(body, {}, {}))
    assert pairs(found) == [
        ("How do I greet from a script?", "Save this and run it:\n\n\\# prints a greeting\n\nprint('hello')"),
        ("Why keep comments short?", "\\#tips they are read more often than written"),
        ("What runs the script?", "The interpreter."),
    ]
    assert [card["answer_html"].count("<h1>") for card in found] == [0, 0, 0]
