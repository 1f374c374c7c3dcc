"""Glossaries read as one card a term, and the lines that look like theirs elsewhere stay what they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import parsers, sources


def _parse(tmp_path: Path, text: str, name: str = "notes.md") -> tuple[str, list[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parsers.parse(sources.read(path))
    return result.layout, [(card.question, card.answer) for card in result.cards]


README = """# Quickbuild

A build tool for small projects.

## Features

- **Fast**: builds in a second.
- **Simple**: one file of settings.
- **Portable**: Linux, macOS and Windows.

## Install

Run `pip install quickbuild`, then `quickbuild init` in your project.

## Usage

Run `quickbuild` in the project's folder; the build goes to `dist/`.
"""


def test_a_readmes_feature_list_is_no_glossary(tmp_path: Path) -> None:
    layout, cards = _parse(tmp_path, README, "README.md")
    assert layout != "glossary"
    assert not {"Fast", "Simple", "Portable"} & {question for question, _ in cards}


def test_bold_labels_are_no_terms(tmp_path: Path) -> None:
    text = "".join(f"**Q:** What is {word}?\n**A:** The {word} of it all.\n\n" for word in ("alpha", "beta", "gamma"))
    layout, cards = _parse(tmp_path, text)
    assert layout != "glossary"
    assert [question for question, _ in cards] == ["What is alpha?", "What is beta?", "What is gamma?"]


@pytest.mark.parametrize(
    "title", ["Glossary", "Key terms", "Vocabulary", "Glossar", "Glosario", "Glossaire", "Terminology", "用語集"]
)
def test_a_heading_naming_a_glossary_makes_its_terms_cards(tmp_path: Path, title: str) -> None:
    text = f"We read chapter 3 and did the lab.\n\n## {title}\n\n- Solute: what dissolves.\n- Solvent — what it dissolves in.\n"
    layout, cards = _parse(tmp_path, text)
    assert layout == "glossary"
    assert cards == [("Solute", "what dissolves."), ("Solvent", "what it dissolves in.")]


def test_a_glossary_section_ends_at_the_next_heading_as_high(tmp_path: Path) -> None:
    text = (
        "# Glossary\n\n## A\n\n- **Anion**: a negative ion.\n\n## C\n\n- **Cation**: a positive ion.\n\n"
        "# Homework\n\n- Read: chapter 4, pages 10 to 20.\n"
    )
    _, cards = _parse(tmp_path, text)
    assert cards == [("Anion", "a negative ion."), ("Cation", "a positive ion.")]


SPHINX_GLOSSARY = """Glossary
========

Terms used in these docs.

.. glossary::
   :sorted:

   buffer
      Memory that holds data on its way
      from one place to another.

   CoW
   copy on write
      Sharing a page until one side writes to it.

      A write makes the writer's own copy.

   latch
      A short-term lock; see :term:`buffer`.
"""


def test_a_sphinx_glossary_makes_a_card_a_term_its_several_names_one_front(tmp_path: Path) -> None:
    layout, cards = _parse(tmp_path, SPHINX_GLOSSARY, "glossary.rst")
    assert layout == "glossary"
    assert cards == [
        ("buffer", "Memory that holds data on its way\nfrom one place to another."),
        ("CoW, copy on write", "Sharing a page until one side writes to it.\n\nA write makes the writer's own copy."),
        ("latch", "A short-term lock; see `buffer`."),
    ]


def test_a_restructuredtext_definition_list_is_a_glossary_with_or_without_blank_lines_between(tmp_path: Path) -> None:
    text = ("Glossary\n========\n\nCodec:\n   What compresses a video.\nCut:\n   A change from one shot to the next.\n"
            "Fade\n   A picture going slowly to black.\n")
    layout, cards = _parse(tmp_path, text, "terms.rst")
    assert layout == "glossary"
    assert cards == [("Codec", "What compresses a video."), ("Cut", "A change from one shot to the next."),
                     ("Fade", "A picture going slowly to black.")]


def test_a_definition_list_under_a_glossary_heading_keeps_colons_in_its_definitions(tmp_path: Path) -> None:
    text = "# Glossary\n\nAPI\n: Application programming interface: how programs talk.\n\nCPU\n: Central processing unit.\n"
    layout, cards = _parse(tmp_path, text)
    assert layout == "glossary"
    assert cards == [("API", "Application programming interface: how programs talk."), ("CPU", "Central processing unit.")]


def test_indented_text_after_a_blank_line_or_under_a_list_item_is_no_definition(tmp_path: Path) -> None:
    text = ("Notes\n=====\n\nHow do I start?\n---------------\n\nRun the tool.\n\n    A quote, set apart by a blank line.\n\n"
            "- a list item\n  and its second line\n\nWhy is it slow?\n---------------\n\nIt reads every file.\n")
    layout, cards = _parse(tmp_path, text, "faq.rst")
    assert cards[0][0] == "How do I start?" and "######" not in cards[0][1]
    assert "A quote, set apart by a blank line." in cards[0][1] and "- a list item" in cards[0][1]


def test_a_file_of_abbreviations_is_a_glossary_and_a_pages_abbreviations_are_no_text(tmp_path: Path) -> None:
    layout, cards = _parse(tmp_path, "*[DNS]: Domain Name System\n*[TTL]: Time-To-Live\n*[CA]: Certificate Authority\n",
                           "abbreviations.md")
    assert layout == "glossary"
    assert cards == [("DNS", "Domain Name System"), ("TTL", "Time-To-Live"), ("CA", "Certificate Authority")]
    page = ("# Resolver FAQ\n\n## Why is DNS slow?\n\nThe TTL ran out.\n\n## Who signs the keys?\n\nA CA.\n\n"
            "*[DNS]: Domain Name System\n*[TTL]: Time-To-Live\n*[CA]: Certificate Authority\n")
    _, cards = _parse(tmp_path, page, "faq.md")
    assert cards == [("Why is DNS slow?", "The TTL ran out."), ("Who signs the keys?", "A CA.")]


def test_a_textile_definition_list_is_a_glossary(tmp_path: Path) -> None:
    text = "h1. Glossary\n\n- Latency := the time one request takes\n- Jitter := how much the latency varies\n"
    layout, cards = _parse(tmp_path, text, "terms.textile")
    assert layout == "glossary"
    assert cards == [("Latency", "the time one request takes"), ("Jitter", "how much the latency varies")]


def test_a_file_of_link_targets_gives_no_cards_and_a_pages_links_keep_theirs(tmp_path: Path) -> None:
    targets = "".join(f"[{word}]: ../glossary.md#{word.lower()}\n[{word}s]: ../glossary.md#{word.lower()}\n"
                      for word in ("Bundle", "Checksum", "Derivative"))
    assert _parse(tmp_path, targets, "links.md")[1] == []
    page = ("# FAQ\n\n## Where are the docs?\n\nIn the [handbook][docs].\n\n## Who keeps them?\n\nThe team.\n\n"
            "[docs]: https://example.org/handbook\n")
    _, cards = _parse(tmp_path, page, "faq.md")
    assert cards[0] == ("Where are the docs?", "In the [handbook][docs].")
    assert cards[1][1].endswith("[docs]: https://example.org/handbook")  # the last answer's link keeps its target
