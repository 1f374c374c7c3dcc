"""The two labels every question and every answer of a file open with (the speakers of an interview, the
fields an app wrote) are no card's text, whichever layout reads the file; a label only some share stays."""

from __future__ import annotations

from pathlib import Path

from .listing import listed

QUESTIONS = ["What is the difference between a process and a thread?", "Why use a thread pool?",
             "What is a race condition?"]
ANSWERS = ["A process has its own memory.", "To reuse threads across tasks.", "A result that hangs on timing."]


def test_the_speakers_of_an_interview_are_dropped(tmp_path: Path) -> None:
    deck = tmp_path / "interview.txt"
    deck.write_text("".join(f"Interviewer: {q}\nMe: {a}\n\n" for q, a in zip(QUESTIONS, ANSWERS)), encoding="utf-8")
    assert [(c["question"], c["answer"]) for c in listed(deck)] == list(zip(QUESTIONS, ANSWERS))


def test_a_label_some_answers_have_stays(tmp_path: Path) -> None:
    answers = ["Me: A process has its own memory.", "To reuse threads across tasks.", "Me: A result that hangs on timing."]
    deck = tmp_path / "interview.txt"
    deck.write_text("".join(f"Interviewer: {q}\n{a}\n\n" for q, a in zip(QUESTIONS, answers)), encoding="utf-8")
    assert [c["answer"] for c in listed(deck)] == answers
