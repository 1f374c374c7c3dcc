"""A small subset of CommonMark rendered by hand: exactly markdown-it's HTML, or None.

Contract: :func:`fast_html` takes a cleaned text (no control characters) and
returns the HTML :func:`qadeck.render.markdown.engine` would give it, or None
when the text leaves the subset: paragraphs; tight ``- item`` lists, not two in
a row; fenced code forming whole blocks (highlighted as the engine does);
inline code with single backticks; ``**strong**`` and ``*em*`` whose
delimiters open or close unambiguously (CommonMark's flanking rules), neither
inside the other. Anything else (links, math, tables, entities, line breaks,
a list right after a line of text…) is refused, never guessed.

Why it exists: markdown-it costs a third of a millisecond or more per answer,
and a cold build of 100,000 cards renders 40,000 Markdown answers; this path
takes most of them in a tenth of that (figures in the README).
``tests/test_render_fast.py`` checks it against the engine on generated texts.
Checks use ``in`` and str methods before any regular expression: a pattern
scanning 400 characters costs several microseconds, ``in`` a tenth.
"""

from __future__ import annotations

import re
import string

from markdown_it.common.utils import isPunctChar, isWhiteSpace

from .highlight import highlight

#: A fence the fast path renders: ```lang (a plain name or nothing), a body in which no line starts
#: with ```, and a bare closing ```. markdown-it reads it the same way.
_FENCE = re.compile(r"^```([A-Za-z0-9_+#-]*)\n((?:(?!```)[^\n]*\n)*?)```$", re.MULTILINE)
#: Whitespace but space and newline: the engine treats it apart at the ends of paragraphs and in
#: emphasis. Tested against str.isspace.
ODD_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_ODD_SPACE = re.compile(f"[{ODD_SPACES}]")
#: Line starts that open a block: indented code, headings, quotes, lists, rules, setext underlines,
#: fences; ``*`` only when it opens emphasis (``**x`` or ``*x``).
_BLOCK_START = re.compile(r"[ #>+=~-]|\d+[.)]|\*(?!\*?[^\s*])")
# Outside code spans: ``<`` that may open an autolink, ``_`` that could open or close emphasis (one
# not between two word characters), an entity the engine would decode.
_LT = re.compile(r"<(?! )")
_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
#: Stands for a code span while emphasis is worked out: a backtick is punctuation to CommonMark.
_CODE = "\x00"


def fast_html(text: str, has_math: bool) -> str | None:
    """The engine's HTML for ``text`` without the engine, or None when unsure.

    ``text`` is cleaned (no control characters); ``has_math`` says whether the
    engine's math rule would find math in it (such texts are refused).
    """
    text = text.strip("\n")
    if not text:
        return ""
    if "\t" in text or "\r" in text or " \n" in text or text.endswith(" ") or has_math:
        return None  # tabs, CR ending a line, trailing spaces making a line break, math
    if "://" in text or "@" in text or "~~" in text or "\\" in text:
        return None  # autolinks, strikethrough, escapes
    if not text.isascii() and _ODD_SPACE.search(text):
        return None
    return _with_fences(text) if "```" in text else _prose(text)


def fast_inline_html(text: str, has_math: bool) -> str | None:
    """The engine's inline HTML (``renderInline``, stripped) for a one-line ``text``, or None."""
    if "\n" in text or "\t" in text or "\r" in text or has_math or text != text.strip(" "):
        return None
    if "://" in text or "@" in text or "~~" in text or "\\" in text:
        return None
    if not text.isascii() and _ODD_SPACE.search(text):
        return None
    if "``" in text or "***" in text or "[" in text or "]" in text:
        return None
    return _inline(text, "<" in text or "_" in text or "&" in text)


def _with_fences(text: str) -> str | None:
    parts: list[str] = []
    start = 0
    for m in _FENCE.finditer(text):
        begin, end = m.span()
        if begin and not (begin >= 2 and text[begin - 2 : begin] == "\n\n"):
            return None  # a fence inside a paragraph or a list
        if end < len(text) and not text.startswith("\n\n", end):
            return None
        prose = text[start:begin].strip("\n")
        if prose:
            before = _prose(prose)
            if before is None:
                return None
            parts.append(before)
        lang, body = m.groups()
        parts.append(highlight(body, lang) or _plain_code(body, lang))
        start = end
    prose = text[start:].strip("\n")
    if prose:
        after = _prose(prose)
        if after is None:
            return None
        parts.append(after)
    return "\n".join(parts)


def _plain_code(body: str, lang: str) -> str:
    attrs = f' class="language-{lang}"' if lang else ""
    return f"<pre><code{attrs}>{_escape(body)}</code></pre>"


def _escape(text: str) -> str:
    """markdown-it's ``escapeHtml``; most text needs none of it."""
    if "&" in text or "<" in text or ">" in text or '"' in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text


