"""Layout ``key``: numbered questions, then an answer key that answers them by number.

    1. What is the chemical symbol for gold?        QUESTIONS
    2. Which planet is the red planet?              1) What is the capital of Japan?
       a) Venus  b) Mars  c) Jupiter                2) How many legs does a spider have?

    ## Answers                                      ANSWER KEY
    1. Au                                           1) Tokyo   2) Eight
    2. b

Worksheets, chapter reviews and quizzes ask first and answer at the end. A key
is a line titled so (``Answers``, ``Answer key``, ``Solutions`` and their words
in other languages; a heading or a line of its own) over numbered answers, one
a line or several to a line (``1. b  2. d``). Each answer goes to the question
of its number written since the last key: the card's front is the question with
its lettered options, its back the answer, or the option a lone letter names.
At least two questions must find their answer, and the questions must stand
alone (no answer under them): a numbered list with answers under each item is
the ``numbered`` layout's.

Exam-prep quizzes in Markdown give each question a heading of its own (``### Q3. Which …``,
``## Question 3``), its text, code and lettered options under it, and answer under headings of the
key's (``### Q3 — (B)``, ``### Q3: B — filter()``, or ``### Q3`` over ``**Answer: B**``): a question's
or answer's section is its own, up to the next heading. A question whose section already answers it
(an ``Answer:`` line, a ``<details>`` fold) is no key's.

Word tests set this out in their own ways, read the same: a question may be a
table's row (``| 3 | Which …? a) … b) … |``, its options run on after it), the
key a table whose header names the right answer (``| Question number | Correct
answer |``) or lines of a number and a letter (``7 b``); a question's text may
go on over lines, paragraphs or a numbered list of its own before its options.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Source
from .entries import Entry, coverage, make_layout
from .markup import inline_text
from .structure import SPACE, Line, LineStart, heading, outline, outline_sections

NAME = "key"

#: A key's title, in the words worksheets use (lower case, markup and a closing colon removed).
KEY_TITLE = re.compile(
    r"^(?:the\s+)?(?:answers?(?:\s+(?:key|sheet))?|(?:answer\s+)?keys?|solutions?|(?:correct|right)\s+answers?|"
    r"mark(?:ing)?\s+schemes?|(?:model|suggested|sample)\s+(?:answers?|solutions?)|"
    r"respuestas|soluciones|réponses|corrigé|solutions?|antworten|lösungen|risposte|soluzioni|respostas|gabarito|"
    r"odpowiedzi|antwoorden|svar|vastaukset|cevaplar|jawaban|đáp án|ответы|відповіді|答案|解答|参考答案|正解|解答例|정답|답)"
    r"(?:\s+(?:to|for|and|with|&)\b.*|\s+&.*|\s*\(.*\))?(?:\s*[:：]\s*(?P<rest>\d.*))?$",
    re.IGNORECASE,
)
#: A numbered question: its number, then its text; or a table's row of the two ("| 3 | Which …? a) … |", "| Q3 | …"),
#: as a Word test sets each question in a table.
_QUESTION = re.compile(
    r"^\s{0,3}(?:\*\*|__)?(?:Q(?:uestion)?\s*)?(\d{1,3})\s*[.):](?:\*\*|__)?\s+(\S.*)$"
    r"|^\s*\|\s*(?:Q(?:uestion)?\s*)?(\d{1,3})\s*\|\s*([^|]*?\S)\s*(?:\|\s*)?$",
    re.IGNORECASE,
)
#: One numbered answer of a key line: its number and its text, up to the next number on the line.
_ANSWER = re.compile(r"(?:^|(?<=\s))(?:\*\*|__)?(\d{1,3})\s*[.):=-](?:\*\*|__)?\s*(\S.*?)(?=\s+\d{1,3}\s*[.):=-]\s*\S|\s*$)")
#: A lettered option under a question: "a) Venus", "(b) Mars", "C. Jupiter".
_OPTION = re.compile(r"(?:^|(?<=\s))\(?([A-Ha-h])[.)]\s+(\S.*?)(?=\s+\(?[A-Ha-h][.)]\s|\s*$)")
#: An answer naming an option: its letter (bold or not), then maybe why ("**B** — because …").
_LETTER = re.compile(r"^(?:\*\*|__)?\(?([A-Ha-h])\)?\.?(?:\*\*|__)?(?:$|\s+(?:[—–:-]\s*)?(\S.*))", re.DOTALL)
#: A key's answer matching each option to something, a line each ("A = Stigma", "B = Style"): no one letter.
_PAIRS_LETTERS = re.compile(r"\n\s*\(?[A-Ha-h]\)?\s*[=:.)-]")
#: Several answers on one line are short ("1. b  2. d"); a long one is one answer that holds a number.
_SHORT = 40
_ONE_ANSWER = re.compile(r"^\s{0,3}(?:\*\*|__)?(\d{1,3})\s*[.):=-](?:\*\*|__)?\s*(\S.*)$")
#: A number and a letter with only a space between them ("7 b"), alone on a key's line.
_NUMBER_LETTER = re.compile(r"^\s{0,3}(\d{1,3})\s+([A-Ha-h])\s*$")
#: A number alone on its line, the answer under it.
_NUMBER_ALONE = re.compile(r"^\s{0,3}(?:\*\*|__)?(\d{1,3})\s*[.):](?:\*\*|__)?\s*$")
#: A key line opens with its first answer's number (bold or not): "1. b", "**2.** Paris", "3) Tokyo".
_NUMBERED = re.compile(r"^\s{0,3}(?:\*\*|__)?\d{1,3}\s*[.):=-]")
#: A key's table row: the question's number, then its answer ("| 3 | B | Easy |").
_ROW = re.compile(r"^\s*\|?\s*(\d{1,3})\s*\|\s*([^|]*?\S)\s*(?:\||$)")
#: A line of HTML tags alone (and the summary's words): a fold around a key.
_TAGS = re.compile(r"(?:<[^>]+>[^<]{0,60})+")
_BULLET = re.compile(r"^\s*[-*+•]\s")
#: Share of the questions before the last key that it must answer for the file to be this layout's.
WELL_ANSWERED = 0.8
#: An emoji a notes author sets before a title ("## ✅ Mark Scheme", "## 📝 Answers"), its variation selector too.
_EMOJI = "[\u2600-\u27bf\u2b50\U0001F300-\U0001FAFF]\ufe0f?"
_MARKS = re.compile(rf"^(?:[#*_\s]|{_EMOJI})+|[*_\s:：]+$")
#: A heading that opens a question or its answer by number ("Q3. Which …", "Question 3", "Q3 — (B)",
#: "Q3: B — filter()"): the number, then what follows it.
_HEADED = re.compile(r"^(?:Q|Question)[ \t]*(\d{1,3})(?![\d.,]\d)[ \t]*(?:[.):|—–-][ \t]*)?(.*)$", re.IGNORECASE)
#: A heading that answers a question by its number ("### Answer 3", "## Solution 3: 42"): the number, then the
#: answer's first words. A run of them is a key of its own, though no title opens it.
_ANSWER_HEADING = re.compile(
    r"^(?:answer|ans|solution)[ \t]*(?:no\.?[ \t]*)?(\d{1,3})(?![\d.,]\d)[ \t]*(?:[.):|—–-][ \t]*)?(.*)$", re.IGNORECASE)
#: A line of a ``<details>`` fold's own tags ("<details>", "<summary>Show answers</summary>"): no answer's text.
_FOLD = re.compile(r"^\s*</?(?:details|summary)\b", re.IGNORECASE)
#: A lettered option, listed or not ("- (B) Only the object", "C. kube-scheduler"): its letter and text.
_LISTED_OPTION = re.compile(r"^\s*(?:[-*+][ \t]+)?\(?([A-Ha-h])[.)][ \t]+(\S.*?)\s*$")
#: A line that answers the question above it, in its own section: the quiz layout's or the headings'.
_ANSWERED = re.compile(
    r"^\s*(?:>\s*)*(?:<details|<summary|[*_]{0,2}(?:correct\s+|right\s+)?(?:answers?|ans|solution)\b[^:\n]{0,20}[:：])",
    re.IGNORECASE,
)
#: A key's answer naming itself ("**Answer: B**", "**Correct Answer:** C"), the label before the letter.
_LABEL = re.compile(r"^(?:\*\*|__)?(?:(?:correct|right)\s+)?answers?\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*", re.IGNORECASE)
#: A thematic break ("---"): between sections, no one's text.
_RULER = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
#: A line that may be a key's title: its first word one of the title's (searched at C speed first).
_MAY_TITLE = LineStart(re.compile(
    # The first letters of the words, as one class, fail most lines before the words are tried.
    rf"^{SPACE}{{0,3}}(?:#{{1,6}}{SPACE}+)?(?:{_EMOJI}{SPACE}*)?[*_]{{0,2}}(?:{_EMOJI}{SPACE}*)?(?:the{SPACE}+)?"
    r"(?=[akscrgovjmđотв答解参正정답])(?:answer|key|solution|correct|mark|model|suggested|sample|respuesta|soluci|"
    r"réponse|corrig|antwort|lösung|rispost|soluzion|respost|gabarito|odpowied|antwoord|svar|vastau|cevap|jawaban|"
    r"đáp|ответ|відповід|答案|解答|参考答案|正解|정답|답)",
    re.IGNORECASE,
))


#: A table's header row with a cell naming the answer ("| Question number | Correct answer |"): searched for
#: once in the whole text, as few files hold one.
_KEY_HEADER = re.compile(
    r"^[ \t]*\|(?:[^|\n]*\|)?[ \t]*[*_]{0,2}(?:(?:correct|right)[ \t]+)?(?:answers?|keys?|solutions?)[*_:]{0,3}[ \t]*\|",
    re.IGNORECASE | re.MULTILINE,
)
#: A table's delimiter row, or a row of empty cells: no text of a question.
_EMPTY_ROW = re.compile(r"^\s*\|[\s|:-]*$")


def _title(line: Line, below: Line | None = None) -> str | None:
    """None when ``line`` is no key's title, else what follows the title on it: the first answers
    (``Answers: 1. b 2. d``), or "". A table's header of two or three cells, one naming the answer, over its
    delimiter row (``below``) is a title too: a Word test's key table."""
    if not line.code and below is not None and _KEY_HEADER.match(line.text) and _EMPTY_ROW.match(below.text):
        return "" if line.text.count("|") <= 4 and "-" in below.text else None
    if line.code or not _MAY_TITLE.matches(line.text):
        return None
    found = heading(line)
    text = _MARKS.sub("", inline_text(found[1] if found else line.text)).strip()
    titled = KEY_TITLE.match(text) if len(text) < 40 or ":" in text or "：" in text else None
    if titled is None:
        return _BY_HEADINGS if found and _ANSWER_HEADING.match(text) else None
    return titled.group("rest") or ""


