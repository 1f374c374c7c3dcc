"""Web page templates (PHP, JSP, ASP, EJS, ERB, Nunjucks and Jinja, Liquid, Handlebars and Mustache, Twig): a site's
FAQ page kept as the HTML its server or site generator fills in, read as that HTML with the template's own code
taken out.

Contract: :func:`to_markdown` takes a template's text and gives the Markdown of the page it writes, as
:func:`.html.to_markdown` reads a page. What the template computes is not known here: its code, comments and
tags (``<?php … ?>``, ``<% … %>``, ``{% … %}``, ``{{ … }}``, ``{# … #}``) are dropped, both branches of a condition kept, and a
loop's body read once, as written; a page whose questions come from data (``{{ item.question }}``) gives none.
The files a template includes (``<?php include … ?>``, ``{% include … %}``) are never read, and nothing it
holds is run. The front matter a site generator reads (``---`` lines at the top) is no part of the page; its
``title`` is kept as the page's title.
"""

from __future__ import annotations

import html as html_entities
import re

from . import html

#: Blocks whose content is no part of the page: Liquid's comments, and a Shopify section's settings schema (its
#: defaults are placeholders the merchant replaces), script and style. The opening tag; the closing one is
#: ``{% end<name> %}``.
_DROPPED_OPENING = re.compile(r"\{%-?\s*(comment|schema|javascript|stylesheet)\b", re.IGNORECASE)
#: The template's own code, comments and output, each opening mark with what closes it, tried in this order where
#: two open alike: PHP's (a file of PHP alone, its ``<?php`` never closed, is code to its end), JSP, ASP, EJS and ERB
#: scriptlets (``<%-- --%>`` first: it may hold ``%>``), Jinja, Nunjucks, Liquid and Twig comments, tags and output,
#: Handlebars' and Mustache's comments, blocks, partials and output (``{{{ }}}`` before ``{{ }}``).
_CODE_MARKS = (("<?php", "?>"), ("<?", "?>"), ("<%--", "--%>"), ("<%", "%>"), ("{#", "#}"), ("{%", "%}"),
               ("{{!--", "--}}"), ("{{{", "}}}"), ("{{", "}}"))
#: Where one of those marks may open: a text holding none is the page as it stands.
_CODE_OPENING = re.compile(r"<\?|<%|\{[#%{]")
_WORD_CHAR = re.compile(r"\w")
#: An element a template fills in and nothing else (``<h3>{{ entry.question }}</h3>``), empty once its code is out:
#: a heading of nothing is no question.
_EMPTIED = re.compile(r"<(h[1-6]|dt|dd|p|div|span|button|summary|li|a|strong|b|em)\b[^>]*>\s*</\1\s*>", re.IGNORECASE)
#: A site generator's front matter: YAML between ``---`` lines at the very top.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def to_markdown(text: str) -> str:
    """``text``, a page template, as the Markdown of the page it writes."""
    title = ""
    front = _FRONT_MATTER.match(text)
    if front:
        found = _TITLE.search(front.group(1))
        title = found.group(1).strip("'\"") if found else ""
        text = text[front.end():]
    if _CODE_OPENING.search(text):
        text = _without_code(_without_dropped_blocks(text))
        for _ in range(_NESTING):  # an element holding only emptied ones is empty in turn
            emptied = _EMPTIED.sub("", text)
            if emptied == text:
                break
            text = emptied
    if title and "<title" not in text.lower():
        text = f"<title>{html_entities.escape(title)}</title>{text}"
    return html.to_markdown(text)


#: How deep elements emptied of their code are taken out, one level a pass: a page's are a few deep, and a bound
#: keeps a hostile file of thousands of nested elements from costing a pass each.
_NESTING = 8


def _without_code(text: str) -> str:
    """``text`` without the spans :data:`_CODE_MARKS` open and close, in one pass: where a mark's closing one
    is missing after some place it is missing after every later one, so each is looked for to the end once, and a
    file of unclosed marks costs no more than one that closes them. An opening mark never closed stays as text (PHP's
    runs to the end)."""
    out: list[str] = []
    absent: set[str] = set()  # closing marks not found after the place last looked from
    at = 0
    while (found := _CODE_OPENING.search(text, at)) is not None:
        start = found.start()
        end = -1
        for opening, closing in _CODE_MARKS:
            if not text.startswith(opening, start):
                continue
            if opening == "<?php":
                if _WORD_CHAR.match(text, start + len(opening)):
                    continue  # "<?phpx": not PHP's mark
                closed = text.find(closing, start + len(opening))
                end = len(text) if closed < 0 else closed + len(closing)
                break
            if closing in absent:
                continue
            closed = text.find(closing, start + len(opening))
            if closed < 0:
                absent.add(closing)
                continue
            end = closed + len(closing)
            break
        if end < 0:
            out.append(text[at:start + 1])
            at = start + 1
        else:
            out.append(text[at:start])
            at = end
    out.append(text[at:])
    return "".join(out)


def _without_dropped_blocks(text: str) -> str:
    """``text`` without the blocks :data:`_DROPPED_OPENING` opens, up to their ``{% end<name> %}``, in one pass (a
    block whose end is missing after one place is missing after every later one: looked for once)."""
    out: list[str] = []
    absent: set[str] = set()
    at = 0
    while (found := _DROPPED_OPENING.search(text, at)) is not None:
        name = found.group(1).lower()
        ending = None if name in absent else re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}", re.IGNORECASE).search(
            text, found.end())
        if ending is None:
            absent.add(name)
            out.append(text[at:found.end()])
        else:
            out.append(text[at:found.start()])
        at = found.end() if ending is None else ending.end()
    out.append(text[at:])
    return "".join(out)
