"""A package written over the one the last build kept: the notes a fresh write gives, and the kept ids."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from qadeck import identity, pipeline
from qadeck.perf import package_cache
from qadeck.model import Card
from qadeck.writers import Output, apkg

from .conftest import import_apkg, notes_by_guid

T0 = 1_700_000_000
WORDS = "model data drift feature store pipeline deploy monitor latency batch stream schema".split()


def deck(count: int, seed: int = 1) -> list[Card]:
    rng = random.Random(seed)
    return [
        Card(f"Question {n}: what is {rng.choice(WORDS)}?", " ".join(rng.choices(WORDS, k=40)), f"f{n % 3}.md",
             "", (n, n), topics=(rng.choice(WORDS),), difficulty="easy", guid=f"g{n}", mtime=T0)
        for n in range(count)
    ]


def write(cards: list[Card], path: Path, keep: Path | None) -> Path:
    content = {card.guid: identity.content_hash(card) for card in cards}
    if keep is None:
        apkg.write(Output("Deck", 42, cards), path)
    else:
        package_cache.write(Output("Deck", 42, cards), keep, content, path)
    return path


def tables(path: Path) -> tuple[dict[str, tuple[object, ...]], dict[str, list[tuple[object, ...]]], list[object]]:
    """The package's notes (by guid, without ids), cards (by note guid, without ids) and collection row."""
    with zipfile.ZipFile(path) as package:
        data = package.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    notes = {row[1]: row[2:] for row in db.execute("SELECT * FROM notes")}
    cards: dict[str, list[tuple[object, ...]]] = {}
    for row in db.execute("SELECT notes.guid, cards.* FROM cards JOIN notes ON notes.id = cards.nid ORDER BY ord"):
        cards.setdefault(row[0], []).append(row[3:])
    return notes, cards, list(db.execute("SELECT * FROM col").fetchone())


def ids(path: Path) -> dict[str, tuple[int, list[int]]]:
    with zipfile.ZipFile(path) as package:
        data = package.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    found = {guid: (nid, []) for nid, guid in db.execute("SELECT id, guid FROM notes")}
    by_id = {nid: guid for guid, (nid, _) in found.items()}
    for cid, nid in db.execute("SELECT id, nid FROM cards"):
        found[by_id[nid]][1].append(cid)
    return found


def edited(cards: list[Card]) -> list[Card]:
    """An answer and a question changed, a card removed, one added at the top, two swapped."""
    cards = list(cards)
    cards[5] = replace(cards[5], answer=cards[5].answer + " Edited.", mtime=T0 + 100)
    cards[9] = replace(cards[9], question="Reworded?", mtime=T0 + 100)
    del cards[12]
    cards[15], cards[16] = cards[16], cards[15]
    return [Card("A new one?", "New.", "f0.md", "", (0, 0), guid="new", mtime=T0 + 100), *cards]


def test_an_updated_package_holds_what_a_fresh_write_of_the_same_cards_does(tmp_path: Path):
    keep = tmp_path / "kept"
    first = write(deck(60), tmp_path / "1.apkg", keep)
    second = edited(deck(60))
    updated = write(second, tmp_path / "2.apkg", keep)
    fresh = write(second, tmp_path / "fresh.apkg", None)
    assert tables(updated) == tables(fresh)
    before, after = ids(first), ids(updated)
    unchanged = {card.guid for card in second} - {"g5", "g9", "new"}
    assert {guid: after[guid] for guid in unchanged} == {guid: before[guid] for guid in unchanged}
    every = [i for nid, cids in after.values() for i in (nid, *cids)]
    assert len(every) == len(set(every))  # no id given twice
    assert after["new"][0] > max(i for nid, cids in before.values() for i in (nid, *cids))


def test_the_same_cards_again_give_the_same_bytes(tmp_path: Path):
    keep = tmp_path / "kept"
    first = write(deck(30), tmp_path / "1.apkg", keep).read_bytes()
    assert write(deck(30), tmp_path / "2.apkg", keep).read_bytes() == first
    assert write(deck(30), tmp_path / "3.apkg", None).read_bytes() == first


def test_an_edit_updates_the_kept_database_to_what_a_fresh_write_gives(tmp_path: Path):
    keep = tmp_path / "kept"
    cards = deck(600)
    write(cards, tmp_path / "1.apkg", keep)
    cards[300] = replace(cards[300], answer="Edited.", mtime=T0 + 100)
    updated = write(cards, tmp_path / "2.apkg", keep)
    assert tables(updated) == tables(write(cards, tmp_path / "fresh.apkg", None))
    with zipfile.ZipFile(updated) as package:
        assert package.testzip() is None