#: What :func:`_title` says of a heading that answers by number ("### Answer 1"): a key starts at it.
_BY_HEADINGS = "\0answer heading"


def _fold_start(lines: list[Line], index: int) -> int:
    """Where the key that starts at ``index`` begins with what stands over it: the blank lines, rulers and a
    fold's tags (``<details>``, ``<summary>Show answers</summary>``) right above it are no question's."""
    while index > 0 and not lines[index - 1].code and (
            lines[index - 1].blank or _RULER.match(lines[index - 1].text) or _FOLD.match(lines[index - 1].text)):
        index -= 1
    return index


def _unbolded(back: str, letter: re.Match[str]) -> str:
    """What a key says after an option's letter, without the closing bold of a run that opened before the letter
    ("**C) Senses in general**" over its explanation: the bold closes after the option's text)."""
    why = letter.group(2) or ""
    opened = back[:2] if back[:2] in ("**", "__") else ""
    if not opened or opened in back[2 : letter.start(2) if letter.group(2) else len(back)]:
        return why
    first, newline, more = why.partition("\n")
    if not first.rstrip().endswith(opened) or opened in first.rstrip()[:-2]:
        return why
    return first.rstrip()[:-2].rstrip() + newline + more


def find(source: Source) -> list[Entry]:
    return _read(source)[0]


