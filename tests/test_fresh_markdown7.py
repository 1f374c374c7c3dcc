"""Shapes met in a seventh sample of interview and study notes: a chapter's notes closing on a quiz of open
questions under "Question N" headings, answered further down under "Answer N" headings (often in a fold) or
under the same headings in a mark scheme; and an answer key whose bold runs from the option's letter to the
end of its text ("**C) Granite**")."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers, sources


def _parsed(tmp_path: Path, text: str, name: str = "notes.md") -> tuple[str, list[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parsers.parse(sources.read(path))
    return result.layout, [(card.question, card.answer) for card in result.cards]


NOTES_WITH_FOLDED_QUIZ = """\
# Week 3: Rivers

## 1. How a river shapes its valley

A river wears its bed down in three ways:
1. Hydraulic action
2. Abrasion
3. Solution
Each matters most at a different stage.

### Meanders

A meander grows where the outer bank erodes faster than the inner one.

## Quiz: check yourself

### Question 1
Name the process where the water's own force loosens the bank.

### Question 2
On which bank of a meander does deposition happen?

### Question 3
Why does a waterfall move upstream over time?

---

<details>
<summary>Show the answers</summary>

### Answer 1
Hydraulic action.

### Answer 2
The inner bank, where the water flows slowest.

### Answer 3
The soft rock under the hard cap is worn back, the cap collapses,
and the fall retreats.

</details>

## Summary

Rivers erode, carry and deposit.
"""


def test_open_quiz_questions_take_the_answers_of_their_number(tmp_path: Path) -> None:
    layout, cards = _parsed(tmp_path, NOTES_WITH_FOLDED_QUIZ)
    assert layout == "key"
    assert cards == [
        ("Name the process where the water's own force loosens the bank.", "Hydraulic action."),
        ("On which bank of a meander does deposition happen?", "The inner bank, where the water flows slowest."),
        ("Why does a waterfall move upstream over time?",
         "The soft rock under the hard cap is worn back, the cap collapses,\nand the fall retreats."),
    ]


PRACTICE_WITH_MARK_SCHEME = """\
# Physics revision: forces

## Key ideas

- A force is a push or a pull.
- Weight is mass times gravitational field strength.

## 📝 Practice questions

### Question 1 (2 marks)
State the unit of force.

---

### Question 2 (3 marks)
A bag has a mass of 4 kg. Work out its weight on Earth (g = 10 N/kg).

---

## ✅ Mark Scheme & Model Answers

### Question 1
The newton (N) ✓✓

---

### Question 2
**Model answer:**
- W = m × g ✓
- W = 4 × 10 = 40 N ✓✓

## Exam tips

Always give the unit.
"""


def test_a_mark_scheme_answers_the_practice_questions_of_its_numbers(tmp_path: Path) -> None:
    layout, cards = _parsed(tmp_path, PRACTICE_WITH_MARK_SCHEME)
    assert layout == "key"
    assert cards == [
        ("(2 marks)\n\nState the unit of force.", "The newton (N) ✓✓"),
        ("(3 marks)\n\nA bag has a mass of 4 kg. Work out its weight on Earth (g = 10 N/kg).",
         "**Model answer:**\n- W = m × g ✓\n- W = 4 × 10 = 40 N ✓✓"),
    ]


BOLD_KEY = """\
# Rocks quiz

1. Which rock forms from cooled magma?
    A) Limestone
    B) Granite
    C) Shale

2. Which rock is made of shells?
    A) Limestone
    B) Basalt
    C) Slate

### Answer Key

1. **B) Granite**
    * **Explanation:** it cools slowly underground, so its crystals are large.

2. **A) Limestone**
    * **Explanation:** it builds up from the remains of sea creatures.
"""


def test_a_key_answer_in_bold_from_its_letter_keeps_no_stray_marks(tmp_path: Path) -> None:
    layout, cards = _parsed(tmp_path, BOLD_KEY)
    assert layout == "key"
    assert [answer for _, answer in cards] == [
        "B. Granite\n\n* **Explanation:** it cools slowly underground, so its crystals are large.",
        "A. Limestone\n\n* **Explanation:** it builds up from the remains of sea creatures.",
    ]


QUESTIONS_ANSWERED_IN_PLACE = """\
# Sorting algorithms

### Question 1
What is the worst case of quicksort?

It is quadratic, when the pivots are always the smallest or largest items.

### Question 2
Which sort is stable: heapsort or merge sort?

Merge sort.
"""


def test_question_headings_that_answer_themselves_are_no_keys(tmp_path: Path) -> None:
    # No answer heading follows them: each section holds its question and its answer, the headings layout's.
    layout, cards = _parsed(tmp_path, QUESTIONS_ANSWERED_IN_PLACE)
    assert layout != "key"
    assert not any(answer.startswith("Merge sort") and "quicksort" in question for question, answer in cards)


QUESTION_BANK = """\
1.A clinic stores its records on one server in a back room.
Which of the following would best protect the records if the building floods?
A. A stronger door lock
B. Backups kept at a second site
C. A faster network switch
D. A new antivirus product


