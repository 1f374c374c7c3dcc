"""prefixed fast path: a text the raw-text search finds no question marker in has no question line once cleaned."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.parsers.repair.glue import Glue
from qadeck.model import Source
from qadeck.parsers import common, prefixed

from .strategies import texts

_PIECES = st.sampled_from(["Q", "Q:", "Q1.", "Question", "QUESTION", "uestion", "UESTION", "Qu", "1", ":", ".", ")",
                           " ", "\t", "**", "1. ", "- ", "A:", "What?", "\u200b", "\ufeff", "\x0b", "\x1c", "\x85",
                           "\x00", "\xa0", "```", "---", "title: x", "Comments", "x",
                           "Front", "FRONT", "ront", "F", "Back:", " - ", "-", "–", "❓", "❔", "✅",
                           "Frage", "frage:", "Antwort:", "问", "：", "答："])
_MARKED = st.sampled_from(["Q: What?", "Q1. Why?", " 2) **Question 3:** How?", "- QUESTION: x", "Q)", "Qu: no", "Front: What?",
                            "- **FRONT:** x", "Q - What?", "Q2 – Why?", "❓ What?", "- ❔ How?",
                            "Frage: Warum?", "- **Pregunta 2:** ¿Qué?", "问：什么？"])

TEXTS = texts(_PIECES, _MARKED)


@settings(max_examples=500)
@given(TEXTS)
def test_no_marker_found_means_no_question_line(text):
    source = Source(Path("notes.txt"), text)
    if not prefixed.may_ask(text):
        assert not any(not line.code and prefixed.starts_question(line) for line in common.read_lines(source))


@given(TEXTS)
def test_find_agrees_with_the_full_path(text):
    source = Source(Path("notes.txt"), text)
    items = prefixed.question_items(source)
    glue = prefixed.learn_glue(items)
    assert prefixed.find(source) == [prefixed._entry(item, glue) for item in items]


def test_markers_hidden_by_invisible_characters_are_still_found():
    for text in ("Q\u200b: What?\nA: x", "Q\x0b1\u200b) What?", "Q\u2060uestion: Why?", "QUEST\ufeffION. How?", "Fr\u200bont: What?"):
        assert prefixed.may_ask(text), text
    assert not prefixed.may_ask("Interview Questions Part 3\n\n1. What is X?\n\nY.")


def _learn_glue_trying_every_line(items):
    clean_text = []
    for item in items:
        for line in item.lines:
            marker = prefixed.QUESTION.match(line.text) or prefixed.ANSWER.match(line.text)
            if marker:
                clean_text.append(line.text[marker.end() :])
    broken = [line.text for item in items for line in common.continuation_lines(item, prefixed.is_marker)]
    return Glue.learn(clean_text, broken)


_GLUE_PIECES = st.sampled_from(["Q: What is a", "requirements.txtfile?A: It is", "A: An", "environment.ymlis used by",
                                "condaand more", "Q1. Why?", "Ans: x", "```", "Q: in code", "", " ", "text"])


@given(st.lists(_GLUE_PIECES, max_size=14).map("\n".join))
def test_glue_learned_from_the_items_as_from_every_line(text):
    items = common.split_items(common.read_lines(Source(Path("n.txt"), text)), prefixed.starts_question,
                               prefixed.holds_answer, prefixed.opens_answer)
    learned, expected = prefixed.learn_glue(items), _learn_glue_trying_every_line(items)
    assert (learned.vocabulary, learned.lexicon, learned.applies) == (
        expected.vocabulary, expected.lexicon, expected.applies)


def _continuation_lines_pair_by_pair(item, is_marker):
    out = []
    for previous, line in zip(item.lines, item.lines[1:]):
        if not line.blank and not previous.blank and not is_marker(line.text) and not common._starts_block(line.text):
            out.append(line)
    return out


@given(TEXTS)
def test_continuation_lines_are_found_as_pair_by_pair(text):
    items = common.split_items(common.read_lines(Source(Path("n.txt"), text)), prefixed.starts_question,
                               prefixed.holds_answer, prefixed.opens_answer)
    for item in items:
        expected = _continuation_lines_pair_by_pair(item, prefixed.is_marker)
        assert common.continuation_lines(item, prefixed.is_marker) == expected


@given(st.lists(st.sampled_from(["?", ".", "!", " ", "A", "Ans", "Answer", ":", "**", "__", "- ", "* ", "x", "a:"]),
                max_size=10).map("".join))
def test_inline_answers_are_what_the_pattern_finds(text):
    found, expected = prefixed._answer_inline(text), prefixed.ANSWER_INLINE.search(text)
    assert (found and found.span()) == (expected and expected.span())
