"""Markdown answers to safe HTML for Anki, and to plain text for CSV.

Contract: :meth:`Renderer.html` turns a card's Markdown into HTML that holds
no markup from the source: raw HTML is escaped (``List<String>`` stays
visible, ``<script>`` is text), links keep only safe schemes, control
characters are gone. Math (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) is
passed through untouched as MathJax delimiters Anki understands.
:func:`plain_text` gives the readable text without any markup.

Python-Markdown costs about a third of a millisecond per answer, so two fast
paths come first, each giving exactly the HTML Python-Markdown would: text with
no Markdown syntax becomes escaped paragraphs, and :func:`fast_html` renders a
small subset by hand (paragraphs, tight ``- `` lists, fenced code, single
backtick code, ``**strong**`` and ``*em*``) in some fifteen microseconds,
refusing whatever it is unsure of. Only the rest reaches Python-Markdown: one
``Markdown`` instance per process is reused (``reset()``) with results cached
by text. :meth:`Renderer.render_all` renders a whole deck ahead of use, on
every core when there is much to convert. A build renders each file's cards
where it parses them and keeps the HTML with them in the card cache
(:mod:`qadeck.perf.card_cache`); a :class:`Renderer` handed that HTML renders only the
rest.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TypeVar

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..perf.parallel import cores, pmap

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
# Code is matched first so that a `$` inside code is never taken for math.
_CODE_OR_MATH = re.compile(
    rf"(?P<fence>{FENCED_CODE})|(?P<code>(?P<t>`+).+?(?P=t))|{MATH}",
    re.MULTILINE | re.DOTALL,
)
_MATH_TOKEN = "qadeckmath{}x"
_MATH_TOKEN_RE = re.compile(r"qadeckmath(\d+)x")

# Characters that inline syntax, raw HTML, entities, math or tables need.
_SYNTAX_CHARS = re.compile(r"[*_`\[\]<>&\\#!|~$\"'\t]")
# Either of the above: a text without any is already clean and needs only the line checks.
_CONTROL_OR_SYNTAX = re.compile(f"[{_CONTROL.pattern[1:-1]}{_SYNTAX_CHARS.pattern[1:-1]}]")
# Line starts that open a block (indented code, a list, a setext underline); see needs_markdown.
_LINE_START = r"(?:[ \t]|[-+](?:\s|$)|\d+[.)](?:\s|$)|=+$|-+$)"
_SYNTAX_LINE = re.compile(_LINE_START, re.MULTILINE)
# The same after a newline: with a literal first, the search skips to each newline, where ``^``
# (MULTILINE) would have the pattern tried at every character, at four times the cost.
_SYNTAX_NEXT_LINE = re.compile(r"\n" + _LINE_START, re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
#: The ASCII characters of _CONTROL, and of _CONTROL_OR_SYNTAX, as bytes to delete.
_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))
_CONTROL_OR_SYNTAX_BYTES = bytes(b for b in range(128) if _CONTROL_OR_SYNTAX.match(chr(b)))
#: Below this many texts to convert, starting worker processes costs more than it saves.
PARALLEL_MIN = 2000


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
    """False for text Python-Markdown would render as nothing but paragraphs of escaped text.

    That is: no syntax character, no line ending in a space (a tab is one of
    the characters) and no line opening a block.
    """
    return bool(_SYNTAX_CHARS.search(text)) or _line_syntax(text)


def _line_syntax(text: str) -> bool:
    """Whether a line of ``text`` ends in a space or opens a block (the rest of needs_markdown)."""
    if " \n" in text or text.endswith(" "):
        return True
    return bool(_SYNTAX_LINE.match(text) or ("\n" in text and _SYNTAX_NEXT_LINE.search(text)))


class _SafeLinks(Treeprocessor):
    """Drop link and image targets whose scheme could run script."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is not None and not _is_safe_url(value):
                    del element.attrib[attr]


def _is_safe_url(url: str) -> bool:
    scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