2.A user gets a text that claims to come from the bank.
The text asks for the user's card number.
Which of the following attacks is this? (Choose one.)
A. Smishing
B. Tailgating
C. Shoulder surfing
D. Whaling


3.Which port does HTTPS use?
Answer: 443
"""


def test_a_stem_asking_under_a_case_over_its_options_is_unanswered(tmp_path: Path) -> None:
    # The numbered line states the case; the question and its options follow, and no right option is named.
    path = tmp_path / "bank.txt"
    path.write_text(QUESTION_BANK, encoding="utf-8")
    result = parsers.parse(sources.read(path))
    assert [(card.question, card.answer) for card in result.cards] == [("Which port does HTTPS use?", "443")]
    assert sum(finding.kind == "unanswered" for finding in result.findings) == 2


REVISION_NOTES = """\
# Tides - revision notes

## Key terms

- **Spring tide**: the largest range, when sun and moon line up.
- **Neap tide**: the smallest range, when they pull at right angles.

## Practice questions

1. **Foundation:** What causes the tides?
2. **Foundation:** How many high tides does a coast get each day?
3. **Higher:** Why is a neap tide's range smaller than a spring tide's?
"""


def test_practice_questions_under_a_level_label_are_no_cards(tmp_path: Path) -> None:
    # The bold label and its colon are no question and answer: the questions are asked, not answered.
    path = tmp_path / "tides.md"
    path.write_text(REVISION_NOTES, encoding="utf-8")
    result = parsers.parse(sources.read(path))
    assert not any(card.answer.lstrip("* ").startswith(("What causes", "How many", "Why is")) for card in result.cards)
    assert not any(card.question.startswith("**") for card in result.cards)


FOLLOW_UPS = """\
# Networking interview questions

## 1. What does DNS do?
It turns names into addresses.

### 📌 **Follow-up:** Which record type holds an IPv6 address?
The AAAA record.

## 2. What is a subnet mask?
It splits an address into its network and host parts.

### Follow-up: How many hosts fit in a /30?
Two usable hosts.
"""


def test_a_follow_up_label_is_no_part_of_the_question(tmp_path: Path) -> None:
    _, cards = _parsed(tmp_path, FOLLOW_UPS)
    assert [question for question, _ in cards] == [
        "What does DNS do?", "Which record type holds an IPv6 address?",
        "What is a subnet mask?", "How many hosts fit in a /30?",
    ]
    assert cards[1][1] == "The AAAA record."


def test_a_sections_letter_is_no_part_of_its_topic() -> None:
    from qadeck.tagging.headings import topic_label

    assert topic_label("Section B: Trade and Tariffs") == "trade-and-tariffs"
    assert topic_label("Unit C: Plate Tectonics") == "plate-tectonics"
    assert topic_label("Sectional drawings") == "sectional-drawings"  # a word that opens like one keeps it
    assert topic_label("Part B: Soil Science (30 marks)") == "soil-science"  # the marks it is worth name nothing
    assert topic_label("Quiz Time!") == ""  # says a quiz follows, not what about
    assert topic_label("Time zones") == "time-zones"
    assert topic_label("Exam-Style Questions: Optics") == "optics"


BOLD_ANSWER_LINES = """\
Q1: Sound travels faster in water than in air.
**Answer: True**

Q2: The unit of frequency is
**Answer: the hertz, one cycle each second**

Q3: What does a prism do to white light?
**Answer:** It splits it into colours.
"""


def test_an_answer_line_set_in_bold_with_its_label_keeps_no_closing_marks(tmp_path: Path) -> None:
    _, cards = _parsed(tmp_path, BOLD_ANSWER_LINES)
    assert [answer for _, answer in cards] == ["True", "the hertz, one cycle each second", "It splits it into colours."]


MARKED_LABELS = """\
# Cloud basics

## What is a region?

📌 **Answer:**
A geographic area that holds several data centres.

## What is an availability zone?

✅ Answer (English):
One or more data centres in a region with their own power and network.
"""


def test_an_answer_label_after_a_mark_or_with_its_language_is_dropped(tmp_path: Path) -> None:
    _, cards = _parsed(tmp_path, MARKED_LABELS)
    assert cards == [
        ("What is a region?", "A geographic area that holds several data centres."),
        ("What is an availability zone?", "One or more data centres in a region with their own power and network."),
    ]


NUMBERED_QUIZ_HEADINGS = """\
# Cardiology drill

## Question 1
Which valve lies between the left atrium and the left ventricle?
A) Tricuspid
B) Mitral
C) Aortic

<details>
<summary>Answer</summary>
B) Mitral
</details>

## Question 2
Which chamber pumps blood into the aorta?
A) Right ventricle
B) Left atrium
C) Left ventricle

<details>
<summary>Answer</summary>
C) Left ventricle
</details>
"""


def test_a_quiz_headings_number_is_no_part_of_its_question(tmp_path: Path) -> None:
    _, cards = _parsed(tmp_path, NUMBERED_QUIZ_HEADINGS)
    assert [question.split("\n")[0] for question, _ in cards] == [
        "Which valve lies between the left atrium and the left ventricle?",
        "Which chamber pumps blood into the aorta?",
    ]
    assert [answer for _, answer in cards] == ["B) Mitral", "C) Left ventricle"]
