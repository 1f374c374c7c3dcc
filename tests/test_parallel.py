"""pmap: the same results in the same order, with worker processes or without."""

from __future__ import annotations

import multiprocessing
import os
import time
from functools import partial
from pathlib import Path

import pytest

from qadeck import pipeline
from qadeck.perf import parallel
from qadeck.errors import OutputError


def square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_come_in_order_whatever_the_workers(workers: int):
    items = list(range(50))
    assert list(parallel.pmap(square, items, workers)) == [n * n for n in items]


def test_without_worker_processes_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch):
    def no_processes(*args, **kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(multiprocessing.get_context("fork").Process, "start", no_processes)
    assert list(parallel.pmap(square, list(range(100)), 2)) == [n * n for n in range(100)]


def test_without_a_temporary_folder_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch):
    def no_folder(*args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(parallel.tempfile, "mkdtemp", no_folder)
    assert list(parallel.pmap(square, list(range(100)), 2)) == [n * n for n in range(100)]


def test_no_results_are_left_in_the_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel.tempfile, "tempdir", str(tmp_path))
    assert list(parallel.pmap(slow_pid, list(range(100)), 2))
    assert not list(tmp_path.iterdir())


def slow_pid(n: int) -> int:
    time.sleep(0.005)
    return os.getpid()


def test_this_process_and_the_forked_ones_all_take_batches():
    pids = list(parallel.pmap(slow_pid, list(range(200)), 2))
    assert os.getpid() in pids and len(set(pids)) == 2


def die_in_a_worker(parent: int, n: int) -> int:
    if os.getpid() != parent and n >= 150:
        os._exit(3)  # killed, say: no result, no exception
    return n * n


def test_the_batches_of_a_worker_that_died_are_done_here():
    items = list(range(300))
    assert list(parallel.pmap(partial(die_in_a_worker, os.getpid()), items, 2)) == [n * n for n in items]
    assert not multiprocessing.active_children()


def fail_on(bad: int, n: int) -> int:
    if n == bad:
        raise ValueError(f"bad item {n}")
    return n


@pytest.mark.parametrize("bad", [0, 150, 299])  # in whichever process takes its batch
def test_an_error_is_raised_here_as_the_function_raises_it_and_no_worker_is_left(bad: int):
    with pytest.raises(ValueError, match=f"bad item {bad}"):
        list(parallel.pmap(partial(fail_on, bad), list(range(300)), 2))
    assert not multiprocessing.active_children()


def test_a_caller_that_stops_early_leaves_no_worker():
    results = parallel.pmap(slow_pid, list(range(400)), 2)
    assert len([next(results) for _ in range(3)]) == 3
    results.close()
    assert not multiprocessing.active_children()


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_run_all_runs_every_job_and_yields_once_for_each(tmp_path: Path):
    files = [tmp_path / f"{n}.txt" for n in range(3)]
    jobs = [partial(write, path, f"job {n}") for n, path in enumerate(files)]
    assert len(list(parallel.run_all(jobs))) == 3
    assert [path.read_text(encoding="utf-8") for path in files] == ["job 0", "job 1", "job 2"]


def write_pid(path: Path) -> None:
    path.write_text(str(os.getpid()), encoding="utf-8")


def wait_for(paths: list[Path]) -> None:
    """Wait (a minute at most) until the other jobs have written ``paths``."""
    deadline = time.monotonic() + 60
    while not all(path.exists() for path in paths) and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize("processes", [2, 3, 9])
def test_the_other_processes_take_the_jobs_while_this_one_runs_the_first(tmp_path: Path, processes: int):
    files = [tmp_path / f"{n}.pid" for n in range(5)]
    first = partial(wait_for, files[1:])  # busy here until the others are done, by other processes
    jobs = [first, *(partial(write_pid, path) for path in files[1:])]
    assert len(list(parallel.run_all(jobs, processes))) == 5
    seen = {path.read_text(encoding="utf-8") for path in files[1:]}
    assert str(os.getpid()) not in seen and 1 <= len(seen) <= min(processes, 5) - 1


