"""HTML inside Markdown, turned into Markdown; questions and titles, into plain inline text.

Contract: :func:`html_to_markdown` takes Markdown that may hold HTML (a
``<details>`` body, a table cell, an Anki field) and gives Markdown with the
common tags converted (``<br>``, ``<p>``, ``<b>``, ``<i>``, ``<code>``,
``<pre>``, ``<ul>/<ol>/<li>``, ``<a href>``, ``<img>``); code and math are
never touched, and tags it does not know are kept as written. Later stages
escape all raw HTML, so a tag left here shows as text: converting is what
keeps ``<b>`` from showing as ``<b>``. :func:`inline_text` gives the one-line
form used for questions and section titles.

Why ``html.parser`` and not regexes: tags nest (``<li><b><a>``) and are often
unclosed (``<br>``, ``<li>`` without ``</li>``); a real tokenizer handles both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..render import FENCED_CODE, MATH

#: Fenced code, inline code and math: text the converter must leave byte for byte.
_VERBATIM = re.compile(rf"{FENCED_CODE}|(?P<t>`+)[^\n]+?(?P=t)|{MATH}", re.MULTILINE | re.DOTALL)
_TOKEN = "\ue000{}\ue001"
_TOKEN_RE = re.compile("\ue000(\\d+)\ue001")

_BOLD = frozenset({"b", "strong"})
#: Where one bold run ends and the next begins (``**(****Ohayō****):**``, a note app's export of text it bolds
#: piece by piece): one run, read as one.
#: Code the conversion wrote (a fence, a span) comes first: its stars are code.
_ADJACENT_BOLD = re.compile(r"(```.*?```|(`+)[^`].*?\2)|(?<=[^\s*])\*\*\*\*(?=[^\s*])", re.DOTALL)
_ITALIC = frozenset({"i", "em", "cite"})
_STRIKE = frozenset({"s", "del", "strike"})
_CODE = frozenset({"code", "kbd", "tt", "samp", "var"})
_BLOCK = frozenset({"p", "div", "section", "article", "header", "footer", "figure", "center"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset({"ul", "ol"})
#: Wrappers whose content is all that matters.
_TRANSPARENT = frozenset(
    {"span", "font", "u", "sub", "sup", "small", "big", "abbr", "mark", "label", "summary",
     "details", "figcaption", "thead", "tbody", "tfoot", "html", "body", "nobr", "ins", "q"}
)
_DROPPED = frozenset({"script", "style", "input", "button", "source", "video", "audio", "iframe"})
#: Attributes of a button that shows or hides part of the page: an accordion's question, kept.
_TOGGLES = ("aria-expanded", "aria-controls", "data-toggle", "data-bs-toggle")
#: Class names of such a button on pages that toggle it by script alone (``<button class="accordion">``).
_TOGGLE_CLASS = re.compile(r"accordion|collaps|faq|question|toggle", re.IGNORECASE)
#: Set on a dropped element's frame when its text is kept after all.
_KEPT = "\0kept"
#: Words of a class name that make a page's element a card's front ("card-front", "faq-question", Quizlet's
#: "SetPageTerm-wordText") or its back ("card-back", "faq-answer", "SetPageTerm-definitionText"); a class with
#: words of both sides is neither.
_FRONT_WORDS = frozenset({"front", "question", "term", "word", "prompt"})
#: Names of a block of questions and answers whose parts are named by one letter ("qa__q", "faq-a").
_QA_BLOCKS = frozenset({"qa", "faq", "qna"})
_BACK_WORDS = frozenset({"back", "answer", "definition", "meaning", "response", "explanation"})
#: What a quotation does not hold but an indented part of a page does: a heading, a list, a table, a quote.
_INDENTED = re.compile(r"^(?:#{1,6} |[-*] |\d{1,3}\. |\||> )", re.MULTILINE)
#: Words of a class that names what holds cards, whatever else it says: never a card's side.
_HOLDER_WORDS = frozenset({"section", "list", "container", "wrapper", "page", "document"})
#: schema.org's properties of a question's answer (microdata: ``itemprop="acceptedAnswer"``).
_ANSWER_PROPERTIES = frozenset({"acceptedAnswer", "suggestedAnswer"})
#: The words of a class attribute: "SetPageTerm-wordText" is set, page, term, word, text.
_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
#: Set on the frames around a card's back: an element holding both sides is no front.
_HOLDS_BACK = "\0back"
#: Set on a page's element with a class: the card's side its class names (see :func:`_side`), or "".
_SIDE = "\0side"
#: Set on a page's element whose class, id or role says it is the site's, not the author's (see :func:`_chrome`).
_CHROME = "\0chrome"
#: Words of a class or id that name a site's furniture around its content: a cookie or consent banner, a menu
#: bar, breadcrumbs, a sidebar.
_CHROME_WORDS = frozenset(
    {"cookie", "cookies", "consent", "gdpr", "navbar", "breadcrumb", "breadcrumbs", "sidebar", "copyright"}
)
#: Elements whose class names describe the whole page ("page-no-sidebar"), never furniture of it.
_ROOTS = frozenset({"html", "body", "main", "article"})
#: Words of a class that says what state an element is in, not what it is ("has-sidebar").
_STATES = frozenset({"has", "with", "without", "no", "is", "show", "hide", "open", "closed"})
#: Blocks a page styles as titles by class instead of using a heading element, and the words that say so.
_TITLED = frozenset({"div", "p"})
_TITLE_WORDS = frozenset({"title", "heading", "label"})
#: Words of a class that names a box set in the text, whose title labels a note, not a section.
_BOX_WORDS = frozenset({"callout", "admonition"})
#: The longest text such a block holds to be read as a heading: a title, not a paragraph.
_TITLE_LENGTH = 150
#: ARIA roles of the same furniture: a menu, the site's header and footer.
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo"})
#: A link that only marks its heading's address (Sphinx's and MkDocs' "¶", "#", "§", a chain emoji).
_PERMALINK_TEXT = frozenset({"¶", "#", "§", "🔗", "⚓", "\ue157"})
#: The address of a link back to the top of the page ("Back to Top", "↑").
_TO_TOP = re.compile(r"#(?:top|page-?top)?", re.IGNORECASE)
#: Between a page's table cells and after its rows while the table is built (see :meth:`_Converter._table`).
_CELL, _ROW = "\ue002", "\ue003"
#: Before a page's marked question (a ``<details>`` fold's summary, a block whose class names it a card's front)
#: until the page is read: a bold term, or a heading where the answers hold headings or bold lines of their own.
_FRONT = "\ue004"
_FRONT_LINE = re.compile(_FRONT + "([^\n]*)")
#: Around each span a page's ``<summary>`` holds directly, until the summary is written (see :func:`_main_piece`).
_PIECE = "\ue005"
#: Set on the element a marked question was written into: what else it holds is that question's answer.
_HAS_FRONT = "\0front"
#: A paragraph that is all bold: the kind of line the bold layout reads as a question.
_BOLD_LINE = re.compile(r"\*\*[^*\n]+\*\*:?")
#: Set on a table frame when a cell holds blocks, and on a list's when an item holds a heading: a table or
#: list that lays out the page, not one of data or of points.
_LAYOUT = "\0layout"
#: A heading line of the converted Markdown: a page's question written as a heading, inside a front or an item.
_HEADING_LINE = re.compile(r"^#{1,6} [^\n]*", re.MULTILINE)
#: A letter, digit or any other word character: what a toggle's icon ("+", "▼", "›") does not hold.
_WORDY = re.compile(r"\w")
#: Such an icon after a front's sentence ("Can I pause my plan? +"): the page's control, not the question's text.
_TRAILING_ICON = re.compile(r"(?<=[?.:!])\s*[-+−–▼▲▾▴▸▹›»⌄⌃⌵×✕]+\s*\Z")
#: A list item's or paragraph's number standing before a card's front ("**1.** <span class=question>").
_LONE_NUMBER = re.compile(r"\s*(?:\*\*)?(?:Q\s*)?\(?\d{1,3}[.):]?(?:\*\*)?\s*")
_VOID = frozenset({"br", "hr", "img", "input", "wbr", "source"})
#: What a whole page holds besides its content: the browser's and the site's, not the author's answer.
_PAGE_CHROME = frozenset(
    {"head", "title", "nav", "footer", "noscript", "svg", "form", "select", "textarea", "template", "menu"}
)
_CONTAINERS = (
    _BOLD | _ITALIC | _STRIKE | _CODE | _BLOCK | _LISTS | _TRANSPARENT | _DROPPED
    | set(_HEADINGS) | {"a", "li", "pre", "blockquote", "table", "tr", "td", "th", "dt", "dd", "dl"}
)


def html_to_markdown(text: str, page: bool = False) -> str:
    """``text`` with its HTML tags turned into Markdown (see the module docstring).

    ``page``: ``text`` is a whole HTML page, not HTML inside Markdown: tags this
    module does not know are dropped (their text kept), the page's chrome
    (head, navigation, forms, elements whose class says cookie banner, navbar,
    sidebar or breadcrumbs, bars of links, headings' permalinks, links back to
    the top) goes, a definition list's terms, a ``<details>`` fold's summary and
    a schema.org Question's name become bold paragraphs, as a page's FAQ
    entries often are, a block whose class calls it a title or label a heading,
    a table a Markdown table (its cells blocks where it only lays the page
    out), and a blockquote that indents blocks (old editors' indent) no quote.
    """
    if "<" not in text and "&" not in text:
        return text
    protected, kept = _protect(text, page)
    protected = _unclosed_as_text(protected)
    converter = _Converter(page)
    try:
        converter.feed(protected)
        converter.close()
    except AssertionError:  # Python's parser gives up on a malformed "<![…" or "<!…": read those as text
        converter = _Converter(page)
        converter.feed(protected.replace("<!", "&lt;!"))
        converter.close()
    converted = converter.result()
    if _FRONT in converted:
        converted = _FRONT_LINE.sub(converter.front_writer(), converted)
    if "****" in converted:  # before code comes back: a run of stars in code is code
        converted = _ADJACENT_BOLD.sub(lambda m: m.group(1) or "", converted)
    out = _TOKEN_RE.sub(lambda m: kept[int(m.group(1))], converted)
    return _tidy(out)


def comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the HTML comments of ``text``, ``<!--`` to the first ``-->`` after it.

    An opening with no ``-->`` after it is no comment, and nor is any later one: the
    search stops there instead of looking for a close from every opening (quadratic).
    """
    at = text.find("<!--")
    while at != -1:
        end = text.find("-->", at + 4)
        if end == -1:
            return
        yield at, end + 3
        at = text.find("<!--", end + 3)


def _unclosed_as_text(text: str) -> str:
    """``text`` with each ``<!--`` that no ``-->`` follows, and each ``<`` that no ``>`` follows, written
    ``&lt;``: the parser reads them as the text they are, where it would look for their end again
    from every one (quadratic: ten thousand ``<a `` took a minute)."""
    last = 0
    for _, last in comment_spans(text):
        pass
    if "<!--" in text[last:]:
        text = text[:last] + text[last:].replace("<!--", "&lt;!--")
    last = text.rfind(">") + 1
    return text if "<" not in text[last:] else text[:last] + text[last:].replace("<", "&lt;")


def _protect(text: str, page: bool = False) -> tuple[str, list[str]]:
    """``text`` with its code and math swapped for tokens. A page is HTML, not Markdown: a span there that holds
    a tag or an entity is no code or math of its own (a shell prompt's ``$`` in one ``<span>`` of a highlighted
    listing and the next ``$`` in another are no formula), so it is parsed as the page's markup."""
    kept: list[str] = []

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        if page and ("<" in found or "&" in found):
            return found
        kept.append(found)
        return _TOKEN.format(len(kept) - 1)

    return _VERBATIM.sub(swap, text), kept


#: The language a code block names in its class, as CommonMark renderers write it (``language-python``).
_LANGUAGE = re.compile(r"(?:^|\s)lang(?:uage)?-([\w+#.-]+)")
_BLANK_LINE = re.compile(r"^[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"\s+")


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\u200b", "")
    if _CELL in text or _ROW in text:  # a cell or row outside any table: its text stands alone
        text = text.replace(_CELL, " ").replace(_ROW, "\n")
    text = _BLANK_LINE.sub("", text)
    return _BLANK_LINES.sub("\n\n", text)


@dataclass
class _Frame:
    """An open element: its tag, attributes and the Markdown of its content so far."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    parts: list[str] = field(default_factory=list)
    #: The next number of an ``<ol>``.
    counter: int = 1

    def text(self) -> str:
        return "".join(self.parts)


#: The deepest elements are nested: a page's are a few dozen deep, and each tag looks through the open ones, so a
#: hostile file of tens of thousands nested would cost their square.
_DEEPEST = 256


class _Converter(HTMLParser):
    def __init__(self, page: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.frames: list[_Frame] = [_Frame("#root")]
        self.page = page
        self.dropped = _DROPPED | _PAGE_CHROME if page else _DROPPED
        #: The levels of the headings inside marked answers, and of those outside them; whether a marked
        #: answer holds a paragraph that is all bold (see :meth:`front_writer`).
        self.inner_levels: set[int] = set()
        self.outer_levels: set[int] = set()
        self.bold_inside = False
        #: Elements opened past :data:`_DEEPEST`, by tag: their content is the deepest open element's, and their
        #: closing tags close nothing.
        self.beyond: dict[str, int] = {}

    # -- tokenizer callbacks -------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in _VOID:
            self._emit(self._void(tag, values))
        elif tag in _CONTAINERS or (self.page and tag in self.dropped):
            if len(self.frames) > _DEEPEST:
                self.beyond[tag] = self.beyond.get(tag, 0) + 1
                return
            if tag == "li":
                self._close_open("li", stop=_LISTS)
            elif tag == "code" and self.frames[-1].tag == "pre":  # <pre><code class="language-python">
                named = _LANGUAGE.search(values.get("class", ""))
                if named:
                    self.frames[-1].attrs["language"] = named.group(1)
            elif tag == "button" and (self._in_heading() or any(key in values for key in _TOGGLES)
                                      or _TOGGLE_CLASS.search(values.get("class", ""))
                                      or (self.page and _side(values.get("class", "")) == "front")):
                values[_KEPT] = ""  # an accordion's question: a heading's text, or a bold line
            if self.page and "class" in values:
                values[_SIDE] = _side(values["class"])  # told once: the elements inside it ask it again
            if self.page and "itemprop" in values:
                values[_SIDE] = self._property_side(values["itemprop"]) or values.get(_SIDE, "")
            if self.page and tag not in _ROOTS and _chrome(values):
                values[_CHROME] = ""
            self.frames.append(_Frame(tag, values))
        elif not self.page:
            self._emit(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag in _CONTAINERS:
            self._emit(self._void(tag, {k: v or "" for k, v in attrs}))
        elif not self.page:
            self._emit(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        if self.beyond.get(tag):
            self.beyond[tag] -= 1
            return
        if not any(frame.tag == tag for frame in self.frames[1:]):
            if tag not in _CONTAINERS and not self.page:
                self._emit(f"</{tag}>")
            return
        self._close_open(tag)

    def handle_data(self, data: str) -> None:
        if self.page and not self._in("pre"):
            data = _SPACES.sub(" ", data)  # in a page, a run of whitespace is one space: its layout is the tags'
        if not any((frame.tag in self.dropped and _KEPT not in frame.attrs) or _CHROME in frame.attrs
                   for frame in self.frames):
            self._emit(data)

    def front_writer(self) -> Callable[[re.Match[str]], str]:
        """How the page's marked questions are written. A bold term, as a ``<dt>`` is, unless their answers
        hold headings or bold paragraphs of their own (a "Key points:" line, an "Approach" subheading): then
        the bold layout could not tell the page's questions from its answers' lines, so the questions become
        headings one level above the answers' own, as long as that leaves a level to stand on."""
        level = 0
        if self.inner_levels:
            level = min(self.inner_levels) - 1
        elif self.bold_inside:
            level = min(max(self.outer_levels, default=2) + 1, 6)
        if level < 2:
            return lambda match: _wrap(match.group(1), "**")

        def heading(match: re.Match[str]) -> str:
            text = match.group(1)
            if match.start() and match.string[match.start() - 1] != "\n":
                return _wrap(text, "**")  # inside a line (a list item's, a table cell's): no heading there
            if text.startswith("**") and text.endswith("**") and "**" not in text[2:-2]:
                text = text[2:-2]
            return "#" * level + " " + text

        return heading

    def _note_answer_block(self, tag: str, content: str) -> None:
        """Note a heading's level, or a bold paragraph, inside a marked answer (see :meth:`front_writer`)."""
        inside = any(frame.tag == "details" or frame.attrs.get(_SIDE) == "back" or _HAS_FRONT in frame.attrs
                     for frame in self.frames) and not self._in("summary")
        if tag in _HEADINGS:
            (self.inner_levels if inside else self.outer_levels).add(_HEADINGS[tag])
        elif inside and _BOLD_LINE.fullmatch(content.strip()):
            self.bold_inside = True

    def _front(self, content: str) -> str:
        """A marked question on a line of its own, written once the page is read (see :meth:`front_writer`)."""
        line = _one_line(content.replace(_FRONT, ""))  # a question marked inside another is that one question
        if self._in("pre"):
            return content  # a listing's prompt ("<span class=prompt1>"): code, not a question
        if not line or _LONE_NUMBER.fullmatch(line):
            return content  # "<span class=question-number>Q3</span>": no question
        self.frames[-1].attrs[_HAS_FRONT] = ""
        return "\n\n" + _FRONT + line + "\n\n"

    def result(self) -> str:
        while len(self.frames) > 1:
            self._pop()
        return self.frames[0].text()

    # -- building ------------------------------------------------------------
    def _emit(self, text: str) -> None:
        self.frames[-1].parts.append(text)

    def _close_open(self, tag: str, stop: frozenset[str] = frozenset()) -> None:
        """Close elements up to and including the innermost open ``tag`` (not past ``stop``)."""
        for frame in reversed(self.frames[1:]):
            if frame.tag in stop:
                return
            if frame.tag == tag:
                break
        else:
            return
        while self._pop().tag != tag:
            pass

    def _pop(self) -> _Frame:
        frame = self.frames.pop()
        self._emit(self._compose(frame))
        return frame

    def _property_side(self, prop: str) -> str:
        """The card's side a schema.org microdata property names: a Question's ``name`` its front, an
        ``acceptedAnswer`` its back (a FAQPage marked up in the page itself, whatever its classes)."""
        if prop in _ANSWER_PROPERTIES:
            return "back"
        if prop == "name":
            scope = next((frame.attrs["itemtype"] for frame in reversed(self.frames) if "itemtype" in frame.attrs), "")
            return "front" if scope.endswith("/Question") else ""
        return ""

    def _in_heading(self) -> bool:
        return any(frame.tag in _HEADINGS for frame in self.frames)

    def _in(self, tag: str) -> bool:
        return any(frame.tag == tag for frame in self.frames)

    def _void(self, tag: str, attrs: dict[str, str]) -> str:
        if tag == "br":
            return "\n"
        if tag == "hr":
            return "\n\n---\n\n"
        if tag == "img" and attrs.get("src"):
            return f"![{attrs.get('alt', '')}]({attrs['src']})"
        return ""

    def _compose(self, frame: _Frame) -> str:
        tag, content = frame.tag, frame.text()
        if self.page and tag == "span" and self.frames[-1].tag in ("summary", "button"):
            return _PIECE + content + _PIECE
        if tag in ("summary", "button") and _PIECE in content:
            content = _main_piece(content)
        if tag in self.dropped:
            if _KEPT not in frame.attrs:
                return ""
            content = _TRAILING_ICON.sub("", content)  # "<button>Q? <span>+</span></button>": its icon goes
            return content if self._in_heading() else self._front(content)
        if _CHROME in frame.attrs:
            return ""
        if self.page and (tag == "dt" or (tag == "summary" and not self._in("li"))):
            # A <details> fold's summary is its question, as a term's is; in a list item (Notion's toggles)
            # it is already the item's first line, which the outline layout reads as one.
            return self._front(content) if tag == "summary" else _term(content)
        if self.page and tag == "span" and "spoiler" in frame.attrs.get("class", "") and content.strip():
            # An answer the page hides until clicked: Reddit's mark for it, which the inline layout reads.
            return f">!{_one_line(content)}!<"
        if self.page and (tag in _BLOCK or tag == "span") and (side := frame.attrs.get(_SIDE)):
            if side == "back":
                for around in self.frames:
                    around.attrs[_HOLDS_BACK] = ""
            elif (_HOLDS_BACK not in frame.attrs and content.strip()
                  and not any(around.attrs.get(_SIDE) == "back" for around in self.frames)):
                if _LONE_NUMBER.fullmatch(self.frames[-1].text()):
                    self.frames[-1].parts.clear()  # "**3.** <front>": the front's number, not a line of its own
                heading = _HEADING_LINE.search(content) if "#" in content else None
                if heading:  # "<div class=faq-question><h3>…</h3><span>+</span>": the heading is the question
                    rest = content[:heading.start()] + content[heading.end():]
                    return "\n\n" + heading.group(0).strip() + "\n\n" + (rest.strip() + "\n\n" if _WORDY.search(rest) else "")
                return self._front(_TRAILING_ICON.sub("", content))  # a card's front: a term, as <dt> is
        if self.page and tag in _TITLED and _titled(frame.attrs) and not self._in_heading():
            title = _one_line(content)
            if title and len(title) <= _TITLE_LENGTH and "\n\n" not in content.strip() and title[0] not in "#*-|!":
                if _boxed(frame.attrs) and not title.endswith("?"):
                    return _term(title)  # a note's or tip's label ("Important", "Note") inside an answer: no section
                return "\n\n### " + title + "\n\n"  # a group's label or a question styled as a title: a heading
        if tag == "pre":
            return f"\n\n```{frame.attrs.get('language', '')}\n" + content.strip("\n") + "\n```\n\n"
        if tag in _CODE:
            return content if self._in("pre") else _code_span(content)
        if tag in _BOLD:
            return _wrap(content, "**")
        if tag in _ITALIC:
            return _wrap(content, "*")
        if tag in _STRIKE:
            return _wrap(content, "~~")
        if tag == "a":
            if self.page and (content.strip() in _PERMALINK_TEXT or _TO_TOP.fullmatch(frame.attrs.get("href", ""))):
                return ""  # a heading's permalink, a "Back to top": the page's addresses, not its text
            return _link(content, frame.attrs.get("href", ""))
        if tag in _HEADINGS:
            if self.page:
                self._note_answer_block(tag, content)
            return "\n\n" + "#" * _HEADINGS[tag] + " " + _one_line(content) + "\n\n"
        if tag == "li" and self.page and not content.strip():
            return ""  # a page's empty item: a divider drawn by its style
        if tag == "li" and self.page and "#" in content and _HEADING_LINE.search(content):
            for around in reversed(self.frames):  # a list of entries, each a heading and its text: the page's layout
                if around.tag in _LISTS:
                    around.attrs[_LAYOUT] = ""
                    break
            return "\n\n" + content.strip() + "\n\n"
        if tag == "li":
            return self._item(content)
        if tag == "dl" and self.page:  # its terms are bold paragraphs: the blank lines around them stay
            return "\n\n" + content.strip("\n") + "\n\n"
        if tag in _LISTS and _LAYOUT in frame.attrs:
            return "\n\n" + content.strip("\n") + "\n\n"
        if tag in _LISTS or tag == "dl":
            return "\n\n" + re.sub(r"\n\s*\n", "\n", content.strip("\n")) + "\n\n"
        if tag == "blockquote" and self.page and _INDENTED.search(content):
            return "\n\n" + content.strip("\n") + "\n\n"  # a page's indent (FrontPage's, Dreamweaver's): no quote
        if tag == "blockquote" and self.page:  # a page's spaces between blocks are no lines of the quote
            return "\n\n" + re.sub(r"^", "> ", re.sub(r"\n\s*\n", "\n\n", content.strip()), flags=re.MULTILINE) + "\n\n"
        if tag == "blockquote":
            return "\n\n" + re.sub(r"^", "> ", content.strip("\n"), flags=re.MULTILINE) + "\n\n"
        if tag in ("td", "th") and self.page:
            if "\n\n" in content.strip():
                for around in reversed(self.frames):
                    if around.tag == "table":
                        around.attrs[_LAYOUT] = ""
                        break
            return content + _CELL
        if tag == "tr" and self.page:
            return content + _ROW
        if tag == "table" and self.page:
            return self._table(frame)
        if tag in ("td", "th"):
            return _one_line(content) + " | "
        if tag == "tr":
            return "\n" + content.rstrip(" |") + "\n"
        if self.page and tag in _BLOCK and content.count("](") >= _LINK_BAR and _link_bar(content):
            return ""  # a bar of links (other pages, cities, a footer's list): the site's, not an answer
        if tag in _BLOCK or tag in ("table", "dt", "dd") or (self.page and tag == "details"):
            if self.page and tag == "p" and "**" in content:
                self._note_answer_block(tag, content)
            return "\n\n" + content.strip() + "\n\n"
        return content

    def _table(self, frame: _Frame) -> str:
        """A page's table as a Markdown table: its first row the header, a cell's text on one line, its ``|``
        escaped. A table whose cells hold blocks, or of one column, lays out the page: its cells are blocks."""
        rows = [[cell for cell in row.split(_CELL)[:-1]] for row in frame.text().split(_ROW)]
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            return "\n\n"
        if _LAYOUT in frame.attrs or max(len(row) for row in rows) < 2:
            cells = [cell.strip() for row in rows for cell in row if cell.strip()]
            # A cell of links alone, one a paragraph, is the site's menu.
            cells = [cell for cell in cells if cell.count("](") < _LINK_BAR or not _link_bar(cell)]
            return "\n\n" + "\n\n".join(cells) + "\n\n"
        width = max(len(row) for row in rows)
        lines = []
        for number, row in enumerate(rows):
            cells = [_one_line(cell).replace("|", "\\|") for cell in row] + [""] * (width - len(row))
            lines.append("| " + " | ".join(cells) + " |")
            if number == 0:
                lines.append("|" + " --- |" * width)
        return "\n\n" + "\n".join(lines) + "\n\n"

    def _item(self, content: str) -> str:
        lists = [frame for frame in self.frames if frame.tag in _LISTS]
        marker = "- "
        if lists and lists[-1].tag == "ol":
            marker = f"{lists[-1].counter}. "
            lists[-1].counter += 1
        body = re.sub(r"\n\s*\n", "\n", content.strip())
        # Four spaces: Python-Markdown, our renderer, nests lists only at four.
        body = body.replace("\n", "\n    ")
        return "\n" + marker + body + "\n"


def _main_piece(content: str) -> str:
    """A summary's or toggle button's text without the labels beside its question: a summary of spans, one
    of them the question and each other a word or two ("Medium", "▶"), is that one span (a difficulty badge or a
    toggle's arrow is the page's, not the question's), and so is a button's text beside spans of a word or
    two ("<span>Q4</span>Why …?<span>›</span>"). Otherwise the text as written."""
    parts = content.split(_PIECE)
    pieces = [piece for piece in [_one_line(" ".join(parts[0::2]))] + [_one_line(part) for part in parts[1::2]] if piece]
    if len(pieces) >= 2:
        longest = max(pieces, key=len)
        rest = [piece for piece in pieces if piece is not longest]
        words = len(longest.split())
        if words >= 2 and all(len(piece.split()) < min(words, 3) for piece in rest):
            return longest
    return "".join(parts)


def _term(content: str) -> str:
    """A term on a paragraph of its own, in bold: how a ``<dt>``, a card's front and an accordion's question read."""
    return "\n\n" + _wrap(_one_line(content.replace(_FRONT, "")), "**") + "\n\n"


def _titled(attrs: dict[str, str]) -> bool:
    """True when an element's class or id calls it a title, heading or label ("faq-cat-title", "cont5_title")."""
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    return not _TITLE_WORDS.isdisjoint(word.lower() for word in _CLASS_WORDS.findall(names))


def _boxed(attrs: dict[str, str]) -> bool:
    """True when an element's class names it the title of a box set in the text (a callout's, an
    admonition's: "callout-title", Sphinx's "admonition-title")."""
    return not _BOX_WORDS.isdisjoint(word.lower() for word in _CLASS_WORDS.findall(attrs.get("class", "")))


def _chrome(attrs: dict[str, str]) -> bool:
    """True when an element's class, id or role names it as the site's furniture (:data:`_CHROME_WORDS`)."""
    if attrs.get("role") in _CHROME_ROLES:
        return True
    for name in f"{attrs.get('class', '')} {attrs.get('id', '')}".lower().split():
        words = [word for word in re.split(r"[_-]+", name) if word]
        if _STATES.isdisjoint(words) and not _CHROME_WORDS.isdisjoint(words):
            return True
    return False


#: The fewest links a block holds, and nothing else, to be a bar of links.
_LINK_BAR = 4


def _link_bar(content: str) -> bool:
    """True when a block is only links, each of a few words, with nothing but spaces and separators between."""
    links = list(_MD_LINK.finditer(content))
    if len(links) < _LINK_BAR or any(len(link.group(1).split()) > 4 for link in links):
        return False
    rest = _MD_LINK.sub("", content)
    return not rest.strip(" \n\t|·•,-–—/*_")


def _side(classes: str) -> str:
    """"front" or "back" when an element's class names say it is a card's side, else "". The part of a name
    after its last "-" or "__" says it first: "SetPageTerm-definitionText" is a definition, whatever the block."""
    parts = [part for name in classes.split() for part in re.split(r"-+|__", name) if part]
    if len(parts) >= 2 and parts[-1] in ("q", "a") and parts[-2].lower() in _QA_BLOCKS:
        return "front" if parts[-1] == "q" else "back"  # "qa__q", "faq-a": a Q&A block's question and answer
    for part in reversed(parts):
        words = {word.lower() for word in _CLASS_WORDS.findall(part)}
        if not words.isdisjoint(_HOLDER_WORDS):
            return ""  # it holds cards (Word's "WordSection1", "faq-question-list"): no side of one
        front, back = not words.isdisjoint(_FRONT_WORDS), not words.isdisjoint(_BACK_WORDS)
        if front != back:
            return "front" if front else "back"
    return ""


def _wrap(content: str, mark: str) -> str:
    """``mark`` around the content, with surrounding spaces kept outside (``** x**`` is no bold)."""
    core = content.strip()
    if not core:
        return content
    lead = content[: len(content) - len(content.lstrip())]
    trail = content[len(content.rstrip()) :]
    if core.startswith(mark) and core.endswith(mark):
        return content
    return f"{lead}{mark}{core}{mark}{trail}"


def _code_span(content: str) -> str:
    core = _one_line(content)
    if not core:
        return content
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", core)), default=0) + 1)
    pad = " " if core.startswith("`") or core.endswith("`") else ""
    return f"{ticks}{pad}{core}{pad}{ticks}"


def _link(content: str, href: str) -> str:
    text = content.strip()
    if not href:
        return content
    if not text:
        return ""
    return f"[{text}]({href.replace(' ', '%20')})"


def _one_line(text: str) -> str:
    """``text`` on one line, each run of whitespace one space: ``_SPACES.sub(" ", text).strip()``.

    ``str.split`` splits at the very characters ``\\s`` matches, without a regex match a run.
    """
    return " ".join(text.split())


#: A link or image: its text may hold one level of brackets, its target one level of parentheses. No
#: part can run over a bracket or parenthesis it does not close, so a failed try ends at the next one
#: instead of at the end of the text (quadratic over a text of brackets).
_MD_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*+)\]\((?:[^()]|\([^()]*\))*+\)")
_EMOJI_CODE = re.compile(r"(?<!\w):[a-z0-9_+-]+:(?!\w)")
#: "What is X? ***": stars after the text rate difficulty, they are no markup.
_RATING_STARS = re.compile(r"\s+\*{1,3}(\*\*|__)?$")
_WRAPPED = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$")
#: Bold around bold (``****Question 1****``): a note app's export of a bold run in a heading it already bolds.
_DOUBLED_BOLD = re.compile(r"\*\*\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*\*\*")


