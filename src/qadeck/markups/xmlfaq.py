"""FAQ files in XML (DocBook ``<qandaset>``, Apache Forrest ``<faqs>``) as Markdown ``<details>`` blocks.

Both write each entry as a ``<question>`` followed by its ``<answer>``, grouped
under ``<title>``s (a chapter's, a ``<qandadiv>``'s, a Forrest ``<part>``'s).
Each entry becomes a ``<details>`` block whose summary is the question, what
the ``details`` layout reads whatever the question says (FAQ entries are often
statements); each title becomes a heading, the entries' section. The markup
inside is DocBook's: paragraphs, program listings, lists, emphasis, links and
the inline code elements are mapped to their HTML names and converted as HTML
is. The file is scanned, never parsed as XML: no entity is expanded and
nothing the file names is fetched. A file with no question and answer is left
as it is. Flashcard apps' exports (SuperMemo, Mnemosyne) are read by :mod:`.cardxml`, Moodle question banks by
:mod:`.moodlexml`, QTI quizzes (Canvas, Blackboard) by :mod:`.qti`. Line numbers are the Markdown's.
"""

from __future__ import annotations

import html
import re

from ..parsers.markup import html_to_markdown, inline_text
from . import cardxml, moodlexml, qti

_ENTRY = re.compile(
    r"<title\b[^>]*>(?P<title>.*?)</title\s*>"
    r"|<question\b[^>]*>(?P<question>.*?)</question\s*>\s*(?:<answer\b[^>]*>(?P<answer>.*?)</answer\s*>)?",
    re.DOTALL,
)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: Elements whose text keeps its lines and spaces; elsewhere a run of whitespace is one space, as in HTML.
_VERBATIM = re.compile(r"(<(programlisting|screen|literallayout|synopsis)\b.*?</\2\s*>)", re.DOTALL)
_SPACE = re.compile(r"\s+")
_BOLD_SPAN = re.compile(r"""<emphasis\b[^>]*\brole=(["'])(?:bold|strong)\1[^>]*>(.*?)</emphasis\s*>""", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][\w.-]*)([^<>]*?)(/?)>")
_URL = re.compile(r"""\b(?:url|href)=(["'])(.*?)\1""")
_LINKEND = re.compile(r"""\blinkend=(["'])(.*?)\1""")
#: DocBook element -> the HTML element it reads as; others leave their text only.
_AS_HTML = {
    "para": "p", "simpara": "p", "formalpara": "div", "programlisting": "pre", "screen": "pre",
    "literallayout": "pre", "synopsis": "pre", "itemizedlist": "ul", "orderedlist": "ol", "listitem": "li",
    "variablelist": "dl", "term": "dt", "emphasis": "em", "citetitle": "em", "quote": "q",
    "note": "blockquote", "tip": "blockquote", "warning": "blockquote", "important": "blockquote",
    "caution": "blockquote", "blockquote": "blockquote", "sect1": "div", "section": "div",
    **dict.fromkeys(
        ("varname", "command", "filename", "literal", "function", "classname", "code", "option", "parameter",
         "type", "constant", "envar", "userinput", "computeroutput", "systemitem", "methodname", "structname",
         "replaceable", "markup", "tag", "prompt", "keycap", "application"),
        "code",
    ),
}


def to_markdown(text: str) -> str:
    if cardxml.is_flashcards(text):
        return cardxml.to_markdown(text)
    if moodlexml.is_quiz(text):
        return moodlexml.to_markdown(text)
    if qti.is_qti(text):
        return qti.to_markdown(text)
    if "<question" not in text:
        return text
    out: list[str] = []
    for found in _ENTRY.finditer(_COMMENT.sub("", text)):
        if found.group("title") is not None:
            title = inline_text(_as_html(found.group("title")))
            if title:
                out += [f"## {title}", ""]
            continue
        question = inline_text(_as_html(found.group("question")))
        if not question:
            continue
        answer = html_to_markdown(_as_html(found.group("answer") or "")).strip()
        out += [f"<details><summary>{html.escape(question, quote=False)}</summary>", "", answer, "", "</details>", ""]
    return "\n".join(out) + "\n" if out else text


def _as_html(fragment: str) -> str:
    """DocBook markup as the HTML it stands for: CDATA escaped, elements renamed, cross-references named."""
    fragment = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), fragment)
    parts = _VERBATIM.split(fragment)  # text, verbatim element, its name, text, ...
    fragment = "".join(
        part if index % 3 == 1 else "" if index % 3 == 2 else _SPACE.sub(" ", part) for index, part in enumerate(parts)
    )
    fragment = _BOLD_SPAN.sub(lambda m: f"<b>{m.group(2)}</b>", fragment)
    return _TAG.sub(_tag, fragment)


def _tag(found: re.Match[str]) -> str:
    closing, name, attributes, alone = found.groups()
    name = name.lower()
    if name == "xref":
        target = _LINKEND.search(attributes)
        return target.group(2) if target else ""
    if name == "ulink":
        if closing:
            return "</a>"
        url = _URL.search(attributes)
        return f'<a href="{html.escape(url.group(2))}">' if url else "<a>"
    if name == "b":
        return f"<{closing}b>"
    mapped = _AS_HTML.get(name)
    if mapped is None:
        return ""
    return f"<{closing}{mapped}{'/' if alone else ''}>"
