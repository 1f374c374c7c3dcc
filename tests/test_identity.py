"""Identity: guids that survive edits and mod times that change only with content."""

# Private names: the matcher's passes and the base62 alphabet are checked one by one, which assign() alone
# cannot isolate.

from __future__ import annotations

import itertools
import json
import re
import zlib
from dataclasses import MISSING, fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.identity import lockfile
from qadeck.identity import matching as identity
from qadeck.errors import SourceError
from qadeck.identity.lockfile import Lock
from qadeck.model import Card

T0, T1 = 1_700_000_000, 1_700_086_400


def card(q: str, a: str = "An answer about it.", source: str = "a.md", line: int = 1) -> Card:
    return Card(question=q, answer=a, source=source, section="", lines=(line, line + 1))


DECK = [
    card("What is a container?", "A packaged process with its filesystem.", line=1),
    card("What is a feature store?", "A central place that serves features to training and inference.", line=3),
    card("How does canary deployment work?", "A new version takes a small share of traffic first.", line=5),
    card("Why version data?", "To reproduce a model from the exact data it saw.", line=7),
]


def first_build(cards=DECK):
    return identity.assign(cards, Lock(), "42", T0, {"a.md"})


def rebuild(cards, lock, now=T1):
    return identity.assign(cards, lock, "42", now, {c.source for c in cards} | {"a.md"})


def test_first_build_adds_every_card_with_unique_guids_and_build_time():
    out, lock, changes = first_build()
    assert len(changes.added) == 4 and not changes.updated and not changes.removed
    assert len({c.guid for c in out}) == 4
    assert {c.mtime for c in out} == {T0}
    assert [e.pos for e in lock.entries] == [0, 1, 2, 3]


def test_unchanged_rebuild_keeps_guids_times_and_lock():
    out, lock, _ = first_build()
    again, lock2, changes = rebuild(DECK, lock)
    assert [c.guid for c in again] == [c.guid for c in out]
    assert [c.mtime for c in again] == [T0] * 4
    assert lockfile.dumps(lock2) == lockfile.dumps(lock)
    assert changes.unchanged == 4 and not changes.any


def test_answer_edit_keeps_guid_and_gets_a_newer_time():
    out, lock, _ = first_build()
    edited = list(DECK)
    edited[1] = replace(edited[1], answer="A store that serves the same features online and offline.")
    again, _, changes = rebuild(edited, lock)
    assert again[1].guid == out[1].guid
    assert again[1].mtime == T1 and again[0].mtime == T0
    assert [c.guid for c in changes.updated] == [out[1].guid]


def test_a_multiple_choice_card_keeps_its_guid_when_its_options_change_or_move_to_its_front():
    quiz = [card("Which bee lays eggs?", "- [ ] A drone\n- [x] The queen", line=1),
            card("What does this print?", "```python\nprint(2)\n```\n\n- [x] 2\n- [ ] 3", line=5),
            card("Which bee lays eggs?", "- [x] The queen\n- [ ] A worker", line=9)]  # the same stem again
    out, lock, _ = first_build(quiz)
    # The options listed on the front (as qadeck now reads a task list), the code with them, one option edited.
    fronts = [card("Which bee lays eggs?\n\n- A: A drone\n- B: The queen", "**B**: The queen", line=1),
              card("What does this print?\n\n```python\nprint(2)\n```\n\n- A: 2\n- B: 3", "**A**: 2", line=5),
              card("Which bee lays eggs?\n\n- A: The queen\n- B: A nurse bee", "**A**: The queen", line=9)]
    again, lock2, changes = rebuild(fronts, lock)
    assert [c.guid for c in again] == [c.guid for c in out]
    assert len(changes.updated) == 3 and not changes.added and not changes.removed
    edited = [fronts[0], fronts[1], replace(fronts[2], question="Which bee lays eggs?\n\n- A: The queen\n- B: A drone")]
    assert [c.guid for c in rebuild(edited, lock2, now=T1 + 1)[0]] == [c.guid for c in out]


def test_changed_card_time_is_strictly_newer_even_within_the_same_second():
    _, lock, _ = first_build()
    edited = [replace(DECK[0], answer="Changed."), *DECK[1:]]
    again, _, _ = rebuild(edited, lock, now=T0)
    assert again[0].mtime == T0 + 1


