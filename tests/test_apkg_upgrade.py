"""A new qadeck's package reaches a collection that has the old one: styling updated, nothing forked.

``fixtures/upgrade/before.apkg`` was built by qadeck before CommonMark and
highlighting (Python-Markdown, no Pygments CSS) from ``fixtures/upgrade/source``,
whose ``qadeck.lock`` that build wrote. Anki's importer updates a note type
whose id it has when the package's copy is newer (its mtime) and has the same
fields and templates; with other fields it would fork it ("qadeck Q&A+").
"""

# Private name: Anki's own note type cache is cleared, as reopening the collection would.

from __future__ import annotations

import shutil
from pathlib import Path

from qadeck import pipeline
from qadeck.filtering import Filters
from qadeck.writers import apkg

from .conftest import import_apkg, notes_by_guid

UPGRADE = Path(__file__).parent / "fixtures" / "upgrade"


def test_new_package_updates_the_old_decks_note_type_notes_and_keeps_reviews(tmp_path: Path, collection):
    import_apkg(collection, UPGRADE / "before.apkg")
    before = collection.models.get(apkg.MODEL_ID)
    assert before is not None and ".highlight" not in before["css"]
    old_notes = notes_by_guid(collection)
    assert len(old_notes) == 3 and "<span" not in "".join(n["Answer"] for n in old_notes.values())
    # Study a card, as the user of the old deck did.
    deck = collection.decks.by_name("Upgrade Check")
    assert deck is not None
    collection.decks.select(deck["id"])
    card = collection.sched.getCard()
    assert card is not None
    collection.sched.answerCard(card, 3)
    reviews = collection.db.scalar("select count() from revlog")
    assert reviews == 1

    source = shutil.copytree(UPGRADE / "source", tmp_path / "source")
    loaded = pipeline.load([source], cache_dir=tmp_path / "build" / pipeline.CACHE_DIR)
    lock_mtime = max(e.mtime for e in pipeline.prepare(loaded).lock.entries)
    prepared = pipeline.prepare(loaded, now=lock_mtime + 86_400)
    report = pipeline.build(prepared, tmp_path / "build", Filters(), ["apkg"])
    import_apkg(collection, report.written[0])

    # Anki's Python layer caches note types; its GUI clears that cache after an import, as here.
    collection.models._clear_cache()
    types = [t for t in collection.models.all_names_and_ids() if t.name.startswith(apkg.MODEL_NAME)]
    assert [(t.id, t.name) for t in types] == [(apkg.MODEL_ID, apkg.MODEL_NAME)]  # nothing forked
    after = collection.models.get(apkg.MODEL_ID)
    assert after is not None and after["css"] == apkg.CSS and ".nightMode .highlight" in after["css"]
    notes = notes_by_guid(collection)
    assert set(notes) == set(old_notes)
    assert all(n.mid == apkg.MODEL_ID for n in notes.values())
    answers = "".join(n["Answer"] for n in notes.values())
    assert '<pre class="highlight"><code class="language-python">' in answers
    assert collection.db.scalar("select count() from revlog") == reviews
    assert collection.get_card(card.id).reps == 1
