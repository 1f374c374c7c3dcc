"""Math typeset for the preview page: the ``\\(…\\)`` and ``\\[…\\]`` a note holds, as MathML.

Contract: :func:`typeset` takes a card's HTML (as the package holds it, math left as MathJax's
delimiters with its TeX HTML-escaped) and returns it with each formula in text, outside ``<pre>``
and ``<code>`` (which Anki's MathJax leaves alone too), replaced by a ``<math>`` element. Only
the page changes: Anki typesets the package's notes with its own MathJax.

Why MathML made here rather than MathJax in the page: browsers draw MathML themselves (MathML
Core: Chromium, Firefox, Safari), so the page stays one file with one small script that loads
nothing, and the work is done once when the page is written, not for every card the browser shows.
``latex2mathml`` does the conversion. Its output is not trusted: it copies ``\\text{…}`` into
the markup unescaped and turns ``\\href``, ``\\style`` and ``\\class`` into attributes. So it is
parsed and written again here, keeping only MathML elements and presentation attributes; a
formula with anything else, an unknown command, or TeX the converter rejects stays as the source
text it was (escaped, as the note has it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from html import escape, unescape

from latex2mathml.converter import convert

from ..render import MATH_HTML

_FORMULA = re.compile(MATH_HTML, re.DOTALL)
#: Where no formula is looked for: a tag, or a ``<pre>`` or ``<code>`` element whole.
_SKIPPED = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>|<[^>]*>", re.DOTALL | re.IGNORECASE)
_MATHML = "{http://www.w3.org/1998/Math/MathML}"
#: The MathML elements a formula may hold (presentation MathML: MathML Core and what browsers draw).
ELEMENTS = frozenset({
    "math", "mrow", "mi", "mn", "mo", "mtext", "ms", "mspace", "msub", "msup", "msubsup", "munder",
    "mover", "munderover", "mmultiscripts", "mprescripts", "none", "mfrac", "msqrt", "mroot",
    "mstyle", "mpadded", "mphantom", "menclose", "mtable", "mtr", "mtd", "merror",
})
#: Their presentation attributes: none names a resource, a style, a class or a handler.
ATTRIBUTES = frozenset({
    "display", "displaystyle", "scriptlevel", "mathvariant", "mathsize", "fence", "separator",
    "stretchy", "symmetric", "largeop", "movablelimits", "accent", "accentunder", "form", "lspace",
    "rspace", "minsize", "maxsize", "width", "height", "depth", "voffset", "linethickness",
    "notation", "columnalign", "rowalign", "columnlines", "rowlines", "columnspacing", "rowspacing",
    "frame", "framespacing", "equalrows", "equalcolumns", "columnspan", "rowspan", "linebreak",
    "mathcolor", "mathbackground",
})
#: Attribute values are words, numbers, lengths and colours: nothing that names a resource.
_VALUE = re.compile(r"[\w#.%+\- ]*")
#: A command latex2mathml does not know, which it keeps as a name (``<mi>\foo</mi>``).
_UNKNOWN = re.compile(r"\\[A-Za-z]")


class Untypeset(ValueError):
    """A formula that is not shown as MathML (the reason in the message)."""


def typeset(html: str) -> str:
    """``html`` with its formulas as MathML; one that cannot be stays as its source text."""
    if "\\(" not in html and "\\[" not in html:
        return html
    out: list[str] = []
    at = 0
    for skipped in _SKIPPED.finditer(html):
        out.append(_formulas(html[at : skipped.start()]))
        out.append(skipped.group())
        at = skipped.end()
    out.append(_formulas(html[at:]))
    return "".join(out)


def _formulas(text: str) -> str:
    """A run of text (no tags) with each formula in it typeset."""
    if "\\(" not in text and "\\[" not in text:
        return text
    return _FORMULA.sub(_formula, text)


def _formula(match: re.Match[str]) -> str:
    display = match.group("display") is not None
    try:
        return mathml(unescape(match.group("display" if display else "inline")), display)
    except Untypeset:
        return match.group()


@lru_cache(maxsize=8192)
def mathml(tex: str, display: bool = False) -> str:
    """The ``<math>`` element of ``tex``, its source kept as an annotation (so a search finds it);
    raises :class:`Untypeset` when it cannot be shown safely and faithfully."""
    try:
        made = convert(tex, display="block" if display else "inline")
        root = ET.fromstring(made)
    except Exception as error:  # the converter's own errors, and markup it writes that is not XML
        raise Untypeset(f"{tex!r}: {error}") from error
    body = "".join(_write(child) for child in root)
    annotation = f'<annotation encoding="application/x-tex">{escape(tex, quote=False)}</annotation>'
    mode = "block" if display else "inline"
    return f'<math display="{mode}"><semantics><mrow>{body}</mrow>{annotation}</semantics></math>'


def _write(node: ET.Element) -> str:
    """``node`` written again as MathML, checked element by element (see the module docstring)."""
    name = node.tag.removeprefix(_MATHML)
    if name not in ELEMENTS or name == "math":
        raise Untypeset(f"element {name!r}")
    text = node.text or ""
    if name in ("mi", "mo") and _UNKNOWN.match(text):
        raise Untypeset(f"unknown command {text}")
    attributes = []
    for key, value in node.attrib.items():
        if key not in ATTRIBUTES or not _VALUE.fullmatch(value):
            raise Untypeset(f"attribute {key}={value!r}")
        attributes.append(f' {key}="{escape(value)}"')
    inner = escape(text, quote=False) + "".join(
        _write(child) + escape(child.tail or "", quote=False) for child in node)
    return f"<{name}{''.join(attributes)}>{inner}</{name}>"
