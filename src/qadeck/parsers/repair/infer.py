"""Infer the question a paragraph answers, for sources whose questions were lost.

Contract: :func:`infer_question` takes an answer paragraph and returns one
grammatical question ending in ``?``. The first sentence of an answer
paragraph usually restates its question: "To deploy a model using Flask, …"
answers "How do you deploy a model using Flask?", "A feature store is …"
answers "What is a feature store?". :data:`RULES` is the ordered list of such
sentence patterns with the question each one asks; the first that matches
wins. When none does, no question can honestly be stated: :func:`infer_question`
gives None and the paragraph is reported for review, never made a card with an
invented question.

Moving the subject into the middle of a question means dropping its
sentence-initial capital ("Model drift" -> "How can model drift …") but not a
name's ("Kubernetes"). Which words are names is learned from the source:
:func:`proper_nouns` collects the words written with a capital in the middle
of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# --- verbs ------------------------------------------------------------------------------------

#: Gerunds the spelling rules below get wrong.
_IRREGULAR_GERUNDS = {
    "being": "be",
    "having": "have",
    "doing": "do",
    "going": "go",
    "using": "use",
    "seeing": "see",
    "creating": "create",
    "caching": "cache",
    "focusing": "focus",
    "biasing": "bias",
    "exploring": "explore",
    "ignoring": "ignore",
    "restoring": "restore",
    "lying": "lie",
    "dying": "die",
}
#: Words ending in -ing that are not gerunds.
_NOT_GERUNDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "thing something nothing anything everything string spring king ring during morning evening"
        " ceiling wing sibling"
    ).split()
)
#: Doubled final letters that belong to the verb (install, pass, add), not to the -ing spelling.
_KEEP_DOUBLE = ("ll", "ss", "ff", "zz")
_DOUBLE_BASES = frozenset({"add", "err", "odd", "egg", "inn"})
#: Stem endings after which the base verb takes back its silent e (integrat -> integrate).
_ADDS_E = re.compile(
    r"(?:[^aeiou]at|iz|y[sz]|[bcdfgkptz]l|[^aeiou][iu]l|v|ur|[^a]ir|[^aeiou]ar|[^aeiou]in|c|ag|ang"
    r"|rg|dg|[^aeiou][aeiou][dk]|ut|[^s]s)$"
)
_NO_E = ("sync",)
_IRREGULAR_THIRD = {
    "has": "have",
    "does": "do",
    "goes": "go",
    "is": "be",
    "caches": "cache",
    "focuses": "focus",
    "biases": "bias",
}


def base_of_gerund(word: str) -> str:
    """The base verb of an -ing form: setting -> set, scaling -> scale, monitoring -> monitor."""
    head, _, last = word.lower().rpartition("-")
    prefix = f"{head}-" if head else ""
    if last in _IRREGULAR_GERUNDS:
        return prefix + _IRREGULAR_GERUNDS[last]
    stem = last[:-3]
    doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouy"
    if doubled and stem[-2:] not in _KEEP_DOUBLE and stem not in _DOUBLE_BASES:
        return prefix + stem[:-1]
    if (_ADDS_E.search(stem) and not stem.endswith(_NO_E)) or _short_cvc(stem):
        return prefix + stem + "e"
    return prefix + stem


def _short_cvc(stem: str) -> bool:
    """One syllable ending consonant-vowel-consonant: scal(e), stor(e), writ(e)."""
    vowel_groups = re.findall(r"[aeiou]+", stem)
    return len(vowel_groups) == 1 and bool(re.search(r"[^aeiou][aeiou][^aeiouwxy]$", stem))


def base_of_third_person(verb: str) -> str:
    """automates -> automate, processes -> process, applies -> apply."""
    if verb in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return verb[:-2]
    return verb.removesuffix("s")


def is_gerund(word: str) -> bool:
    return word.lower().endswith("ing") and len(word) > 5 and word.lower() not in _NOT_GERUNDS


# --- casing -----------------------------------------------------------------------------------

_ARTICLES = frozenset({"a", "an", "the"})
_WORD = re.compile(r"[A-Za-z][\w/+-]*")
_OPENERS = frozenset(" \t\"'(")


def proper_nouns(text: str) -> frozenset[str]:
    """Words written with a capital where no sentence starts: names, not sentence openers."""
    found = set()
    for match in _WORD.finditer(text):
        if not match.group()[0].isupper():
            continue
        # The character before the word, spaces, quotes and brackets passed over: looked at in place,
        # as a copy of the text up to each word would cost time quadratic in the text's length.
        at = match.start() - 1
        while at >= 0 and text[at] in _OPENERS:
            at -= 1
        if at >= 0 and text[at] not in ".!?:\n":
            found.add(match.group())
    return frozenset(found)


def mid_sentence(phrase: str, proper: frozenset[str]) -> str:
    """``phrase`` as it reads inside a sentence: its first word lowercased unless it is a name."""
    first, _, rest = phrase.partition(" ")
    keep = first in proper or first.isupper() or any(ch.isupper() for ch in first[1:])
    if first.lower() in _ARTICLES or (not keep and first.istitle()):
        first = first.lower()
    return f"{first} {rest}" if rest else first


# --- rules ------------------------------------------------------------------------------------

#: Prepositional phrases that can move after the verb: "version control in MLOps" -> "… essential in MLOps".
_TRAILING_PP = re.compile(r"^(?P<head>.+?)(?P<pp>\s+(?:in|within|across|for|during|at)\s+.+)$")
#: A noun phrase: no comma, no clause inside it.
_NP = r"(?:(?!\b(?:when|that|which|if|because|where|while|who)\b)[^,])+?"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    #: Builds the question from the match and the source's proper nouns.
    ask: Callable[[re.Match[str], frozenset[str]], str]


def _purpose(m: re.Match[str], proper: frozenset[str]) -> str:
    return f"How do you {m['goal']}?"


def _gerund(m: re.Match[str], proper: frozenset[str]) -> str:
    return f"How do you {base_of_gerund(m['verb'])}{m['rest']}?"


def _passive(m: re.Match[str], proper: frozenset[str]) -> str:
    return f"How {m['modal']} {mid_sentence(m['np'], proper)} be {m['done']}?"


def _why(m: re.Match[str], proper: frozenset[str]) -> str:
    head, pp = _split_pp(m["np"])
    return f"Why {m['be']} {mid_sentence(head, proper)} {m['adj']}{pp}?"


def _role(m: re.Match[str], proper: frozenset[str]) -> str:
    head, pp = _split_pp(m["np"])
    return f"What role does {mid_sentence(head, proper)} play{pp}?"


def _definition(m: re.Match[str], proper: frozenset[str]) -> str:
    verb = "are" if m["be"] == "are" else "is"
    return f"What {verb} {mid_sentence(m['np'], proper)}?"


def _involves(m: re.Match[str], proper: frozenset[str]) -> str:
    np = mid_sentence(m["np"], proper)
    head = re.split(r"\s+(?:using|with|in|for|on|of|via)\s+", np)[0]
    if is_gerund(head.split()[-1]):
        return f"How do you perform {np}?"
    return f"What does {np} involve?"


def _action(m: re.Match[str], proper: frozenset[str]) -> str:
    return f"What does {m['subject']} {base_of_third_person(m['verb'])}?"


def _split_pp(np: str) -> tuple[str, str]:
    match = _TRAILING_PP.match(np)
    return (match["head"], match["pp"]) if match else (np, "")


RULES: tuple[Rule, ...] = (
    Rule("purpose", re.compile(r"^To (?P<goal>[a-z][^,]*?),\s"), _purpose),
    Rule(
        "gerund",
        re.compile(r"^(?P<verb>[A-Z][a-z-]+ing)\b(?P<rest>[^,]*?)\s+(?:involves|requires|entails|includes|means)\b"),
        _gerund,
    ),
    Rule(
        "passive",
        re.compile(
            rf"^(?P<np>{_NP})\s+(?P<modal>can|should|must|could|may)\s+be\s+(?P<done>\w+)\s+(?:by|through|using|with|via)\b"
        ),
        _passive,
    ),
    Rule(
        "why",
        re.compile(
            rf"^(?P<np>{_NP})\s+(?P<be>is|are)\s+(?P<adj>essential|important|crucial|critical|vital|key|necessary"
            r"|useful|beneficial|valuable)\b"
        ),
        _why,
    ),
    Rule("role", re.compile(rf"^(?P<np>{_NP})\s+(?:acts|serves|functions)\s+as\b"), _role),
    Rule("definition", re.compile(rf"^(?P<np>{_NP})\s+(?P<be>is|are|refers to)\s+(?:a|an|the|one of)\s"), _definition),
    Rule("involves", re.compile(rf"^(?P<np>{_NP})\s+(?:involves|entails|includes)\b"), _involves),
    Rule(
        "action",
        re.compile(
            r"^(?P<subject>(?!(?:A|An|The)\b)[A-Z][\w.+-]*)\s+(?P<verb>[a-z]+s)\s+(?:the|a|an|its|their|all|both|your)\b"
        ),
        _action,
    ),
)
#: Noun phrases longer than this are not a thing the question can name.
MAX_SUBJECT_WORDS = 10
#: A first "sentence" longer than this (characters) is a run of text with no sentence end in it.
MAX_SENTENCE = 1000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def first_sentence(paragraph: str) -> str:
    return _SENTENCE_END.split(" ".join(paragraph.split()), maxsplit=1)[0]


def infer_question(paragraph: str, proper: frozenset[str] = frozenset()) -> str | None:
    """The question ``paragraph`` answers (a grammatical question ending in ``?``), None when no rule
    recognises its first sentence."""
    sentence = first_sentence(paragraph)
    if len(sentence) > MAX_SENTENCE:
        return None  # no sentence a question could be inferred from, and each rule would read all of it
    for rule in RULES:
        match = rule.pattern.match(sentence)
        subject = next((g for g in ("np", "goal", "rest", "subject") if match and g in match.groupdict()), None)
        if match and (subject is None or len(match[subject].split()) <= MAX_SUBJECT_WORDS):
            return rule.ask(match, proper)
    return None