def _prose(text: str) -> str | None:
    """Paragraphs and lists, no fence: a run of backticks left in ``text`` is refused."""
    if "|" in text or "``" in text or "***" in text or "[" in text or "]" in text:
        return None  # tables, long code spans and fences, mixed emphasis, links
    risky = "<" in text or "_" in text or "&" in text
    parts: list[str] = []
    after_list = False  # a list right after a list, across a blank line, is one loose list
    for block in _PARAGRAPH_BREAK.split(text) if "\n\n\n" in text else text.split("\n\n"):
        # A list may follow a paragraph's last line directly: in CommonMark an item interrupts it.
        listed = 0 if block.startswith("- ") else block.find("\n- ") + 1
        if listed:
            paragraph = _paragraph(block[: listed - 1], risky)
            if paragraph is None:
                return None
            parts.append(paragraph)
            after_list = False
        if listed or block.startswith("- "):
            if after_list:
                return None
            items = _list(block[listed:], risky)
            if items is None:
                return None
            parts.append(items)
            after_list = True
        else:
            paragraph = _paragraph(block, risky)
            if paragraph is None:
                return None
            parts.append(paragraph)
            after_list = False
    return "\n".join(parts)


def _paragraph(block: str, risky: bool) -> str | None:
    if _BLOCK_START.match(block) or ("\n" in block and any(_BLOCK_START.match(line) for line in block.split("\n"))):
        return None
    paragraph = _inline(block, risky)
    return None if paragraph is None else f"<p>{paragraph}</p>"


def _list(block: str, risky: bool) -> str | None:
    """A tight list of ``- `` items, one line each."""
    items = []
    for line in block.split("\n"):
        if not line.startswith("- ") or _BLOCK_START.match(line, 2):
            return None
        item = _inline(line[2:], risky)
        if item is None:
            return None
        items.append(item)
    return "<ul>\n<li>" + "</li>\n<li>".join(items) + "</li>\n</ul>"


def _inline(text: str, risky: bool) -> str | None:
    """Inline HTML of a paragraph or list item; code spans are set aside first, as CommonMark does.

    ``risky``: whether the prose holds ``<``, ``_`` or ``&`` anywhere (code included).
    """
    if not ("`" in text or "*" in text or risky or ">" in text or '"' in text):
        return text  # nothing to escape or mark up: the text is its own HTML
    codes: list[str] = []
    if "`" in text:
        pieces = text.split("`")
        if not len(pieces) % 2:
            return None  # a lone backtick
        codes = pieces[1::2]
        text = _CODE.join(pieces[::2])
    if risky:
        if ("<" in text and _LT.search(text)) or ("_" in text and _UNDERSCORE.search(text)):
            return None
        if "&" in text and _ENTITY.search(text):
            return None
    if "*" in text:
        emphasised = _emphasis(text)
        if emphasised is None:
            return None
        text = emphasised
    else:
        text = _escape(text)
    if codes:
        rest = text.split(_CODE)
        text = rest[0] + "".join(f"<code>{_code_span(code)}</code>{after}" for code, after in zip(codes, rest[1:]))
    return text


def _code_span(code: str) -> str:
    """CommonMark's code span content: line ends become spaces, one space each side is stripped."""
    code = code.replace("\n", " ")
    if len(code) >= 2 and code[0] == " " and code[-1] == " " and code.strip(" "):
        code = code[1:-1]
    return _escape(code)


#: What CommonMark's flanking rules see in a character: 0 whitespace, 1 punctuation, 2 other.
#: ASCII ones are looked up (tab and CR never reach here); the rest asked of markdown-it's own tests.
_ASCII_KIND = {chr(c): 0 if chr(c) in " \n" else 1 if chr(c) in string.punctuation else 2 for c in range(128)}
_ASCII_KIND[_CODE] = 1


def _kind(char: str) -> int:
    kind = _ASCII_KIND.get(char)
    if kind is None:
        kind = 0 if isWhiteSpace(ord(char)) else 1 if isPunctChar(char) else 2
    return kind


def _emphasis(text: str) -> str | None:
    """``text`` escaped, with ``**strong**`` and ``*em*`` marked up; None unless every run of ``*``
    either only opens or only closes, and they pair off in order (open, close) by length.

    With that, markdown-it's delimiter algorithm can only pair them the same way.
    """
    runs: list[tuple[int, int]] = []  # (start, length)
    pos = text.find("*")
    while pos != -1:
        end = pos
        while end < len(text) and text[end] == "*":
            end += 1
        runs.append((pos, end - pos))
        pos = text.find("*", end)
    if len(runs) % 2:
        return None
    out: list[str] = []
    last = 0
    for n, (start, length) in enumerate(runs):
        if length > 2:
            return None
        before = _kind(text[start - 1]) if start else 0
        after = _kind(text[start + length]) if start + length < len(text) else 0
        left = after == 2 or (after == 1 and before != 2)
        right = before == 2 or (before == 1 and after != 2)
        opening = n % 2 == 0
        if (left, right) != (opening, not opening):
            return None
        if not opening and length != runs[n - 1][1]:
            return None
        tag = "strong" if length == 2 else "em"
        out.append(_escape(text[last:start]))
        out.append(f"<{tag}>" if opening else f"</{tag}>")
        last = start + length
    out.append(_escape(text[last:]))
    return "".join(out)