@lru_cache(maxsize=1)
def _read(source: Source) -> tuple[list[Entry], int]:
    """The cards the keys answer, and how many numbered questions stand before the keys (remembered
    for the last source: detection's score asks again for what ``find`` read)."""
    if not _MAY_TITLE.found_in(source.text) and not ("|" in source.text and _KEY_HEADER.search(source.text)):
        return [], 0  # most files: no line opens with a key's word
    lines = outline(source)
    keys = [(index, rest) for index, line in enumerate(lines)
            if (rest := _title(line, lines[index + 1] if index + 1 < len(lines) else None)) is not None]
    if not keys:
        return [], 0
    sections = outline_sections(source)
    entries: list[Entry] = []
    asked = 0
    start = 0
    for key, rest in keys:
        if key < start:
            continue  # a title inside the key before it ("Answers" over its sections' keys)
        if rest is _BY_HEADINGS:  # "### Answer 1" and the headings like it after it: a key with no title
            level = heading(lines[key])[0]  # type: ignore[index]  # _title found it a heading
            questions = _questions(lines, start, _fold_start(lines, key))
            answers, end = _answers(lines, key, "", (level - 1, ""), headed_only=True)
        else:
            questions = _questions(lines, start, key)
            answers, end = _answers(lines, key + 1, rest, heading(lines[key]))
        asked += sum(map(len, questions))
        for asking, answering in _paired(questions, answers):
            for number, (first, last) in asking.items():
                if number not in answering:
                    continue
                titled = heading(lines[first])
                front, options = (_headed_front(lines[first : last + 1]) if titled else
                                  _front(lines[first : last + 1]))
                back = answering[number]
                if (unlabelled := _LABEL.sub("", back, count=1)) != back and _LETTER.match(unlabelled):
                    back = unlabelled  # "**Answer: B**": the letter the label names
                letter = _LETTER.match(back)
                if letter and letter.group(1).upper() in options and not _PAIRS_LETTERS.search(back):
                    chosen = letter.group(1).upper()
                    why = _unrepeated(options[chosen], _unbolded(back, letter))
                    back = f"{chosen}. {options[chosen]}" + (f"\n\n{why}" if why else "")
                entries.append(Entry(front, back, lines[first].number, lines[last].number, sections[first]))
        start = end
    return (entries, asked) if len(entries) >= 2 else ([], asked)


