"""FAQs posted to Usenet or a mailing list and kept as plain text, as the Markdown the layouts read.

    Newsgroups: comp.example,news.answers          A1) What is it?            <- the contents
    Subject: Example FAQ                            A2) Where is it?
                                                    ...
    Archive-name: example-faq                       ------------------------------
    Posting-Frequency: monthly                      Subject: A1) What is it?   <- an entry (or "A1) What is it?")
                                                    From: someone@example.org
                                                    It is an example.

Such a FAQ opens with the posting's headers, lists its questions, each with its label (``1.2)``, ``A1)``,
``[1.2]``, ``Q1.2:``, ``01.02``), and then gives each question again over its answer; an entry opens with
its label line or, in a digest (RFC 1153), with a ``Subject:`` line under a row of dashes. Read as they
are, the headers, the list and the rows between entries made cards of their own, or swallowed the
answers. Here the header blocks at the top, the list of questions (every labelled line whose first
words come again further down on a labelled line, and what lies between them) and the rows of dashes
or equals signs are blanked; an entry's label line becomes a ``##`` heading of its question (label, ``Subject:`` and a
change mark such as ``!`` dropped, a question wrapped over indented lines joined, questions labelled on
consecutive lines, one answer under them all, joined into one); a section's (a label
one level up, ``2.``, or ending in zeros, ``02.00``, or a ``Subject:`` that carries no label where the
others do) becomes a ``#`` heading, as does a title boxed between two rows. A digest entry's own
headers (``From:``, ``Date:``) and a saved web page's "Back to top" lines are blanked, and each answer loses the
margin its first line sets (text indented ten spaces is no code). Line *n* of the Markdown is line *n* of the text.

:func:`is_posting` tells such a FAQ from other text: news headers at its top (``Newsgroups:``,
``Archive-name:``), three ``Subject:`` entries, or three labelled questions listed before they are
answered.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

#: A header line: ``Name: value`` (or ``Name:`` alone), a name of letters and hyphens.
_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,40}:(?:[ \t]+\S.*)?[ \t]*$")
#: Header names only news postings and their archives carry: a block holding one is a posting's headers.
_NEWS_HEADERS = frozenset({"newsgroups", "archive-name", "posting-frequency", "followup-to", "approved"})
#: Names a header block at the top may hold besides (mail headers, and those FAQs add under Archive-name).
_POSTING_HEADERS = frozenset({"subject", "from", "date", "message-id", "path", "reply-to", "organization", "expires",
                              "supersedes", "summary", "keywords", "sender", "distribution", "lines", "references",
                              "last-modified", "version", "url", "maintainer", "submitted-by", "to", "cc"})
#: The first line that holds anything.
_OPENING = re.compile(r"\s*([^\n]{0,200})")
#: A labelled line: an optional bullet (a list of contents), an optional ``Subject:``, an optional change mark,
#: the label (``A1``, ``1.2``, ``01.02``, in brackets or not, closed by ``.``, ``)``, ``:`` or `` -``), its text.
_LABELLED = re.compile(
    r"(?m)^(?P<indent>[ \t]{0,12})(?:[*+-][ \t]+)?(?P<subject>Subject:[ \t]*)?[!+]?"
    r"(?:\[(?P<bracketed>[A-Z]?\d{1,3}(?:\.\d{1,3}){0,3})\]|(?P<label>[A-Z]?\d{1,3}(?:\.\d{1,3}){0,3})"
    r"(?P<close>[.):]|[ \t]*-(?=[ \t]))?)[ \t]+(?P<text>\S.*?)[ \t]*$"
)
#: A web page's link back to its top, saved as a line of text with the page (a FAQ kept as a text dump).
_TO_TOP = re.compile(r"^[ \t]*(?:[\^↑][ \t]*)?(?:\[?back to (?:the )?top\]?|top)[ \t]*$", re.IGNORECASE)
#: A ``Subject:`` line at the margin: a digest's entry (``Re:`` dropped).
_SUBJECT = re.compile(r"^Subject:[ \t]*(?:Re:[ \t]*)?(?P<text>\S.*?)[ \t]*$")
#: A row: dashes, equals signs, underscores, tildes or stars, four at least, nothing else.
_ROW = re.compile(r"^[ \t]*(?:[-=_~*+][ \t]*){4,}$")
#: What a row under a title is drawn with (a row of dashes under a line is as often an answer's table).
_TITLE_ROWS = frozenset("=* \t")
#: Characters of a line's words that say which entry it lists: letters and digits, lower case.
_WORD_CHARACTERS = re.compile(r"[^a-z0-9]+")
#: How many of an entry's first letters and digits its listing must share with it.
_SHARED = 16
#: The fewest listed-then-answered entries (or digest entries) that make a posting's FAQ.
_FEWEST = 3
#: A list of contents holds three labelled lines within this many lines, among its first this many labelled lines.
_LIST_SPAN, _LIST_OPENING = 6, 12
#: A list of contents begins within this many characters of the top (after the headers and a preface).
_LIST_REACH = 20_000
#: A question wrapped over indented lines: at most this many more lines.
_WRAPPED_LINES = 6


@dataclass(frozen=True, slots=True)
class _Labelled:
    """One labelled line."""

    index: int
    indent: int
    subject: bool
    label: str
    close: str
    text: str
    key: str  # its first letters and digits, lower case: the words that tell which entry the line names

    @property
    def depth(self) -> int:
        return self.label.count(".") + 1

    @property
    def shape(self) -> tuple[bool, bool, int, str]:
        """What an entry's label line looks like, whatever its number: unlisted entries share it."""
        return self.subject, self.label[:1].isalpha(), self.depth, self.close


