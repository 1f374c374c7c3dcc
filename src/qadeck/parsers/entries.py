"""From question/answer pairs a layout found to cards, findings and a detection score.

Contract: a layout collects :class:`Entry` records (question, Markdown answer,
lines, section) and hands them to :func:`result`, which drops an ``Answer:``
label, turns entries whose answer is empty or a placeholder ("Answer here",
"To be completed.", "...", "TBD") or a blank form's fields (boxes to tick, none
ticked, over labels and blanks to fill in) into ``unanswered`` findings and the rest
into cards. :func:`coverage` scores a layout's entries by the share of the file's
content lines their questions and answers account for, so that scores of
different layouts compare: a layout that explains the whole file wins over
one that found a few pairs in it. :func:`make_layout` builds a layout's
``detect`` and ``parse`` from the one function that finds its entries.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import cloze
from ..model import Card, Finding, ParseResult, Source
from . import options, trailing
from .base import Layout
from .embeds import own_parts
from .markup import wiki_links_as_text, without_block_ids
from .tags import front_matter_tags, property_tags, tag_lines, trailing_tags
from .structure import (
    ANSWERING_WORDS, ASKING_WORDS, MARKDOWN_EXTENSIONS, Line, code_spans, ends_asking, fold_label, front_matter, heading,
    is_navigation, is_noise, outline,
)


@dataclass(slots=True, unsafe_hash=True)
class Entry:
    """One question as a layout found it, before it is judged answered or not.

    A value, never assigned to (``find``'s results are cached); not ``frozen``, whose
    ``__init__`` costs three times a plain one's (0.9 against 0.3 µs, one a card).
    """

    question: str
    #: The answer as Markdown ("" when there is none).
    answer: str
    #: Line of the question (1-based).
    line: int
    #: Last line of the answer (the question's line when there is no answer).
    last: int
    section: str = ""
    #: basic | reversed | cloze (see :attr:`qadeck.model.Card.kind`); a cloze needs no answer.
    kind: str = "basic"
    #: Tags the source gave the entry.
    tags: tuple[str, ...] = ()


def with_readable_links(entry: Entry) -> Entry:
    """``entry`` with its wiki links as the words Obsidian shows (see :func:`markup.wiki_links_as_text`)."""
    return _rewritten(entry, wiki_links_as_text)


def readable_links(text: str, entries: list[Entry]) -> list[Entry]:
    """``entries`` of the note ``text`` as Obsidian shows them: embeds of the note's own parts as those
    parts' words (see :mod:`.embeds`), then every wiki link as its words. Two substring searches for a
    note with neither."""
    if "![[#" in text:
        shown = own_parts(text)
        entries = [_rewritten(entry, shown) for entry in entries]
    if "[[" in text:
        entries = [with_readable_links(entry) for entry in entries]
    return entries


def _rewritten(entry: Entry, change: Callable[[str], str]) -> Entry:
    """``entry`` with ``change`` made to its question and answer; ``entry`` itself when it changes neither."""
    question, answer = change(entry.question), change(entry.answer)
    if question is entry.question and answer is entry.answer:
        return entry
    return replace(entry, question=question, answer=answer)


def _as_shown(source: Source, entries: list[Entry]) -> list[Entry]:
    """``entries`` as a wiki shows them: every layout's cards, not only the notes plugins' (a question
    callout's, a heading's), with embeds of the note's own parts as those parts' words (see
    :mod:`.embeds`), wiki links as their words and no block ids (see :func:`without_block_ids`).
    Only Markdown is a wiki's page: in a plain-text FAQ or a program ``[[…]]`` is code (shell's test, m4's
    quotes). Two substring searches for a file with neither."""
    if source.path.suffix.lower() not in MARKDOWN_EXTENSIONS:
        return entries
    text = source.text
    entries = readable_links(text, entries)
    if " ^" in text or "\t^" in text:
        entries = [_rewritten(entry, without_block_ids) for entry in entries]
    return entries


#: "Solution" in the languages that write it otherwise than English (whose "Solution:" is :data:`_ANSWER_LABEL`'s):
#: how exercise sheets and problem notes label an answer ("Lösung: 6 Gramm", "**Solución:** …").
_SOLVING_WORDS = ("lösung", "loesung", "solución", "solucion", "solução", "solucao", "soluzione", "oplossing", "lösning",
                  "løsning", "rozwiązanie", "řešení", "решение", "розв'язок", "розв’язок", "розв'язання", "çözüm", "解答")
#: "Answer" in the languages of :data:`ANSWERING_WORDS`, Chinese and Japanese "答" alone, and "Solution".
_ANSWERS_IN = "|".join((*ANSWERING_WORDS, "答", *_SOLVING_WORDS))
_ANSWER_LABEL = re.compile(
    # "Answer:" (or "Ans -", "**Answer**:"; not "**A**:", a right option's letter) before the text, or "Answer" /
    # "**Answer:**" / "### Answer" alone on the first line; "Sol." or "Solution:" before it, as exercise sheets
    # label their answers.
    r"^\s*(?:\*\*|__)?(?:(?:(?:answer|ans)(?:[ \t]*\([^()\n]{1,20}\))?(?:\*\*|__)?|a)\s*:(?:\*\*|__)?[ \t]*"
    r"|(?:answer|ans)\s*[:.]?(?:\*\*|__)?[ \t]*\n"
    r"|(?:answer|ans)\s*[-–](?:\*\*|__)?[ \t]+"
    r"|(?:sol|soln|solution)\s*[:.](?:\*\*|__)?[ \t]+)"
    r"|^\s*#{1,6}[ \t]+(?:answer|ans)[ \t]*:?[ \t]*#*[ \t]*\n",
    re.IGNORECASE,
)
#: The same label in other languages: "Ответ:", "**Respuesta:**", "答：", "### Antwort".
_OTHER_ANSWER_LABEL = re.compile(
    rf"^\s*(?:\*\*|__)?(?:{_ANSWERS_IN})[ \t]*(?:[:：](?:\*\*|__)?[ \t]*|[:：.]?(?:\*\*|__)?[ \t]*\n)"
    rf"|^\s*#{{1,6}}[ \t]+(?:{_ANSWERS_IN})[ \t]*[:：]?[ \t]*#*[ \t]*\n",
    re.IGNORECASE,
)
#: What the first character after the spaces is when _ANSWER_LABEL matches ("" for none at all).
_LABEL_OPENINGS = ("a", "A", "*", "_", "#", "")
#: Letters the case-insensitive engine takes for one another whose upper cases differ.
_ALSO_MATCHING = {"i": "İ", "k": "\u212a", "å": "\u212b"}
#: The first character of a list item's label ("**Answer:**", "Ответ:", "Sol."), upper case as in :func:`_spellings`.
_ITEM_LABEL_OPENINGS = frozenset(
    c for word in ("*", "_", "#", "a", "sol", *ANSWERING_WORDS, "答", *_SOLVING_WORDS)
    for c in (word[0].upper(), *_ALSO_MATCHING.get(word[0], ""))
)


def _spellings(words: Iterable[str]) -> frozenset[str]:
    """The first two characters of ``words`` (the one-character ones whole), upper case, as any text the
    engine matches a word in gives them: ``text[:2].upper()`` is among them when the word opens ``text``."""
    def forms(c: str) -> set[str]:
        return {c.upper(), *_ALSO_MATCHING.get(c, "")}
    return frozenset(a + b for word in words for a in forms(word[0]) for b in (forms(word[1]) if word[1:] else {""}))


#: The openings of the labels in other languages.
_OTHER_LABEL_OPENINGS = _spellings((*ANSWERING_WORDS, "答", *_SOLVING_WORDS))
#: What authors write where the answer will go. Kept narrow: "Pending" or "N/A" can be real answers, as can
#: "暂无" (none yet). "TBA", "TBC", "To be updated", "Work in progress", or a note of what is still to write
#: ("TODO: Explain how …", "TODO - add a diagram"). Chinese notes write "to be added", "to be improved", "to be
#: continued" (待补充, 待完善, 待续); French ones "à compléter", "à venir"; Portuguese "em breve" (coming soon).
_PLACEHOLDER_WORDS = (
    r"(?:(?:your )?answer(?: goes)? here|to be (?:completed|added|written|answered|updated|continued)(?:,? soon)?"
    r"|tbd|tba|tbc|todo(?:[ \t]*[:：-][ \t]*\S[\s\S]*)?|work in progress|coming soon"
    r"|no idea|i (?:do not|don'?t) know|(?:i )?need to (?:clarify|check)(?: on)?(?: this)?"
    r"|待(?:补充|補充|完善|更新|续|續|整理|添加|填写|填寫)|未完待[续續]|à compléter|à venir|em breve"
    r"|\.{2,}|…|\?+)"
)
_PLACEHOLDER = re.compile(rf"^{_PLACEHOLDER_WORDS}$", re.IGNORECASE)
#: Decoration before a placeholder: marks and brackets (full-width ones too), and an answer's label ("A) No idea",
#: "Answer: TBD").
_LEADING_DECOR = r"(?:[\s*_>()\[\]（【-]|(?<![^\s*_>(\[-])(?:a|ans|answer)[ \t]*[:.)])"
#: What a text must open with to be a placeholder once its decoration is stripped: most answers fail at once.
_PLACEHOLDER_OPENING = re.compile(rf"^{_LEADING_DECOR}*{_PLACEHOLDER_WORDS}", re.IGNORECASE)
_HEADING_ONLY = re.compile(r"^\s*#{1,6}\s")
#: Up to three leading spaces are HTML indentation; four would be code.
_HTML_INDENT = re.compile(r"^ {1,3}(?=\S)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: What a placeholder is stripped of before it is matched whole: its leading decoration, and the stops, brackets
#: and colons after it, full-width ones too ("待补充。。。", "（作成中）").
_PLACEHOLDER_DECOR = re.compile(rf"^{_LEADING_DECOR}+|[\s*_()\[\]!.:。．！～…（）【】：-]+$", re.IGNORECASE)
_ELLIPSIS = re.compile(r"[.…\s]+")
#: A question's number written in keycap emoji, as posts copied from chats and social media number them.
_KEYCAP_NUMBER = re.compile(r"^(?:[0-9#*]\ufe0f?\u20e3)+[.):]?\s*|^🔟[.):]?\s*")
#: The characters a question's number is written in: ASCII and full-width digits.
_DIGITS = "0-9０-９"
#: A question's number as the layouts' own numbering does not write it: "Question #1:", "Q#2", "#3.", "(4)",
#: "[5]", "Question No. 6:", "Question 7 of 10", "Question (8)", "Q9 ->", full-width "１０．"; in other languages
#: "Вопрос 1.", "Pregunta №2:", "问题3：", "問4", "第5题", "質問6：". Never "1/2" alone (a fraction) or a bare "3."
#: (the numbered layouts' own, which tell a list's items from its questions).
_QUESTION_NUMBER = re.compile(
    rf"^(?:(?:question|ques|q|ｑ|{'|'.join(ASKING_WORDS)}|问|問)[ \t]*(?:no\.?[ \t]*|#[ \t]*|№[ \t]*)?"
    rf"(?:[{_DIGITS}]+|\([{_DIGITS}]+\))(?:[ \t]+of[ \t]+\d+)?"
    rf"|第[ \t]*[{_DIGITS}]+[ \t]*[题題问問]|#\d+|\(\d+\)|\[\d+\]|[０-９]+)"
    r"(?:[ \t]*(?:[.:)：︰．]|->|→|–|-(?=\s)))?(?:[ \t]+(?=\S)|(?<=[：︰．])(?=\S))",
    re.IGNORECASE,
)
#: A question that is its number alone ("Question 4", "Q12:", "Problem 3."): the question is below it.
_NUMBER_ONLY = re.compile(
    r"(?i:question|ques|q|problem|exercise|quiz)[ \t]*(?:no\.?[ \t]*|#[ \t]*)?\d+(?:\.\d+)*[ \t]*[.:)：]?"
)
_NUMBER_ONLY_LONGEST = 24
#: A list's number as Chinese and Japanese write it ("18、", "3．"), with nothing after it: where "443." may
#: answer "Which port?", no answer is written so.
_BARE_NUMBER = re.compile(r"\d{1,3}[、．）]")
#: The same in Chinese, Japanese and Korean question banks: "第 3 题" (question 3), or a label alone ("题目", the
#: question; "問題 2"; "문제 4"), as a quiz's heading over the question's own text.
_CJK_NUMBER_ONLY = re.compile(
    rf"第[ \t]*[{_DIGITS}]+[ \t]*[题題问問]|(?:题目|題目|问题|問題|問|문제|질문)[ \t]*[{_DIGITS}]*[ \t]*[.:：．]?"
)
#: What the first character of a question is when _QUESTION_NUMBER may match it.
_NUMBER_OPENINGS = frozenset("Qq#([０１２３４５６７８９ｑＱ问問第")
#: The openings of the question labels in other languages.
_OTHER_NUMBER_OPENINGS = _spellings(ASKING_WORDS)
#: The initials of "question" and "answer" in the languages of :data:`ASKING_WORDS` and :data:`ANSWERING_WORDS`
#: (and the "A" that translations write in Cyrillic or Devanagari).
_ASKING_INITIALS = re.escape("".join(sorted({c for word in ("q", *ASKING_WORDS) for c in (word[0], word[0].upper())})))
_ANSWERING_INITIALS = re.escape("".join(sorted({c for word in ("a", "а", "ए", *ANSWERING_WORDS) for c in (word[0], word[0].upper())})))
#: An initial and a number labelling a question, as translated FAQs abbreviate their words ("В1: …" then
#: "О1: …", "F1:" then "A1:", "S1:" then "C1:", "س1:" then "ج1:"); dropped only beside an answer's label of
#: the same number: alone it could be a name ("F1: the racing series").
_INITIAL_NUMBER = re.compile(rf"^[{_ASKING_INITIALS}][ \t]?([{_DIGITS}]{{1,3}})[ \t]*[.:)：．][ \t]*")
#: The answer's: an initial or a word ("A1:", "О1:", "Ответ 1:", "**A1:**") and a number.
_ANSWER_NUMBER = re.compile(
    rf"^(\*\*|__)?(?:[{_ANSWERING_INITIALS}]|answer|ans|{_ANSWERS_IN})[ \t]?([{_DIGITS}]{{1,3}})[ \t]*[.:)：．](?(1)\1)[ \t]*",
    re.IGNORECASE,
)
#: A word and a colon before a line's text ("term:", "Interviewer:"), or a symbol that marks it ("🤔 …", "💡 …"):
#: no list bullet, quote, table, heading or other Markdown mark, no bracket or punctuation.
LABEL = re.compile(r"^\s*(?:([^\W\d_]{1,12})\s*:|([^\w\s\-*+>|#<`~=\[\](){}.,;:!?'\"/\\]\ufe0f?)(?=\s))\s*(?=\S)")
#: Fewer entries than this share their labels by chance.
_LABELLED_FEWEST = 3
_LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]+\]\([^)]*\)\s*$")


def result(source: Source, layout: str, entries: Iterable[Entry]) -> ParseResult:
    """Cards for the answered entries, ``unanswered`` findings for the others.

    A card's tags are its entry's, those after its question, those of tag lines in its answer or below
    it, and the file's: its front matter's ``tags:`` and its tag lines above the first card (Obsidian's
    ``#biology``).
    """
    cards: list[Card] = []
    findings: list[Finding] = []
    entries = _unlabelled(_as_shown(source, list(entries)))
    file_tags, after_tags, answer_tags = _source_tags(source, entries)
    # A line naming a right option: most files hold none.
    keys = options.may_key(source.text) or options.MAY_BRACKETED_KEY.found_in(source.text)
    own_letters = options.MAY_OWN_LETTER_LINE.found_in(source.text)  # "b. 12   B": an option marked so
    for index, entry in enumerate(entries):
        answer = drop_answer_label(entry.answer).strip("\n")
        if answer[:1] == " ":  # only an answer opening with a space has HTML indentation to drop
            answer = _HTML_INDENT.sub("", answer)
        answer = answer.rstrip()
        if answer.endswith(")") and "](" in answer:  # most answers end with no link
            answer = _without_pager(answer)
        if not entry.question:
            continue
        asked = entry.question
        if asked[-1:] in trailing.LAST_CHARACTERS or "nswer" in asked:  # most questions: no answer at their end
            asked, answer = _with_trailing_answer(asked, answer)
        if answer[:1] in _HIDDEN_OPENINGS:  # ">!…!<", "||…||" or a spoiler span: the answer hidden
            answer = _unhidden(answer)
        kind = entry.kind
        if kind == "basic" and not answer and _asks_deletions(asked):
            kind = "cloze"  # a question with no answer, holding Anki's deletions: it is a cloze
        if kind != "cloze" and is_unanswered(answer):
            findings.append(Finding("unanswered", source.name, entry.line, asked))
            continue
        if len(answer) <= _LEVEL_LONGEST or "\n\n" in answer[: _LEVEL_LONGEST + 2]:  # most answers are longer
            if _level_label_over_questions(answer) and _grouped_by_level(source.text):
                findings.append(Finding("unanswered", source.name, entry.line, asked))
                continue  # "Intermediate" under the last question of the basic ones: the next group's title
        if "[ ]" in answer and _blank_form(answer):
            findings.append(Finding("unanswered", source.name, entry.line, asked))
            continue  # "- [ ] Yes / - [ ] No" over "**Notes:**" and "(Enter notes here)": a form to fill in
        if answer[:3] in _FENCES and _code_to_ask_about(asked, answer):
            findings.append(Finding("unanswered", source.name, entry.line, asked))
            continue  # "What does the following print?" over its code alone: the code is asked about, not the answer
        if answer.count("?") >= _LISTED_QUESTIONS and lists_questions(asked, answer):
            continue  # "Advanced level" over the questions still to answer: no card
        if index and index == len(entries) - 1 and "uestion" in asked and invites_questions(asked):
            findings.append(Finding("skipped", source.name, entry.line, f"a FAQ's closing invitation to ask: {asked}"))
            continue
        question, tags = trailing_tags(asked)
        if "\u20e3" in question[:12] or question.startswith("🔟"):
            question = _KEYCAP_NUMBER.sub("", question, count=1)  # "1️⃣ What is …": a number, as "1." is
        elif question[:1] in _NUMBER_OPENINGS or question[1:2].isdigit() or question[:2].upper() in _OTHER_NUMBER_OPENINGS:
            question, answer = without_numbers(question, answer)  # the test without_numbers makes first, inline
        if index in answer_tags:
            answer, own = _without_tag_lines(answer)
            tags += own
        tags += after_tags.get(index, ()) + file_tags
        # "Question 4" alone on its line, the question under it: what it asks is the answer's first paragraph
        # (or what stands before the options the answer lists).
        number = question if len(question) <= _NUMBER_ONLY_LONGEST and _NUMBER_ONLY.fullmatch(question) else ""
        if number and answer:
            question = ""
        elif "\n\n" in question:
            question = _without_number_paragraph(question)
        if "[x]" in answer or "[X]" in answer:
            question, answer = options.ticked(question, answer) or (question, answer)
        else:
            chosen = (options.marked(question, answer)
                      if any(mark in answer for mark in options.MARKS)
                      or own_letters and options.MAY_OWN_LETTER.search(answer) else None)
            if chosen is None and keys:
                chosen = options.keyed(question, answer)
            question, answer = chosen or (question, answer)
            if chosen is None and layout not in _ANSWER_LETTER_LAYOUTS and (
                    answer[:1] in _OPTION_OPENINGS and options.only_options(answer) or _stem_then_options(answer)):
                findings.append(Finding("unanswered", source.name, entry.line, asked))
                continue  # its choices, none named right
        if not question:
            asked, _, rest = answer.partition("\n\n")
            question, answer = (asked.strip(), rest.strip()) if rest.strip() else (number, answer)
        cards.append(
            Card(
                question=question,
                answer=answer,
                source=source.name,
                section=entry.section,
                lines=(entry.line, max(entry.last, entry.line)),
                layout=layout,
                kind=kind,
                tags=tuple(dict.fromkeys((*entry.tags, *tags))) if tags else entry.tags,
            )
        )
    return ParseResult(source.name, layout, tuple(cards), tuple(findings))


#: An unticked box of a task list: "- [ ] Yes".
_OPEN_BOX = re.compile(r"[-*+][ \t]+\[ \][ \t]+\S")
#: A form's field label alone on its line: "**Findings & Notes:**", "Risk rating:".
_FIELD_LABEL = re.compile(r"(\*\*|__)?[^\W\d_][^:*_]{0,40}:(?(1)\1)")
#: A blank to fill in: words in brackets or parentheses alone ("(Enter findings here)", "[Date]") or a rule of
#: underscores.
_BLANK = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|_{3,}")


def _blank_form(answer: str) -> bool:
    """True for a form's fields where an answer would be: boxes to tick, none ticked ("- [ ] Yes", "- [ ] No"),
    field labels and blanks to fill in ("**Notes:**" over "(Enter notes here)"), nothing else, and at least one
    box and one blank. A questionnaire's template repeats that under every question; a checklist that answers
    ("- [ ] Back up the database") has no blank."""
    boxes = blanks = 0
    for line in answer.split("\n"):
        text = line.strip()
        if not text or text.startswith("```") or text.startswith("~~~"):
            continue
        if _OPEN_BOX.match(text):
            boxes += 1
        elif _BLANK.fullmatch(text):
            blanks += 1
        elif not _FIELD_LABEL.fullmatch(text):
            return False
    return boxes > 0 and blanks > 0


def _without_pager(answer: str) -> str:
    """``answer`` without the links to the pages before and after that close it ("[Next](./02_types.md)"): the
    last question of a page in a series answered by the page's pager (see :func:`structure.is_navigation`)."""
    while answer:
        body, _, last = answer.rpartition("\n\n")
        if not is_navigation(last.strip()):
            return answer
        answer = body.rstrip()
    return answer


def _with_trailing_answer(question: str, answer: str) -> tuple[str, str]:
    """The question without the answer its line ends with (``…? >!42!<``, ``…? **Answer: 42**``: see
    :mod:`.trailing`), that answer opening the card's answer (the lines below it explain it); a blank's only
    where the entry has no other (a numbered question's "(2 marks)" is no answer)."""
    found = trailing.split(question)
    if found is None or not found.question or (found.shape == trailing.BLANK and answer):
        return question, answer
    return found.question, found.answer + ("\n\n" + answer if answer else "")


#: The first lettered option of a question's choices, on a line of its own under the stem.
_FIRST_OPTION = re.compile(r"\n[ \t]*(?:[-*+][ \t]+)?\(?[Aa][.)][ \t]")
#: What a multiple-choice stem says after it asks: "(Choose two.)", "[Select 2]".
_HOW_MANY = re.compile(r"[ \t]*[(\[][^()\[\]\n]{1,30}[)\]]\.?[ \t]*$")


def _stem_then_options(answer: str) -> bool:
    """Is ``answer`` the rest of a multiple-choice question, no answer: a stem whose last line asks ("Which of
    the following …? (Choose two.)"), then nothing but its options, none named right? A question bank's item
    whose first line states the case ("An employee receives a text …") and whose question comes under it."""
    if "?" not in answer:
        return False  # most answers: no stem asks in them
    found = _FIRST_OPTION.search(answer)
    if found is None:
        return False
    stem = answer[: found.start()].rstrip()
    if not stem or not ends_asking(_HOW_MANY.sub("", stem).rstrip()):
        return False
    return options.only_options(answer[found.start() + 1 :])


#: Layouts whose "A." opens the answer (``Q.`` over ``A.``): what follows it is the answer, not a choice.
_ANSWER_LETTER_LAYOUTS = frozenset({"prefixed"})
#: What an answer made only of lettered options opens with.
_OPTION_OPENINGS = frozenset("ABCDEFGHabcdefgh( -*+")
_FENCES = ("```", "~~~")
#: A question about the code it shows next: what it prints or returns, what is wrong with it, what happens.
#: It opens asking (in its first three words), then names what the code does and points at it, in either order.
_ASKS_ABOUT_CODE = re.compile(
    r"^(?:\W*\w+\W+){0,2}?(?:what|which|why|find|spot|identify|predict|guess|will|does|is there|explain)\b(?:"
    r".*\b(?:output|outputs|print|prints|printed|log|logs|logged|return|returns|result|wrong|bug|bugs|error|happen|happens|value)\b"
    r".*\b(?:following|below|this|these)\b"
    r"|.*\b(?:following|below|this|these)\b"
    r".*\b(?:output|outputs|print|prints|log|logs|return|returns|result|wrong|bug|bugs|error|happen|happens|do|does)\b)",
    re.IGNORECASE)


def _code_to_ask_about(question: str, answer: str) -> bool:
    """Is ``answer`` only the code a ``question`` asks about ("What does the following code print?", "What is
    wrong with this snippet?")? Then nothing answers it; a question that asks for code ("How do you reverse a
    list?", "Write a function that …") is answered by its code."""
    fence = answer[:3]
    return (answer.count(fence) == 2 and answer.rstrip().endswith(fence) and fence not in question
            and bool(_ASKS_ABOUT_CODE.search(question)))  # code in the question: the block is its output
#: What an answer opens with when its first line may be a spoiler (see :func:`_unhidden`).
_HIDDEN_OPENINGS = (">", "|", "<")


#: An answer that is one ``<details>`` block: when its summary only labels it (``fold_label``: "Resposta",
#: "Show answer", "Ответ"), the block hides the answer, and what it hides is the card's back.
_BLOCK = re.compile(
    r"^<details\b[^>]*>\s*<summary\b[^>]*>(?P<summary>.*?)</summary>\s*(?:<br\s*/?>)?(?P<body>.*?)</details>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")


def _unhidden(answer: str) -> str:
    """``answer`` with its first line's spoiler (``>!42!<``, ``||42||``, ``<span class="spoiler">42</span>``) its
    text: an answer the author hid below the question, as Discord's and Reddit's riddles do; an answer hidden
    in a ``<details>`` block labelled only "Answer" (in any language), the block's body."""
    if answer[:8].lower() == "<details":
        found = _BLOCK.match(answer)
        if found is None or not found.group("body").strip() or "<details" in found.group("body").lower() \
                or fold_label(_TAG.sub("", found.group("summary")).replace("**", "")) != "answer":
            return answer
        rest = answer[found.end():].strip()
        return found.group("body").strip() + ("\n\n" + rest if rest else "")
    first, newline, rest = answer.partition("\n")
    found = trailing.split(first)
    if found is None or found.question or found.shape != trailing.HIDDEN:
        return answer
    return found.answer + newline + rest


def _source_tags(source: Source, entries: Sequence[Entry]) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]], set[int]]:
    """The file's tags (its front matter's or its exported page's ``Tags:`` property, its tag lines above the
    first entry), the tags of tag lines
    between one entry's end and the next one's start (by entry), and which entries hold tag lines."""
    listed = front_matter_tags(front_matter(source.text)) or property_tags(source.text)
    # Tag lines are Markdown note-takers' (Obsidian, Bear): "#endif" in a PDF is code, "#…" in a text deck a comment.
    found = tag_lines(source.text) if source.path.suffix.lower() in MARKDOWN_EXTENSIONS else []
    if not found:
        return listed, {}, set()
    code = {line.number for line in outline(source) if line.code}
    spans = sorted((entry.line, max(entry.last, entry.line), index) for index, entry in enumerate(entries))
    starts = [first for first, _, _ in spans]
    above: list[str] = list(listed)
    below: dict[int, list[str]] = {}
    holding: set[int] = set()
    for number, tags in found:
        at = bisect.bisect_right(starts, number) - 1
        if number in code or not tags or at >= 0 and number == spans[at][0]:
            continue
        if at < 0:
            above += tags
        elif number <= spans[at][1]:
            holding.add(spans[at][2])
        else:
            below.setdefault(spans[at][2], []).extend(tags)
    return tuple(dict.fromkeys(above)), {index: tuple(tags) for index, tags in below.items()}, holding


