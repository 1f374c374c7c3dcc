"""pmap: the same results in the same order, with worker processes or without."""

from __future__ import annotations

import pytest

from qadeck import parallel


def square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_come_in_order_whatever_the_workers(workers: int):
    items = list(range(50))
    assert list(parallel.pmap(square, items, workers)) == [n * n for n in items]


def test_without_worker_processes_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch):
    def no_processes(*args, **kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_processes)
    assert list(parallel.pmap(square, [1, 2, 3], 2)) == [1, 4, 9]
