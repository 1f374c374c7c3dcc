"""entries: how a found answer is judged unanswered, and the fast path that tells most answers."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.parsers import entries
from qadeck.parsers.structure import Line, heading, is_noise

_PIECES = st.sampled_from(["TBD", "tbd", "12", "3、", "4.", "To be completed.", "Answer here", "...", "…", "?", "#", "## Heading",
                           "待补充", "待续", "。", "（", "）", "à compléter", "TODO:", "TBA", "To be updated", ":", "-",
                           "- [link](http://x)", "Resources:", "**", "_", "(", ">", " ", "\n", "\n\n", "\t", "x",
                           "An answer.", "\u017f", "\u2028"])


@given(st.lists(_PIECES, max_size=8).map("".join) | st.text(max_size=30))
def test_the_fast_path_judges_as_the_paragraph_rules_do(answer):
    assert entries.is_unanswered(answer) == entries._unanswered_in_full(answer)


@pytest.mark.parametrize(
    ("answer", "unanswered"),
    [("", True), ("  \n", True), ("TBD", True), ("*To be completed.*", True), ("...", True),
     ("## Next question", True), ("To be completed.\n\n- [docs](http://x)", True),
     ("A real answer.", False), ("- [docs](http://x)", False), ("TBD\n\nBut here is more.", False),
     ("18、", True), ("3．", True), ("443.", False), ("12、因为它更快。", False), ("2024", False)],
)
def test_unanswered(answer: str, unanswered: bool) -> None:
    assert entries.is_unanswered(answer) is unanswered


@pytest.mark.parametrize(
    ("answer", "unanswered"),
    [("TBA", True), ("TBC", True), ("To be updated.", True), ("To be continued, soon.", True), ("Work in progress", True),
     ("TODO: Explain how the tool compares with others.", True), ("TODO - add a diagram\nof the pipeline", True),
     ("TODO: sketch\n\nThe cache keeps the last ten results.", False), ("Todo lists are kept in a JSON file.", False),
     ("Work in progress:\n- the editor plugin is half done", False), ("TBA stands for to be announced.", False)],
)
def test_english_placeholders_and_todo_notes_are_unanswered(answer: str, unanswered: bool) -> None:
    """A note of what is still to write ("TODO: Explain …") stands where the answer will go; a TODO note
    before a paragraph of text, or a word that only opens a sentence, does not."""
    assert entries.is_unanswered(answer) is unanswered


@pytest.mark.parametrize(
    ("answer", "unanswered"),
    [("待补充", True), ("待补充。", True), ("待完善。。。", True), ("待续...", True), ("（待补充）", True),
     ("待補充", True), ("未完待续", True), ("à compléter", True), ("À venir.", True), ("Em breve!", True),
     ("待补充：栈是后进先出的结构。", False), ("待续的部分见下一章，这里先讲索引。", False),
     ("À venir : la version 2 lira les PDF.", False), ("Em breve vamos publicar o guia.", False),
     ("暂无", False)],
)
def test_other_languages_placeholders_are_unanswered(answer: str, unanswered: bool) -> None:
    """Notes in Chinese mark an answer still to write "待补充" (to be added) or "待续" (to be continued); French
    and Portuguese ones "à compléter", "em breve". Text after the mark is an answer begun; "暂无" (none yet) may
    answer "any known issues?"."""
    assert entries.is_unanswered(answer) is unanswered


_LINE_PIECES = st.sampled_from(["a", "Q", "x#", "# ", "[[id]]", ":toc:", "#separator:tab", "===", "---", "<br>",
                                "&amp;", "[top](#top)", "](", " ", "\t", "1.", "- ", "**", "↑", "é", "\u00a0"])


@given(st.lists(_LINE_PIECES, max_size=6).map("".join) | st.text(max_size=12), st.booleans())
def test_holds_text_is_not_blank_noise_or_heading(text, code):
    line = Line(1, text, code)
    full = bool(text.strip()) and not (is_noise(text) or heading(line))
    assert entries.holds_text(line) == full


_LEVELS = """# Git practice

## What does git stash do?

It puts uncommitted changes aside.

## Describe how you would find the commit that broke a test.

Run git bisect: mark a good and a bad commit. Which half holds it? Test and mark again.
Is the range down to one commit? Then that is the one. Did it build? Mark it skip.

## Intermediate level

What is a detached HEAD?
How does rebase differ from merge?
When would you use cherry-pick?
Explain what reflog keeps.
"""


def test_a_title_over_a_list_of_questions_is_no_card():
    """A level's title over questions still to answer gives no card; a question's or an instruction's
    answer may ask as much as it likes."""
    from pathlib import Path

    from qadeck import parsers
    from qadeck.model import Source

    cards = parsers.parse(Source(Path("levels.md"), _LEVELS, "utf-8"), "headings").cards
    assert [card.question for card in cards] == [
        "What does git stash do?", "Describe how you would find the commit that broke a test."]
    assert cards[1].answer.startswith("Run git bisect")
    assert entries.lists_questions("Intermediate level", "What is A?\nWhat is B?\nWhat is C?\nExplain D.")
    assert not entries.lists_questions("Intermediate level", "What is A?\nWhat is B?")


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("- **Answer:** Paris is the capital.", "Paris is the capital."),
     ("- **Resposta:** Uma lista ligada.\n- **Exemplo:** uma fila.", "Uma lista ligada.\n- **Exemplo:** uma fila."),
     ("* Ответ: стек растёт вниз.", "стек растёт вниз."),
     ("- Answers differ by region.", "- Answers differ by region."),
     ("- first point\n- second point", "- first point\n- second point"),
     ("- a: cell\n- b: tissue", "- a: cell\n- b: tissue")],
)
def test_a_labelled_bullet_loses_its_mark_and_label(answer: str, expected: str) -> None:
    assert entries.drop_answer_label(answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("✅ Trả lời:\nFlexbox xếp các phần tử.", "Flexbox xếp các phần tử."),
     ("✔️ **Answer:** Paris.", "Paris."),
     ("✅ Done in two steps.", "✅ Done in two steps."),
     ("✔ **Beim Wechsel:** Wachstum zeigen.", "✔ **Beim Wechsel:** Wachstum zeigen.")],
)
def test_a_check_mark_goes_only_with_the_label_it_opens(answer: str, expected: str) -> None:
    assert entries.drop_answer_label(answer).strip() == expected
    assert entries._drop_answer_label_in_full(answer).strip() == expected  # private: the rule the fast path stands for


@pytest.mark.parametrize(("answer", "unanswered"), [("||", False), ("|   |\n|---|", True), ("| |", True)])
def test_a_table_left_empty_has_its_rule_row(answer: str, unanswered: bool) -> None:
    assert entries.is_unanswered(answer) is unanswered


@pytest.mark.parametrize(("summary", "label"), [("Ver resposta", "answer"), ("Mostrar respuesta", "answer"),
                                                ("Voir la réponse", "answer"), ("Показать ответ", "answer"),
                                                ("Ver pista", "hint"), ("Ver el código", None)])
def test_fold_labels_take_other_languages_verbs(summary: str, label: str | None) -> None:
    from qadeck.parsers.structure import fold_label

    assert fold_label(summary) == label