def _without_tag_lines(answer: str) -> tuple[str, tuple[str, ...]]:
    """``answer`` without its tag lines (those in fenced code aside), and their tags."""
    code = [(answer.count("\n", 0, start) + 1, answer.count("\n", 0, end) + 1) for start, end in code_spans(answer)]
    found = [(number, tags) for number, tags in tag_lines(answer)
             if not any(first <= number <= last for first, last in code)]
    dropped = {number for number, _ in found}
    kept = [line for number, line in enumerate(answer.split("\n"), start=1) if number not in dropped]
    return "\n".join(kept).strip("\n"), tuple(tag for _, tags in found for tag in tags)


def label(text: str) -> str | None:
    """The label (:data:`LABEL`) ``text`` opens with, or None."""
    found = LABEL.match(text)
    return (found.group(1) or found.group(2)) if found else None


def _unlabelled(entries: list[Entry]) -> list[Entry]:
    """The entries without the two labels every question and every answer open with ("Interviewer:" then
    "Me:", "term:" then "def:"): the speakers of a dialogue, the fields an app wrote, no card's text."""
    if len(entries) < _LABELLED_FEWEST or label(entries[0].question) is None:
        return entries  # most files: the first question opens with no label
    asked = {label(e.question) for e in entries}
    answered = {label(e.answer) for e in entries}
    if len(asked) != 1 or len(answered) != 1 or None in asked or None in answered or asked == answered:
        return entries
    return [replace(e, question=LABEL.sub("", e.question, count=1), answer=LABEL.sub("", e.answer, count=1))
            for e in entries]


