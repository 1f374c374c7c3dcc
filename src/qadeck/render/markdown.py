"""Markdown answers to safe HTML for Anki, and to plain text for CSV.

Contract: :meth:`Renderer.html` turns a card's Markdown into HTML that holds
no markup from the source: raw HTML is escaped (``List<String>`` stays
visible, ``<script>`` is text), links keep only safe schemes, control
characters are gone. Math (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) is
passed through untouched as MathJax delimiters Anki understands.
:meth:`Renderer.inline_html` does the same for a question, inline syntax only.
:func:`plain_text` gives the readable text without any markup.

The engine is markdown-it-py: CommonMark, as GitHub renders the sources most
authors wrote for, with GFM tables, strikethrough and task lists, autolinks
for ``scheme://`` URLs and e-mail addresses (linkify-it-py; a bare
``setup.py`` is a file name, not a link), the math rules below, and fenced
code with a language highlighted by :mod:`.highlight`. Two fast paths come
first, each giving exactly the engine's HTML (property-tested against it):
text without any Markdown syntax (most answers) becomes escaped paragraphs,
and :func:`.fast.fast_html` renders a small subset by hand, refusing
whatever it is unsure of. A build renders each file's cards where it parses
them (on every core) and keeps the HTML with them in the card cache
(:mod:`qadeck.perf.card_cache`); a :class:`Renderer` handed that HTML renders
only the rest.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, TypeVar

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import OptionsDict
from mdit_py_plugins.tasklists import tasklists_plugin

from .fast import fast_html, fast_inline_html
from .highlight import highlight

#: Control characters, but tab and newline. ``\\x1f`` is Anki's field separator.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SAFE_SCHEMES = ("http", "https", "mailto")

#: A fenced code block (MULTILINE, DOTALL): its body in group ``body``, closed by the
#: same fence that opened it (group ``f``). Parsers and writers that must leave code alone use it.
FENCED_CODE = r"^[ \t]*(?P<f>```+|~~~+)[^\n]*\n(?P<body>.*?)^[ \t]*(?P=f)[ \t]*$"
#: Math as MathJax delimits it: ``$$…$$``, ``\[…\]``, ``\(…\)`` and ``$…$`` (not ``$5 and $6``);
#: the content in group ``dd``, ``bd``, ``pd`` or ``d``.
MATH = (
    r"\$\$(?P<dd>.+?)\$\$"
    r"|\\\[(?P<bd>.+?)\\\]"
    r"|\\\((?P<pd>.+?)\\\)"
    r"|(?<![\\$\w])\$(?P<d>[^\s$](?:[^$\n]*?[^\s$\\])?)\$(?![\w$])"
)
_MATH_AT = re.compile(MATH, re.DOTALL)
#: Math in the HTML the renderer makes (DOTALL): ``\[…\]`` (content in group ``display``) or ``\(…\)``
#: (group ``inline``), the TeX HTML-escaped; what Anki's MathJax typesets.
MATH_HTML = r"\\\[(?P<display>.+?)\\\]|\\\((?P<inline>.+?)\\\)"

# Characters that inline syntax, raw HTML, entities, math, tables, autolinks (``@``) or line ends
# (tab, CR) need: a text without any, and without a line that opens a block, is plain paragraphs.
_SYNTAX_CHARS = re.compile(r"[*_`\[\]<>&\\|~$@\t\r]")
# Either of the above: a text without any is already clean and needs only the line checks.
_CONTROL_OR_SYNTAX = re.compile(f"[{_CONTROL.pattern[1:-1]}{_SYNTAX_CHARS.pattern[1:-1]}]")
# Line starts that open a block or end a paragraph: indentation, a list, a heading, a quote, a
# setext underline or a rule; see needs_markdown.
_LINE_START = r"(?:[ \t#>=+-]|\d{1,9}[.)](?:[ \t]|$))"
_SYNTAX_LINE = re.compile(_LINE_START, re.MULTILINE)
# The same after a newline: with a literal first, the search skips to each newline, where ``^``
# (MULTILINE) would have the pattern tried at every character, at four times the cost.
_SYNTAX_NEXT_LINE = re.compile(r"\n" + _LINE_START, re.MULTILINE)
#: Whitespace that is not a space or a newline: the engine strips it around paragraphs.
_ODD_SPACE = re.compile(r"[^\S \n]")
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
#: The ASCII characters of _CONTROL, and of _CONTROL_OR_SYNTAX, as bytes to delete.
_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))
_CONTROL_OR_SYNTAX_BYTES = bytes(b for b in range(128) if _CONTROL_OR_SYNTAX.match(chr(b)))


def strip_controls(text: str) -> str:
    if text.isascii():  # most texts: delete the control bytes, a third of the regex's cost
        data = text.encode("ascii")
        kept = data.translate(None, _CONTROL_BYTES)
        return text if len(kept) == len(data) else kept.decode("ascii")
    return _CONTROL.sub("", text)


def _holds_control_or_syntax(text: str) -> bool:
    """``_CONTROL_OR_SYNTAX.search(text)``, for ASCII text by deleting those bytes (half the cost)."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _CONTROL_OR_SYNTAX_BYTES)) != len(data)
    return _CONTROL_OR_SYNTAX.search(text) is not None


