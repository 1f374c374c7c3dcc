"""The line-level shape of a Markdown file: front matter, code, headings, blocks, noise.

Contract: :func:`outline` reads a source once into :class:`Line` records
(1-based number, text, whether the line is code) with YAML front matter left
out; :func:`heading` recognises an ATX heading; :func:`blocks` splits lines
into blank-line separated blocks; :func:`answer_from` turns the blocks under a
question into Markdown, dropping what is navigation rather than content
("back to top" links, tables of contents, badges, ``<br/>`` and ``---``
separators). Layouts built on Markdown share these so that a ``#`` in a code
fence is code in every one of them.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml
from markdown_it import MarkdownIt

from ..model import Source
from .markup import comment_spans, html_to_markdown, inline_text


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """One line of a source, a value: never assign to its fields (outline's lists are shared through caches).

    Not ``frozen``: a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, three to five times the cost of a plain one (0.6-1.2
    against 0.23 µs, measured), and :func:`outline` makes one a line of every file.
    Equality and hash are a frozen one's (by fields).
    """

    #: 1-based line number in the source.
    number: int
    text: str
    #: True inside a fenced code block (the fence lines included).
    code: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True, unsafe_hash=True)
class Block:
    """Lines between blank lines (a fenced code block is one block, blank lines and all).

    A value, never assigned to; not ``frozen``, for the cost of its ``__init__`` (see :class:`Line`).
    """

    first: int
    last: int
    text: str


#: A fence's opening line, the fence maybe opening a list item ("- ```bash", "1. ```js": code as the item's
#: first block, closed by a fence of its own line).
_FENCE_OPEN = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)$")
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w.-]*\s*:")
_TOML_KEY = re.compile(r"^[A-Za-z_][\w.-]*[ \t]*=")
# CommonMark: up to three spaces of indentation, so a tab-indented "# x" is code, not a heading.
#: An ATX heading: its marks and its title. The closing sequence is tried only where the title ends in
#: a character that is not a space, and never given back: tried after every character of a run of
#: spaces, it would scan the rest of the run each time (cubic in the run's length).
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?<![ \t])(?:[ \t]++#++)?+[ \t]*+$")
#: How a heading with a title opens: the marks and the space after them.
_ATX_OPEN = re.compile(r"^ {0,3}(#{1,6})[ \t]")


#: Whitespace within a line, for patterns searched across a whole text: ``\s`` would run on over
#: the next lines, and a search from every line of a run of blank lines would scan the rest of it.
SPACE = r"[^\S\n]"
#: A list item's number alone ("12", "12.", "12)"): before a TAB it is how a word processor writes a
#: numbered list, and a front or a first column of them asks nothing.
LIST_NUMBER = re.compile(r"\d{1,4}[.)]?")
#: The question marks: "?", and those of scripts that have their own (full-width CJK, Arabic, the Greek
#: question mark as its own code point).
QUESTION_MARKS = ("?", "？", "؟", "\u037e")
#: How a question ends: a question mark, or the Chinese particle that makes a question.
QUESTION_ENDS = (*QUESTION_MARKS, "吗", "嗎")
#: Greek letters, and Latin ones: Greek keyboards type the Greek question mark as ASCII's ";", which
#: elsewhere ends code and clauses, not questions.
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LATIN = re.compile(r"[A-Za-z]")


def indentation(text: str) -> int:
    """How many spaces and tabs open ``text``."""
    return len(text) - len(text.lstrip(" \t"))


def ends_asking(text: str) -> bool:
    """Does ``text`` end in a question mark (see :data:`QUESTION_ENDS`), or in ";" after Greek text
    (more Greek letters than Latin: ``Τι περιέχει το RSS feed;`` asks, ``printf("Γεια");`` does not)?"""
    if text.endswith(QUESTION_ENDS):
        return True
    if not text.endswith(";"):
        return False
    greek = len(_GREEK.findall(text))
    return greek > 0 and greek > len(_LATIN.findall(text))


#: The question marks of other scripts, and a line that ends in ";" (emphasis and spaces after it).
_OTHER_MARKS = re.compile(r"[？؟\u037e]")
_SEMICOLON_LINE = re.compile(r"^.*;[*_]*[^\S\n]*$", re.MULTILINE)


def asks_in(text: str) -> bool:
    """Does ``text`` ask anything: a question mark ("?", full-width, Arabic, Greek) anywhere, or a line
    ending in ";" as :func:`ends_asking` reads Greek?"""
    if "?" in text or _OTHER_MARKS.search(text):
        return True
    return ";" in text and any(ends_asking(m.group(0).rstrip(" \t*_")) for m in _SEMICOLON_LINE.finditer(text))


#: A title that names a FAQ in English (searched in a heading's text): the questions under it are its entries.
_FAQ_WORDS = re.compile(
    r"^(?:questions|faqs?)$|\b(?:faqs?|f\.a\.q\.?|frequently[- ]asked(?:[- ]questions)?|q ?& ?a|questions and answers)\b",
    re.IGNORECASE,
)
#: The same in the languages of :data:`ASKING_WORDS`, lower case: looked for as substrings, which costs a
#: tenth of one pattern of them all tried at every character of every heading.
_FAQ_PHRASES = (
    "preguntas frecuentes", "perguntas frequentes", "questions fréquentes", "foire aux questions",
    "häufig gestellte fragen", "häufige fragen", "domande frequenti", "veelgestelde vragen", "zadawane pytania", "najczęstsze pytania", "pytania i odpowiedzi",
    "vanliga frågor", "ofte stilte spørsmål", "ofte stillede spørgsmål", "usein kysytyt kysymykset",
    "často kladené otázky", "často kladené dotazy", "sıkça sorulan sorular", "sık sorulan sorular",
    # A stem, for every case a title puts the phrase in ("Раздел часто задаваемых вопросов").
    "часто задаваем", "вопросы и ответы", "часті питання", "поширені запитання", "часті запитання",
    "συχνές ερωτήσεις", "întrebări frecvente", "gyakran ismételt kérdések", "gyakori kérdések",
    "câu hỏi thường gặp", "pertanyaan yang sering diajukan", "pertanyaan umum", "tanya jawab", "soalan lazim",
    "mga madalas itanong", "maswali yanayoulizwa", "अक्सर पूछे जाने वाले प्रश्न", "सामान्य प्रश्न",
    "প্রায়শই জিজ্ঞাসিত প্রশ্ন", "الأسئلة الشائعة", "الأسئلة المتكررة", "الأسئلة المتداولة", "سوالات متداول",
    "پرسش‌های متداول", "שאלות נפוצות", "คำถามที่พบบ่อย", "常见问题", "常見問題", "常见问答", "常見問答",
    "よくある質問", "よくあるご質問", "자주 묻는 질문", "자주 하는 질문",
)
#: The abbreviations some languages name a FAQ by (Turkish "SSS", Hungarian "GYIK", Russian "ЧаВО"): whole words only.
_FAQ_ABBREVIATIONS = re.compile(r"(?<!\w)(?:sss|gyik|чаво)(?!\w)")


#: What every English name of a FAQ holds, and the first words of the ASCII names in other languages:
#: searched first, as most headings name none (a case-sensitive search of literals skips through a title).
_FAQ_HINT = re.compile(r"faq|f\.a\.q|frequently|q ?& ?a|questions")
_FAQ_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in _FAQ_PHRASES if phrase.isascii())


def names_faq(title: str) -> bool:
    """Does ``title`` name a FAQ, in English or another language?"""
    lowered = title.lower()
    if _FAQ_HINT.search(lowered) and _FAQ_WORDS.search(title):
        return True
    if lowered.isascii() and _FAQ_FIRST_WORDS.isdisjoint(lowered.split()) and "sss" not in lowered and "gyik" not in lowered:
        return False
    return any(phrase in lowered for phrase in _FAQ_PHRASES) or _FAQ_ABBREVIATIONS.search(lowered) is not None


def faq_section(source: Source) -> Source | None:
    """``source`` with only its FAQ sections' lines (each a heading naming a FAQ, down to the next
    heading as high; the innermost where one holds another that has headings of its own), the others blank so that every line keeps
    its number; None when it has none.

    An article, a tutorial or a product page often ends in a FAQ: its questions are the cards
    even where the rest of the page is prose that no layout reads.
    """
    if "#" not in source.text:
        return None
    lines = outline(source)
    found = [(i, h) for i, line in enumerate(lines) if (h := heading(line))]
    spans = []
    for place, (index, (level, title)) in enumerate(found):
        if names_faq(title):
            spans.append((index, next((j for j, (lv, _) in found[place + 1 :] if lv <= level), len(lines))))
    sections = [(start, end) for start, end in spans if any(start < index < end for index, _ in found)]
    keep: set[int] = set()
    for start, end in spans:
        if not any(start < inner < end for inner, _ in sections):  # "FAQ" in a title over its FAQ section
            keep.update(range(start, end))
    return _kept(source, lines, keep)


def marked_section(source: Source, marks: re.Pattern[str]) -> Source | None:
    """``source`` with only the sections (a heading down to the next as high; the innermost) holding two
    lines or more that open with a question's marker (``marks``: ``Q.``, ``Question:``), the others blank;
    None when it has none.

    Study notes often close on a few marked questions under a title of their own ("Interview points",
    in any language): those are the cards, though the prose above them is no layout's.
    """
    if "#" not in source.text:
        return None
    lines = outline(source)
    found = [(i, h) for i, line in enumerate(lines) if (h := heading(line))]
    asked = [i for i, line in enumerate(lines) if not line.code and marks.match(line.text)]
    if len(asked) < 2:
        return None
    spans = []
    for place, (index, (level, _)) in enumerate(found):
        end = next((j for j, (lv, _) in found[place + 1 :] if lv <= level), len(lines))
        if sum(index < i < end for i in asked) >= 2:
            spans.append((index, end))
    keep: set[int] = set()
    for start, end in spans:
        if not any(start < inner and stop <= end for inner, stop in spans):  # the innermost: no title over it
            keep.update(range(start, end))
    return _kept(source, lines, keep)


#: A heading line that may name a study section by its first words (after a number and markup): searched once in the
#: whole text, its literal newline first, as most files have none.
_STUDY_HINT = re.compile(
    r"\n {0,3}#{1,6}[ \t]+[\d. \t*_]*(?i:exercise|quiz|self|check your|test yourself|knowledge check|concept check"
    r"|comprehension|review|study|practice|revision|chapter|end[- ]of[- ]chapter|questions)"
)
#: A title that names the questions a textbook chapter or study notes close on (searched in the title).
_STUDY_WORDS = re.compile(
    r"\b(?:review|study|comprehension|practice|revision|self[- ]?(?:test|check|assessment)|end[- ]of[- ]chapter|chapter)"
    r"\s+(?:questions?|problems?|exercises?|quiz(?:zes)?)\b"
    r"|\bcheck\s+your\s+(?:understanding|knowledge|learning|progress)\b|\bself[- ]?(?:checks?|tests?|assessment|quiz)\b"
    r"|\b(?:test|quiz)\s+yourself\b|\b(?:knowledge|concept|comprehension)\s+checks?\b",
    re.IGNORECASE,
)
#: A title that is only a word for such questions ("Exercises", "15. Exercises", "Review questions").
_STUDY_TITLE = re.compile(r"^(?:exercises?|questions|quiz(?:zes)?)$", re.IGNORECASE)
#: What a study title may carry besides its words: a section's number, markup, a closing colon, a tag in brackets.
_TITLE_DECOR = re.compile(r"^[\s*_]*(?:(?:\d+\.)*\d+\.?|[IVX]+\.)?[\s*_]*|[\s*_:]*(?:\[[^\]]*\]|\([^)]*\))?[\s*_:]*$")


def names_study(title: str) -> bool:
    """Does ``title`` (a heading's, or a card's question) name the questions a chapter closes on?"""
    return _bare_names_study(_bare_title(title))


def _bare_title(title: str) -> str:
    """``title``'s words, without its number, markup and a closing tag (see :data:`_TITLE_DECOR`)."""
    return _TITLE_DECOR.sub("", inline_text(title))


