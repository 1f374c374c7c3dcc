"""A page's FAQ listed in its front matter (static-site posts), and the site's template lines around it.

What the entries give is a golden fixture (``fixtures/details/front-matter-faq.md``); these tests check
how they join the page's own cards, that the page's tags reach them, and that a page whose FAQ lives
in the site's data (a template loop) gives no cards made of the loop.
"""

from __future__ import annotations

from pathlib import Path



from .conftest import listed as _list


def _page(tmp_path: Path, name: str, text: str) -> list[dict[str, object]]:
    """The cards of a page called ``name`` holding ``text``."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    return _list(tmp_path / name)


_PAGE = """---
title: Frob help
tags: [frob]
faqs:
  - q: Is frob free?
    a: Yes, always.
  - q: How do I install frob?
    a: With pip.
---

# Frob help

## How do I install frob?

Run `pip install frob`, or use the installer.

## Does frob run offline?

Yes, once installed.

## Why we built it

Because syncing notes was slow.
"""


def test_the_front_matters_faq_joins_the_pages_questions_once_each(tmp_path: Path) -> None:
    cards = _page(tmp_path, "help.md", _PAGE)
    # The page's own answer wins where both ask the same.
    assert [(card["question"], card["answer"], card["lines"][0]) for card in cards] == [
        ("Is frob free?", "Yes, always.", 5),
        ("How do I install frob?", "Run `pip install frob`, or use the installer.", 13),
        ("Does frob run offline?", "Yes, once installed.", 17),
        ("Why we built it", "Because syncing notes was slow.", 21),
    ]
    assert all("frob" in card["tags"] for card in cards)


_POST = """---
title: "Keeping a sourdough starter"
tags: [baking, bread]
faq:
  - question: How often should I feed a starter?
    answer: >-
      Once a day at room temperature,
      once a week in the fridge.
  - question: "Why does my starter smell of nail polish?"
    answer: |
      It is hungry: the yeast makes acetone when the flour runs out.

      Feed it twice a day for a few days.
seo:
  title: Sourdough starters
  description: A guide
---

# Keeping a sourdough starter

A starter is flour and water that wild yeast lives in.

## The daily routine

Discard half, feed the rest, and keep it warm.
"""


def test_an_article_around_its_front_matters_faq_gives_the_faq(tmp_path: Path) -> None:
    # Read alone, the article's headings would be cards of the titles layout; beside an explicit FAQ they
    # are an article's sections, and the page's other mappings (its SEO title) are no entries.
    cards = _page(tmp_path, "starter.md", _POST)
    assert [(card["question"], card["answer"], card["lines"][0], card["tags"][-2:]) for card in cards] == [
        ("How often should I feed a starter?", "Once a day at room temperature, once a week in the fridge.", 5,
         ["baking", "bread"]),
        ("Why does my starter smell of nail polish?",
         "It is hungry: the yeast makes acetone when the flour runs out.\n\nFeed it twice a day for a few days.", 9,
         ["baking", "bread"]),
    ]


def test_a_page_without_front_matter_is_read_as_before(tmp_path: Path) -> None:
    assert [card["question"] for card in _page(tmp_path, "help.md", _PAGE.split("---\n", 2)[2])] == [
        "How do I install frob?", "Does frob run offline?", "Why we built it",
    ]


def test_a_site_pages_template_loop_is_no_card(tmp_path: Path) -> None:
    cards = _page(tmp_path, "faq.md",
                  "---\nlayout: page\ntitle: FAQ\n---\n\n{% for item in site.data.faq %}\n## {{ item.question }} {#q}\n"
                  "{{ item.answer | markdownify }}\n{% endfor %}\n\n## Is there a phone line?\n\nNo, mail us.\n\n"
                  "## Can I visit?\n\nYes, on Fridays.\n")
    assert [card["question"] for card in cards] == ["Is there a phone line?", "Can I visit?"]
    assert not any("{{" in str(card["answer"]) or "{%" in str(card["answer"]) for card in cards)


def test_template_syntax_in_notes_and_in_code_stays_card_text(tmp_path: Path) -> None:
    (tmp_path / "angular.md").write_text(
        "## How does Angular show a value in a template?\n\nWith interpolation:\n\n{{ user.name }}\n\n"
        "## How does Jinja loop?\n\n{% for x in items %}\n", encoding="utf-8",
    )
    (tmp_path / "page.md").write_text(
        "---\ntitle: Jinja\n---\n\n## How does Jinja loop?\n\n```\n{% for x in items %}\n{{ x.name }}\n{% endfor %}\n```\n\n"
        "## How does Jinja print?\n\nWith `{{ x }}`.\n", encoding="utf-8",
    )
    answers = {card["question"]: card["answer"] for card in _list(tmp_path / "angular.md", tmp_path / "page.md")}
    assert answers["How does Angular show a value in a template?"] == "With interpolation:\n\n{{ user.name }}"
    assert "{{ x.name }}" in str(answers["How does Jinja loop?"])


def test_hugos_toml_front_matter_is_no_card_text_and_its_faq_is_read(tmp_path: Path) -> None:
    cards = _page(tmp_path, "help.md",
                  '+++\ntitle = "Frob help"\ntags = ["frob"]\nquestion = "Is this a card?"\n\n[[faq]]\n'
                  'question = "Is frob free?"\nanswer = "Yes, always."\n\n[[faq]]\nquestion = "Does frob sync?"\n'
                  'answer = """\nYes:\n\n- to a folder\n"""\n+++\n\nFrob keeps notes.\n\n## Getting started\n\nOpen a folder.\n')
    assert [(card["question"], card["answer"], card["lines"][0]) for card in cards] == [
        ("Is frob free?", "Yes, always.", 6), ("Does frob sync?", "Yes:\n\n- to a folder", 10),
    ]
    assert all("frob" in card["tags"] for card in cards)


def test_a_cloze_note_in_the_front_matter_is_a_cloze_card(tmp_path):
    page = """---
deck: Chemistry
tags: [acids]
cards:
  - Front: What does a pH of 7 mean?
    Back: The solution is neutral.
  - model: Cloze
    Text: Vinegar is an {{c1::acid}}.
    Back Extra: Acetic acid.
---

# Acids
"""
    cards = _page(tmp_path, "acids.md", page)
    assert [(card["question"], card["answer"], card["kind"]) for card in cards] == [
        ("What does a pH of 7 mean?", "The solution is neutral.", "basic"),
        ("Vinegar is an {{c1::acid}}.", "Acetic acid.", "cloze"),
    ]
    assert all("acids" in card["tags"] for card in cards)


def test_a_notes_labels_in_its_front_matter_are_no_cards(tmp_path):
    """Two lists of words side by side (``tags``, ``aliases``) are the note's labels, not a vocabulary's rows."""
    cards = _page(tmp_path, "note.md", """---
tags: [databases, indexing]
aliases: ["B-tree", "Balanced tree"]
keywords:
  - pages
  - fan-out
---

# B-trees

## Why do databases keep indexes in B-trees?

Each node fills a disk page, so a lookup reads few pages.

## What does a high fan-out buy?

A shallow tree: millions of keys three or four levels down.
""")
    assert [card["question"] for card in cards] == [
        "Why do databases keep indexes in B-trees?", "What does a high fan-out buy?"]
    assert cards[0]["answer"] == "Each node fills a disk page, so a lookup reads few pages."
    assert "databases" in cards[0]["tags"]  # the labels still tag the note's cards
