"""Rendering: Markdown to HTML that is safe to hand to Anki, and plain text for CSV."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.render import markdown as render
from qadeck.render import Renderer, plain_text


def html(text: str) -> str:
    return Renderer().html(text)


def test_raw_html_is_escaped_and_stays_visible():
    out = html("Use List<String> & <script>alert(1)</script> here")
    assert "<script>" not in out
    assert "List&lt;String&gt;" in out
    assert "&amp;" in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


class _Markup(HTMLParser):
    """Collects the tags and attributes a browser would actually see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)


def markup(out: str) -> _Markup:
    parser = _Markup()
    parser.feed(out)
    return parser


def assert_no_active_markup(out: str) -> None:
    seen = markup(out)
    assert "script" not in seen.tags and "iframe" not in seen.tags
    assert not [k for k, _ in seen.attrs if k.startswith("on")]
    assert not [v for _, v in seen.attrs if v.strip().lower().startswith(("javascript:", "data:"))]


def test_event_handlers_and_javascript_links_never_become_markup():
    out = html('[click](javascript:alert(1)) <img src=x onerror="alert(1)"> ![i](javascript:x)')
    assert_no_active_markup(out)
    assert "&lt;img src=x onerror=" in out  # the raw tag is shown as text


def test_safe_links_are_kept():
    assert '<a href="https://example.org/a">docs</a>' in html("[docs](https://example.org/a)")


def test_control_characters_are_removed():
    assert html("a\x1fb\x00c\x07d") == "<p>abcd</p>"


def test_lists_bold_inline_and_fenced_code():
    out = html("Steps:\n\n- **build** the `image`\n- push it\n\n```python\nif a < b:\n    run()\n```")
    assert "<li><strong>build</strong> the <code>image</code></li>" in out
    assert '<pre><code class="language-python">if a &lt; b:\n    run()\n</code></pre>' in out


def test_math_passes_through_as_mathjax():
    out = html(r"Norm $\|x\|_2 < 1$ and $$\sum_{i} x_i^2$$ and \(a*b*c\) cost $5 and $10")
    assert r"\(\|x\|_2 &lt; 1\)" in out
    assert r"\[\sum_{i} x_i^2\]" in out
    assert r"\(a*b*c\)" in out
    assert "cost $5 and $10" in out


def test_dollar_inside_code_is_not_math():
    out = html("`echo $HOME$` and\n\n```\nx = '$a$'\n```")
    assert "<code>echo $HOME$</code>" in out
    assert "\\(" not in out


def test_inline_html_has_no_paragraph():
    assert Renderer().inline_html("What is `pip`?") == "What is <code>pip</code>?"


def test_plain_text_is_readable_without_markup():
    text = plain_text("**Bold** and `code`.\n\n- one\n- [two](https://x.org)\n\n```sh\nls -l\n```")
    assert text == "Bold and code.\n\n- one\n- two (https://x.org)\n\nls -l"


_MD = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists", render._NoRawHtml()])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab c1.-+=\n\t\"'*#é:;,?()%/")), max_size=80))
def test_fast_path_gives_the_same_html_as_markdown(text):
    text = text.strip("\n")
    if not render.needs_markdown(text):
        assert render._plain_paragraphs(text) == _MD.reset().convert(text)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text() | st.from_regex(r"(<(script|img|a) [a-z]+=[^>]*>|\[x\]\([a-z]+:[^)]*\)|[a-z<>&*`$ ]){1,12}"))
def test_rendering_any_text_never_emits_active_markup(text):
    out = html(text)
    assert_no_active_markup(out)
    assert "\x1f" not in out and "\x00" not in out


def test_plain_text_keeps_code_verbatim():
    assert plain_text("Edit `__init__.py`, **not** `a*b*c`.\n\n```\nif __name__ == '__main__':\n```") == (
        "Edit __init__.py, not a*b*c.\n\nif __name__ == '__main__':"
    )
