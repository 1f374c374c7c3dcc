"""Cleaning and repair shared by the layout parsers: what a scraped page leaves behind.

Contract: every function takes text (a line, a heading, an answer's lines) and
returns cleaner text; none knows about layouts or markers. Sources are pages
copied out of a browser, so they carry page chrome ("Skip to content",
"Comments", "Popular posts from this blog", reference lists), emoji or emoji
bytes decoded as the wrong encoding after headings ("π¦"), question ranges in
headings ("(Q1-Q40)"), stray separator lines, lists indented by one space, and
numbered or bulleted lists flattened onto one line. Page chrome is one data
table, :data:`CHROME`, so that a new site's footer is one new row.

Glued inline code (``requirements.txtfile``) is repaired by :mod:`qadeck.parsers.repair.glue`
and flattened Python by :mod:`qadeck.parsers.repair.codeflow`; both need more than one line
of context, so they live in their own modules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

# C0/C1 controls (tab and newline are layout, kept), zero-width spaces and stray BOMs. The zero-width
# non-joiner and joiner are text: they part or join letters in Persian and Indic scripts ("می‌کنم") and
# join emoji sequences, so they stay.
INVISIBLE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff"
_CONTROL = re.compile(f"[{INVISIBLE}]")
#: Permalink anchors that site generators put after headings ("Usage⚓︎", "Usage¶").
_ANCHOR = re.compile("\\s*[\u2693\u00b6\U0001f517][\ufe0e\ufe0f]?")


@dataclass(frozen=True, slots=True)
class Chrome:
    """One kind of page chrome, matched against a whole line (case-insensitive)."""

    pattern: str
    #: True when the line opens the page footer: it and every line after it go.
    footer: bool
    #: Why this is not content (for whoever extends the table).
    why: str


CHROME: tuple[Chrome, ...] = (
    Chrome(r"skip to (?:main )?content", False, "accessibility link at the top of a page"),
    Chrome(r"(?:newer|older) posts?|home", False, "blog navigation links"),
    Chrome(r"share(?: this)?:?|subscribe|print", False, "sharing buttons"),
    Chrome(r"template\s*:?", False, "a page template's placeholder heading"),
    Chrome(r"[-*_=~•]{1,3}", False, "a stray bullet or separator left by the copy"),
    Chrome(r"\d* ?comments?|post a comment|leave a (?:comment|reply)", True, "the comment section"),
    Chrome(r"popular posts(?: from this blog)?|related posts|you (?:may|might) also like", True, "blog footer"),
    Chrome(r"(?:references|further reading|reading materials?)(?: and [\w ]+)?", True, "reference list"),
)
#: The whole table as one pattern, a group per row: one match per line instead of one per row.
_CHROME = re.compile("|".join(f"(?P<row{i}>{c.pattern})" for i, c in enumerate(CHROME)), re.IGNORECASE)
#: Characters no :data:`CHROME` row matches (tested on the rows' patterns): a line holding one, as
#: most sentences, questions and lines with code do, is no chrome, told without the match.
NEVER_CHROME = (".", ",", "?", "`")
#: A footer line only counts in the last quarter of a page: earlier, "References" is a section.
FOOTER_ZONE = 0.75


def strip_invisible(text: str) -> str:
    """Without control and zero-width characters (copying from a browser leaves them).

    Wider than :func:`qadeck.render.strip_controls`, which removes only the C0
    controls that must not reach Anki: for a parser, zero-width spaces and C1
    controls in a source are in the way too.
    """
    if text.isascii() and text.isprintable():
        return text  # most lines: nothing to strip
    return _CONTROL.sub("", text)


def strip_anchors(text: str) -> str:
    return text if text.isascii() else _ANCHOR.sub("", text)  # the anchor marks are not ASCII


def chrome(line: str) -> Chrome | None:
    """The chrome row ``line`` matches, if any."""
    match = _CHROME.fullmatch(strip_anchors(line).strip())
    return CHROME[int(match.lastgroup[3:])] if match and match.lastgroup else None


def page_lines(lines: list[str]) -> list[str]:
    """The lines with controls stripped, chrome lines blanked and the footer cut off.

    Chrome is blanked rather than removed so that line numbers and the blank
    line separation around it stay as they were.
    """
    out: list[str] = []
    for index, line in enumerate(lines):
        if not line:
            out.append(line)  # an empty line, about half of a page's: no chrome, nothing to strip
            continue
        # NEVER_CHROME's characters written out: four ``in`` tests cost less than a call or a search.
        row = None if "." in line or "," in line or "?" in line or "`" in line else chrome(line)
        if row and row.footer:
            if index >= FOOTER_ZONE * len(lines):
                break
            row = None
        # strip_invisible written out, its call costing more than its test for most lines
        out.append("" if row else line if line.isascii() and line.isprintable() else _CONTROL.sub("", line))
    return out


# --- headings -------------------------------------------------------------------------------

#: "(Q1-Q40)", "(Q41 – Q80)", "(1-20)": which questions a section holds.
_RANGE = re.compile(r"\(\s*(?:Q\s*)?\d+\s*[-–—]\s*(?:Q\s*)?\d+\s*\)", re.IGNORECASE)
#: A Markdown heading's opening and closing marks. The closing one only from the start of a run of
#: spaces: tried from inside one, it would scan the rest of the run again (quadratic in its length).
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+|(?<!\s)\s+#+\s*$")
_BOLD = re.compile(r"^(\*\*|__)(.+)\1$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")
_TERMINAL = ".?!,;:"
#: :data:`_TERMINAL` for ``str.endswith``: a line ending in one of them is no heading.
TERMINAL_ENDS = tuple(_TERMINAL)
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 80


def is_decoration(token: str) -> bool:
    """An emoji or symbol, or emoji bytes decoded in the wrong encoding ("π¦", "ðŸ“¦").

    Such a token has no ASCII at all and either holds a non-letter or is too
    short to be a word of a non-Latin language.
    """
    if not token or any(ch.isascii() for ch in token):
        return False
    return len(token) <= 2 or any(not unicodedata.category(ch).startswith("L") for ch in token)


def clean_heading(text: str) -> str:
    """A heading as a section name: no ``#``, bold, anchor, question range or emoji."""
    text = _MARKDOWN_HEADING.sub("", strip_anchors(strip_invisible(text))).strip()
    bold = _BOLD.match(text)
    text = _RANGE.sub(" ", bold.group(2) if bold else text)
    words = text.split()
    while words and is_decoration(words[-1]):
        words.pop()
    while words and is_decoration(words[0]):
        words.pop(0)
    return " ".join(words)