#: A check mark an answer's label may open with ("✅ Trả lời:"): dropped only with the label after it.
_ANSWER_MARKS = "✅✔☑📌💡👉"
_ANSWER_MARK = re.compile(r"[✅✔☑📌💡👉]\ufe0f?[ \t]*(?=\S)")


def drop_answer_label(answer: str) -> str:
    """Without a leading ``Answer:`` label (``Ответ:``, ``答：``): the label says what the card's back already is.

    The label may open a list item (``- **Resposta:** …``, ``• Answer: …``, a numbered question's one bullet): the
    item's mark goes with it, for that bullet is the answer, not one point of a list."""
    text = answer.lstrip()
    if text[:1] in _ANSWER_MARKS:  # "✅ Trả lời: …", "📌 **Answer:** …": the mark goes with the label it opens
        marked = _ANSWER_MARK.match(text)
        if marked:
            rest = text[marked.end() :]
            dropped = drop_answer_label(rest)
            return answer if dropped is rest else dropped
    opening = text[2:3]
    if text[1:2] == " " and text[:1] in "-*+•" and (opening.upper() in _ITEM_LABEL_OPENINGS or opening.isspace()):
        item = _bulleted(text)
        if item is not None:
            dropped = _drop_label(item, item.lstrip())
            return answer if dropped is item else dropped
    return _drop_label(answer, text)


