"""An interviewer's list of questions is no answer, in the languages interview notes are written in; a bold
answer label that wraps its answer leaves no mark behind."""

from __future__ import annotations

import pytest

from qadeck.parsers import common
from qadeck.parsers.entries import drop_answer_label


@pytest.mark.parametrize("lines", [
    ["- Объясните, как работает сборщик мусора.", "- Что такое поколение?"],
    ["- Explica el patrón observador.", "- ¿Cuándo usarías un singleton?"],
    ["- اشرح event delegation.", "- ما الفرق بين let و var؟"],
    ["- رویداد حباب را توضیح بده.", "- کلوژر چیه؟"],
    ["- Polimorfizmi açıklayın.", "- Arayüz nedir?"],
    ["- 시스템 콜의 예시를 들어주세요.", "- 왜 커널 모드가 필요한가요?"],
    ["- Wyjaśnij domknięcie.", "- Czym jest hoisting?", "-"],
])
def test_lists_of_questions_and_requests(lines: list[str]) -> None:
    assert common.lists_only_questions(lines)


@pytest.mark.parametrize("lines", [
    ["- Сборщик мусора освобождает память.", "- Поколения делят объекты по возрасту."],
    ["Объясните, как работает сборщик мусора?", "Что такое поколение?"],  # no list: prose that asks
    ["- Explica el patrón observador."],  # one item, without ``one``
])
def test_answers_are_no_question_lists(lines: list[str]) -> None:
    assert not common.lists_only_questions(lines)


def test_one_follow_up_question() -> None:
    assert common.lists_only_questions(["- Как ограничить область видимости?"], one=True)
    assert not common.lists_only_questions(["- Область видимости ограничивает блок."], one=True)


@pytest.mark.parametrize(("answer", "expected"), [
    ("- **Đáp án: D**\n- Vì let không được khởi tạo.", "D\n- Vì let không được khởi tạo."),
    ("**Answer: B**\n\nBecause B.", "B\n\nBecause B."),
    ("**Ответ:** **B** верно", "**B** верно"),
    ("**Answer:** it is **bold**", "it is **bold**"),
])
def test_bold_label_around_the_answer(answer: str, expected: str) -> None:
    assert drop_answer_label(answer) == expected


def test_joiners_marks_and_right_to_left_text_come_through(tmp_path) -> None:
    """The zero-width non-joiner parts Persian letters, the joiner shapes Devanagari, harakat and decomposed
    accents are combining marks: a card keeps each as written."""
    from qadeck import parsers, sources

    persian = "چرا از کش استفاده می\u200cکنیم؟"
    hindi = "क्\u200dया कैश ज़रूरी है?"
    arabic = "مَا هُوَ الْمُتَغَيِّرُ؟"
    vietnamese = "Bo\u0323 nho\u031b\u0301 đe\u0323\u0302m la\u0300 gi\u0300?"  # decomposed, not NFC
    text = "".join(f"{n + 1}. {q}\nپاسخ برای این\u200cکه {n} ok\u0301 است.\n\n" for n, q in
                   enumerate([persian, hindi, arabic, vietnamese]))
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    cards = parsers.parse(sources.read(path)).cards
    assert [card.question for card in cards] == [persian, hindi, arabic, vietnamese]
    assert cards[0].answer == "پاسخ برای این\u200cکه 0 ok\u0301 است."