def is_posting(text: str) -> bool:
    """Is ``text`` a FAQ posting: news headers at its top, or entries this reader finds (see the module)?"""
    return _reading(text) is not None


def to_markdown(text: str) -> str:
    """``text`` as Markdown with its entries as headings (the text as it is when it is no FAQ posting)."""
    reading = _reading(text)
    return text if reading is None else reading


@lru_cache(maxsize=2)
def _reading(text: str) -> str | None:
    """The Markdown of a FAQ posting, or None when ``text`` is none (the test, then the reading)."""
    opening = _OPENING.match(text)
    headed = opening and _HEADER.match(opening[1]) and _posting_header(opening[1].split(":", 1)[0].lower())
    if text.count("\nSubject:") < _FEWEST and not headed and not _listed(text):
        return None  # no digest, no header at the top, no list of contents: most plain text
    lines = text.split("\n")
    headers = _top_headers(lines)
    labelled = _labelled_lines(lines, start=headers[-1] + 1 if headers else 0)
    listed, entries, sections, lengths = _entries(labelled, lines)
    if not headers and len(entries) < _FEWEST:
        return None
    out = list(lines)
    for index in headers:
        out[index] = ""
    _blank_rows(out, lines)
    for index, line in enumerate(lines):
        if line[-3:].lower() == "top" and _TO_TOP.match(line):
            out[index] = ""  # a web page's "Back to top" link, saved as text
    for index in listed:
        out[index] = ""
    for item in sections:
        out[item.index] = f"# {_title(item.text)}"
        _blank_own_headers(out, lines, item)
    for index in _listed_titles(lines, listed, labelled):
        out[index] = f"# {_title(lines[index].strip())}"
    group, after = -1, -1  # the heading line of the questions asked together so far, and the line after them
    for item in sorted(entries, key=lambda entry: entry.index):
        question = item.text
        if not item.subject:
            question = _wrapped(out, lines, item, lengths.get(item.index, 0))
        if item.index == after and not item.subject:
            # Questions labelled on consecutive lines share the answer under the last ("1.8 Are … supported?",
            # "1.9 Are … supported?" over one answer): one card asking them all, where it starts.
            out[group] += f" {question}"
            out[item.index] = ""
        else:
            group = item.index
            out[item.index] = f"## Q. {question}"  # marked a question, whatever its words
        after = item.index + 1
        while after < len(lines) and lines[after].strip() and not out[after]:
            after += 1  # past the lines the question wrapped onto, blanked
        _blank_own_headers(out, lines, item)
    _dedent_answers(out)
    return "\n".join(out)


#: The indentation that makes a Markdown paragraph code.
_CODE_INDENT = 4


def _dedent_answers(out: list[str]) -> None:
    """Take an answer's margin (its first line's indentation, four spaces or more) off its lines: a posting
    indents its answers as text (ten spaces under "   1.2 …"), where Markdown would read them as code. Code in an answer,
    indented past its text, stays code; a line left of the margin loses its own indentation."""
    starts = [index for index, line in enumerate(out) if line.startswith("#")] + [len(out)]
    for start, end in zip(starts, starts[1:]):
        body = [index for index in range(start + 1, end) if out[index].strip()]
        if not body:
            continue
        opening = out[body[0]].expandtabs(8)
        margin = len(opening) - len(opening.lstrip(" "))
        if margin < _CODE_INDENT:
            continue  # most answers: at the margin, or a paragraph's indent
        for index in body:
            text = out[index].expandtabs(8)
            out[index] = text[min(margin, len(text) - len(text.lstrip(" "))):]


