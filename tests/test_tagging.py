"""Tagging: difficulty rules' word screens and the fast tagged-card constructor."""

# Private name: tagging._overrides, the per-config lookup, is checked to find what DeckConfig.override_for finds.

from __future__ import annotations

from dataclasses import MISSING, fields, replace

from hypothesis import example, given
from hypothesis import strategies as st

from qadeck.config import DeckConfig, TopicRule
from qadeck.model import Card
from qadeck.tagging.difficulty import RULES, answer_is_code, explain
from qadeck.tagging.topic import ANSWER_WEIGHT, QUESTION_WEIGHT, SECTION_WEIGHT, TopicTagger
from qadeck.tagging.words import without_cloze_or_math

#: Words of the rules and their neighbours, in any case, so that generated questions often match a rule.
_WORDS = (
    "how would you", "describe a scenario", "Design", "architecting", "trade-off", "tradeoffs", "set up",
    "setting-up", "pipeline", "CI/CD", "walk me through", "step-by-step", "WHY", "stand for", "differ",
    "Comparison", "vs.", "versus", "advantages", "best practices", "strategies", "components", "what is",
    "name", "list", "the", "explain", "dataset", "setup", "k", "s", "\u212a", "\u017f", "\u0130",
)


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=8).map(" ".join))
def test_a_rule_matches_only_text_holding_one_of_its_words(question):
    """``needs`` may skip a search only where the search could not match: checked against the regex."""
    lowered = question.lower() if question.isascii() else None
    for rule in RULES:
        assert rule.matches(question, lowered) == bool(rule.pattern.search(question))


def test_non_ascii_questions_are_searched_in_full():
    # "ſ" matches "s" case-insensitively, but "ſet up" lowercased holds no "set".
    card = Card("How to \u017fet up a pipeline?", "x", "a.txt", "", (1, 1))
    assert explain(card) == ("hard", "setting up a pipeline (multi-step procedure)")


def test_tagged_is_replace_with_topics_and_difficulty():
    """The fast constructor must carry every field, including any added to Card later."""
    values = {f.name: (f"{f.name}-value" if f.type == "str" else f.default) for f in fields(Card)}
    values.update(lines=(3, 9), inferred=True, topics=("a", "b"), mtime=5, tags=("x",))
    card = Card(**values)
    assert all(getattr(card, f.name) != f.default for f in fields(Card) if f.default is not MISSING)
    assert card.tagged(("x",), "hard") == replace(card, topics=("x",), difficulty="hard")


_TAXONOMY = DeckConfig(
    deck="T",
    deck_id=1,
    topics=(
        TopicRule("docker", (("docker", 2.5), ("image", 0.1), ("container", 1.0))),
        TopicRule("drift", (("drift", 4.0), ("data drift", 0.3), ("image", 0.7))),
        TopicRule("ci", (("ci/cd", 4.0), ("ct)", 1.0), ("pipeline", 1.5))),
    ),
)
_TOPIC_WORDS = st.sampled_from(["docker", "Docker", "image", "images", "container", "drift", "data drift", "ci/cd",
                                "(ct)", "ct)", "ct)drift", "pipeline", "x", " ", "-", "_", "\n", "data", "\u212a",
                                "\u00e9", "DRIFT", "/", "."])


@given(*[st.lists(_TOPIC_WORDS, max_size=8).map(" ".join)] * 3)
def test_scores_add_up_weights_in_the_order_the_phrases_are_found(question, section, answer):
    """Scores are the sums phrase by phrase, question, section then answer: equal to the float."""
    tagger = TopicTagger.from_config(_TAXONOMY)
    expected: dict[str, float] = {}
    for text, factor in ((question, QUESTION_WEIGHT), (section, SECTION_WEIGHT), (answer, ANSWER_WEIGHT)):
        for phrase in tagger.pattern.findall(without_cloze_or_math(text).lower()):
            for slug, weight in tagger.weights[phrase]:
                expected[slug] = expected.get(slug, 0.0) + weight * factor
    assert tagger.scores(Card(question, answer, "a.txt", section, (1, 1))) == expected


@given(st.lists(_TOPIC_WORDS | st.text(max_size=3), max_size=10).map("".join))
def test_phrases_are_what_the_word_start_pattern_finds(text):
    """The search after a separator finds what the look-behind pattern finds, phrase for phrase."""
    tagger = TopicTagger.from_config(_TAXONOMY)
    assert tagger.phrases(text) == tagger.pattern.findall(text.lower())


