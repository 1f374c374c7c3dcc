"""Pages that mark each card's sides by class names (a flashcard site's "card-front"/"card-back", a study
site's BEM names such as "Set-wordText"/"Set-definitionText", "faq-question"/"faq-answer"): one card a front."""

from __future__ import annotations

from pathlib import Path

from qadeck.markups import html

from .listing import listed


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "deck.html"
    path.write_text(f"<!DOCTYPE html><html><head><title>Deck</title></head><body>{body}</body></html>", encoding="utf-8")
    return path


def test_front_and_back_classes_make_cards(tmp_path: Path) -> None:
    cards = "".join(f'<div class="card"><div class="card-front">{front}</div><div class="card-back">{back}</div></div>\n'
                    for front, back in [("el perro", "the dog"), ("el gato", "the cat"), ("la casa", "the house")])
    assert [(c["question"], c["answer"]) for c in listed(_page(tmp_path, cards))] == [
        ("el perro", "the dog"), ("el gato", "the cat"), ("la casa", "the house")]


def test_a_blocks_name_gives_way_to_its_elements(tmp_path: Path) -> None:
    # Every class names the block ("StudySetTerm"); the element after the "-" says which side it is, and the
    # wrappers around both sides, or around a back, are no fronts though their block's name holds "Term".
    row = ('<div class="StudySetTerm-row"><div class="StudySetTerm-side"><div class="StudySetTerm-wordText">'
           '<span class="TermText">{0}</span></div></div><div class="StudySetTerm-side"><div '
           'class="StudySetTerm-definitionText"><span class="TermText">{1}</span></div></div></div>\n')
    pairs = [("osmosis", "water crossing a membrane"), ("diffusion", "particles spreading out"),
             ("mitosis", "one cell dividing into two")]
    page = _page(tmp_path, '<div class="StudySetTerms-list">' + "".join(row.format(*p) for p in pairs) + "</div>")
    assert [(c["question"], c["answer"]) for c in listed(page)] == pairs


def test_a_class_naming_both_sides_marks_neither() -> None:
    page = ('<html><body><div class="question-answer">Plants make sugar from light.</div>'
            '<div class="card-front">Osmosis</div><div class="card-back">Water crossing a membrane.</div></body></html>')
    text = html.to_markdown(page)
    assert "**Plants make sugar from light.**" not in text and "Plants make sugar from light." in text
    assert "**Osmosis**" in text
