"""Shapes of text-family documents qadeck read wrongly: a numbered question bank whose items each carry an
interviewer's follow-up question as a bullet (asked, not answered), a numbered list whose last number was left
with no question after it, a bulleted list of questions where a few items have a follow-up nested under them (the
items after it are questions of their own, not its answer), an answer whose label and text share one bold
("**Answer: 3**"), and answers labelled "Solution" in other languages ("Lösung:", "**Solución:**")."""

from __future__ import annotations

from pathlib import Path

from .conftest import layout_pairs_unanswered as _parsed


_FOLLOWED_UP = (
    "### Warm-up\n"
    "1. What is a cache?\n   * Where would you put one in a web service?\n"
    "2. What is a message queue?\n   * Explain how it differs from a database table.\n"
    "3. What is a load balancer?\n   * How does it notice a dead server?\n"
    "4. Why shard a database?\n   * What goes wrong when one shard gets most of the traffic?\n"
)


def test_follow_up_bullets_under_numbered_questions_are_no_answers(tmp_path: Path) -> None:
    _, cards, unanswered = _parsed(tmp_path, _FOLLOWED_UP)
    assert cards == []
    assert unanswered == 4


def test_a_numbered_question_answered_among_followed_up_ones_keeps_its_answer(tmp_path: Path) -> None:
    text = _FOLLOWED_UP + "5. What is a CDN?\n   * Servers near the users that keep copies of static files.\n"
    _, cards, unanswered = _parsed(tmp_path, text)
    assert cards == [("What is a CDN?", "* Servers near the users that keep copies of static files.")]
    assert unanswered == 4


def test_a_list_of_questions_answering_a_question_about_questions_stays(tmp_path: Path) -> None:
    text = ("1. Which question should you ask the interviewer first?\n   * How big is the team?\n"
            "2. What is a stand-up meeting?\n   A short daily meeting where each person says what they do.\n"
            "3. What is a retrospective?\n   A meeting after a sprint about what to change.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards[0] == ("Which question should you ask the interviewer first?", "* How big is the team?")
    assert len(cards) == 3


def test_the_next_number_alone_is_no_answer(tmp_path: Path) -> None:
    text = ("1. What is a hash map?\n\nA table of keys and values found by the keys' hashes.\n\n"
            "2. What is a heap?\n\nA tree where every parent is smaller than its children.\n\n"
            "3. Why is a heap kept in an array?\n\n4.\n")
    _, cards, unanswered = _parsed(tmp_path, text)
    assert [question for question, _ in cards] == ["What is a hash map?", "What is a heap?"]
    assert unanswered == 1


def test_a_number_that_answers_stays(tmp_path: Path) -> None:
    text = ("1. Which port does SSH listen on?\n\n22.\n\n2. Which port does HTTPS listen on?\n\n443.\n\n"
            "3. What is a socket?\n\nAn address and a port a program talks through.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards[0] == ("Which port does SSH listen on?", "22.")
    assert cards[1] == ("Which port does HTTPS listen on?", "443.")


def test_bulleted_questions_after_a_nested_follow_up_are_no_answer(tmp_path: Path) -> None:
    text = ("## Networking\n\n* What happens when you type an address in a browser?\n  * Which caches does it look in?\n"
            "* Why would you serve files from several domains?\n  * What are the limits of doing so?\n"
            "* Long polling against WebSockets.\n* The same-origin policy.\n* What does a CDN do?\n"
            "* What is a preflight request?\n\t* When does the browser skip it?\n"
            "* How do cookies and local storage differ?\n\t* Which one does a server see?\n"
            "* Headers of a cached response.\n* Status codes for redirects.\n* What does HTTP/2 change?\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards == []


def test_a_nested_answer_under_a_bulleted_question_stays(tmp_path: Path) -> None:
    text = ("* What is a cache?\n  * A store of copies kept close to where they are read.\n"
            "* What is a queue?\n  * A buffer of messages read in the order they came.\n"
            "* What is a replica?\n  * A copy of a database that follows the primary.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards == [("What is a cache?", "A store of copies kept close to where they are read."),
                     ("What is a queue?", "A buffer of messages read in the order they came."),
                     ("What is a replica?", "A copy of a database that follows the primary.")]


def test_an_answer_set_in_bold_with_its_label_loses_the_closing_mark(tmp_path: Path) -> None:
    text = ("Question: How many bits are in a byte?\n**Answer: 8**\n\n"
            "Frage: Wie viele Bytes hat ein Kilobyte?\n**Antwort: 1000**, oder 1024 in alten Texten\n\n"
            "Question: What does a nibble hold?\n**Answer:** four bits, **half** a byte\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards == [("How many bits are in a byte?", "8"),
                     ("Wie viele Bytes hat ein Kilobyte?", "1000, oder 1024 in alten Texten"),
                     ("What does a nibble hold?", "four bits, **half** a byte")]


def test_an_answer_labelled_solution_in_another_language_loses_its_label(tmp_path: Path) -> None:
    text = ("Leichte Aufgaben\n1) Nennen Sie den größten Planeten.\nLösung: Jupiter.\n\n"
            "2) Wie viele Monde hat der Mars?\nLösung: Zwei.\n\n"
            "3) Welcher Planet ist der Sonne am nächsten?\n**Lösung:** Merkur.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards == [("Nennen Sie den größten Planeten.", "Jupiter."), ("Wie viele Monde hat der Mars?", "Zwei."),
                     ("Welcher Planet ist der Sonne am nächsten?", "Merkur.")]


def test_a_solution_word_inside_an_answer_stays(tmp_path: Path) -> None:
    text = ("## ¿Qué es una ecuación?\n\nUna igualdad con incógnitas. Solución: el valor que la cumple.\n\n"
            "## ¿Qué es un sistema?\n\n- Solución única, infinitas o ninguna: depende de las ecuaciones.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards[0][1] == "Una igualdad con incógnitas. Solución: el valor que la cumple."
    assert cards[1][1] == "- Solución única, infinitas o ninguna: depende de las ecuaciones."