def test_this_process_takes_the_jobs_left_once_its_first_is_done(tmp_path: Path):
    files = [tmp_path / f"{n}.pid" for n in range(5)]
    jobs = [partial(write_pid, path) for path in files]
    assert len(list(parallel.run_all(jobs, 1))) == 5
    assert {path.read_text(encoding="utf-8") for path in files} == {str(os.getpid())}


def refuse(path: Path) -> None:
    raise OutputError("cannot write: disk full", path)


def test_an_error_in_a_worker_is_raised_here_with_its_path(tmp_path: Path):
    jobs = [partial(write, tmp_path / "a.txt", "a"), partial(refuse, tmp_path / "b.csv")]
    with pytest.raises(OutputError) as caught:
        list(parallel.run_all(jobs))
    assert str(caught.value) == f"{tmp_path / 'b.csv'}: cannot write: disk full"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "a"  # the other job still ran


def die(marker: Path) -> None:
    marker.touch()
    os._exit(3)


def test_a_worker_that_dies_is_an_error_not_a_silent_success(tmp_path: Path):
    marker = tmp_path / "died"
    with pytest.raises(RuntimeError, match="exit code 3"):  # this process waits: the worker takes the second job
        list(parallel.run_all([partial(wait_for, [marker]), partial(die, marker)]))


def test_without_fork_the_jobs_run_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def no_fork(method: str):
        raise ValueError(f"cannot find context for {method!r}")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_fork)
    here = os.getpid()
    pids: list[int] = []
    jobs = [lambda: pids.append(os.getpid()), lambda: pids.append(os.getpid())]
    assert len(list(parallel.run_all(jobs))) == 2
    assert pids == [here, here]


def test_a_big_deck_written_in_worker_processes_is_the_deck_written_here(
    cards_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    outputs = {}
    for name, threshold in (("here", 10**9), ("workers", 1)):
        monkeypatch.setattr(pipeline, "PARALLEL_WRITE_CARDS", threshold)
        out = tmp_path / name
        report = pipeline.build(pipeline.prepare(pipeline.load([cards_copy]), now=1_700_000_000), out)
        outputs[name] = {path.name: path.read_bytes() for path in report.written}
    assert set(outputs["here"]) == {"mlops-interview-questions.apkg", "mlops-interview-questions.csv"}
    assert outputs["workers"] == outputs["here"]


def test_a_build_written_in_worker_processes_keeps_a_card_cache_that_is_read_back(
    cards_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(pipeline, "PARALLEL_WRITE_CARDS", 1)
    out = tmp_path / "build"

    def load() -> pipeline.Loaded:
        return pipeline.load([cards_copy], cache_dir=out / pipeline.CACHE_DIR)

    report = pipeline.build(pipeline.prepare(load()), out)
    assert len(report.written) == 2
    again = load()
    assert again.cache is not None and again.cache.hits == 5 and again.deck == pipeline.load([cards_copy]).deck


def test_background_runs_the_job_in_another_process_while_this_one_goes_on(tmp_path: Path):
    started, released = tmp_path / "started", tmp_path / "released"
    done = tmp_path / "done.pid"

    def job() -> None:
        started.touch()
        wait_for([released])  # runs only while this process goes on past background()
        write_pid(done)

    wait = parallel.background(job)
    wait_for([started])
    assert not done.exists()
    released.touch()
    wait()
    assert done.read_text(encoding="utf-8") not in ("", str(os.getpid()))


def test_an_error_in_the_background_is_raised_by_wait(tmp_path: Path):
    wait = parallel.background(partial(refuse, tmp_path / "entry.json"))
    with pytest.raises(OutputError, match="disk full"):
        wait()


def test_a_background_process_that_dies_is_an_error(tmp_path: Path):
    wait = parallel.background(partial(die, tmp_path / "died"))
    with pytest.raises(RuntimeError, match="exit code 3"):
        wait()


def test_without_fork_the_background_job_runs_here_at_once(monkeypatch: pytest.MonkeyPatch):
    def no_fork(method: str):
        raise ValueError(f"cannot find context for {method!r}")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_fork)
    pids: list[int] = []
    wait = parallel.background(lambda: pids.append(os.getpid()))
    assert pids == [os.getpid()]
    wait()
