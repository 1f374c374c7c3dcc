"""Shapes met in a fresh sample of interview notes by new authors: pagers closing a page of questions,
answer labels that qualify themselves ("Answer guide", "Respuesta sólida"), bold labels closed before their
colon, heading anchors, readmes of links, and paragraphs under question headings that ask in turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import parsers, sources
from qadeck.parsers.structure import Line, heading


def _cards(tmp_path: Path, text: str, name: str = "notes.md") -> tuple[str, list[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parsers.parse(sources.read(path))
    return result.layout, [(card.question, card.answer) for card in result.cards]


@pytest.mark.parametrize("pager", ["[Next](./02_types.md)", "[⬅ Previous](01.md) · [Next ➡](03.md)",
                                   "[Back to index](README.md)"])
def test_a_pager_closing_the_page_is_no_answer(tmp_path: Path, pager: str) -> None:
    text = f"1. What is a pointer?\n\n   An address in memory.\n\n2. What is a reference?\n\n   An alias.\n\n{pager}\n"
    _, cards = _cards(tmp_path, text)
    assert cards == [("What is a pointer?", "An address in memory."), ("What is a reference?", "An alias.")]


@pytest.mark.parametrize("link", ["[Next.js](./nextjs.md)", "[Next](https://example.org/next-steps)"])
def test_a_link_that_is_no_pager_still_answers(tmp_path: Path, link: str) -> None:
    text = f"1. What is a pointer?\n\n   An address in memory.\n\n2. Which framework renders React on a server?\n\n{link}\n"
    _, cards = _cards(tmp_path, text)
    assert cards[-1] == ("Which framework renders React on a server?", link)


def test_answer_key_heading_is_no_answer_label(tmp_path: Path) -> None:
    text = ("# Quiz\n\n## Question\n\nWhich port does HTTPS use?\n\n## Answer key\n\n1. 443\n")
    layout, _ = _cards(tmp_path, text)
    assert layout != "labelled"


def test_an_answer_guide_heading_answers_the_page_title(tmp_path: Path) -> None:
    text = ("# Rotate a leaked key\n\nA key was pushed to a public repository. What do you do first?\n\n"
            "## Answer guide\n\n- Revoke it, then look for its use in the logs.\n")
    layout, cards = _cards(tmp_path, text)
    assert layout == "labelled"
    assert cards == [("Rotate a leaked key\n\nA key was pushed to a public repository. What do you do first?",
                      "- Revoke it, then look for its use in the logs.")]


def test_steps_that_ask_stay_in_the_labelled_answer(tmp_path: Path) -> None:
    text = ("### Question\nWhat happens when you type a URL?\n\n### Answer\n\n### 1. Which server is asked first?\n\n"
            "The resolver.\n\n### 2. What comes back?\n\nAn address.\n")
    layout, cards = _cards(tmp_path, text)
    assert layout == "labelled"
    assert cards == [("What happens when you type a URL?", "### 1. Which server is asked first?\n\nThe resolver.\n\n"
                      "### 2. What comes back?\n\nAn address.")]


@pytest.mark.parametrize(("line", "title"), [("## Setup {#setup}", "Setup"), ("## Setup {: #setup .note}", "Setup"),
                                             ("## What does {#} mean?", "What does {#} mean?")])
def test_heading_anchor_attributes_are_no_title_text(line: str, title: str) -> None:
    assert heading(Line(1, line)) == (2, title)


def test_a_paragraph_under_a_question_heading_is_its_answer_not_a_question(tmp_path: Path) -> None:
    text = ("### 怎么用？\n\n掌握最常用的操作，为什么？因为其他很少用到。\n\n### 怎么实现？\n\n了解底层的数据结构，怎么存放元素。\n\n"
            "### vector\n\n连续的内存，容量不够时重新分配。\n\n### map\n\n红黑树，键有序且唯一。\n")
    path = tmp_path / "stl.md"
    path.write_text(text, encoding="utf-8")
    outline = parsers.get("outline").parse(parsers.readable(sources.read(path)))
    assert [card.question for card in outline.cards] == []


def test_a_readme_of_links_makes_no_cards_of_them(tmp_path: Path) -> None:
    text = ("# Go interview\n\n## Articles\n\n- [Maps in depth](https://example.org/maps)\n\n"
            "- [Channels](https://example.org/channels)\n\n## Videos\n\n1. [Scheduler](https://example.org/s)\n\n"
            "## Zero values\n\nEvery type has one: 0, \"\", nil or false.\n\n## Slices\n\nA view on an array.\n")
    layout, cards = _cards(tmp_path, text)
    assert layout == "titles"
    assert [question for question, _ in cards] == ["Zero values", "Slices"]


def test_a_page_of_question_labels_with_no_answers_makes_no_labelled_card(tmp_path: Path) -> None:
    text = "## Question\n\nWhat is a port?\n\n## Question\n\nWhat is a socket?\n"
    _, cards = _cards(tmp_path, text)
    assert cards == []


def test_a_question_label_over_sections_answers_with_them(tmp_path: Path) -> None:
    text = "### Question\nWhy pin a base image?\n\n### Reasons\n\nA moving tag changes the build.\n"
    layout, cards = _cards(tmp_path, text)
    assert layout == "labelled"
    assert cards == [("Why pin a base image?", "### Reasons\n\nA moving tag changes the build.")]
