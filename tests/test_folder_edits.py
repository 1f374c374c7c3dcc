"""Folder edits people make between two builds: every card keeps its guid, and the summary is true.

Each case builds a small deck folder (``fixtures/folder-edits``, copied), edits the
folder the way a user reorganising notes would, and builds again through the
command line, with the lock file and without it (a clone where it was not
committed). Guids before and after come from the lock file each build writes;
the summary's counts are checked line for line, and the lock must hold the
cards of the folder and nothing else.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from qadeck import pipeline
from qadeck.identity import lockfile
from qadeck.cli import main

from .conftest import CARDS, import_apkg, notes_by_guid

DECK = Path(__file__).parent / "fixtures" / "folder-edits"
CARDS_PER_FILE = 4


def _blocks(path: Path) -> list[str]:
    """The Q:/A: blocks of a fixture file, in order."""
    return [block.strip("\n") + "\n" for block in path.read_text(encoding="utf-8").split("\n\n")]


def _write(path: Path, blocks: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(blocks), encoding="utf-8")


def rename_file(folder: Path) -> None:
    (folder / "containers.txt").rename(folder / "docker-images.txt")


def rename_file_and_fix_a_question(folder: Path) -> None:
    text = (folder / "containers.txt").read_text(encoding="utf-8")
    (folder / "docker-images.txt").write_text(text.replace("Why keep images small?", "Why keep an image small?"),
                                              encoding="utf-8")
    (folder / "containers.txt").unlink()


def move_into_subfolder(folder: Path) -> None:
    (folder / "docker").mkdir()
    (folder / "containers.txt").rename(folder / "docker" / "containers.txt")


def put_in_a_folder(folder: Path) -> None:
    move_into_subfolder(folder)


def rename_folder(folder: Path) -> None:
    (folder / "docker").rename(folder / "images")


def split_file(folder: Path) -> None:
    blocks = _blocks(folder / "containers.txt")
    _write(folder / "containers.txt", blocks[:2])
    _write(folder / "image-size.txt", blocks[2:])


def merge_files(folder: Path) -> None:
    merged = _blocks(folder / "containers.txt") + _blocks(folder / "pipelines.txt")
    _write(folder / "containers.txt", merged)
    (folder / "pipelines.txt").unlink()


def merge_into_a_new_file(folder: Path) -> None:
    merged = _blocks(folder / "containers.txt") + _blocks(folder / "pipelines.txt")
    _write(folder / "all.txt", merged)
    (folder / "containers.txt").unlink()
    (folder / "pipelines.txt").unlink()


def move_one_question(folder: Path) -> None:
    containers, pipelines = _blocks(folder / "containers.txt"), _blocks(folder / "pipelines.txt")
    _write(folder / "pipelines.txt", [*pipelines, containers.pop()])
    _write(folder / "containers.txt", containers)


def reorder_questions(folder: Path) -> None:
    _write(folder / "containers.txt", _blocks(folder / "containers.txt")[::-1])


def delete_file(folder: Path) -> None:
    (folder / "pipelines.txt").unlink()


@dataclass(frozen=True)
class Edit:
    edit: Callable[[Path], None]
    #: The summary's counts after the edit, with the lock: added, updated, unchanged, removed.
    counts: tuple[int, int, int, int]
    renamed: tuple[str, ...] = ()
    #: Questions edited: new -> old (without the lock, such a card is new).
    reworded: tuple[tuple[str, str], ...] = ()
    #: Run before the first build.
    setup: Callable[[Path], None] | None = None


EDITS = {
    # A card's note shows its file's name (the Source field and tag): a card that changes files
    # is updated in place, with its guid.
    "rename a file": Edit(rename_file, (0, 4, 4, 0), ("containers.txt → docker-images.txt",)),
    "rename a file, fix a question": Edit(rename_file_and_fix_a_question, (0, 4, 4, 0),
                                          ("containers.txt → docker-images.txt",),
                                          (("Why keep an image small?", "Why keep images small?"),)),
    "move a file into a subfolder": Edit(move_into_subfolder, (0, 0, 8, 0)),
    "rename a folder": Edit(rename_folder, (0, 0, 8, 0), setup=put_in_a_folder),
    "split a file in two": Edit(split_file, (0, 2, 6, 0)),
    "merge two files": Edit(merge_files, (0, 4, 4, 0)),
    "merge two files into a new one": Edit(merge_into_a_new_file, (0, 8, 0, 0), ("containers.txt → all.txt",)),
    "move one question to another file": Edit(move_one_question, (0, 1, 7, 0)),
    "reorder questions": Edit(reorder_questions, (0, 0, 8, 0)),
    "delete a file": Edit(delete_file, (0, 0, 4, 4)),
}


def build(folder: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, str], str]:
    """Build through the CLI; return each question's guid (from the lock file) and the summary."""
    assert main(["build", str(folder), "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    lock = lockfile.read(folder / lockfile.LOCK_NAME)
    cards = pipeline.load([folder]).deck.cards
    # The lock holds the folder's cards, and nothing of a card that is gone.
    assert sorted((e.source, e.question) for e in lock.entries) == sorted((c.source, c.question) for c in cards)
    return {e.question: e.guid for e in lock.entries}, summary


def counts_line(added: int, updated: int, unchanged: int, removed: int) -> str:
    return f"Since last build: {added} added, {updated} updated, {unchanged} unchanged, {removed} removed\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "deck"
    shutil.copytree(DECK, folder)
    return folder


@pytest.mark.parametrize("with_lock", [True, False], ids=["with lock", "lock missing"])
@pytest.mark.parametrize("name", list(EDITS))
def test_a_folder_edit_keeps_every_guid(name: str, with_lock: bool, folder: Path, tmp_path: Path, capsys):
    case = EDITS[name]
    if case.setup:
        case.setup(folder)
    before, summary = build(folder, tmp_path / "build", capsys)
    assert counts_line(8, 0, 0, 0) in summary
    if not with_lock:
        (folder / lockfile.LOCK_NAME).unlink()
    case.edit(folder)
    after, summary = build(folder, tmp_path / "build", capsys)

    reworded = dict(case.reworded)
    if with_lock:  # every card still there has the guid it had, through a question edit too
        assert {q: before[reworded.get(q, q)] for q in after} == after
    else:  # every card whose question is as it was has the guid it had
        assert {q: before[q] for q in after if q not in reworded} == {
            q: g for q, g in after.items() if q not in reworded}
        assert not {after[q] for q in reworded} & set(before.values())
    gone = set(before) - {reworded.get(q, q) for q in after}
    removed = case.counts[3]
    if with_lock:
        assert counts_line(*case.counts) in summary
        assert [line[len("  renamed: "):] for line in summary.splitlines()
                if line.startswith("  renamed: ")] == list(case.renamed)
        assert len(gone) == removed
        for question in gone:  # each removed card is listed with a Browser search that finds it
            assert question in summary
    else:  # a first build: every card is new, nothing is known to be removed or renamed
        assert counts_line(len(after), 0, 0, 0) in summary
        assert "renamed:" not in summary


def test_a_build_of_some_files_keeps_the_others_in_the_lock(folder: Path, tmp_path: Path, capsys):
    before, _ = build(folder, tmp_path / "build", capsys)
    assert main(["build", str(folder / "containers.txt"), "-o", str(tmp_path / "part")]) == 0
    assert counts_line(0, 0, 4, 0) in capsys.readouterr().out
    lock = lockfile.read(folder / lockfile.LOCK_NAME)
    assert {e.question: e.guid for e in lock.entries} == before
    assert main(["build", str(folder), "--source", "pipe*", "-o", str(tmp_path / "filtered")]) == 0
    assert counts_line(0, 0, 4, 0) in capsys.readouterr().out
    assert {e.question: e.guid for e in lockfile.read(folder / lockfile.LOCK_NAME).entries} == before


def test_renaming_a_seed_file_keeps_its_30_cards(cards_copy: Path, tmp_path: Path, capsys):
    """The report of issue 25, on the bundled deck with its own lock file."""
    shutil.copy(CARDS / lockfile.LOCK_NAME, cards_copy / lockfile.LOCK_NAME)
    old = {e.guid for e in lockfile.read(cards_copy / lockfile.LOCK_NAME).entries}
    assert main(["build", str(cards_copy), "-o", str(tmp_path / "build")]) == 0  # the lock as this code has it
    capsys.readouterr()
    (cards_copy / "mlops-general-concepts.txt").rename(cards_copy / "renamed-mlops-general-concepts.txt")
    assert main(["build", str(cards_copy), "-o", str(tmp_path / "build")]) == 0
    summary = capsys.readouterr().out
    assert counts_line(0, 30, 177, 0) in summary
    assert "  renamed: mlops-general-concepts.txt → renamed-mlops-general-concepts.txt\n" in summary
    entries = lockfile.read(cards_copy / lockfile.LOCK_NAME).entries
    assert len(entries) == 207 and {e.guid for e in entries} == old


@pytest.mark.slow
def test_importing_after_a_rename_adds_no_notes_and_keeps_reviews(folder: Path, tmp_path: Path, collection,
                                                                   capsys):
    col = collection
    build(folder, tmp_path / "build", capsys)
    apkg = tmp_path / "build" / "folder-edits.apkg"
    assert len(import_apkg(col, apkg).log.new) == 8
    col.decks.select(col.decks.id_for_name("Folder Edits"))
    studied = set()
    for _ in range(3):  # review cards until one of the file to be renamed is among them
        card = col.sched.getCard()
        col.sched.answerCard(card, 3)
        studied.add(card.id)
    renamed = {cid for cid in studied if "containers.txt" in col.get_card(cid).note()["Source"]}
    assert renamed, "no card of containers.txt was reviewed"
    schedule = {cid: (col.get_card(cid).ivl, col.get_card(cid).due, col.get_card(cid).reps) for cid in studied}

    rename_file(folder)
    build(folder, tmp_path / "build", capsys)
    log = import_apkg(col, apkg).log
    assert not log.new and len(log.updated) == 4  # the 4 renamed cards: their Source changed
    notes = notes_by_guid(col)
    assert len(notes) == 8
    assert {cid: (col.get_card(cid).ivl, col.get_card(cid).due, col.get_card(cid).reps) for cid in studied} \
        == schedule
    for cid in renamed:
        assert col.get_card(cid).note()["Source"] == "docker-images.txt"
    assert col.db.scalar("select count() from revlog") == 3


@pytest.mark.slow
def test_the_search_printed_for_a_removed_card_finds_its_note_in_anki(folder: Path, tmp_path: Path, collection,
                                                                    capsys):
    build(folder, tmp_path / "build", capsys)
    import_apkg(collection, tmp_path / "build" / "folder-edits.apkg")
    delete_file(folder)
    _, summary = build(folder, tmp_path / "build", capsys)
    searches = [line.split(": ", 1)[1] for line in summary.splitlines() if line.startswith("    pipelines.txt: ")]
    assert len(searches) == CARDS_PER_FILE
    found = [collection.find_notes(search) for search in searches]
    assert all(len(nids) == 1 for nids in found)
    assert {collection.get_note(nids[0])["Source"] for nids in found} == {"pipelines.txt"}
    assert len({nids[0] for nids in found}) == CARDS_PER_FILE
