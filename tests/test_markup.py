"""HTML inside Markdown becomes Markdown; code and math are never touched."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.parsers import markup
from qadeck.parsers.markup import html_to_markdown, inline_text, wiki_links_as_text


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("line one<br>line two", "line one\nline two"),
        ("<p>first</p><p>second</p>", "first\n\nsecond"),
        ("a <b>bold </b>word", "a **bold** word"),
        ("<strong>x</strong> and <em>y</em>", "**x** and *y*"),
        ("run <code>ls -l</code>", "run `ls -l`"),
        ("<code>a`b</code>", "``a`b``"),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ("<ol><li>one<ul><li>sub</li></ul></li><li>two</li></ol>", "1. one\n    - sub\n2. two"),
        ('<a href="https://example.org/a b">the docs</a>', "[the docs](https://example.org/a%20b)"),
        ('<a name="anchor">Title</a>', "Title"),
        ('<img src="x.png" alt="diagram">', "![diagram](x.png)"),
        ("<pre><code>if a &lt; b:\n    go()</code></pre>", "```\nif a < b:\n    go()\n```"),
        ("<span style='color: red'>red</span>&nbsp;text", "red text"),
        ("<!-- hidden -->shown", "shown"),
    ],
)
def test_common_tags_become_markdown(html: str, markdown: str) -> None:
    assert html_to_markdown(html).strip() == markdown


@pytest.mark.parametrize(
    "text",
    [
        "```html\n<b>kept</b>\n```",
        "inline `<br>` stays",
        "math $a<b$ and $$x<y$$ and \\(p<q\\) stay",
        "List<String> and cat <file> stay as written",
        "plain text, no tags at all",
    ],
)
def test_code_math_and_unknown_tags_are_kept(text: str) -> None:
    assert html_to_markdown(text) == text


@pytest.mark.parametrize(
    ("raw", "question"),
    [
        ("<b>What is <code>x</code>?</b>", "What is `x`?"),
        ("**What is *this* and *that*?**", "What is *this* and *that*?"),
        ("Implement [union-find](https://example.org) on a grid.", "Implement union-find on a grid."),
        (":star: <a name='x'>Junior Sysadmin</a>", "Junior Sysadmin"),
        ("<b>Which distro would you pick? ***</b>", "Which distro would you pick?"),
    ],
)
def test_inline_text(raw: str, question: str) -> None:
    assert inline_text(raw) == question


@given(st.text())
def test_conversion_never_crashes(text: str) -> None:
    html_to_markdown(text)
    inline_text(text)


@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000ab"), max_size=20)
       | st.text(max_size=20))
def test_one_line_is_the_whitespace_pattern_with_strip(text):
    assert markup._one_line(text) == markup._SPACES.sub(" ", text).strip()


@pytest.mark.parametrize("text", ["a <![A b", "<![?", "x <![CDATA y", "<!x <![ z"])
def test_a_malformed_declaration_is_text_not_a_crash(text):
    # Python 3.11's HTMLParser raises AssertionError on these; they are kept as the text they are.
    assert html_to_markdown(text) == text


@pytest.mark.parametrize(("text", "shown"), [
    ("the [[Krebs cycle]] runs twice", "the Krebs cycle runs twice"),
    ("see [[Glycolysis|the first step]]", "see the first step"),
    ("[[Enzymes#Inhibition]] and [[Enzymes#^a1b2c3]]", "Enzymes > Inhibition and Enzymes"),
    ("| [[ATP\\|energy carrier]] |", "| energy carrier |"),
    ("![[Enzymes#Inhibition]]", "Enzymes > Inhibition"),
    ("![[mitochondrion.png|300]] kept for media", "![[mitochondrion.png|300]] kept for media"),
    ("`[[ -f notes ]]` and $[[a, b]]$ stay", "`[[ -f notes ]]` and $[[a, b]]$ stay"),
])
def test_wiki_links_read_as_the_text_obsidian_shows(text: str, shown: str) -> None:
    assert wiki_links_as_text(text) == shown
