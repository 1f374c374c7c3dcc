"""Markdoc (``.mdoc``, ``.markdoc``: Stripe's Markdown with ``{% tag %}`` tags) as Markdown, line for line.

A line that is one tag (``{% callout type="note" %}``, ``{% /callout %}``, ``{% partial file="x.md" /%}``)
is what an MDX page writes as a component's tag, and is read as one (:mod:`.mdx`): layout around text goes,
and a collapsible tag with a title (``{% collapse title="How do I …?" %}`` … ``{% /collapse %}``, the way
these sites write a FAQ entry) folds its answer under its question. Tags inside a line
(``{% $variable %}``) are left as they are.
"""

from __future__ import annotations

import re

from . import mdx

#: A line that is one tag: its indent, ``/`` when it closes, its name, its attributes, ``/`` when it closes itself.
_TAG_LINE = re.compile(r"^(\s*)\{%\s*(/?)([A-Za-z][\w-]*)(.*?)\s*(/?)%\}\s*$")
#: The attribute that names what a collapsible tag folds (``title``, or ``summary``, ``question``); other
#: attributes say how it looks.
_TITLE = re.compile(r"""\b(?:title|summary|question|label)=("[^"]*"|'[^']*')""")


def to_markdown(text: str) -> str:
    if "{%" in text:
        text = "\n".join(_as_component(line) if "{%" in line else line for line in text.split("\n"))
    return mdx.to_markdown(text)


def _as_component(line: str) -> str:
    tag = _TAG_LINE.match(line)
    if not tag:
        return line
    indent, closing, name, attributes, closed = tag.groups()
    component = "".join(part[:1].upper() + part[1:] for part in name.split("-"))
    title = _TITLE.search(attributes)
    named = f" title={title.group(1)}" if title else ""
    return f"{indent}<{closing}{component}{named}{' /' if closed else ''}>"
