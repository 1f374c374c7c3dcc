"""``qadeck preview``: the page, checked in a real browser (headless Chromium through Playwright).

The browser tests skip, naming the install command, where no Chromium is installed; ``.ci/run``
installs Debian's.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
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

KINDS = r"""#flashcards

Water boils at {{c1::100 °C}} at {{c2::sea level::where}}.

Largest planet:::Jupiter

Mass-energy equivalence::\(E = mc^2\), or $\frac{E}{c^2} = m$; as a block: \[\sum_{i=1}^{n} x_i\]

Broken math::\(\frac{1}{\) and \(\text{<img src=x onerror="window.pwned = 1">}\) and `\(x\)` in code, and \(\href{javascript:window.pwned=1}{x}\)
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


@pytest.fixture(scope="module")
def kinds_page(tmp_path_factory) -> Path:
    """A page of a cloze note (two deletions), a reversed note and two notes with math."""
    notes = tmp_path_factory.mktemp("kinds")
    (notes / "kinds.md").write_text(KINDS, encoding="utf-8")
    return make_page(notes / "kinds.md", notes / "kinds.html")


@pytest.fixture
def kinds(page, kinds_page):
    """That page, opened, with its errors and requests recorded."""
    seen = {"errors": [], "console": [], "requests": []}
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["console"].append((m.type, m.text)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(kinds_page.as_uri())
    page.seen = seen
    return page


def article(page, text: str, number: int = 1):
    return page.locator(f'#cards article.qa[data-card="{number}"]', has_text=text)


def test_math_is_typeset_as_mathml_the_browser_draws(kinds, kinds_page):
    page, seen = kinds, kinds.seen
    card = article(page, "Mass-energy")
    card.click()
    back = card.locator(".back")
    assert back.locator("math").count() == 3
    assert back.locator('math[display="block"] munderover').count() == 1
    shown = back.inner_text()
    assert "\\(" not in shown and "\\[" not in shown and "$" not in shown
    # Drawn as a fraction: the numerator sits above the denominator.
    above, below = (back.locator("mfrac").first.locator(":scope > *").nth(n).bounding_box() for n in (0, 1))
    assert above["y"] + above["height"] <= below["y"] + 1
    assert seen["errors"] == [] and set(seen["requests"]) == {kinds_page.as_uri()}
    assert [m for m in seen["console"] if m[0] in ("error", "warning")] == []


def test_tex_that_cannot_be_typeset_stays_as_its_text(kinds):
    page = kinds
    back = article(page, "Broken math").locator(".back")
    page.check("#show-answers")
    shown = back.inner_text()
    assert "\\(\\frac{1}{\\)" in shown
    assert '\\(\\text{<img src=x onerror="window.pwned = 1">}\\)' in shown
    assert "\\(x\\)" in back.locator("code").inner_text()  # code is never typeset, as in Anki
    assert "\\(\\href{javascript:window.pwned=1}{x}\\)" in shown
    assert back.locator("math, img, [href]").count() == 0
    back.click()
    assert page.evaluate("window.pwned") is None


def test_a_cloze_note_gives_a_card_per_deletion_hiding_it_in_front(kinds):
    page = kinds
    first, second = article(page, "Water boils", 1), article(page, "Water boils", 2)
    assert first.get_attribute("data-guid") == second.get_attribute("data-guid")
    front = first.locator(".front")
    assert front.locator(".cloze").inner_text() == "[...]"
    assert "100 °C" not in front.inner_text() and "{{c1::" not in front.inner_text()
    assert front.locator(".cloze-inactive").inner_text() == "sea level"  # the other card's deletion
    first.click()
    assert first.locator(".back .cloze").inner_text() == "100 °C"
    assert second.locator(".front .cloze").inner_text() == "[where]"  # the hint
    second.click()
    assert second.locator(".back .cloze").inner_text() == "sea level"
    blue = first.locator(".back .cloze").evaluate("e => getComputedStyle(e).color")
    assert blue == "rgb(9, 105, 218)"  # the note type's cloze style


def test_a_reversed_note_gives_a_card_each_way(kinds):
    page = kinds
    forward, backward = article(page, "Largest planet", 1), article(page, "Largest planet", 2)
    assert forward.get_attribute("data-guid") == backward.get_attribute("data-guid")
    assert forward.locator(".front").inner_text().strip() == "Largest planet"
    assert backward.locator(".front").inner_text().strip() == "Jupiter"
    backward.click()
    assert backward.locator(".back .qa-answer").inner_text().strip() == "Largest planet"
    assert "answer → question" in backward.locator(".meta").inner_text()


def test_counts_and_filters_count_every_card_of_a_note(kinds, kinds_page, tmp_path):
    page = kinds
    again = tmp_path / "again.html"
    result = CliRunner().invoke(cli, ["preview", str(kinds_page.with_name("kinds.md")), "-o", str(again)])
    assert result.stdout.startswith(f"Wrote {again}: 6 cards from 4 notes, 0 findings")
    assert page.inner_text("#count") == "6 of 6 cards"
    (topic,) = page.eval_on_selector_all("#topic option", "els => els.slice(1).map(e => e.textContent)")
    assert topic.endswith("(6)")
    page.fill("#search", "jupiter")
    expect(page.locator("#count")).to_have_text("2 of 6 cards")
    page.fill("#search", "sum_")  # a formula's TeX is searchable
    expect(page.locator("#count")).to_have_text("1 of 6 cards")


def test_a_wide_formula_scrolls_within_its_card_at_phone_width(page, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    terms = " + ".join(f"a_{{{n}}}" for n in range(1, 30))
    (notes / "wide.md").write_text(f"Q: A long sum?\nA: \\(s = {terms}\\) and \\[{terms}\\]\n", encoding="utf-8")
    path = make_page(notes, tmp_path / "wide.html")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(path.as_uri())
    page.check("#show-answers")
    answer = page.locator("#cards .qa-answer")
    assert answer.locator("math").count() == 2
    assert answer.evaluate("e => e.scrollWidth > e.clientWidth")  # wider than the phone: it scrolls
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375


def test_the_package_keeps_math_and_cloze_for_anki(kinds_page, tmp_path):
    run = CliRunner().invoke(cli, ["build", str(kinds_page.with_name("kinds.md")), "-o", str(tmp_path)],
                             catch_exceptions=False)
    assert run.exit_code == 0, run.output
    (package,) = tmp_path.glob("*.apkg")
    with zipfile.ZipFile(package) as z:
        database = tmp_path / "collection.anki2"
        database.write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(database)
    try:
        fields = " ".join(row[0] for row in conn.execute("SELECT flds FROM notes"))
    finally:
        conn.close()
    assert "\\(E = mc^2\\)" in fields and "{{c1::100 °C}}" in fields and "<math" not in fields
