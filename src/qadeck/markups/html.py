"""An HTML page as Markdown: headings, paragraphs, lists, code and definition lists.

The page is parsed (``html.parser``), never rendered: its head, scripts,
styles, navigation and forms go, tags with no Markdown counterpart leave only
their text, and a ``<dl>``'s terms become bold paragraphs. Line numbers are
the Markdown's, not the page's: a page is read as a whole.
"""

from __future__ import annotations

from ..parsers.markup import html_to_markdown


def to_markdown(text: str) -> str:
    return html_to_markdown(text, page=True).strip("\n") + "\n"
