"""Layout ``quiz``: multiple-choice and "what's the output?" quizzes, the answer folded in ``<details>``.

    ###### 4. What's the output?

    ```javascript
    console.log(typeof NaN);
    ```

    - A: `"number"`
    - B: `"NaN"`

    <details><summary><b>Answer</b></summary>
    <p>

    #### Answer: A

    NaN is a number value ...
    </p>
    </details>

A question is a heading followed, before the next such heading, by a
``<details>`` block. The front is the heading with everything between it and
the block (the code and the lettered options: without them "What's the
output?" cannot be answered); the back is the block's body, its summary
dropped, the "Answer: B" heading read as the chosen option's letter and
text, then the explanation.
"""

from __future__ import annotations

import re

from ..model import Source
from .entries import Entry, coverage, make_layout
from .headings import asks
from .markup import inline_text
from .options import named
from .structure import Line, answer_from, heading, opens_with_title, outline

NAME = "quiz"

_DETAILS_OPEN = re.compile(r"^\s*<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details>\s*$", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b.*?</summary>\s*(?:<br\s*/?>)?", re.IGNORECASE | re.DOTALL)
_NUMBERING = re.compile(r"^(?:Q(?:uestion)?\s*)?\d+\s*[.:)]\s*", re.IGNORECASE)
_OPTION = re.compile(r"^\s*[-*+]?\s*\(?([A-Ha-h])\s*[:.)]\s+(\S.*)$")
#: "Answer: B", "Antwort: B", "B", "(B) …": one word and a colon (in any language), then the letter.
_CHOSEN = re.compile(r"^(?:[^\W\d_]+\s*[:：]\s*)?\(?([A-H])\)?(?:\s*[:.)]\s*.*)?$")


def _details_ranges(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) indexes of the top-level ``<details>`` blocks outside code."""
    ranges = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.code and _DETAILS_OPEN.match(line.text):
            end = index
            depth = 0
            while end < len(lines):
                text = lines[end].text if not lines[end].code else ""
                depth += len(re.findall(r"<details\b", text, re.IGNORECASE))
                depth -= len(re.findall(r"</details>", text, re.IGNORECASE))
                if depth <= 0:
                    break
                end += 1
            ranges.append((index, min(end, len(lines) - 1)))
            index = end + 1
        else:
            index += 1
    return ranges


def find(source: Source) -> list[Entry]:
    if "<details" not in source.text and "<DETAILS" not in source.text:
        return []
    lines = outline(source)
    # A block whose summary asks is a question of its own (the details layout's), not a quiz's answer.
    ranges = [block for block in _details_ranges(lines) if not _asks(lines, block)]
    if len(ranges) < 2:
        return []
    inside = {k for first, last in ranges for k in range(first, last + 1)}
    found = [(k, marked[0]) for k, line in enumerate(lines) if k not in inside and (marked := heading(line))]
    if opens_with_title([level for _, level in found]):
        found.pop(0)  # the document's title: what is folded under it (translations, a note) asks nothing
    questions = [k for k, _ in found]
    sections = _sections(lines, found)
    entries = []
    for position, start in enumerate(questions):
        end = questions[position + 1] if position + 1 < len(questions) else len(lines)
        block = next(((first, last) for first, last in ranges if start < first < end), None)
        if block is None:
            continue
        entries.append(_entry(lines, start, block, sections[start]))
    return entries


def _asks(lines: list[Line], block: tuple[int, int]) -> bool:
    summary = _SUMMARY.search("\n".join(line.text for line in lines[block[0] : block[1] + 1]))
    return summary is not None and asks(inline_text(summary.group(0)))


def _sections(lines: list[Line], found: list[tuple[int, int]]) -> dict[int, str]:
    """Each heading's section: the title of the nearest heading above it of a higher rank ("" for none)."""
    out = {}
    open_titles: dict[int, str] = {}
    for k, level in found:
        open_titles = {above: title for above, title in open_titles.items() if above < level}
        out[k] = open_titles[max(open_titles)] if open_titles else ""
        marked = heading(lines[k])
        open_titles[level] = inline_text(marked[1]) if marked else ""
    return out


def _entry(lines: list[Line], start: int, block: tuple[int, int], section: str) -> Entry:
    first, last = block
    level_text = heading(lines[start])
    title = inline_text(level_text[1]) if level_text else ""
    bare = _NUMBERING.sub("", title, count=1)
    front, _ = answer_from(lines[start + 1 : first])
    # A heading that only numbers the question ("###### Question 4.") over its text: the text asks alone.
    question = f"{bare}\n\n{front}" if bare and front else front or bare or title
    back = _back(lines[first : last + 1], _options(lines[start + 1 : first]))
    return Entry(question, back, lines[start].number, lines[last].number, section)


def _options(lines: list[Line]) -> dict[str, str]:
    found = {}
    for line in lines:
        option = None if line.code else _OPTION.match(line.text)
        if option:
            found[option.group(1).upper()] = option.group(2).strip()
    return found


def _back(lines: list[Line], options: dict[str, str]) -> str:
    """The block's body as Markdown, its "Answer: B" heading the chosen option in bold."""
    body: list[Line] = []
    for line in lines:
        text = line.text
        if not line.code:
            text = _SUMMARY.sub("", text)
            text = re.sub(r"</?details[^>]*>|</?p>", "", text, flags=re.IGNORECASE)
            marked = heading(Line(line.number, text))
            if marked is not None:
                text = _chosen(inline_text(marked[1]), options)
            elif options and (key := named(text))[0] and all(letter in options for letter in key[0]):
                text = "\n\n".join(f"**{letter}**: {options[letter]}" for letter in key[0])  # "**Correct answer:** C"
                if key[1] and key[1] not in options.values():
                    text += "\n\n" + key[1]  # "Answer: B) because …": the reason too
        body.append(Line(line.number, text, line.code))
    answer, _ = answer_from(body)
    return answer


def _chosen(text: str, options: dict[str, str]) -> str:
    """A heading in the answer: "Answer: B" with option B's text, or the heading's text in bold."""
    chosen = _CHOSEN.match(text)
    if chosen:
        letter = chosen.group(1).upper()
        option = options.get(letter)
        return f"**{letter}**: {option}" if option else f"**{letter}**"
    return f"**{text}**"


def _score(source: Source, entries: list[Entry]) -> float:
    """:func:`coverage`, the lines after the last answer's fold explained too: the page's footer (a note of where
    the questions come from), no question's. The headings layout, which reads each fold into the answer above
    it, would otherwise win by the footer it reads into the last card."""
    if len(entries) < 2:
        return 0.0
    end = max(entry.last for entry in entries)
    if "<details" in source.text.split("\n", end)[-1].lower():
        return coverage(source, entries)  # more folds after the last answer: the page's own, no footer
    return coverage(source, entries, also=range(end + 1, source.text.count("\n") + 2))


LAYOUT = make_layout(
    NAME,
    "Quizzes: a question heading with its code and lettered options, the answer in <details> below",
    find,
    _score,
)