def _listed(text: str) -> bool:
    """Does the text open like a list of contents: among its first labelled lines near its top, three close together
    (within a few lines), two of which open labelled lines further down, farther apart (answers between them)?"""
    lowered = ""
    found: list[tuple[int, int, str]] = []  # each labelled line's start, end, first words
    for match in _LABELLED.finditer(text, 0, _LIST_REACH):
        found.append((match.start(), match.end(), match["text"][:_SHARED].lower()))
        if len(found) >= _FEWEST:
            window = found[-_FEWEST:]
            span = text.count("\n", window[0][0], window[-1][0])
            if span <= _LIST_SPAN:
                lowered = lowered or text.lower()
                again = [start for _, end, words in window if (start := _labelled_at(text, lowered.find(words, end)))]
                if len(again) >= _FEWEST - 1 and text.count("\n", again[0], again[-1]) > span:
                    return True
        if len(found) >= _LIST_OPENING:
            return False
    return False


def _listed_titles(lines: list[str], listed: list[int], labelled: list[_Labelled]) -> list[int]:
    """The lines after the list of contents that repeat one of its unlabelled lines (``Section A: Basics``
    over its entries): section titles."""
    if not listed:
        return []
    starts = {item.index for item in labelled}
    titles = {_words(lines[index]) for index in listed if lines[index][:1].strip() and index not in starts}
    titles.discard("")
    return [index for index in range(listed[-1] + 1, len(lines))
            if lines[index][:1].strip() and index not in starts and _words(lines[index]) in titles]


def _labelled_at(text: str, position: int) -> int:
    """The start of the line holding ``position`` when it is a labelled line whose text is there, else 0."""
    if position < 0:
        return 0
    start = text.rfind("\n", 0, position) + 1
    match = _LABELLED.match(text, start)
    return start if match and match.start("text") == position else 0


def _top_headers(lines: list[str]) -> list[int]:
    """The lines of the header blocks at the top (news headers, then the FAQ's own ``Archive-name:`` block),
    when they are a posting's: one names a header only postings carry."""
    found: list[int] = []
    names: set[str] = set()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines):
        block: list[int] = []
        while index < len(lines) and lines[index].strip() and (
                _HEADER.match(lines[index]) or block and lines[index][:1] in " \t"):
            if lines[index][:1] not in " \t":
                names.add(lines[index].split(":", 1)[0].lower())
            block.append(index)
            index += 1
        if len(block) < 2 or index < len(lines) and lines[index].strip():
            break  # not a block of headers alone: the text begins
        found += block
        while index < len(lines) and not lines[index].strip():
            index += 1
    if names.isdisjoint(_NEWS_HEADERS) or not all(map(_posting_header, names)):
        return []  # a note opening with "Title: …" and "Tags: …", or mail headers alone
    return found


def _posting_header(name: str) -> bool:
    """Can a posting's header block hold a header of this name (one the FAQ adds: ``Bash-Version``)?"""
    return name in _NEWS_HEADERS or name in _POSTING_HEADERS or "-" in name


def _labelled_lines(lines: list[str], start: int) -> list[_Labelled]:
    found = []
    for index in range(start, len(lines)):
        line = lines[index]
        if not line[:1].strip() and not line.strip():
            continue
        match = _LABELLED.match(line)
        if match:
            label = match["bracketed"] or match["label"]
            close = "]" if match["bracketed"] else (match["close"] or "").strip()
            text = match["text"]
            found.append(_Labelled(index, len(match["indent"].expandtabs()), bool(match["subject"]), label, close,
                                   text, _words(text[: 4 * _SHARED])[:_SHARED]))
        elif line.startswith("Subject:") and (subject := _SUBJECT.match(line)):
            found.append(_Labelled(index, 0, True, "", "", subject["text"], ""))
    return found