def _bare_names_study(bare: str) -> bool:
    return _STUDY_TITLE.match(bare) is not None or _STUDY_WORDS.search(bare) is not None


def study_section(source: Source, answers: re.Pattern[str]) -> tuple[Source, list[tuple[int, int]]] | None:
    """``source`` with only its study sections' lines (a heading naming review questions, a self-check or
    exercises, or their ``answers``, down to the next heading as high), the others blank; and the spans of
    line numbers they cover (first, last). None when it has none.

    Lecture notes and textbook chapters close on a few questions to check the reader: those (and the answers
    a later section gives them) are the cards; the chapter's sections above are topics, not questions.
    """
    if not _STUDY_HINT.search(source.text) and not _STUDY_HINT.match("\n" + source.text[:200]):
        return None
    lines = outline(source)
    found = [(i, h) for i, line in enumerate(lines) if (h := heading(line))]
    spans: list[tuple[int, int]] = []
    asking = False
    for place, (index, (level, title)) in enumerate(found):
        bare = _bare_title(title)
        study = _bare_names_study(bare)
        if study or answers.match(bare.lower()):
            asking = asking or study
            spans.append((index, next((j for j, (lv, _) in found[place + 1 :] if lv <= level), len(lines))))
    if not asking:
        return None
    keep = {i for start, end in spans for i in range(start, end)}
    kept = _kept(source, lines, keep)
    if kept is None:
        return None
    return kept, [(lines[start].number, lines[end - 1].number) for start, end in spans]


