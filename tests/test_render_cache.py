"""Rendered HTML kept between builds: same HTML, less work."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import pipeline
from qadeck.filtering import Filters
from qadeck.render import Renderer

TEXTS = [
    "Plain words, no syntax at all.",
    "Use **Docker** with `docker build`:\n\n- one\n- two",  # the fast path
    "```python\nprint('hi')\n```",  # the fast path too
    "Math $x^2$ and a [link](https://example.org).",  # the engine
    "List<String> & <script>alert(1)</script>",  # the engine
]


def rendered(renderer: Renderer, texts: list[str]) -> list[str]:
    for _ in renderer.render_all(texts):
        pass
    return [renderer.html(text) for text in texts]


def test_known_html_is_used_and_not_looked_at_again():
    fresh = rendered(Renderer(), TEXTS)
    known = Renderer(known=dict(zip(TEXTS, fresh)))
    assert rendered(known, TEXTS) == fresh
    assert (known.stats.plain, known.stats.fast, known.stats.converted) == (0, 0, 0)
    partly = Renderer(known={TEXTS[0]: fresh[0]})
    assert rendered(partly, TEXTS) == fresh
    assert partly.stats.plain == 0 and partly.stats.converted == 2


def test_a_rebuild_converts_only_what_changed(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"

    def build() -> pipeline.BuildReport:
        loaded = pipeline.load([cards_copy], cache_dir=out / pipeline.CACHE_DIR)
        return pipeline.build(pipeline.prepare(loaded, now=1_700_000_000), out, Filters(), ["apkg"])

    cold = build()
    assert cold.render_stats and cold.render_stats.converted > 0
    apkg = cold.written[0]
    cold_bytes = apkg.read_bytes()
    assert not build().written  # nothing changed: the deck is up to date, nothing rendered
    apkg.unlink()  # the deck must be written again: its HTML from the card cache
    warm = build()
    stats = warm.render_stats
    assert stats and (stats.converted, stats.fast, stats.plain) == (0, 0, 0)
    assert warm.written == [apkg] and apkg.read_bytes() == cold_bytes
    source = cards_copy / "mlops-packaging-deployment.txt"
    # A link: the fast path leaves it to the engine, so the edit is converted.
    edited_answer = "A: [Docker](https://www.docker.com)."
    source.write_text(source.read_text(encoding="utf-8").replace("A: Docker.", edited_answer), encoding="utf-8")
    edited = build()
    assert edited.render_stats and 1 <= edited.render_stats.converted < cold.render_stats.converted
    assert edited.written == [apkg]


def test_a_build_without_a_cache_renders_in_the_build_the_same_html(cards_copy: Path, tmp_path: Path):
    kept = pipeline.load([cards_copy], cache_dir=tmp_path / "cache")
    bare = pipeline.load([cards_copy])
    assert bare.cache is not None and bare.html == {} and bare.render_stats.plain == 0
    assert kept.cache is not None and kept.html and kept.facts and bare.facts is None
    fresh = Renderer()
    assert all(fresh.html(text) == html for text, html in kept.html.items())


def test_unknown_texts_are_the_distinct_ones_not_rendered_yet_in_order():
    renderer = Renderer(known={TEXTS[1]: "<p>known</p>"})
    assert renderer.unknown([TEXTS[3], TEXTS[1], TEXTS[0], TEXTS[3]]) == [TEXTS[3], TEXTS[0]]
    rendered(renderer, TEXTS)
    assert renderer.unknown(TEXTS + TEXTS) == []