class _NoRawHtml(Extension):
    """Treat raw HTML in sources as text: Python-Markdown passes it through by default."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "qadeck_safe_links", 0)


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

    #: Texts converted by Python-Markdown (in this process or a worker).
    converted: int = 0
    #: Texts without Markdown syntax, escaped as paragraphs (the first fast path).
    plain: int = 0
    #: Texts with Markdown that :func:`fast_html` rendered.
    fast: int = 0

    def add(self, other: RenderStats) -> None:
        self.converted += other.converted
        self.plain += other.plain
        self.fast += other.fast


class Renderer:
    """Renders answers; one instance per build or file (it holds a cache by text).

    ``known`` is HTML, and ``known_plain`` plain text (None where it is the text
    itself), this code made before, by text (what the card cache kept): those
    texts are not looked at again. The renderer takes those dicts over as its
    caches (a big deck's are not copied). Either may be a function that makes
    the dict, called when the renderer is first asked for that kind of text: a
    build whose package takes its notes from the parse workers never makes the
    HTML one, and its CSV makes the plain one in the process that writes it.
    """

    def __init__(self, known: Known[str] = None, known_plain: Known[str | None] = None) -> None:
        self._known, self._known_plain = known, known_plain
        self.stats = RenderStats()

    @cached_property
    def _cache(self) -> dict[str, str]:
        return _made(self._known)

    @cached_property
    def _plain(self) -> dict[str, str | None]:
        return _made(self._known_plain)

    def html(self, text: str) -> str:
        cached = self._cache.get(text)
        if cached is None:
            clean, cached = self._fast(text)
            if cached is None:
                self.stats.converted += 1
                cached = _convert(_process_markdown(), clean)
            self._cache[text] = cached
        return cached

    def plain(self, text: str) -> str:
        """:func:`plain_text` of ``text``, for the plain-text formats (CSV, TSV, SuperMemo)."""
        try:
            cached = self._plain[text]
        except KeyError:
            cached = self._plain[text] = plain_text(text)
        return text if cached is None else cached

    def inline_html(self, text: str) -> str:
        """HTML for a one-line field (a question): no enclosing paragraph."""
        out = self.html(text)
        if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            return out[3:-4]
        return out

    def unknown(self, texts: Iterable[str]) -> list[str]:
        """The distinct ``texts`` not rendered yet, in order of their first appearance (set
        arithmetic in C: a build's parse workers have rendered all but a few)."""
        texts = list(texts)
        missing = set(texts).difference(self._cache)
        return [text for text in dict.fromkeys(texts) if text in missing] if missing else []

    def render_all(self, texts: Iterable[str], workers: int | None = None) -> Iterator[None]:
        """Render ``texts`` ahead of use, yielding once per text as it is done.

        Texts that need Python-Markdown are converted by ``workers`` processes
        (default: one per core) when there are at least :data:`PARALLEL_MIN` of
        them; the HTML is the same either way.
        """
        todo: dict[str, str] = {}  # text -> its cleaned form, for texts Markdown has to convert
        for text in texts:
            if text not in self._cache and text not in todo:
                clean, fast = self._fast(text)
                if fast is None:
                    todo[text] = clean
                    continue
                self._cache[text] = fast
            yield None
        converted = self._convert_many(list(todo.values()), workers or cores())
        for text, out in zip(todo, converted):
            self._cache[text] = out
            yield None

    def _fast(self, text: str) -> tuple[str, str | None]:
        """``text`` cleaned, and its HTML from a fast path (None: Python-Markdown must convert it).

        Most texts hold neither a control character nor a syntax character:
        one search tells, and spares cleaning them.
        """
        if _holds_control_or_syntax(text):
            clean = _clean(text)
            plain = not needs_markdown(clean)
        else:
            clean = text.strip("\n")
            plain = not _line_syntax(clean)
        if plain:
            self.stats.plain += 1
            return clean, _plain_paragraphs(clean)
        out = fast_html(clean)
        if out is not None:
            self.stats.fast += 1
        return clean, out

    def _convert_many(self, texts: list[str], workers: int) -> list[str]:
        self.stats.converted += len(texts)
        if workers > 1 and len(texts) >= PARALLEL_MIN:
            size = -(-len(texts) // (workers * 4))
            chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
            return [out for chunk in pmap(_convert_chunk, chunks, workers) for out in chunk]
        md = _process_markdown()
        return [_convert(md, text) for text in texts]


def _clean(text: str) -> str:
    return strip_controls(text).strip("\n")


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["fenced_code", "tables", "sane_lists", _NoRawHtml()],
        output_format="html",
    )


def _convert(md: markdown.Markdown, text: str) -> str:
    text, maths = _protect_math(text)
    out = md.reset().convert(text)
    if maths:
        out = _MATH_TOKEN_RE.sub(lambda m: maths[int(m.group(1))], out)
    return out


def _convert_chunk(texts: list[str]) -> list[str]:
    """In a worker process: convert a chunk of texts with the worker's own Markdown instance."""
    md = _process_markdown()
    return [_convert(md, text) for text in texts]


@cache
def _process_markdown() -> markdown.Markdown:
    """This process's Markdown instance: making one costs a millisecond, and a build renders file by file."""
    return _markdown()


def _plain_paragraphs(text: str) -> str:
    if "\n\n" not in text:  # one paragraph, the usual case: no split
        return f"<p>{html.escape(text, quote=False)}</p>" if text else ""
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text) if p]
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


