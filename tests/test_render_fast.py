"""The hand-written Markdown path: exactly markdown-it's HTML, or None.

:func:`qadeck.render.fast.fast_html` must never differ from the engine where
it answers; where it is unsure it must refuse. The property tests feed both
texts built from the characters Markdown cares about; the corpus tests feed
them every answer and question the repository ships; the explicit cases make
sure the fast path really takes the shapes it exists for.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import pipeline
from qadeck.render import Renderer, engine, strip_controls
from qadeck.render import markdown as render
from qadeck.render.fast import ODD_SPACES, fast_html

from .test_render import assert_no_active_markup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"

_ENGINE = engine()


def reference(text: str) -> str:
    return _ENGINE.render(text).rstrip("\n")


def fast(text: str) -> str | None:
    """The fast path's HTML for ``text`` as the Renderer cleans it."""
    clean = strip_controls(text)
    # _MATH_AT is the engine's own math rule: the Renderer tells the fast path whether it matches.
    return fast_html(clean, render._MATH_AT.search(clean) is not None)


def assert_same_or_refused(text: str) -> str | None:
    """The fast path's HTML for ``text``; it must equal the engine's."""
    out = fast(text)
    if out is not None:
        assert out == reference(strip_controls(text)), repr(text)
    return out


# --- Generated texts -------------------------------------------------------------------------------

# Pieces a text is made of: syntax characters alone and in the shapes that matter.
ATOMS = [
    "a", "b", "word", "x1", "é", "’", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "`", "``", "```", "*", "**",
    "***", "-", "- ", "_", "__", "<", "< ", ">", "&", "&amp;", "&#1;", "&x", ";", "1.", "2)", "3", ".", "#",
    "=", "~", "~~~", "|", "[", "]", "!", "(", ")", "$", "\\", '"', "'", ":", "\t", "\r", "\xa0", "\u2028",
    "+", "{", "}", "@", "http://x.y", "<x@y.z>", "```python\n", "\n```", "\n- ", "\n* ", "\n1. ", "\n> ",
    "\n    ", "**b**", "*e*", "`c`", "` c `", "a_b", "R&D", "$x$", "\\(", "qadeckmath0x",
]  # fmt: skip
WORDS = ["alpha", "Docker", "it's", '"q"', "a.b", "1.5", "R&D", "a < b", "c > d", "snake_case", "$5", "é",
         "x_1", "!", "(a)", "{b}", "@me", "50%", "a-b", "a=b", "&", "a~b"]  # fmt: skip
NEAR_WORDS = ["3)", "~", "#1", "2*3", "Q&A;", "&amp;", "<a", "a_", "_a", "***", "x  "]
CODES = ["x", "a b", " sp ", "<i>", "&amp;", "a*b", "__init__", "$HOME", "a\\b", "[x]", "**", " ", "-",
         "#", "- x", '"\'', "a\nb"]  # fmt: skip
NEAR_CODES = ["x|y", "`", "a\n\nb", "\n```\n"]

atoms = st.lists(st.sampled_from(ATOMS), max_size=30).map("".join)


