"""Textile as Markdown, line for line.

``hN.`` blocks become headings, ``bc.``/``pre.`` blocks fenced code, ``bq.``
a quote; ``#`` lists become numbered ones (a ``#`` line would be a Markdown
heading). A definition list's item (``- term := definition``) becomes the term in bold before its definition, as
a glossary writes it. ``*strong*``, ``_emphasis_``, ``@code@`` and ``"text":url`` links become Markdown's.
"""

from __future__ import annotations

import re

from .blocks import code_span, fence, single_marks

_SIGNATURE = re.compile(r"^(h[1-6]|bc|pre|bq|p|notextile)(?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\]|[<>=]+)*(\.\.?)\s(.*)$")
_LIST = re.compile(r"^([#*]+)\s+(.*)$")
_DEFINITION = re.compile(r"^-\s+(\S[^\n]*?)\s+:=\s*(.*)$")
_CODE = re.compile(r"@(?=\S)([^@\n]+?)(?<=\S)@")
_LINK = re.compile(r'"([^"\n]+)":(\S+[^\s.,;:!?)])')
_IMAGE = re.compile(r"!(?=\S)[^!\s]+!(?::\S+)?")


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        block = _SIGNATURE.match(line)
        end = index + 1
        while end < len(lines) and lines[end].strip():
            end += 1
        if block:
            kind, extended, first = block.group(1), block.group(2) == "..", block.group(3)
            if extended:
                while end < len(lines) and not _SIGNATURE.match(lines[end]):
                    end += 1
                while end > index + 1 and not lines[end - 1].strip():
                    end -= 1
            if kind in ("bc", "pre"):
                out[index] = first
                fence(out, index, end)
                index = end
                continue
            if kind[0] == "h":
                out[index] = "#" * int(kind[1]) + " " + _inline(first)
            elif kind == "bq":
                out[index] = "> " + _inline(first)
            else:
                out[index] = _inline(first)
            for k in range(index + 1, end):
                out[k] = _inline(lines[k])
            index = end
            continue
        listed = _LIST.match(line)
        defined = _DEFINITION.match(line) if line[:1] == "-" else None
        if defined:
            out[index] = f"**{_inline(defined.group(1))}**: {_inline(defined.group(2))}".rstrip()
        elif listed:
            depth = len(listed.group(1)) - 1
            marker = "1." if listed.group(1)[-1] == "#" else "-"
            out[index] = "    " * depth + f"{marker} {_inline(listed.group(2))}"
        elif line.strip():
            out[index] = _inline(line)
        index += 1
    return "\n".join(out)


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text) if "!" in text else text
    if '":' in text:
        text = _LINK.sub(r"[\1](\2)", text)
    if "@" in text:
        text = _CODE.sub(lambda m: code_span(m.group(1)), text)
    return single_marks(text)
