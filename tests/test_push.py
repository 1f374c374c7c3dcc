"""``qadeck push`` into a real Anki collection (the ``anki`` package), as a user runs it.

Each test pushes a private copy of the seed deck (207 cards) into a collection in an Anki
data folder of its own (``ANKI_BASE``), then opens the collection with Anki's backend to
see what happened.
"""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.cli import cli

DECK = "MLOps Interview Questions"
SOURCE = "mlops-packaging-deployment.txt"
STUDIED_QUESTION = "What is the most popular tool for creating reproducible environments in MLOps?"
# The card's answer in the seed source, and what the user edits it to.
OLD_ANSWER, NEW_ANSWER = "A: Docker.\n", "A: Docker, with its images pinned by digest.\n"
DELETED = ('Q: What is a "Python wheel"?\nA: A Python wheel is a built-package format for Python that '
           "simplifies installation, often used for distributing libraries.\n")


def push(*args: str):
    return CliRunner().invoke(cli, ["push", *args], catch_exceptions=False)


@pytest.fixture
def profile(tmp_path, monkeypatch) -> Path:
    """An Anki data folder with one profile holding an empty collection; its collection path."""
    from anki.collection import Collection

    base = tmp_path / "Anki2"
    (base / "User 1").mkdir(parents=True)
    path = base / "User 1" / "collection.anki2"
    Collection(str(path)).close()
    monkeypatch.setenv("ANKI_BASE", str(base))
    return path


@pytest.fixture
def pushed(cards_copy, tmp_path, profile):
    """The seed deck pushed once; the arguments that push it again."""
    args = (str(cards_copy), "-o", str(tmp_path / "build"))
    result = push(*args)
    assert result.exit_code == 0, result.output
    assert "Notes added 207, updated 0, unchanged 0" in result.output
    return args


def open_col(path: Path):
    from anki.collection import Collection

    return Collection(str(path))


def snapshot(path: Path) -> tuple:
    """Everything a push could change: notes, cards with their scheduling, decks."""
    col = open_col(path)
    try:
        notes = col.db.all("select id, guid, mod, flds, tags from notes order by id")
        cards = col.db.all("select id, nid, did, odid, type, queue, due, ivl, reps from cards order by id")
        decks = sorted((d.name, d.id) for d in col.decks.all_names_and_ids())
    finally:
        col.close()
    return notes, cards, decks


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / SOURCE
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) == 1
    path.write_bytes(text.replace(old, new).encode("utf-8"))