def is_list_item(text: str) -> bool:
    """A bulleted or numbered line ("- x", "2) y"): never a heading."""
    return bool(_LIST_ITEM.match(text))


def heading_shaped(text: str) -> bool:
    """Short, capitalised, no closing punctuation, not a list item: reads like a title.

    Whether it *is* a heading depends on what surrounds it; see
    :func:`qadeck.parsers.common.heading_at`.
    """
    # Cleaning never removes a closing mark: a line that ends a sentence needs no cleaning to be told.
    if _LIST_ITEM.match(text) or "://" in text or text.rstrip().endswith(TERMINAL_ENDS):
        return False
    name = clean_heading(text)
    if not name or len(name) > MAX_HEADING_CHARS or len(name.split()) > MAX_HEADING_WORDS:
        return False
    return name[-1] not in _TERMINAL and (name[0].isupper() or name[0].isdigit())


# --- commentary -----------------------------------------------------------------------------

#: Sentences about the document rather than about the subject: intros, closings.
_COMMENTARY = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:this|our|the following) (?:article|guide|post|blog|page|tutorial|list|document|cheat ?sheet)\b",
        r"^(?:these|the above|here are(?: \d+| some| the)?) (?:\w+ )?(?:questions|answers)\b",
        r"\binterview questions\b",
        r"^prepare for (?:your|the) (?:next )?interview\b",
        r"^(?:good luck|hope (?:this|these|it) helps?|happy (?:learning|coding|interviewing))\b",
    )
)


#: :data:`_COMMENTARY` as two patterns, the anchored ones and the others: a search of each tells
#: whether any of them matches, at a fraction of the cost of five searches.
_COMMENTARY_OPENING = re.compile(
    "|".join(f"(?:{p.pattern[1:]})" for p in _COMMENTARY if p.pattern.startswith("^")), re.IGNORECASE
)
_COMMENTARY_ANYWHERE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in _COMMENTARY if not p.pattern.startswith("^")), re.IGNORECASE
)


#: How a paragraph that :data:`_COMMENTARY_OPENING` matches opens, in lowercase.
_OPENING_WORDS = ("these", "the", "here", "prepare", "good", "hope", "happy")
#: Lowercase words, free of spaces, one of which any match of :data:`_COMMENTARY_ANYWHERE` holds.
_ANYWHERE_WORDS = ("this", "our", "following", "interview")