def grammar(noisy: bool) -> st.SearchStrategy[str]:
    """Paragraphs, lists and fences; ``noisy`` mixes in every atom and the near misses of each shape."""
    words = st.sampled_from(WORDS + NEAR_WORDS) | st.sampled_from(ATOMS) if noisy else st.sampled_from(WORDS)
    code = st.sampled_from(CODES + NEAR_CODES if noisy else CODES).map(lambda c: f"`{c}`")
    simple = st.lists(st.sampled_from(["a", "term", "`code`", "x y", "A & B"]), min_size=1, max_size=3)
    emphasis = simple.map(lambda s: f"**{' '.join(s)}**") | simple.map(lambda s: f"*{' '.join(s)}*")
    separator = st.sampled_from([" ", " ", ": ", ", ", ". "] + (["", "\n"] if noisy else []))
    inline = st.lists(st.tuples(words | code | emphasis, separator), min_size=1, max_size=8).map(
        lambda pairs: "".join(a + b for a, b in pairs).strip(" ")
    )
    lines = st.lists(inline, min_size=1, max_size=3).map("\n".join)
    marker = st.sampled_from(["- ", "- ", "- ", "* ", "+ ", "1. ", "-  ", "  - "]) if noisy else st.just("- ")
    bullets = st.lists(st.tuples(marker, inline), min_size=1, max_size=5).map(
        lambda items: "\n".join(m + i for m, i in items)
    )
    code_lines = ["import x", "", 'print("hi") & <b>', "  - run: x", "`y`", "$HOME", "    x = 1", "a|b", "\\n"]
    fence = st.tuples(
        st.sampled_from(["", "python", "yaml", "c++", " py", "py x", ".py", "{.x}"] if noisy else ["", "python"]),
        st.lists(st.sampled_from(code_lines + (["```", "~~~", "```py"] if noisy else [])), max_size=4),
        st.sampled_from(["```", "```", "```", "``` ", "````", "~~~"] if noisy else ["```"]),
    ).map(lambda f: "```" + f[0] + "\n" + "".join(line + "\n" for line in f[1]) + f[2])
    block = lines | bullets | fence | atoms if noisy else lines | bullets | fence
    gaps = st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"] if noisy else ["\n\n"])
    return st.lists(st.tuples(block, gaps), min_size=1, max_size=5).map(lambda bs: "".join(a + b for a, b in bs))


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.one_of(grammar(noisy=False), grammar(noisy=False), grammar(noisy=True), atoms))
def test_generated_text_gets_the_engines_html_or_none(text):
    assert_same_or_refused(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_the_engines_html_or_none(text):
    assert_same_or_refused(text)


@pytest.mark.slow
@settings(max_examples=800, deadline=None)
@given(st.one_of(grammar(noisy=False), grammar(noisy=True), atoms))
def test_generated_questions_get_the_engines_inline_html(text):
    line = text.split("\n")[0]
    assert Renderer().inline_html(line) == _ENGINE.renderInline(strip_controls(line)).strip()


# --- The texts the repository ships -----------------------------------------------------------------


def shipped_texts() -> list[str]:
    """Every answer and question of cards/ (parsed by the pipeline) and of the parser fixtures."""
    cards = pipeline.load([ROOT / "cards"]).deck.cards
    out = [text for card in cards for text in (card.answer, card.question)]
    for expected in sorted(FIXTURES.glob("*/*.expected.json")):
        for card in json.loads(expected.read_text(encoding="utf-8"))["cards"]:
            out += [card["answer"], card["question"]]
    return out


def test_every_shipped_text_gets_the_engines_html_or_none():
    texts = shipped_texts()
    with_markdown = [t for t in texts if render.needs_markdown(strip_controls(t).strip("\n"))]
    taken = [t for t in with_markdown if assert_same_or_refused(t) is not None]
    assert len(with_markdown) > 80
    assert len(taken) > 0.6 * len(with_markdown)  # the common real cases go the fast way (links and math do not)


# --- Explicit cases ------------------------------------------------------------------------------------

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402  (the benchmark's synthetic cards)


def test_the_benchmark_shapes_take_the_fast_path():
    maker = corpus._Cards(seed=3)
    answers = [maker.answer(corpus.TERMS[n % 50], corpus.CONTEXTS[n % 20]) for n in range(400)]
    questions = [maker.question() for _ in range(400)]
    marked = [t for t in answers + questions if render.needs_markdown(t)]
    assert any("```python" in t for t in marked) and any("- **" in t for t in marked)
    assert any(t.startswith(("What", "How", "Why", "Which")) for t in marked)
    for text in marked:
        assert assert_same_or_refused(text) is not None, repr(text)
    renderer = Renderer()
    for question in questions:
        renderer.inline_html(question)
    assert renderer.stats.converted == 0 and renderer.stats.fast > 0


def test_a_typical_answer_exactly():
    text = (
        "It makes **Docker** repeatable. Use `pytest` for it:\n\n"
        "- **Reproducibility**: pin versions of `docker build` and its dependencies\n"
        "- Review the dashboards after each release\n\n"
        "Start small.\n\n"
        '```python\nif a < b & c:\n    print("x")\n```'
    )
    assert fast(text) == reference(text) == (
        "<p>It makes <strong>Docker</strong> repeatable. Use <code>pytest</code> for it:</p>\n"
        "<ul>\n"
        "<li><strong>Reproducibility</strong>: pin versions of <code>docker build</code> and its dependencies</li>\n"
        "<li>Review the dashboards after each release</li>\n"
        "</ul>\n"
        "<p>Start small.</p>\n"
        '<pre class="highlight"><code class="language-python"><span class="k">if</span> <span class="n">a</span> '
        '<span class="o">&lt;</span> <span class="n">b</span> <span class="o">&amp;</span> <span class="n">c</span>'
        '<span class="p">:</span>\n    <span class="nb">print</span><span class="p">(</span>'
        '<span class="s2">"x"</span><span class="p">)</span>\n</code></pre>'
    )


@pytest.mark.parametrize(
    "text",
    [
        "What is `conda`? How does it differ from `pip`?",
        "A `Dockerfile` with `<tag>` & `a&amp;b`, R&D and a < b > c, *em* and **b**.",
        "- **CI (Continuous Integration):** Automates code testing.\n- *CD*: ships it.",
        "```\ndocker build -t my-model-app .\n```",
        "Example:\n\n```yaml\nsteps:\n  - run: pytest -q\n\n  - run: echo $HOME\n```\n\nDone.",
        "Costs $5 and `$HOME`, not math; `snake_case` and snake_case; it's \"quoted\".",
        "Lines\njoined **across\nlines** with `code\nspans`.",
        "Encoding techniques, including:\n- One-hot encoding\n- Label encoding",  # a list interrupting a paragraph
    ],
)
def test_common_real_shapes_take_the_fast_path(text):
    assert assert_same_or_refused(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Math $x^2$ here",
        r"Math \(x\) here",
        "```sh\necho $x$\n```\n\nand $y$",
        "A [link](https://example.org)",
        "Raw <b>html</b>",
        "An <https://example.org> autolink",
        "An entity &amp; kept",
        "# Heading",
        "> quote",
        "1. one\n2. two",
        "- a\n    - nested",
        "- a\n\n- b",  # a loose list
        "See https://example.org and me@example.org",  # autolinks
        "~~struck~~",
        "**\"quoted\"**word",  # a closer after punctuation, before a letter: no strong in CommonMark
        "2*3*4",  # intraword: may open and close
        "    indented code",
        "line  \nbreak",
        "tab\there",
        "Setext\n---",
        "***rule***",
        "_em_ and __strong__",
        "**a *b* c**",
        "Text\n```\ncode\n```",  # a fence inside a paragraph
        "``double`` ticks",
        "a | b\n--|--",
        "lone ` backtick",
        "nbsp\xa0here",
    ],
)
def test_unsure_shapes_are_refused(text):
    assert fast(text) is None


def test_odd_spaces_are_every_space_python_strips_but_space_and_newline():
    odd = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" ", "\n"}
    assert {c for c in odd if re.match(f"[{ODD_SPACES}]", c)} == odd