def _paired(questions: list[Round], answers: list[dict[int, str]]) -> list[tuple[Round, dict[int, str]]]:
    """The questions' rounds with the key's rounds that answer them: one to one, in order, where both number
    afresh as often (``Section A`` 1-5, ``Section B`` 1-5, and the key's sections likewise); else every
    question with the answer of its number, the first the key gives."""
    if len(questions) == len(answers):
        return list(zip(questions, answers))
    merged: dict[int, str] = {}
    for answering in answers:
        for number, answer in answering.items():
            merged.setdefault(number, answer)
    return [(asking, merged) for asking in questions]


#: Number -> (first, last line index) of the questions of one round of numbering.
Round = dict[int, tuple[int, int]]


def _asked(line: Line) -> tuple[int, str] | None:
    """The number and text of the question ``line`` opens (a numbered line or a table's row), or None."""
    match = None if line.code else _QUESTION.match(line.text)
    if match is None:
        return None
    return (int(match.group(1)), match.group(2)) if match.group(1) else (int(match.group(3)), match.group(4))


#: How far below a question its options may start, past its further paragraphs or the lines it lists.
_REACH = 24


def _options_follow(lines: list[Line], index: int, stop: int, listing: bool = False) -> bool:
    """Do lettered options start within :data:`_REACH` lines from ``index``, before another question or a heading?
    With ``listing``, numbered lines on the way are items the question lists ("1. If x=3 then")."""
    for line in lines[index : min(stop, index + _REACH)]:
        if line.code or line.blank:
            continue
        if _OPTION_START.match(line.text):
            return True
        if heading(line) or (_asked(line) is not None and not listing):
            return False
    return False


#: A number and text with no point between them: the next question where its number follows the one before.
_UNPOINTED = re.compile(r"^\s{0,3}(\d{1,3})\s+(\S.*)$")
#: A line opening with a lettered option.
_OPTION_START = re.compile(r"^\s*\(?[A-Ha-h][.)]\s+\S")


