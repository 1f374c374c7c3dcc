"""Repair inline code that lost the spaces around it when a page was copied as text.

Some blogs render inline code so that copying the page breaks the line where
the code starts and glues the code to the words around it::

    Q: What is the purpose of a
    requirements.txtfile?A: It's a text file ...
    A: An
    environment.ymlis used bycondaand can specify ...

A line break inside a question or answer therefore marks the start of a code
word, and the token it starts is code glued to an ordinary word. The repair
learns from the source itself, so it needs no list of tools:

* the *vocabulary* is every word of the clean lines (those that open with a
  marker: their text was never next to code), plus English function words;
* the *lexicon* of code words comes from the tokens that open a broken line:
  a file name (``requirements.txt``), or a word that is not in the vocabulary
  with the trailing vocabulary word cut off (``picklelibrary`` -> ``pickle``).

Every token that is neither a known word nor a known code word is then split
into the cheapest sequence of words, code words and punctuation
(``bycondaand`` -> ``by `conda` and``); a line that is a whole command
(``docker build -t app .``) becomes inline code, or a code block when it is
the whole answer. :attr:`Glue.applies` is False for sources that do not show
this damage, so hard-wrapped notes are never "repaired".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Words that glue to code in running text and are in every English source.
FUNCTION_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "a an the and or but nor is are was were be been being has have had do does did in on at by for from of"
        " to with as into onto than that this these those it its can could will would should may might must not"
        " no if so such your you we our their they which who what how when where why all any each more most"
        " other some then there here also only just very within without another upon cannot"
    ).split()
)

FILE_NAME = re.compile(
    r"[A-Za-z0-9_][\w-]*\.(?:txt|ya?ml|pkl|pickle|py|ipynb|json|toml|cfg|ini|sh|csv|tsv|parquet|md"
    r"|h5|onnx|pt|pth|joblib|lock|env|xml|log|sql|zip|gz)"
)
#: ``image:tag`` and ``name:version``: ``my-app:1.0``, ``python:3.9-slim``.
NAME_TAG = re.compile(r"[a-z][\w-]*(?:/[\w-]+)*:\w(?:[\w.-]*\w)?")
PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+")
_CODE_PATTERNS = (FILE_NAME, NAME_TAG, PATH)
#: Characters that continue a code word: code never ends right before one of them.
_CODE_CONTINUES = ":/._-"
_PUNCT = frozenset(".,;:?!()[]\"'")
_OPENING = frozenset("([")
_LEADING_CORE = re.compile(r"[\w.:/-]+")
_SHELL_TOKEN = re.compile(r"^(?:-.*|\.|>>?|\||&&|.*[/:=].*|\w+-\w+.*)$")
_COMMAND_TOKEN = re.compile(r"^[a-z0-9./:@=_>|&*~$-][\w./:@=>|&*~$-]*$")

# Segmentation costs: the split with the lowest total wins. Known code is cheapest so
# that "arequirements.txt" is "a" + code, not one unknown file name; a word that is in
# neither list may only follow code ("Dockerfilecreates") and costs most.
_COST_PUNCT, _COST_CODE, _COST_FUNCTION, _COST_WORD, _COST_PATTERN, _COST_GLUED = 0, 1, 1, 2, 3, 5


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    #: word | code | punct
    kind: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words a source uses where nothing was glued."""

    exact: frozenset[str]
    lower: frozenset[str]

    @classmethod
    def of(cls, lines: Iterable[str]) -> Vocabulary:
        tokens = set(" ".join(lines).split())  # one split of all the lines, not one a line
        words = {core(token) for token in tokens}
        words = {w for w in words if any(ch.isalpha() for ch in w)}
        return cls(frozenset(words), frozenset(w.lower() for w in words) | FUNCTION_WORDS)

    def has(self, word: str) -> bool:
        return word.lower() in self.lower

    def has_exact(self, word: str) -> bool:
        return word in self.exact or word in FUNCTION_WORDS