def _explain_by_search(card: Card) -> tuple[str, str]:
    """explain() as the rules read: the first rule whose pattern matches, code between hard and the rest."""
    question = without_cloze_or_math(card.question).strip().strip("*").strip()
    hard = [rule for rule in RULES if rule.level == "hard"]
    other = [rule for rule in RULES if rule.level != "hard"]
    for rule in hard:
        if rule.pattern.search(question):
            return rule.level, rule.why
    if answer_is_code(card.answer):
        return "hard", "the answer is code"
    for rule in other:
        if rule.pattern.search(question):
            return rule.level, rule.why
    return "medium", "no rule matched"


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=8).map(" ".join),
       st.sampled_from(["x", "```\na\nb\nc\n```", "~~~\n1\n2\n3\n~~~", "`a`"]))
def test_explain_picks_the_first_rule_that_matches(question, answer):
    card = Card(question, answer, "a.txt", "", (1, 1))
    assert explain(card) == _explain_by_search(card)


def _topics_by_full_ranking(tagger: TopicTagger, card: Card) -> tuple[str, ...]:
    """topics() as it ranked: every scoring topic sorted, the first three kept that score enough."""
    scores = tagger.scores(card)
    if not scores:
        return (tagger.default or tagger.order[0],)
    ranked = sorted(scores, key=lambda s: (-scores[s], tagger.rank[s]))
    best = scores[ranked[0]]
    return tuple(s for s in ranked[:3] if scores[s] >= best * 0.5)


_WEIGHTS = st.sampled_from([0.1, 0.3, 0.5, 1.0, 1.5, 2.0, 4.0, -1.0, 0.0, 1e300, float("nan"), float("inf")])


@given(st.lists(_WEIGHTS, min_size=9, max_size=9), *[st.lists(_TOPIC_WORDS, max_size=8).map(" ".join)] * 3)
# A NaN score between two others: the full sort then keeps a lower score first, max() would not.
@example([4.0, 1, 1, float("nan"), 1, 1, 1, 1, 5.0], "", "", "docker drift pipeline")
def test_topics_are_the_head_of_the_full_ranking(weights, question, section, answer):
    phrases = ("docker", "image", "container", "drift", "data drift", "image", "ci/cd", "ct)", "pipeline")
    rules = [TopicRule(slug, tuple(zip(phrases[i : i + 3], weights[i : i + 3], strict=True)))
             for i, slug in zip((0, 3, 6), ("docker", "drift", "ci"), strict=True)]
    tagger = TopicTagger.from_config(DeckConfig(deck="T", deck_id=1, topics=tuple(rules)))
    card = Card(question, answer, "a.txt", section, (1, 1))
    assert tagger.topics(card) == _topics_by_full_ranking(tagger, card)


def test_overrides_are_found_as_override_for_finds_them():
    from qadeck.config import Override
    from qadeck.tagging import _overrides

    config = DeckConfig(deck="T", deck_id=1, overrides=(Override("Q?", ("a",)), Override("R?", ("b",)),
                                                         Override("Q?", ("c",))))
    for question in ("Q?", "R?", "S?"):
        assert _overrides(config).get(question) == config.override_for(question)


def test_a_notes_tags_are_its_topics_level_source_and_inferred_flag_in_that_order():
    from qadeck.model import Card
    from qadeck.writers.apkg import anki_tags, note_tags

    card = Card("Q?", "A.", "Data Drift_notes.md", "", (1, 1), inferred=True, topics=("monitoring", "data"),
                difficulty="hard")
    assert anki_tags(card) == ["topic::monitoring", "topic::data", "difficulty::hard", "source::data-drift-notes",
                               "qadeck::inferred"]
    plain = Card("Q?", "A.", "a.md", "", (1, 1))
    assert note_tags(plain) == ("source::a",)


def test_a_decks_topics_are_its_taxonomys_then_the_others_its_cards_carry_in_order(cards_copy):
    from dataclasses import replace

    from qadeck import pipeline

    prepared = pipeline.prepare(pipeline.load([cards_copy]))
    taxonomy = list(prepared.loaded.config.topic_slugs)
    first, second, *rest = prepared.cards
    prepared = replace(prepared, cards=[first.tagged(("zeta", taxonomy[1]), "easy"),
                                        second.tagged(("alpha", "zeta"), "hard"), *rest])
    assert prepared.topics == [*taxonomy, "zeta", "alpha"]
