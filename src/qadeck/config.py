"""The deck configuration, ``qadeck.yaml`` beside the sources.

Contract: :func:`load` reads the file with ``yaml.safe_load`` into a
:class:`DeckConfig`; anything it does not understand (syntax error, unknown
key, wrong type, an override naming an unknown topic) is a
:class:`~qadeck.errors.ConfigError` naming the file, the line and the key.
A missing file is not an error: the deck is named after its folder and topics
come from the section headings.

Shape of the file::

    deck: MLOps Interview Questions     # deck name (required when the file exists)
    deck_id: 1813722840                 # optional; derived from the name when absent
    default_topic: fundamentals         # optional; for cards no rule matches
    layout: headings                    # optional; force a layout for every file (else detected)
    separator: "*"                      # optional; one card a line split by this (layout 'separated')
    topics:                             # optional taxonomy: slug -> rules
      monitoring:
        keywords: {monitor: 2, prometheus: 3, observability: 2}
    overrides:                          # optional, per card, keyed by question text
      "What is MLOps, and why is it important?": {difficulty: easy, topics: [fundamentals]}
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

CONFIG_NAME = "qadeck.yaml"
LEVELS = ("easy", "medium", "hard")


@dataclass(frozen=True, slots=True)
class TopicRule:
    """Words and phrases that point to a topic, each with a weight."""

    slug: str
    keywords: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Override:
    """A per-card correction of tagging, keyed by the card's question."""

    question: str
    topics: tuple[str, ...] = ()
    difficulty: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class DeckConfig:
    deck: str
    deck_id: int
    topics: tuple[TopicRule, ...] = ()
    default_topic: str = ""
    overrides: tuple[Override, ...] = ()
    #: The file it came from (None when built from defaults).
    path: Path | None = None
    #: The layout every file here is parsed with ("" to detect each file's); ``separated=<text>``
    #: when ``separator:`` names the text that splits each line.
    layout: str = ""
    #: Where the deck's name came from when no file gave it ("the folder name", ...).
    name_origin: str = ""
    #: Config keys mapped to their line in the file, for later error messages.
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def topic_slugs(self) -> list[str]:
        return [t.slug for t in self.topics]

    def override_for(self, question: str) -> Override | None:
        for override in self.overrides:
            if override.question == question:
                return override
        return None


def slugify(text: str) -> str:
    """``text`` as a topic slug: lowercase letters and digits, any run of other characters one hyphen
    (``Data drift`` -> ``data-drift``); "" when nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def stable_id(text: str) -> int:
    """A deterministic Anki-sized id (fits in 31 bits, never 0 or 1) from text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return (int.from_bytes(digest[:4], "big") & 0x7FFFFFFF) | (1 << 30)


def find(source_paths: list[Path] | tuple[Path, ...]) -> Path | None:
    """The config beside the first source folder (or file) given, if there is one."""
    for path in source_paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def default(name: str, name_origin: str = "") -> DeckConfig:
    """The config of a folder without ``qadeck.yaml``; its deck id follows the name."""
    return DeckConfig(deck=name, deck_id=stable_id(name), name_origin=name_origin)


def load(path: Path) -> DeckConfig:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path) from exc
    try:
        root, data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"YAML syntax error: {problem}", path, line) from exc
    return _Reader(path, _key_lines(root)).deck_config(data)