#: A list item that asks with a question mark, whatever follows the mark on its line ("- Which port? `22`").
_ASKING_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+[^\n]*?\?(?:[ \t]|$)", re.MULTILINE)


def lists_questions(source: Source) -> bool:
    """Does ``source`` list two questions or more as a list's items (outside code)?"""
    if "?" not in source.text:
        return False
    found = 0
    for line in outline(source):
        if not line.code and "?" in line.text and _ASKING_ITEM.match(line.text):
            found += 1
            if found == 2:
                return True
    return False


def _kept(source: Source, lines: list[Line], keep: set[int]) -> Source | None:
    """``source`` with only the lines at the indexes ``keep`` of its outline ``lines``; None when that is none
    of them or all."""
    if not keep or len(keep) == len(lines):
        return None
    return blanked(source, (line.number for i, line in enumerate(lines) if i not in keep))


def blanked(source: Source, numbers: Iterable[int]) -> Source:
    """``source`` with the lines ``numbers`` (from 1) blank: what is left to read, each line at its number."""
    raw = source.text.split("\n")
    for number in numbers:
        if number <= len(raw):  # a card may end on the line after the last (a text without a final newline)
            raw[number - 1] = ""
    return Source(source.path, "\n".join(raw), source.encoding)


#: The Chinese, Japanese and Korean interrogatives: words that only ask (where "wie" and "как" also mean
#: "as"), so a line of its own opening with one asks.
_CJK_ASKS = "如何|为何|為何|为什么|為什麼|什么|什麼|怎么|怎麼|怎样|怎樣|是否|哪些|哪个|哪個|なぜ|どう|무엇|왜|어떻게"
CJK_ASKING = re.compile(f"^(?:{_CJK_ASKS})")
#: A Chinese, Japanese or Korean question without a question mark: an interrogative inside it ("Redis 为什么快",
#: "HashMap 的原理是什么"), a particle that asks at its end (吗, 呢, ですか, 까, 나요), a remark in brackets
#: allowed after it ("能交换到磁盘吗（面试官说不能）"), the difference it asks for ("ArrayList 和 LinkedList 的区别",
#: "プロセスとスレッドの違い", "프로세스와 스레드의 차이점"), as "Differences between …" asks in English, or a request
#: to explain ("简述 …", "谈谈 …", "…を説明してください", "…에 대해 설명해 주세요"), as "Explain …" does.
_CJK_ASKS_INSIDE = re.compile(
    r"为什么|為什麼|为何|為何|如何|怎么|怎麼|怎样|怎樣|哪些|哪个|哪個|是否|是什么|是什麼|什么是|什麼是|有什么|有什麼"
    r"|なぜ|どうして|どのように|とは何|って何|무엇|왜|어떻게|简述|簡述|谈谈|談談|说说|說說|说一下|說一下|解释一下|解釋一下"
    r"|(?:吗|嗎|呢|ですか|ますか|까|나요|가요|的区别|的區別|的异同|的異同|の違い|의 차이|의 차이점"
    r"|주세요|주십시오|하시오|ください|下さい)"
    r"[\s。.!！]*(?:[(（][^()（）\n]*[)）][\s。.!！]*)?$"
)


def cjk_asks(text: str) -> bool:
    """Does ``text`` (a line) ask in Chinese, Japanese or Korean with no question mark? ASCII text never does."""
    return not text.isascii() and _CJK_ASKS_INSIDE.search(text) is not None
