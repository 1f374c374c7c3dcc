"""Q&A notes and FAQs written in markups other than Markdown (second sample): Google Code's wiki pages
(``.wiki`` with ``#summary`` pragmas), POD FAQs whose answers are headings too, a study note's list
item that names a quartile ("Q1 - …") among topic headings, and a Markdown heading that reads like
one of Anki's export header lines."""

from __future__ import annotations

from pathlib import Path

from qadeck import markups, parsers, sources


def _cards(path: Path, text: str) -> list[tuple[str, str]]:
    path.write_text(text, encoding="utf-8")
    return [(card.question, card.answer) for card in parsers.parse(sources.read(path)).cards]


GOOGLE_CODE_FAQ = """#summary Questions people ask about the tool
#labels Featured

<wiki:toc max_depth="1" />

= Frequently asked =

*Why does the window not move under !VirtualBox?*
 The host grabs the modifier key first. Pick another key in the settings.

*My trackpad gestures stopped working.*
 Turn off the option {{{hook_all}}} and restart; see [Settings the settings page].

*It crashes when I lock the screen*
 Windows drops slow hooks. Raise the timeout:
{{{
timeout = 5000
}}}
"""


def test_google_code_pages_bold_questions_over_indented_answers(tmp_path: Path) -> None:
    cards = _cards(tmp_path / "FAQ.wiki", GOOGLE_CODE_FAQ)
    assert [question for question, _ in cards] == [
        "Why does the window not move under VirtualBox?",
        "My trackpad gestures stopped working.",
        "It crashes when I lock the screen",
    ]
    assert cards[0][1] == "The host grabs the modifier key first. Pick another key in the settings."
    assert cards[1][1] == "Turn off the option `hook_all` and restart; see the settings page."
    assert cards[2][1] == "Windows drops slow hooks. Raise the timeout:\n```\ntimeout = 5000\n```"


def test_google_code_cards_keep_the_files_lines(tmp_path: Path) -> None:
    path = tmp_path / "FAQ.wiki"
    path.write_text(GOOGLE_CODE_FAQ, encoding="utf-8")
    lines = [card.lines[0] for card in parsers.parse(sources.read(path)).cards]
    assert lines == [8, 11, 14]


def test_google_code_headings_may_close_with_fewer_signs() -> None:
    text = "#summary Help\n\n= How do I start? ==\nRun it.\n\n== Lists ==\n  * one\n    * two\n  # first\n"
    assert markups.to_markdown(".wiki", text).split("\n") == [
        "", "", "# How do I start?", "Run it.", "", "## Lists", "- one", "    - two", "1. first", "",
    ]


def test_mediawiki_pages_are_read_as_before() -> None:
    text = "== How? ==\n'''Bold''' and *star* stay.\n* item\n"
    assert markups.to_markdown(".wiki", text) == "## How?\n**Bold** and *star* stay.\n* item\n"


POD_ANSWER_HEADINGS = """=head1 FAQ

=head2 Q: Is a config file needed?

=head2 A: No.

Defaults apply when the file is missing.

=head2 Q: Where do the logs go?

=head2 A: To standard error, by default.

Plugins may send them elsewhere.

=head2 A section that answers nothing

Text.

=cut
"""


def test_pod_answer_headings_open_the_answer_of_the_question_above(tmp_path: Path) -> None:
    cards = _cards(tmp_path / "FAQ.pod", POD_ANSWER_HEADINGS)
    assert cards[:2] == [
        ("Is a config file needed?", "No.\n\nDefaults apply when the file is missing."),
        ("Where do the logs go?", "To standard error, by default.\n\nPlugins may send them elsewhere."),
    ]


def test_a_heading_starting_with_a_only_answers_under_a_q_heading() -> None:
    text = "=head2 Setup\n\n=head2 A: first step\n\nDo this.\n"
    assert markups.to_markdown(".pod", text).split("\n")[:3] == ["## Setup", "", "## A: first step"]


STUDY_NOTE = """#+title: Statistics notes

* Outlier
  - A z-score beyond 3 marks one
  - Q1 - 1.5(IQR) or Q3 + 1.5(IQR) bound the rest
  - Isolation forests find them too
  - So does clustering

* Lift
  - How much better a model targets than chance

* Confounding variable
  - Influences both the cause and the effect
"""


def test_a_quartile_in_a_study_note_is_no_question_marker(tmp_path: Path) -> None:
    cards = _cards(tmp_path / "notes.org", STUDY_NOTE)
    assert [question for question, _ in cards] == ["Outlier", "Lift", "Confounding variable"]
    assert "Q1 - 1.5(IQR)" in cards[0][1]


def test_one_q_colon_pair_is_still_a_card(tmp_path: Path) -> None:
    cards = _cards(tmp_path / "one.md", "Q: What is a quartile?\nA: A quarter of the sorted data.\n")
    assert cards == [("What is a quartile?", "A quarter of the sorted data.")]


def test_a_heading_with_a_colon_is_no_anki_header_line(tmp_path: Path) -> None:
    text = ("# read with perldoc: perldoc FAQ.pod\n\n## How do I watch the logs?\n\n"
            "Tail the log file, then filter it, as you like.\n\n## How do I rotate them?\n\n"
            "Use the rotation tool, daily, weekly or monthly.\n")
    cards = _cards(tmp_path / "faq.md", text)
    assert [question for question, _ in cards] == ["How do I watch the logs?", "How do I rotate them?"]


CLOSING_INVITATION = """Questions
=========

Does it support time zones?
---------------------------
Yes, pass the zone name to the scheduler.

How do I run a job once?
------------------------
Return the cancel marker from the job.

Another question?
-----------------
Open an issue on the tracker and we will answer it there.
"""


def test_a_faqs_closing_invitation_to_ask_is_no_card(tmp_path: Path) -> None:
    cards = _cards(tmp_path / "faq.rst", CLOSING_INVITATION)
    assert [question for question, _ in cards] == ["Does it support time zones?", "How do I run a job once?"]


def test_a_last_question_about_questions_is_still_a_card(tmp_path: Path) -> None:
    text = ("## What is a closed question?\n\nOne answered by yes or no.\n\n"
            "## Why ask open questions?\n\nThey let the speaker explain.\n")
    cards = _cards(tmp_path / "notes.md", text)
    assert [question for question, _ in cards] == ["What is a closed question?", "Why ask open questions?"]


def test_what_reads_as_an_invitation_to_ask() -> None:
    from qadeck.parsers.entries import invites_questions

    assert invites_questions("Another question?")
    assert invites_questions("Still Have Questions?")
    assert invites_questions("I have other questions")
    assert not invites_questions("Question 5")  # a numbered question's label
    assert not invites_questions("What is a leading question?")
    assert not invites_questions("Why would a reviewer question the sample size of a small study?")


def test_a_statement_about_a_question_is_no_invitation() -> None:
    from qadeck.parsers.entries import invites_questions

    assert invites_questions("Any other questions?")
    assert invites_questions("Is your question not here?")
    assert not invites_questions("Question")  # a card's label
    assert not invites_questions("This is yet another normal question")
    assert not invites_questions("Questions to ask the interviewer")
    assert invites_questions("Still have a question?")
    assert not invites_questions("A question of scale")
    assert not invites_questions("Some question?")
