"""Markdown answers to safe HTML for Anki, and to plain text for CSV.

Contract: :meth:`Renderer.html` turns a card's Markdown into HTML that holds
no markup from the source: raw HTML is escaped (``List<String>`` stays
visible, ``<script>`` is text), links keep only safe schemes, control
characters are gone. Math (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) is
passed through untouched as MathJax delimiters Anki understands.
:func:`plain_text` gives the readable text without any markup.

Python-Markdown costs about a third of a millisecond per answer, so text with
no Markdown syntax takes a fast path that gives the same HTML, and one
``Markdown`` instance is reused (``reset()``) with results cached by text.
:meth:`Renderer.render_all` renders a whole deck ahead of use, on every core
when there is much to convert; a :class:`Renderer` given a cache file keeps the
Markdown results between builds (keyed by a digest of the text, tied to this
module's code and Python-Markdown's version), so a rebuild converts only the
texts that changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .files import write_text_atomic
from .parallel import cores, pmap

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
# Line starts that open a block (indented code, a list, a setext underline); see needs_markdown.
_SYNTAX_LINE = re.compile(r"[ \t]|[-+](?:\s|$)|\d+[.)](?:\s|$)|=+$|-+$")
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
#: Below this many texts to convert, starting worker processes costs more than it saves.
PARALLEL_MIN = 2000


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def needs_markdown(text: str) -> bool:
    """False for text Python-Markdown would render as nothing but paragraphs of escaped text.

    Checked line by line rather than with one multi-line pattern: a regular
    expression anchored at every line start costs four times as much.
    """
    if _SYNTAX_CHARS.search(text):
        return True
    return any(_SYNTAX_LINE.match(line) or line.endswith((" ", "\t")) for line in text.split("\n"))


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

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "qadeck_safe_links", 0)


@dataclass
class RenderStats:
    """What a renderer did: the benchmark and tests read it."""

    #: Texts converted by Python-Markdown (in this process or a worker).
    converted: int = 0
    #: Texts with Markdown whose HTML came from the cache file instead.
    reused: int = 0
    #: Texts without Markdown syntax, escaped on the fast path.
    plain: int = 0


class Renderer:
    """Renders answers; one instance per build (it holds a cache).

    With ``cache_file``, Markdown results are read from it and :meth:`save`
    writes back the ones this build used; a missing, damaged or outdated file
    is ignored (everything is converted afresh).
    """

    def __init__(self, cache_file: Path | None = None) -> None:
        self._md = _markdown()
        self._cache: dict[str, str] = {}
        self.cache_file = cache_file
        self._stored = _read_cache(cache_file) if cache_file else {}
        #: Digest -> HTML of every Markdown text this build rendered: what :meth:`save` keeps.
        self._used: dict[str, str] = {}
        self.stats = RenderStats()

    def html(self, text: str) -> str:
        cached = self._cache.get(text)
        if cached is None:
            clean = _clean(text)
            cached = self._known(clean)
            if cached is None:
                cached = self._keep(clean, self._convert(clean))
            self._cache[text] = cached
        return cached

    def inline_html(self, text: str) -> str:
        """HTML for a one-line field (a question): no enclosing paragraph."""
        out = self.html(text)
        if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            return out[3:-4]
        return out

    def render_all(self, texts: Iterable[str], workers: int | None = None) -> Iterator[None]:
        """Render ``texts`` ahead of use, yielding once per text as it is done.

        Texts that need Python-Markdown and are not in the cache file are
        converted by ``workers`` processes (default: one per core) when there
        are at least :data:`PARALLEL_MIN` of them; the HTML is the same either way.
        """
        todo: dict[str, str] = {}  # text -> its cleaned form, for texts Markdown has to convert
        for text in texts:
            if text not in self._cache and text not in todo:
                clean = _clean(text)
                known = self._known(clean)
                if known is None:
                    todo[text] = clean
                    continue
                self._cache[text] = known
            yield None
        converted = self._convert_many(list(todo.values()), workers or cores())
        for (text, clean), out in zip(todo.items(), converted):
            self._cache[text] = self._keep(clean, out)
            yield None

    def save(self) -> bool:
        """Write the Markdown results this build used to the cache file; returns whether it wrote.

        Entries no card uses any more are dropped, so the file follows the deck.
        """
        if self.cache_file is None or self._used == self._stored:
            return False
        payload = {"version": _version(), "html": self._used}
        write_text_atomic(self.cache_file, json.dumps(payload, ensure_ascii=False))
        return True

    def _known(self, clean: str) -> str | None:
        """HTML from the fast path or the cache file; None when Markdown has to convert ``clean``."""
        if not needs_markdown(clean):
            self.stats.plain += 1
            return _plain_paragraphs(clean)
        key = _digest(clean)
        out = self._stored.get(key)
        if out is not None:
            self.stats.reused += 1
            self._used[key] = out
        return out

    def _keep(self, clean: str, out: str) -> str:
        self._used[_digest(clean)] = out
        return out

    def _convert(self, text: str) -> str:
        self.stats.converted += 1
        return _convert(self._md, text)

    def _convert_many(self, texts: list[str], workers: int) -> list[str]:
        self.stats.converted += len(texts)
        if workers > 1 and len(texts) >= PARALLEL_MIN:
            size = -(-len(texts) // (workers * 4))
            chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
            return [out for chunk in pmap(_convert_chunk, chunks, workers) for out in chunk]
        return [_convert(self._md, text) for text in texts]

    def _render(self, text: str) -> str:
        """HTML for text already free of control characters, without any cache."""
        text = text.strip("\n")
        return _convert(self._md, text) if needs_markdown(text) else _plain_paragraphs(text)


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
    md = _worker_markdown()
    return [_convert(md, text) for text in texts]


@cache
def _worker_markdown() -> markdown.Markdown:
    return _markdown()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@cache
def _version() -> str:
    """Changes whenever the HTML could: Python-Markdown's version or this module's code."""
    code = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()
    return f"markdown {markdown.__version__}; render {code}"


def _read_cache(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    stored = data.get("html") if isinstance(data, dict) and data.get("version") == _version() else None
    if not isinstance(stored, dict) or not all(isinstance(v, str) for v in stored.values()):
        return {}
    return stored


def _plain_paragraphs(text: str) -> str:
    if "\n\n" not in text:  # one paragraph, the usual case: no split
        return f"<p>{html.escape(text, quote=False)}</p>" if text else ""
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text) if p]
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


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
# What the substitutions in plain_text need: fences, links, bold, code, headings, blank runs.
_PLAIN_MARKUP = re.compile(r"[`~\[*_#]|\n\n\n")


def plain_text(markdown_text: str) -> str:
    """The answer as readable plain text: markup removed, lines and list markers kept.

    Code is kept verbatim (``__init__.py`` stays as it is); only the text
    around it loses its bold, link and heading markup.
    """
    text = strip_controls(markdown_text)
    if not _PLAIN_MARKUP.search(text):
        return text.strip()  # nothing below would change it
    parts = []
    for m in _CODE.finditer(text):
        if m.group("prose") is not None:
            parts.append(_plain_prose(m.group("prose")))
        else:
            parts.append(m.group("body") if m.group("body") is not None else m.group("span"))
    text = "".join(parts)
    return (_BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text).strip()


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
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}")


def _plain_prose(text: str) -> str:
    """Prose without link, bold and heading markup; a substitution runs only if its marker is there."""
    if "[" in text:
        text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), text)
    if "**" in text or "__" in text:
        text = _BOLD.sub(r"\2", text)
    return _HEADING.sub("", text) if "#" in text else text
