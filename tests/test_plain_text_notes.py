"""Plain-text question lists and notes kept as .txt: what is a card there and what is not.

The golden fixtures (numbered/question-list-run is not one: it holds no card) cover the shapes that
make cards; these tests cover the lists that make none, the labels that end an answer, and the
same notes read from a folder as a user's deck is.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qadeck import parsers
from qadeck.cli import cli
from qadeck.model import Source

FIXTURES = Path(__file__).parent / "fixtures"


def _parse(text: str, name: str = "notes.txt"):
    return parsers.parse(Source(Path(name), text, "utf-8"))


QUESTION_LIST = """\
Interview questions I was asked

Networking:
1. What is a subnet mask?
2. Difference between TCP and UDP
3. Where do you configure a default gateway
4. Why does DNS use UDP?
5. Ping command options

Containers -
1. What is an image layer?
2. Difference between CMD and ENTRYPOINT
3. How do you shrink an image?
----------------------------------------
Git:
1. What does git bisect do?
2. Rebase versus merge
"""


def test_a_list_of_questions_typed_one_a_line_gives_no_cards() -> None:
    result = _parse(QUESTION_LIST)
    assert result.cards == ()
    asked = [finding.message for finding in result.unanswered]
    # The statements between the questions carry on their numbering: they are questions too, unanswered.
    assert "Difference between TCP and UDP" in asked
    assert "Ping command options" in asked
    assert "Rebase versus merge" in asked
    # The labels over each list ("Containers -", "Git:") answer nothing.
    assert "What is a subnet mask?" in asked and "How do you shrink an image?" in asked


def test_a_section_label_before_the_numbering_starts_again_is_no_answer() -> None:
    text = (
        "1. What is a pod?\n"
        "The smallest unit Kubernetes schedules.\n"
        "2. What is a node?\n"
        "\n"
        "Storage:\n"
        "1. What is a persistent volume?\n"
        "Storage that outlives the pod using it.\n"
    )
    result = _parse(text)
    assert [(card.question, card.answer) for card in result.cards] == [
        ("What is a pod?", "The smallest unit Kubernetes schedules."),
        ("What is a persistent volume?", "Storage that outlives the pod using it."),
    ]
    assert [finding.message for finding in result.unanswered] == ["What is a node?"]


def test_a_short_answer_right_under_its_question_stays_before_a_new_section() -> None:
    text = (
        "1. Which port does SSH use?\n"
        "22\n"
        "2. Which port does HTTPS use?\n"
        "443\n"
        "\n"
        "1. Which protocol resolves names?\n"
        "DNS\n"
        "2. Which protocol hands out addresses?\n"
        "DHCP\n"
    )
    assert [card.answer for card in _parse(text).cards] == ["22", "443", "DNS", "DHCP"]


def test_an_answer_step_list_is_not_read_as_questions() -> None:
    text = (
        "1. How do you roll back a release?\n"
        "1. Find the last good tag.\n"
        "2. What changed since then?\n"
        "3. Redeploy the good tag.\n"
        "4. Close the incident.\n"
        "\n"
        "2. How do you find a memory leak?\n"
        "Take two heap dumps and compare them.\n"
    )
    result = _parse(text)
    # A step that asks is a question, as it was; the steps around it, numbered from 1, are not.
    assert [card.question for card in result.cards] == [
        "How do you roll back a release?", "What changed since then?", "How do you find a memory leak?",
    ]
    assert result.cards[0].answer == "1. Find the last good tag."
    assert result.cards[1].answer == "3. Redeploy the good tag.\n4. Close the incident."
    assert result.unanswered == ()


def test_questions_under_a_question_are_no_answer_to_it() -> None:
    text = (
        "1. What is a load balancer?\n"
        "It spreads requests over several servers.\n"
        "2. Name the load balancer types\n"
        "-----------------------------------\n"
        "what is a target group?\n"
        "what is a listener?\n"
        "how do health checks work?\n"
    )
    result = _parse(text)
    assert [card.question for card in result.cards] == ["What is a load balancer?"]
    assert "Name the load balancer types" in [finding.message for finding in result.unanswered]


def test_labelled_answers_are_cards_whatever_the_question_says() -> None:
    text = (
        "Name the primitive types.\n"
        "A: byte, short, int, long, float, double, char, boolean\n"
        "\n"
        "Is this legal? long m = new Long(\"1\");\n"
        "A: Yes, the Long is unboxed.\n"
    )
    result = _parse(text)
    assert result.layout == "answered"
    assert [(card.question, card.answer) for card in result.cards] == [
        ("Name the primitive types.", "byte, short, int, long, float, double, char, boolean"),
        ("Is this legal? long m = new Long(\"1\");", "Yes, the Long is unboxed."),
    ]


def test_numbered_questions_with_labelled_answers_stay_numbered() -> None:
    text = (
        "1. What is a pointer?\n"
        "\n"
        "Ans -> A variable holding an address.\n"
        "\n"
        "2. What is a dangling pointer?\n"
        "\n"
        "Ans -> One that points at freed memory.\n"
    )
    result = _parse(text)
    assert result.layout == "numbered"
    assert [card.answer for card in result.cards] == ["A variable holding an address.", "One that points at freed memory."]


def test_notes_in_a_folder_read_as_the_file_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "java.txt").write_bytes((FIXTURES / "answered" / "labels.txt").read_bytes())
    runner = CliRunner()
    alone = runner.invoke(cli, ["list", "--json", str(notes / "java.txt")])
    folder = runner.invoke(cli, ["list", "--json", str(notes)])
    assert alone.exit_code == 0 and folder.exit_code == 0, alone.output + folder.output
    questions = [card["question"] for card in json.loads(alone.stdout)]
    assert questions == [card["question"] for card in json.loads(folder.stdout)]
    assert questions[0] == "Can a static method be overridden?"
    assert len(questions) == 5


def test_a_rule_row_set_apart_ends_the_answer_above_it() -> None:
    text = (
        "1. What is a closure?\n"
        "==========================\n"
        "A function with the scope it was made in.\n"
        "\n"
        "==========================\n"
        "Reading list for the weekend\n"
        "- https://example.org/closures\n"
        "\n"
        "2. What is hoisting?\n"
        "Declarations moved to the top of their scope.\n"
    )
    cards = _parse(text).cards
    # The row right under the question underlines it; the one after a blank line opens another topic.
    assert [(card.question, card.answer) for card in cards] == [
        ("What is a closure?", "A function with the scope it was made in."),
        ("What is hoisting?", "Declarations moved to the top of their scope."),
    ]


PROJECT_VIVA = """\
I. General Questions
What problem does your project solve?