def needs_markdown(text: str) -> bool:
    """False for text the engine would render as nothing but paragraphs of escaped text.

    That is: no syntax character, no ``://`` (an autolink), no line ending in a
    space, no line opening a block, no whitespace but spaces and newlines.
    """
    return bool(_SYNTAX_CHARS.search(text)) or _line_syntax(text)


def _line_syntax(text: str) -> bool:
    """Whether ``text`` holds an autolink, odd whitespace or a line that ends in a space or opens a
    block (the rest of needs_markdown)."""
    if " \n" in text or text.endswith(" ") or "://" in text:
        return True
    if not text.isascii() and _ODD_SPACE.search(text):
        return True
    return bool(_SYNTAX_LINE.match(text) or ("\n" in text and _SYNTAX_NEXT_LINE.search(text)))


def _is_safe_url(url: str) -> bool:
    scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


# --- Math: MathJax's delimiters, left for Anki -------------------------------------------------------


def _math_inline(state: StateInline, silent: bool) -> bool:
    """Math within a paragraph: tried before backslash escapes, so ``\\(`` is math, not ``(``."""
    if state.src[state.pos] not in "$\\":
        return False
    m = _MATH_AT.match(state.src, state.pos, state.posMax)
    if m is None:
        return False
    if not silent:
        display = m.group("dd") if m.group("dd") is not None else m.group("bd")
        token = state.push("math", "", 0)
        token.content = display if display is not None else (m.group("pd") or m.group("d"))
        token.info = "display" if display is not None else "inline"
        token.markup = m.group(0)[:2] if m.group(0)[1] in "$[(" else "$"
    state.pos = m.end()
    return True