def test_dry_run_shows_the_plan_and_changes_nothing(cards_copy, tmp_path, profile):
    before = snapshot(profile)
    result = push(str(cards_copy), "-o", str(tmp_path / "build"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Notes would be added 207, would be updated 0, unchanged 0" in result.output
    assert snapshot(profile) == before
    assert not (tmp_path / "build").exists() or not list((tmp_path / "build").glob("*.apkg"))
    assert not (profile.parent / "backups").exists()


def test_push_adds_the_seed_deck_once_with_a_backup(pushed, profile):
    col = open_col(profile)
    try:
        assert len(col.find_notes(f'deck:"{DECK}"')) == 207
        assert len(set(col.db.list("select guid from notes"))) == 207
    finally:
        col.close()
    assert len(list((profile.parent / "backups").glob("*.colpkg"))) == 1
    again = push(*pushed)
    assert again.exit_code == 0, again.output
    assert "Notes added 0, updated 0, unchanged 207" in again.output
    assert len(snapshot(profile)[0]) == 207


def test_edited_answer_updates_the_studied_note_in_place(pushed, cards_copy, profile):
    col = open_col(profile)
    try:
        (nid,) = col.find_notes(f'"Question:{STUDIED_QUESTION}"')
        card = col.get_card(col.find_cards(f"nid:{nid}")[0])
        card.start_timer()
        col.sched.answerCard(card, 3)
        studied = col.get_card(card.id)
        review = (studied.type, studied.queue, studied.due, studied.ivl, studied.reps)
        assert studied.reps == 1
    finally:
        col.close()
    edit(cards_copy, OLD_ANSWER, NEW_ANSWER)
    result = push(*pushed)
    assert result.exit_code == 0, result.output
    assert "Notes added 0, updated 1, unchanged 206" in result.output
    col = open_col(profile)
    try:
        assert len(col.find_notes("")) == 207
        note = col.get_note(nid)
        assert "pinned by digest" in note["Answer"]
        card = col.get_card(card.id)
        assert (card.type, card.queue, card.due, card.ivl, card.reps) == review
        assert col.db.scalar("select count() from revlog where cid = ?", card.id) == 1
    finally:
        col.close()


def test_edits_made_in_anki_to_unchanged_cards_are_kept(pushed, profile):
    col = open_col(profile)
    try:
        (nid,) = col.find_notes(f'"Question:{STUDIED_QUESTION}"')
        note = col.get_note(nid)
        note["Answer"] = "my own words"
        col.update_note(note)
    finally:
        col.close()
    result = push(*pushed)
    assert result.exit_code == 0, result.output
    col = open_col(profile)
    try:
        assert col.get_note(nid)["Answer"] == "my own words"
    finally:
        col.close()


def test_prune_deletes_exactly_the_removed_question(pushed, cards_copy, profile):
    edit(cards_copy, DELETED, "")
    kept = push(*pushed)
    assert kept.exit_code == 0, kept.output
    assert "In Anki but no longer in the sources: 1 notes (kept; --prune deletes them)" in kept.output
    assert '  - What is a "Python wheel"?' in kept.output
    assert len(snapshot(profile)[0]) == 207

    before = snapshot(profile)
    dry = push(*pushed, "--prune", "--dry-run")
    assert "Notes would be deleted (no longer in the sources): 1" in dry.output
    assert snapshot(profile) == before

    pruned = push(*pushed, "--prune")
    assert pruned.exit_code == 0, pruned.output
    assert "Notes deleted (no longer in the sources): 1" in pruned.output
    after = snapshot(profile)
    gone = {n[1] for n in before[0]} - {n[1] for n in after[0]}
    assert len(after[0]) == 206 and len(gone) == 1
    (wheel,) = [n for n in before[0] if n[1] in gone]
    assert html.unescape(wheel[3]).startswith('What is a "Python wheel"?\x1f')


def test_prune_leaves_notes_of_other_note_types_in_the_deck(pushed, profile):
    col = open_col(profile)
    try:
        basic = col.new_note(col.models.by_name("Basic"))
        basic["Front"] = "my own card"
        col.add_note(basic, col.decks.id_for_name(DECK))
    finally:
        col.close()
    result = push(*pushed, "--prune")
    assert result.exit_code == 0, result.output
    assert "deleted" not in result.output
    assert len(snapshot(profile)[0]) == 208


def test_topic_makes_a_filtered_deck_of_exactly_that_topic(pushed, profile):
    result = push(*pushed, "--topic", "monitoring")
    assert result.exit_code == 0, result.output
    name = f"{DECK} (monitoring)"
    col = open_col(profile)
    try:
        tagged = set(col.find_cards("tag:topic::monitoring"))
        assert tagged
        filtered = col.decks.by_name(name)
        assert filtered["dyn"]
        assert set(col.db.list("select id from cards where did = ?", filtered["id"])) == tagged
        main = col.decks.id_for_name(DECK)
        assert set(col.db.list("select odid from cards where did = ?", filtered["id"])) == {main}
        assert len(col.find_cards(f'deck:"{DECK}"')) == 207
    finally:
        col.close()
    assert f"Filtered deck '{name}': {len(tagged)} cards" in result.output
    assert f'deck:"{DECK}" tag:topic::monitoring' in result.output
    again = push(*pushed, "--topic", "monitoring")  # updated in place, not a second deck
    assert again.exit_code == 0, again.output
    assert [d for d in snapshot(profile)[2] if d[0].startswith(DECK)] == [
        (DECK, main), (name, filtered["id"])]


def test_an_empty_deck_left_by_a_filtered_package_becomes_the_filtered_deck(pushed, profile):
    name = f"{DECK} (monitoring)"
    col = open_col(profile)
    try:
        col.decks.id(name)  # what importing the filtered .apkg leaves: an empty normal deck
    finally:
        col.close()
    result = push(*pushed, "--topic", "monitoring")
    assert result.exit_code == 0, result.output
    col = open_col(profile)
    try:
        assert col.decks.by_name(name)["dyn"]
    finally:
        col.close()


def test_unknown_topic_fails_before_anything_changes(pushed, profile):
    before = snapshot(profile)
    result = push(*pushed, "--topic", "monitorin")
    assert result.exit_code == 1
    assert "unknown topic 'monitorin'; did you mean 'monitoring'?" in result.output
    assert snapshot(profile) == before


HOLD = """
import sys
from anki.collection import Collection
col = Collection(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
col.close()
"""


def test_push_while_anki_has_the_collection_open_exits_1_and_changes_nothing(pushed, cards_copy, profile):
    edit(cards_copy, OLD_ANSWER, NEW_ANSWER)
    before = snapshot(profile)
    backups = set((profile.parent / "backups").iterdir())
    anki = subprocess.Popen([sys.executable, "-c", HOLD, str(profile)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert anki.stdout.readline() == "open\n"
        result = push(*pushed, "--prune")
    finally:
        anki.communicate("", timeout=30)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {profile}: the collection is open in Anki (or syncing media): close Anki and push again, "
        "or push into the running Anki with --anki-connect\n"
    )
    assert snapshot(profile) == before
    assert set((profile.parent / "backups").iterdir()) == backups


def test_without_the_anki_package_push_says_how_to_install_it(cards_copy, profile, monkeypatch):
    monkeypatch.setitem(sys.modules, "anki", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "anki.collection", None)
    result = push(str(cards_copy))
    assert result.exit_code == 1
    assert result.output == ("Error: pushing to a collection needs Anki's Python package: "
                             "pip install 'qadeck[anki]'\n")


def test_build_of_a_filtered_apkg_warns_that_it_adds_no_cards_where_the_deck_is(cards_copy, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(cards_copy), "-o", str(tmp_path / "b"), "--topic",
                                      "monitoring"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "warning: a filtered .apkg holds the full deck's notes" in result.output
    assert "use 'qadeck push' with the same filters" in result.output


def test_every_filter_becomes_a_term_of_the_filtered_decks_search():
    from qadeck.anki import filtered_search
    from qadeck.filtering import Filters

    filters = Filters(topics=("monitoring", "drift"), exclude_topics=("security",), difficulties=("hard",),
                      sources=("mlops-general-*.txt",))
    assert filtered_search('My "best" deck_1', filters) == (
        'deck:"My \\"best\\" deck\\_1" (tag:topic::monitoring OR tag:topic::drift) -tag:topic::security '
        "tag:difficulty::hard tag:source::mlops-general*"
    )


def test_source_and_difficulty_filters_make_a_filtered_deck_of_those_cards(pushed, profile):
    result = push(*pushed, "--source", "mlops-general-*.txt", "--difficulty", "easy")
    assert result.exit_code == 0, result.output
    col = open_col(profile)
    try:
        wanted = set(col.find_cards("tag:source::mlops-general-concepts tag:difficulty::easy"))
        assert wanted
        filtered = col.decks.by_name(f"{DECK} (easy, mlops-general-*.txt)")
        assert set(col.db.list("select id from cards where did = ?", filtered["id"])) == wanted
    finally:
        col.close()