#: An Obsidian wiki link or embed (``!`` before it): its target (page, then ``#heading`` or ``#^block``) and its
#: alias; in a table the bar before the alias is escaped (``\\|``). ``#[[two words]]`` is a tag,
#: ``[[text]](url)`` a Markdown link whose words are bracketed: neither is a wiki link.
#: A page's name opens with no space and holds a letter or digit: shell's ``[[ -f x ]]`` and ``[[...]]`` are no links.
_WIKI_LINK = re.compile(r"(?<!#)(!?)\[\[(?=[^\[\]|\n]*\w)([^\s\[\]|][^\[\]|\n]*?)\\?(?:\|([^\[\]\n]*))?\]\](?!\()")
#: The file name's extension of a page's name: a page is a note (no extension, or ``.md``), else a file.
_EXTENSION = re.compile(r"\.(\w{1,5})$")


def wiki_links_as_text(text: str) -> str:
    """``text`` with each Obsidian wiki link as the text Obsidian shows for it: ``[[Page|alias]]`` its
    alias, ``[[Page]]`` the page, ``[[Page#Heading]]`` "Page > Heading" (a block's ``#^id`` shows
    nothing). The page is no file of the deck, so a card shows the words, not brackets; so does a
    note's embed (``![[Page#Heading]]``, which Obsidian shows that part of the note in). A file's embed
    (``![[diagram.png]]``) is a picture, left to :mod:`qadeck.render.media`; code and math are left as written."""
    if "[[" not in text:
        return text
    out: list[str] = []
    at = 0
    for verbatim in _VERBATIM.finditer(text):
        out.append(_WIKI_LINK.sub(_shown, text[at : verbatim.start()]))
        out.append(verbatim.group(0))
        at = verbatim.end()
    out.append(_WIKI_LINK.sub(_shown, text[at:]))
    return "".join(out)