def test_typo_fix_and_rewording_keep_identity_and_are_reported():
    out, lock, _ = first_build()
    edited = list(DECK)
    edited[0] = replace(DECK[0], question="What is a contianer?")  # typo
    edited[2] = replace(DECK[2], question="Explain how a canary deployment works.")  # reworded
    again, _, changes = rebuild(edited, lock)
    assert again[0].guid == out[0].guid
    assert again[2].guid == out[2].guid
    assert [(old, c.question) for old, c in changes.reworded] == [
        ("What is a container?", "What is a contianer?"),
        ("How does canary deployment work?", "Explain how a canary deployment works."),
    ]
    assert not changes.added and not changes.removed


def test_delete_and_add_are_reported():
    out, lock, _ = first_build()
    edited = [DECK[0], DECK[1], card("What is a DAG?", "A graph of tasks without cycles.", line=9), DECK[3]]
    again, _, changes = rebuild(edited, lock)
    assert [e.question for e in changes.removed] == ["How does canary deployment work?"]
    assert [c.question for c in changes.added] == ["What is a DAG?"]
    assert again[2].guid not in {c.guid for c in out}
    assert again[3].guid == out[3].guid


def test_ambiguous_match_is_not_guessed():
    twins = [card("What is model drift?", "Same answer.", line=1),
             card("What is data drift?", "Same answer.", line=3)]
    _, lock, _ = first_build(twins)
    edited = [card("What is drift?", "Same answer.", line=1)]
    again, _, changes = rebuild(edited, lock)
    assert [c.question for c in changes.ambiguous] == ["What is drift?"]
    assert len(changes.removed) == 2


def test_card_moved_to_another_file_keeps_its_guid():
    out, lock, _ = first_build()
    moved = [*DECK[:3], replace(DECK[3], source="b.md")]
    again, _, changes = identity.assign(moved, lock, "42", T1, {"a.md", "b.md"})
    assert again[3].guid == out[3].guid and not changes.added


def test_guids_are_namespaced_by_deck():
    a, _, _ = identity.assign(DECK, Lock(), "deck-1", T0, {"a.md"})
    b, _, _ = identity.assign(DECK, Lock(), "deck-2", T0, {"a.md"})
    assert not {c.guid for c in a} & {c.guid for c in b}


def test_duplicate_questions_get_distinct_guids():
    out, _, _ = first_build([card("What is X?", "one"), card("What is X?", "two", line=3)])
    assert out[0].guid != out[1].guid


def test_files_not_read_but_still_there_keep_their_lock_entries():
    _, lock, _ = first_build([*DECK, card("Other?", "Yes.", source="b.md")])
    _, lock2, changes = identity.assign(DECK, lock, "42", T1, {"a.md"}, elsewhere={"b.md"})
    assert not changes.removed
    assert [e.question for e in lock2.entries if e.source == "b.md"] == ["Other?"]


def test_the_cards_of_a_file_that_is_gone_are_removed_from_the_lock():
    _, lock, _ = first_build([*DECK, card("Other?", "Yes.", source="b.md")])
    _, lock2, changes = identity.assign(DECK, lock, "42", T1, {"a.md"})
    assert [e.question for e in changes.removed] == ["Other?"]
    assert {e.source for e in lock2.entries} == {"a.md"}


def test_a_renamed_file_keeps_its_guids_with_a_question_edited():
    out, lock, _ = first_build()
    renamed = [replace(c, source="b.md") for c in DECK]
    renamed[1] = replace(renamed[1], question="What is a feature store for?")
    again, lock2, changes = identity.assign(renamed, lock, "42", T1, {"b.md"})
    assert [c.guid for c in again] == [c.guid for c in out]
    assert changes.renamed == [("a.md", "b.md")]
    assert len(changes.updated) == 4 and not changes.added and not changes.removed
    assert {e.source for e in lock2.entries} == {"b.md"}


def test_a_new_file_sharing_a_question_with_a_gone_one_is_not_that_file_renamed():
    out, lock, _ = first_build()
    other = [replace(DECK[0], source="b.md"), card("What is a DAG?", "A graph.", source="b.md"),
             card("What is a DAG run?", "One run.", source="b.md")]
    again, _, changes = identity.assign(other, lock, "42", T1, {"b.md"})
    assert not changes.renamed
    assert again[0].guid == out[0].guid  # the card moved files, as cards do
    assert [e.question for e in changes.removed] == [c.question for c in DECK[1:]]


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_guid_never_depends_on_the_answer(answer):
    out, lock, _ = first_build()
    edited = [replace(DECK[0], answer=answer), *DECK[1:]]
    again, _, _ = rebuild(edited, lock)
    assert [c.guid for c in again] == [c.guid for c in out]


