"""Finding the collection to push into: Anki's data folder on each system, and its profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.anki import data_folder, find_collection, profiles
from qadeck.cli import cli
from qadeck.errors import UsageError

HOME = Path("/home/ada")


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("linux", {}, HOME / ".local/share/Anki2"),
    ("linux", {"XDG_DATA_HOME": "/data"}, Path("/data/Anki2")),
    ("darwin", {}, HOME / "Library/Application Support/Anki2"),
    ("win32", {"APPDATA": r"C:\Users\ada\AppData\Roaming"}, Path(r"C:\Users\ada\AppData\Roaming") / "Anki2"),
    ("win32", {"ANKI_BASE": "/portable/anki"}, Path("/portable/anki")),
    ("darwin", {"ANKI_BASE": "/portable/anki"}, Path("/portable/anki")),
])
def test_data_folder_follows_anki_on_each_system(platform, env, expected):
    assert data_folder(env, platform, HOME) == expected


def make_profiles(base: Path, *names: str) -> None:
    for name in names:
        (base / name).mkdir(parents=True)
        (base / name / "collection.anki2").write_bytes(b"")
    (base / "addons21").mkdir(parents=True, exist_ok=True)  # Anki's own folders are no profiles


def test_the_only_profile_is_chosen(tmp_path):
    make_profiles(tmp_path, "User 1")
    assert profiles(tmp_path) == ["User 1"]
    assert find_collection(base=tmp_path) == tmp_path / "User 1" / "collection.anki2"


def test_several_profiles_need_a_name_and_the_error_lists_them(tmp_path):
    make_profiles(tmp_path, "Work", "Home")
    with pytest.raises(UsageError, match=r"2 Anki profiles in .*: choose one with --profile NAME; "
                                         r"profiles: Home, Work$"):
        find_collection(base=tmp_path)
    assert find_collection(profile="Work", base=tmp_path) == tmp_path / "Work" / "collection.anki2"
    with pytest.raises(UsageError, match=r"no Anki profile 'Play' in .*; profiles: Home, Work$"):
        find_collection(profile="Play", base=tmp_path)


def test_collection_path_is_taken_as_given(tmp_path):
    make_profiles(tmp_path, "User 1")
    path = tmp_path / "User 1" / "collection.anki2"
    assert find_collection(collection=path) == path
    assert find_collection(collection=path.parent) == path
    with pytest.raises(UsageError, match="no Anki collection at"):
        find_collection(collection=tmp_path / "nowhere.anki2")


def test_cli_lists_the_profiles_when_it_cannot_choose(tmp_path, monkeypatch, cards_copy):
    make_profiles(tmp_path / "Anki2", "Work", "Home")
    monkeypatch.setenv("ANKI_BASE", str(tmp_path / "Anki2"))
    result = CliRunner().invoke(cli, ["push", str(cards_copy)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == (f"Error: 2 Anki profiles in {tmp_path / 'Anki2'}: choose one with --profile NAME; "
                             "profiles: Home, Work\n")


def test_cli_refuses_two_ways_at_once(tmp_path, cards_copy):
    result = CliRunner().invoke(cli, ["push", str(cards_copy), "--anki-connect", "--profile", "Work"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert "--anki-connect pushes into the profile open in Anki" in result.output