#: An Obsidian block id ending a line (``… ^a1b2c3``, ``^gen-idea``): a link's target, which the app hides; the ids of
#: Roam's blocks (``^PdV9FA9E_``) hold underscores too, as exports of its graphs write them.
#: A letter in it, and a space before it: ``2 ^10`` is a power.
_BLOCK_ID = re.compile(r"(?<=\S)[ \t]+\^(?=[\w-]*[A-Za-z])[\w-]{3,}[ \t]*$|^[ \t]*\^(?=[\w-]*[A-Za-z])[\w-]{3,}[ \t]*\n?",
                       re.MULTILINE | re.ASCII)


def without_block_ids(text: str) -> str:
    """``text`` without Obsidian's block ids (``^abc123`` ending a line or alone on one); code and math as written."""
    if "^" not in text:
        return text
    out: list[str] = []
    at = 0
    for verbatim in _VERBATIM.finditer(text):
        out.append(_BLOCK_ID.sub("", text[at : verbatim.start()]))
        out.append(verbatim.group(0))
        at = verbatim.end()
    out.append(_BLOCK_ID.sub("", text[at:]))
    shown = "".join(out)
    return text if shown == text else shown.rstrip("\n") if not text.endswith("\n") else shown


def _shown(link: re.Match[str]) -> str:
    page, _, place = link.group(2).partition("#")
    page = page.strip()
    if link.group(1):
        extension = _EXTENSION.search(page)
        if extension and extension.group(1).lower() != "md":
            return link.group(0)  # a picture, a sound or a document: media's to show
    alias = (link.group(3) or "").strip()
    if alias and not link.group(1):
        return alias  # an embed's "|…" is its size or a caption, a link's the words shown
    place = "" if place.startswith("^") else place.strip()
    return f"{page} > {place}" if page and place else page or place


