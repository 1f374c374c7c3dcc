"""FAQ data files (YAML or JSON) as Markdown: each question and answer a ``<details>`` block.

Static sites keep their FAQ pages as data (``_data/faq.yml``, ``faq.json``): a
list of entries, each a mapping with a question and an answer under names of
the site's choosing (``question``/``answer``, ``q``/``a``, ``title``/``content``,
``title``/``text``, ``front``/``back``, ``term``/``definition`` …), often
grouped under titled lists. Every list of such mappings, however deep, gives
its entries; the title of the mapping holding a list is their section. The
blocks are what the ``details`` layout reads: the summary is the question
whatever it says. A file that is not YAML or JSON, or holds no such entries,
is left as it is. Line numbers are the Markdown's.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator

import yaml

#: Names of a question, and of an answer, in order of preference ("title" asks only beside an answer).
QUESTION_KEYS = ("question", "q", "front", "term", "prompt", "title", "name", "summary")
ANSWER_KEYS = ("answer", "a", "back", "definition", "response", "reply", "solution", "content", "text",
               "body", "description", "desc", "explanation")
_SECTION_KEYS = ("title", "name", "category", "section", "heading")


def to_markdown(text: str) -> str:
    try:
        return _translate(text)
    except RecursionError:
        return text  # nested deeper than anyone writes a FAQ: read as the text it is


def _translate(text: str) -> str:
    data = _load(text)
    if data is None:
        return text
    blocks = []
    current = ""
    for question, answer, section in _entries(data, ""):
        if section and section != current:
            blocks.append(f"## {section}")
            current = section
        blocks.append(_block(question, answer))
    return "\n\n".join(blocks) + "\n" if blocks else text


def _load(text: str) -> object | None:
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def _entries(data: object, section: str) -> Iterator[tuple[str, str, str]]:
    """(question, answer, section) of every entry under ``data``, in order."""
    if isinstance(data, list):
        for item in data:
            yield from _entries(item, section)
    elif isinstance(data, dict):
        groups = any(isinstance(value, list) and any(isinstance(v, dict) for v in value) for value in data.values())
        pair = None if groups else _pair(data)  # a mapping over a list of entries is their group, no entry
        if pair is not None:
            yield (*pair, section)
            return
        title = next((str(data[key]) for key in _SECTION_KEYS if isinstance(data.get(key), str)), section)
        for value in data.values():
            if isinstance(value, (list, dict)):
                yield from _entries(value, title)


def _pair(entry: dict[object, object]) -> tuple[str, str] | None:
    keys = {str(key).lower(): value for key, value in entry.items()}
    answer_key = next((key for key in ANSWER_KEYS if isinstance(keys.get(key), (str, int, float))), None)
    if answer_key is None:
        return None
    question_key = next(
        (key for key in QUESTION_KEYS if key != answer_key and isinstance(keys.get(key), (str, int, float))), None
    )
    if question_key is None:
        return None
    question, answer = str(keys[question_key]).strip(), str(keys[answer_key]).strip()
    return (question, answer) if question else None  # an empty answer is reported as unanswered


def _block(question: str, answer: str) -> str:
    summary = html.escape(" ".join(question.split()), quote=False)
    return f"<details>\n<summary>{summary}</summary>\n\n{answer}\n\n</details>"
