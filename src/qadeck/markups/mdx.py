"""MDX (Markdown with JSX: Docusaurus, Mintlify, Nextra pages) as Markdown, line for line.

``import`` and ``export`` lines are the page's module code, and ``{/* … */}``
lines its comments: neither is text. A line that is only a component's tag
(``<Tabs>``, ``</TabItem>``, ``<Note />``; JSX names start with a capital) is
layout around text, not text: it goes, what it wraps stays, dedented by the
indent the component gave it (Markdown would read four spaces as code). A
collapsible component with a title (``<Accordion title="How do I …?">`` …
``</Accordion>``) is how these sites write a FAQ entry, what ``<details>`` is
in Markdown: it becomes ``<details><summary>How do I …?</summary>`` …
``</details>``. Code fences are left alone. The Markdown pass
(:mod:`.markdown`) follows.
"""

from __future__ import annotations

import re

from . import markdown

_MODULE = re.compile(r"^(?:import|export)\s")
_COMMENT = re.compile(r"^\s*\{/\*.*\*/\}\s*$")
#: A line that is one component tag: opening (with attributes), closing or self-closing.
_TAG = re.compile(r"""^(\s*)<(/?)([A-Z][\w.]*)((?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*(/?)>\s*$""")
_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})""")
#: Components that fold an answer under its question (compared lower case, dots dropped).
_COLLAPSIBLE = frozenset({"accordion", "expandable", "collapse", "collapsible", "details", "disclosure", "faqitem"})
_FENCE = re.compile(r"^\s*(```|~~~)")


def to_markdown(text: str) -> str:
    if "<" not in text and "import" not in text and "export" not in text:
        return markdown.to_markdown(text)
    original = text.split("\n")
    lines = list(original)
    opened: list[tuple[int, bool]] = []  # index of each open component's tag line, and whether it folds
    strip: dict[int, int] = {}  # line index -> the indent of the innermost component around it
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        if found := _FENCE.match(line):
            fence = found.group(1)
            continue
        if not opened and _MODULE.match(line) or _COMMENT.match(line):
            lines[index] = ""
            continue
        tag = _TAG.match(line)
        if not tag:
            continue
        indent, closing, name, attributes, alone = tag.groups()
        if closing:
            folded = False
            if opened:
                start, folded = opened.pop()
                _inside(original, start + 1, index, strip)
            lines[index] = f"{indent}</details>" if folded else ""
            continue
        folds = not alone and name.replace(".", "").lower() in _COLLAPSIBLE
        title = _TITLE.search(attributes) if folds else None
        if title:
            question = next(group for group in title.groups() if group is not None)
            lines[index] = f"{indent}<details><summary>{question}</summary>"
        else:
            lines[index] = ""
        if not alone:
            opened.append((index, title is not None))
    for index, width in strip.items():
        line = lines[index]
        lines[index] = line[min(width, len(line) - len(line.lstrip(" \t"))) :]
    return markdown.to_markdown("\n".join(lines))


def _inside(original: list[str], start: int, end: int, strip: dict[int, int]) -> None:
    """Lines ``start`` to ``end`` (excluded) are a component's: the indent they share as written comes off.

    Components close innermost first, so a line inside nested ones keeps the innermost's indent,
    which counts the outer ones' too; code keeps its own indentation beyond it.
    """
    body = [line for line in original[start:end] if line.strip()]
    width = min((len(line) - len(line.lstrip(" \t")) for line in body), default=0)
    for index in range(start, end):
        strip.setdefault(index, width)
