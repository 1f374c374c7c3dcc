"""Golden fixtures, collected by a glob: ``fixtures/<folder>/<case>.<ext>`` and ``<case>.expected.json``.

The expected file holds::

    {"layout": "<name>",
     "cards": [{"question": ..., "answer": ..., "section": ..., "inferred": false}, ...],
     "unanswered": ["question text", ...],
     "no_question": ["message", ...]}

``section`` and ``inferred`` are compared only where a card lists them. Each
case is read as a user's file is (:func:`qadeck.sources.read`: encodings, BOM,
CRLF), detection must choose ``layout``, and parsing must give exactly these
cards, in order, these unanswered questions and these paragraphs reported for having
no question (optional keys: none expected when absent). A new case is two new files;
a new layout is a new folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qadeck import parsers, sources

FIXTURES = Path(__file__).parent / "fixtures"
SUFFIX = ".expected.json"
CASES = sorted(FIXTURES.glob(f"*/*{SUFFIX}"))


def source_of(expected: Path) -> Path:
    """The input beside ``expected``: same stem, one other extension."""
    stem = expected.name[: -len(SUFFIX)]
    found = [
        path
        for path in expected.parent.iterdir()
        if path.name.startswith(stem + ".") and "." not in path.name[len(stem) + 1 :]
    ]
    assert len(found) == 1, f"{expected}: expected one input file named {stem}.<ext>, found {found}"
    return found[0]


def _json(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _case_id(expected: Path) -> str:
    return f"{expected.parent.name}/{expected.name[: -len(SUFFIX)]}"


def test_fixtures_are_collected() -> None:
    assert {"prefixed", "numbered", "prose"} <= {case.parent.name for case in CASES}


@pytest.mark.parametrize("expected_path", CASES, ids=_case_id)
def test_fixture(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = sources.read(source_of(expected_path))

    layout, score = parsers.detect(source)
    assert layout is not None, f"no layout detected (best score {score})"
    assert layout.name == expected["layout"]

    parsed = parsers.parse(source)
    want = expected["cards"]
    assert [card.question for card in parsed.cards] == [card["question"] for card in want]
    # JSON has lists where cards have tuples (tags).
    got = [{key: _json(getattr(card, key)) for key in wanted} for card, wanted in zip(parsed.cards, want)]
    assert got == want
    assert [finding.message for finding in parsed.unanswered] == expected.get("unanswered", [])
    unasked = [finding.message for finding in parsed.findings if finding.kind == "no question"]
    assert unasked == expected.get("no_question", [])