#: How a question opens in the languages of :data:`ASKING_WORDS` when it ends in no question mark (a
#: heading "Что такое замыкание", "Wie funktioniert X", "如何安装"): their interrogatives, words that open
#: statements too ("como", "que", "come") only where they ask ("qué", "que es").
OTHER_ASKING = re.compile(
    r"^(?:(?:was|wie|warum|weshalb|wieso|wozu|wann|wo|woher|wohin|wer|wen|wem|welche[rsnm]?|wof(?:ü|ue)r|worin|womit"
    r"|gibt es|qué|que es|que son|cómo|cuál(?:es)?|por qué|cuándo|dónde|quién(?:es)?|cuánt[oa]s?|para qué"
    r"|qu['’]est-ce|quel(?:le)?s?|comment|pourquoi|quand|où|qui|combien|est-ce"
    r"|o que|qual|quais|por que|quando|onde|quem|quant[oa]s?|para que|che cos[aè]|cosa|perch[ée]|quale|quali|dove"
    r"|wat|hoe|waarom|wanneer|waar|welke?|jak|dlaczego|kiedy|gdzie|kto|któr[yae]|czym|czy"
    r"|что|как(?:ой|ая|ое|ие|им|их|ов)?|почему|зачем|когда|где|кто|чем|ч[её]м|сколько|можно ли|в ч[её]м|для чего"
    r"|есть ли|куда|откуда|що|як(?:ий|а|е|і)?|чому|навіщо|коли|де|хто|чим|скільки"
    r"|τι|π[ώω]ς|γιατί|πότε|πού|ποι(?:ος|α|ο|ες|οι)|πόσ[οα]|nasıl|neden|niçin|nerede|hangi)\b"
    rf"|(?:{_CJK_ASKS}))",
    re.IGNORECASE,
)


#: "Question" and "Answer" in the languages flashcard users write most besides English (lower case): the
#: labels of the prefixed layout's pairs and the names of a table's or a CSV's columns.
ASKING_WORDS = ("frage", "pregunta", "pergunta", "domanda", "vraag", "pytanie", "fråga", "spørsmål", "spørgsmål",
                "kysymys", "otázka", "soru", "ερώτηση", "ερωτηση", "вопрос", "питання", "问题", "問題", "質問", "질문", "꼬리질문",
                "întrebare", "kérdés", "pertanyaan", "soalan", "câu hỏi", "tanong", "swali", "प्रश्न", "প্রশ্ন", "سؤال",
                "السؤال", "پرسش", "שאלה", "คำถาม", "savol")
ANSWERING_WORDS = ("antwort", "respuesta", "réponse", "resposta", "risposta", "antwoord", "odpowiedź", "svar",
                   "vastaus", "odpověď", "cevap", "yanıt", "απάντηση", "απαντηση", "ответ", "відповідь", "答案", "回答", "答え",
                   "답변", "답", "răspuns", "válasz", "jawaban", "jawapan", "câu trả lời", "trả lời", "đáp án", "sagot", "jibu", "उत्तर", "উত্তর",
                   "جواب", "الجواب", "الإجابة", "پاسخ", "תשובה", "คำตอบ", "javob")
#: "Correct" as a key line says it before "answer" in those languages ("Правильный ответ: B", "Σωστή απάντηση: (b)",
#: "Rätt svar: C", "Helyes válasz: D", "Doğru cevap: A", "সঠিক উত্তর: ক", "正确答案：B") and after it, where the adjective
#: follows its noun ("Răspuns corect: A", "Respuesta correcta: B", "Jawaban benar: C", "Đáp án đúng: D",
#: "الإجابة الصحيحة: أ", "คำตอบที่ถูกต้อง: ข").
RIGHT_BEFORE_ANSWER = ("correct", "right", "richtige", "korrekte", "bonne", "juiste", "goede", "правильный", "верный",
                       "правильна", "poprawna", "prawidłowa", "správná", "správna", "σωστή", "σωστη", "rätt", "riktig",
                       "korrekt", "rigtig", "rigtige", "riktige", "oikea", "helyes", "doğru", "sai", "सही", "সঠিক", "正确",
                       "正確", "正しい")
RIGHT_AFTER_ANSWER = ("correcta", "correcto", "correcte", "corretta", "esatta", "correta", "correto", "certa", "corect",
                      "corectă", "benar", "yang benar", "betul", "yang betul", "đúng", "chính xác", "juist", "correct",
                      "الصحيحة", "الصحيح", "ที่ถูกต้อง", "ที่ถูก", "sahihi")


