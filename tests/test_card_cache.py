"""Card cache and parallel parsing: unchanged files' cards come from the last build, as parsing gives them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import pipeline
from qadeck.perf import card_cache as cache
from qadeck.cli import cli

SEED = "mlops-packaging-deployment.txt"


def load(cards: Path, out: Path) -> pipeline.Loaded:
    return pipeline.load([cards], cache_dir=out / pipeline.CACHE_DIR)


def entries(out: Path) -> list[Path]:
    return sorted((out / pipeline.CACHE_DIR / cache.CARDS_DIR).glob("*.json"))


def test_cached_cards_equal_freshly_parsed_and_tagged_cards(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    fresh = load(cards_copy, out)
    assert fresh.cache is not None and fresh.cache.hits == 0
    fresh.cache.save()
    assert len(entries(out)) == 5
    again = load(cards_copy, out)
    assert again.cache is not None and again.cache.hits == 5
    assert again.deck == fresh.deck == pipeline.load([cards_copy]).deck
    assert {c.topics for c in again.deck.cards} != {()}  # tagged, not only parsed


def test_worker_processes_store_the_entries_of_the_files_they_parse(
    cards_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(pipeline, "PARALLEL_CHARS", 1)  # parse the bundled deck on every core
    out = tmp_path / "build"
    fresh = load(cards_copy, out)
    assert len(entries(out)) == 5  # written where each file was parsed, before save()
    again = load(cards_copy, out)
    assert again.cache is not None and again.cache.hits == 5 and again.deck == fresh.deck


def test_a_dry_run_stores_no_entry(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    pipeline.load([cards_copy], cache_dir=out / pipeline.CACHE_DIR, keep=False)
    assert entries(out) == []


def test_an_edited_file_alone_is_parsed_again(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    load(cards_copy, out).cache.save()  # type: ignore[union-attr]
    source = cards_copy / SEED
    source.write_text(source.read_text(encoding="utf-8").replace("A: Docker.", "A: Podman."), encoding="utf-8")
    edited = load(cards_copy, out)
    assert edited.cache is not None and edited.cache.hits == 4
    assert edited.deck == pipeline.load([cards_copy]).deck
    assert any("Podman" in card.answer for card in edited.deck.cards)


def test_a_config_change_or_a_damaged_entry_is_never_read(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    load(cards_copy, out).cache.save()  # type: ignore[union-attr]
    for entry in entries(out)[:2]:
        entry.write_text('["broken', encoding="utf-8")
    assert load(cards_copy, out).cache.hits == 3  # type: ignore[union-attr]
    config = cards_copy / "qadeck.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("monitoring:", "observing:", 1), encoding="utf-8")
    retagged = load(cards_copy, out)
    assert retagged.cache is not None and retagged.cache.hits == 0
    assert any("observing" in card.topics for card in retagged.deck.cards)


def test_build_keeps_the_cache_and_a_dry_run_writes_none(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    runner = CliRunner()
    dry = runner.invoke(cli, ["build", str(cards_copy), "-o", str(out), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert not out.exists()
    first = runner.invoke(cli, ["build", str(cards_copy), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert len(entries(out)) == 5
    apkg = out / "mlops-interview-questions.apkg"
    before = apkg.read_bytes()
    second = runner.invoke(cli, ["build", str(cards_copy), "-o", str(out)])
    assert second.exit_code == 0, second.output
    assert apkg.read_bytes() == before


def test_outputs_are_left_alone_only_while_they_hold_what_the_build_would_write(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    apkg, csv = out / "mlops-interview-questions.apkg", out / "mlops-interview-questions.csv"

    def build() -> str:
        result = CliRunner().invoke(cli, ["build", str(cards_copy), "-o", str(out)])
        assert result.exit_code == 0, result.output
        return result.output

    assert f"Wrote {apkg}" in build()
    assert f"Up to date: {apkg}" in build() and f"Up to date: {csv}" in build()
    csv.write_text("edited by hand\n", encoding="utf-8")
    again = build()
    assert f"Wrote {csv}" in again and f"Up to date: {apkg}" in again
    assert csv.read_text(encoding="utf-8").startswith("question,")
    source = cards_copy / SEED
    source.write_text(source.read_text(encoding="utf-8").replace("A: Docker.", "A: Podman."), encoding="utf-8")
    edited = build()
    assert f"Wrote {apkg}" in edited and f"Wrote {csv}" in edited
    assert "Podman" in csv.read_text(encoding="utf-8")


def test_a_stored_entry_gone_before_it_is_read_back_is_parsed_again_here(
    cards_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # A worker hands a stored file's cards back through its entry; an entry gone meanwhile (a folder
    # some other program cleans) costs the build a parse, not its cards.
    monkeypatch.setattr(pipeline, "store", lambda path, data: True)  # "stored", but nothing written
    monkeypatch.setattr(pipeline, "PARALLEL_CHARS", 1)
    built = load(cards_copy, tmp_path / "build")
    assert entries(tmp_path / "build") == []
    assert built.deck == pipeline.load([cards_copy]).deck and len(built.deck.cards) == 207


def test_parsing_on_every_core_gives_the_same_deck(cards_copy: Path, monkeypatch):
    serial = pipeline.load([cards_copy])
    monkeypatch.setattr(pipeline, "PARALLEL_CHARS", 0)
    calls = []
    real_pmap = pipeline.pmap
    monkeypatch.setattr(pipeline, "pmap", lambda *args: calls.append(1) or real_pmap(*args))
    parallel = pipeline.load([cards_copy])
    assert calls and parallel.deck == serial.deck


def test_entries_no_build_used_for_a_week_are_deleted(cards_copy: Path, tmp_path: Path):
    import os
    import time

    out = tmp_path / "build"
    load(cards_copy, out).cache.save()  # type: ignore[union-attr]
    source = cards_copy / SEED
    source.write_text(source.read_text(encoding="utf-8") + "\nQ: A new question?\nA: Its answer.\n", encoding="utf-8")
    edited = load(cards_copy, out)
    edited.cache.save()  # type: ignore[union-attr]
    assert len(entries(out)) == 6  # the old version of the edited file is kept for now
    month_ago = time.time() - 30 * 86400
    for entry in entries(out):
        os.utime(entry, (month_ago, month_ago))
    load(cards_copy, out).cache.save()  # type: ignore[union-attr]
    final = load(cards_copy, out)
    assert final.cache is not None and final.cache.hits == 5
    assert set(entries(out)) == final.cache.used  # the edited file's old version is gone


def test_a_rebuild_takes_unchanged_files_html_from_their_entries(cards_copy: Path, tmp_path: Path):
    from qadeck.render import Renderer, plain_text

    out = tmp_path / "build"
    first = pipeline.build(pipeline.prepare(load(cards_copy, out)), out)
    again = load(cards_copy, out)
    assert again.cache is not None and again.cache.hits == 5 and again.all_rendered
    texts = {text for card in again.deck.cards for text in (card.question, card.answer)}
    assert set(again.html) == {card.answer for card in again.deck.cards}
    assert set(again.inline) == {card.question for card in again.deck.cards}
    fresh = Renderer()
    assert all(html == fresh.html(text) for text, html in again.html.items())
    assert all(html == fresh.inline_html(text) for text, html in again.inline.items())
    assert set(again.plain) == texts
    assert all((text if plain is None else plain) == plain_text(text) for text, plain in again.plain.items())
    assert None in again.plain.values() and any(isinstance(p, str) for p in again.plain.values())

    source = cards_copy / SEED
    source.write_text(source.read_text(encoding="utf-8").replace("A: Docker.", "A: Podman."), encoding="utf-8")
    edited = load(cards_copy, out)
    report = pipeline.build(pipeline.prepare(edited), out)
    mine = {t for c in edited.deck.cards if c.source == SEED for t in (c.question, c.answer)}
    stats = report.render_stats
    assert stats is not None and first.render_stats is not None
    looked_at = stats.plain + stats.fast + stats.converted
    assert looked_at == len(mine) < len(texts)  # only the edited file's own texts, where it was parsed
    first_looked_at = first.render_stats.plain + first.render_stats.fast + first.render_stats.converted
    assert first_looked_at >= len(texts)
    assert mine <= set(edited.html) | set(edited.inline)


@pytest.mark.parametrize("column", ["answer_html", "answer_plain"])
def test_an_entry_with_damaged_html_is_parsed_again(cards_copy: Path, tmp_path: Path, column: str):
    out = tmp_path / "build"
    pipeline.build(pipeline.prepare(load(cards_copy, out)), out)
    for entry in entries(out):
        kept = json.loads(entry.read_text(encoding="utf-8"))
        assert None in kept["rendered"]["answer_plain"] and all(isinstance(h, str) for h in kept["rendered"]["answer_html"])
        kept["rendered"][column][0] = 42  # a value that is no text
        entry.write_text(json.dumps(kept), encoding="utf-8")
    again = load(cards_copy, out)
    assert again.cache is not None and again.cache.hits == 0 and again.all_rendered
    assert again.deck == pipeline.load([cards_copy]).deck


def test_a_build_from_kept_facts_writes_what_a_build_without_them_writes(cards_copy: Path, tmp_path: Path):
    from qadeck import identity

    out = tmp_path / "build"
    pipeline.build(pipeline.prepare(load(cards_copy, out), now=1_700_000_000), out)  # keeps the entries
    again = load(cards_copy, out)
    assert again.cache is not None and again.cache.hits == 5 and again.facts is not None
    cards = again.deck.cards
    assert again.facts == list((identity.facts(cards, str(again.config.deck_id))))
    bare = pipeline.load([cards_copy])
    assert bare.facts is None
    with_facts, without = pipeline.prepare(again, now=1_700_000_500), pipeline.prepare(bare, now=1_700_000_500)
    assert with_facts.cards == without.cards and with_facts.lock.entries == without.lock.entries


def test_the_cards_digest_with_content_hashes_follows_every_field_a_writer_reads(cards_copy: Path):
    from dataclasses import replace

    from qadeck import identity

    prepared = pipeline.prepare(pipeline.load([cards_copy]), now=1_700_000_000)
    cards = prepared.cards

    def digest(deck: list) -> str:
        return cache.cards_digest(deck, {c.guid: identity.content_hash(c) for c in deck})

    base = digest(cards)
    assert base == digest(list(cards))
    first = cards[0]
    for changed in (replace(first, answer=first.answer + "!"), replace(first, topics=("x",)),
                    replace(first, difficulty="hard"), replace(first, section="S"), replace(first, inferred=not first.inferred),
                    replace(first, mtime=first.mtime + 1), replace(first, lines=(99, 100)),
                    replace(first, layout="other"), replace(first, question=first.question + "?")):
        assert digest([changed, *cards[1:]]) != base, changed
    assert digest(cards[1:] + cards[:1]) != base  # the order of the deck, too


def test_the_plain_text_formats_take_the_kept_plain_text(cards_copy: Path, tmp_path: Path, monkeypatch):
    from qadeck.render import markdown as render

    out = tmp_path / "build"
    first = pipeline.build(pipeline.prepare(load(cards_copy, out)), out, formats=["csv"], path=tmp_path / "a.csv")
    again = load(cards_copy, out)
    monkeypatch.setattr(render, "plain_text", lambda text: pytest.fail(f"plain text made again: {text!r}"))
    pipeline.build(pipeline.prepare(again), out, formats=["csv"], path=tmp_path / "b.csv")
    assert first.written and (tmp_path / "b.csv").read_bytes() == (tmp_path / "a.csv").read_bytes()


def test_a_cache_folder_that_cannot_be_written_costs_the_cache_not_the_build(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    (out / pipeline.CACHE_DIR).mkdir(parents=True)
    (out / pipeline.CACHE_DIR / cache.CARDS_DIR).write_text("in the way")
    (out / pipeline.CACHE_DIR / pipeline.OUTPUTS_DIR).write_text("in the way too")
    result = CliRunner().invoke(cli, ["build", str(cards_copy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "mlops-interview-questions.apkg").stat().st_size > 0
    assert load(cards_copy, out).cache.hits == 0  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", ["not json", "[1, 2]", '{"a": 1}', '["x", "y", [[1]], [], null, null]'])
def test_a_damaged_entry_is_parsed_again_and_replaced(cards_copy: Path, tmp_path: Path, damage: str):
    out = tmp_path / "build"
    load(cards_copy, out).cache.save()  # type: ignore[union-attr]
    for entry in entries(out):
        entry.write_text(damage, encoding="utf-8")
    again = load(cards_copy, out)
    assert again.cache is not None and again.cache.hits == 0
    assert again.deck == pipeline.load([cards_copy]).deck
    final = load(cards_copy, out)  # the entries parsing wrote in their place
    assert final.cache is not None and final.cache.hits == 5 and final.deck == again.deck


def test_an_entry_is_named_json_and_text_json_cannot_hold_is_refused(tmp_path: Path):
    from qadeck.model import Card, ParseResult

    card = Card("é, “quoted”, 🙂", 'a "b" \\ \n c', "a.md", "", (1, 2), topics=("x",))
    kept = cache.Kept(ParseResult("a.md", "prefixed", (card,)))
    data = cache.encode(kept)
    assert cache.decode(data) == kept
    assert json.loads(data)["cards"]["question"] == [card.question]  # JSON any reader takes, by field name
    lone = cache.Kept(ParseResult("a.md", "prefixed", (Card("lone \udc80", "A.", "a.md", "", (1, 2)),)))
    with pytest.raises(TypeError):
        cache.encode(lone)  # such a file is parsed again by the next build, not kept
