"""qadeck.yaml: the bundled config loads; every mistake names file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import config
from qadeck.errors import ConfigError

from .conftest import CARDS

TAXONOMY = (
    "fundamentals packaging reproducibility deployment serving scaling monitoring drift ci-cd "
    "orchestration data-engineering feature-store versioning experiment-tracking security "
    "governance testing tooling infrastructure"
).split()


def test_bundled_config_has_the_mlops_taxonomy():
    cfg = config.load(CARDS / "qadeck.yaml")
    assert cfg.deck == "MLOps Interview Questions"
    assert cfg.topic_slugs == TAXONOMY
    assert all(rule.keywords for rule in cfg.topics)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "qadeck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("deck: X\ncolour: blue\n", 2, "unknown key; expected one of: deck, deck_id"),
        ("deck: X\ntopics:\n  a:\n    keywords: {x: 1}\n    weight: 2\n", 5, "key 'topics.a.weight'"),
        ("deck: X\nfoo: bar: baz\n", 2, "YAML syntax error"),
        ("deck: 12\n", 1, "'deck' must be the deck's name"),
        ("deck: X\ndeck_id: abc\n", 2, "'deck_id' must be a positive integer"),
        ("deck: X\ntopics:\n  a:\n    keywords: {x: lots}\n", 4, "weight must be a number"),
        ("deck: X\ntopics:\n  a: {keywords: [x]}\noverrides:\n  'Q?': {topics: [b]}\n", 5,
         "unknown topic 'b'"),
        ("deck: X\noverrides:\n  'Q?': {difficulty: extreme}\n", 3, "difficulty must be one of"),
        ("deck: X\nlayout: headers\n", 2, "unknown layout 'headers'; known: "),
        ("deck: X\ntopics:\n  monitoring: {keywords: [x]}\n  data drift: {keywords: [y]}\n", 4,
         "topic 'data drift' is not a slug: write it as 'data-drift' (key 'topics.data drift')"),
        ("deck: X\ntopics:\n  Drift: {keywords: [y]}\n", 3, "write it as 'drift'"),
        ("deck: X\ndefault_topic: General Stuff\n", 2, "write it as 'general-stuff' (key 'default_topic')"),
    ],
)
def test_config_errors_name_file_line_and_key(tmp_path, text, line, fragment):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message


def test_missing_taxonomy_is_allowed_and_deck_id_is_stable(tmp_path):
    cfg = config.load(write(tmp_path, "deck: Kubernetes\n"))
    assert cfg.topics == ()
    assert cfg.deck_id == config.stable_id("Kubernetes") == config.load(tmp_path / "qadeck.yaml").deck_id