def _bulleted(answer: str) -> str | None:
    """The text of the list item ``answer`` opens with, or None; None too for ``- a: …``, which names a blank
    or an option (``- b: …`` follows it), no answer."""
    text = answer.lstrip()
    if text[1:2] != " " or text[:1] not in "-*+•":
        return None
    item = text[2:]
    if item[:1] in "aA" and item[1:].lstrip(" \t")[:1] == ":":
        return None
    return item


def _drop_label(answer: str, text: str) -> str:
    """:func:`drop_answer_label` for an answer that opens with no list mark (``answer`` itself when it has no
    label); ``text`` is ``answer`` without its leading space."""
    head = text[:3]
    # Most answers: the label opens with an "a", a bold or heading mark, "sol" or (after those marks) the
    # first two characters of another language's word (exhaustively tested).
    if head[:1] not in _LABEL_OPENINGS and head.casefold() != "sol":
        word = head[:2]
    else:
        dropped, count = _ANSWER_LABEL.subn("", answer, count=1)
        if count:
            return _unclosed(text, dropped)
        word = text.lstrip("*_#").lstrip()[:2]
    if word.upper() in _OTHER_LABEL_OPENINGS or word[:1] in _OTHER_LABEL_OPENINGS:
        dropped, count = _OTHER_ANSWER_LABEL.subn("", answer, count=1)
        if count:
            return _unclosed(text, dropped)
    return answer