def _entries(labelled: list[_Labelled], lines: list[str]
             ) -> tuple[list[int], list[_Labelled], list[_Labelled], dict[int, int]]:
    """The lines of the list of contents, the entries' label lines, the sections' label lines, and for
    each listed entry's line the length of its question's words as listed (wrapped lines joined)."""
    pairs = _pairs(labelled)
    listed: list[int] = []
    answered: list[_Labelled] = []
    if len(pairs) >= _FEWEST:
        # The list comes before the first answer: a pair after it is a line an answer repeats.
        first_answer = min(entry.index for _, entry in pairs)
        pairs = [(listing, entry) for listing, entry in pairs if listing.index < first_answer]
    if len(pairs) >= _FEWEST:
        begin = min(listing.index for listing, _ in pairs)
        end = max(listing.index for listing, _ in pairs)
        while end + 1 < len(lines) and lines[end + 1][:1] in " \t" and lines[end + 1].strip():
            end += 1  # the last question listed, wrapped
        above = begin - 1
        while above > 0 and not lines[above].strip():
            above -= 1
        if above > 0 and not lines[above - 1].strip() and not _ROW.match(lines[above]):
            begin = above  # the title of the first section listed ("Section A: Basics"), a line of its own
        if _lists(labelled, lines, begin, end, len(pairs)) and _answers(labelled, lines, [entry for _, entry in pairs]):
            listed = list(range(begin, end + 1))
            answered = [entry for _, entry in pairs]
    in_list = set(listed)
    # How long each listed question is, by its first words: an entry numbered otherwise than its listing has one.
    # Entries may share their first words ("Can I set up a server on UNIX?", "… on Windows XP, 2000, NT, Me, 98,"
    # over "or 95?"): the listing of the same label and words is the one to measure by.
    by_key: dict[str | tuple[str, str], int] = {}
    for item in labelled:
        if item.index in in_list:
            by_key[item.key] = by_key[(item.label, item.key)] = len(_words(_wrapped_text(lines, item)))
    after = listed[-1] if listed else -1
    subjects = [item for item in labelled if item.subject and item.index not in in_list and _under_row(lines, item.index)]
    if not answered and len(subjects) < _FEWEST:
        return [], [], [], {}
    # Most entries sit at one depth (1.2); those above it are sections (1.), those below sub-entries (1.2.3).
    depths = Counter(item.depth for item in answered)
    depth = max(depths, key=lambda depth: (depths[depth], depth), default=0)
    shapes = {item.shape for item in answered if item.depth == depth}
    chosen = {item.index for item in answered}
    answered_labels = {item.label for item in answered}
    for item in labelled:
        if item.index <= after or item.index in chosen or not item.label or item.label in answered_labels:
            continue  # the list, an entry, a line naming an entry ("see 4.12")
        if item.shape in shapes and (item.subject or item.depth > 1 or item.label[:1].isalpha()):
            answered.append(item)  # an entry the list left out, written as the listed ones are
            chosen.add(item.index)
    # A digest's Subject lines are its entries; where most carry a label, those that carry none are the
    # posting's own parts (how to read it, a glossary, the appendices), sections of no question.
    labelled_subjects = sum(1 for item in subjects if item.label)
    parts = [item for item in subjects if item.index not in chosen and not item.label
             and labelled_subjects * 2 >= len(subjects)]
    answered += [item for item in subjects if item.index not in chosen and item not in parts]
    if not depth:
        depths = Counter(item.depth for item in answered if item.label)
        depth = max(depths, key=lambda depth: (depths[depth], depth), default=0)
    entries, sections = [], list(parts)
    for item in answered:
        if item.label and (item.depth < depth or _zero(item.label)):
            sections.append(item)
        else:
            entries.append(item)
    return listed, entries, sections, {item.index: by_key.get((item.label, item.key), by_key.get(item.key, 0))
                                       for item in entries}


def _pairs(labelled: list[_Labelled]) -> list[tuple[_Labelled, _Labelled]]:
    """Each listed question with its entry further down: the same label and first words, or, for an entry
    numbered otherwise than its listing (one of them renumbered), the same first words alone when no other
    line left unpaired opens with them."""
    first: dict[tuple[str, str], _Labelled] = {}
    pairs: list[tuple[_Labelled, _Labelled]] = []
    later: list[_Labelled] = []
    for item in labelled:
        if not item.label:
            continue
        key = (item.label, item.key)
        if key in first:
            pairs.append((first.pop(key), item))
        else:
            first[key] = item
            later.append(item)
    words = Counter(item.key for item in first.values())
    unpaired: dict[str, _Labelled] = {}
    for item in later:
        if first.get((item.label, item.key)) is not item or words[item.key] != 2:
            continue
        if item.key in unpaired:
            pairs.append((unpaired.pop(item.key), item))
        else:
            unpaired[item.key] = item
    return sorted(pairs, key=lambda pair: pair[1].index)


