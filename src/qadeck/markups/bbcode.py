"""BBCode (forums' markup, and game mods' Steam Workshop and Nexus pages) as Markdown, line for line.

``[h1]``-``[h6]`` become headings; ``[list]``/``[list=1]`` with ``[*]`` items bulleted or numbered lists
(text under an item indented to stay in it); ``[code]`` blocks fenced code (a one-line ``[code]`` an
inline span, as ``[icode]`` and ``[tt]``); ``[quote]`` a Markdown quote; ``[b]``, ``[i]`` and ``[s]``
Markdown's marks. A link keeps its text, its target only as a Markdown link and only when it is a web or
mail address; images go. Tags that only style (size, colour, font, alignment, underline, spoilers,
tables) go and leave their text, so a spoiler reads as what it hides. A tag BBCode does not define
stays as text. Lines are only added where one source line holds several list items or opens a code block
after text.
"""

from __future__ import annotations

import re

from .blocks import code_span

#: Any tag: its name, and its argument (``[url=…]``, ``[list=1]``, ``[img width=30]``).
_TAG = re.compile(r"\[(/?)([a-z][a-z0-9]*|\*)(?:([= ])([^\[\]\n]*))?\]", re.I)
_CODE_OPEN = re.compile(r"\[code(?:=[^\[\]\n]*)?\]", re.I)
_CODE_CLOSE = re.compile(r"\[/code\]", re.I)
#: A span's text runs to its closing tag but never past its own tag opened again (``[b]a [b]b[/b]``: the inner one
#: is the span): a line of a thousand openers never closed is read in one pass, not a pass an opener.
_SPAN_CODE = re.compile(r"\[(code|icode|tt|c|inline)(?:=[^\[\]\n]*)?\]((?:(?!\[\1[=\]]).)+?)\[/\1\]", re.I)
_IMAGE = re.compile(r"\[(img|img_right|img_left|attach)(?:[= ][^\[\]\n]*)?\](?:(?!\[\1[= \]]).)*?\[/\1\]", re.I)
_LINK = re.compile(r"\[url(?:=([^\[\]\n]*))?\]((?:(?!\[url[=\]]).)*?)\[/url\]", re.I)
#: A spoiler's title (``[spoiler="Downloads"]``, ``[spoiler=[b]Why?[/b]]``): shown as text, before what it hides.
_SPOILER_TITLE = re.compile(r"\[spoiler=[\"']?((?:\[[^\[\]\n]*\]|[^\[\]\n])+?)[\"']?\]", re.I)
_EMAIL = re.compile(r"\[email(?:=([^\[\]\n]*))?\]((?:(?!\[email[=\]]).)*?)\[/email\]", re.I)
#: Marks with a Markdown counterpart: paired on one line they become it; a stray one goes.
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "strike": "~~", "del": "~~"}
_PAIRED = {name: re.compile(rf"\[{name}\]([ \t]*)((?:(?!\[{name}\]).)+?)([ \t]*)\[/{name}\]", re.I) for name in _MARKS}
#: Tags that only style or group their text: they go, their text stays.
_STYLE = frozenset({
    "u", "ins", "color", "colour", "size", "font", "center", "left", "right", "justify", "indent", "sub", "sup",
    "highlight", "spoiler", "hide", "collapse", "expand", "noparse", "table", "tr", "td", "th", "thead", "tbody",
    "hr", "br", "youtube", "video", "media", "user", "plain", "heading", "align", "pre", "abbr", "acronym",
})
_LISTS = frozenset({"list", "ul", "ol"})
#: The deepest lists and quotes are nested: each level indents every line under it, so a file opening thousands
#: would write its text thousands of times over.
_DEEPEST = 8
_HEADING = re.compile(r"h([1-6])$", re.I)
#: Link targets kept: web and mail addresses, and addresses with no scheme (``steamcommunity.com/…``).
_SAFE_TARGET = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"'`]+$|[\w.-]+\.[a-z]{2,}(?:/[^\s<>\"'`]*)?$", re.I)


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    headings = _size_headings(lines) if "[size" in text.lower() else {}
    out: list[str] = []
    lists: list[bool] = []  # open lists, innermost last: numbered?
    quotes = 0
    code = False
    for index, line in enumerate(lines):
        if code:
            close = _CODE_CLOSE.search(line)
            if not close:
                out.append(line)
                continue
            code = False
            before, after = line[:close.start()], line[close.end():]
            rest, lists, quotes = _line(after, lists, quotes)
            out.append("\n".join(part for part in (before if before.strip() else "", "```", rest.strip() and rest) if part))
            continue
        opener = _CODE_OPEN.search(line)
        if opener and not _CODE_CLOSE.search(line, opener.end()):
            head, lists, quotes = _line(line[:opener.start()], lists, quotes)
            body = line[opener.end():]
            out.append("\n".join(part for part in (head if head.strip() else "", "```", body if body.strip() else "") if part))
            code = True
            continue
        if index in headings:
            title = _TAG.sub(_drop, line.replace("\t", " ")).strip()
            out.append("#" * headings[index] + " " + title)
            continue
        converted, lists, quotes = _line(line, lists, quotes)
        out.append(converted)
    if code:
        out.append("```")
    return "\n".join(out)


#: Tags a heading written as enlarged bold text may wear besides its size and bold.
_DRESS = frozenset({"u", "color", "colour", "font", "center", "left", "align", "i"})