def test_kept_files_changed_since_are_not_trusted(tmp_path: Path):
    keep = tmp_path / "kept"
    write(deck(20), tmp_path / "1.apkg", keep)
    (keep / package_cache.DATABASE).write_bytes(b"not the database the state describes")
    second = edited(deck(20))
    assert tables(write(second, tmp_path / "2.apkg", keep)) == tables(write(second, tmp_path / "3.apkg", None))
    (keep / package_cache.STATE).write_text("{damaged", encoding="utf-8")
    assert tables(write(second, tmp_path / "4.apkg", keep)) == tables(write(second, tmp_path / "3.apkg", None))
    state = json.loads((keep / package_cache.STATE).read_text(encoding="utf-8"))
    state["ids"][0] = ["not an id"]
    (keep / package_cache.STATE).write_text(json.dumps(state), encoding="utf-8")
    assert package_cache.read(keep, state["fingerprint"]) is None
    assert tables(write(second, tmp_path / "5.apkg", keep)) == tables(write(second, tmp_path / "3.apkg", None))


def test_another_deck_starts_afresh(tmp_path: Path):
    keep = tmp_path / "kept"
    cards = deck(10)
    content = {card.guid: identity.content_hash(card) for card in cards}
    write(cards, tmp_path / "1.apkg", keep)
    package_cache.write(Output("Other", 7, cards), keep, content, tmp_path / "2.apkg")
    apkg.write(Output("Other", 7, cards), tmp_path / "3.apkg")
    assert tables(tmp_path / "2.apkg") == tables(tmp_path / "3.apkg")


def test_an_updated_package_imports_into_anki_as_an_update(tmp_path: Path, collection):
    keep = tmp_path / "kept"
    import_apkg(collection, write(deck(40), tmp_path / "1.apkg", keep))
    before = notes_by_guid(collection)
    log = import_apkg(collection, write(edited(deck(40)), tmp_path / "2.apkg", keep)).log
    assert len(log.new) == 1 and len(log.updated) == 2
    after = notes_by_guid(collection)
    assert after["g5"].id == before["g5"].id and after["g5"]["Answer"].endswith("Edited.</p>")
    assert after["g9"]["Question"] == "Reworded?"


def test_a_build_keeps_its_package_and_drops_what_no_build_used_for_a_week(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"

    def build() -> pipeline.BuildReport:
        loaded = pipeline.load([cards_copy], cache_dir=out / pipeline.CACHE_DIR)
        return pipeline.build(pipeline.prepare(loaded, now=T0), out)

    report = build()
    kept = out / pipeline.CACHE_DIR / pipeline.OUTPUTS_DIR
    assert {p.name for p in kept.iterdir()} == {"mlops-interview-questions.apkg"}
    package = kept / "mlops-interview-questions.apkg"
    assert {p.name for p in package.iterdir()} == {package_cache.DATABASE, package_cache.STATE}
    stale, week_ago = kept / "old-name.apkg", time.time() - 8 * 86400
    stale.mkdir()
    for folder in (stale, package):
        os.utime(folder, (week_ago, week_ago))
    assert build().unchanged == report.written  # nothing to write: the package's folder is still in use
    assert {p.name for p in kept.iterdir()} == {"mlops-interview-questions.apkg"}
    assert time.time() - package.stat().st_mtime < 3600


def test_a_package_made_from_the_card_cache_is_the_one_made_from_parsing(cards_copy: Path, tmp_path: Path):
    cache_dir = tmp_path / "build" / pipeline.CACHE_DIR

    def package(name: str) -> tuple[pipeline.Loaded, bytes]:
        loaded = pipeline.load([cards_copy], cache_dir=cache_dir)
        pipeline.build(pipeline.prepare(loaded, now=T0), tmp_path, formats=["apkg"], path=tmp_path / name)
        return loaded, (tmp_path / name).read_bytes()

    parsed, first = package("parsed.apkg")  # each file parsed and rendered here
    cached, again = package("cached.apkg")  # every file from the card cache
    assert parsed.cache is not None and parsed.cache.hits == 0
    assert cached.cache is not None and cached.cache.hits == 5
    assert again == first


def test_a_package_zipped_in_the_background_is_the_package_written_at_once(tmp_path: Path):
    cards = deck(300)
    content = {card.guid: identity.content_hash(card) for card in cards}
    at_once = write(cards, tmp_path / "1.apkg", tmp_path / "keep1")
    rest = package_cache.write(Output("Deck", 42, cards), tmp_path / "keep2", content, tmp_path / "2.apkg",
                               background=True)
    assert callable(rest)
    rest()  # the zip, then the database kept for the next write
    assert (tmp_path / "2.apkg").read_bytes() == at_once.read_bytes()
    assert sorted(p.name for p in (tmp_path / "keep2").iterdir()) == sorted(
        p.name for p in (tmp_path / "keep1").iterdir())