def _lists(labelled: list[_Labelled], lines: list[str], begin: int, end: int, pairs: int) -> bool:
    """Are lines ``begin`` to ``end`` a list of contents: labelled lines (and the lines they wrap onto) most of
    its lines, most of them listing a question answered below? A numbered list an answer repeats is none."""
    inside = [item for item in labelled if begin <= item.index <= end]
    text = sum(1 for index in range(begin, end + 1) if lines[index].strip())
    wrapped = sum(1 for index in range(begin, end + 1) if lines[index][:1] in " \t" and lines[index].strip()
                  and not _LABELLED.match(lines[index]))
    return pairs * 2 >= len(inside) and (len(inside) + wrapped) * 3 >= text * 2


def _answers(labelled: list[_Labelled], lines: list[str], entries: list[_Labelled]) -> bool:
    """Do most entries have text of their own before the next labelled line (a list repeated has none)?"""
    starts = [item.index for item in labelled]
    answered = 0
    for entry in entries:
        after = bisect_right(starts, entry.index)
        following = starts[after] if after < len(starts) else len(lines)
        first = entry.index + 1 + len(_continuation(lines, entry, 0))
        answered += any(line.strip() and not _ROW.match(line) for line in lines[first:following])
    return answered * 2 >= len(entries)


def _words(text: str) -> str:
    return _WORD_CHARACTERS.sub("", text.lower())


def _wrapped_text(lines: list[str], item: _Labelled) -> str:
    """A listed question's text with the lines it wraps onto (indented under it)."""
    return " ".join([item.text, *(line.strip() for line in _continuation(lines, item, 0))])


def _continuation(lines: list[str], item: _Labelled, listed: int) -> list[str]:
    """The lines a label line's question goes on over: indented under it, or, while its words fall short of
    the ``listed`` length of its listing, the next lines before a blank one."""
    found: list[str] = []
    words = len(_words(item.text))
    for index in range(item.index + 1, min(item.index + 1 + _WRAPPED_LINES, len(lines))):
        line = lines[index]
        indent = len(line) - len(line.lstrip(" \t"))
        if not line.strip() or _LABELLED.match(line) or _ROW.match(line) or (
                indent <= item.indent and words >= listed):
            break
        found.append(line)
        words += len(_words(line))
    return found


def _under_row(lines: list[str], index: int) -> bool:
    """Does the ``Subject:`` line at ``index`` open a digest's message: in a block of headers under a row of
    dashes (a blank line between), not in an article quoted in an answer?"""
    index -= 1
    while index >= 0 and lines[index].strip() and _HEADER.match(lines[index]):
        index -= 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    return index < 0 or bool(_ROW.match(lines[index]))


def _zero(label: str) -> bool:
    """Does the label number a section (``02.00``): a last part of zeros under a first that is not?"""
    parts = label.split(".")
    return len(parts) > 1 and not parts[-1].strip("0") and bool(parts[0].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").strip("0"))


def _title(text: str) -> str:
    """A section's title, its label and decoration (``4 - Modules``, ``***** Introduction *****``) dropped."""
    labelled = _LABELLED.match(text)
    text = labelled["text"] if labelled else text
    return text.strip("*=-~ \t").rstrip(":") or text


def _wrapped(out: list[str], lines: list[str], item: _Labelled, listed: int) -> str:
    """The question of a label line, with the lines it wraps onto (blanked where they stood)."""
    more = _continuation(lines, item, listed)
    for index in range(item.index + 1, item.index + 1 + len(more)):
        out[index] = ""
    return " ".join([item.text, *(line.strip() for line in more)])


def _blank_own_headers(out: list[str], lines: list[str], item: _Labelled) -> None:
    """Blank the headers a digest entry carries about its ``Subject:`` line (``From:``, ``Date:``)."""
    if not item.subject:
        return
    for step in (-1, 1):
        index = item.index + step
        while 0 <= index < len(lines) and lines[index].strip() and _HEADER.match(lines[index]) \
                and not lines[index].startswith("Subject:"):
            out[index] = ""
            index += step


def _blank_rows(out: list[str], lines: list[str]) -> None:
    """Blank the rows between entries; a line boxed between two rows is a title (``# Introduction``), and so
    is a line standing alone over a row of equals signs or stars (a title, a digest's closing line)."""
    for index, line in enumerate(lines):
        if not _ROW.match(line):
            continue
        out[index] = ""
        if index < 1 or not lines[index - 1].strip() or not out[index - 1]:
            continue
        above = lines[index - 2] if index >= 2 else ""
        if _ROW.match(above) or not above.strip() and set(line.strip()) <= _TITLE_ROWS:
            out[index - 1] = f"# {_title(lines[index - 1].strip())}"
