"""Perl's POD as Markdown, line for line.

``=headN`` commands become level-N headings (an ``A:`` heading right under a ``Q:`` one is its answer's first
paragraph) and ``=item`` list items;
``=over``/``=back``/``=cut`` and the like are bookkeeping; ``=begin``…``=end``
regions are for other formatters and go. A paragraph that opens with
whitespace is verbatim: consecutive ones become one fenced code block.
Formatting codes (``C<…>``, ``B<…>``, ``L<…>``, ``E<…>``, also ``C<< … >>``)
become Markdown.
"""

from __future__ import annotations

import re

from .blocks import code_span, fence

_COMMAND = re.compile(r"^=([a-zA-Z]\w*)\s*(.*)$")
_ENTITIES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/", "quot": '"', "amp": "&", "apos": "'"}
_CODE_START = re.compile(r"[A-Z]<")
_NUMBERED_ITEM = re.compile(r"^(\d+)\.?\s*(.*)$")


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    skipping = ""  # inside "=begin FORMAT" … "=end FORMAT"
    index = 0
    while index < len(lines):
        line = lines[index]
        command = _COMMAND.match(line)
        if skipping:
            out[index] = ""
            if command and command.group(1) == "end":
                skipping = ""
            index += 1
            continue
        if command:
            index = _command(lines, out, index, command)
            continue
        if line[:1] in (" ", "\t") and line.strip() and (index == 0 or not lines[index - 1].strip()):
            index = _verbatim(lines, out, index)
            continue
        if line.strip():
            out[index] = _codes(line)
        index += 1
    return "\n".join(out)


def _command(lines: list[str], out: list[str], index: int, command: re.Match[str]) -> int:
    """A command paragraph (it may run over several lines); the index after it."""
    end = index + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    name = command.group(1)
    text = " ".join([command.group(2), *(line.strip() for line in lines[index + 1 : end])]).strip()
    for k in range(index, end):
        out[k] = ""
    if name.startswith("head") and name[4:].isdigit():
        answers = _ANSWER_HEAD.match(text) and _under_question(out, index)
        out[index] = _codes(text) if answers else "#" * min(int(name[4:]), 6) + " " + _codes(text)
    elif name == "item":
        out[index] = _item(text)
    elif name == "begin":
        return _skip_region(lines, out, end)
    elif name == "for":
        return end
    return end


#: A heading that gives an answer ("=head2 A: No."), as some FAQs set both question and answer as headings.
_ANSWER_HEAD = re.compile(r"(?:A|Answer)\s*:\s")
_QUESTION_HEAD = re.compile(r"#+ (?:Q|Question)\s*:\s")


def _under_question(out: list[str], index: int) -> bool:
    """Is the last text above ``index`` a heading that asks with a ``Q:``? Then an answer heading below it is
    its answer's first paragraph (``A: No.``), not a section of its own."""
    for line in reversed(out[:index]):
        if line.strip():
            return bool(_QUESTION_HEAD.match(line))
    return False


def _skip_region(lines: list[str], out: list[str], index: int) -> int:
    while index < len(lines):
        out[index] = ""
        if lines[index].startswith("=end"):
            return index + 1
        index += 1
    return index


def _item(text: str) -> str:
    if text in ("", "*", "o"):
        return ""  # the item's text is the paragraph below it
    if text.startswith("* ") or text.startswith("o "):
        return "- " + _codes(text[2:])
    numbered = _NUMBERED_ITEM.match(text)
    if numbered and numbered.group(2):
        return f"{numbered.group(1)}. {_codes(numbered.group(2))}"
    return "- " + _codes(text)


def _verbatim(lines: list[str], out: list[str], index: int) -> int:
    """Verbatim paragraphs from ``index``, joined across blank lines, as one fenced block."""
    end = index
    last = index
    while end < len(lines):
        line = lines[end]
        if line.strip():
            if line[:1] not in (" ", "\t"):
                break
            last = end + 1
        end += 1
    fence(out, index, last)
    return last


#: Formatting codes nest this deep at most in real POD; deeper ones are left as written.
_DEEPEST = 20


def _codes(text: str, level: int = 0) -> str:
    """Formatting codes as Markdown; unbalanced ones, and ones nested past :data:`_DEEPEST`, are left as written."""
    if level > _DEEPEST or not _CODE_START.search(text):
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        match = _CODE_START.search(text, index)
        if not match:
            out.append(text[index:])
            break
        out.append(text[index : match.start()])
        parsed = _one_code(text, match.start(), level)
        if parsed is None:
            out.append(text[match.start() : match.end()])
            index = match.end()
        else:
            rendered, index = parsed
            out.append(rendered)
    return "".join(out)


def _one_code(text: str, start: int, level: int) -> tuple[str, int] | None:
    """The code at ``start`` rendered, and the index after it (None when it is not closed)."""
    letter = text[start]
    opening = start + 1
    count = 0
    while opening + count < len(text) and text[opening + count] == "<":
        count += 1
    content_start = opening + count
    if count > 1 and text[content_start : content_start + 1].isspace():
        close = text.find(" " + ">" * count, content_start)
        if close < 0:
            return None
        inner, after = text[content_start:close].strip(), close + 1 + count
    else:
        depth, k = 1, content_start
        while k < len(text):
            if text[k] == "<" and k > 0 and text[k - 1].isupper():
                depth += 1
            elif text[k] == ">":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        if depth:
            return None
        inner, after = text[content_start:k], k + 1
    return _render(letter, inner, level), after


def _render(letter: str, inner: str, level: int) -> str:
    if letter == "E":
        if inner.isdigit():
            return chr(int(inner))
        if inner.lower().startswith("0x"):
            return chr(int(inner, 16))
        return _ENTITIES.get(inner, inner)
    if letter in "XZ":
        return ""
    content = _codes(inner, level + 1)
    if letter == "C":
        return code_span(content)
    if letter == "B":
        return f"**{content}**" if content.strip() else content
    if letter in "IF":
        return f"*{content}*" if content.strip() else content
    if letter == "L":
        shown, _, target = content.partition("|")
        if target:
            return shown
        name, _, section = shown.partition("/")
        return section.strip('"') or name
    return content