def test_lock_round_trips(tmp_path):
    _, lock, _ = first_build()
    path = tmp_path / "qadeck.lock"
    path.write_text(lockfile.dumps(lock), encoding="utf-8")
    assert lockfile.read(path).entries == lock.entries


def test_identified_is_replace_with_guid_and_mtime():
    """The fast constructor must carry every field, including any added to Card later."""
    values = {f.name: (f"{f.name}-value" if f.type == "str" else f.default) for f in fields(Card)}
    values.update(lines=(3, 9), inferred=True, topics=("a", "b"), mtime=5, tags=("x",))
    card = Card(**values)
    assert all(getattr(card, f.name) != f.default for f in fields(Card) if f.default is not MISSING)
    assert card.identified("qNEW", 42) == replace(card, guid="qNEW", mtime=42)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
       | st.text(alphabet="abcXYZ019_ -.,!é\u0130\u212a", max_size=200))
@settings(max_examples=400, deadline=None)
def test_sketch_values_never_change(text: str):
    """Lock files store sketches: the fast split must give what the first version gave."""
    reference = sorted({zlib.crc32(w.encode("utf-8")) for w in set(re.findall(r"\w+", text.lower()))})
    assert identity.sketch(text) == "".join(f"{h:08x}" for h in reference[: identity.SKETCH_SIZE])


@given(
    st.builds(
        lockfile.LockEntry,
        guid=st.text(), source=st.text(), pos=st.integers(0, 10**6), question=st.text(),
        hash=st.text(), mtime=st.integers(0, 2**40), sketch=st.text(),
    )
)
@settings(max_examples=300, deadline=None)
def test_a_lock_line_is_the_entry_as_json(entry: lockfile.LockEntry):
    from dataclasses import asdict

    line = lockfile.dumps(Lock((entry,))).split("\n")[1]
    assert line == json.dumps(asdict(entry), ensure_ascii=False)
    assert lockfile.LockEntry(**json.loads(line)) == entry


def test_a_lock_file_reads_back_questions_with_unicode_line_separators(tmp_path):
    entry = lockfile.LockEntry("qX", "a.md", 0, "Why\u2028this\x85question?", "h", 1, "s")
    path = tmp_path / lockfile.LOCK_NAME
    lockfile.write(Lock((entry,)), path)
    assert lockfile.read(path).entries == (entry,)


@given(
    st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from("pqr")), max_size=8),
    st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("pqr")), max_size=8),
)
@settings(max_examples=400, deadline=None)
def test_same_question_lists_pair_as_the_verbatim_pass_does(new, old):
    """The list comparison is a shortcut for sources whose questions did not change: never a new answer."""
    cards = [card(q, source=s) for s, q in new]
    entries = [lockfile.LockEntry(f"g{j}", s, j, q, "h", 1, "") for j, (s, q) in enumerate(old)]

    def verbatim(shortcut: bool) -> dict[int, int]:
        matcher = identity._Matcher(cards, entries)
        if shortcut:
            matcher._same_questions()
        matcher._exact(lambda question: question, same_source=True)
        return matcher.match

    assert verbatim(True) == verbatim(False)


@given(st.integers(0, 2**64 - 1) | st.integers(0, 62**3))
@settings(max_examples=500, deadline=None)
def test_base62_is_the_digit_at_a_time_conversion(value: int):
    """Guids are stored in lock files and Anki: the two-digit conversion must never change one."""
    chars = []
    n = value
    while n:
        n, rem = divmod(n, 62)
        chars.append(identity._B62[rem])
    assert identity.base62(value) == "".join(reversed(chars))


