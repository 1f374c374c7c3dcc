"""Rendered HTML kept between builds, and rendering on several cores: same HTML, less work."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import pipeline, render
from qadeck.filtering import Filters
from qadeck.render import Renderer

TEXTS = [
    "Plain words, no syntax at all.",
    "Use **Docker** with `docker build`:\n\n- one\n- two",  # the fast path: never in the cache file
    "```python\nprint('hi')\n```",  # the fast path too
    "Math $x^2$ and a [link](https://example.org).",  # Python-Markdown
    "List<String> & <script>alert(1)</script>",  # Python-Markdown
]


def rendered(renderer: Renderer, texts: list[str], workers: int | None = None) -> list[str]:
    for _ in renderer.render_all(texts, workers):
        pass
    return [renderer.html(text) for text in texts]


def test_cached_html_equals_fresh_html_and_nothing_is_converted_again(tmp_path: Path):
    cache = tmp_path / "html.json"
    first = Renderer(cache)
    fresh = rendered(first, TEXTS)
    assert first.save()
    again = Renderer(cache)
    assert rendered(again, TEXTS) == fresh == [Renderer().html(text) for text in TEXTS]
    assert again.stats.converted == 0
    assert again.stats.reused == first.stats.converted == 2
    assert again.stats.fast == first.stats.fast == 2
    assert not again.save()  # nothing new: the file is left alone


def test_a_changed_answer_is_converted_and_unused_entries_are_dropped(tmp_path: Path):
    cache = tmp_path / "html.json"
    first = Renderer(cache)
    rendered(first, TEXTS)
    first.save()
    edited = [*TEXTS[:3], TEXTS[3].replace("link", "site"), *TEXTS[4:]]
    second = Renderer(cache)
    assert rendered(second, edited)[3] == Renderer().html(edited[3])
    assert second.stats.converted == 1
    assert second.save()
    third = Renderer(cache)
    rendered(third, [TEXTS[3]])
    assert third.stats.converted == 1  # the old text's entry went with the edit


@pytest.mark.parametrize("content", ["not json", '{"version": "old", "html": {}}', '{"html": [1]}'])
def test_a_damaged_or_outdated_cache_is_ignored(tmp_path: Path, content: str):
    cache = tmp_path / "html.json"
    cache.write_text(content, encoding="utf-8")
    renderer = Renderer(cache)
    assert rendered(renderer, TEXTS) == [Renderer().html(text) for text in TEXTS]
    assert renderer.stats.converted == 2


def test_worker_processes_give_the_same_html(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(render, "PARALLEL_MIN", 2)
    texts = [f"{text} {n}" for n in range(5) for text in TEXTS]
    assert rendered(Renderer(), texts, workers=2) == [Renderer().html(text) for text in texts]


def test_a_rebuild_converts_only_what_changed(cards_copy: Path, tmp_path: Path):
    def build() -> pipeline.BuildReport:
        prepared = pipeline.prepare(pipeline.load([cards_copy]), now=1_700_000_000)
        return pipeline.build(prepared, tmp_path / "build", Filters(), ["apkg"])

    cold = build()
    assert cold.render_stats and cold.render_stats.converted > 0
    apkg = cold.written[0]
    cold_bytes = apkg.read_bytes()
    assert not build().written  # nothing changed: the deck is up to date, nothing rendered
    apkg.unlink()  # the deck must be written again: from the render cache
    warm = build()
    assert warm.render_stats and warm.render_stats.converted == 0 and warm.render_stats.reused > 0
    assert warm.written == [apkg] and apkg.read_bytes() == cold_bytes
    source = cards_copy / "mlops-packaging-deployment.txt"
    # A link: the fast path leaves it to Python-Markdown, so the edit is converted.
    edited_answer = "A: [Docker](https://www.docker.com)."
    source.write_text(source.read_text(encoding="utf-8").replace("A: Docker.", edited_answer), encoding="utf-8")
    edited = build()
    assert edited.render_stats and edited.render_stats.converted == 1


def test_a_renderer_handed_known_html_keeps_the_cache_files_entries(tmp_path: Path):
    cache = tmp_path / "html.json"
    slow = "A [link](https://example.org) needs Python-Markdown."
    first = Renderer(cache)
    rendered(first, [slow])
    assert first.save() and first.stats.converted == 1
    known = Renderer(cache, known={slow: first.html(slow)})
    assert rendered(known, [slow]) == [first.html(slow)]
    assert known.stats.converted == known.stats.reused == 0  # handed in: not looked at again
    assert not known.save()  # the stored entry is kept, not pruned as unused
    assert rendered(Renderer(cache), [slow]) == [first.html(slow)]
    pruning = Renderer(cache)
    rendered(pruning, ["Plain text only."])
    assert pruning.save()  # a build that rendered every text of its own drops what it did not use
    assert Renderer(cache)._stored == {}
