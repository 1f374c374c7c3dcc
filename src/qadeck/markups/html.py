"""An HTML page as Markdown: headings, paragraphs, lists, code and definition lists.

The page is parsed (``html.parser``), never rendered: its head, scripts,
styles, navigation and forms go, tags with no Markdown counterpart leave only
their text, and a ``<dl>``'s terms become bold paragraphs. Line numbers are
the Markdown's, not the page's: a page is read as a whole. A web archive (``.mht``, ``.mhtml``: a
browser's or Word's "single file" page, a MIME message holding the page and its pictures) is read as
its page, decoded from its transfer encoding and character set by the standard library's email parser.
"""

from __future__ import annotations

import email
import email.policy
import re

from ..errors import SourceError
from ..parsers.markup import html_to_markdown


#: The character set a page names in its head: ``<meta charset="utf-8">`` or the http-equiv form.
_META_CHARSET = re.compile(rb"""(?i)<meta[^>]*?charset=["']?([\w.:-]+)""")


def to_markdown(text: str) -> str:
    return html_to_markdown(text, page=True).strip("\n") + "\n"


def web_archive_to_markdown(data: bytes, name: str = "<mhtml>") -> str:
    return to_markdown(_web_archive_page(data, name))


def _web_archive_page(data: bytes, name: str) -> str:
    """The HTML page of a web archive (MHTML), decoded from its transfer encoding and character set: the
    part's, else the page's own ``<meta charset>`` (browsers name it there only), else UTF-8."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            raw = part.get_payload(decode=True) or b""
            meta = _META_CHARSET.search(raw[:4096])
            charset = part.get_content_charset() or (meta.group(1).decode("ascii") if meta else "utf-8")
            try:
                return raw.decode(charset, errors="replace")
            except LookupError as exc:
                raise SourceError(f"a web archive whose page cannot be decoded (unknown charset {charset})", name) from exc
    raise SourceError("a web archive (MHTML) holding no HTML page", name)