def core(token: str) -> str:
    """A token without the punctuation around it."""
    return token.strip("\"'([").rstrip("\"')].,;:?!")


def _split_core(token: str) -> tuple[str, str, str]:
    inner = core(token)
    start = len(token) - len(token.lstrip("\"'(["))
    return token[:start], inner, token[start + len(inner) :]


def _is_code_pattern(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in _CODE_PATTERNS)


@dataclass(frozen=True)
class Glue:
    """What one source taught about its glued code, and the repair that uses it."""

    vocabulary: Vocabulary
    lexicon: frozenset[str]
    #: True when the source shows the damage (enough broken lines open with glued code).
    applies: bool
    _memo: dict[str, tuple[Piece, ...] | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def learn(cls, clean: Iterable[str], broken: Iterable[str]) -> Glue:
        """Learn from the clean lines and the lines that start after a break."""
        vocabulary = Vocabulary.of(clean)
        cores = [m.group().rstrip(_CODE_CONTINUES) for line in broken if (m := _LEADING_CORE.match(line.strip()))]
        lexicon: set[str] = set()
        glued = coded = 0
        for word in sorted(cores, key=len):
            learned, was_glued = _learn_one(word, vocabulary, lexicon)
            if learned:
                lexicon.add(learned)
            glued += was_glued
            coded += was_glued and bool(learned) and not learned.isalpha()
        # A third of the broken lines opening with glued code is far beyond chance; and some of that
        # code must look like code (package.json, node_modules): in a short text, "What" splits
        # as "Wh" + "at" as readily as "Dockerfilecreates" does.
        applies = glued >= 2 and 3 * glued >= len(cores) and coded >= 1
        return cls(vocabulary, frozenset(lexicon), applies)

    def repair(self, text: str, *, answer: bool = False) -> str:
        """``text`` with its line breaks (where code started) rejoined and glued code split.

        ``answer=True`` turns an answer that is nothing but a command into a code block
        (a lone code word stays inline).
        """
        segments = text.split("\n")
        out = [segments[0] and self._tokens(segments[0], leading=False)]
        for segment in segments[1:]:
            out.append(command(segment, self.lexicon) or self._tokens(segment, leading=True))
        repaired = " ".join(part for part in out if part)
        whole = re.fullmatch(r"`([^`]+ [^`]+)`", repaired)
        if answer and whole:
            return f"```\n{whole.group(1)}\n```"
        return repaired

    def _tokens(self, segment: str, leading: bool) -> str:
        tokens = segment.split()
        return " ".join(self._token(token, leading and i == 0) for i, token in enumerate(tokens))

    def _token(self, token: str, leading: bool) -> str:
        before, inner, after = _split_core(token)
        if inner in self.lexicon or (leading and _is_code_pattern(inner)):
            return f"{before}`{inner}`{after}"
        if not inner or self.vocabulary.has(inner) or not any(ch.isalpha() for ch in inner):
            return token
        if token not in self._memo:
            self._memo[token] = self._segment(token)
        pieces = self._memo[token]
        words = [p for p in pieces or () if p.kind == "word"]
        if pieces is None or (len(words) < 2 and not any(p.kind == "code" for p in pieces)):
            return token
        return render(pieces)

    def _segment(self, token: str) -> tuple[Piece, ...] | None:
        """The cheapest split of ``token`` into words, code and punctuation (None: no split)."""
        # best[i][state after the last piece] = (cost, pieces) for token[:i]
        best: list[dict[str, tuple[int, tuple[Piece, ...]]]] = [{} for _ in range(len(token) + 1)]
        best[0][""] = (0, ())
        for start in range(len(token)):
            for last, (cost, pieces) in list(best[start].items()):
                for end in range(start + 1, len(token) + 1):
                    for piece_cost, piece, state in self._candidates(token, start, end, last):
                        total = cost + piece_cost
                        if state not in best[end] or total < best[end][state][0]:
                            best[end][state] = (total, pieces + (piece,))
        if not best[-1]:
            return None
        return min(best[-1].values(), key=lambda found: found[0])[1]

    def _candidates(self, token: str, start: int, end: int, last: str) -> list[tuple[int, Piece, str]]:
        """Pieces ``token[start:end]`` can be after a piece in state ``last``, with cost and new state.

        States: code, function (word), word (other word), punct. Two code words are
        never adjacent (text always separates them), and two words glue only when
        one is a function word ("imageand", "afinal"): "database" stays one word.
        """
        text = token[start:end]
        if text in _PUNCT:
            return [(_COST_PUNCT, Piece(text, "punct"), "punct")]
        out = []
        ends_cleanly = end == len(token) or token[end] not in _CODE_CONTINUES or not token[end + 1 : end + 2].isalnum()
        if last != "code" and ends_cleanly:
            if text in self.lexicon:
                out.append((_COST_CODE, Piece(text, "code"), "code"))
            elif _is_code_pattern(text):
                out.append((_COST_PATTERN, Piece(text, "code"), "code"))
        if text.lower() in FUNCTION_WORDS and (text.islower() or text.istitle()):
            out.append((_COST_FUNCTION, Piece(text, "word"), "function"))
        elif self.vocabulary.has(text) and any(ch.isalpha() for ch in text) and last != "word":
            out.append((_COST_WORD, Piece(text, "word"), "word"))
        elif last == "code" and text.isalpha() and text.islower():
            out.append((_COST_GLUED, Piece(text, "word"), "word"))
        return out


def _learn_one(word: str, vocabulary: Vocabulary, lexicon: set[str]) -> tuple[str | None, bool]:
    """The code word that ``word`` (the start of a broken line) opens with, and whether it was glued."""
    file = FILE_NAME.match(word)
    if file:
        return file.group(), len(file.group()) < len(word)
    if not word.replace("-", "").replace("_", "").isalpha() or vocabulary.has_exact(word):
        return None, False
    for known in lexicon:
        rest = word[len(known) :]
        if word.startswith(known) and rest.isalpha() and rest.islower():
            return None, True
    # Longest trailing word first: "picklelibrary" is pickle + library, not picklelibr + ary.
    for size in range(len(word) - 2, 1, -1):
        head, tail = word[:-size], word[-size:]
        if tail.islower() and vocabulary.has(tail) and not vocabulary.has_exact(head):
            return head, True
    return word, False


def command(segment: str, lexicon: frozenset[str]) -> str | None:
    """A broken line that is a shell command (``docker run app``), as inline code."""
    tokens = segment.split()
    if len(tokens) < 2 or tokens[0] not in lexicon:
        return None
    last = tokens[-1]
    punct = "" if last == "." else last[len(last.rstrip("?!.,;")) :]
    body = tokens[:-1] + [last[: len(last) - len(punct)]]
    if not all(_COMMAND_TOKEN.match(t) for t in body):
        return None
    # "docker build -t app ." has shell syntax; "npm install" has no function word, as a sentence would.
    if not any(_SHELL_TOKEN.match(t) for t in body[1:]) and any(t in FUNCTION_WORDS for t in body):
        return None
    return f"`{' '.join(body)}`{punct}"


def render(pieces: Iterable[Piece]) -> str:
    """Pieces back to text: code in backticks, spaces between words, punctuation attached."""
    out = ""
    previous: Piece | None = None
    for piece in pieces:
        text = f"`{piece.text}`" if piece.kind == "code" else piece.text
        if previous is not None and _space_between(previous, piece):
            out += " "
        out += text
        previous = piece
    return out


def _space_between(previous: Piece, piece: Piece) -> bool:
    if piece.kind == "punct":
        return piece.text in _OPENING and previous.kind != "punct"
    if previous.kind == "punct":
        return previous.text not in _OPENING and previous.text not in "\"'"
    return True
