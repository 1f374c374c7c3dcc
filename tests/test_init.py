"""First run on one's own notes: ``qadeck init``, deck names without a config, a clean build folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import config
from qadeck.cli import cli
from qadeck.naming import document_title

from .conftest import REPO

NOTES = "# Kubernetes Storage\n\nQ: What is a PersistentVolume?\nA: Storage in the cluster.\n\n" \
        "Q: What is a StorageClass?\nA: A kind of storage volumes are made from.\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def notes_folder(tmp_path: Path, name: str = "my_notes", text: str = NOTES) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "storage.md").write_text(text, encoding="utf-8")
    return folder


def test_init_in_an_empty_folder_names_the_deck_after_the_folder(tmp_path):
    folder = tmp_path / "study-notes"
    folder.mkdir()
    result = run("init", str(folder))
    assert result.exit_code == 0, result.output
    loaded = config.load(folder / "qadeck.yaml")
    assert loaded.deck == "Study Notes"
    assert loaded.topics == () and loaded.default_topic == "misc"
    assert "qadeck build" in result.output and "from the folder name" in result.output


def test_init_with_one_titled_source_takes_its_title(tmp_path):
    folder = notes_folder(tmp_path)
    assert run("init", str(folder)).exit_code == 0
    assert config.load(folder / "qadeck.yaml").deck == "Kubernetes Storage"


def test_deck_ids_are_random_not_derived_from_the_name(tmp_path):
    ids = set()
    for n in range(3):
        folder = tmp_path / str(n) / "notes"
        folder.mkdir(parents=True)
        assert run("init", str(folder)).exit_code == 0
        ids.add(config.load(folder / "qadeck.yaml").deck_id)
    assert len(ids) == 3
    assert config.stable_id("Notes") not in ids
    assert all(1 < i < 2**31 for i in ids)


def test_init_refuses_to_overwrite_and_force_keeps_the_deck_id(tmp_path):
    folder = notes_folder(tmp_path)
    run("init", str(folder))
    path = folder / "qadeck.yaml"
    first = config.load(path).deck_id
    path.write_text(path.read_text(encoding="utf-8").replace("Kubernetes Storage", "Mine"),
                    encoding="utf-8")
    refused = run("init", str(folder))
    assert refused.exit_code == 1
    assert refused.output.strip() == (f"Error: {path}: already exists; edit it, or run 'qadeck init "
                                      "--force' to start it again (its deck_id is kept)")
    assert config.load(path).deck == "Mine"
    forced = run("init", "--force", str(folder))
    assert forced.exit_code == 0 and "(kept)" in forced.output
    assert config.load(path).deck_id == first
    assert config.load(path).deck == "Kubernetes Storage"


def test_every_commented_example_is_valid_config_once_uncommented(tmp_path):
    folder = notes_folder(tmp_path)
    run("init", str(folder))
    path = folder / "qadeck.yaml"
    text = path.read_text(encoding="utf-8")
    examples = re.sub(r"^# (?=[a-z_]+:|  )", "", text, flags=re.MULTILINE)
    assert examples != text
    path.write_text(examples, encoding="utf-8")
    loaded = config.load(path)
    assert [t.slug for t in loaded.topics] == ["networking", "storage"]
    assert loaded.overrides[0].difficulty == "easy"
    assert loaded.layout == "headings"


def test_a_build_without_config_names_the_deck_from_the_lone_sources_title(tmp_path):
    folder = notes_folder(tmp_path, name="in")
    result = run("build", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Kubernetes Storage: 2 cards from 1 sources\n"
                                    "Deck named from the title of storage.md; run 'qadeck init'")
    assert (tmp_path / "out" / "kubernetes-storage.apkg").is_file()


def test_several_sources_take_the_folder_name(tmp_path):
    folder = notes_folder(tmp_path, name="in")
    (folder / "more.md").write_text("# Other\n\nQ: What is a Pod?\nA: Containers together.\n",
                                    encoding="utf-8")
    result = run("build", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Deck named from the folder name" in result.output
    assert (tmp_path / "out" / "in.apkg").is_file()


def test_a_config_names_the_deck_and_the_summary_says_nothing_about_naming(tmp_path):
    folder = notes_folder(tmp_path)
    run("init", str(folder))
    result = run("build", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Deck named from" not in result.output


def test_layout_in_the_config_forces_it(tmp_path):
    # Answers prose can infer questions for: forced, it makes cards of them (no invented questions).
    text = ("## Why is the sky blue?\n\nRayleigh scattering is the scattering of light by tiny particles.\n\n"
            "## Why is grass green?\n\nChlorophyll is a pigment that reflects green light.\n")
    folder = notes_folder(tmp_path, text=text)
    detected = run("list", "--json", str(folder))
    (folder / "qadeck.yaml").write_text("deck: Sky\nlayout: prose\n", encoding="utf-8")
    forced = run("list", "--json", str(folder))
    assert "layout headings" in detected.stderr
    assert "layout prose" in forced.stderr


@pytest.mark.parametrize("text, title", [
    ("# Big Deck\n\nQ: x?\nA: y\n", "Big Deck"),
    ("\ufeff<!-- note -->\n# **Go** Interview #\n", "Go Interview"),
    ("Networking FAQ\n==============\n\nQ: x?\n", "Networking FAQ"),
    ("= Git Notes\n:toc:\n\n== Q?\n", "Git Notes"),
    ("#+TITLE: Emacs Tricks\n* Q?\n", "Emacs Tricks"),
    ("---\ntags: [a]\ntitle: Front Matter Title\n---\n# Other\n", "Front Matter Title"),
    ("Q: What is a title?\nA: Not this.\n", ""),
    ("## A section, not a title?\n", ""),
])
def test_document_title_reads_the_common_title_forms(text, title):
    assert document_title(text) == title


@pytest.mark.slow
def test_installing_the_package_leaves_the_decks_folder_alone(tmp_path):
    """The Quickstart's ``pip install .`` builds in the clone; ``build/`` is for decks only."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout of qadeck")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    for tracked in ("pyproject.toml", "README.md"):  # the working tree's packaging, not HEAD's
        shutil.copy(REPO / tracked, clone / tracked)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(tmp_path / "wheel"), str(clone)], check=True)
    assert sorted(p.name for p in (clone / "build").iterdir()) == [".gitkeep"]


def test_init_with_suggested_topics_writes_a_taxonomy_that_tags_the_cards(tmp_path):
    text = "".join(
        f"## {section}\n\n" + "".join(f"Q: {q}?\nA: {a}.\n\n" for q, a in pairs)
        for section, pairs in {
            "Networking": [("What is a bridge network", "A private network on one host"),
                           ("What is an overlay network", "A network across hosts"),
                           ("How does a container publish a port on the network", "With -p")],
            "Storage": [("What is a volume", "Storage a container mounts"),
                        ("What is a bind mount volume", "A host folder mounted"),
                        ("How do you back up a volume", "Copy it from a helper container")],
        }.items())
    folder = notes_folder(tmp_path, text=text)
    result = run("init", "--suggest-topics", str(folder))
    assert result.exit_code == 0, result.output
    loaded = config.load(folder / "qadeck.yaml")
    assert len(loaded.topics) >= 2
    built = run("build", str(folder), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    slugs = {t.slug for t in loaded.topics}
    assert set(re.findall(r"(\S+) \d+", built.output.split("Topics: ")[1].splitlines()[0])) <= slugs | {"misc"}
