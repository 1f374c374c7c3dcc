"""Question inference: each sentence pattern, the verb forms it relies on, casing, the fallback."""

from __future__ import annotations

import pytest

from qadeck.parsers.repair.infer import (
    RULES,
    base_of_gerund,
    base_of_third_person,
    first_sentence,
    infer_question,
    mid_sentence,
    proper_nouns,
)


@pytest.mark.parametrize(
    ("paragraph", "question"),
    [
        # purpose: "To X, do Y."
        ("To rotate a log file, rename it and signal the daemon to reopen it.", "How do you rotate a log file?"),
        # gerund subject + involves/requires/includes
        ("Setting up a VPN requires a server, a client and a shared key.", "How do you set up a VPN?"),
        ("Tuning a piano involves adjusting the tension of each string.", "How do you tune a piano?"),
        # passive with a modal
        ("Rust can be removed by soaking the part in vinegar overnight.", "How can rust be removed?"),
        ("Backups should be tested with a real restore every month.", "How should backups be tested?"),
        # why: "X is essential/important/... for ..."; a trailing "in/for" phrase moves after the adjective
        (
            "Hydration in long races is critical because the body loses water fast.",
            "Why is hydration critical in long races?",
        ),
        ("Sleep is important for memory, since the brain replays the day.", "Why is sleep important?"),
        # role: "X acts/serves as ..."
        (
            "A fuse in a circuit acts as a weak link that melts before the wiring does.",
            "What role does a fuse play in a circuit?",
        ),
        # definition: "X is a/an/the ..."
        ("A haiku is a short poem of three lines.", "What is a haiku?"),
        ("Tides are the rise and fall of sea levels.", "What are tides?"),
        # involves with a noun subject: an -ing head is performed, anything else involves
        (
            "Load testing with synthetic users involves ramping traffic until errors appear.",
            "How do you perform load testing with synthetic users?",
        ),
        ("A code review involves reading a change before it is merged.", "What does a code review involve?"),
        # action: "Name verbs the ..."
        ("Nginx forwards the request to one of several upstream servers.", "What does Nginx forward?"),
        ("Redis caches the results of slow queries in memory.", "What does Redis cache?"),
    ],
)
def test_rules(paragraph: str, question: str) -> None:
    assert infer_question(paragraph, proper_nouns(paragraph)) == question


def test_rules_are_ordered_and_named() -> None:
    assert [rule.name for rule in RULES] == [
        "purpose",
        "gerund",
        "passive",
        "why",
        "role",
        "definition",
        "involves",
        "action",
    ]


def test_only_the_first_sentence_is_read() -> None:
    paragraph = "Kefir is a fermented milk drink. It is made with grains. To make it, add grains to milk."
    assert first_sentence(paragraph) == "Kefir is a fermented milk drink."
    assert infer_question(paragraph) == "What is kefir?"


def test_names_keep_their_capital() -> None:
    text = "We deploy with Kubernetes every day. Kubernetes is a container orchestrator."
    assert "Kubernetes" in proper_nouns(text)
    assert infer_question("Kubernetes is a container orchestrator.", proper_nouns(text)) == "What is Kubernetes?"
    # Without evidence that it is a name, a sentence-initial capital is dropped.
    assert infer_question("Kefir is a fermented milk drink.") == "What is kefir?"


def test_mid_sentence_casing() -> None:
    assert mid_sentence("The Model", frozenset()) == "the Model"
    assert mid_sentence("Version control", frozenset()) == "version control"
    assert mid_sentence("MLOps pipelines", frozenset()) == "MLOps pipelines"
    assert mid_sentence("CI/CD", frozenset()) == "CI/CD"
    assert mid_sentence("Airflow DAGs", frozenset({"Airflow"})) == "Airflow DAGs"


def test_proper_nouns_ignore_sentence_openers() -> None:
    found = proper_nouns("Docker runs containers. Some teams prefer Podman. (Images) are layers: Layers cache.")
    assert "Podman" in found
    assert not {"Docker", "Some", "Images", "Layers"} & found


@pytest.mark.parametrize(
    ("gerund", "base"),
    [
        ("Setting", "set"),
        ("Ensuring", "ensure"),
        ("Scaling", "scale"),
        ("Monitoring", "monitor"),
        ("Integrating", "integrate"),
        ("running", "run"),
        ("logging", "log"),
        ("debugging", "debug"),
        ("installing", "install"),
        ("adding", "add"),
        ("passing", "pass"),
        ("processing", "process"),
        ("using", "use"),
        ("creating", "create"),
        ("managing", "manage"),
        ("serving", "serve"),
        ("handling", "handle"),
        ("storing", "store"),
        ("writing", "write"),
        ("defining", "define"),
        ("choosing", "choose"),
        ("tuning", "tune"),
        ("fine-tuning", "fine-tune"),
        ("deploying", "deploy"),
        ("training", "train"),
        ("building", "build"),
        ("tracking", "track"),
        ("versioning", "version"),
        ("opening", "open"),
        ("retrieving", "retrieve"),
        ("optimizing", "optimize"),
        ("providing", "provide"),
        ("changing", "change"),
        ("comparing", "compare"),
        ("scheduling", "schedule"),
        ("focusing", "focus"),
    ],
)
def test_base_of_gerund(gerund: str, base: str) -> None:
    assert base_of_gerund(gerund) == base


@pytest.mark.parametrize(
    ("verb", "base"),
    [
        ("automates", "automate"),
        ("processes", "process"),
        ("applies", "apply"),
        ("fixes", "fix"),
        ("uses", "use"),
        ("has", "have"),
        ("does", "do"),
        ("runs", "run"),
        ("caches", "cache"),
    ],
)
def test_base_of_third_person(verb: str, base: str) -> None:
    assert base_of_third_person(verb) == base


@pytest.mark.parametrize(
    "paragraph",
    [
        "Worms digest scraps quickly.",
        "Usually within a week, depending on the weather and the size of the pile.",
        "Yes.",
        "",
    ],
)
def test_no_question_is_invented(paragraph: str) -> None:
    # No rule recognises these sentences: no honest question can be stated for them.
    assert infer_question(paragraph) is None


def test_long_subjects_are_not_asked_about() -> None:
    # A "definition" whose subject runs on is a sentence, not a thing with a name.
    paragraph = "Anything you keep in the shed over the winter without oiling it first is a rust risk."
    assert infer_question(paragraph) is None
