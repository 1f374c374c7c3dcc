"""Code blocks highlighted by Pygments, and the CSS that colours them.

Contract: :func:`highlight` turns a fenced block's code into
``<pre class="highlight"><code class="language-LANG">…</code></pre>`` with
Pygments' token classes on ``<span>`` elements, or returns None when the
fence names no language Pygments knows: the language comes from the fence's
info string only and is never guessed from the code (a guess colours prose
and shell output as whatever language it resembles). :data:`CSS` holds the
token colours for Anki's day mode and, under ``.nightMode`` and
``.night_mode``, for its night mode; the note type carries it.
"""

from __future__ import annotations

import html
from functools import cache

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

#: The class of a highlighted block's ``<pre>``: token rules are scoped under it.
BLOCK_CLASS = "highlight"
#: Pygments styles for day and night mode: light and dark backgrounds each readable with the card's
#: own ``pre`` colours (see :data:`qadeck.writers.apkg.CSS`).
DAY_STYLE = "default"
NIGHT_STYLE = "github-dark"
NIGHT_MODES = (".nightMode", ".night_mode")

_FORMATTER = HtmlFormatter(nowrap=True)


@cache
def lexer(language: str) -> Lexer | None:
    """The lexer Pygments knows by the name or alias ``language``, or None."""
    try:
        # stripnl=False: the block's leading and trailing blank lines are the author's.
        return get_lexer_by_name(language.lower(), stripnl=False)
    except (ClassNotFound, ValueError):
        return None


def highlight(code: str, language: str, attrs: str = "") -> str | None:
    """``code`` highlighted as ``language`` (a fence's first word), or None when it names none known.

    The signature is markdown-it's ``highlight`` option: ``attrs`` (the rest of
    the info string) is not used.
    """
    found = lexer(language) if language else None
    if found is None:
        return None
    body = pygments_highlight(code, found, _FORMATTER)
    name = html.escape(language, quote=True)
    return f'<pre class="{BLOCK_CLASS}"><code class="language-{name}">{body}</code></pre>'


def _token_rules(style: str, scopes: list[str]) -> str:
    # Each rule's trailing comment names the token type: left out, the CSS is a third smaller.
    rules = HtmlFormatter(style=style).get_token_style_defs(scopes)
    return "\n".join(rule.split(" /* ")[0] for rule in rules)


def _css() -> str:
    day = _token_rules(DAY_STYLE, [f".{BLOCK_CLASS}"])
    night_scopes = [f"{mode} .{BLOCK_CLASS}" for mode in NIGHT_MODES]
    # A token the day style colours and the night style leaves alone must not keep its day colour on
    # a dark background: at night every token first goes back to the block's own colour.
    reset = ", ".join(f"{scope} span" for scope in night_scopes)
    night = _token_rules(NIGHT_STYLE, night_scopes)
    return (f"{day}\n{reset} {{ color: inherit; background-color: transparent; font-weight: inherit;"
            f" font-style: inherit; border: none; }}\n{night}\n")


#: The token colours, day and night (added to the note type's CSS).
CSS = _css()