def _unclosed(text: str, dropped: str) -> str:
    """``dropped`` without the bold mark that closed a label's bold around the answer too ("**Answer: D**" leaves
    "D", not "D**"): its first line then ends in the mark and opens none."""
    mark = text[:2]
    if mark not in ("**", "__"):
        return dropped
    line, newline, rest = dropped.partition("\n")
    if line.rstrip().endswith(mark) and line.count(mark) == 1:
        return line.rstrip()[:-2].rstrip() + newline + rest
    return dropped


def _drop_answer_label_in_full(answer: str) -> str:
    """:func:`drop_answer_label` by its patterns alone: the rule its fast path stands for."""
    if marked := _ANSWER_MARK.match(answer.lstrip()):
        rest = answer.lstrip()[marked.end() :]
        dropped = _drop_answer_label_in_full(rest)
        return answer if dropped is rest else dropped
    item = _bulleted(answer)
    item = answer if item is None else item
    dropped, count = _ANSWER_LABEL.subn("", item, count=1)
    if not count:
        dropped, count = _OTHER_ANSWER_LABEL.subn("", item, count=1)
    return _unclosed(item.lstrip(), dropped) if count else answer


def without_numbers(question: str, answer: str) -> tuple[str, str]:
    """``question`` without the number labelling it ("Question 3:", "Вопрос 3.", "问题3：", "Q3"), and ``answer``
    without a label of the same number ("A3:", "Ответ 3:"); "В3: …" and "О3: …", a letter and a number on each
    side, are both dropped only together."""
    if not (question[:1] in _NUMBER_OPENINGS or question[1:2].isdigit()
            or question[:2].upper() in _OTHER_NUMBER_OPENINGS):
        return question, answer  # most questions: no label's opening
    found = _QUESTION_NUMBER.match(question)
    letter = None if found else _INITIAL_NUMBER.match(question)
    if not (found or letter):
        return question, answer
    number = letter.group(1) if letter else re.search(f"[{_DIGITS}]+", found.group()).group()  # type: ignore[union-attr]
    text = answer.lstrip()
    answered = _ANSWER_NUMBER.match(text)
    if answered and int(answered.group(2)) == int(number):
        answer = text[answered.end() :]
    elif letter:
        return question, answer
    return question[(found or letter).end() :], answer  # type: ignore[union-attr]