# --- The second tier: a small subset of Markdown, rendered by hand --------------------------------
#
# Python-Markdown is the reference: fast_html returns exactly its HTML or None. Every rule below was
# checked against it (tests/test_render_fast.py compares the two on generated texts); anything the
# rules do not cover is refused rather than guessed. Checks use ``in`` and str methods before any
# regular expression: a pattern scanning 400 characters costs several microseconds, ``in`` a tenth.

#: A fence the fast path renders: ```lang (a plain name or nothing), a body in which no line starts
#: with ```, and a bare closing ```. Python-Markdown's fence pattern reads it the same way.
_FAST_FENCE = re.compile(r"^```([A-Za-z0-9_+#-]*)\n((?:(?!```)[^\n]*\n)*?)```$", re.MULTILINE)
#: Whitespace but space and newline: Python-Markdown expands tabs, turns CR into newlines and
#: strips Unicode spaces (str.isspace) at the start of blocks. Tested against str.isspace.
_ODD_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_FAST_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
#: Line starts that open a block: indented code, headings, quotes, lists, rules, setext underlines,
#: fences; ``*`` only when it opens emphasis (``**x`` or ``*x``).
_FAST_BLOCK_START = re.compile(r"[ #>+=~-]|\d+[.)]|\*(?!\*?[^\s*])")
# Outside code spans: ``<`` opening an autolink, ``_`` that could open or close emphasis (one not
# between two word characters), an entity Python-Markdown would keep as it is.
_FAST_LT = re.compile(r"<(?! )")
_FAST_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")
_FAST_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
# Emphasis around text that neither starts nor ends with whitespace and holds no ``*``.
_FAST_EM = re.compile(r"\*([^\s*](?:[^*]*[^\s*])?)\*")


def fast_html(text: str) -> str | None:
    """Python-Markdown's HTML for ``text`` without Python-Markdown, or None when unsure.

    ``text`` is cleaned (no control characters, no leading or trailing
    newline). The subset: paragraphs; tight ``- item`` lists, not two in a row;
    fenced code forming whole blocks; inline code with single backticks;
    ``**strong**`` and ``*em*`` around text without ``*``. Escaping follows
    Python-Markdown: ``& < >`` in text and code, and ``"`` too in fences.
    Math is left to :func:`_convert`: a text in which :func:`_protect_math`
    finds any is refused.
    """
    if not text:
        return ""
    if "\t" in text or "\r" in text or " \n" in text or text.endswith(" "):
        return None  # tabs are expanded, CR ends a line, trailing spaces make a line break
    if not text.isascii() and _FAST_ODD_SPACE.search(text):
        return None
    out = _fast_with_fences(text) if "```" in text else _fast_prose(text)
    if out is not None and ("$" in text or "\\" in text) and _protect_math(text)[1]:
        return None
    return out


def _fast_with_fences(text: str) -> str | None:
    parts: list[str] = []
    start = 0
    for m in _FAST_FENCE.finditer(text):
        begin, end = m.span()
        if begin and not (begin >= 2 and text[begin - 2 : begin] == "\n\n"):
            return None  # a fence inside a paragraph or a list: Markdown splits them there
        if end < len(text) and not text.startswith("\n\n", end):
            return None
        prose = text[start:begin].strip("\n")
        if prose:
            before = _fast_prose(prose)
            if before is None:
                return None
            parts.append(before)
        lang, body = m.groups()
        body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        attrs = f' class="language-{lang}"' if lang else ""
        parts.append(f"<pre><code{attrs}>{body}</code></pre>")
        start = end
    prose = text[start:].strip("\n")
    if prose:
        after = _fast_prose(prose)
        if after is None:
            return None
        parts.append(after)
    return "\n".join(parts)


def _fast_prose(text: str) -> str | None:
    """Paragraphs and lists, no fence: a run of backticks left in ``text`` is refused."""
    if "|" in text or "``" in text or "***" in text or "\\" in text or "[" in text or "]" in text:
        return None  # tables, long code spans and fences, mixed emphasis, escapes, links
    risky = "<" in text or "_" in text or "&" in text
    parts: list[str] = []
    after_list = False  # a list right after a list, across a blank line, is one loose list
    for block in _PARAGRAPH_BREAK.split(text) if "\n\n\n" in text else text.split("\n\n"):
        if block.startswith("- "):
            if after_list:
                return None
            items = []
            for line in block.split("\n"):
                if not line.startswith("- ") or _FAST_BLOCK_START.match(line, 2):
                    return None
                item = line[2:]
                # An item with none of these characters is its own HTML.
                rendered = _fast_inline(item, risky) if risky or "`" in item or "*" in item or ">" in item else item
                if rendered is None:
                    return None
                items.append(rendered)
            parts.append("<ul>\n<li>" + "</li>\n<li>".join(items) + "</li>\n</ul>")
            after_list = True
        else:
            if _FAST_BLOCK_START.match(block) or (
                "\n" in block and any(_FAST_BLOCK_START.match(line) for line in block.split("\n"))
            ):
                return None
            paragraph = _fast_inline(block, risky)
            if paragraph is None:
                return None
            parts.append(f"<p>{paragraph}</p>")
            after_list = False
    return "\n".join(parts)