def is_commentary(paragraph: str) -> bool:
    """True for a paragraph that talks about the page itself ("These answers showcase …")."""
    if paragraph.isascii():
        # Most paragraphs hold none of the words: told by substring tests, without joining the
        # paragraph's words or a case-insensitive search (several µs). Only in ASCII does a
        # case-insensitive match imply the words in str.lower(); property-tested.
        lowered = paragraph.lower()
        if not lowered.lstrip().startswith(_OPENING_WORDS) and not any(w in lowered for w in _ANYWHERE_WORDS):
            return False
    text = " ".join(paragraph.split())
    return bool(_COMMENTARY_OPENING.match(text) or _COMMENTARY_ANYWHERE.search(text))


# --- questions ------------------------------------------------------------------------------

_SPACE_BEFORE_END = re.compile(r"\s+([?!.])$")
_SPACED_ENDS = (" ?", " !", " .")


#: An arrow typed before a question ("->", "=>", "-->") and the space after it.
_LEAD_ARROW = re.compile(r"^(?:-+|=+)>[ \t]*(?=\S)")


def tidy_question(text: str) -> str:
    """One line, no bold wrapper, no space before the closing punctuation."""
    text = " ".join(strip_invisible(text).split())
    bold = _BOLD.match(text)
    if bold:
        text = bold.group(2).strip()
    if text[:1] in "-=" and (arrow := _LEAD_ARROW.match(text)):
        text = text[arrow.end() :]  # "->What is a stream?": notes typed in a plain editor point at their questions
    # Joined on single spaces, the text holds no other whitespace: a space before its last
    # character is all _SPACE_BEFORE_END could remove (property-tested), told without a scan.
    return text[:-2] + text[-1] if text.endswith(_SPACED_ENDS) else text


# --- answers --------------------------------------------------------------------------------

_BULLET = re.compile(r"^(\s*)([-*+•]|\d+[.)])(\s+)")


def starts_list_item(text: str) -> bool:
    return bool(_BULLET.match(text))


def answer_markdown(lines: list[str]) -> str:
    """An answer's lines as tidy Markdown.

    The first line is the text after a question or marker; the others keep
    their indentation relative to each other. Lists are normalised, a sentence
    broken across a blank line is joined, flattened lists are restored, and a
    list gets the blank line Markdown needs to start after a paragraph. Fenced
    code is left as it is.
    """
    # strip_invisible written out, its call costing more than its test for most lines
    visible = [(line if line.isascii() and line.isprintable() else _CONTROL.sub("", line)).rstrip() for line in lines]
    blocks = join_broken_paragraphs(_blocks(_dedent(visible)))
    return "\n\n".join(b if _FENCE.match(b) else tidy_block(b) for b in blocks).strip()


def tidy_block(block: str) -> str:
    """A block of text with its lists restored and separated from the paragraph lines around them."""
    if "\n" not in block and "-" not in block and "1." not in block:
        return block  # one line, no dash or first number (most paragraphs): no list, nothing to separate
    return separate_lists(separate_sentence_lines(restore_lists(block)))


_FENCE = re.compile(r"^\s*(```|~~~)")


def _blocks(lines: list[str]) -> list[str]:
    """Blank-line separated blocks; a fenced code block is one block, blank lines and all."""
    blocks: list[list[str]] = [[]]
    fence = False
    for line in lines:
        if ("```" in line or "~~~" in line) and _FENCE.match(line):  # the test for the mark first: most lines
            fence = not fence
        if line.strip() or fence:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return ["\n".join(b if _FENCE.match(b[0]) else normalize_list_indent(b)) for b in blocks if b]


def _dedent(lines: list[str]) -> list[str]:
    if not lines:
        return lines
    if any(line[:1] and not line[:1].isspace() for line in lines[1:]):
        # A line that opens with text: no common indentation (most answers), nothing to cut.
        return [lines[0].strip(), *lines[1:]]
    rest = [line for line in lines[1:] if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in rest), default=0)
    return [lines[0].strip()] + [line[indent:] for line in lines[1:]]


def normalize_list_indent(lines: list[str]) -> list[str]:
    """List items at one space become top level; nested ones get the four spaces Markdown wants.

    Copying a page often indents every item after the first by one space,
    which Markdown reads as a paragraph continuation, not a list.
    """
    out = []
    for line in lines:
        if not line[:1].isspace():
            out.append(line)  # an item at the margin stays there, and other lines are no item
            continue
        match = _BULLET.match(line)
        if match and "\t" not in match.group(1):
            depth = (len(match.group(1)) + 2) // 4
            line = " " * (4 * depth) + line.lstrip()
        out.append(line)
    return out