def _without_number_paragraph(question: str) -> str:
    """``question`` without a first paragraph that only numbers or labels it ("Question 4", and in Chinese, Japanese
    or Korean "第 1 题", "题目", "問題 2"): a quiz's heading over the question's own text, which is what it asks."""
    first, _, rest = question.partition("\n\n")
    first = first.strip()
    rest = rest.strip()
    if len(first) <= _NUMBER_ONLY_LONGEST and rest and (
            not first.isascii() and _CJK_NUMBER_ONLY.fullmatch(first)
            # "Question 4" over what it asks (a "?", or a stem and its options): a quiz's heading over each question.
            # Over one line that asks nothing ("More question") it is the question's own first words.
            or _NUMBER_ONLY.fullmatch(first) and ("?" in rest or "\n" in rest)):
        return rest
    return question


#: A line that only names a level of difficulty: how question banks group their questions ("Beginner", "Intermediate
#: questions", "Advanced level:", "中级题", "高级篇", "고급"), a group's title and never the answer above it.
_LEVEL = re.compile(
    r"[ \t#*_]*(?:(?:beginners?|basics?|elementary|easy|intermediate|medium|mid[- ]level|advanced|hard|expert|junior"
    r"|senior)(?:[ \t]+(?:level|questions?|level[ \t]+questions?))?|level[ \t]+[1-5]"
    r"|(?:初级|中级|高级|初級|中級|上級|高級|入门|入門|进阶|進階|基础|基礎|초급|중급|고급)(?:题|題|题目|題目|篇|问题|問題|部分|문제)?)"
    r"[ \t]*[:：]?[ \t*_]*",
    re.IGNORECASE,
)
#: The longest such line ("Intermediate level questions:" and its marks).
_LEVEL_LONGEST = 40
#: Lines that only name a level, as a file grouping its questions by level holds them.
_LEVEL_LINES = re.compile(rf"^{_LEVEL.pattern}$", re.IGNORECASE | re.MULTILINE)


