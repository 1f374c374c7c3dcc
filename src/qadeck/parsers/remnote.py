"""Layout ``remnote``: RemNote's flashcards, written inline in an outline and kept by its Markdown export.

    # Geography
    - Europe                                   <- a parent item: the section of the cards below it
        - Capital of France >> Paris           <- forward: a ``basic`` card
        - Paris << Which city is on the Seine  <- backward: asks the right side, answers the left
        - uno <> one                           <- both ways (``<->`` too): a ``reversed`` note
        - Osmosis :: water through a membrane  <- a concept: both ways
            - Speed ;; slow                    <- a descriptor: forward, its concept the section
        - Phases of mitosis >>>                <- multi-line (``::``, ``;;`` ending a line too):
            - Prophase                            the child items are the answer
            - Metaphase
        - Steps >>1.                           <- a list answer: the children, numbered
        - Largest planet >>A)                  <- multiple choice: the first child is the answer
            - Jupiter
            - Saturn
        - The {{mitochondria}} makes ATP       <- a cloze

RemNote's Markdown export writes the arrows it shows instead of what was typed: ``Question→Answer``,
``Answer←Question``, ``Term↔Definition``, a multi-line question ending in ``↓``, and a bar (``―``) for
a card whose practice is disabled (no card). An exported arrow touches the text on at least one side (an
arrow with spaces both sides is prose's); the first on a rem is the card's, the others its answer's.
A rem is one item with its line breaks written as lines of their own and its code below it, up to the
closing fence (``- What does this print?```go`` … ```` ```→2 ````): the item's lazy continuation lines.

A separator makes a card only in a line of the shape of one: a list item (a plain line too, for the
separators only cards use, never ``::``, ``;;`` or an arrow) holding one separator, outside code
spans, math, links and fenced code (an export opens a fence inside an item: its lines are code up to
the closing fence), with a word on each side, no statement's ``;``, ``{`` or ``}`` ending the line
and no lone path or file name after ``>>`` (a shell's redirection). So ``cout << a << b``,
``$? >> 8``, ``a >> b`` in math, ``echo x >> ~/.bashrc`` and a quoted mail's ``>>`` make none.

A file is this layout's when it holds a separator only RemNote uses (``>>``, ``<<``, ``<>``, a multi-line
mark, an exported arrow): a file of ``::`` lines stays Obsidian's and one of ``{{…}}`` deletions alone
Obsidian's cloze (see :mod:`.obsidian`), a flat list of ``q >> a`` or ``q ;; a`` lines the
``separated`` layout's (it comes first, and ties go to the earlier layout). The parents of its cards
count as read: they are the cards' context. The separators say which rems are cards: the others are
notes, never read by another layout for questions (a bold question over its children is a note).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import cloze
from ..model import Source
from .entries import Entry, coverage, make_layout
from .markup import inline_text
from .structure import LETTER, Line, heading, outline, outline_sections

NAME = "remnote"

#: The marks a text holds when it may hold RemNote's cards (``<-?>``: ``<>`` and ``<->``); most files hold none.
_MARKS = (">>", "<<", "<>", "<->")
_ARROWS = "→←↔↓"
#: A list item: its indentation, its marker, its text.
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])(?:[ \t]+(.*))?$")
#: Code spans, math, RemNote's deletions, links and bare URLs: no separator is looked for inside them.
_LITERAL = re.compile(r"```.*?```|(`+).+?\1|\$\$.+?\$\$|\$[^$\s][^$]*?\$|\{\{.*?\}\}|\]\([^)]*\)|<https?://[^>]*>|https?://\S+", re.DOTALL)
#: The separators of one-line cards, each with what it makes: (kind, answer side), the side being
#: "right" when the text after it is the answer and "left" when the text before it is.
_SEPARATOR = re.compile(
    r"(?P<both><->|(?<![<>=-])<>(?![<>=-]))"
    r"|(?P<forward>(?<![<>=-])>>(?![<>=-]))"
    r"|(?P<backward>(?<![<>=-])<<(?![<>=~-]))"
    r"|(?P<concept>(?<![:\w])::(?!:)|(?<!:)::(?![:\w]))"
    r"|(?P<descriptor>(?<!;);;(?!;))"
    r"|(?P<export_forward>→)|(?P<export_backward>←)|(?P<export_both>↔)"
)
_KINDS = {
    "both": ("reversed", "right"), "forward": ("basic", "right"), "backward": ("basic", "left"),
    "concept": ("reversed", "right"), "descriptor": ("basic", "right"),
    "export_forward": ("basic", "right"), "export_backward": ("basic", "left"), "export_both": ("reversed", "right"),
}
#: Separators that mark a file as RemNote's: ``::`` is Obsidian's too, and deletions anyone's.
_REMNOTE_ONLY = frozenset({"both", "forward", "backward", "export_forward", "export_backward", "export_both"})
#: Separators only cards use: a line that is no list item may hold one of these.
_CARD_ONLY = frozenset({"both", "forward", "backward"})
#: A question ending in a multi-line mark: its child items are the answer (``>>1.`` numbered,
#: ``>>A)`` a multiple choice whose first child is the answer).
_MULTI = re.compile(r"^(?P<question>.*?\S)[ \t]*(?:(?P<mark>>>>|:::|;;;|>>|::|;;)|(?P<list>>>1\.)|(?P<choice>>>A\))|(?P<down>↓))[ \t]*$")
#: Multi-line marks that only RemNote uses (``::`` and ``;;`` end other tools' lines too).
_REMNOTE_MARKS = frozenset({">>>", ">>"})
#: The options of a multiple choice written on its line (``>>A) Paris B) Lyon``): each opens with its letter.
_OPTION = re.compile(r"(?:^|\s)([A-Z])\)\s+")
#: What RemNote's export writes for the arrow of a card whose practice is disabled: no card.
_DISABLED = "―"
#: A word: two letters in a row (any script).
_WORD = re.compile(r"[^\W\d_]{2}")
#: A word, or code, math or a picture (masked): what stands next to a card's separator.
_OPERAND_OR_WORD = re.compile(r"[^\W\d_]{2}|\0")
#: One token that names a file or a path: what a shell's ``>>`` appends to.
_PATH = re.compile(r"^[\"']?[~./$\w-]*[/.][\w./~${}-]*[\"']?$")
#: A statement's end: the line is code.
_STATEMENT_ENDS = (";", "{", "}")
_FENCE = "```"
#: A closing fence with text after it on its line (``` ```→50 is printed``): the text goes below it.
_CLOSING = re.compile(r"\n```[ \t]*(?=\S)")
#: An item whose text opens a fence: ``- b) ```cpp``.
_ITEM_FENCE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S.*?```")
#: Longest question and answer of a one-line card: longer, the separator is in prose.
_LONGEST_QUESTION = 300
_LONGEST_ANSWER = 1200
#: Share of a file's plain lines that must be cards for its plain lines to be read as cards.
_CONSISTENT = 0.8
#: Longest parent item read as its children's section; a longer one is a paragraph, not a title.
_LONGEST_TITLE = 120
_CLOZE_STYLES = ("anki", "double")
#: Detection's score for a file where :data:`_MARKING` cards or more carry a separator only RemNote uses.
_MARKED = 0.9
_MARKING = 3


class _Entries(list[Entry]):
    """A file's entries, the lines of their parent items (the cards' context), and how many are marked
    by a separator only RemNote uses."""

    context: frozenset[int] = frozenset()
    marked = 0


def _may_hold(text: str) -> bool:
    """Whether ``text`` holds a mark of RemNote's cards. One character is found at memchr speed where a
    pattern of alternatives is tried at every position: the pair is looked for only where its first is."""
    return ((("<" in text or ">" in text) and any(mark in text for mark in _MARKS))
            or (";" in text and ";;" in text) or any(arrow in text for arrow in _ARROWS))


def _entries(source: Source) -> list[Entry]:
    if not _may_hold(source.text):
        return []
    lines = _with_item_fences(outline(source))
    headings = outline_sections(source)
    entries = _Entries()
    marked = 0  # cards marked by a separator only RemNote uses
    context: set[int] = set()
    parents: list[tuple[int, int, str]] = []  # the items enclosing a line: indent, index, title
    plain_cards = _plain_cards(lines)
    rem_end = -1  # the lines of a rem after its first are read with it
    for index, line in enumerate(lines):
        if line.code or line.blank or index <= rem_end:
            continue
        item = _ITEM.match(line.text)
        indent = _width(item.group(1)) if item else _width(line.text[: len(line.text) - len(line.text.lstrip())])
        while parents and parents[-1][0] >= indent:
            parents.pop()
        text = (item.group(2) or "") if item else line.text.strip()
        if not item and (heading(line) or text.startswith((">", "|")) or not plain_cards):
            continue
        rem = bool(item) or plain_cards  # a line of a file of plain card lines is a rem, as an item is
        last = rem_end = _rem_end(lines, index) if item else _plain_rem_end(lines, index, text)
        if last > index:
            text = "\n".join([text, *(lines[at].text for at in range(index + 1, last + 1))])
        section = next((title for _, _, title in reversed(parents) if title), headings[index])
        if item and _DISABLED in text and _DISABLED in _masked(text):
            marked += 1  # a card RemNote's export wrote with its practice disabled: the file is RemNote's, no card
            found = None
        else:
            found = _card(lines, index, last, indent, text, rem, section)
        if found is not None:
            entries.append(found[0])
            marked += found[1]
            context.update(lines[at].number for _, at, _ in parents)
        if rem:
            parents.append((indent, index, _title(text)))
    if not marked:
        return []
    entries.context = frozenset(context)
    entries.marked = marked
    return entries


def _plain_rem_end(lines: list[Line], index: int, text: str) -> int:
    """Index of the last line of a plain line's rem: a multi-line question's answer lines below it, up to a
    blank line, a heading or a card."""
    last = index
    if _MULTI.match(text) and _split(text, True) is None:
        while last + 1 < len(lines):
            after = lines[last + 1]
            if after.blank or after.code or heading(after) or _split(after.text.strip(), True) or \
                    _MULTI.match(after.text.strip()):
                break
            last += 1
    return last


def _rem_end(lines: list[Line], index: int) -> int:
    """Index of the last line of the rem (RemNote's item) opening at ``index``: the export writes an item's
    code below it up to the closing fence, and its line breaks as lines of their own (Markdown's lazy
    continuation lines)."""
    last = index
    while True:
        if lines[last].text.count(_FENCE) % 2 and (last == index or lines[last].code):
            while last + 1 < len(lines) and lines[last + 1].code:
                last += 1  # the fence's lines, the closing one too
        after = lines[last + 1] if last + 1 < len(lines) else None
        if after is None or after.blank or after.code or _ITEM.match(after.text) or heading(after) or \
                after.text.lstrip().startswith((">", "|", _FENCE)):
            return last
        last += 1


def _card(lines: list[Line], index: int, last: int, indent: int, text: str, item: bool,
          section: str) -> tuple[Entry, bool] | None:
    """(entry, whether its mark is one only RemNote uses) of the card on ``lines[index]`` to ``lines[last]``
    (``text`` after the item's marker)."""
    number = lines[index].number
    first, _, rest = text.partition("\n")
    multi = _MULTI.match(first) if item and rest and first.count(_FENCE) % 2 == 0 else None
    if multi:
        # The answer typed as the lines below the question's (a paste of RemNote text): one item each.
        answers = [f"- {part.strip()}" for part in rest.split("\n") if part.strip()]
        head = ""
    else:
        multi = _MULTI.match(text.rsplit("\n", 1)[-1]) if item else None
        answers = []
        head = text.rsplit("\n", 1)[0] + "\n" if "\n" in text else ""
    if multi:
        question = _question(head + multi.group("question").rstrip(" \t↓"))
        children = _children(lines, last, indent)
        items = answers + [lines[i].text for i in children]
        end = lines[children[-1]].number if children else lines[last].number
        mark = multi.group("mark")
        remnote_only = mark is None or mark in _REMNOTE_MARKS
        if not items:
            if mark == ">>>" or multi.group("list") or multi.group("choice") or multi.group("down"):
                return Entry(question, "", number, end, section), True
            return None
        if multi.group("choice"):
            options = [_item_text(t) for t in (answers or [lines[i].text for i in _first_level(lines, children)])]
            question, answer = _choice(question, options)
        elif multi.group("list"):
            tops = answers or [lines[i].text for i in _first_level(lines, children)]
            answer = "\n".join(f"{n}. {_item_text(t)}" for n, t in enumerate(tops, start=1))
        else:
            answer = _dedented(items)
        return Entry(question, answer, number, end, section), remnote_only
    pair = _split(text, item)
    if pair is not None:
        question, answer, kind, name = pair
        question, answer = _question(question), _blocks(answer)
        if name == "forward" and answer.startswith("A) "):
            question, answer = _choice(question, [part.strip() for part in _OPTION.split(answer)[2::2]])
        return Entry(question, answer, number, lines[last].number, section, kind), name in _REMNOTE_ONLY
    if item and "{{" in text:
        deletions = cloze.to_anki(text, _CLOZE_STYLES)
        if deletions is not None:
            return Entry(deletions, "", number, lines[last].number, section, "cloze"), False
    return None


def _choice(question: str, options: list[str]) -> tuple[str, str]:
    """(question, answer) of a multiple choice: its options listed below the question, the first (RemNote's
    right one) the answer."""
    options = [option for option in options if option]
    if len(options) < 2:
        return question, options[0] if options else ""
    return question + "\n\n" + "\n".join(f"- {option}" for option in options), options[0]


def _question(text: str) -> str:
    """A question as one line of text, the code it shows (``What does this print? ```go …```) below it."""
    if _FENCE not in text:
        return inline_text(text)
    head, body = _parted(text)
    return f"{inline_text(head)}\n\n{body}" if head else body


def _blocks(text: str) -> str:
    """An answer with the fence its text opens (``→```go``) on a line of its own."""
    if _FENCE not in text:
        return text
    head, body = _parted(text)
    return f"{head}\n\n{body}" if head else body


def _parted(text: str) -> tuple[str, str]:
    """(text before its first fence, the fence and what follows it, each fence mark on its own line)."""
    at = text.index(_FENCE)
    body = _CLOSING.sub("\n```\n", text[at:]).strip()
    return text[:at].strip(), body


def _split(text: str, item: bool) -> tuple[str, str, str, str] | None:
    """(question, answer, kind, separator's name) of a one-line card, None for a line of another shape."""
    masked = _masked(text)
    found = list(_SEPARATOR.finditer(masked))
    if not found or len(found) > 1 and not (found[0].lastgroup or "").startswith("export"):
        return None  # none, or several: "cout << a << b"; an exported card's answer may hold an arrow
    match = found[0]
    name = match.lastgroup or ""
    if not item and name not in _CARD_ONLY:
        return None
    left, right = text[: match.start()].strip(), text[match.end() :].strip()
    if name.startswith("export") and text[match.start() - 1 : match.start()].isspace() and text[match.end() : match.end() + 1].isspace():
        return None  # "A → B": an arrow in prose; RemNote's export writes it against the text
    exported = name.startswith("export")
    if not left or not right or _visible(masked[: match.start()]) > _LONGEST_QUESTION * (1 + 2 * exported) or \
            _visible(masked[match.end() :]) > _LONGEST_ANSWER * (1 + 2 * exported):
        return None  # an exported rem's lines are one rem's, and its arrow the card's
    kind, side = _KINDS[name]
    question, answer = (left, right) if side == "right" else (right, left)
    asked, other = _masked_side(masked, match, side), _masked_side(masked, match, "left" if side == "right" else "right")
    if kind == "reversed":
        if not (_WORD.search(asked) or _WORD.search(other)) or not (LETTER.search(asked) and LETTER.search(other)):
            return None  # each side of a card asked both ways names something, one in words: "H2O <> water"
    elif not _WORD.search(asked):
        return None  # "a >> b", "$? >> 8": math and code; a question asks in words
    if not exported:  # an arrow RemNote's export wrote is a card's (see the module's docstring)
        before, after = masked[: match.start()].split(), masked[match.end() :].split()
        if masked.rstrip().endswith(_STATEMENT_ENDS):
            return None  # "x << 2;", "cout << x;": a statement
        if not _OPERAND_OR_WORD.search(before[-1]) and not _OPERAND_OR_WORD.search(after[0]):
            return None  # "Shift: a >> b", "status: $? >> 8": an operator between two operands
    if name == "forward" and " " not in right and _PATH.match(right):
        return None  # "echo x >> ~/.bashrc": a shell appending to a file
    return question, answer, kind, name


def _masked(text: str) -> str:
    """``text`` on one line with its code, math, deletions and link addresses masked (``\\0``), lengths kept."""
    masked = _LITERAL.sub(lambda m: "\0" * len(m.group(0)), text) if _has_literal(text) else text
    return masked.replace("\n", " ") if "\n" in masked else masked


def _visible(masked: str) -> int:
    """How many characters of text a masked side shows: a picture's or a link's address is no length."""
    return len(masked) - masked.count("\0")


def _masked_side(masked: str, match: re.Match[str], side: str) -> str:
    """The question's side of a line, its code and math masked: ``right`` is the text before the separator."""
    return masked[: match.start()] if side == "right" else masked[match.end() :]


def _plain_cards(lines: list[Line]) -> bool:
    """Are the file's lines that are no list item cards? Most of them (:data:`_CONSISTENT`) must be cards:
    lines of cards (indented under a concept or not), not prose that says ``latency >> throughput``."""
    plain = cards = 0
    answering = False  # in the lines below a multi-line question: its answer
    for line in lines:
        text = line.text.strip()
        if line.code or not text or heading(line) or _ITEM.match(line.text) or text.startswith((">", "|")):
            answering = answering and bool(text)
            continue
        if _split(text, True) is not None:
            plain, cards, answering = plain + 1, cards + 1, False
        elif _MULTI.match(text):
            plain, cards, answering = plain + 1, cards + 1, True
        elif not answering:
            plain += 1
    return cards > 0 and cards >= _CONSISTENT * plain


def _has_literal(text: str) -> bool:
    return "`" in text or "$" in text or "{{" in text or "](" in text or "http" in text


def _with_item_fences(lines: list[Line]) -> list[Line]:
    """``lines`` with their code marked again where RemNote's export opens a fence inside an item
    (``- b) ```cpp``, the code below unindented, a ```` ``` ```` line closing it): a Markdown reading takes
    no fence that opens after text, and so takes each closing line for an opening one."""
    if not any(_FENCE in line.text and _ITEM_FENCE.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    inside = False
    for line in lines:
        text = line.text
        opens = text.count(_FENCE) % 2 == 1
        if inside:
            out.append(Line(line.number, text, True))
            inside = not opens
        else:
            # The item's text before its fence is read (the fence itself is masked as a code span).
            out.append(Line(line.number, text, False))
            inside = opens
    return out


def _children(lines: list[Line], index: int, indent: int) -> list[int]:
    """Indexes of the lines nested under the item at ``indent`` whose text ends at ``index`` (trailing blank
    lines left out)."""
    found: list[int] = []
    for at in range(index + 1, len(lines)):
        line = lines[at]
        if line.blank:
            continue
        if _width(line.text[: len(line.text) - len(line.text.lstrip())]) <= indent and not line.code:
            break
        found.append(at)
    return found


def _first_level(lines: list[Line], children: list[int]) -> list[int]:
    """Of the lines nested under an item, the items of the first level below it."""
    items = [i for i in children if not lines[i].code and _ITEM.match(lines[i].text)]
    if not items:
        return []
    top = min(_width(_ITEM.match(lines[i].text).group(1)) for i in items)  # type: ignore[union-attr]
    return [i for i in items if _width(_ITEM.match(lines[i].text).group(1)) == top]  # type: ignore[union-attr]


def _item_text(text: str) -> str:
    item = _ITEM.match(text)
    return (item.group(2) or "").strip() if item else text.strip()


def _dedented(texts: list[str]) -> str:
    """The child items as Markdown, dedented to the first level; one child is its text, no list."""
    texts = [t.expandtabs(4) for t in texts]
    margin = min(len(t) - len(t.lstrip(" ")) for t in texts if t.strip())
    texts = [t[margin:].rstrip() for t in texts]
    if len(texts) == 1:
        return _item_text(texts[0])
    return "\n".join(texts)


def _title(text: str) -> str:
    """A parent item as its children's section: its question when it is a card, "" when too long to be a title."""
    pair = _split(text, True)
    multi = _MULTI.match(text) if pair is None else None
    title = pair[0] if pair else multi.group("question") if multi else text
    title = inline_text(title.strip())
    return title if len(title) <= _LONGEST_TITLE else ""


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage, the parents of the cards counted as read (they are the cards' context); at least
    :data:`_MARKED` where :data:`_MARKING` cards carry a separator only RemNote uses: they say which
    items are cards, and an outline's other items are notes."""
    context = getattr(entries, "context", ())
    if len(entries) == 1 and entries[0].answer:
        entries = [*entries, *entries]  # one card in a syntax only cards use is a deck
    found = coverage(source, entries, also=context)
    return max(found, _MARKED) if getattr(entries, "marked", 0) >= _MARKING else found


LAYOUT = make_layout(
    NAME,
    "RemNote's flashcards in an outline or its Markdown export (q >> a, a << q, t <> d, c :: d, q >>> with children, q→a)",
    _entries,
    _score,
)