#: A fold's summary that only names what it folds: the answer ("Answer", "Show solution", "✅ Ответ", a course's "Example Solution 2", "Answer 2"), a hint,
#: or the question whose answer another fold holds ("Question 2", "Problem 3", "Questions").
_FOLD_LABEL = re.compile(
    r"^[^\w]*(?:(?:show|see|view|reveal|click(?: here)?(?: to (?:see|show|view|reveal))?|ver|mostrar|voir|afficher|zeige|"
    r"mostra|vedi|показать|показати|pokaż|göster|lihat|xem)\s+)?(?:the\s+|la\s+|a\s+|an\s+|die\s+|una\s+|uma\s+)?"
    # An answer the author offers as one of several: "Possible answer", "Possibile risposta", "Risposta possibile".
    r"(?:(?:example|sample|possible|suggested|model|expected|posibles?|possibil[ei]|poss[ií]vel|m[oö]gliche"
    r"|возможный|примерный|можлива|przykładowa|możliwa|örnek)\s+)?"
    r"(?:(?P<answer>answers?|ans|solutions?|explanation|soluci[oó]n|solu[cç][aã]o|l[oö]sung|soluzione|"
    # A teacher's worked answer to an exercise: "Correction", "Corrigé" (French), "Corrección", "Correção".
    r"corrections?|corrig[ée]s?|correcci[oó]n|corre[cç][aã]o|correzione|"
    + "|".join(re.escape(word) for word in ANSWERING_WORDS) + r"|решение|解答|정답|해답)"
    r"|(?P<hint>hints?|tips?|clues?|hinweis|pista|indice|indizio|dica|подсказка|підказка|提示|ヒント|힌트)"
    r"|(?P<question>questions?|problems?|exercises?|q))"
    r"(?:\s+example|\s+(?:posibles?|possibil[ei]|poss[ií]vel|possibles?|sugerida|suggerita|sugg[ée]r[ée]e"
    r"|modelo|modello))?"
    # The item it belongs to, by number: "Solution 2", "Answer to Exercise 1.3", "Hint for question 4b".
    r"(?:\s+(?:to|for|of)\s+(?:the\s+)?(?:exercises?|questions?|problems?|tasks?|examples?|ex\.?|q\.?))?"
    r"(?:\s*#?\d{1,3}(?:\.\d{1,3})*[a-z]?)?"
    r"[^\w]*$",
    re.IGNORECASE,
)


def fold_label(summary: str) -> str | None:
    """"answer", "hint" or "question" when a fold's ``summary`` (its text, tags gone) only names what the fold holds,
    else None: then the summary asks, and for an answer's fold the question is what stands before it."""
    if len(summary) > 40:
        return None
    found = _FOLD_LABEL.match(summary.strip())
    return None if found is None else next(name for name in ("answer", "hint", "question") if found.group(name))


class LineStart:
    """Whether any line of a text may match a line pattern, told by two searches of the whole text.

    Detection tries every layout on every file, and most layouts find nothing
    in most files: a search for the line that would start an entry answers
    that at C speed, where testing line by line costs a Python call a line.
    ``pattern`` must anchor once, with a leading ``^`` and no look behind it,
    and may end lines with ``$``; its whitespace is :data:`SPACE`, never ``\\s``, so that a match
    stays on its line and the search stays linear however many blank lines a text has.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        assert pattern.pattern.startswith("^") and not pattern.flags & re.VERBOSE, pattern.pattern
        assert "\\s" not in pattern.pattern, f"whitespace in a line start is {SPACE}: {pattern.pattern}"
        body = pattern.pattern.removeprefix("^")
        flags = pattern.flags | re.MULTILINE  # "$" still ends a line
        self._first = re.compile(body, flags)
        # A literal first: the engine jumps from newline to newline instead of trying every position.
        self._later = re.compile("\n" + body, flags)

    def found_in(self, text: str) -> bool:
        return bool(self._first.match(text) or self._later.search(text))

    def findall(self, text: str) -> list:
        """What ``re.findall`` gives for the pattern in ``text``, line by line from the first."""
        first = self._first.match(text)
        return (self._first.findall(text, 0, first.end()) if first else []) + self._later.findall(text)

    def matches(self, line: str) -> bool:
        """Does the pattern match at the start of ``line`` (one line)?"""
        return self._first.match(line) is not None


#: "::" (asciidoc's terms, obsidian's cards) in a whole text: the regex engine finds a two-character
#: literal in half the time ``in`` takes.
DOUBLE_COLON = re.compile("::")


@lru_cache(maxsize=1)
def outline(source: Source) -> list[Line]:
    """The source's lines, numbered and marked as code or not, without front matter.

    Cached for the last source, as every layout's detection asks for it: do
    not modify the list.
    """
    text = source.text
    raw = text.split("\n")
    start = front_matter_end(raw)
    marked = [index for index in _fence_mark_lines(text) if index >= start]
    if not marked:
        return [Line(index + 1, raw[index]) for index in range(start, len(raw))]  # no fence, no code
    # Only a line holding a fence mark can open or close a fence: the lines between two such
    # lines are all code or all not, and are made in one go (property-tested against a line walk).
    lines: list[Line] = []
    fence: str | None = None
    done = start  # lines[:] holds the lines before this index
    for index in marked:
        line = raw[index]
        if fence is None:
            opened = _FENCE_OPEN.match(line)
            if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
                lines += [Line(k + 1, raw[k]) for k in range(done, index)]
                lines.append(Line(index + 1, line, True))
                fence, done = opened.group(1), index + 1
        else:
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                lines += [Line(k + 1, raw[k], True) for k in range(done, index + 1)]
                fence, done = None, index + 1
    lines += [Line(k + 1, raw[k], fence is not None) for k in range(done, len(raw))]
    return lines


def _fence_mark_lines(text: str) -> list[int]:
    """Indexes (0-based) of the lines of ``text`` that hold a "```" or "~~~", in order.

    Found with ``str.find`` and ``str.count`` from mark to mark: a file's few marks cost
    less than a test of each of its lines.
    """
    found: set[int] = set()
    for mark in ("```", "~~~"):
        if mark[0] not in text:
            continue  # one character is found at memchr speed, three are not: most texts have no "~"
        index, at = 0, 0  # ``at``: where line ``index`` starts
        while (position := text.find(mark, at)) >= 0:
            index += text.count("\n", at, position)
            found.add(index)
            end = text.find("\n", position)
            if end < 0:
                break
            index, at = index + 1, end + 1
    return sorted(found)


def front_matter_end(lines: Sequence[str]) -> int:
    """Index of the first line after YAML front matter, or Hugo's TOML front matter between ``+++``
    lines (0 when there is none).

    Only a leading ``---`` block that YAML reads as a mapping is front matter: other
    tools open a file's first card section with ``---`` too, and that text is content.
    """
    if lines and lines[0].rstrip() == "+++":
        return _toml_end(tuple(lines[:200]))
    if not lines or lines[0].strip() != "---" or len(lines) < 3:
        return 0
    if not _FRONT_MATTER_KEY.match(lines[1]):
        # TOML between "---" lines, as hashcards writes a deck's name: front matter when TOML reads it.
        return _toml_end(tuple(lines[:200]), "---") if _TOML_KEY.match(lines[1]) else 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1 if _is_mapping("\n".join(lines[1:index])) else 0
    return 0


#: Markdown, by the names note-takers' tools save it under (Livebook saves its notebooks as ``.livemd``: Markdown
#: whose code cells are fences).
MARKDOWN_EXTENSIONS = frozenset(
    {".md", ".markdown", ".mdown", ".qmd", ".rmd", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".markdn", ".livemd"}
)


def typed(source: Source) -> bool:
    """Was ``source`` typed as Markdown or plain text, not translated from a document or another markup?
    Note-takers' conventions (bold deletions, ``#tag`` lines) hold only there."""
    from .. import markups  # the readers import the parsers' helpers: imported when first needed

    suffix = source.path.suffix.lower()
    return suffix not in markups.MARKUPS and suffix not in markups.DOCUMENTS