def _size_headings(lines: list[str]) -> dict[int, int]:
    """Line index -> heading level, for lines whose whole text is bold in an enlarged size: how Nexus and
    forum pages, which have no heading tag, write one (``[size=5][b]FAQ[/b][/size]``, the size or the bold
    sometimes opened on the line before). The largest size is level 1, the next level 2, and so on."""
    sizes: list[str] = []
    bold = False
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if "[" not in line and not (sizes and bold):
            continue
        position, outside, text_size = 0, False, None
        plain = True
        for tag in [*_TAG.finditer(line), None]:
            chunk = line[position:tag.start() if tag else len(line)]
            if chunk.strip():
                if not bold:
                    outside = True
                if text_size is None:
                    text_size = sizes[-1] if sizes else ""
            if tag is None:
                break
            position = tag.end()
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if name == "size":
                if closing:
                    if sizes:
                        sizes.pop()
                else:
                    sizes.append((tag.group(4) or "").strip().strip("\"'"))
            elif name in ("b", "strong"):
                bold = not closing
            elif name not in _DRESS:
                plain = False
        if plain and not outside and text_size:
            found[index] = text_size
    ranked = sorted({size for size in found.values()}, key=_size_value, reverse=True)
    return {index: min(ranked.index(size) + 1, 6) for index, size in found.items()}


def _size_value(size: str) -> float:
    number = re.match(r"[+-]?\d+(?:\.\d+)?", size)
    return float(number.group(0)) + (100 if size.startswith("+") else 0) if number else 0.0


def _line(line: str, lists: list[bool], quotes: int) -> tuple[str, list[bool], int]:
    """One line outside code: its Markdown (several lines when it holds several items), and the lists and
    quotes open after it."""
    if "[" not in line:
        return _indent(lists, quotes, line, item=False), lists, quotes
    line = _inline(line)
    lists = list(lists)
    segments: list[str] = []
    current = ""
    prefix = ""  # the current segment's marker (heading or item), given when its first text comes
    item = False
    position = 0
    for tag in _TAG.finditer(line):
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        known = name == "*" or name in _LISTS or name == "quote" or name in _STYLE or _HEADING.match(name)
        if not known:
            continue
        current += line[position:tag.start()]
        position = tag.end()
        if name == "*":
            if closing:
                continue
            if current.strip() or prefix:
                segments.append(_finish(lists, quotes, prefix, current, item))
            depth = max(len(lists), 1)
            numbered = bool(lists) and lists[-1]
            prefix = "    " * (depth - 1) + ("1. " if numbered else "- ")
            current, item = "", True
        elif name in _LISTS:
            if current.strip() or prefix:
                segments.append(_finish(lists, quotes, prefix, current, item))
                current, prefix, item = "", "", False
            if closing:
                if lists:
                    lists.pop()
            else:
                numbered = name == "ol" or bool(tag.group(4) and tag.group(3) == "=" and tag.group(4).strip().strip("\"'"))
                if len(lists) < _DEEPEST:
                    lists.append(numbered)
        elif name == "quote":
            if closing:
                if current.strip() or prefix:
                    segments.append(_finish(lists, quotes, prefix, current, item))
                    current, prefix, item = "", "", False
                quotes = max(quotes - 1, 0)
            else:
                quotes = min(quotes + 1, _DEEPEST)
        elif _HEADING.match(name):
            if not closing and not current.strip():
                prefix = "#" * int(name[1]) + " "
    current += line[position:]
    if current.strip() or prefix or not segments:
        segments.append(_finish(lists, quotes, prefix, current, item))
    return "\n".join(segments), lists, quotes


def _finish(lists: list[bool], quotes: int, prefix: str, text: str, item: bool) -> str:
    text = text.rstrip()
    if prefix:
        text = text.strip()
        line = prefix + text
        return ("> " * quotes + line) if quotes else line
    return _indent(lists, quotes, text, item)


def _indent(lists: list[bool], quotes: int, text: str, item: bool) -> str:
    """Text under an open list's item, indented to stay in it; in a quote, quoted."""
    if not text.strip():
        return ">" * quotes if quotes else ""
    if lists and not item:
        text = "    " * len(lists) + text.strip()
    return ("> " * quotes + text) if quotes else text


def _inline(line: str) -> str:
    """Spans inside one line: code, images, links, marks; styling tags and stray marks dropped."""
    lower = line.lower()
    if "[/" in line and any(f"[{name}" in lower for name in ("code", "icode", "tt", "c]", "inline")):
        line = _SPAN_CODE.sub(lambda m: code_span(m.group(2)), line)
    if "[im" in lower or "[attach" in lower:
        line = _IMAGE.sub("", line)
    if "[spoiler=" in lower:
        line = _SPOILER_TITLE.sub(r"\1 ", line)
    if "[url" in lower:
        line = _LINK.sub(_link, line)
    if "[email" in lower:
        line = _EMAIL.sub(_link, line)
    for name, mark in _MARKS.items():
        if f"[{name}]" in lower:
            line = _PAIRED[name].sub(lambda m, mark=mark: f"{m.group(1)}{mark}{m.group(2)}{mark}{m.group(3)}", line)
    return _TAG.sub(_drop, line)


def _drop(tag: re.Match[str]) -> str:
    name = tag.group(2).lower()
    if name in _STYLE or name in _MARKS or name in ("url", "email"):
        return ""
    return tag.group(0)


def _link(match: re.Match[str]) -> str:
    target = (match.group(1) or "").strip().strip("\"'").strip()
    label = match.group(2).strip()
    if not target:
        target, label = label, ""
    label = _TAG.sub(_drop, label).strip()
    if not _SAFE_TARGET.match(target):
        return label or target
    if target.lower().startswith("www.") or "://" not in target and not target.lower().startswith("mailto:"):
        target = ("mailto:" if "@" in target and "/" not in target else "https://") + target
    target = target.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    label = label.replace("[", "\\[").replace("]", "\\]")
    return f"[{label or target}]({target})"
