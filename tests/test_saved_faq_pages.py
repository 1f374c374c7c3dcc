"""FAQ pages as people save them from a site: a question inside a class-named front that is a heading with a
toggle's icon beside it, a list whose items are each a heading and its answer, hand-written structured data
that is not strict JSON, and a FAQ both shown and listed in the page's data (read once)."""

from __future__ import annotations

from pathlib import Path

from .listing import listed, pairs


def _page(tmp_path: Path, body: str, head: str = "") -> Path:
    path = tmp_path / "faq.html"
    path.write_text(f"<!DOCTYPE html><html><head><title>Help</title>{head}</head><body><h1>Help</h1>{body}</body></html>",
                    encoding="utf-8")
    return path


def test_a_front_holding_a_heading_is_that_heading_without_its_icon(tmp_path: Path) -> None:
    item = ('<div class="faq-item"><div class="faq-question"><h3>{0}</h3><span class="faq-icon">+</span></div>'
            '<div class="faq-answer"><p>{1}</p></div></div>\n')
    entries = [("Which towns do you cover?", "Every town in the valley."),
               ("Are you insured?", "Yes, fully."), ("Do you give quotes?", "Free, within a day.")]
    body = "<h2>Coverage</h2>" + item.format(*entries[0]) + "<h2>Money</h2>" + "".join(item.format(*e) for e in entries[1:])
    assert pairs(listed(_page(tmp_path, body))) == entries


def test_a_list_whose_items_are_each_a_heading_and_its_answer_keeps_every_paragraph(tmp_path: Path) -> None:
    item = '<li><div><h5>{0}</h5><p>{1}</p><p>{2}</p></div></li><li class="divider"></li>\n'
    entries = [("How do I order?", "Pick a size.", "Then pay."), ("Can I return it?", "Within a month.", "Unworn."),
               ("Who pays postage?", "We do.", "Both ways.")]
    found = listed(_page(tmp_path, "<ul>" + "".join(item.format(*e) for e in entries) + "</ul>"))
    assert pairs(found) == [(q, f"{a}\n\n{b}") for q, a, b in entries]


def test_a_toggle_icon_after_a_question_goes_but_a_name_ending_in_symbols_stays(tmp_path: Path) -> None:
    fronts = "".join(f'<div class="faq-question"><span>{q}</span><span class="icon">+</span></div>'
                     f'<div class="faq-answer">{a}</div>' for q, a in [("Can I pause my plan?", "For three months."),
                                                                         ("May I share it?", "With one person.")])
    assert [card["question"] for card in listed(_page(tmp_path, fronts))] == ["Can I pause my plan?", "May I share it?"]
    buttons = ('<h3><button aria-expanded="false">Is there a student price? <span>&#9660;</span></button></h3>'
               '<div><p>Half price.</p></div>'
               '<h3><button aria-expanded="false">Which language is C++</button></h3><div><p>A compiled one.</p></div>')
    assert [card["question"] for card in listed(_page(tmp_path, buttons))] == [
        "Is there a student price?", "Which language is C++"]


_HAND_WRITTEN = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
 {"@type": "Question", "name": "Is the kit safe?",
  "acceptedAnswer": {"@type": "Answer", "text": "Yes: see <a href=\\'https://example.org/safety\\'>our tests</a>.
<script>steal()<\\/script><img src=x onerror=steal()>"}},
 {"@type": "Question", "name": "Does it need tools?",
  "acceptedAnswer": {"@type": "Answer", "text": "None at all."}}]}
</script>"""


def test_hand_written_structured_data_is_read_and_its_answers_are_made_safe(tmp_path: Path) -> None:
    # A line break inside a string and JavaScript's \\' escape: not strict JSON, as such data often is.
    found = listed(_page(tmp_path, "<div id='faq'></div>", head=_HAND_WRITTEN))
    assert [card["question"] for card in found] == ["Is the kit safe?", "Does it need tools?"]
    first = found[0]["answer_html"]
    assert '<a href="https://example.org/safety">our tests</a>' in first
    assert "steal" not in first and "<script" not in first and "onerror" not in first
    assert found[1]["answer"] == "None at all."


def test_a_faq_shown_by_an_accordion_and_listed_in_its_data_gives_each_question_once(tmp_path: Path) -> None:
    listed_data = ('<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": ['
                   '{"@type": "Question", "name": "Can I pay later?", "acceptedAnswer": {"text": "Within 30 days."}},'
                   '{"@type": "Question", "name": "Do you ship abroad?", "acceptedAnswer": {"text": "To Europe."}}]}'
                   "</script>")
    item = ('<div class="accordion-item"><h2 class="accordion-header"><button class="accordion-button collapsed" '
            'type="button" data-bs-toggle="collapse" aria-expanded="false">{0}</button></h2><div class="accordion-'
            'collapse collapse"><div class="accordion-body">{1}</div></div></div>')
    body = ('<div class="accordion">' + item.format("Can I pay later?", "Within 30 days.")
            + item.format("Do you ship abroad?", "To Europe.") + "</div>")
    assert pairs(listed(_page(tmp_path, body, head=listed_data))) == [
        ("Can I pay later?", "Within 30 days."), ("Do you ship abroad?", "To Europe.")]