def front_matter(text: str) -> dict[object, object]:
    """The YAML (or TOML) front matter of ``text`` as a mapping, {} when it has none (shared: do not change it)."""
    if not text.startswith(("---", "+++")):
        return {}
    return _front_matter("\n".join(head_lines(text)))


def head_lines(text: str) -> list[str]:
    """The first 200 lines of ``text``: where front matter is looked for (a page's is never longer)."""
    return text.split("\n", 200)[:200]


@lru_cache(maxsize=64)
def _toml_end(lines: tuple[str, ...], fence: str = "+++") -> int:
    for index in range(1, len(lines)):
        if lines[index].rstrip() == fence:
            try:
                tomllib.loads("\n".join(lines[1:index]))
            except tomllib.TOMLDecodeError:
                return 0
            return index + 1
    return 0


@lru_cache(maxsize=64)
def _front_matter(head: str) -> dict[object, object]:
    lines = head.split("\n")
    end = front_matter_end(lines)
    if not end:
        return {}
    try:
        if lines[0].rstrip() == "+++" or _TOML_KEY.match(lines[1]):
            return tomllib.loads("\n".join(lines[1 : end - 1]))
        data = yaml.load("\n".join(lines[1 : end - 1]), Loader=_YAML_LOADER)
    except (yaml.YAMLError, tomllib.TOMLDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=64)
def _is_mapping(text: str) -> bool:
    try:
        return isinstance(yaml.load(text, Loader=_YAML_LOADER), dict)
    except yaml.YAMLError:
        return False


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def without_comments(text: str) -> str:
    """``text`` with its HTML comments (outside fenced code) blanked, line breaks kept.

    Comments are where other tools keep their bookkeeping (note ids, scheduling,
    markers): never card text. Line breaks stay so that cards keep their line numbers.
    """
    if "<!--" not in text:
        return text  # most texts
    in_code = _in_code(text)
    parts, done = [], 0
    for start, end in comment_spans(text):
        if in_code(start):
            continue  # in a code block: kept as written
        parts += (text[done:start], "\n" * text.count("\n", start, end))
        done = end
    parts.append(text[done:])
    return "".join(parts)


#: A line of a site's template: Liquid, Jinja or Go template tags and expressions standing alone
#: (``{% for item in page.faq %}``, ``{{ item.answer }}``, ``{{ end }}``), or a heading made of one
#: (``## {{ item.question }} {#faq}``). An expression holds a space, a dot or a pipe: Anki's clozes
#: (``{{c1::…}}``) and Obsidian's deletions (``{{word}}``) are no template's.
_TEMPLATE_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:(?:\{%[^\n]*?%\}|\{\{(?![ \t]*c\d+::)[^\n{}]*?[ .|][^\n{}]*?\}\})[ \t]*)+"
    r"(?:\{#[^\n{}]*\})?[ \t]*$",
    re.MULTILINE,
)


def without_site_templates(text: str) -> str:
    """``text`` with the template lines of a site's page (one with front matter) blanked, outside fenced code.

    A page whose FAQ lives in the site's data loops over it where the entries would stand (``{% for item in
    site.data.faq %}`` / ``## {{ item.question }}``): the loop is the site's machinery, its entries are
    elsewhere, and a heading of it is no question. Notes without front matter keep such lines: an answer
    may show ``{{ user.name }}`` as Jinja's or Angular's syntax.
    """
    if ("{%" not in text and "{{" not in text) or not text.startswith(("---", "+++")):
        return text
    if not front_matter_end(head_lines(text)):
        return text
    in_code = _in_code(text)
    return _TEMPLATE_LINE.sub(lambda match: match.group() if in_code(match.start()) else "", text)