_FENCE = re.compile(r"^\s*(```|~~~)")
#: A line that starts a Markdown block: the line before it needs no break.
_BLOCK_START = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|#{1,6}\s|>|\||```|~~~|<)")


def hard_breaks(text: str) -> str:
    """``text``'s line breaks as Markdown's: the author broke the line, which Markdown would join to the next
    (a data file's field, a note Obsidian shows line by line); lists, code and other blocks stay as they are."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    fenced = False
    for index, line in enumerate(lines[:-1]):
        if _FENCE.match(line):
            fenced = not fenced
        following = lines[index + 1]
        if fenced or not line.strip() or not following.strip() or _BLOCK_START.match(following) \
                or _BLOCK_START.match(line) or line.endswith(("  ", "\\")):
            continue
        lines[index] = line + "  "
    return "\n".join(lines)


def inline_text(text: str) -> str:
    """One line of plain text with inline Markdown, for a question or section title.

    HTML becomes Markdown, links keep only their text, images, ``:emoji:``
    codes and trailing rating stars go, and emphasis that wraps the whole text
    is unwrapped (a question in bold is bold because it is the question, not
    for emphasis).
    """
    # Each pattern is tried only when the text holds what it needs: most questions have no markup.
    text = _one_line(html_to_markdown(text))
    if "](" in text:
        text = _MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), text)
    if ":" in text:
        text = _EMOJI_CODE.sub("", text)
    text = _one_line(text)
    if "*" in text:
        text = _RATING_STARS.sub(r"\1", text)
        if "****" in text:
            text = _DOUBLED_BOLD.sub(r"**\1**", text)
    while True:
        unwrapped = _WRAPPED.match(text)
        if not unwrapped or unwrapped.group(1) in unwrapped.group(2):
            return text
        text = unwrapped.group(2).strip()
