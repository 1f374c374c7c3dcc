"""pmap: the same results in the same order, with worker processes or without."""

from __future__ import annotations

import multiprocessing
import os
import time
from functools import partial

import pytest

from qadeck.perf import parallel


def square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_come_in_order_whatever_the_workers(workers: int):
    items = list(range(50))
    assert list(parallel.pmap(square, items, workers)) == [n * n for n in items]


def test_without_worker_processes_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch):
    def no_processes(*args, **kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(multiprocessing.get_context().Process, "start", no_processes)
    assert list(parallel.pmap(square, list(range(100)), 2)) == [n * n for n in range(100)]


def slow_pid(n: int) -> int:
    time.sleep(0.005)
    return os.getpid()


def test_the_work_is_done_in_other_processes():
    pids = list(parallel.pmap(slow_pid, list(range(200)), 2))
    assert len(pids) == 200 and os.getpid() not in pids


def die_in_a_worker(parent: int, n: int) -> int:
    if os.getpid() != parent and n >= 150:
        os._exit(3)  # killed, say: no result, no exception
    return n * n


def test_the_items_a_worker_that_died_left_are_done_here():
    items = list(range(300))
    assert list(parallel.pmap(partial(die_in_a_worker, os.getpid()), items, 2)) == [n * n for n in items]
    assert not multiprocessing.active_children()


def fail_on(bad: int, n: int) -> int:
    if n == bad:
        raise ValueError(f"bad item {n}")
    return n


@pytest.mark.parametrize("bad", [0, 150, 299])
def test_an_error_is_raised_here_as_the_function_raises_it_and_no_worker_is_left(bad: int):
    with pytest.raises(ValueError, match=f"bad item {bad}"):
        list(parallel.pmap(partial(fail_on, bad), list(range(300)), 2))
    assert not multiprocessing.active_children()


def test_a_caller_that_stops_early_leaves_no_worker():
    results = parallel.pmap(slow_pid, list(range(400)), 2)
    assert len([next(results) for _ in range(3)]) == 3
    results.close()
    assert not multiprocessing.active_children()