def test_fast_html_is_safe():
    out = fast("Use `<script>alert(1)</script>` and a < b\n\n```html\n<script>x</script>\n```")
    assert out is not None
    assert_no_active_markup(out)
    assert "&lt;script&gt;" in out


def test_the_renderer_takes_the_fast_paths_before_the_engine():
    texts = ["Use **Docker**.", "- one\n- two", "A [link](https://example.org).", "plain"]
    renderer = Renderer()
    for _ in renderer.render_all(texts):
        pass
    assert [renderer.html(t) for t in texts] == [reference(t) for t in texts]
    assert (renderer.stats.fast, renderer.stats.converted, renderer.stats.plain) == (2, 1, 1)


_LINE = re.compile(r"[ \t#>=+-]|\d{1,9}[.)](?:[ \t]|$)")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.-+=#>:/\n\t)\xa0")), max_size=30))
def test_needs_markdown_checks_every_line(text):
    """The one-search form of needs_markdown answers as the line-by-line definition does."""
    by_line = bool(render._SYNTAX_CHARS.search(text)) or "://" in text or any(
        _LINE.match(line) or line.endswith(" ") for line in text.split("\n")
    ) or (not text.isascii() and any(c.isspace() and c not in " \n" for c in text))
    assert render.needs_markdown(text) == by_line
