"""FAQ pages as documentation sites write them: the site's block syntax is layout, never card text."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers, sources
from qadeck.markups import markdown, rst


def _cards(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(card.question, card.answer) for card in parsers.parse(sources.read(path)).cards]


def test_gitbook_blocks_go_and_what_they_wrap_stays(tmp_path):
    text = (
        "## Can I pause a job?\n\nYes, from its page.\n\n{% hint style=\"warning\" %}\nA paused job keeps its "
        "machine.\n{% endhint %}\n\n## How do I install the client?\n\n{% tabs %}\n{% tab title=\"pip\" %}\n"
        "Run pip install.\n{% endtab %}\n{% endtabs %}\n"
    )
    assert _cards(tmp_path, "faq.md", text) == [
        ("Can I pause a job?", "Yes, from its page.\n\nA paused job keeps its machine."),
        ("How do I install the client?", "**pip:**\nRun pip install."),
    ]


def test_liquid_logic_and_other_templates_tags_stay_text():
    text = "Django renders:\n\n{% csrf_token %}\n\n{% for row in rows %}\n"
    assert markdown.to_markdown(text) == text


def test_a_jekyll_highlight_block_is_code():
    text = "## What does the hook print?\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n"
    assert "```ruby\nputs 1\n```" in markdown.to_markdown(text)


def test_a_content_tab_is_its_label_over_its_text_never_a_question():
    text = '# Setup\n\n=== "Why not Docker?"\n\n    Docker needs root here.\n\n=== "Podman"\n\n    Podman runs rootless.\n'
    rewritten = markdown.to_markdown(text)
    assert "**Why not Docker?:**\nDocker needs root here." in rewritten.replace("\n\n", "\n")
    assert "<details>" not in rewritten and "    Podman" not in rewritten


def test_myst_directives_and_roles(tmp_path):
    text = (
        ":::{dropdown} Where are the logs?\n:icon: info\nUnder {ref}`the data folder <data-folder>`.\n:::\n\n"
        ":::{dropdown} Why is sync slow?\nSee {doc}`tuning` and {math}`O(n)` work per file.\n:::\n"
    )
    assert _cards(tmp_path, "faq.md", text) == [
        ("Where are the logs?", "Under `the data folder`."),
        ("Why is sync slow?", "See `tuning` and $O(n)$ work per file."),
    ]


def test_braces_in_code_or_after_a_dollar_are_no_role():
    text = "Tokens (`{deck}`, `{done}/{total}`) and ${IFS}`x` stay.\n"
    assert markdown.to_markdown(text) == text


def test_a_sphinx_dropdown_body_is_dedented_and_read_as_restructuredtext():
    text = ".. dropdown:: How do I list jobs?\n\n        Use the command::\n\n            tool jobs\n\n        Done.\n"
    converted = rst.to_markdown(text)
    assert "<details><summary>How do I list jobs?</summary>" in converted
    assert "```\ntool jobs\n```" in converted and "\nDone.\n" in converted
    assert converted.count("\n") == text.count("\n")  # line for line: cards keep their source lines


def test_an_untitled_or_stating_sphinx_box_is_no_card():
    converted = rst.to_markdown(".. admonition:: Supported versions\n\n   Three releases.\n")
    assert converted.startswith("**Supported versions**") and "<details>" not in converted
