"""Interview-question pages whose answers are long: a page marks each question (a ``<details>`` fold's
summary, a block whose class names it the question) and its answer holds subheadings and bold lines of its
own. The marked questions make the cards, not the answers' lines; badges and arrows beside a question, a
number marked as one and a note box's title stay out of the questions."""

from __future__ import annotations

from pathlib import Path

from qadeck.markups import html

from .listing import listed, pairs


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "interview.html"
    path.write_text(f"<!DOCTYPE html><html><head><title>Prep</title></head><body><h1>Prep</h1>{body}</body></html>",
                    encoding="utf-8")
    return path


_FOLDS = [
    ("How does a hash map grow?", "<p><strong>In short: it doubles.</strong></p><p>Entries are moved to new buckets.</p>"),
    ("Why pin a dependency?", "<h4>Reproducible builds</h4><p>The same versions install everywhere.</p>"),
    ("What does a load balancer do?", "<p>It spreads requests over servers.</p>"),
]


def test_folds_whose_answers_hold_bold_lines_and_subheadings_give_one_card_each(tmp_path: Path) -> None:
    # As bold terms, the questions could not be told from "In short: it doubles." (a bold line of an answer).
    body = "".join(f'<details><summary><span class="text">{q}</span><span class="level">Hard</span>'
                   f'<span class="arrow">▶</span></summary><div>{a}</div></details>' for q, a in _FOLDS)
    found = pairs(listed(_page(tmp_path, body)))
    assert [q for q, _ in found] == [q for q, _ in _FOLDS]
    assert found[0][1] == "**In short: it doubles.**\n\nEntries are moved to new buckets."
    assert found[1][1].startswith("#### Reproducible builds\n\nThe same versions")


def test_folds_with_plain_answers_stay_bold_terms() -> None:
    text = html.to_markdown("<html><body><details><summary>Is it free?</summary><p>Yes.</p></details>"
                            "<details><summary>Can I cancel?</summary><p>Any time.</p></details></body></html>")
    assert "**Is it free?**\n\nYes." in text and "#" not in text


def test_class_marked_questions_with_rich_answers_become_headings(tmp_path: Path) -> None:
    item = ('<div class="item"><span class="question-number">Q{n}</span><div class="question-text"><strong>{q}</strong>'
            '</div><div class="answer-section"><h4>Full answer:</h4><p><strong>Key idea:</strong></p><p>{a}</p></div></div>')
    rows = [("What is an index?", "A sorted lookup structure."), ("What is a shard?", "One slice of the data."),
            ("What is a replica?", "A copy kept in step.")]
    body = "<section><h2>Basics</h2>" + "".join(item.format(n=n, q=q, a=a) for n, (q, a) in enumerate(rows, 1)) + "</section>"
    text = html.to_markdown(_page(tmp_path, body).read_text(encoding="utf-8"))
    assert "### What is an index?\n\n#### Full answer:" in text and "### Q1" not in text
    found = pairs(listed(_page(tmp_path, body)))
    assert [q for q, _ in found] == [q for q, _ in rows]
    assert "A sorted lookup structure." in found[0][1] and "What is a shard" not in found[0][1]


def test_a_toggle_button_named_as_a_blocks_question_keeps_its_text_without_number_and_arrow(tmp_path: Path) -> None:
    item = ('<div class="qa"><button class="qa__q"><span class="idx">Q{n}</span>{q}<span class="chev">›</span></button>'
            '<div class="qa__a"><p>{a}</p></div></div>')
    rows = [("Explain closures.", "A function keeps the scope it was made in."),
            ("What is event delegation?", "One listener on a parent handles its children's events.")]
    found = pairs(listed(_page(tmp_path, "".join(item.format(n=n, q=q, a=a) for n, (q, a) in enumerate(rows, 1)))))
    assert found == rows


def test_a_note_boxs_title_is_no_section_of_its_own() -> None:
    text = html.to_markdown(
        "<html><body><h3>Why is a string immutable?</h3><p>For safe sharing.</p>"
        '<div class="callout"><div class="callout-title"><span>Important Note</span></div><p>Interning relies on it.</p></div>'
        "<h3>What is a jagged array?</h3><p>Rows of different lengths.</p></body></html>")
    assert "**Important Note**\n\nInterning relies on it." in text and "### Important Note" not in text


def test_a_prompt_in_a_listing_is_code_not_a_question() -> None:
    text = html.to_markdown('<html><body><pre><span class="prompt1">make install</span></pre></body></html>')
    assert "```\nmake install\n```" in text


def test_accordion_buttons_over_answers_with_bold_labels_become_headings(tmp_path: Path) -> None:
    # "**Answer:**" alone on a line over a numbered list: with the questions as bold terms, the list's items
    # were read as numbered questions and the question above them was left unanswered.
    button = ('<div class="accordion-item"><button class="accordion-header"><span>{n}. {q}</span>'
              '<span class="accordion-icon">▼</span></button><div class="accordion-body">{a}</div></div>')
    rows = [("What is a test plan?", "<p><strong>Answer:</strong> The scope and schedule of testing.</p>"),
            ("What is a smoke test?", "<p><strong>Answer:</strong> A quick check that the build works.</p>"),
            ("How do you triage a bug?", "<p><strong>Answer:</strong></p><ol><li>Reproduce it.</li><li>Rate its "
             "impact.</li><li>Tell the owner.</li></ol>"),
            ("What is a regression?", "<p><strong>Answer:</strong> Something that worked and broke.</p>")]
    body = "<h2>Basics</h2>" + "".join(button.format(n=n, q=q, a=a) for n, (q, a) in enumerate(rows, 1))
    found = pairs(listed(_page(tmp_path, body)))
    assert [q for q, _ in found] == [q for q, _ in rows]
    assert found[2][1] == "1. Reproduce it.\n2. Rate its impact.\n3. Tell the owner."


def test_a_page_that_draws_its_questions_from_its_script_gives_the_scripts_cards(tmp_path: Path) -> None:
    script = ('const BANK = {basics: [{q: "What is a closure?", a: "<p>A function with the <b>scope</b> it was made in.'
              '</p><svg><text>drawing</text></svg>"}, {q: "What is hoisting?", a: "Declarations move to the top."},'
              ' {q: "What is a promise?"}]};\nrender(BANK);')
    page = _page(tmp_path, f'<div id="questions"></div><button onclick="next()">Next</button><script>{script}</script>'
                           '<script src="app.js"></script>')
    found = pairs(listed(page))
    assert found == [("What is a closure?", "A function with the **scope** it was made in."),
                     ("What is hoisting?", "Declarations move to the top.")]


def test_a_scripts_data_the_page_already_shows_is_not_read_twice() -> None:
    text = html.to_markdown('<html><body><h3>What is a closure?</h3><p>A function and its scope.</p>'
                            '<h3>What is hoisting?</h3><p>Moving declarations up.</p><script>const items = '
                            '[{question: "What is a closure?", answer: "x"}, {question: "What is hoisting?", answer: "y"}];'
                            "</script></body></html>")
    assert text.count("What is a closure?") == 1 and "<details>" not in text
