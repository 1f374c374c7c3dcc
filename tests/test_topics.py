"""Topics without a taxonomy: from the sources' own headings, cleaned, and from shared key phrases.

The fixtures are notes written for these tests (``fixtures/tagging``); the seed deck's topics and
levels, tagged by its taxonomy, are compared with a snapshot taken before this tagging existed.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from qadeck import pipeline
from qadeck.cli import main
from qadeck.config import load as load_config
from qadeck.model import Card
from qadeck.tagging.headings import path_topic, topic_label
from qadeck.tagging.phrases import phrases
from qadeck.tagging.topic import FALLBACK_TOPIC, content_topics

from .conftest import script_module

FIXTURES = Path(__file__).parent / "fixtures" / "tagging"
CARDS = Path(__file__).parent.parent / "cards"


@pytest.fixture(scope="module")
def evaluate_topics():  # type: ignore[no-untyped-def]
    """``scripts/evaluate_topics.py``, whose adjusted Rand index the tests use too."""
    yield from script_module("evaluate_topics")


def _cards(folder: Path) -> list[Card]:
    return pipeline.load([folder]).deck.cards


def test_the_seed_deck_keeps_its_topics_and_levels() -> None:
    expected = json.loads((FIXTURES / "seed-tags.json").read_text(encoding="utf-8"))
    got = [{"source": c.source, "question": c.question, "topics": list(c.topics), "difficulty": c.difficulty}
           for c in _cards(CARDS)]
    assert got == expected


@pytest.mark.parametrize(("title", "label"), [
    ("7.2 Sampling and creating training data <a name=\"2\"></a>", "sampling-and-creating-training-data"),
    ("System Questions (60)", "system"),
    (":diamond_shape_with_a_dot_inside: <a name=\"junior-sysadmin\">Junior Sysadmin</a>", "sysadmin"),
    ("🐳 Docker Networking", "docker-networking"),
    ("Chapter 3: Kubernetes Storage (PV, PVC)", "kubernetes-storage"),
    ("Top 50 Git Interview Questions in 2025", "git"),
    ("Table of Contents", ""),
    ("Questions & Answers", ""),
    ("General Knowledge", ""),
    ("FAQ", ""),
    ("12", ""),
    ("Advanced", ""),
    ("Preguntas frecuentes de Python", "python"),
    ("Questions fréquentes sur Git", "git"),
    ("Allgemeine Fragen", ""),
    ("Вопросы по Docker", "docker"),
    ("Multiple Choice Questions", ""),
    ("EASY MCQs", ""),
    ("Knowledge check", ""),
    ("True or False", ""),
    ("Practice Questions: Git", "git"),
    ("Multiple inheritance", "multiple-inheritance"),
    ("04_Dictionary_Collection – MCQs", "dictionary-collection"),
    ("Course: Enterprise Systems", "enterprise-systems"),
    ("Section B: Schools of Thought", "schools-of-thought"),
    ("Examples", ""),
    ("Глава 3. Политика", "политика"),
])
def test_a_heading_names_its_topic_without_numbering_counts_emoji_or_filler(title: str, label: str) -> None:
    assert topic_label(title) == label


def test_nested_headings_nest_where_both_name_a_topic() -> None:
    assert path_topic(("Docker", "Docker networking")) == "docker::networking"
    assert path_topic(("Questions", "Docker", "Volumes (4)")) == "docker::volumes"
    assert path_topic(("Junior", "General", "Networks")) == "networks"
    assert path_topic(("Cloud", "Storage", "Block storage")) == "cloud::block-storage"
    assert path_topic(("Princípios", "Princípios de Engenharia")) == "princípios::engenharia"  # no dangling "de"


def test_a_section_title_that_only_asks_or_runs_to_a_sentence_names_no_topic() -> None:
    # "How do I ...?" heads questions about anything; a sentence is a line of text read as a title.
    assert path_topic(("Mail server", "How do I ...?")) == "mail-server"
    assert path_topic(("What can we do?",)) == ""
    assert path_topic(("You can work around that by setting the cache size in the config file",)) == ""
    # A title that asks about something still groups its questions; a long list of subjects is still one.
    assert path_topic(("Why use this mailbox format?",)) == "why-use-this-mailbox-format"
    assert path_topic(("Data types, operators, loops and functions",)) == "data-types-operators-loops-and-functions"


def test_topics_come_from_nested_sections_and_agree_across_files(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(
        "# Ops notes\n\n## 1. Docker\n\n### Networking (2)\n\n"
        "**What is a bridge network?**\n\nThe default network of a host's containers.\n\n"
        "**What does -p do?**\n\nIt publishes a container port on the host.\n\n"
        "### Volumes\n\n**Where do named volumes live?**\n\nIn the engine's data folder.\n\n"
        "## Interview questions\n\n**What is a pod?**\n\nThe smallest deployable unit of Kubernetes.\n",
        encoding="utf-8")
    (tmp_path / "two.md").write_text(
        "# More\n\n## Docker 🐳\n\n**What is an image layer?**\n\nA read-only set of file changes.\n\n"
        "## Git\n\n**What does rebase do?**\n\nIt replays commits on a new base.\n", encoding="utf-8")
    topics = {c.question: c.topics for c in _cards(tmp_path)}
    assert topics["What is a bridge network?"] == ("docker::networking",)
    assert topics["Where do named volumes live?"] == ("docker::volumes",)
    assert topics["What is an image layer?"] == ("docker",)
    assert topics["What does rebase do?"] == ("git",)
    assert topics["What is a pod?"] == ("ops",)  # a small section whose title names no topic: the document's does


def test_what_no_section_or_phrase_names_takes_the_documents_topic(tmp_path: Path) -> None:
    """The catch-all is the file's own subject (its title's, else its name's), the generic word only where
    neither names one."""
    (tmp_path / "kubernetes-notes.md").write_text(
        "**What is a pod?**\n\nThe smallest deployable unit.\n\n**What is a node?**\n\nA worker machine.\n",
        encoding="utf-8")
    (tmp_path / "notes.md").write_text(
        "**What is a fjord?**\n\nA long inlet.\n\n**What is a moraine?**\n\nRock a glacier left.\n",
        encoding="utf-8")
    (tmp_path / "titled.md").write_text(
        "# Geology\n\n**What is basalt?**\n\nA volcanic stone.\n\n**What is shale?**\n\nA layered sediment.\n",
        encoding="utf-8")
    topics = {c.question: c.topics for c in _cards(tmp_path)}
    assert topics["What is a pod?"] == topics["What is a node?"] == ("kubernetes",)
    assert topics["What is basalt?"] == topics["What is shale?"] == ("geology",)
    assert topics["What is a fjord?"] == (FALLBACK_TOPIC,)  # "notes" names nothing


def test_a_small_file_of_no_sections_takes_its_subject_not_the_words_its_cards_share(tmp_path: Path) -> None:
    """Phrases a few cards share ("container", "image") are no subject of a file whose title names one; a
    heading that only says what kind of questions follow names none either."""
    cards = "".join(f"### {n}. {q}\n\n{a}\n\n" for n, (q, a) in enumerate([
        ("Which command lists running containers?", "`docker ps` lists the running container processes."),
        ("Which command lists every container?", "`docker ps -a` lists each container, stopped ones too."),
        ("Which command builds an image?", "`docker build` makes an image from a Dockerfile."),
        ("Which command removes an image?", "`docker rmi` removes an image no container uses."),
    ], start=1))
    (tmp_path / "practice.md").write_text(f"# Docker CLI\n\n## Multiple Choice Questions\n\n{cards}", encoding="utf-8")
    (tmp_path / "notes.md").write_text(cards, encoding="utf-8")  # no title, a name that says nothing
    topics = {(c.source, c.question): c.topics for c in _cards(tmp_path)}
    assert {t for (source, _), t in topics.items() if source == "practice.md"} == {("docker-cli",)}
    # Without a subject, the shared phrases still split the cards.
    flat = {t[0] for (source, _), t in topics.items() if source == "notes.md"}
    assert len(flat) >= 2 and "image" in flat


def test_a_title_that_asks_is_the_first_question_not_the_files_subject(tmp_path: Path) -> None:
    (tmp_path / "git-basics.md").write_text(
        "# What does git stash do?\n\nIt sets changes aside and cleans the working tree.\n\n"
        "# What does git bisect do?\n\nIt finds the commit that brought a bug, by halves.\n", encoding="utf-8")
    assert {c.topics for c in _cards(tmp_path)} == {("git",)}


def _flat(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    shutil.copy(FIXTURES / "flat-hobbies.md", folder)
    return folder


def test_a_big_flat_file_is_split_by_the_phrases_its_cards_share(tmp_path: Path, evaluate_topics) -> None:  # type: ignore[no-untyped-def]
    cards = _cards(_flat(tmp_path))
    assert len(cards) == 24
    primary = [c.topics[0] for c in cards]
    assert sum(t == FALLBACK_TOPIC for t in primary) <= len(cards) // 10
    subjects = ["telescope"] * 8 + ["sourdough"] * 8 + ["tomato"] * 8  # the fixture's three subjects, in order
    assert evaluate_topics.adjusted_rand(subjects, primary) >= 0.5
    assert {"telescope", "tomato"} <= set(primary)
    assert all(1 <= len(c.topics) <= 3 and len(set(c.topics)) == len(c.topics) for c in cards)


@pytest.mark.parametrize(("fixture", "named", "least_agreement"), [
    # French: its function words ("la", "de", "et") are never a topic.
    ("flat-hobbies-fr.md", set(), 0.5),
    # Russian: "телескопа", "телескопу" and "телескоп" are one subject; so are "томаты" and "томатов".
    ("flat-hobbies-ru.md", {"телескоп", "томат"}, 0.8),
])
def test_a_flat_file_in_another_language_is_split_by_its_subjects_not_its_function_words_or_cases(
        tmp_path: Path, evaluate_topics, fixture: str, named: set[str], least_agreement: float) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / fixture, tmp_path)
    cards = _cards(tmp_path)
    assert len(cards) == 24
    primary = [c.topics[0] for c in cards]
    words = {word for topic in primary for word in topic.split("-")}
    assert not words & {"un", "une", "la", "le", "les", "de", "du", "au", "et", "и", "в", "на", "с"}
    assert named <= set(primary)
    subjects = ["telescope"] * 8 + ["sourdough"] * 8 + ["tomato"] * 8  # each fixture's three subjects, in order
    assert evaluate_topics.adjusted_rand(subjects, primary) >= least_agreement


def test_a_word_in_another_script_is_a_phrase_without_the_punctuation_after_it() -> None:
    assert phrases("Что будет выведено в консоли? 原因: 内存") == {"выведен", "консол", "原因", "内存"}
    assert phrases("томаты томатов томату") == {"томат"}


def test_a_faq_title_in_another_language_names_no_topic() -> None:
    for title in ("Раздел часто задаваемых вопросов", "Câu hỏi thường gặp", "SSS Bölümü", "常见问题解答", "よくある質問"):
        assert topic_label(title) == "", title
    assert topic_label("Gap analysis") == "gap-analysis"  # Vietnamese "gặp" is filler only with its accents


@pytest.mark.parametrize(("title", "label"), [
    ("一、Redis基础", "redis"), ("第 3 题 🟢", ""), ("二、自动配置原理（中级）", "自动配置原理"), ("综合面试题", ""),
    ("Java 面试题汇总", "java"), ("Preguntas avanzadas de Docker", "docker"), ("자바 면접 정리", "자바"),
])
def test_a_chinese_japanese_or_korean_title_loses_its_numbering_filler_and_level(title: str, label: str) -> None:
    assert topic_label(title) == label


def test_a_chinese_title_that_runs_to_a_clause_names_no_topic() -> None:
    assert path_topic(["为了解决单点故障我们通常会采用两种方式"]) == ""
    assert path_topic(["配置管理"]) == "配置管理"


def test_function_words_of_other_languages_are_no_phrases() -> None:
    assert phrases("Docker ile Kubernetes nedir") == {"docker", "kubernetes"}  # Turkish "with", "what is"
    assert phrases("apa itu docker dan kubernetes") == {"docker", "kubernetes"}  # Indonesian
    assert phrases("czym jest docker oraz kubernetes") == {"docker", "kubernetes"}  # Polish
    assert "עם" not in phrases("כלב עם עצם")  # Hebrew "with"
    assert "في" not in phrases("الشبكة في الحاسوب")  # Arabic "in"
    assert phrases("Promise چیه؟") == {"promise"}  # Persian "what is it"
    assert phrases("docker kya hai") == {"docker"}  # Hindi in Latin letters


def test_a_korean_word_is_one_phrase_whatever_its_particle() -> None:
    # "메모리를" (object), "메모리의" (of) and "메모리" are one subject; a syllable stays whole (no split letters).
    found = phrases("메모리를 해제하는 방법과 메모리의 구조를 설명해주세요")
    assert "메모리" in found and not {"메모리를", "메모리의", "설명해주세요"} & found
    assert all(not "\u1100" <= ch <= "\u11ff" for phrase in found for ch in phrase)


def test_a_chinese_clause_is_no_phrase() -> None:
    assert phrases("接口 有什么区别") == {"接口"}  # "what is the difference" asks; "interface" names


def test_contractions_and_vietnamese_function_words_are_no_phrases() -> None:
    # "don't" leaves "don", and a Vietnamese question's "là gì" ("what is") leaves "gi" once its accents go.
    assert phrases("Why don't we've got queues? They aren't cheap") == {"queue", "cheap"}
    assert phrases("khoa chinh la gi va khi nao dung") == {"khoa", "chinh", "khoa chinh"}


def test_a_card_tagged_with_a_pair_of_words_is_not_tagged_with_one_of_them_too() -> None:
    questions = ["What does an operating system schedule?", "How does an operating system manage memory?",
                 "Why does an operating system need drivers?",
                 "What is a file system journal?", "How does a file system store names?"]
    cards = [Card(q, "It depends on the system.", "os.md", "", (n, n)) for n, q in enumerate(questions, 1)]
    assert content_topics(cards) == [("operating-system",)] * 3 + [("file-system",)] * 2  # not "operating", "file"


def test_a_general_verb_adjective_or_participle_names_a_topic_only_in_a_pair() -> None:
    # Three cards share only "called" and "multiple", two only "required": no topic; three share "read replica",
    # a pair that holds "read": a topic.
    questions = ["Why is a mutex called a lock?", "What was a semaphore called in Dutch?", "Who called it a monitor?",
                 "Which fields are required in a form?", "Is a licence required for fishing?",
                 "What is a read replica?", "Why keep a read replica warm?", "How far behind can a read replica lag?"]
    answers = ["Multiple threads wait on it.", "Multiple names were tried.", "Multiple authors did."]
    cards = [Card(q, answers[n - 1] if n <= 3 else "It depends.", "db.md", "", (n, n))
             for n, q in enumerate(questions, 1)]
    assert content_topics(cards) == [(FALLBACK_TOPIC,)] * 5 + [("read-replica",)] * 3
    # A keyword that ends as a participle names one ("undefined" in JavaScript notes).
    js = [Card(q, "See the language's reference.", "js.md", "", (n, n)) for n, q in enumerate(
        ["When is a variable undefined?", "How does undefined differ from null?", "Is undefined a type?",
         "What does a closure capture?", "When is a closure made?", "Why does a closure keep memory?"], 1)]
    assert content_topics(js) == [("undefined",)] * 3 + [("closure",)] * 3


def test_content_topics_are_deterministic_and_adding_a_card_retags_no_unrelated_card(tmp_path: Path) -> None:
    folder = _flat(tmp_path)
    before = {c.question: c.topics for c in _cards(folder)}
    assert {c.question: c.topics for c in _cards(folder)} == before
    with (folder / "flat-hobbies.md").open("a", encoding="utf-8") as notes:
        notes.write("\n## Q. Which chess opening starts with the king's pawn?\n\nThe Ruy Lopez, for one.\n")
    after = {c.question: c.topics for c in _cards(folder)}
    assert len(after) == len(before) + 1
    assert {q: t for q, t in after.items() if q in before} == before


def test_a_big_flat_section_nests_its_phrase_topics_under_it(tmp_path: Path) -> None:
    text = (FIXTURES / "flat-hobbies.md").read_text(encoding="utf-8")
    text = text.replace("\n## Q.", "\n### Q.").replace(
        "# My hobby notes\n",
        "# Notes\n\n## Weekend hobbies\n\n### Q. What is a hobby?\n\nSomething done for fun.\n\n## Pastimes\n")
    (tmp_path / "hobbies.md").write_text(text, encoding="utf-8")
    cards = _cards(tmp_path)
    topics = Counter(c.topics[0] for c in cards)
    assert all(t.startswith("pastimes::") for t in topics if t != "weekend-hobbies")
    assert sum(n for t, n in topics.items() if t.startswith("pastimes::tomato")) >= 6


def test_suggest_drafts_a_taxonomy_that_loads_and_tags_the_deck(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = _flat(tmp_path)
    assert main(["topics", "--suggest", str(folder)]) == 0
    draft = capsys.readouterr().out
    (folder / "qadeck.yaml").write_text("deck: Hobbies\n" + draft, encoding="utf-8")
    config = load_config(folder / "qadeck.yaml")
    assert {"telescope", "sourdough", "misc"} <= set(config.topic_slugs)
    assert all(rule.keywords for rule in config.topics if rule.slug != "misc")
    cards = _cards(folder)
    assert sum(c.topics[0] == "telescope" for c in cards[:8]) >= 7  # the taxonomy now tags the deck
    assert pipeline.suggest_topics([folder]) in draft  # the library function the command prints


def test_a_parent_topic_filters_its_nested_topics(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ops.md").write_text(
        "# Ops\n\n## Docker\n\n### Networking\n\n**What is a bridge network?**\n\nThe default network.\n\n"
        "### Volumes\n\n**Where do volumes live?**\n\nIn the data folder.\n\n"
        "## Git\n\n**What is a ref?**\n\nA name for a commit.\n", encoding="utf-8")
    assert main(["list", "--topic", "docker", str(tmp_path)]) == 0
    listed = capsys.readouterr().out
    assert "bridge network" in listed and "volumes live" in listed and "ref?" not in listed


def test_adjusted_rand_index(evaluate_topics) -> None:  # type: ignore[no-untyped-def]
    ari = evaluate_topics.adjusted_rand
    assert ari("aabb", "xxyy") == 1.0
    assert ari("aabb", "xyxy") == pytest.approx(-0.5)
    assert ari("aaabbb", "xxyyyy") == pytest.approx(1.2 / 3.7)  # worked by hand: (4 - 2.8) / (6.5 - 2.8)


def test_evaluate_topics_finds_the_sections_past_fences_in_list_items(evaluate_topics, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # A fence opened after a list marker ("- ```sh") is closed on a line of its own: the heading after it is found.
    (tmp_path / "levels-fenced.md").write_text(
        "# Shell\n\n## Basic\n\n1. **How do I list files?**\n   - ```sh\n     ls -l\n     ```\n\n"
        "2. **How do I print a file?**\n   - With cat.\n\n## Advanced\n\n3. **How do I trace a program?**\n"
        "   - ```sh\n     strace ./a.out\n     ```\n\n4. **How do I find a leak?**\n   - With valgrind.\n",
        encoding="utf-8")
    assert evaluate_topics.main([str(tmp_path)]) == 0
    assert "author's levels followed: 4/4 (100.0%)" in capsys.readouterr().out


def test_evaluate_topics_measures_a_folder(evaluate_topics, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / "levels.md", tmp_path)
    assert evaluate_topics.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "7 cards from 1 files" in out
    # The emoji, and the heading words: the tag and the bracket the script does not read.
    assert "author's levels followed: 4/5 (80.0%)" in out
    assert evaluate_topics.main([]) == 0  # no folder: says how to use it


def test_the_topics_table_counts_a_nested_topics_cards_for_its_parent(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ops.md").write_text(
        "# Ops\n\n## Docker\n\n### Networking\n\n**What is a bridge network?**\n\nThe default network.\n\n"
        "### Volumes\n\n**Where do volumes live?**\n\nIn the data folder.\n\n"
        "## Git\n\n**Why rebase?**\n\nTo replay commits.\n", encoding="utf-8")
    assert main(["topics", str(tmp_path)]) == 0
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[1:]}
    assert rows["docker"] == ["2", "1", "1", "0"]  # "what is" easy, "where" medium
    assert rows["docker::networking"] == ["1", "1", "0", "0"]
    assert rows["git"] == ["1", "0", "1", "0"]


def test_a_tables_topic_and_difficulty_columns_give_the_cards_topic_and_the_authors_level(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parent / "fixtures" / "table" / "topic-and-difficulty-columns.md", tmp_path)
    cards = {c.question: c for c in _cards(tmp_path)}
    bisect = cards["What does `git bisect` find?"]
    assert (bisect.topics, bisect.difficulty, bisect.difficulty_from) == (("git",), "hard", "author")
    assert cards["What is an image?"].topics == ("docker",)
    assert "difficulty" not in cards["What is an image?"].answer.casefold()  # the level is no text of the back
