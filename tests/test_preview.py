"""``qadeck preview``: the page, checked in a real browser (headless Chromium through Playwright).

The browser tests skip, naming the install command, where no Chromium is installed; ``.ci/run``
installs Debian's.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import expect

from qadeck import pipeline
from qadeck.cli import cli
from qadeck.filtering import Filters

from .conftest import CARDS

HOSTILE = """\
Q: What does <script>window.pwned = 1</script> do?
A: <img src=x onerror="window.pwned = 1"> and <b onclick="window.pwned = 1">bold</b>.

Q: Is [this link](javascript:window.pwned=1) safe?
A: <iframe src="https://example.com"></iframe> ![x](https://example.com/x.png) "quotes" & 'ticks'.
"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's browser, pointed at the system's Chromium (Playwright's download is not
    reachable everywhere)."""
    path = _chromium()
    if path is None:
        pytest.skip("no Chromium to run the preview tests in: install it "
                    "('apt-get install chromium' on Debian/Ubuntu, 'brew install --cask chromium' on macOS)")
    return {**browser_type_launch_args, "executable_path": path}


def make_page(sources: Path, out: Path, *args: str) -> Path:
    result = CliRunner().invoke(cli, ["preview", str(sources), "-o", str(out), *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote {out}: ")
    return out


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> Path:
    return make_page(CARDS, tmp_path_factory.mktemp("preview") / "deck.html")


@pytest.fixture(scope="module")
def seed_prepared():
    return pipeline.prepare(pipeline.load([CARDS]))


def guids_of(cards) -> set[str]:
    return {card.guid for card in cards}


def visible_guids(page) -> set[str]:
    """The guids of the cards that match, after asking for more until every one is shown."""
    while page.locator("#more").is_visible():
        page.click("#more")
    return set(page.eval_on_selector_all("#cards article.qa", "els => els.map(e => e.dataset.guid)"))


def page_guids(page) -> list[str]:
    """Every card's guid in the page: those shown and those waiting in the page's template."""
    return page.evaluate("""() => [...document.querySelectorAll('#cards article.qa'),
        ...document.getElementById('deck').content.querySelectorAll('article.qa')]
        .map(e => e.dataset.guid)""")


@pytest.fixture
def opened(page, seed_page):
    """The seed deck's page, with every console message, page error and request recorded."""
    seen = {"console": [], "errors": [], "requests": []}
    page.on("console", lambda m: seen["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(seed_page.as_uri())
    page.seen = seen
    return page


def test_every_card_is_on_the_page_once_with_its_guid(opened, seed_prepared):
    guids = page_guids(opened)
    assert len(guids) == len(seed_prepared.cards) == 207
    assert set(guids) == guids_of(seed_prepared.cards)
    assert opened.inner_text("#count") == "207 of 207 cards"


def test_a_page_of_cards_at_a_time_and_more_on_request(opened):
    assert opened.locator("#cards article.qa").count() == 100
    assert opened.inner_text("#more") == "Show 100 more (107 not shown)"
    opened.click("#more")
    opened.click("#more")
    assert opened.locator("#cards article.qa").count() == 207
    assert not opened.locator("#more").is_visible()


def test_search_shows_exactly_the_cards_holding_every_word(opened):
    opened.fill("#search", "Docker  kubernetes")
    expect(opened.locator("#count")).not_to_have_text("207 of 207 cards")
    shown = visible_guids(opened)
    texts = opened.evaluate("""() => [...document.querySelectorAll('#cards article.qa'),
        ...document.getElementById('deck').content.querySelectorAll('article.qa')]
        .map(e => [e.dataset.guid, e.textContent.toLowerCase()])""")
    holding = {guid for guid, text in texts if "docker" in text and "kubernetes" in text}
    assert shown == holding and len(shown) > 1
    assert opened.inner_text("#count") == f"{len(shown)} of 207 cards"


def test_search_reaches_tags(opened, seed_prepared):
    opened.fill("#search", "difficulty::hard")
    expect(opened.locator("#count")).not_to_have_text("207 of 207 cards")
    hard = {c.guid for c in seed_prepared.cards if c.difficulty == "hard"}
    assert visible_guids(opened) == hard


@pytest.mark.parametrize("select, field", [("topic", "topics"), ("difficulty", "difficulties"),
                                           ("source", "sources")])
def test_each_filter_shows_exactly_its_cards(opened, seed_prepared, select, field):
    values = opened.eval_on_selector_all(f"#{select} option", "els => els.map(e => e.value)")
    assert values[0] == "" and len(values) > 2
    for value in values[1:]:
        opened.select_option(f"#{select}", value)
        expected = guids_of(pipeline.select(seed_prepared, Filters(**{field: (value,)})))
        assert visible_guids(opened) == expected, value
        assert opened.inner_text("#count") == f"{len(expected)} of 207 cards"
    opened.select_option(f"#{select}", "")
    assert len(visible_guids(opened)) == 207
    assert opened.inner_text("#count") == "207 of 207 cards"


def test_topic_options_are_the_topic_slugs(opened, seed_prepared):
    values = opened.eval_on_selector_all("#topic option", "els => els.map(e => e.value)")
    assert set(values[1:]) == {t for c in seed_prepared.cards for t in c.topics}
    assert opened.eval_on_selector_all("#difficulty option", "els => els.map(e => e.value)") == [
        "", "easy", "medium", "hard"]


def test_a_click_flips_a_card_and_the_switch_shows_every_answer(opened):
    card = opened.locator("article.qa").nth(3)
    back = card.locator(".back")
    assert card.locator(".front").is_visible() and not back.is_visible()
    card.click()
    assert back.is_visible() and back.locator(".qa-answer").inner_text().strip()
    card.click()
    assert not back.is_visible()
    opened.check("#show-answers")
    assert opened.locator("#cards article.qa .back:visible").count() == 100
    assert opened.locator("#cards article.qa .front:visible").count() == 0


def test_each_card_shows_its_place_topics_difficulty_and_an_inferred_mark(opened, seed_prepared):
    inferred = {c.guid for c in seed_prepared.cards if c.inferred}
    visible_guids(opened)
    marked = set(opened.eval_on_selector_all(
        "#cards article.qa", "els => els.filter(e => e.querySelector('.badge.inferred'))"
                             ".map(e => e.dataset.guid)"))
    assert marked == inferred and len(inferred) == 15
    first = seed_prepared.cards[0]
    meta = opened.locator(f'#cards article.qa[data-guid="{first.guid}"] .meta').inner_text()
    assert first.location in meta and first.difficulty in meta and first.topics[0] in meta


def test_the_check_panel_lists_findings_with_file_and_line(opened, seed_prepared):
    findings = pipeline.findings(seed_prepared.loaded)
    items = opened.eval_on_selector_all("#check li", "els => els.map(e => e.textContent)")
    assert len(items) == len(findings) > 0
    assert all(item.startswith(f"{f.source}:{f.line} {f.kind}") for item, f in zip(items, findings))


def test_charts_are_inline_svg_with_a_bar_per_topic_and_source(opened, seed_prepared):
    assert opened.locator("#charts svg").count() == 2
    topics = {c.topics[0] for c in seed_prepared.cards}
    labels = opened.locator("#charts svg").nth(0).locator("text.label title").all_text_contents()
    assert set(labels) == topics


def test_dark_mode_follows_the_system(page, seed_page):
    page.emulate_media(color_scheme="dark")
    page.goto(seed_page.as_uri())
    assert page.evaluate("document.body.classList.contains('nightMode')")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bnightMode\b"))


def test_no_console_errors_and_no_network_requests(opened):
    opened.fill("#search", "model")
    opened.check("#show-answers")
    opened.wait_for_timeout(300)
    assert opened.seen["errors"] == []
    assert [m for m in opened.seen["console"] if m[0] in ("error", "warning")] == []
    assert set(opened.seen["requests"]) == {opened.url}


def test_readable_at_phone_width(page, seed_page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(seed_page.as_uri())
    page.check("#show-answers")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375


def test_source_text_never_runs_as_script(page, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    path = make_page(notes, tmp_path / "hostile.html")
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.check("#show-answers")
    hrefs = page.eval_on_selector_all("#cards a", "els => els.map(e => e.getAttribute('href'))")
    assert not any((href or "").strip().lower().startswith(("javascript:", "data:")) for href in hrefs)
    for link in page.locator("#cards a:visible").all():
        if not (link.get_attribute("href") or "").startswith(("http:", "https:")):
            link.click(no_wait_after=True)  # a web link leaves the page, as it should
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("#cards iframe, #cards [onerror], #cards [onclick]").count() == 0
    assert set(requests) <= {path.as_uri(), page.url}
    assert "window.pwned = 1" in page.locator("#cards").inner_text()  # shown as text, not run


def test_preview_takes_filters_and_names_the_page_after_them(tmp_path, monkeypatch, seed_prepared):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["preview", str(CARDS), "--topic", "monitoring"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    path = Path("build/mlops-interview-questions--monitoring.html")
    text = path.read_text(encoding="utf-8")
    expected = pipeline.select(seed_prepared, Filters(topics=("monitoring",)))
    assert text.count('<article class="qa"') == len(expected) > 0
    assert "MLOps Interview Questions (monitoring)" in text
