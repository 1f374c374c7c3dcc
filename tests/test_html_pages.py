"""FAQ pages kept as HTML: what a page holds besides its questions (menus, banners, link bars, permalinks,
scripts) stays out of the cards, and what an answer holds (code, tables, lists) reaches it as Markdown."""

from __future__ import annotations

from pathlib import Path

from qadeck.markups import html

from .conftest import read_in_fresh_process
from .listing import listed


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Help</title></head><body>{body}</body></html>"


def test_a_prompt_in_a_highlighted_listing_is_no_formula() -> None:
    # Two "$" prompts in their own spans once read as one $…$ formula, and the tags between them were kept raw.
    text = html.to_markdown(_page(
        '<pre><code><span class="gp">$</span><span> make</span>\n<span class="gp">$</span><span> make install</span>'
        "</code></pre><p>Both need &#39;root&#39;.</p>"))
    assert "<span" not in text and "$ make\n$ make install" in text
    assert "Both need 'root'." in text


def test_a_headings_permalink_is_left_out() -> None:
    text = html.to_markdown(_page('<h2 id="a">Can I undo a merge?<a class="headerlink" href="#a">¶</a></h2><p>Yes.</p>'))
    assert "## Can I undo a merge?\n" in text and "¶" not in text


def test_a_table_in_an_answer_is_a_markdown_table() -> None:
    text = html.to_markdown(_page(
        "<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic | yearly</td><td><b>10</b> EUR</td></tr>"
        "<tr><td>Team</td></tr></table>"))
    assert "| Plan | Price |\n| --- | --- |\n| Basic \\| yearly | **10** EUR |\n| Team |  |" in text


def test_a_table_that_lays_out_the_page_gives_its_cells_as_blocks() -> None:
    text = html.to_markdown(_page(
        "<table><tr><td><h2>Is it free?</h2><p>Yes, for everyone.</p></td>"
        "<td><p>Side note</p><p>More</p></td></tr></table>"))
    assert "## Is it free?\n\nYes, for everyone." in text and "|" not in text


def test_banners_link_bars_and_menus_are_not_the_authors() -> None:
    text = html.to_markdown(_page(
        '<div class="navbar"><a href="/">Home</a></div><h2>How long is delivery?</h2><p>Two days.</p>'
        '<div class="cities"><a href="/a">Aachen</a> <a href="/b">Bonn</a> <a href="/c">Celle</a> | <a href="/d">Dessau</a></div>'
        '<div id="cookie-consent"><p>We use cookies.</p></div><div role="contentinfo">Imprint</div>'))
    assert text.strip() == "## How long is delivery?\n\nTwo days."


def test_links_in_a_sentence_and_state_classes_stay() -> None:
    # "has-sidebar" says the layout has one, not that this is it; a sentence of links is an answer's.
    text = html.to_markdown(_page(
        '<div class="content has-sidebar"><p>See <a href="/a">A</a>, <a href="/b">B</a>, <a href="/c">C</a> '
        'and <a href="/d">D</a> for the details.</p></div>'))
    assert "See [A](/a), [B](/b), [C](/c) and [D](/d) for the details." in text


def test_a_number_before_a_marked_question_is_not_a_line_of_its_own() -> None:
    text = html.to_markdown(_page('<p><b>7.</b> <span class="question">Why is the logo blurred?</span></p>Use SVG.'))
    assert "**Why is the logo blurred?**" in text and "7." not in text


def test_a_fold_summary_is_a_question_and_script_never_reaches_a_card(tmp_path: Path) -> None:
    folds = "".join(f"<details><summary> {q} </summary><p>{a}</p><script>track('{q}')</script></details>"
                    for q, a in [("Is parking free?", "Yes, after six."), ("Are dogs allowed?", "On a lead.")])
    path = tmp_path / "faq.html"
    path.write_text(_page("<style>summary{color:red}</style>" + folds), encoding="utf-8")
    cards = listed(path)
    assert [(c["question"], c["answer"]) for c in cards] == [
        ("Is parking free?", "Yes, after six."), ("Are dogs allowed?", "On a lead.")]
    assert not any("track" in c["answer"] or "color" in c["answer"] for c in cards)


def test_a_block_styled_as_a_title_is_a_heading() -> None:
    # A group's label, or a question set in a paragraph whose id calls it a title, heads what follows it
    # instead of trailing the answer above; a long paragraph is no title whatever its class.
    text = html.to_markdown(_page(
        '<div class="faq-group-label">Payments</div><p id="price_title">What does a visit cost?</p><p>From 80 EUR.</p>'
        f'<p class="subtitle">{"A long introduction that runs on. " * 6}</p>'))
    assert "### Payments\n\n### What does a visit cost?\n\nFrom 80 EUR." in text
    assert "### A long" not in text


def test_a_word_export_section_is_no_card_side() -> None:
    # Word wraps its whole document in <div class=WordSection1>: "word" names a flashcard's front on study
    # sites, but a class naming a section holds cards, so the page's paragraphs stay paragraphs.
    text = html.to_markdown(
        "<html><body lang=EN-GB><div class=WordSection1><p class=MsoNormal><b>Why is the sky blue?<o:p></o:p></b></p>"
        "<p class=MsoNormal>Blue light scatters most.<o:p></o:p></p></div></body></html>")
    assert text.strip() == "**Why is the sky blue?**\n\nBlue light scatters most."


def test_microdata_names_a_questions_front_and_its_answer() -> None:
    # The name of a schema.org Question is its front even where it does not ask in words; a name outside one
    # (the FAQPage's own) is no front.
    text = html.to_markdown(_page(
        '<div itemscope itemtype="https://schema.org/FAQPage"><span itemprop="name">Shop help</span>'
        '<div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question"><span itemprop="name">Opening hours'
        '</span><div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><p itemprop="text">'
        "Nine to six.</p></div></div></div>"))
    assert "**Opening hours**\n\nNine to six." in text and "**Shop help**" not in text


def test_a_blockquote_that_indents_the_page_is_no_quote() -> None:
    # Old editors indent a whole page with <blockquote>; one holding a list or a quote of its own is that
    # indent, while a quotation of a sentence stays one. "Back to Top" links are the page's, not an answer's.
    text = html.to_markdown(_page(
        '<blockquote><ol><li><a href="#a">Is it open?</a></li></ol><p><b>1. Is it open?</b></p><p>Daily.</p>'
        '<blockquote><p>Best shop in town.</p></blockquote><p><a href="#top">Back to Top</a></p></blockquote>'))
    assert "\n**1. Is it open?**\n\nDaily.\n\n> Best shop in town.\n" in text
    assert "Back to Top" not in text


def test_elements_nested_past_any_page_are_read_as_the_deepest_ones_text(tmp_path: Path) -> None:
    # 150,000 nested <div>s took minutes: each tag looked through every open element. Past 256 levels an
    # element opens nothing (its text is the deepest one's, its closing tag closes nothing), so what follows the
    # nest is read as it stands. Run in a fresh process, so that a reader that never returns fails this test rather
    # than stalling the suite.
    nest = 150_000
    (tmp_path / "faq.html").write_text(
        "<div>" * nest + "<p>deep inside</p>" + "</div>" * nest + "<h2>What follows the nest?</h2><p>This page.</p>",
        encoding="utf-8")
    text = read_in_fresh_process(tmp_path / "faq.html")
    assert "deep inside" in text and text.rstrip().endswith("## What follows the nest?\n\nThis page.")