#: A setext heading's underline: three or more "=" (level 1) or "-" (level 2), up to three spaces in.
_UNDERLINE = LineStart(re.compile(r"^ {0,3}(?:={3,}|-{3,})[ \t]*$"))
#: The longest heading read from an underline, in lines and characters: a longer paragraph over a line of
#: dashes is text over a rule (CommonMark sets no limit, but no author means a heading that long).
_SETEXT_LINES = 3
_SETEXT_LENGTH = 200
#: A line of a heading that ends like this ends a sentence: the heading's text runs on in one sentence.
_SENTENCE_ENDS = (*QUESTION_ENDS, ".", "!", ":")
#: The rules a plain-text banner draws beside its title: "------ Frequently Asked Questions ------".
_BANNER = re.compile(r"^[-=*_~]{2,}\s*|\s*[-=*_~]{2,}$")


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """CommonMark's block structure as GitHub reads it (HTML blocks and tables too), no inline parsing:
    what tells a paragraph's underline from a rule under a list item, a quote or an HTML block."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"])


def setext_as_atx(source: Source) -> tuple[Source, list[str]] | None:
    """``source`` with its setext headings (a paragraph over a line of ``===`` or ``---``) written as ATX
    headings, line numbers kept, and those headings' titles; None when it has none.

    CommonMark, and so GitHub and Obsidian, shows such a paragraph as a heading; other tools write the same
    line of dashes between a card's front and back. Parsers try both readings (see ``parsers._choose``).
    Only headings outside lists and quotes, of at most three lines that run on in one sentence, are taken.
    """
    text = source.text
    if not _UNDERLINE.found_in(text):
        return None
    raw = text.split("\n")
    start = front_matter_end(head_lines(text))  # front matter is no Markdown: its closing "---" no underline
    tokens = _block_parser().parse("\n" * start + "\n".join(raw[start:]))
    titles: list[str] = []
    for token in tokens:
        if token.type != "heading_open" or token.markup not in ("=", "-") or token.level or token.map is None:
            continue
        first, index = token.map[0], token.map[1] - 1  # the paragraph's first line, its underline
        title = _BANNER.sub("", " ".join(part.strip() for part in raw[first:index]))
        if index - first > _SETEXT_LINES or not title or len(title) > _SETEXT_LENGTH:
            continue
        if any(part.rstrip().endswith(_SENTENCE_ENDS) for part in raw[first : index - 1]):
            continue  # a question over its answer ("Capital of Peru?" / "Lima"), a rule below: a card's end
        raw[first : index + 1] = [f"{'#' if token.markup == '=' else '##'} {title}", *([""] * (index - first))]
        titles.append(title)
    return (Source(source.path, "\n".join(raw), source.encoding), titles) if titles else None


def _in_code(text: str) -> Callable[[int], bool]:
    """Is the character at an offset of ``text`` inside a fenced code block (:func:`code_spans`)?"""
    code = code_spans(text)
    starts = [start for start, _ in code]

    def inside(offset: int) -> bool:
        place = bisect.bisect_right(starts, offset) - 1
        return place >= 0 and offset < code[place][1]

    return inside


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the fenced code blocks of ``text``."""
    spans: list[tuple[int, int]] = []
    at, fence, start = 0, "", 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not fence:
            opened = _FENCE_OPEN.match(line)
            if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
                fence, start = opened.group(1), at
        elif stripped.startswith(fence) and not stripped.strip(fence[0]):
            spans.append((start, at + len(line)))
            fence = ""
        at += len(line) + 1
    if fence:
        spans.append((start, len(text)))
    return spans


def heading(line: Line) -> tuple[int, str] | None:
    """(level, text) when the line is an ATX heading outside code; closing ``#``s dropped."""
    if line.code or "#" not in line.text[:4]:
        return None  # the cheap test first: most lines are no heading
    return _atx(line.text)