Why did you choose this topic?

II. Dataset & Preprocessing
Where does your dataset come from?

How did you split it into training and test sets?

III. Model
Why this architecture?
"""


def test_questions_under_roman_numbered_titles_are_not_answered_by_the_next_title() -> None:
    # The title of the next section and the question under it are no answer to the last question of a section.
    result = _parse(PROJECT_VIVA)
    assert result.cards == ()


def test_a_check_mark_before_a_question_number_does_not_hide_the_question() -> None:
    text = "✅1. What is a pod?\nA group of containers.\n\n✅2. What is a node?\nA machine that runs pods.\n"
    result = _parse(text)
    assert [(card.question, card.answer) for card in result.cards] == [
        ("What is a pod?", "A group of containers."), ("What is a node?", "A machine that runs pods."),
    ]


def test_an_arrow_typed_before_a_question_is_not_part_of_it() -> None:
    text = (
        "->What is a stream?\nA sequence of elements processed in a pipeline.\n\n"
        "->Why are streams lazy?\nNothing runs until a terminal operation asks for a result.\n\n"
        "-> What does collect do?\nIt gathers the elements into a container.\n"
    )
    result = _parse(text)
    assert [card.question for card in result.cards] == [
        "What is a stream?", "Why are streams lazy?", "What does collect do?",
    ]
    assert result.cards[1].answer == "Nothing runs until a terminal operation asks for a result."


GENERATOR_NOTES = """\
what is a generator ?
a function that yields values one at a time.
its kinds :
1. is a plain function with yield in it,
   the common kind
2. a generator expression in brackets

what is the difference between a list and a tuple ?
a list can change, a tuple cannot.
"""


def test_a_numbered_point_under_a_line_introducing_a_list_is_no_question() -> None:
    # "1. is a plain function …" opens with a question word, but the line above introduces the list it is a point of.
    numbered = parsers.get("numbered").parse(Source(Path("notes.txt"), GENERATOR_NOTES, "utf-8"))
    assert numbered.cards == ()
    result = _parse(GENERATOR_NOTES)
    assert [card.question for card in result.cards] == [
        "what is a generator?", "what is the difference between a list and a tuple?",
    ]
    assert "1. is a plain function" in result.cards[0].answer