def _fast_inline(text: str, risky: bool) -> str | None:
    """Inline HTML of a paragraph or list item; code spans are set aside first, as Markdown does.

    ``risky``: whether the prose holds ``<``, ``_`` or ``&`` anywhere (code included).
    """
    codes: list[str] = []
    if "`" in text:
        pieces = text.split("`")
        if not len(pieces) % 2:
            return None  # a lone backtick
        codes = pieces[1::2]
        text = "\x00".join(pieces[::2])  # a code span is one character that is neither space nor word
    if risky:
        if ("<" in text and _FAST_LT.search(text)) or ("_" in text and _FAST_UNDERSCORE.search(text)):
            return None
        if "&" in text:
            if _FAST_ENTITY.search(text):
                return None
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "*" in text:
        emphasised = _fast_emphasis(text)
        if emphasised is None:
            return None
        text = emphasised
    if codes:
        rest = text.split("\x00")
        text = rest[0] + "".join(
            f"<code>{_escape_code(code.strip())}</code>{after}" for code, after in zip(codes, rest[1:])
        )
    return text


def _escape_code(code: str) -> str:
    """What Python-Markdown's ``code_escape`` does; most code needs nothing."""
    if "&" in code or "<" in code or ">" in code:
        return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return code


def _fast_emphasis(text: str) -> str | None:
    """``**strong**`` and ``*em*``, neither inside the other; None if any ``*`` is left over.

    With no ``***`` in the text, every ``**`` is a run of two, so splitting on
    it pairs the delimiters as Python-Markdown does.
    """
    parts = text.split("**")
    if not len(parts) % 2:
        return None
    for inner in parts[1::2]:
        if not inner or inner[0].isspace() or inner[-1].isspace() or "*" in inner:
            return None
    for i in range(0, len(parts), 2):
        if "*" in parts[i]:
            part = _FAST_EM.sub(r"<em>\1</em>", parts[i])
            if "*" in part:
                return None
            parts[i] = part
    if len(parts) == 1:
        return parts[0]
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        out.append(f"<strong>{parts[i]}</strong>{parts[i + 1]}")
    return "".join(out)


def _protect_math(text: str) -> tuple[str, list[str]]:
    """Swap math for tokens Markdown leaves alone; return the MathJax HTML to put back."""
    maths: list[str] = []

    def swap(m: re.Match[str]) -> str:
        if m.group("fence") or m.group("code"):
            return m.group(0)
        display = m.group("dd") if m.group("dd") is not None else m.group("bd")
        if display is not None:
            maths.append(r"\[" + html.escape(display, quote=False) + r"\]")
        else:
            inline = m.group("pd") if m.group("pd") is not None else m.group("d")
            maths.append(r"\(" + html.escape(inline, quote=False) + r"\)")
        return _MATH_TOKEN.format(len(maths) - 1)

    return _CODE_OR_MATH.sub(swap, text), maths


_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")


def plain_text(markdown_text: str) -> str:
    """The answer as readable plain text: markup removed, lines and list markers kept.

    Code is kept verbatim (``__init__.py`` stays as it is); only the text
    around it loses its bold, link and heading markup.
    """
    text = strip_controls(markdown_text)
    # What the substitutions below need: fences, links, bold, code, headings, blank runs. Six
    # ``in`` tests cost a tenth of one search for a class of characters.
    if not ("`" in text or "~" in text or "[" in text or "*" in text or "_" in text or "#" in text
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


def _plain_prose(text: str) -> str:
    """Prose without link, bold and heading markup; a substitution runs only if its marker is there."""
    if "[" in text:
        text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), text)
    if "**" in text:
        # Without "__" the pattern's other delimiter cannot match: the literal one is found faster.
        text = (_BOLD.sub(r"\2", text) if "__" in text else _BOLD_STARS.sub(r"\1", text))
    elif "__" in text:
        text = _BOLD_UNDERSCORES.sub(r"\1", text)
    return _HEADING.sub("", text) if "#" in text else text