#: libyaml's loader where PyYAML was built with it: a tenth of the pure-Python one's time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (for the lines of its keys) and its data, from one parse."""
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """Map dotted key paths (``topics.monitoring.keywords``) to 1-based lines."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            lines[key] = key_node.start_mark.line + 1
            lines.update(_key_lines(value_node, key + "."))
    return lines


@dataclass
class _Reader:
    """Validates the parsed YAML, turning each problem into a located error."""

    path: Path
    lines: dict[str, int]

    def error(self, key: str, message: str) -> ConfigError:
        line = self.lines.get(key) or self.lines.get(key.rsplit(".", 1)[0])
        return ConfigError(f"{message} (key '{key}')", self.path, line)

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(key, f"expected a mapping, got {type(value).__name__}")
        for k in value:
            if not isinstance(k, str):
                raise self.error(key, f"keys must be text, got {k!r}")
        return value

    def only(self, value: dict[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for k in value:
            if k not in allowed:
                raise self.error(
                    f"{prefix}{k}", f"unknown key; expected one of: {', '.join(allowed)}"
                )

    def deck_config(self, data: Any) -> DeckConfig:
        if data is None:
            raise ConfigError("config is empty; it needs at least 'deck: <name>'", self.path, 1)
        data = self.mapping(data, "(top level)")
        self.only(data, ("deck", "deck_id", "default_topic", "topics", "overrides", "layout", "separator"), "")
        deck = data.get("deck")
        if "deck" not in data:
            raise ConfigError("'deck' is missing: name the deck ('deck: <name>')", self.path, 1)
        if not isinstance(deck, str) or not deck.strip():
            raise self.error("deck", "'deck' must be the deck's name as text")
        deck_id = data.get("deck_id", stable_id(deck))
        # Anki keeps ids as 64-bit integers: a bigger one cannot be written to the package.
        if not isinstance(deck_id, int) or isinstance(deck_id, bool) or not 1 < deck_id < 2**63:
            raise self.error("deck_id", "'deck_id' must be a positive integer below 2^63")
        topics = self.topics(data.get("topics"))
        slugs = [t.slug for t in topics]
        default_topic = data.get("default_topic", slugs[0] if slugs else "")
        if not isinstance(default_topic, str):
            raise self.error("default_topic", "'default_topic' must be a topic slug")
        if default_topic:
            self.slug(default_topic, "default_topic")
        layout = data.get("layout") or ""
        if layout:
            from .parsers import names  # here: parsers are loaded only by configs that name one

            if layout not in names():
                raise self.error("layout", f"unknown layout {layout!r}; known: {', '.join(names())}")
        separator = data.get("separator", "")
        if separator != "":
            if not isinstance(separator, str) or not separator.strip() or "\n" in separator:
                raise self.error("separator", "'separator' must be the text between question and answer "
                                 "on each line, e.g. '*' or ';;'")
            if layout not in ("", "separated"):
                raise self.error("separator", f"'separator' goes with layout 'separated', not {layout!r}")
            layout = f"separated={separator}"
        overrides = self.overrides(data.get("overrides"), slugs)
        return DeckConfig(
            deck=deck.strip(),
            deck_id=deck_id,
            topics=topics,
            default_topic=default_topic,
            overrides=overrides,
            layout=layout,
            path=self.path,
            lines=self.lines,
        )

    def topics(self, value: Any) -> tuple[TopicRule, ...]:
        rules = []
        for slug, body in self.mapping(value, "topics").items():
            key = f"topics.{slug}"
            self.slug(slug, key)
            body = self.mapping(body, key)
            self.only(body, ("keywords",), key + ".")
            rules.append(TopicRule(slug, self.keywords(body.get("keywords"), key + ".keywords")))
        return tuple(rules)

    def slug(self, slug: str, key: str) -> None:
        """A topic slug becomes a tag (``topic::data-drift``), a file name and a ``--topic`` value:
        one that is not already in slug form is an error here, not a surprise there."""
        if not isinstance(slug, str):
            raise self.error(key, f"a topic must be a slug as text, not {slug!r}")
        if not slug or slug != slugify(slug):
            fix = f"write it as {slugify(slug)!r}" if slugify(slug) else "use lowercase letters, digits and hyphens"
            raise self.error(key, f"topic {slug!r} is not a slug: {fix}")

    def keywords(self, value: Any, key: str) -> tuple[tuple[str, float], ...]:
        if isinstance(value, list):
            value = {str(v): 1 for v in value}
        out = []
        for phrase, weight in self.mapping(value, key).items():
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not math.isfinite(weight):
                raise self.error(f"{key}.{phrase}", "a keyword's weight must be a number")
            if not phrase.strip():
                raise self.error(key, "a keyword must be a word or phrase, not empty")
            out.append((phrase.lower(), float(weight)))
        return tuple(out)

    def overrides(self, value: Any, slugs: list[str]) -> tuple[Override, ...]:
        out = []
        for question, body in self.mapping(value, "overrides").items():
            key = f"overrides.{question}"
            body = self.mapping(body, key)
            self.only(body, ("topics", "difficulty"), key + ".")
            topics = body.get("topics", [])
            if isinstance(topics, str):
                topics = [topics]
            if not isinstance(topics, list):
                raise self.error(f"{key}.topics", "'topics' must be a list of topic slugs")
            for topic in topics:
                self.slug(topic, f"{key}.topics")
                if slugs and topic not in slugs:
                    raise self.error(
                        f"{key}.topics", f"unknown topic {topic!r}; known: {', '.join(slugs)}"
                    )
            difficulty = body.get("difficulty", "")
            if difficulty and difficulty not in LEVELS:
                raise self.error(
                    f"{key}.difficulty", f"difficulty must be one of {', '.join(LEVELS)}"
                )
            out.append(
                Override(question, tuple(topics), difficulty, self.lines.get(key, 0))
            )
        return tuple(out)
