"""``qadeck push --anki-connect``: into a running Anki, through the AnkiConnect add-on's protocol.

The Anki here is :class:`tests.ankiconnect.AnkiConnectServer`: version 6 of the protocol on
127.0.0.1, each action carried out on a real collection with the ``anki`` package. While it
serves, it holds the collection open, as Anki does.
"""

from __future__ import annotations

import html
import socket

import pytest
from click.testing import CliRunner

from qadeck.cli import cli

from .ankiconnect import AnkiConnectServer
from .test_push import DECK, DELETED, NEW_ANSWER, OLD_ANSWER, STUDIED_QUESTION, edit


@pytest.fixture
def anki(collection):
    with AnkiConnectServer(collection) as server:
        yield server


def push(*args: str):
    return CliRunner().invoke(cli, ["push", *args], catch_exceptions=False)


def test_push_edit_and_prune_through_ankiconnect(anki, collection, cards_copy, tmp_path):
    args = (str(cards_copy), "-o", str(tmp_path / "build"), "--anki-connect", anki.url)
    first = push(*args)
    assert first.exit_code == 0, first.output
    assert f"207 cards pushed to Anki at {anki.url}" in first.output
    assert "Notes added 207, updated 0, unchanged 0" in first.output
    assert len(collection.find_notes(f'deck:"{DECK}"')) == 207
    assert "importPackage" in anki.calls

    (nid,) = collection.find_notes(f'"Question:{STUDIED_QUESTION}"')
    edit(cards_copy, OLD_ANSWER, NEW_ANSWER)
    edit(cards_copy, DELETED, "")
    kept = push(*args)
    assert kept.exit_code == 0, kept.output
    assert "Notes added 0, updated 1, unchanged 205" in kept.output
    assert "In Anki but no longer in the sources: 1 notes" in kept.output
    assert "pinned by digest" in collection.get_note(nid)["Answer"]
    assert len(collection.find_notes("")) == 207

    questions = {nid: collection.get_note(nid)["Question"] for nid in collection.find_notes("")}
    pruned = push(*args, "--prune")
    assert pruned.exit_code == 0, pruned.output
    assert "Notes deleted (no longer in the sources): 1" in pruned.output
    assert '  - What is a "Python wheel"?' in pruned.output
    (gone,) = set(questions) - set(collection.find_notes(""))
    assert html.unescape(questions[gone]) == 'What is a "Python wheel"?'
    assert "deleteNotes" in anki.calls and "findNotes" in anki.calls


def test_the_first_write_of_a_session_is_backed_up(anki, collection, cards_copy, tmp_path):
    args = (str(cards_copy), "-o", str(tmp_path / "build"), "--anki-connect", anki.url)
    assert push(*args).exit_code == 0  # nothing to back up yet: the deck is new
    assert not (tmp_path / "build" / "anki-backups").exists()
    second = push(*args)
    (backup,) = (tmp_path / "build" / "anki-backups").glob("*.apkg")
    assert f"Backup: {backup}" in second.output


def test_filters_say_how_to_make_the_filtered_deck_in_anki(anki, cards_copy, tmp_path):
    result = push(str(cards_copy), "-o", str(tmp_path / "build"), "--anki-connect", anki.url,
                  "--topic", "monitoring")
    assert result.exit_code == 0, result.output
    assert ("Filtered deck: AnkiConnect cannot make one; in Anki, Tools > Create Filtered Deck, name "
            f"'{DECK} (monitoring)', search: deck:\"{DECK}\" tag:topic::monitoring") in result.output


def test_dry_run_through_ankiconnect_changes_nothing(anki, collection, cards_copy, tmp_path):
    result = push(str(cards_copy), "-o", str(tmp_path / "build"), "--anki-connect", anki.url, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Notes would be added 207" in result.output
    assert not collection.find_notes("")
    assert "importPackage" not in anki.calls


def test_no_anki_listening_is_a_one_line_error(cards_copy, tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = push(str(cards_copy), "-o", str(tmp_path / "build"), "--anki-connect", f"http://127.0.0.1:{port}")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach AnkiConnect at http://127.0.0.1:{port} (")
    assert result.output.endswith("): start Anki with the AnkiConnect add-on\n")
    assert result.output.count("\n") == 1


def test_a_source_folder_is_no_url(cards_copy):
    result = push("--anki-connect", str(cards_copy))
    assert result.exit_code == 1
    assert "--anki-connect takes an http:// URL" in result.output
