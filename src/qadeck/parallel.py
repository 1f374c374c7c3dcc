"""Work spread over the machine's cores, for the stages that dominate a big build.

:func:`pmap` maps a function over items in worker processes, in order. Where
processes cannot start (a sandbox) or a worker dies, it carries on in this
process from where the workers stopped: the results are the same either way,
only the time differs. :func:`run_all` runs a few jobs at once in forked
processes that see this process's memory (the writers of one deck: nothing big
is pickled). Callers decide whether the work is big enough to pay for starting
the processes.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pmap(function: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> Iterator[R]:
    """``map(function, items)`` on ``workers`` processes (default: one per core), yielding in order.

    ``function`` and the items must pickle: a module-level function, plain data. Items travel a
    few at a time (eight batches a worker), so that ``function`` (a partial with a deck's config,
    say) is pickled once a batch rather than once an item.
    """
    workers = min(workers or cores(), len(items))
    done = 0
    if workers > 1:
        try:
            with ProcessPoolExecutor(workers) as pool:
                for result in pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))):
                    done += 1
                    yield result
            return
        except (OSError, BrokenProcessPool):
            pass  # no worker processes here: do the rest in this one
    for item in items[done:]:
        yield function(item)


def run_all(jobs: Sequence[Callable[[], object]], processes: int | None = None) -> Iterator[None]:
    """Run every job, the others in forked processes while this one runs the first; yields as each ends.

    At most ``processes`` processes work, this one included (default: one per
    core): the other jobs are shared out among the forked ones, each running
    its share in turn (a fork of a big process costs its memory pages, copied
    as they are touched). A job's exception is raised here once every job has
    ended, as it was raised there (it must pickle; qadeck's errors do); after
    one, the jobs left for a process are not started. Where a process cannot
    be forked, its jobs run here after the first: what the jobs do is the same
    either way.
    """
    forks = max(1, min(processes or cores(), len(jobs))) - 1
    shares = [list(jobs[1 + n :: forks]) for n in range(forks)] if forks else [list(jobs[1:])]
    forked, here = _fork([partial(_in_turn, share) for share in shares]) if forks else ([], [0])
    error: BaseException | None = None
    for job in [*jobs[:1], *(job for n in here for job in shares[n])]:
        if error is None:
            try:
                job()
            except BaseException as exc:  # noqa: BLE001 (raised below, once the children are done)
                error = exc
        yield None
    for n, child, receive in forked:
        outcome = _outcome(receive)
        child.join()
        if error is None and outcome is not True:
            error = outcome if isinstance(outcome, BaseException) else RuntimeError(
                f"a worker process ended with exit code {child.exitcode}"
            )
        for _ in shares[n]:
            yield None
    if error is not None:
        raise error


def _in_turn(jobs: list[Callable[[], object]]) -> None:
    for job in jobs:
        job()


def _fork(jobs: Sequence[Callable[[], object]]) -> tuple[list[tuple[int, Any, Any]], list[int]]:
    """Start a forked process for each job: (index, process, pipe) of those started, and the
    indexes of the jobs that were not."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform
        return [], list(range(len(jobs)))
    started: list[tuple[int, Any, Any]] = []
    for n, job in enumerate(jobs):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(job, send), daemon=True)
        try:
            child.start()
        except OSError:  # no more processes here: the rest run in this one
            receive.close()
            send.close()
            return started, list(range(n, len(jobs)))
        send.close()
        started.append((n, child, receive))
    return started, []


def _child(job: Callable[[], object], send: Any) -> None:
    """In a forked process: run ``job`` and send back True or the exception it raised."""
    try:
        job()
        outcome: object = True
    except BaseException as exc:  # noqa: BLE001 (sent to the parent, which raises it)
        outcome = exc
    try:
        send.send(outcome)
    except (pickle.PicklingError, TypeError, AttributeError):
        send.send(RuntimeError(f"{type(outcome).__name__}: {outcome}"))


def _outcome(receive: Any) -> object:
    """What a child sent: True, its exception, or None when it died before sending anything."""
    try:
        return receive.recv()
    except EOFError:
        return None
    finally:
        receive.close()
