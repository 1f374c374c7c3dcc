"""A card's words without its markup: what tagging reads.

Contract: :func:`unmarked` returns a text with the markup that is never the
card's words taken out, its words left where they were: what
:func:`without_cloze_or_math` takes out, and code fences with their info
strings, link targets and URLs, HTML tags, comments and entities. Code stays
(``kubectl`` in an answer's code names its subject). Key phrases read it, so
``{{c1::…}}`` never makes a topic ``c1``, nor ``$\\begin{pmatrix}…$`` one ``pmatrix``.

:func:`without_cloze_or_math` takes out only cloze markers with their numbers
and hints (the deleted text stays: it is content) and math with TeX
environments: the markup whose words are never the card's, wherever they land.
A taxonomy's keyword rules and the difficulty rules read that: a keyword the user
chose that matches a fence's info string or a link (```` ```dockerfile ````,
``kubernetes.io``) names what the code or the link is about, and each further
check would cost every card of a build a few substring tests more.

Math goes whole rather than down to its plain words: the words in a formula are
variable and operator names (``x``, ``ii``, ``tr``, ``max``) and TeX's (``frac``,
``log``, ``text``); the card's subject is in the prose around it, and ``\\log``
read as a word would tag a card on logarithms with logging.

Every step runs only on text holding the character its markup needs (most
cards hold none), so a plain card costs a few substring tests.
"""

from __future__ import annotations

import re

from ..cloze import revealed
from ..render import FENCED_CODE, MATH

#: Math, and a TeX environment MathJax typesets outside math; code spans and fences, which hold
#: no math (``$HOME`` in a shell line), are matched first where they start first, and kept.
_MATH_OR_CODE = re.compile(
    rf"(?P<code>{FENCED_CODE}|(?P<ticks>`+)[^\n]*?(?P=ticks))"
    rf"|{MATH}|\\begin\{{(?P<env>[a-zA-Z]+\*?)\}}.*?\\end\{{(?P=env)\}}",
    re.DOTALL | re.MULTILINE,
)
#: A code fence with its info string (``python`` in ```` ```python ````); the code stays.
_FENCE = re.compile(r"```[^\n`]*|~~~[^\n~]*")
#: An HTML comment, or a tag: ``<`` then a letter or ``/`` (``a < b`` is no tag).
_HTML = re.compile(r"<!--.*?-->|</?[a-zA-Z][^<>\n]*>", re.DOTALL)
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
#: A URL, or a Markdown link's target (``](…)``, the link's text stays).
_LINK = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+|\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")


def without_cloze_or_math(text: str) -> str:
    """``text`` without cloze markers and hints, math and TeX environments, its words where they were."""
    # A test for one character costs a fraction of one for several: those come second.
    if "{" in text and "{{c" in text:
        text = revealed(text)  # as the card's back shows it: "{{c1::Mito}}chondria" is one word
    if "$" in text or "\\" in text:
        text = _MATH_OR_CODE.sub(_keep_code, text)
    return text


def unmarked(text: str) -> str:
    """``text`` without its markup (see the module's docstring), its words where they were."""
    text = without_cloze_or_math(text)
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        text = _FENCE.sub(" ", text)
    if "<" in text:
        text = _HTML.sub(" ", text)
    if "&" in text:
        text = _ENTITY.sub(" ", text)
    if ("/" in text and "://" in text) or ("]" in text and "](" in text):
        text = _LINK.sub(" ", text)
    return text


def _keep_code(match: re.Match[str]) -> str:
    return match.group() if match.group("code") is not None else " "