#: A paragraph that is a lettered option (``b) Paris``, ``**c. Rome**``): options typed as paragraphs of their own
#: may each end on a comma (``"A class",``), and are no sentence broken across a blank line.
_OPTION = re.compile(r"^\s*(?:\*\*|__)?\(?[A-Ha-h][.)]\s")


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence (on a comma) to the one after it."""
    out: list[str] = []
    for paragraph in paragraphs:
        mid_sentence = out and out[-1].rstrip().endswith(",") and not _FENCE.match(out[-1])
        if mid_sentence and not _BULLET.match(paragraph) and not _FENCE.match(paragraph) \
                and not _OPTION.match(paragraph):
            out[-1] = out[-1].rstrip() + " " + paragraph.strip()
        else:
            out.append(paragraph)
    return out


def separate_sentence_lines(paragraph: str) -> str:
    """A line that ends a sentence and a capitalised line after it are two paragraphs.

    Text copied from a web page keeps each block on its own line ("Imbalanced
    data: …" / "Missing data: …"); Markdown would run them together into one.
    """
    if "\n" not in paragraph:
        return paragraph  # one line: nothing to separate (most paragraphs)
    lines = paragraph.split("\n")
    out = lines[:1]
    for previous, line in pairwise(lines):
        ends = previous.rstrip().endswith((".", "!", "?", ":"))
        starts = line[:1].isupper() and not previous.startswith((" ", "\t"))
        if ends and starts and not _BULLET.match(previous) and not _BULLET.match(line):
            out.append("")
        out.append(line)
    return "\n".join(out)


def separate_lists(paragraph: str) -> str:
    """A blank line between a paragraph line and the list that follows it."""
    if "\n" not in paragraph:
        return paragraph  # one line: no line before a list
    lines = paragraph.split("\n")
    out = lines[:1]
    for previous, line in pairwise(lines):
        if _BULLET.match(line) and previous.strip() and not _BULLET.match(previous) and not previous.startswith(" "):
            out.append("")
        out.append(line)
    return "\n".join(out)


# --- flattened lists ------------------------------------------------------------------------

#: " - Item" inside a line: a bullet whose newline was lost.
_INLINE_BULLET = re.compile(r"\s+-\s+(?=[A-Z])")
#: A numbered item inside a line: "1. A", " 2. Deployment".
_INLINE_NUMBER = r"(?:^|(?<=\s)){n}\.\s+(?=[A-Z0-9])"
MIN_ITEMS = 2


def restore_lists(paragraph: str) -> str:
    """A one-line paragraph whose list lost its newlines, with the list restored.

    A numbered list is restored only when its numbers run 1, 2, 3 … in order,
    and bullets only when at least two " - Item" pieces start with a capital:
    a single dash is more likely punctuation. Every word is kept.
    """
    if "\n" in paragraph:
        return paragraph
    intro, items = _numbered_items(paragraph)
    if len(items) >= MIN_ITEMS:
        body = "\n".join(f"{n}. {_bullets(item, indent='    ')}" for n, item in enumerate(items, 1))
        return f"{intro}\n\n{body}" if intro else body
    return _bullets(paragraph, indent="", separate=True)


def _numbered_items(text: str) -> tuple[str, list[str]]:
    if "1." not in text:
        return text, []  # no first item: most paragraphs
    starts: list[tuple[int, int]] = []
    position = 0
    while True:
        match = re.compile(_INLINE_NUMBER.format(n=len(starts) + 1)).search(text, position)
        if not match:
            break
        starts.append((match.start(), match.end()))
        position = match.end()
    if len(starts) < MIN_ITEMS:
        return text, []
    ends = [start for start, _ in starts[1:]] + [len(text)]
    items = [text[body:end].strip() for (_, body), end in zip(starts, ends)]
    return text[: starts[0][0]].strip(), items


def _spaced_dashes(text: str) -> int:
    """How many "-" in ``text`` have whitespace right before and right after them."""
    count = 0
    at = text.find("-", 1)  # a dash opening the text has nothing before it
    while at >= 0:
        count += text[at - 1].isspace() and text[at + 1 : at + 2].isspace()
        at = text.find("-", at + 1)
    return count


def _bullets(text: str, indent: str, separate: bool = False) -> str:
    if _spaced_dashes(text) < MIN_ITEMS:
        # Each piece the split cuts off needs a dash with whitespace either side: with fewer than
        # two such dashes there is no list, told without the split's scan (property-tested).
        return text
    parts = _INLINE_BULLET.split(text)
    if len(parts) <= MIN_ITEMS:
        return text
    head, items = parts[0].strip(), [f"{indent}- {item.strip()}" for item in parts[1:]]
    gap = "\n\n" if separate and head else "\n"
    return head + gap + "\n".join(items) if head else "\n".join(items)
