"""mdsvex pages (``.svx``: Markdown in a SvelteKit site, ``src/routes/faq/+page.svx``) as Markdown, line for line.

A page is Markdown with Svelte in it: its ``<script>`` and ``<style>`` blocks and its ``<svelte:head>`` (the
page's title and meta tags) are code, and the lines of Svelte's logic blocks (``{#if …}``, ``{:else}``,
``{/each}``, ``{@html …}``) are no text either. The rest is read as MDX is (:mod:`.mdx`): a line that is
one component's tag is layout, and an ``<Accordion title="…">`` folds an answer under its question.
"""

from __future__ import annotations

import re

from . import mdx

#: A block whose lines are code or the page's head: its opening tag, at a line's start.
_CODE_BLOCK = re.compile(r"^\s*<(script|style|svelte:head)\b[^>]*>", re.IGNORECASE)
#: A line that is one Svelte logic tag.
_LOGIC = re.compile(r"^\s*\{[#:/@][^{}]*\}\s*$")


def to_markdown(text: str) -> str:
    if "<" not in text and "{" not in text:
        return mdx.to_markdown(text)
    lines = text.split("\n")
    closing = ""  # the closing tag of the open code block
    for index, line in enumerate(lines):
        if closing:
            if closing in line.lower():
                closing = ""
            lines[index] = ""
            continue
        block = _CODE_BLOCK.match(line)
        if block:
            end = f"</{block.group(1).lower()}>"
            closing = "" if end in line.lower() else end
            lines[index] = ""
        elif line.lstrip()[:1] == "{" and _LOGIC.match(line):
            lines[index] = ""
    return mdx.to_markdown("\n".join(lines))
