"""Q&A notes in other languages, sample 6: a numbered heading over bold questions that end in the question
mark of another script (Arabic "؟", full-width "？", the Greek question mark) is their section, as one over
"**…?**" is: each bold question is a card, where the heading, which asks nothing, made none of them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qadeck.cli import cli

ARABIC = """\
# ملاحظات قواعد البيانات

### 1. ما هو المفتاح الأساسي؟

عمود يميز كل صف عن غيره.

### 2. ما الفرق بين الجدول والعرض؟

الجدول يخزن البيانات والعرض استعلام محفوظ.

### 3. أسئلة التخزين المؤقت

**السؤال 1: لماذا نستخدم التخزين المؤقت؟**

لتقليل زمن الاستجابة.

**السؤال 2: متى نحذف البيانات المؤقتة؟**

عند تغير البيانات الأصلية.
"""

CHINESE = """\
# 复习

### 1. 什么是进程？

运行中的程序。

### 2. 什么是线程？

进程中的执行单元。

### 3. 内存相关

**堆和栈有什么不同？**

堆由程序分配，栈由系统管理。

**什么是内存泄漏？**

不再使用的内存没有释放。
"""


def _cards(tmp_path, name: str, text: str) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_bold_questions_ending_in_the_arabic_question_mark_under_a_numbered_section(tmp_path):
    assert _cards(tmp_path, "qawaid.md", ARABIC) == [
        ("ما هو المفتاح الأساسي؟", "عمود يميز كل صف عن غيره."),
        ("ما الفرق بين الجدول والعرض؟", "الجدول يخزن البيانات والعرض استعلام محفوظ."),
        ("لماذا نستخدم التخزين المؤقت؟", "لتقليل زمن الاستجابة."),
        ("متى نحذف البيانات المؤقتة؟", "عند تغير البيانات الأصلية."),
    ]


def test_bold_questions_ending_in_the_full_width_question_mark_under_a_numbered_section(tmp_path):
    assert [question for question, _ in _cards(tmp_path, "fuxi.md", CHINESE)] == [
        "什么是进程？", "什么是线程？", "堆和栈有什么不同？", "什么是内存泄漏？",
    ]


def test_table_columns_named_in_words_of_several_parts_or_with_vowel_signs(tmp_path):
    vietnamese = (
        "# Java\n\n| Câu hỏi | Tag | Câu trả lời |\n|---|---|---|\n| Java là gì? | java_basic | Một ngôn ngữ lập trình. |\n"
        "| JVM là gì? | java_basic | Máy ảo chạy bytecode. |\n"
    )
    assert _cards(tmp_path, "java.md", vietnamese) == [
        ("Java là gì?", "Một ngôn ngữ lập trình."), ("JVM là gì?", "Máy ảo chạy bytecode."),
    ]
    hindi = "# नोट्स\n\n| प्रश्न | उत्तर |\n|---|---|\n| सूर्य क्या है? | एक तारा। |\n| चंद्रमा क्या है? | एक उपग्रह। |\n"
    assert _cards(tmp_path, "notes.md", hindi) == [("सूर्य क्या है?", "एक तारा।"), ("चंद्रमा क्या है?", "एक उपग्रह।")]


def _cards_full(tmp_path, name: str, text: str) -> list[dict]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    return json.loads(result.stdout)


def test_bengali_and_hindi_words_are_whole_through_their_vowel_signs():
    from qadeck.tagging.phrases import phrases, plain

    found = phrases(plain("CSS-এ মার্জিন কীভাবে কাজ করে? ডেটাবেস ইনডেক্স"))
    # "মার্জিন" (margin) whole, never "মর" and "জন" from a word cut at its vowel sign and virama.
    assert {"মার্জিন", "ডেটাবেস ইনডেক্স"} <= found
    assert not found & {"মর", "জন", "কর", "ডট", "বস"}
    assert "प्रोसेसर" in phrases(plain("प्रोसेसर क्या है?"))


ROMANIAN_AND_MALAY = {
    "curs.md": """\
# Întrebări pentru examen

## Liste în Python

1. Ce diferență este între o listă și un tuplu în Python?
   O listă se poate modifica, un tuplu nu.
2. Cum se adaugă un element într-o listă?
   Cu metoda append, care pune elementul la sfârșit.
3. Ce înseamnă că o listă este ordonată?
   Elementele își păstrează ordinea în care au fost adăugate.
""",
    "kuiz.md": """\
# Kuiz Dialek

## Kuiz Kedah (2 Soalan)

### Soalan 1
**Apakah maksud 'hang' dalam dialek Kedah?**
- A) Awak ✅
- B) Saya

