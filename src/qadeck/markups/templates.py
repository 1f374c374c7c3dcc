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
#: defaults are placeholders the merchant replaces), script and style.
_DROPPED_BLOCKS = re.compile(
    r"\{%-?\s*(comment|schema|javascript|stylesheet)\b.*?%\}.*?\{%-?\s*end\1\s*-?%\}", re.DOTALL | re.IGNORECASE)
#: The template's own code, comments and output: PHP's (a file of PHP alone, its ``<?php`` never closed, is code to its
#: end), JSP, ASP, EJS and ERB scriptlets (``<%-- --%>`` first: it may hold
#: ``%>``), Jinja, Nunjucks, Liquid and Twig tags, comments and output, Handlebars' and Mustache's comments, blocks,
#: partials and output (``{{{ }}}`` before ``{{ }}``).
_CODE = re.compile(
    r"<\?php\b.*?(?:\?>|\Z)|<\?.*?\?>|<%--.*?--%>|<%.*?%>|\{#.*?#\}|\{%.*?%\}|\{\{!--.*?--\}\}|\{\{\{.*?\}\}\}|\{\{.*?\}\}", re.DOTALL)
#: An element a template fills in and nothing else (``<h3>{{ entry.question }}</h3>``), empty once its code is out:
#: a heading of nothing is no question.
_EMPTIED = re.compile(r"<(h[1-6]|dt|dd|p|div|span|button|summary|li|a|strong|b|em)\b[^>]*>\s*</\1\s*>", re.IGNORECASE)
#: A site generator's front matter: YAML between ``---`` lines at the very top.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
#: Where a template's own code could start: a text holding none of these is the page as it stands.
_MARKS = ("<?", "<%", "{%", "{{", "{#")


def to_markdown(text: str) -> str:
    """``text``, a page template, as the Markdown of the page it writes."""
    title = ""
    front = _FRONT_MATTER.match(text)
    if front:
        found = _TITLE.search(front.group(1))
        title = found.group(1).strip("'\"") if found else ""
        text = text[front.end():]
    if any(mark in text for mark in _MARKS):
        text = _CODE.sub("", _DROPPED_BLOCKS.sub("", text))
        emptied = _EMPTIED.sub("", text)
        while emptied != text:  # an element holding only emptied ones is empty in turn
            text, emptied = emptied, _EMPTIED.sub("", emptied)
    if title and "<title" not in text.lower():
        text = f"<title>{html_entities.escape(title)}</title>{text}"
    return html.to_markdown(text)
