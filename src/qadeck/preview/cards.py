"""What Anki makes of one note, for the preview: its cards, each side filled from the note type.

Contract: :func:`note_cards` gives the cards Anki makes of a note (its kind and its fields, as the
package holds them): one for a Q&A note, one each way for a reversed note, one per deletion number
for a cloze note, in the note type's order. Each side is the note type's template filled as Anki
fills it (``{{Field}}``, ``{{FrontSide}}``, ``{{cloze:Field}}``), with its math typeset. The note
types, and which cards a note has, come from the package writer (:mod:`qadeck.writers.apkg`), so
the page and the package cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import cloze
from ..writers import apkg
from .mathml import typeset

#: A template's field: ``{{Name}}``, or ``{{cloze:Name}}`` (group ``cloze``).
_FIELD = re.compile(r"{{(?:(?P<cloze>cloze):)?(?P<name>\w+)}}")
_REVERSED_LABELS = ("question → answer", "answer → question")


@dataclass(frozen=True)
class NoteCard:
    """One card of a note, as Anki shows it."""

    #: The card's number in its note: 1, or 2 for a reversed note's second; a cloze's deletion number.
    number: int
    #: What the page calls it beside its note's facts ("" for a Q&A note's one card).
    label: str
    #: Its question side, as HTML.
    front: str
    #: Its answer side, as HTML.
    back: str


def fill(template: str, values: dict[str, str], number: int = 1, answer: bool = False) -> str:
    """Anki's substitution of a template's fields: ``{{cloze:Field}}`` as card ``number`` shows it on
    its question (or ``answer``) side; math typeset (``FrontSide`` is already)."""

    def field(match: re.Match[str]) -> str:
        value = values.get(match["name"], "")
        if match["name"] == "FrontSide":
            return value
        return typeset(cloze.card_side(value, number, answer) if match["cloze"] else value)

    return _FIELD.sub(field, template)


def note_cards(kind: str, fields: Sequence[str]) -> list[NoteCard]:
    """The cards Anki makes of a note of ``kind`` with these fields (:data:`apkg.FIELDS` order)."""
    model = apkg.models()[apkg.MODEL_IDS[kind]]
    values = dict(zip((f["name"] for f in model.fields), fields))
    # A Q&A note always has its one card (qadeck never writes one without a question).
    ords = [0] if kind == "basic" else apkg.card_ords(fields, model)
    made = []
    for ord_ in ords:
        number = ord_ + 1
        template = model.templates[0 if kind == "cloze" else ord_]
        front = fill(template["qfmt"], values, number)
        back = fill(template["afmt"], {**values, "FrontSide": front}, number, answer=True)
        label = f"cloze {number}" if kind == "cloze" else _REVERSED_LABELS[ord_] if kind == "reversed" else ""
        made.append(NoteCard(number, label, front, back))
    return made