def _level_label_over_questions(answer: str) -> bool:
    """Is ``answer`` a level's title (:data:`_LEVEL`), alone or over the questions of its group that the layout
    ran on into it? The question above is the last of the previous group, left unanswered."""
    first, _, rest = answer.partition("\n\n")
    if len(first) > _LEVEL_LONGEST or not _LEVEL.fullmatch(first):
        return False  # most answers: told by their length or first word
    lines = [line.strip() for line in rest.split("\n") if line.strip()]
    return all(ends_asking(line) for line in lines)


def _grouped_by_level(text: str) -> bool:
    """Does ``text`` group its questions under lines naming two levels or more ("Basic" … "Advanced")? Where one
    such line stands alone under a question ("Who is the talk for?" over "Intermediate"), it answers it."""
    return len({match.group().strip(" \t#*_:：").lower() for match in _LEVEL_LINES.finditer(text)}) >= 2


#: A title over this many questions, or more, and little else lists them (see :func:`lists_questions`).
_LISTED_QUESTIONS = 3
#: How a sentence ends, where a title ends in none of these.
_SENTENCE_ENDS = (".", "!", ":", ";", "。", "！", "：")
#: Share of the lines under such a title that ask.
_ASKING_SHARE = 2 / 3


def lists_questions(title: str, answer: str) -> bool:
    """Is ``answer`` only a list of questions under a ``title`` that neither asks nor says anything ("Intermediate
    level", "Questions to revise"): three lines or more, most of them asking? A worksheet's or a syllabus's list of
    questions still to answer, none of them the title's answer."""
    title = title.rstrip(" *_")
    if ends_asking(title) or title.endswith(_SENTENCE_ENDS):
        return False  # a question, or an instruction ("Describe the possible reasons."): its answer may ask
    lines = [line.strip().rstrip(" *_") for line in answer.split("\n") if line.strip()]
    asking = sum(map(ends_asking, lines))
    return asking >= _LISTED_QUESTIONS and asking >= _ASKING_SHARE * len(lines)


#: A FAQ's closing invitation to ask more: "Another question?", "More questions?", "Still have questions?",
#: "Any other questions?", "Is your question not here?", "I have other questions". The reader's question is
#: what it speaks of (a quantity or "your" before the word), never a thing asked about ("What is a leading
#: question?", "This is another normal question").
_INVITATION = re.compile(
    r"(?:(?:i|we|you|still|do|did|is|are|have|has|got|having)\s+)*"
    r"(?:(?:any|another|more|other|further|additional|your|remaining|unanswered)\s+){1,2}questions?\b"
    r"|(?:(?:i|we|you|still|do|did)\s+)*(?:have|has|got|having)\s+(?:an?\s+)?questions?\b"
)
#: The most words a FAQ's closing invitation holds ("Is your question not answered here?").
_INVITATION_WORDS = 6


def invites_questions(question: str) -> bool:
    """Is ``question`` a FAQ's closing invitation to ask more (:data:`_INVITATION`, a few words and no number)?
    Its answer points to a tracker or an address: nothing to learn."""
    if any(character.isdigit() for character in question):
        return False  # "Question 5": a numbered question's label, the question itself below it
    words = question.lower().replace("?", " ").replace("!", " ").replace(".", " ").split()
    return 0 < len(words) <= _INVITATION_WORDS and _INVITATION.match(" ".join(words)) is not None


def is_unanswered(answer: str) -> bool:
    """True for an empty answer, a placeholder, or a placeholder followed only by links.

    "To be completed." above a "Useful resources:" list is still an open
    question; links alone, with no placeholder, are an answer (a pointer).
    An answer that is only a heading is the author's next heading indented by
    mistake, not an answer; one that is only an empty table is a worksheet's box left blank.
    """
    text = answer.lstrip()
    if text[:1] == "|" and not text.strip("|-: \n") and ("-" in text or " " in text.strip()):
        return True  # an empty table (a rule row or a blank cell): a worksheet's box; "||" alone is an operator
    if text[:1].isdigit() and _BARE_NUMBER.fullmatch(text.rstrip()):
        return True  # "18、" alone: the list's next number, its question not yet written
    if text and text[0] not in "#.…" and not _PLACEHOLDER_OPENING.match(text):
        return False  # most answers: no heading, ellipsis or placeholder opens them (property-tested)
    return _unanswered_in_full(answer)


