"""Q&A documents in the languages qadeck was measured on least (sample 5): a whole list of numbered
questions and their answers indented by four spaces, which Markdown shows as a code block, is read as the
list its writer meant; a code block that numbers no questions stays code."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qadeck.cli import cli

INDENTED_VIETNAMESE = """\
# Ôn tập mạng máy tính

### Cơ bản

    1. Địa chỉ IP là gì?
    Địa chỉ IP là số định danh của một máy trong mạng.
    2. DNS dùng để làm gì?
    DNS đổi tên miền thành địa chỉ IP.
    3. Cổng mặc định của HTTPS là bao nhiêu?
    Cổng 443.

### Nâng cao

    1. TCP khác UDP thế nào?
    2. Vì sao cần NAT?
"""

CODE_WITH_NUMBERS = """\
# Steps

Run the script:

    1. echo start
    2. ./build.sh --all
    3. echo done?
"""

LISTED_SUBQUESTIONS = """\
# Quiz

1. Networking

    1. What does a router do?
    2. What is a subnet mask?
"""


def _cards(tmp_path, name: str, text: str) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    if result.exit_code != 0:
        return []
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_numbered_questions_indented_as_code_are_read_as_a_list(tmp_path):
    cards = _cards(tmp_path, "mang.md", INDENTED_VIETNAMESE)
    assert cards == [
        ("Địa chỉ IP là gì?", "Địa chỉ IP là số định danh của một máy trong mạng."),
        ("DNS dùng để làm gì?", "DNS đổi tên miền thành địa chỉ IP."),
        ("Cổng mặc định của HTTPS là bao nhiêu?", "Cổng 443."),
    ]


def test_an_indented_block_that_asks_nothing_stays_code(tmp_path):
    assert _cards(tmp_path, "steps.md", CODE_WITH_NUMBERS) == []


def test_numbered_items_indented_under_a_list_item_are_no_code_block():
    from qadeck.markups.markdown import to_markdown

    assert to_markdown(LISTED_SUBQUESTIONS) == LISTED_SUBQUESTIONS


POLISH_QUESTIONS = """\
# Pytania z Pythona

## Pytanie 1

Jakie są różnice między listą a krotką w Pythonie?

Lista jest zmienna, krotka nie: krotki nie da się zmienić po utworzeniu.

## Pytanie 2

Opisz, gdy używane są generatory w Pythonie.

Generator oddaje wartości po jednej, za pomocą yield, gdy pamięci jest mało.

## Pytanie 3

Jakie są różnice między generatorem a listą?

Lista trzyma wszystkie elementy w pamięci, generator tworzy je na żądanie.
"""

PERSIAN_QUESTIONS = """\
# سوالات پایتون

### دیکشنری چیه؟

دیکشنری یه ساختار داده هستش که کلید رو به مقدار وصل میکنه و شما میتونین با کلید به مقدار برسین.

### چطوری یه دیکشنری رو کپی کنیم؟

با متد copy میتونین یه کپی سطحی از دیکشنری بسازین، هر کلید همون مقدار رو نگه میداره.

### تفاوت لیست و دیکشنری چیه؟

لیست با شماره به عنصر میرسه ولی دیکشنری با کلید، برای همین شما توی دیکشنری دنبال کلید میگردین.
"""


def _topics(tmp_path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    return sorted({topic for card in json.loads(result.stdout) for topic in card["topics"]})


def test_polish_question_words_name_no_topic(tmp_path):
    topics = _topics(tmp_path, "python.md", POLISH_QUESTIONS)
    words = {word for topic in topics for word in topic.replace("::", "-").split("-")}
    assert not words & {"roznice", "gdy", "opisz", "uzywane", "za", "pomoca", "jakie"}, topics


def test_persian_verbs_and_pronouns_name_no_topic(tmp_path):
    topics = _topics(tmp_path, "python.md", PERSIAN_QUESTIONS)
    words = {word for topic in topics for word in topic.replace("::", "-").split("-")}
    assert not words & {"شما", "میتونین", "هر", "هستش"}, topics
    assert topics == ["پایتون"]  # the title's subject: "سوالات" (questions) names none


def test_a_japanese_title_of_counted_questions_names_no_topic():
    from qadeck.tagging.headings import topic_label

    assert topic_label("面接でよく聞かれる質問10選") == ""
    assert topic_label("Docker面接でよく聞かれる質問") == "docker"


def test_a_letter_between_words_that_name_nothing_is_no_topic():
    from qadeck.tagging.headings import topic_label

    assert topic_label("Lista pytań z odnośnikami do odpowiedzi") == ""
    assert topic_label("Das Z-Maß") == "z-maß"
