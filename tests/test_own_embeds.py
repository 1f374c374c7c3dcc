"""Notes that answer a question with a part of the same note: Obsidian's ``![[#Heading]]`` and
``![[#^block]]`` embeds, Logseq's ``((id))`` references and ``{{embed ((id))}}`` embeds. The app shows
the part's words on the card; so must the deck."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import listed, pairs

OBSIDIAN_NOTE = """\
## Meaning

A trie stores strings by their prefixes, one node a character.

## Cost

Lookups take time in the key's length, not in the number of keys.

---

## Review

#flashcards/data-structures

**What is a trie?**
?
![[#Meaning]]

**How fast is a lookup in a trie?**
?
![[#cost]]

**What does a radix tree add?**
?
![[#Compression]]

**Which nodes may end a word?**
?
![[#^ends]]

Any node can end a word when it carries a flag. ^ends
"""

LOGSEQ_PAGE = """\
- Why prefer a B-tree on disk? #card
	- {{embed ((6a1f0c2e-1111-4b2c-9d3e-aaaaaaaaaaaa))}}
- What keeps a B-tree shallow? #card
	- ((6a1f0c2e-2222-4b2c-9d3e-bbbbbbbbbbbb))
- What does a B+ tree keep in its leaves? #card
	- ((6a1f0c2e-3333-4b2c-9d3e-cccccccccccc))
- Notes
	- One node fills one disk page.
	  id:: 6a1f0c2e-1111-4b2c-9d3e-aaaaaaaaaaaa
		- A read brings many keys at once.
	- Each node holds hundreds of keys.
	  id:: 6a1f0c2e-2222-4b2c-9d3e-bbbbbbbbbbbb
"""


def test_an_obsidian_card_shows_the_section_or_block_of_its_own_note_it_embeds(tmp_path: Path) -> None:
    note = tmp_path / "trie.md"
    note.write_text(OBSIDIAN_NOTE, encoding="utf-8")
    assert pairs(listed(note)) == [
        ("What is a trie?", "A trie stores strings by their prefixes, one node a character."),
        # The heading's case aside, and the rule closing the section left out.
        ("How fast is a lookup in a trie?", "Lookups take time in the key's length, not in the number of keys."),
        # A heading the note lacks: the link's words, as before.
        ("What does a radix tree add?", "Compression"),
        ("Which nodes may end a word?", "Any node can end a word when it carries a flag."),
    ]


def test_a_logseq_card_shows_the_blocks_of_its_page_it_references(tmp_path: Path) -> None:
    page = tmp_path / "btree.md"
    page.write_text(LOGSEQ_PAGE, encoding="utf-8")
    assert pairs(listed(page)) == [
        # An embed: the block and its children; its id property is no text.
        ("Why prefer a B-tree on disk?", "One node fills one disk page.\n- A read brings many keys at once."),
        # A reference: the block's words.
        ("What keeps a B-tree shallow?", "Each node holds hundreds of keys."),
        # A block of another page: the reference as written.
        ("What does a B+ tree keep in its leaves?", "((6a1f0c2e-3333-4b2c-9d3e-cccccccccccc))"),
    ]


def test_a_logseq_card_whose_block_opens_on_its_properties_asks_with_its_text(tmp_path: Path) -> None:
    page = tmp_path / "props.md"
    page.write_text(
        "- card-last-interval:: 3\n"
        "  card-repeats:: 1\n"
        "  Which tree keeps every path equally long? #card\n"
        "\t- A B-tree.\n",
        encoding="utf-8",
    )
    assert pairs(listed(page)) == [("Which tree keeps every path equally long?", "A B-tree.")]
