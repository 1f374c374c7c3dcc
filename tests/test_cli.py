"""The command line as a user meets it: real sources, exact messages, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.cli import cli

from .conftest import CARDS, import_apkg, notes_by_guid

DECK = "mlops-interview-questions"


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def cards_json():
    result = run("list", str(CARDS), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_list_json_has_every_card_with_stable_keys(cards_json):
    assert len(cards_json) == 207
    keys = {"question", "answer", "source", "section", "lines", "inferred", "topics",
            "difficulty", "difficulty_from", "tags", "guid", "answer_html", "kind", "reverse"}
    assert all(set(c) == keys for c in cards_json)
    assert {(c["kind"], c["reverse"]) for c in cards_json} == {("basic", False)}  # Q&A notes only
    assert len({c["guid"] for c in cards_json}) == 207
    assert sum(c["inferred"] for c in cards_json) == 15
    assert all(1 <= len(c["topics"]) <= 3 for c in cards_json)
    assert {c["difficulty"] for c in cards_json} == {"easy", "medium", "hard"}
    assert {c["difficulty_from"] for c in cards_json} == {"rules", "override"}  # the seed marks no level


def test_list_says_which_layout_each_file_got():
    result = run("list", str(CARDS))
    assert "mlops-article-15-questions.txt: layout prose, 15 cards" in result.stderr
    assert "mlops-deployment-monitoring.txt: layout numbered, 2 cards, 10 unanswered" in result.stderr


def test_same_subject_gets_same_topic_across_sources(cards_json):
    by_primary = {}
    for c in cards_json:
        by_primary.setdefault(c["topics"][0], set()).add(c["source"])
    assert len(by_primary["monitoring"]) >= 3
    assert len(by_primary["deployment"]) >= 3
    for subject, topic in (("drift", "drift"), ("feature store", "feature-store"),
                           ("monitor", "monitoring"), ("orchestrat", "orchestration"),
                           ("ci/cd", "ci-cd"), ("docker", "packaging")):
        for c in cards_json:
            if subject in c["question"].lower():
                assert topic in c["topics"], (c["question"], c["topics"])


def test_difficulty_rules_on_real_questions(cards_json):
    level = {c["question"]: c["difficulty"] for c in cards_json}
    assert level["What is Docker?"] == "easy"
    assert level["Name three popular orchestration tools."] == "easy"
    assert level["Why is model packaging essential for deployment?"] == "medium"
    assert level["How would you scale an ML system to handle high traffic?"] == "hard"
    assert level["How would you implement rollback mechanisms for a deployed model?"] == "hard"
    assert level["What is the difference between CI and CD in MLOps?"] == "medium"
    assert level["What is model deployment, and why is it challenging?"] == "medium"
    assert level["How do you deploy a trained model using Flask?"] == "hard"  # answer is code


def test_check_reports_unanswered_with_file_and_line():
    result = run("check", str(CARDS))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    unanswered = [ln for ln in lines if ": unanswered: " in ln]
    assert len(unanswered) == 10
    assert all(ln.startswith("mlops-deployment-monitoring.txt:") for ln in unanswered)
    assert "mlops-deployment-monitoring.txt:9: unanswered: What is a REST API" in result.stdout
    assert sum(": inferred: " in ln for ln in lines) == 15
    assert run("check", str(CARDS), "--strict").exit_code == 1


def test_build_writes_deck_csv_and_summary(cards_copy, tmp_path, collection):
    out = tmp_path / "out"
    result = run("build", str(cards_copy), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "MLOps Interview Questions: 207 cards from 5 sources" in result.stdout
    assert "Skipped: 10 unanswered questions" in result.stdout
    assert "Since last build: 207 added, 0 updated, 0 unchanged, 0 removed" in result.stdout
    assert f"Wrote {out / (DECK + '.apkg')}" in result.stdout
    assert (cards_copy / "qadeck.lock").exists()

    import_apkg(collection, out / f"{DECK}.apkg")
    notes = notes_by_guid(collection).values()
    assert len(notes) == 207
    for note in notes:
        assert note["Question"] and note["Answer"]
        assert sum(t.startswith("topic::") for t in note.tags) >= 1
        assert sum(t.startswith("difficulty::") for t in note.tags) == 1

    with (out / f"{DECK}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 207
    listed = json.loads(run("list", str(cards_copy), "--json").stdout)
    assert [r["question"] for r in rows][:3] == [c["question"] for c in listed][:3]
    assert all(r["answer"] and "<" not in r["answer"].replace("<String>", "") for r in rows)


def test_filtered_build_holds_only_its_topic(cards_copy, tmp_path, collection):
    out = tmp_path / "out"
    result = run("build", str(cards_copy), "-o", str(out), "--topic", "monitoring")
    assert result.exit_code == 0, result.output
    apkg = out / f"{DECK}--monitoring.apkg"
    assert apkg.exists() and not (out / f"{DECK}.apkg").exists()
    import_apkg(collection, apkg)
    notes = list(notes_by_guid(collection).values())
    assert notes and all("topic::monitoring" in n.tags for n in notes)
    assert collection.decks.by_name("MLOps Interview Questions (monitoring)") is not None


def test_difficulty_filter(cards_copy):
    result = run("list", str(cards_copy), "--json", "--difficulty", "hard")
    cards = json.loads(result.stdout)
    assert cards and {c["difficulty"] for c in cards} == {"hard"}


def test_unknown_topic_lists_known_ones_closest_first(cards_copy):
    result = run("build", str(cards_copy), "--topic", "monitorng")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown topic 'monitorng'; did you mean 'monitoring'? "
                                    "Known topics: monitoring, ")
    assert "Traceback" not in result.output


def test_dry_run_writes_nothing(cards_copy, tmp_path):
    out = tmp_path / "out"
    result = run("build", str(cards_copy), "-o", str(out), "--dry-run")
    assert result.exit_code == 0
    assert "Dry run: nothing written." in result.stdout
    assert not out.exists() and not (cards_copy / "qadeck.lock").exists()


def test_the_summary_counts_only_what_was_skipped(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "pairs.txt").write_text("Q: What is A?\nA: Alpha.\n\nQ: What is B?\nA: Beta.\n", encoding="utf-8")
    (folder / "essay.txt").write_text("x" * 300 + "\n", encoding="utf-8")  # a file no layout fits
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Skipped: 1 other item (see 'qadeck check')" in result.stdout.splitlines()


def test_the_summary_s_topics_say_they_count_primary_topics(cards_copy, tmp_path):
    # A filtered build of 34 'packaging' cards, 25 of them primarily so: the summary must not read
    # as if the filter had picked cards it did not.
    result = run("build", str(cards_copy), "-o", str(tmp_path / "out"), "--dry-run", "--topic", "packaging")
    assert result.exit_code == 0, result.output
    cards = int(result.stdout.split(": ", 1)[1].split(" cards")[0])
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("Topics: "))
    assert line.endswith(" (each card by its primary topic; 'qadeck topics' counts all of its topics)")
    counts = dict((t, int(n)) for t, n in (part.rsplit(" ", 1) for part in line[8:].split(" (")[0].split(", ")))
    assert sum(counts.values()) == cards > counts["packaging"]


def test_a_draft_taxonomy_of_no_cards_prints_nothing_but_the_error(tmp_path):
    # 'qadeck topics --suggest notes > draft.yaml' must not leave half a draft in the file.
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "essay.md").write_text("Just a sentence with no question in it.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["topics", "--suggest", str(tmp_path / "notes")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {tmp_path / 'notes'}: no questions with answers found")


def test_topics_table(cards_copy):
    result = run("topics", str(cards_copy))
    rows = {ln.split()[0]: ln.split()[1:] for ln in result.stdout.splitlines()[1:]}
    assert "monitoring" in rows
    assert all(int(r[0]) == sum(map(int, r[1:])) for r in rows.values())


def test_missing_source_is_one_clear_error(tmp_path):
    result = run("build", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope'}: no such file or folder\n"


@pytest.mark.parametrize("command", ["build", "list", "check"])
def test_a_first_run_without_cards_folder_is_told_how_to_name_its_notes(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a notes folder with no cards/ in it
    (tmp_path / "notes.md").write_text("## What is it?\n\nA note.\n", encoding="utf-8")
    result = run(command)
    assert result.exit_code != 0
    assert result.stderr == ("Error: no cards/ folder here to read by default: name your notes, "
                             f"e.g. qadeck {command} notes/ or qadeck {command} . (this folder)\n")
    assert run(command, ".").exit_code == 0


def test_every_command_has_help():
    for command in ("list", "check", "build", "topics"):
        result = run(command, "--help")
        assert result.exit_code == 0 and len(result.stdout) > 200


def test_commands_run_without_the_cyclic_collector_and_leave_it_as_it_was(monkeypatch, capsys):
    import gc

    from qadeck import cli as cli_module
    from qadeck import pipeline

    seen = []
    real_load = pipeline.load
    monkeypatch.setattr(pipeline, "load", lambda *a, **k: seen.append(gc.isenabled()) or real_load(*a, **k))
    assert gc.isenabled()
    assert cli_module.main(["list", str(CARDS)]) == 0
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError), pipeline.batch():
        raise RuntimeError("a failed build")
    assert gc.isenabled()
    gc.disable()
    try:
        with pipeline.batch():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_a_topic_that_is_not_a_slug_is_one_line_naming_file_line_and_fix(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "qadeck.yaml").write_text("deck: X\ntopics:\n  data drift: {keywords: [drift]}\n", encoding="utf-8")
    (folder / "a.txt").write_text("Q: What is drift?\nA: Change.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {folder / 'qadeck.yaml'}:3: topic 'data drift' is not a slug: "
                             "write it as 'data-drift' (key 'topics.data drift')\n")


def test_the_readme_names_every_command_that_takes_filters():
    takes = sorted(name for name, command in cli.commands.items()
                   if any(p.name == "topics" for p in command.params))
    readme = (CARDS.parent / "README.md").read_text(encoding="utf-8")
    named = ", ".join(f"`{n}`" for n in takes[:-1]) + f" and `{takes[-1]}` take filters:"
    assert named in " ".join(readme.split())


def test_a_folder_built_in_place_is_never_read_back_from_its_output_folder(tmp_path, monkeypatch):
    # "qadeck build ." in a notes folder writes build/<deck>.csv there: the next build, list or check
    # must not take that CSV (or an output folder of another name, once built, or the deck written
    # into the notes folder itself with -o .) for a source.
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("Q: What is 2+2?\nA: Four.\n\nQ: Capital of France?\nA: Paris.\n",
                                     encoding="utf-8")
    monkeypatch.chdir(notes)
    for args in (["build", "."], ["build", "."], ["build", ".", "-o", "decks"], ["build", ".", "-o", "."],
                 ["build", ".", "-o", "."]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "2 cards from 1 sources" in result.output
    assert all((folder / "notes.csv").exists() for folder in (notes, notes / "build", notes / "decks"))
    assert len(json.loads(run("list", ".", "--json").stdout)) == 2  # not the CSV written beside the sources
    # Named outright, a written deck is read all the same.
    assert len(json.loads(run("list", "decks/notes.csv", "--json").stdout)) == 2
