"""Rendering: Markdown to HTML that is safe to hand to Anki, and plain text for CSV."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings
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
    assert '<pre class="highlight"><code class="language-python">' in out and "&lt;" in out


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


def reference(text: str) -> str:
    """The engine's own HTML for ``text``: what every path of the Renderer must give."""
    return render.engine().render(render.strip_controls(text)).rstrip("\n")


# Characters the plain-text path and the engine care about, and plain ones around them.
_TRICKY = list("ab c1.-+=#>\n\t\r)\"'*_`[]!<&|~$\\@:/é\xa0\u2028\u3000")


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=60))
@example("a line  \nbreak\n\n3) three\n- x")
@example("setext\n===")
@example("é\u3000")
def test_every_text_gets_the_engines_html(text):
    assert Renderer().html(text) == reference(text)


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab c1.-+=#>\n\n)\"':/é\xa0\u2028")), max_size=40))
def test_texts_without_inline_syntax_get_the_engines_html(text):
    """Mostly the plain-text path: what its line rules (indentation, list and heading marks) decide."""
    assert Renderer().html(text) == reference(text)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=40))
@example("a line  \nbreak")
def test_every_question_gets_the_engines_inline_html(text):
    """A question's first paragraph is the engine's inline HTML; what follows it, its block HTML."""
    first, _, rest = text.strip().partition("\n\n")
    if not rest.strip():
        first = text
    expected = render.engine().renderInline(render.strip_controls(first)).strip()
    assert Renderer().inline_html(text) == expected + (Renderer().html(rest) if rest.strip() else "")


def test_a_multiple_choice_front_shows_its_options_and_code_as_blocks():
    front = "What does this print?\n\n```python\nprint(2)\n```\n\n- A: 2\n- B: **3**"
    html = Renderer().inline_html(front)
    assert html.startswith("What does this print?<pre")
    assert "<ul>\n<li>A: 2</li>\n<li>B: <strong>3</strong></li>\n</ul>" in html
    assert Renderer().inline_html("1. What is X?") == "1. What is X?"  # one paragraph: still no list


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


# --- CommonMark as GitHub shows it -------------------------------------------------------------------


def test_a_list_right_after_a_line_of_text_is_a_list():
    out = html("Encoding techniques, including:\n- One-hot encoding\n- Label encoding")
    assert out == ("<p>Encoding techniques, including:</p>\n<ul>\n<li>One-hot encoding</li>\n"
                   "<li>Label encoding</li>\n</ul>")


def test_a_fence_indented_by_one_space_is_code():
    out = html("Shell form:\n\n ```dockerfile\n CMD echo hi\n ```\n\nThen **exec** form.")
    assert out.count("<pre") == 1 and "<strong>exec</strong>" in out and "```" not in out


def test_gfm_tables_strikethrough_and_task_lists():
    out = html("| tool | use |\n|---|:--:|\n| `pip` | ~~eggs~~ wheels |\n\n- [x] done\n- [ ] todo")
    assert "<th>tool</th>" in out and '<td style="text-align:center"><s>eggs</s> wheels</td>' in out
    assert "<td><code>pip</code></td>" in out
    assert out.count('type="checkbox"') == 2 and 'checked="checked"' in out
    assert_no_active_markup(out)


def test_urls_and_addresses_become_links_file_names_do_not():
    out = html("See https://example.org/docs, write to me@example.org, run setup.py or docker.io.")
    assert '<a href="https://example.org/docs">https://example.org/docs</a>' in out
    assert '<a href="mailto:me@example.org">me@example.org</a>' in out
    assert out.count("<a ") == 2


def test_unsafe_link_schemes_never_become_links():
    for text in ("[x](javascript:alert(1))", "[x](data:text/html,hi)", "<vbscript:msgbox>", "ftp://x.org/f"):
        assert "<a" not in html(text), text


def test_fenced_code_with_a_known_language_is_highlighted():
    out = html('```python\nif a < b:\n    print("x")\n```')
    assert out.startswith('<pre class="highlight"><code class="language-python"><span class="k">if</span>')
    assert '<span class="o">&lt;</span>' in out and out.endswith("</code></pre>")


def test_code_without_a_known_language_is_never_guessed():
    python_like = "def f(x):\n    return x  # looks like Python\n"
    assert html(f"```\n{python_like}```") == f"<pre><code>{python_like}</code></pre>"
    assert html(f"```notalanguage\n{python_like}```") == (
        f'<pre><code class="language-notalanguage">{python_like}</code></pre>')


def test_a_fences_language_cannot_inject_markup():
    out = html('```"><script>x</script>\ncode\n```')
    assert_no_active_markup(out)


def test_display_math_may_hold_blank_lines_and_block_starts():
    out = html("The sum:\n$$\na\n+ b\n\n- c\n$$\nand after.")
    assert "\\[\na\n+ b\n\n- c\n\\]" in out and "<li>" not in out and "and after." in out


def test_emphasis_inside_math_is_left_to_mathjax():
    assert html(r"Rate $a*b*c$ and \[x_1 * y_2\]") == r"<p>Rate \(a*b*c\) and \[x_1 * y_2\]</p>"


def test_questions_render_inline_markdown_and_no_blocks():
    renderer = Renderer()
    assert renderer.inline_html("What is `pip` and **why** $x^2$?") == (
        r"What is <code>pip</code> and <strong>why</strong> \(x^2\)?")
    assert renderer.inline_html("1. What is # of pods?") == "1. What is # of pods?"
    assert renderer.inline_html('Is List<String> "safe"?') == "Is List&lt;String&gt; &quot;safe&quot;?"
