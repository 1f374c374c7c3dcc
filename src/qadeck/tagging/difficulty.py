"""Difficulty: easy | medium | hard, from the shape of the question.

The rules are deterministic and ordered; the first that matches decides (the
README lists them). Roughly: recall of a definition or a name is easy;
explaining why or how, comparing, listing practices is medium; design,
scenarios, trade-offs, multi-step procedures and answers that are code are hard.
A card the rules get wrong is corrected with an override in ``qadeck.yaml``.

Each rule may name the words one of which any text it matches holds
(``needs``): a question holding none of them is not searched, which is most
questions for most rules. Only ASCII questions are screened that way, since
only there does a case-insensitive match imply the word in ``str.lower()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Card

#: A fenced code block of at least this many lines makes an answer "code".
CODE_LINES_FOR_HARD = 3


@dataclass(frozen=True, slots=True)
class Rule:
    level: str
    pattern: re.Pattern[str]
    why: str
    #: Lowercase words one of which every match holds; () when the rule is anchored, hence cheap anyway.
    needs: tuple[str, ...] = ()

    def matches(self, question: str, lowered: str | None) -> bool:
        """True when the rule matches; ``lowered`` is the ASCII question lowercased (None: not ASCII)."""
        return _first((self,), question, lowered) is self


def _first(rules: Iterable[Rule], question: str, lowered: str | None) -> Rule | None:
    """The first of ``rules`` that matches ``question`` (``lowered`` as for :meth:`Rule.matches`).

    A substring test a word costs a fraction of a case-insensitive search, and of a search for
    an alternation of the words (which the regex engine tries at every character); the loop is
    written out, without a call a rule, as it runs for every card.
    """
    for rule in rules:
        if rule.needs and lowered is not None:
            for word in rule.needs:
                if word in lowered:
                    break
            else:
                continue  # the question holds none of the words: the search could not match
        if rule.pattern.search(question):
            return rule
    return None


def _rule(level: str, regex: str, why: str, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(level, re.compile(regex, re.IGNORECASE), why, needs)


RULES: tuple[Rule, ...] = (
    _rule("hard", r"^how (would|should|will) you\b", "how would you … (design, scenario)"),
    _rule("hard", r"\bdescribe (a|an|the) (scenario|situation|time)\b", "describe a scenario", ("describe ",)),
    _rule("hard", r"\b(design|architect)(ing)?\b", "design", ("design", "architect")),
    _rule("hard", r"\btrade-?offs?\b", "trade-off", ("trade",)),
    _rule("hard", r"\bset(ting)?[ -]?up\b.*\b(pipeline|ci/cd|system|infrastructure)\b",
          "setting up a pipeline (multi-step procedure)", ("set",)),
    _rule("hard", r"\b(walk (me )?through|step[- ]by[- ]step)\b", "multi-step procedure", ("walk ", "step")),
    _rule("medium", r"\bwhy\b", "why …", ("why",)),
    _rule("easy", r"^(name|list) (one|two|three|four|five|some|a few|the)\b", "name / list some"),
    _rule("easy", r"^(what|which) (command|tool|tools|library|libraries|framework|file)\b",
          "what command / tool"),
    _rule("easy", r"^what (is|are) the (role|purpose|main goal|goal|definition|meaning)s? of\b",
          "role or purpose of X"),
    _rule("easy", r"\bstand for\b", "what an abbreviation stands for", ("stand for",)),
    _rule("medium", r"\b(difference|differ|differences|compare|comparison|versus|vs\.?)\b",
          "compare two things",
          ("differ", "compar", "versus", "vs")),
    _rule("medium", r"^how\b", "how … works / how do you …"),
    _rule("medium", r"^(explain|discuss)\b", "explain …"),
    _rule("medium", r"\b(advantages?|benefits?|challenges?|best practices?|strateg(y|ies)|"
          r"importance|limitations?|components?|considerations?)\b", "list practices or reasons",
          ("advantage", "benefit", "challenge", "best practice", "strateg", "importance", "limitation",
           "component", "consideration")),
    _rule("easy", r"^(what|who)(\s+is|\s+are|'s)\b", "what is X (definition)"),
)
DEFAULT_LEVEL = "medium"
#: The rules in their order, split by whether they come before or after the test for code.
_HARD = tuple(rule for rule in RULES if rule.level == "hard")
_OTHER = tuple(rule for rule in RULES if rule.level != "hard")

_FENCE = re.compile(r"^ *(```|~~~)[^\n]*\n(.*?)^ *\1", re.MULTILINE | re.DOTALL)


def answer_is_code(answer: str) -> bool:
    if "```" not in answer and "~~~" not in answer:
        return False  # no fence at all: skip the scan (most answers)
    return any(m.group(2).count("\n") >= CODE_LINES_FOR_HARD for m in _FENCE.finditer(answer))


def explain(card: Card) -> tuple[str, str]:
    """The level and the rule that chose it."""
    question = card.question.strip().strip("*").strip()
    lowered = question.lower() if question.isascii() else None
    rule = _first(_HARD, question, lowered)
    if rule is None and answer_is_code(card.answer):
        return "hard", "the answer is code"
    rule = rule or _first(_OTHER, question, lowered)
    return (rule.level, rule.why) if rule else (DEFAULT_LEVEL, "no rule matched")


def difficulty_of(card: Card) -> str:
    return explain(card)[0]
