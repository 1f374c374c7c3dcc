"""Web page templates (``faq.ejs``, ``faq.njk``, ``faq.jsp``, ``faq.liquid``, …): a site's FAQ page read as the HTML it
writes, the template's code, comments and output expressions taken out, the files it includes never read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import markups, sources
from qadeck.cli import cli

from .conftest import read_in_fresh_process


def _cards(path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


#: An Express view: partials pulled in, a condition on the signed-in user, one answer printing a value.
_EJS = """<%- include('partials/head', { title: 'Help' }) %>
<main>
  <h1>Help for new members</h1>
  <% if (user) { %><p>Signed in as <%= user.name %></p><% } else { %><a href="/login">Sign in</a><% } %>
  <h2>How do I book a court?</h2>
  <p>Pick a free slot on the <b>calendar</b> and confirm it.</p>
  <%# a note for the site's developers: move this under the fees %>
  <h2>What does a season cost?</h2>
  <p>It costs <%= prices.season %> for adults; children play free.</p>
</main>
<%- include('partials/foot') %>
"""


def test_an_ejs_view_is_read_as_the_page_it_writes(tmp_path: Path) -> None:
    (tmp_path / "faq.ejs").write_text(_EJS, encoding="utf-8")
    assert _cards(tmp_path / "faq.ejs") == [
        ("How do I book a court?", "Pick a free slot on the **calendar** and confirm it."),
        ("What does a season cost?", "It costs for adults; children play free."),
    ]


def test_the_partials_a_template_includes_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "head.ejs").write_text("<h2>Is this a PARTIAL?</h2><p>PARTIAL-TEXT</p>", encoding="utf-8")
    (tmp_path / "faq.ejs").write_text(_EJS, encoding="utf-8")
    text = sources.read(tmp_path / "faq.ejs").text
    assert "PARTIAL" not in text and "include" not in text and "user.name" not in text and "developers" not in text


#: An Eleventy page: front matter with the title, a layout, a comment, and a loop over data the page does not hold.
_NUNJUCKS = """---
layout: base.njk
title: "Questions about the allotments"
---
{# the entries below come from the committee's notes #}
<section>
  <h3>When is the water switched on?</h3>
  <p>From April to October{% if site.drought %}, mornings only{% endif %}.</p>
  <h3>Can I keep bees?</h3>
  <p>Yes, with the committee's consent.</p>
  {% for entry in collections.moreQuestions %}
  <h3>{{ entry.data.question }}</h3>
  <div>{{ entry.templateContent | safe }}</div>
  {% endfor %}
</section>
"""


def test_a_nunjucks_page_loses_its_front_matter_and_tags(tmp_path: Path) -> None:
    (tmp_path / "faq.njk").write_text(_NUNJUCKS, encoding="utf-8")
    assert _cards(tmp_path / "faq.njk") == [
        ("When is the water switched on?", "From April to October, mornings only."),
        ("Can I keep bees?", "Yes, with the committee's consent."),
    ]
    text = sources.read(tmp_path / "faq.njk").text
    assert "layout" not in text and "committee's notes" not in text and "entry.data" not in text


def test_a_jsp_page_loses_its_directives_scriptlets_and_comments(tmp_path: Path) -> None:
    (tmp_path / "faq.jsp").write_text(
        '<%@ page contentType="text/html" %><%@ include file="header.jsp" %>\n'
        "<%-- a comment holding %> must end where the comment ends --%>\n"
        '<% String who = request.getParameter("who"); %>\n'
        "<dl><dt>Where is the depot?</dt><dd>Behind the station, <%= who %> gate B.</dd>\n"
        "<dt>Who may park there?</dt><dd>Staff with a permit.</dd></dl>\n",
        encoding="utf-8")
    assert _cards(tmp_path / "faq.jsp") == [
        ("Where is the depot?", "Behind the station, gate B."),
        ("Who may park there?", "Staff with a permit."),
    ]
    assert "request" not in sources.read(tmp_path / "faq.jsp").text


def test_a_shopify_section_whose_questions_are_settings_gives_none() -> None:
    # The questions are the merchant's settings, filled in by the loop; the schema's defaults are placeholders.
    section = """<div class="faq">{% for block in section.blocks %}
<h3>{{ block.settings.question }}</h3><div>{{ block.settings.answer }}</div>{% endfor %}</div>
{% schema %}{"name": "FAQ", "blocks": [{"type": "item", "settings": [
  {"id": "question", "type": "text", "default": "Is this a question?"},
  {"id": "answer", "type": "richtext", "default": "<p>Yes, a placeholder.</p>"}]}]}{% endschema %}
{% comment %}<h3>Is this old?</h3><p>Yes.</p>{% endcomment %}"""
    text = markups.to_markdown(".liquid", section)
    assert "question" not in text.lower() and "placeholder" not in text and "old" not in text


def test_a_templates_script_and_markup_reach_no_card_raw(tmp_path: Path) -> None:
    (tmp_path / "faq.hbs").write_text(
        "{{!-- {{> header}} --}}{{> header}}<h2>Is the <em>bridge</em> open?</h2>"
        '<p>Yes. <img src="x" onerror="alert(1)">{{{ footnote }}}<script>alert(2)</script></p>'
        "<h2>Is it lit at night?</h2><p>Until midnight.</p>",
        encoding="utf-8")
    cards = _cards(tmp_path / "faq.hbs")
    assert [question for question, _ in cards] == ["Is the *bridge* open?", "Is it lit at night?"]
    assert "alert" not in json.dumps(cards) and "onerror" not in json.dumps(cards) and "header" not in json.dumps(cards)


def test_a_folder_reads_only_the_templates_named_for_questions(tmp_path: Path) -> None:
    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "faq.ejs").write_text(_EJS, encoding="utf-8")
    (tmp_path / "views" / "dashboard-card.ejs").write_text(_EJS, encoding="utf-8")
    (tmp_path / "views" / "index.njk").write_text(_NUNJUCKS, encoding="utf-8")
    collected = sources.collect([tmp_path])
    assert [path.name for path in collected.files] == ["faq.ejs"]
    assert any("dashboard-card.ejs: skipped, a server page or web page template" in line for line in collected.skipped)


def test_a_folder_of_views_alone_is_not_read_for_them(tmp_path: Path) -> None:
    # A folder of Word files alone was given for them; a folder of an app's views was not.
    (tmp_path / "index.ejs").write_text(_EJS, encoding="utf-8")
    (tmp_path / "about.njk").write_text(_NUNJUCKS, encoding="utf-8")
    assert sources.collect([tmp_path]).files == []


@pytest.mark.parametrize("suffix", sorted(markups.TEMPLATES))
def test_a_template_given_by_name_is_read_whatever_its_name(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"help{suffix}"
    path.write_text("<h2>Is the hall heated?</h2><p>Yes, from November.</p>"
                    "<h2>Is there a lift?</h2><p>Yes, beside the stairs.</p>", encoding="utf-8")
    assert _cards(path) == [("Is the hall heated?", "Yes, from November."), ("Is there a lift?", "Yes, beside the stairs.")]


def test_a_binary_file_under_a_templates_name_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "faq.jsp"
    path.write_bytes(bytes(range(256)) * 20)
    result = CliRunner().invoke(cli, ["list", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path}: binary file, not text; skipped" in result.output


#: A PHP site's FAQ page: the header and footer included, the year echoed, one answer built by a short block of PHP.
_PHP = """<?php $title = 'FAQ'; include 'inc/header.php'; ?>
<div class="faq">
  <h3>Where do the walks start?</h3>
  <p>At the church gate, at ten <?php if ($summer) { ?>(nine in summer)<?php } ?>.</p>
  <h3>Are dogs welcome?</h3>
  <p>Yes, on a lead. &copy; <?= date('Y') ?></p>
</div>
<?php include 'inc/footer.php';
"""


def test_a_php_page_is_read_as_the_html_it_writes(tmp_path: Path) -> None:
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "header.php").write_text("<h3>Is this the HEADER?</h3><p>HEADER-TEXT</p>", encoding="utf-8")
    (tmp_path / "faq.php").write_text(_PHP, encoding="utf-8")
    assert _cards(tmp_path / "faq.php") == [
        ("Where do the walks start?", "At the church gate, at ten (nine in summer)."),
        ("Are dogs welcome?", "Yes, on a lead. \u00a9"),
    ]
    assert "HEADER" not in sources.read(tmp_path / "faq.php").text


def test_a_php_class_named_for_questions_is_code_and_gives_no_text(tmp_path: Path) -> None:
    # A framework's model or controller (Faq.php): PHP from its first line, its tag never closed.
    (tmp_path / "Faq.php").write_text(
        '<?php\nnamespace App\\Models;\n\nclass Faq extends Model\n{\n    // What is stored?\n'
        '    protected $fillable = ["question", "answer"];\n}\n', encoding="utf-8")
    assert sources.read(tmp_path / "Faq.php").text.strip() == ""


def test_a_mark_never_closed_stays_text_and_the_rest_of_the_page_is_read() -> None:
    page = ("<h2>What is {{ site }} for?</h2><p>Sharing {% if x %}notes{% endif %}.</p>"
            "<p>Braces {{ left open, and a {% comment %} never ended.</p><?php echo 'to the end'; ")
    text = markups.MARKUPS[".njk"](page)
    assert "## What is for?" in text and "Sharing notes." in text  # the page's runs of spaces are one
    # The unclosed "{{" stays; the comment never ended is a tag like any other; PHP's code runs to the end.
    assert "Braces {{ left open, and a never ended." in text and "to the end" not in text


def test_a_page_of_marks_never_closed_is_read_in_one_pass(tmp_path: Path) -> None:
    # 80,000 "{{" with no "}}" once took minutes (each mark looked for its end to the end of the file): a hostile
    # page must not stall a build. Run in a fresh process, so that a reader that never returns fails this test
    # rather than stalling the suite.
    for marks in ("{{", "<%", "{% comment %}"):
        (tmp_path / "faq.njk").write_text(f"<h2>Why?</h2><p>{marks * 80_000}</p>", encoding="utf-8")
        assert read_in_fresh_process(tmp_path / "faq.njk").startswith("## Why?")
