"""Course notes whose exercises are answered in boxes and folds, and self-study notes that label their questions.

A teacher's worksheet answers each exercise in a ``:::correction`` (or ``:::solution``) box; lecture notes fold
a worked example under a summary that sets the task ("Express …", "Simplify …"); a truth table's ``Q`` column is
a variable, no question column; and notes that number their questions ("## Question 3", "## 第三问") keep
their other sections (a summary, a note on scope) out of the deck.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import parsed

WORKSHEET = """# Worksheet 2: Networks

## Transport

1. Which transport protocol suits a live video call?
:::correction
UDP: losing a frame costs less than waiting for it.
:::

1. Which one suits a bank transfer?
:::correction
TCP, since every byte must arrive.
:::

## Addressing

Draw a home network with a router and two laptops, and give each an address.

:::solution
The router takes 192.168.1.1, the laptops .2 and .3.
:::
"""

LOGIC = """# Propositional logic

## Negation

| P     | ¬P    |
| :---- | ----: |
| True  | False |
| False | True  |

#### Example

<details>
<summary>
Express using propositions: "The door is not locked".
</summary>
<div>
<p>Let L = The door is locked.</p>
<p>¬L</p>
</div>
</details>

## Conjunction

| P     | Q     | P ∧ Q |
| :---- | :---- | ----: |
| True  | True  |  True |
| True  | False | False |
| False | True  | False |
| False | False | False |

#### Example

<details>
<summary>
Express using propositions: "It is windy and dark".
</summary>
<div>
<p>Let W = It is windy.</p>
<p>Let D = It is dark.</p>
<p>W ∧ D</p>
</div>
</details>
"""

LABELLED = """# Answers to my reading questions

## Before we start

The book defines its terms in chapter two; the answers below lean on them.

## Question 1: Why do tides rise twice a day?

The moon pulls the near ocean, and the far ocean lags behind the earth.

## Question 2: What sets the height of a spring tide?

Sun and moon pulling in line.

## Summary so far

Gravity and rotation together explain both.

## Question 3: Why are some coasts without tides?

Enclosed seas are too small to build a bulge.
"""

NUMBERED_CHINESE = """# 读书三问

## 说明

以下回答依据原书第二章。

## 第一问：什么是潮汐？

海水在月球引力下的周期涨落。

## 第二问：为什么一天两次？

近侧受引力，远侧因离心落后。

## 小结

两者共同作用。

## 第三问：哪里没有潮汐？

封闭的小海。
"""


def cards(tmp_path: Path, name: str, text: str):
    return parsed(tmp_path / name, text).cards


def test_a_correction_box_answers_the_exercise_above_it(tmp_path):
    got = [(card.question, card.answer) for card in cards(tmp_path, "worksheet.md", WORKSHEET)]
    assert got[0] == ("Which transport protocol suits a live video call?",
                      "UDP: losing a frame costs less than waiting for it.")
    assert got[1] == ("Which one suits a bank transfer?", "TCP, since every byte must arrive.")
    question, answer = got[2]
    assert "Draw a home network" in question and answer == "The router takes 192.168.1.1, the laptops .2 and .3."
    assert len(got) == 3


def test_folded_worked_examples_are_the_cards_not_the_truth_tables(tmp_path):
    got = [(card.question, card.answer) for card in cards(tmp_path, "logic.md", LOGIC)]
    assert got == [
        ('Express using propositions: "The door is not locked".', "Let L = The door is locked.\n\n¬L"),
        ('Express using propositions: "It is windy and dark".',
         "Let W = It is windy.\n\nLet D = It is dark.\n\nW ∧ D"),
    ]


def test_a_truth_table_is_no_question_and_answer_table(tmp_path):
    table = LOGIC.split("#### Example")[1].split("## Conjunction")[1]
    assert cards(tmp_path, "table.md", "# Conjunction\n" + table) == ()


def test_labelled_questions_leave_the_notes_other_sections_out(tmp_path):
    got = [card.question for card in cards(tmp_path, "reading.md", LABELLED)]
    assert got == ["Why do tides rise twice a day?", "What sets the height of a spring tide?",
                   "Why are some coasts without tides?"]
    answers = [card.answer for card in cards(tmp_path, "reading.md", LABELLED)]
    assert answers[1] == "Sun and moon pulling in line."  # the summary after it is no part of it


def test_questions_numbered_in_chinese_leave_the_notes_other_sections_out(tmp_path):
    got = [(card.question, card.answer) for card in cards(tmp_path, "qa.md", NUMBERED_CHINESE)]
    assert got == [("第一问：什么是潮汐？", "海水在月球引力下的周期涨落。"),
                   ("第二问：为什么一天两次？", "近侧受引力，远侧因离心落后。"),
                   ("第三问：哪里没有潮汐？", "封闭的小海。")]


def test_bold_labels_in_lecture_notes_are_no_questions(tmp_path):
    text = """# Tooling

- **Installing:**
  - Run the installer.
  - Restart the shell.
- **Updating:**
  - Run the updater.
- **Configuring:**
  - Edit the settings file.
"""
    assert cards(tmp_path, "tooling.md", text) == ()


def test_a_box_title_bold_in_parts_keeps_its_own_bold(tmp_path):
    text = """# Drills

## 1. Which layer routes packets?

> [!note] **Tip.** Think of the **postal** service.

The network layer.

## 2. Which layer frames bits?

The data link layer.
"""
    (first, second) = cards(tmp_path, "drills.md", text)
    assert first.answer == "**Tip.** Think of the **postal** service.\n\nThe network layer."
    assert second.answer == "The data link layer."


def test_code_in_a_question_callout_title_keeps_its_angle_brackets(tmp_path):
    text = """# Stacks

## Questions

> [!question]- Why is `Stack<T>` a poor fit for BFS?
> It hands back the newest item first, so the search goes deep before it goes wide.

> [!question]- When does `Dictionary<K, V>` beat a list scan?
> Once lookups by key outnumber the cost of hashing each key.
"""
    got = [(card.question, card.answer) for card in cards(tmp_path, "stacks.md", text)]
    assert got == [
        ("Why is `Stack<T>` a poor fit for BFS?",
         "It hands back the newest item first, so the search goes deep before it goes wide."),
        ("When does `Dictionary<K, V>` beat a list scan?", "Once lookups by key outnumber the cost of hashing each key."),
    ]