def _unanswered_in_full(answer: str) -> bool:
    """:func:`is_unanswered` paragraph by paragraph.

    The first paragraph opens the answer, so an answer whose opening is no heading,
    ellipsis or placeholder can have none of them as its first paragraph.
    """
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(answer) if p.strip()]
    if not paragraphs:
        return True
    if len(paragraphs) == 1 and _BARE_NUMBER.fullmatch(paragraphs[0]):
        return True
    if all(_HEADING_ONLY.match(line) for p in paragraphs for line in p.split("\n")):
        return True
    return _is_placeholder(paragraphs[0]) and all(_is_link_list(p) for p in paragraphs[1:])


def _is_placeholder(text: str) -> bool:
    if _ELLIPSIS.fullmatch(text):
        return True
    return bool(_PLACEHOLDER_OPENING.match(text)) and bool(_PLACEHOLDER.match(_PLACEHOLDER_DECOR.sub("", text)))


def _is_link_list(paragraph: str) -> bool:
    lines = paragraph.split("\n")
    return all(_LINK_ITEM.match(line) or line.rstrip().endswith(":") for line in lines)


@lru_cache(maxsize=4)
def content_lines(source: Source) -> frozenset[int]:
    """Numbers of the lines that hold text (cached: every layout's detect asks for them).

    A blank line is noise: told by ``strip`` alone, for the half of a file's lines that are blank.
    """
    # holds_text's test for most lines written out: a call a line costs more than the test.
    return frozenset(
        line.number
        for line in outline(source)
        if (text := line.text)
        and (
            (text[:1] in _LETTERS and "<" not in text and "&" not in text and "](" not in text)
            or holds_text(line)
        )
    )


_LETTERS = frozenset(string.ascii_letters)


def holds_text(line: Line) -> bool:
    """True for a line that is not blank, noise (:func:`is_noise`) or a heading."""
    text = line.text
    if text[:1] in _LETTERS and "<" not in text and "&" not in text and "](" not in text:
        # Most lines: one that opens with a letter and holds no HTML or link is no heading,
        # bookkeeping, separator or navigation (property-tested against the full rule).
        return True
    if _holds_plain_words(text):
        return True
    return bool(text.strip()) and not (is_noise(text) or heading(line))


#: The first characters of :func:`is_noise`'s bookkeeping lines (its ``_BOOKKEEPING``), "" for a blank line.
_BOOKKEEPING_OPENINGS = ("[", ":", "#", "=", "~", "^", "")


def _holds_plain_words(text: str) -> bool:
    """True for an ASCII line with a letter, no HTML, link or heading mark, and no bookkeeping opening.

    is_noise keeps such a line as it is (no tag or entity to convert), finds a letter
    outside links in it and so asks only whether it is bookkeeping, which it cannot be;
    heading() needs a "#" among its first four characters. Quoted CSV rows, list items and
    bold lines are told so without either call (property-tested against the full rule).
    """
    if "<" in text or "&" in text or "](" in text or "#" in text[:4]:
        return False
    if text.lstrip()[:1] in _BOOKKEEPING_OPENINGS:
        return False
    return text.isascii() and text.lower() != text.upper()  # in ASCII, only a letter has a case


def coverage(source: Source, entries: Sequence[Entry], also: Iterable[int] = (), cards: Iterable[int] = ()) -> float:
    """Share of the source's content lines that the entries' questions and answers span.

    Content lines are the lines that hold text: not blank, front matter,
    headings (titles, whichever layout reads them), navigation or separators.
    A single pair is no layout (a heading that happens to end in "?"), so
    fewer than two entries score 0. ``also`` are lines a layout explains
    that no card holds (a table's header row); ``cards`` lines that are
    content only because a card is all of them (a title holding cloze deletions).
    """
    if len(entries) < 2:
        return 0.0
    content = content_lines(source)
    if cards:
        content = content | set(cards)
    if not content:
        return 0.0
    covered: set[int] = set(also)
    for entry in entries:
        covered.update(range(entry.line, max(entry.last, entry.line) + 1))
    return len(covered & content) / len(content)


def _asks_deletions(question: str) -> bool:
    """Does a question hold Anki's deletions (then, with no answer, it is a cloze)?"""
    return "{{c" in question and cloze.ANKI.search(question) is not None


def marked_coverage(source: Source, entries: Sequence[Entry]) -> float:
    """:func:`coverage`, where one answered entry (or cloze) is a layout too.

    For layouts whose syntax marks a card explicitly (``Q:``/``A:``, ``question::answer``,
    a ``?`` line): one such card is unambiguous even when it is the file's only one.
    """
    lone = len(entries) == 1 and (entries[0].answer or entries[0].kind == "cloze" or _asks_deletions(entries[0].question))
    return coverage(source, [*entries, *entries] if lone else entries)


def make_layout(
    name: str,
    description: str,
    find: Callable[[Source], Sequence[Entry]],
    score: Callable[[Source, Sequence[Entry]], float] = coverage,
) -> Layout:
    """The layout whose ``parse`` judges and whose ``detect`` scores (``score``) what ``find`` finds.

    ``find`` remembers its last source: the layout that detection chose then
    parses the file without finding its entries a second time.
    """
    find = lru_cache(maxsize=1)(find)

    def detect(source: Source) -> float:
        return score(source, find(source))

    def parse(source: Source) -> ParseResult:
        return result(source, name, find(source))

    return Layout(name, description, detect, parse)
