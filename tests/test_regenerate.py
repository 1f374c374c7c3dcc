"""Regenerate after edits, as a user does, against the real Anki backend.

Build the bundled deck, import it, study some cards, edit a note in Anki, then
edit the sources (answer changed, question typo fixed, question reworded, card
deleted, card added), rebuild and re-import with Anki's default options.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest

from qadeck import pipeline
from qadeck.filtering import Filters

from .conftest import import_apkg, notes_by_guid

SOURCE = "mlops-packaging-deployment.txt"
NOW = int(time.time())
T0, T1 = NOW - 3000, NOW - 2000

EDITS = [
    # (old text, new text): what a user changes in the source
    ("A: Docker.\n", "A: Docker, the most widely used container platform.\n"),  # answer changed
    ("Q: Why is reproducibility difficult in ML projects?",
     "Q: Why is reproducibility dificult in ML projects?"),  # typo in a question
    ('Q: What is a "Docker container"?', 'Q: Can you explain what a "Docker container" is?'),
    ('Q: What is a "Python wheel"?\nA: A Python wheel is a built-package format for Python that '
     "simplifies installation, often used for distributing libraries.\n", ""),  # deleted
    ("Q: What is Docker?\n", "Q: What is a Docker volume?\nA: Storage that outlives a container.\n"
     "Q: What is Docker?\n"),  # added
]


def build(folder: Path, out: Path, now: int) -> tuple[Path, pipeline.BuildReport]:
    loaded = pipeline.load([folder])
    prepared = pipeline.prepare(loaded, now=now)
    report = pipeline.build(prepared, out, Filters(), ["apkg"])
    return (report.written or report.unchanged)[0], report


def edit_sources(folder: Path) -> None:
    path = folder / SOURCE
    text = path.read_bytes().decode("utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_bytes(text.encode("utf-8"))


def study(col, count: int) -> dict[int, tuple]:
    """Answer ``count`` new cards of the deck 'Good'; return their scheduling by card id."""
    col.decks.select(col.decks.id_for_name("MLOps Interview Questions"))
    for _ in range(count):
        card = col.sched.getCard()
        assert card is not None and card.type == 0  # a new card each time
        col.sched.answerCard(card, 3)
    studied = col.find_cards("-is:new")
    return {cid: _schedule(col, cid) for cid in studied}


def _schedule(col, cid: int) -> tuple:
    c = col.get_card(cid)
    return (c.nid, c.type, c.queue, c.due, c.ivl, c.reps, c.factor)


@pytest.fixture
def first(cards_copy, tmp_path, collection):
    apkg, report = build(cards_copy, tmp_path / "build", T0)
    log = import_apkg(collection, apkg).log
    assert len(log.new) == 207 and not log.updated
    return apkg, report


def test_edits_update_in_place_and_keep_reviews(first, cards_copy, tmp_path, collection):
    col = collection
    before = notes_by_guid(col)
    # The Question field is HTML: ``"`` is ``&quot;`` there.
    nid_of = {html.unescape(n["Question"]): n.id for n in before.values()}
    schedule = study(col, 12)
    revlog = col.db.scalar("select count() from revlog")
    assert len(schedule) == 12 and revlog == 12

    # The user fixes a note inside Anki; a rebuild that does not touch that card must keep it.
    mine = col.get_note(nid_of['What is a "reproducible environment"?'])
    mine["Answer"] = "My own words about reproducible environments."
    col.update_note(mine)

    edit_sources(cards_copy)
    apkg2, report = build(cards_copy, tmp_path / "build", T1)
    changes = report.prepared.changes
    assert [c.question for c in changes.added] == ["What is a Docker volume?"]
    assert [e.question for e in changes.removed] == ['What is a "Python wheel"?']
    assert sorted((old, c.question) for old, c in changes.reworded) == sorted([
        ("Why is reproducibility difficult in ML projects?",
         "Why is reproducibility dificult in ML projects?"),
        ('What is a "Docker container"?', 'Can you explain what a "Docker container" is?'),
    ])

    log = import_apkg(col, apkg2).log
    assert len(log.new) == 1
    assert len(log.updated) == 3  # answer edit, typo fix, rewording; the rest skipped as up to date

    after = notes_by_guid(col)
    assert len(after) == 208  # 207 + 1 added; the deleted card stays in Anki until the user deletes it
    assert set(before) <= set(after)
    by_q = {html.unescape(n["Question"]): n for n in after.values()}
    popular = by_q["What is the most popular tool for creating reproducible environments in MLOps?"]
    assert popular.id == nid_of[html.unescape(popular["Question"])]
    assert "most widely used container platform" in popular["Answer"]
    reworded = by_q['Can you explain what a "Docker container" is?']
    assert reworded.id == nid_of['What is a "Docker container"?']
    assert col.get_note(mine.id)["Answer"] == "My own words about reproducible environments."

    assert {cid: _schedule(col, cid) for cid in schedule} == schedule
    assert col.db.scalar("select count() from revlog") == revlog


def test_rebuild_without_edits_is_byte_identical_and_updates_nothing(first, cards_copy, tmp_path,
                                                                       collection):
    apkg, _ = first
    first_bytes = apkg.read_bytes()
    lock = (cards_copy / "qadeck.lock").read_bytes()
    apkg2, report = build(cards_copy, tmp_path / "build", T1)
    assert report.unchanged == [apkg2] and not report.written  # up to date: left alone
    assert apkg2.read_bytes() == first_bytes
    assert (cards_copy / "qadeck.lock").read_bytes() == lock
    assert not report.lock_written
    apkg3, report = build(cards_copy, tmp_path / "fresh-build", T1 + 60)
    assert report.written == [apkg3]  # written again from scratch: the same bytes
    assert apkg3.read_bytes() == first_bytes
    log = import_apkg(collection, apkg3).log
    assert not log.new and not log.updated  # Anki logs up-to-date notes as "duplicate" (skipped)
    assert len(log.duplicate) == 207
    assert len(notes_by_guid(collection)) == 207
