"""Markdown answers to safe HTML for Anki, and to plain text for CSV.

Contract: :meth:`Renderer.html` turns a card's Markdown into HTML that holds
no markup from the source: raw HTML is escaped (``List<String>`` stays
visible, ``<script>`` is text), links keep only safe schemes, control
characters are gone. Math (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) is
passed through untouched as MathJax delimiters Anki understands.
:func:`plain_text` gives the readable text without any markup.

Python-Markdown costs about a quarter of a millisecond per answer, so text with
no Markdown syntax takes a fast path that gives the same HTML, and one
``Markdown`` instance is reused (``reset()``) with results cached by text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

#: Control characters, but tab and newline. ``\\x1f`` is Anki's field separator.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SAFE_SCHEMES = ("http", "https", "mailto")

# Code is matched first so that a `$` inside code is never taken for math.
_CODE_OR_MATH = re.compile(
    r"(?P<fence>^[ \t]*(?P<f>```+|~~~+)[^\n]*\n.*?^[ \t]*(?P=f)[ \t]*$)"
    r"|(?P<code>(?P<t>`+).+?(?P=t))"
    r"|\$\$(?P<dd>.+?)\$\$"
    r"|\\\[(?P<bd>.+?)\\\]"
    r"|\\\((?P<pd>.+?)\\\)"
    r"|(?<![\\$\w])\$(?P<d>[^\s$](?:[^$\n]*?[^\s$\\])?)\$(?![\w$])",
    re.MULTILINE | re.DOTALL,
)
_MATH_TOKEN = "qadeckmath{}x"
_MATH_TOKEN_RE = re.compile(r"qadeckmath(\d+)x")

# Text that Python-Markdown would render as nothing but paragraphs of escaped text.
_MARKDOWN_SYNTAX = re.compile(
    r"[*_`\[\]<>&\\#!|~$\"'\t]|^[ \t]|[ \t]$|^([-+]\s|\d+[.)]\s|=+$|-+$)",
    re.MULTILINE,
)


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


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


class Renderer:
    """Renders answers; one instance per build (it holds a cache)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["fenced_code", "tables", "sane_lists", _NoRawHtml()],
            output_format="html",
        )
        self._cache: dict[str, str] = {}

    def html(self, text: str) -> str:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._render(strip_controls(text))
        return cached

    def inline_html(self, text: str) -> str:
        """HTML for a one-line field (a question): no enclosing paragraph."""
        out = self.html(text)
        if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            return out[3:-4]
        return out

    def _render(self, text: str) -> str:
        text = text.strip("\n")
        if not _MARKDOWN_SYNTAX.search(text):
            return _plain_paragraphs(text)
        text, maths = _protect_math(text)
        out = self._md.reset().convert(text)
        if maths:
            out = _MATH_TOKEN_RE.sub(lambda m: maths[int(m.group(1))], out)
        return out


def _plain_paragraphs(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n{2,}", text) if p]
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


_FENCE_LINE = re.compile(r"^[ \t]*(```+|~~~+)[^\n]*$", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")


def plain_text(markdown_text: str) -> str:
    """The answer as readable plain text: markup removed, lines and list markers kept."""
    text = strip_controls(markdown_text)
    text = _FENCE_LINE.sub("", text)
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"`([^`\n]+)`", r"\1", text)
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