def _questions(lines: list[Line], start: int, stop: int) -> list[Round]:
    """The rounds of numbered questions between ``start`` and ``stop`` (a number asked again starts a new
    round: sections that number afresh): each question holds the lettered options under it (a blank line may
    part them from it) up to the next question, heading or other text. Empty when a question has text under
    it that is no option nor an item right under it (an answer: the numbered layout's).

    Text between a question and its options is the question's own (its line wrapped, a paragraph or a
    numbered list it shows: "1. If x=3 then" under question 17), as are a table's delimiter and empty rows.
    """
    rounds: list[Round] = [{}]
    headed_rounds: list[Round] = [{}]  # the headed questions alone
    opened = False  # a headed question with no options ("## Question 3" over its text): a quiz's open question
    broken = False  # a numbered line has text under it that answers it: the numbered layout's, no key's
    current: int | None = None
    gap = False
    optioned = False
    listed = 0  # the last number of a list the current question shows
    after = start  # past the section of the last headed question
    for index in range(start, stop):
        if index < after:
            continue
        line = lines[index]
        if (titled := heading(line)) and (headed := _headed_question(lines, index, stop, titled[1])):
            number, last, open_question = headed
            opened = opened or open_question
            current, gap, optioned, listed, after = None, False, False, 0, last + 1
            if number in rounds[-1]:
                rounds.append({})
            rounds[-1][number] = (index, last)
            if number in headed_rounds[-1]:
                headed_rounds.append({})
            headed_rounds[-1][number] = (index, last)
            continue
        if broken:
            continue  # only headed questions may still be a key's
        asked = _asked(line)
        if asked is None and not line.code and rounds[-1] and (bare := _UNPOINTED.match(line.text)) \
                and int(bare.group(1)) == max(rounds[-1]) + 1:
            asked = int(bare.group(1)), bare.group(2)  # "19 Which …": the next number, its point left out
        if asked and current is not None and not optioned \
                and (asked[0] == listed + 1 if listed else asked[0] not in (current, current + 1)) \
                and _options_follow(lines, index, stop, listing=True):
            listed, asked = asked[0], None  # a list the question shows, numbered afresh, its options below it
        if asked:
            current, gap, optioned, listed = asked[0], False, False, 0
            if current in rounds[-1]:
                rounds.append({})
            rounds[-1][current] = (index, index)
        elif line.blank or not line.code and _EMPTY_ROW.match(line.text):
            gap = gap or line.blank
        elif heading(line) or current is None:
            current = None
        elif _OPTION.search(line.text) or not gap and _BULLET.match(line.text):
            optioned = optioned or _OPTION.search(line.text) is not None
            rounds[-1][current] = (rounds[-1][current][0], index)  # an option, or an item the question lists
        elif not optioned and _options_follow(lines, index + 1, stop, listing=True):
            rounds[-1][current] = (rounds[-1][current][0], index)  # the question's text goes on above its options
            gap = False
        elif gap:
            current = None  # text after a blank line: the question's block ended before it
        else:
            broken = True
    if opened:  # a quiz of open questions under headings: the numbered lists of the notes above are no questions
        return [asking for asking in headed_rounds if asking]
    return [] if broken else [asking for asking in rounds if asking]


def _headed_question(lines: list[Line], index: int, stop: int, title: str) -> tuple[int, int, bool] | None:
    """The number and last line of the question the heading at ``index`` opens (its title ``title``), and
    whether it is an open one: its section, to the next heading, holds two lettered options or more, or
    text and no option (a quiz's open question), and nothing that answers it."""
    match = _HEADED.match(title)
    if match is None:
        return None
    options = 0
    text = False
    last = index
    for at in range(index + 1, stop):
        line = lines[at]
        if line.code:
            last = at
            continue
        if heading(line):
            break
        if _ANSWERED.match(line.text) or "✅" in line.text or "✓" in line.text:
            return None
        if _LISTED_OPTION.match(line.text):
            options += 1
        if not line.blank and not _RULER.match(line.text):
            last = at
            text = True
    if options >= 2:
        return int(match.group(1)), last, False
    return (int(match.group(1)), last, True) if options == 0 and text else None