#: A heading's attributes after its title, as kramdown, Pandoc and MkDocs write its anchor: "{#voiceover}",
#: "{: #setup .note}". Not the title's text: the page's address for the section.
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{:?[ \t]*#[\w-]+(?:[ \t]+[^{}\n]*)?\}$")


@lru_cache(maxsize=4096)
def _atx(text: str) -> tuple[int, str] | None:
    # Remembered by text: several passes ask about each heading line.
    opened = _ATX_OPEN.match(text)
    if opened and text[-1] not in "# \t}" and "\n" not in text:
        # Most headings end in their title's last character, so no closing "#"s can follow it:
        # the title is the rest of the line, told without HEADING's lazy title, which tries
        # the closing sequence after every character (property-tested against HEADING).
        return len(opened.group(1)), text[opened.end() :].strip()
    match = HEADING.match(text)
    if not match:
        return None
    title = (match.group(2) or "").strip()
    if title.endswith("}"):
        title = _HEADING_ATTRIBUTES.sub("", title) or title
    return len(match.group(1)), title


def opens_with_title(levels: Sequence[int]) -> bool:
    """True when the first heading is the only ``#`` one: it names the document, no section."""
    return bool(levels) and levels[0] == 1 and levels.count(1) == 1


def sections(lines: Sequence[Line]) -> list[str]:
    """For each line, the title of the nearest heading above it ("" before any, or the title)."""
    found = [(i, h) for i, line in enumerate(lines) if (h := heading(line))]
    if opens_with_title([h[0] for _, h in found]):
        found.pop(0)
    out: list[str] = []
    title = ""
    for i, h in found:
        out.extend([title] * (i - len(out)))
        title = inline_text(h[1])
    out.extend([title] * (len(lines) - len(out)))
    return out


@lru_cache(maxsize=1)
def outline_sections(source: Source) -> list[str]:
    """:func:`sections` of the source's :func:`outline`.

    Cached for the last source, as several layouts' detection asks for them:
    do not modify the list.
    """
    return sections(outline(source))


def blocks(lines: Iterable[Line]) -> list[Block]:
    """Blank-line separated blocks; blank lines inside code stay in their block."""
    out: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if line.blank and not line.code:
            if current:
                out.append(_block(current))
            current = []
        else:
            current.append(line)
    if current:
        out.append(_block(current))
    return out


def _block(lines: list[Line]) -> Block:
    return Block(lines[0].number, lines[-1].number, "\n".join(line.text for line in lines))


def answer_from(lines: Iterable[Line]) -> tuple[str, int]:
    """The Markdown answer held by ``lines`` and the number of its last line (0 when empty).

    Each block's HTML is converted on its own, so one stray tag cannot swallow
    the rest of the answer; navigation blocks are dropped, and separators only
    where they open or close the answer.
    """
    kept: list[Block] = []
    for block in blocks(lines):
        text = html_to_markdown(block.text).strip("\n")
        if block.text.lstrip().startswith("<"):
            text = _dedent_html_block(text)
        if text.strip() and not is_navigation(text):
            kept.append(Block(block.first, block.last, text))
    while kept and is_separator(kept[-1].text):
        kept.pop()
    while kept and is_separator(kept[0].text):
        kept.pop(0)
    if not kept:
        return "", 0
    last = kept[-1]
    body, _, closing = last.text.rpartition("\n")
    if body.strip() and is_separator(closing):  # a rule right under the answer's last line parts it from the next card
        kept[-1] = Block(last.first, last.last - 1, body)
    return "\n\n".join(block.text for block in kept), kept[-1].last


def _dedent_html_block(text: str) -> str:
    # HTML is indented for readability; once Markdown, four spaces would make it code.
    lines = text.split("\n")
    if all(not line.strip() or line.startswith(("    ", "\t")) for line in lines):
        return "\n".join(line.strip() for line in lines)
    return text


# Link text runs over no bracket and a target over no parenthesis: a try that fails then ends at the
# next one, where running on to the first "]" or ")" is quadratic over a line of "[" or "](".
_ANCHOR_LINK = re.compile(r"\[[^\[\]]*\]\(#[^()]*\)")
_BADGE = re.compile(r"\[!\[[^\[\]]*\]\(([^()]*)\)\]\(([^()]*)\)")
_SHIELD = re.compile(r"!\[[^\[\]]*\]\(https?://img\.shields\.io/[^()]*\)")
#: A link to another page of a note app's export, a sub-page or a database (Notion names each file after its
#: page and the page's id: ``[Glossary](Notes%200123…cdef/Glossary%20fedc…3210.csv)``): where the content is.
_EXPORT_PAGE_LINK = re.compile(r"\[[^\[\]]*\]\([^()\s]*?(?:%20|[ _-])[0-9a-f]{32}(?:_all)?\.(?:md|csv|html)\)")
#: A link to the page before or after this one in a series of pages ("[Next](./02_types.md)", "[⬅ Index](README.md)",
#: "[Previous chapter](01.md)"): a pager, which a page of questions ends with, no answer's text. Only to a page of the
#: same site (no scheme), its text an arrow or a pager's word and at most a few words more.
_PAGER_LINK = re.compile(
    r"\[[ \t]*(?:[←→⬅➡«»‹›⇐⇒◀▶⟵⟶]\ufe0f?[^\[\]]{0,40}"
    r"|(?i:next|previous|prev|back|home|up)(?:[ \t][^\[\]]{0,40})?)\]\((?![a-z][\w+.-]*:)[^()\s]*\)"
)
_LINE_DECOR = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*|[*_|\s↥↑⬆⇧^·•]+")
#: A letter of any script (a word character but a digit or an underscore). A letter is never decoration: a line
#: holding one outside links is content, no need to strip it.
LETTER = re.compile(r"[^\W\d_]")


def _unless_picture(badge: re.Match[str]) -> str:
    """A linked image, gone as a badge, unless it links to itself: a picture a page lets one open full size (Notion's
    exports and many pages write every picture so), content."""
    return badge.group(0) if badge.group(1).strip() == badge.group(2).strip() else ""


def is_navigation(text: str) -> bool:
    """True for a block that only links within the page, to the pages before and after it, to another page of a
    note app's export, or shows badges.

    "Back to top" links, tables of contents (lists of ``#anchor`` links), a pager's "Next" and
    badge rows are how a page is read in a browser, not content for a card; a link to an exported
    sub-page or database says where the content is (a pointer), it is none.
    """
    for line in text.split("\n"):
        rest = _PAGER_LINK.sub("", _SHIELD.sub("", _BADGE.sub(_unless_picture, _ANCHOR_LINK.sub("", line)))) \
            if "](" in line else line
        if "](" in rest:
            rest = _EXPORT_PAGE_LINK.sub("", rest)
        if LETTER.search(rest) or _LINE_DECOR.sub("", rest):
            return False
    return True


#: Lines that are some format's bookkeeping, never content: AsciiDoc anchors, attributes and
#: title underlines, the "#separator:tab" lines opening an Anki export.
_BOOKKEEPING = re.compile(r"^(?:\[\[[^\]]*\]\]|:[\w-]+:.*|#[a-z ]+:\S.*|=+|~+|\^+)$")


def is_noise(line: str) -> bool:
    """A line with nothing for a card: blank, a bare tag, bookkeeping, navigation or a separator."""
    text = html_to_markdown(line).strip()
    if "](" not in text and LETTER.search(text):
        return bool(_BOOKKEEPING.match(text))  # most lines: a letter outside links is no navigation or rule
    return not text or bool(_BOOKKEEPING.match(text)) or is_navigation(text) or is_separator(text)


#: The characters of a rule besides whitespace (those of _SEPARATOR's look-ahead); "" for an empty text.
_RULE_CHARACTERS = ("|", ":", "*", "_", "-", "")
# Only rule characters, three of them dashes, stars or underscores; the first test fails at a line's first letter.
_SEPARATOR = re.compile(r"^(?=[\s|:*_-]+$)(?:[^-*_]*[-*_]){3}")


def is_separator(text: str) -> bool:
    """A horizontal rule (or a table's delimiter row): layout, not part of an answer."""
    if text[:1] not in _RULE_CHARACTERS and not text[:1].isspace():
        return False  # its first line opens with a character no rule holds: most texts
    return all(_SEPARATOR.match(line) for line in text.split("\n"))
