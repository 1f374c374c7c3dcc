"""An HTML page as Markdown: headings, paragraphs, lists, code and definition lists.

The page is parsed (``html.parser``), never rendered: its head, scripts,
styles, navigation and forms go, tags with no Markdown counterpart leave only
their text, and a ``<dl>``'s terms become bold paragraphs. Line numbers are
the Markdown's, not the page's: a page is read as a whole. The FAQ a page lists in its structured data
(schema.org's ``FAQPage``) is read too where the page's text does not show it, and so are the cards
its own scripts keep as data (an app's page that draws its questions from there). A web archive (``.mht``, ``.mhtml``: a
browser's or Word's "single file" page, a MIME message holding the page and its pictures) is read as
its page, decoded from its transfer encoding and character set by the standard library's email parser; Safari's
(``.webarchive``, a property list holding the page's bytes and their encoding's name) by its ``plistlib``.
"""

from __future__ import annotations

import email
import email.policy
import json
import plistlib
import re
from dataclasses import replace

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from . import data, datacards, jsdata


#: The character set a page names in its head: ``<meta charset="utf-8">`` or the http-equiv form.
_META_CHARSET = re.compile(rb"""(?i)<meta[^>]*?charset=["']?([\w.:-]+)""")


def to_markdown(text: str) -> str:
    page = html_to_markdown(text, page=True).strip("\n") + "\n"
    if "FAQPage" in text:
        page += _listed_faq(text, page)
    return page + _script_cards(text, page) if "<script" in text else page


#: A page's structured data: ``<script type="application/ld+json">`` blocks.
_LINKED_DATA = re.compile(
    r"""<script\b[^>]*\btype\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script\s*>""", re.IGNORECASE | re.DOTALL
)
_SPACES = re.compile(r"\s+")


def _listed_faq(text: str, page: str) -> str:
    """The FAQ a page lists in its structured data (schema.org's ``FAQPage``, what search engines show),
    as Markdown questions under a FAQ heading, when the page's own text does not show them: a page that
    draws its FAQ by script holds it only there. "" when there is none, or the page shows it."""
    entries = [entry for block in _LINKED_DATA.findall(text) for entry in _faq_entries(_loaded(block))]
    shown = _SPACES.sub(" ", page)
    if not entries or any(_SPACES.sub(" ", question) in shown for question, _ in entries):
        return ""
    parts = ["\n## Frequently asked questions\n"]
    for question, answer in entries:
        parts.append(f"\n### {_SPACES.sub(' ', question)}\n\n{html_to_markdown(answer).strip()}\n")
    return "".join(parts)


#: A script written in the page itself (no ``src``), up to its end tag; JSON-LD and other data types are not code.
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']?application/(?:ld\+)?json)"
                            r"[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def _script_cards(text: str, page: str) -> str:
    """The cards a page keeps in its own script's data (``const DATA = [{q: "…", a: "…"}, …]``, read as a
    JavaScript module's, never run: see :mod:`.jsdata`), as Markdown after the page's, when the page's text
    does not show their questions: an app's page draws its questions from there, and holds them only there.
    "" when there are none, or the page shows them."""
    items = [item for block in _INLINE_SCRIPT.findall(text) if "=" in block
             for value in jsdata.literals(block) for item in datacards.items(value, records_only=True)]
    shown = _SPACES.sub(" ", page)
    if not items or any(_SPACES.sub(" ", item.question) in shown for item in items):
        return ""
    # An answer the script writes into the page is the page's HTML: read as the page is (its pictures drawn
    # in SVG, its buttons, go). Lines are the Markdown's, as the page's are.
    return "\n" + data.items_markdown([replace(item, line=0, answer=html_to_markdown(item.answer, page=True).strip())
                                       if "<" in item.answer else replace(item, line=0) for item in items])


#: A JavaScript escape JSON does not have (``\\'``), written by hand in many pages' structured data.
_QUOTE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\'")


def _loaded(block: str) -> object:
    """The block's data, read leniently (hand-written structured data is often not strict JSON): raw line breaks inside its strings and
    JavaScript's ``\\'`` are taken as written. None when it is broken beyond that: the page is read without it."""
    try:
        return json.loads(block, strict=False)
    except ValueError:
        pass
    if "\\'" not in block:
        return None
    try:
        return json.loads(_QUOTE_ESCAPE.sub(r"\1'", block), strict=False)
    except ValueError:
        return None


def _faq_entries(data: object) -> list[tuple[str, str]]:
    """(question, answer HTML) of the ``Question`` items of every ``FAQPage`` in ``data``, in order."""
    found: list[tuple[str, str]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if item.get("@type") == "FAQPage" or (isinstance(item.get("@type"), list) and "FAQPage" in item["@type"]):
                questions = item.get("mainEntity")
                for question in questions if isinstance(questions, list) else [questions]:
                    pair = _question(question)
                    if pair:
                        found.append(pair)
            else:
                stack.extend(reversed([value for value in item.values() if isinstance(value, (list, dict))]))
    return found


def _question(item: object) -> tuple[str, str] | None:
    if not isinstance(item, dict):
        return None
    name, answer = item.get("name"), item.get("acceptedAnswer")
    if isinstance(answer, list):
        answer = answer[0] if answer else None
    text = answer.get("text") if isinstance(answer, dict) else None
    if isinstance(name, str) and name.strip() and isinstance(text, str) and text.strip():
        return name.strip(), text
    return None


def web_archive_to_markdown(data: bytes, name: str = "<mhtml>") -> str:
    return to_markdown(_web_archive_page(data, name))


def _web_archive_page(data: bytes, name: str) -> str:
    """The HTML page of a web archive (MHTML), decoded from its transfer encoding and character set: the
    part's, else the page's own ``<meta charset>`` (browsers name it there only), else UTF-8."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return _decoded(part.get_payload(decode=True) or b"", part.get_content_charset(), name)
    raise SourceError("a web archive (MHTML) holding no HTML page", name)


def safari_archive_to_markdown(data: bytes, name: str = "<webarchive>") -> str:
    return to_markdown(_safari_archive_page(data, name))


#: The page types a Safari archive's main resource holds when it is a page.
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _safari_archive_page(data: bytes, name: str) -> str:
    """The HTML page of a Safari web archive: its main resource's bytes, in the encoding it names."""
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError, OverflowError,
            RecursionError) as exc:
        raise SourceError("a damaged Safari web archive (its property list cannot be read)", name) from exc
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(page, bytes) or main.get("WebResourceMIMEType", "text/html") not in _PAGE_TYPES:
        raise SourceError("a Safari web archive holding no HTML page", name)
    charset = main.get("WebResourceTextEncodingName")
    return _decoded(page, charset if isinstance(charset, str) else None, name)


def _decoded(raw: bytes, charset: str | None, name: str) -> str:
    """An archived page's text: in the ``charset`` its archive names, else its own ``<meta charset>`` (browsers
    name it there only), else UTF-8."""
    if not charset:
        meta = _META_CHARSET.search(raw[:4096])
        charset = meta.group(1).decode("ascii") if meta else "utf-8"
    try:
        return raw.decode(charset, errors="replace")
    except LookupError as exc:
        raise SourceError(f"a web archive whose page cannot be decoded (unknown charset {charset})", name) from exc
