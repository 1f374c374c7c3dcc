"""MediaWiki markup as Markdown, line for line.

``== Title ==`` lines become headings; ``#`` lists numbered ones, ``;term``
a bold term; ``<pre>``/``<syntaxhighlight>``/``<source>`` blocks fenced code;
templates (``{{…}}``) and magic words go. Wiki links show their text;
``'''strong'''`` and ``''emphasis''`` become Markdown's. A Google Code wiki page, which shares the
``.wiki`` extension, is :mod:`.googlecode`'s.
"""

from __future__ import annotations

import re

from . import googlecode

_TITLE = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")
_LIST = re.compile(r"^([#*:;]+)\s*(.*)$")
_CODE_OPEN = re.compile(r"^\s*<(pre|syntaxhighlight|source)(?:\s+[^>]*?lang=\"?(\w+)\"?[^>]*)?[^>]*>\s*(.*)$", re.I)
_CODE_CLOSE = re.compile(r"</(pre|syntaxhighlight|source)>\s*$", re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_MAGIC = re.compile(r"__[A-Z]+__")
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]+)\]\]")
_URL_LINK = re.compile(r"\[(https?://\S+)\s+([^\]]+)\]")
_STRONG = re.compile(r"'''(.+?)'''")
_EMPHASIS = re.compile(r"''(.+?)''")


def to_markdown(text: str) -> str:
    if text.lstrip()[:1] == "#" and googlecode.opens_page(text):
        return googlecode.to_markdown(text)
    lines = text.split("\n")
    out = list(lines)
    code = False
    for index, line in enumerate(lines):
        if code:
            if _CODE_CLOSE.search(line):
                out[index] = _CODE_CLOSE.sub("", line).rstrip()
                out[index] = (out[index] + "\n```") if out[index].strip() else "```"
                code = False
            continue
        opened = _CODE_OPEN.match(line)
        if opened and not _CODE_CLOSE.search(line):
            code = True
            rest = opened.group(3)
            out[index] = f"```{opened.group(2) or ''}" + (f"\n{rest}" if rest.strip() else "")
            continue
        title = _TITLE.match(line)
        if title:
            out[index] = "#" * len(title.group(1)) + " " + _inline(title.group(2))
            continue
        listed = _LIST.match(line)
        if listed and listed.group(1) != "*":  # one "*" is a Markdown bullet as it is
            out[index] = _list_line(listed.group(1), _inline(listed.group(2)))
        elif line.strip():
            out[index] = _inline(line)
    return "\n".join(out)


def _list_line(marks: str, text: str) -> str:
    depth = "    " * (len(marks) - 1)
    last = marks[-1]
    if last == "#":
        return f"{depth}1. {text}"
    if last == "*":
        return f"{depth}- {text}"
    if last == ";":
        term, _, definition = text.partition(" : ")
        return f"**{term.strip()}**" + (f": {definition.strip()}" if definition else "")
    return text  # ":" indents a reply or a definition: its text is what matters


def _inline(text: str) -> str:
    if "{{" in text:
        text = _TEMPLATE.sub("", text)
    if "__" in text:
        text = _MAGIC.sub("", text)
    if "[" in text:
        text = _WIKI_LINK.sub(r"\1", text)
        text = _URL_LINK.sub(r"[\2](\1)", text)
    if "''" in text:
        text = _STRONG.sub(r"**\1**", text)
        text = _EMPHASIS.sub(r"*\1*", text)
    return text