def _math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``$$`` or ``\\[`` opening a line, closed at the end of a later one: display math that may hold
    blank lines and lines that would open blocks (``+ b``)."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    close = "$$" if first.startswith("$$") else "\\]" if first.startswith("\\[") else None
    if close is None or close in first[2:]:
        return False  # not math, or math within the line: the paragraph's inline rule takes it
    lines = [first[2:]]
    line = start
    while True:
        line += 1
        if line >= end:
            return False
        text = state.src[state.bMarks[line] : state.eMarks[line]].rstrip()
        if text.endswith(close) and not text.endswith("\\" + close):
            lines.append(text[: -len(close)])
            break
        if close in text:
            return False  # closed within a line with text after it: not a block
        lines.append(text)
    if not silent:
        token = state.push("math_block", "", 0)
        token.block = True
        token.content = "\n".join(lines)
        token.map = [start, line + 1]
    state.line = line + 1
    return True


def _render_math(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
                 env: Any) -> str:
    token = tokens[idx]
    content = html.escape(token.content, quote=False)
    return rf"\[{content}\]" if token.info == "display" else rf"\({content}\)"


def _render_math_block(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
                       env: Any) -> str:
    return rf"<p>\[{html.escape(tokens[idx].content, quote=False)}\]</p>" + "\n"


def _math_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("escape", "math", _math_inline)
    md.block.ruler.before("fence", "math_block", _math_block,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.add_render_rule("math", _render_math)
    md.add_render_rule("math_block", _render_math_block)


def engine() -> MarkdownIt:
    """A new engine as qadeck configures it (raw HTML off: sources are untrusted)."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "highlight": highlight})
    md.enable(["table", "strikethrough", "linkify"])
    assert md.linkify is not None
    md.linkify.set({"fuzzy_link": False})  # ``setup.py`` and ``docker.io`` are names, not links
    md.linkify.add("//", None)  # nor is ``//1.1`` or ``//comment.x``: GitHub links ``http://`` and ``www.`` only
    md.use(tasklists_plugin)
    md.use(_math_plugin)
    md.validateLink = _is_safe_url  # type: ignore[method-assign]
    return md


@cache
def _process_engine() -> MarkdownIt:
    """This process's engine: making one costs a millisecond, and a build renders file by file."""
    return engine()


def _convert(text: str) -> str:
    return _process_engine().render(text).rstrip("\n")


def _convert_inline(text: str) -> str:
    return _process_engine().renderInline(text).strip()


# --- The renderer: caches and the plain-text path ---------------------------------------------------

V = TypeVar("V")
#: Texts already rendered, by text: a dict, a function that makes one, or None (none).
Known = dict[str, V] | Callable[[], dict[str, V]] | None


def _made(known: Known[V]) -> dict[str, V]:
    if known is None:
        return {}
    return known() if callable(known) else known


@dataclass
class RenderStats:
    """What a renderer did: the benchmark and tests read it."""

    #: Texts converted by the engine (in this process or a worker).
    converted: int = 0
    #: Texts without Markdown syntax, escaped as paragraphs without the engine.
    plain: int = 0
    #: Texts with Markdown that :func:`.fast.fast_html` rendered.
    fast: int = 0

    def add(self, other: RenderStats) -> None:
        self.converted += other.converted
        self.plain += other.plain
        self.fast += other.fast


class Renderer:
    """Renders answers and questions; one instance per build or file (it holds caches by text).

    ``known`` is answers' HTML, ``known_inline`` questions' HTML, and
    ``known_plain`` plain text (None where it is the text itself), this code
    made before, by text (what the card cache kept): those texts are not
    looked at again. The renderer takes those dicts over as its caches (a big
    deck's are not copied). Each may be a function that makes the dict, called
    when the renderer is first asked for that kind of text: a build whose
    package takes its notes from the parse workers never makes the HTML ones,
    and its CSV makes the plain one in the process that writes it.
    """

    def __init__(self, known: Known[str] = None, known_plain: Known[str | None] = None,
                 known_inline: Known[str] = None) -> None:
        self._known, self._known_plain, self._known_inline = known, known_plain, known_inline
        self.stats = RenderStats()

    @cached_property
    def _cache(self) -> dict[str, str]:
        return _made(self._known)

    @cached_property
    def _inline(self) -> dict[str, str]:
        return _made(self._known_inline)

    @cached_property
    def _plain(self) -> dict[str, str | None]:
        return _made(self._known_plain)

    def html(self, text: str) -> str:
        cached = self._cache.get(text)
        if cached is None:
            clean, cached = self._fast(text)
            if cached is None:
                self.stats.converted += 1
                cached = _convert(clean)
            self._cache[text] = cached
        return cached

    def inline_html(self, text: str) -> str:
        """HTML for a question: inline syntax (code, emphasis, links, math), no blocks, so ``1. What…``
        is no list and ``# of pods`` no heading; what follows its first paragraph (a multiple-choice
        front's options, the code it shows) is blocks, as an answer's are."""
        if "\n\n" in text:
            first, _, rest = text.strip().partition("\n\n")
            if rest.strip():
                return self._inline_paragraph(first) + self.html(rest)
        return self._inline_paragraph(text)

    def _inline_paragraph(self, text: str) -> str:
        cached = self._inline.get(text)
        if cached is None:
            # Most questions hold no control or syntax character: one search tells, as for answers.
            clean = strip_controls(text) if _holds_control_or_syntax(text) else text
            # A line's spaces at either end of a line break are the engine's to drop (or to make a <br>).
            if _holds_control_or_syntax(clean) or "://" in clean or " \n" in clean or "\n " in clean:
                fast = fast_inline_html(clean, "$" in clean and _MATH_AT.search(clean) is not None)
                if fast is None:
                    self.stats.converted += 1
                    cached = _convert_inline(clean)
                else:
                    self.stats.fast += 1
                    cached = fast
            else:
                self.stats.plain += 1
                cached = clean.strip().replace('"', "&quot;")
            self._inline[text] = cached
        return cached

    def plain(self, text: str) -> str:
        """:func:`plain_text` of ``text``, for the plain-text formats (CSV, TSV, SuperMemo)."""
        try:
            cached = self._plain[text]
        except KeyError:
            cached = self._plain[text] = plain_text(text)
        return text if cached is None else cached

    def unknown(self, texts: Iterable[str]) -> list[str]:
        """The distinct answer ``texts`` not rendered yet, in order of their first appearance (set
        arithmetic in C: a build's parse workers have rendered all but a few)."""
        texts = list(texts)
        missing = set(texts).difference(self._cache)
        return [text for text in dict.fromkeys(texts) if text in missing] if missing else []

    def render_all(self, texts: Iterable[str]) -> Iterator[None]:
        """Render answer ``texts`` ahead of use, yielding once per text as it is done (to show progress)."""
        todo: dict[str, str] = {}  # text -> its cleaned form, for texts the engine has to convert
        for text in texts:
            if text not in self._cache and text not in todo:
                clean, fast = self._fast(text)
                if fast is None:
                    todo[text] = clean
                    continue
                self._cache[text] = fast
            yield None
        self.stats.converted += len(todo)
        for text, clean in todo.items():
            self._cache[text] = _convert(clean)
            yield None

    def _fast(self, text: str) -> tuple[str, str | None]:
        """``text`` cleaned, and its HTML from a fast path (None: the engine must convert it).

        Most texts hold neither a control character nor a syntax character:
        one search tells, and spares cleaning them; they are plain paragraphs.
        Most of the rest are a subset :func:`.fast.fast_html` renders by hand.
        Leading and trailing newlines are left to the engine (they end an
        unclosed fence's code).
        """
        if _holds_control_or_syntax(text):
            clean = strip_controls(text)
            plain = not needs_markdown(clean.strip("\n"))
        else:
            clean = text
            plain = not _line_syntax(clean.strip("\n"))
        if plain:
            self.stats.plain += 1
            return clean, _plain_paragraphs(clean.strip("\n"))
        out = fast_html(clean, "$" in clean and _MATH_AT.search(clean) is not None)
        if out is not None:
            self.stats.fast += 1
        return clean, out


def _plain_paragraphs(text: str) -> str:
    """Paragraphs of text without syntax, as the engine writes them (``"`` is its only escape there)."""
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n\n" not in text:  # one paragraph, the usual case: no split
        return f"<p>{text}</p>" if text else ""
    return "\n".join(f"<p>{p}</p>" for p in _PARAGRAPH_BREAK.split(text) if p)


#: Link text over no bracket, a target over no parenthesis: a failed try ends at the next one (running
#: on to the first "]" or ")" is quadratic over a text of brackets).
_LINK = re.compile(r"!?\[([^\[\]]*)\]\(([^()\s]*)[^()]*\)")


def plain_text(markdown_text: str) -> str:
    """The answer as readable plain text: markup removed, lines and list markers kept.

    Code is kept verbatim (``__init__.py`` stays as it is); only the text
    around it loses its bold, link and heading markup.
    """
    text = strip_controls(markdown_text)
    # What the substitutions below need: fences, links, bold, code, headings, entities, blank runs. Seven
    # ``in`` tests cost a tenth of one search for a class of characters.
    if not ("`" in text or "~" in text or "[" in text or "*" in text or "_" in text or "#" in text or "&" in text
            or "\n\n\n" in text):
        return text.strip()  # nothing below would change it
    # Without a backtick or a tilde fence, _CODE finds one part, all prose: no need to look.
    text = _plain_prose(text) if "`" not in text and "~~~" not in text else _plain_parts(text)
    return (_BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text).strip()


def _plain_parts(text: str) -> str:
    """``text`` with its prose parts' markup removed and its code kept (see :data:`_CODE`)."""
    parts = []
    for m in _CODE.finditer(text):
        if m.group("prose") is not None:
            parts.append(_plain_prose(m.group("prose")))
        else:
            parts.append(m.group("body") if m.group("body") is not None else m.group("span"))
    return "".join(parts)


# A fenced block (its body kept), an inline code span (its content kept), or the prose between.
# Prose is one character (a backtick only if it opens no span), then whole runs of
# characters up to the next backtick or fence line: a run at a time, not a character
# at a time, as it once was (a third as fast, with the same parts).
_CODE = re.compile(
    FENCED_CODE
    + r"|(?P<t>`+)(?P<span>[^\n]+?)(?<!`)(?P=t)(?!`)"
    r"|(?P<prose>(?:[^`]|`(?!`*[^`\n]+?`))(?:(?!^[ \t]*(?:```|~~~))(?:[^`\n]+|\n))*)",
    re.MULTILINE | re.DOTALL,
)


_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_BOLD_STARS = re.compile(r"\*\*(.+?)\*\*")
_BOLD_UNDERSCORES = re.compile(r"__(.+?)__")
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}")
#: An entity reference as CommonMark reads one: named, decimal or hexadecimal, closed by ";".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _plain_prose(text: str) -> str:
    """Prose without link, bold and heading markup; a substitution runs only if its marker is there."""
    if "[" in text:
        text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), text)
    if "**" in text:
        # Without "__" the pattern's other delimiter cannot match: the literal one is found faster.
        text = (_BOLD.sub(r"\2", text) if "__" in text else _BOLD_STARS.sub(r"\1", text))
    elif "__" in text:
        text = _BOLD_UNDERSCORES.sub(r"\1", text)
    if "&" in text:  # an entity reference is the character it names, as the page shows it ("&quot;" a quote)
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return _HEADING.sub("", text) if "#" in text else text