### Soalan 2
**Apakah maksud 'depa' dalam dialek Kedah?**
- A) Mereka ✅
- B) Kami
""",
}


def test_romanian_and_malay_words_that_ask_or_say_quiz_name_no_topic(tmp_path):
    for name, text in ROMANIAN_AND_MALAY.items():
        topics = {topic for card in _cards_full(tmp_path, name, text) for topic in card["topics"]}
        words = {word for topic in topics for part in topic.split("::") for word in part.split("-")}
        assert not words & {"cum", "ce", "pentru", "intrebari", "întrebări", "soalan", "kuiz", "apakah"}, topics
    assert {topic for card in _cards_full(tmp_path, "kuiz.md", ROMANIAN_AND_MALAY["kuiz.md"])
            for topic in card["topics"]} == {"kedah"}


def test_vietnamese_and_arabic_level_words_are_levels_not_topics(tmp_path):
    vietnamese = (
        "# Java\n\n## Phần 1: Cơ bản\n\n### Câu 1: JVM là gì?\n\nMáy ảo chạy bytecode.\n\n"
        "### Câu 2: JDK là gì?\n\nBộ công cụ phát triển.\n"
    )
    cards = _cards_full(tmp_path, "java.md", vietnamese)
    assert [card["difficulty"] for card in cards] == ["easy", "easy"]
    assert not any("cơ" in topic or "co-ban" in topic for card in cards for topic in card["topics"])
    arabic = (
        "# قواعد البيانات\n\n## أسئلة متقدمة\n\n### 1. ما هو الفهرس؟\n\nبنية تسرع البحث.\n\n"
        "### 2. ما هي المعاملة؟\n\nعمليات تنفذ كوحدة واحدة.\n"
    )
    cards = _cards_full(tmp_path, "db.md", arabic)
    assert [card["difficulty"] for card in cards] == ["hard", "hard"]
    assert not any("متقدم" in topic for card in cards for topic in card["topics"])


def test_a_csv_file_delimited_by_pipes_whose_answers_hold_commas(tmp_path):
    text = (
        "Cos'è un router?|Un dispositivo che inoltra i pacchetti tra reti, scegliendo il percorso migliore.\n"
        "Che cosa fa il DNS?|Traduce i nomi in indirizzi, per esempio www.esempio.it in un IP.\n"
        "Cos'è la banda passante?|L'intervallo di frequenze trasmesse senza forte attenuazione.\n"
        "Cos'è un hub?|Un ripetitore a più porte, che non filtra, non instrada, non impara.\n"
    )
    assert _cards(tmp_path, "reti.csv", text) == [
        ("Cos'è un router?", "Un dispositivo che inoltra i pacchetti tra reti, scegliendo il percorso migliore."),
        ("Che cosa fa il DNS?", "Traduce i nomi in indirizzi, per esempio www.esempio.it in un IP."),
        ("Cos'è la banda passante?", "L'intervallo di frequenze trasmesse senza forte attenuazione."),
        ("Cos'è un hub?", "Un ripetitore a più porte, che non filtra, non instrada, non impara."),
    ]


def test_a_markdown_table_is_still_no_csv(tmp_path):
    text = "| Domanda | Risposta |\n|---|---|\n| Cos'è TCP? | Un protocollo, affidabile. |\n| Cos'è UDP? | Un protocollo, veloce. |\n"
    assert _cards(tmp_path, "reti.md", text) == [("Cos'è TCP?", "Un protocollo, affidabile."),
                                                 ("Cos'è UDP?", "Un protocollo, veloce.")]


def test_a_numbered_heading_over_an_answer_label_loses_its_number_as_well_as_its_marks(tmp_path):
    text = (
        "# دوكر\n\n### 1. ما هو Docker؟\n**الإجابة:**\nمنصة لتشغيل الحاويات.\n\n---\n\n"
        "### 2. ما هي الصورة؟\n**الإجابة:**\nقالب للقراءة فقط.\n\n---\n\n### 3. ما هي الحاوية؟\n**الإجابة:**\nصورة قيد التشغيل.\n"
    )
    (tmp_path / "docker.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", "--layout", "answered", str(tmp_path / "docker.md")],
                                catch_exceptions=False)
    assert [(card["question"], card["answer"]) for card in json.loads(result.stdout)] == [
        ("ما هو Docker؟", "منصة لتشغيل الحاويات."), ("ما هي الصورة؟", "قالب للقراءة فقط."),
        ("ما هي الحاوية؟", "صورة قيد التشغيل."),
    ]