def _headed_front(block: Sequence[Line]) -> tuple[str, dict[str, str]]:
    """A headed question's front: what its heading says after the number, then its section (code as
    written, rulers dropped, options one a line), and its options by their letter."""
    titled = heading(block[0])
    match = _HEADED.match(titled[1]) if titled else None
    parts = [inline_text(match.group(2)), ""] if match and match.group(2).strip() else []
    options: dict[str, str] = {}
    for line in block[1:]:
        if line.code:
            parts.append(line.text)
        elif option := _LISTED_OPTION.match(line.text):
            options[option.group(1).upper()] = option.group(2)
            parts.append(f"{option.group(1).upper()}. {option.group(2)}")
        elif not _RULER.match(line.text):
            parts.append(inline_text(line.text) if not line.blank else "")
    front = re.sub(r"\n{3,}", "\n\n", "\n".join(parts)).strip()
    return front, options


def _answers(lines: list[Line], start: int, first: str, titled: tuple[int, str] | None = None,
             headed_only: bool = False) -> tuple[list[dict[int, str]], int]:
    """The rounds (see :func:`_questions`) of number -> answer of the key whose title line holds ``first``
    and whose lines start at ``start``, and the index where the key ends.

    A line opening with a number starts that answer (``1. b  2. d``: several), as does a table row
    (``| 1 | B |``); the lines right under it carry it on, and after a blank line so do indented or
    listed ones (an explanation). A heading ends the key, but one under the key's own (``titled``, its
    level and text: ``# Answers`` over ``## Section A``), and so does plain text after a blank line
    once answers began; lines of HTML alone (a ``<details>`` fold around the key) are skipped. A key of
    answer headings with no title (``headed_only``: ``### Answer 1``) ends at a heading of their level that
    answers nothing.
    """
    rounds: list[dict[int, list[str]]] = [{int(number): [text.strip()] for number, text in _ANSWER.findall(first)}]
    current = max(rounds[-1], default=None)
    gap = False
    sectioned = False  # the current answer is a heading's: its section, whatever it holds
    index = start
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if found_heading := heading(line):
            if titled is None or found_heading[0] <= titled[0]:
                break
            worded = _ANSWER_HEADING.match(found_heading[1])
            headed = _HEADED.match(found_heading[1]) or worded
            if headed:  # "### Q3 — (B)": an answer, its section under it
                number, rest = int(headed.group(1)), headed.group(2).strip()
                if number in rounds[-1]:
                    rounds.append({})
                rounds[-1][number] = [rest] if rest and (worded or _LETTER.match(rest)) else []
                current, gap, sectioned = number, False, True
            elif headed_only and titled is not None and found_heading[0] <= titled[0] + 1:
                break  # the next section after a key of answer headings
            else:
                current, gap, sectioned = None, True, False  # a section of the key: its answers are its own
            index += 1
            continue
        if sectioned and current is not None:
            if line.code or not (_RULER.match(text) or _FOLD.match(text)):
                rounds[-1][current].append(line.text if line.code else text)
            index += 1
            continue
        row = None if line.code else _ROW.match(line.text)
        found = [] if line.code or row or not _NUMBERED.match(line.text) else _ANSWER.findall(line.text)
        if len(found) > 1 and any(len(answer) > _SHORT for _, answer in found):
            whole = _ONE_ANSWER.match(line.text)
            found = [(whole.group(1), whole.group(2))] if whole else found[:1]
        if row:
            found = [(row.group(1), row.group(2))]
        elif not found and not line.code and (alone := _NUMBER_ALONE.match(line.text)):
            found = [(alone.group(1), "")]  # "71)" over its answer's lines
        elif not found and not line.code and (lettered := _NUMBER_LETTER.match(line.text)):
            found = [(lettered.group(1), lettered.group(2))]  # "7 b": a number and its option's letter
        if found:
            for number, answer in found:
                if int(number) in rounds[-1] and current != int(number):
                    rounds.append({})
                rounds[-1].setdefault(int(number), [answer.strip()])
            current, gap = int(found[-1][0]), False
        elif line.blank or _TAGS.fullmatch(text):
            gap = gap or line.blank
        elif current is not None and (not gap or line.code or line.text[:1] in " \t" or _BULLET.match(line.text)):
            rounds[-1][current].append(line.text if line.code else text)
        elif any(rounds):
            break
        index += 1
    return [{number: re.sub(r"\n{3,}", "\n\n", "\n".join(parts)).strip() for number, parts in answering.items()}
            for answering in rounds if answering], index