@given(st.lists(st.tuples(st.sampled_from("abc"), st.booleans()), max_size=12), st.sets(st.sampled_from("abc")))
@settings(max_examples=400, deadline=None)
def test_gaps_are_the_nearest_matched_neighbours_in_the_same_run_of_a_source(layout, wanted):
    cards = [card(f"Q{i}?", source=s) for i, (s, _) in enumerate(layout)]
    entries = [lockfile.LockEntry(f"g{i}", s, 10 * i, f"Q{i}?", "h", 1, "") for i, (s, _) in enumerate(layout)]
    matcher = identity._Matcher(cards, entries, match={i: i for i, (_, m) in enumerate(layout) if m})

    def run(i: int, step: int) -> list[int]:
        out, k = [], i + step
        while 0 <= k < len(cards) and cards[k].source == cards[i].source:
            out.append(k)
            k += step
        return out

    expected = {
        i: (next((10 * k for k in run(i, -1) if k in matcher.match), -1),
            next((10 * k for k in run(i, 1) if k in matcher.match), 1 << 62))
        for i, c in enumerate(cards) if c.source in wanted
    }
    assert matcher._gaps(wanted) == expected


def test_known_facts_give_what_working_them_out_gives():
    cards = [card(f"Question {n}?", f"Answer {n} about drift.", line=n) for n in range(8)]
    cards.append(cards[2])  # a repeated question: its first guid candidate is taken
    known = list((identity.facts(cards, "42")))
    assert first_build(cards) == identity.assign(cards, Lock(), "42", T0, {"a.md"}, known=known)
    _, lock, _ = first_build(cards)
    edited = [replace(c, answer=c.answer + " Edited.") if n % 3 == 0 else c for n, c in enumerate(cards)]
    edited.insert(4, card("A new question?", "A new answer."))
    partly = [f if n % 2 else None for n, f in enumerate(identity.facts(edited, "42"))]
    assert rebuild(edited, lock) == identity.assign(edited, lock, "42", T1, {"a.md"}, known=partly)


EDITS = ("same", "answer", "question", "swap", "drop", "add")


def _edit(cards: list[Card], how: str) -> list[Card]:
    cards = list(cards)
    if how == "answer":
        cards[1] = replace(cards[1], answer="An edited answer.")
    elif how == "question":
        cards[0] = replace(cards[0], question=cards[0].question + " Really?")
    elif how == "swap":
        cards[0], cards[2] = cards[2], cards[0]
    elif how == "drop":
        del cards[1]
    elif how == "add":
        cards.insert(1, card("A question added?", source=cards[0].source))
    return cards


@pytest.mark.parametrize("lock_state", ["as written", "repeated guid", "moved line"])
def test_sources_left_as_the_lock_has_them_are_identified_as_the_full_passes_do(lock_state: str):
    # A rebuild takes the lock's line for every card of a source whose questions, places and content
    # hashes are the lock's: the outcome must be what matching card by card gives, whatever the lock
    # says, for every mix of edits to three sources.
    deck = {s: [card(f"Question {n} of {s}?", f"Answer {n} of {s}.", source=s, line=n) for n in range(4)]
            for s in ("a.md", "b.md", "c.md")}
    _, lock, _ = identity.assign([c for cs in deck.values() for c in cs], Lock(), "42", T0, set(deck))
    entries = list(lock.entries)
    if lock_state == "repeated guid":  # a hand-edited lock: two lines with one guid
        entries[5] = replace(entries[5], guid=entries[1].guid)
    elif lock_state == "moved line":
        entries[6] = replace(entries[6], pos=9)
    lock = Lock(tuple(entries))
    for edits in itertools.product(EDITS, repeat=3):
        cards = [c for s, how in zip(deck, edits) for c in _edit(deck[s], how)]
        known = list((identity.facts(cards, "42")))
        assert identity.assign(cards, lock, "42", T1, set(deck), known=known) == identity.assign(
            cards, lock, "42", T1, set(deck)), edits


def test_a_lock_file_with_blank_lines_and_crlf_endings_reads_as_written(tmp_path):
    _, lock, _ = first_build()
    path = tmp_path / "qadeck.lock"
    text = lockfile.dumps(lock)
    for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\n\n"), text + "  \n\n"):
        path.write_bytes(variant.encode("utf-8"))
        assert lockfile.read(path).entries == lock.entries


def test_a_damaged_lock_line_is_named_by_its_line_number(tmp_path):
    _, lock, _ = first_build()
    lines = lockfile.dumps(lock).split("\n")
    lines[3] = lines[3][:20]  # cut short, as a bad merge leaves it
    path = tmp_path / "qadeck.lock"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        lockfile.read(path)
    assert str(caught.value).startswith(f"{path}:4: lock file line is damaged")
