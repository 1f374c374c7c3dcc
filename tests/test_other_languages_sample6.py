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