#: Options run on after the question on its line ("… is called: a) an error b) a fault"): where the first opens.
_INLINE_OPTIONS = re.compile(r"\s\(?[Aa][.)]\s+\S")
#: An option written without its point ("a only records defects"), read where its neighbours make a run a, b, c.
_BARE_OPTION = re.compile(r"^\s*([A-Ha-h])\s+(\S.*)$")


def _front(block: Sequence[Line]) -> tuple[str, dict[str, str]]:
    """The question's text with its options, one a line, and the options by their letter; the items it lists
    ("- Moss", "- Fern") and its further text stay under it."""
    asked = _asked(block[0]) or _unpointed(block[0])
    question = inline_text(asked[1] if asked else block[0].text)
    options: dict[str, str] = {}
    inline = _INLINE_OPTIONS.search(question)
    if inline:
        found = _OPTION.findall(question[inline.start():])
        if len(found) >= 2 and "".join(letter.lower() for letter, _ in found) == "abcdefgh"[: len(found)]:
            question = question[: inline.start()].strip()
            options = {letter.upper(): text.strip() for letter, text in found}
    bare = _bare_options(block[1:])
    further: list[str] = []
    for line in block[1:]:
        found = _OPTION.findall(line.text)
        if found:
            options.update((letter.upper(), text.strip()) for letter, text in found)
        elif line.number in bare:
            options[bare[line.number][0]] = bare[line.number][1]
        elif not line.blank and not _EMPTY_ROW.match(line.text):
            further.append(line.text.strip() if _BULLET.match(line.text) or _asked(line) else inline_text(line.text))
    if further:
        question += "\n\n" + "\n".join(further)
    if not options:
        return question, {}
    options = dict(sorted(options.items()))
    return question + "\n\n" + "\n".join(f"{letter}. {text}" for letter, text in options.items()), options


def _unpointed(line: Line) -> tuple[int, str] | None:
    match = _UNPOINTED.match(line.text)
    return (int(match.group(1)), match.group(2)) if match else None


def _bare_options(block: Sequence[Line]) -> dict[int, tuple[str, str]]:
    """Line number -> (letter, text) of the options written without a point, where with the pointed ones they
    letter a run from A ("a only records defects", "b is of limited value", "d. should be …")."""
    bare = {line.number: (match.group(1).upper(), match.group(2).strip()) for line in block
            if not line.code and not _OPTION.match(line.text) and (match := _BARE_OPTION.match(line.text))}
    if len(bare) < 2:
        return {}
    letters = sorted({letter for letter, _ in bare.values()} | {
        letter.upper() for line in block for letter, _ in _OPTION.findall(line.text)})
    return bare if "".join(letters) == "ABCDEFGH"[: len(letters)] else {}


#: What may follow an option's text a key writes again: the line's end or a mark before the explanation.
_AFTER_OPTION = re.compile(r"[ \t]*(?:$|\n|[|—–:-])")


def _unrepeated(option: str, rest: str) -> str:
    """What a key says after an option's letter, without the option's text where it writes that again
    ("b) 1945 || Explanation: …")."""
    if not rest.startswith(option) or not option or not _AFTER_OPTION.match(rest, len(option)):
        return rest  # the option's text, then more on its line: an explanation that opens with the option
    return rest[len(option):].lstrip(" \t|—–:-").strip()


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """1 when the keys answer most questions asked before them (a list of questions that a later list
    answers by number is read right by no other layout: as numbered items, the questions go
    unanswered and the answers become questions), else :func:`coverage`."""
    if not entries:
        return 0.0
    asked = _read(source)[1]
    return 1.0 if len(entries) >= WELL_ANSWERED * asked else coverage(source, entries)


LAYOUT = make_layout(NAME, "Numbered questions, then an answer key answering them by number", find, _score)
