"""Work spread over the machine's cores, for the stages that dominate a big build.

:func:`pmap` maps a function over items in worker processes, in order. Where
processes cannot start (a sandbox) or a worker dies, it carries on in this
process from where the workers stopped: the results are the same either way,
only the time differs. :func:`run_all` runs a few jobs at once, here and in
forked processes that see this process's memory (the writers of one deck:
nothing big is pickled), each process taking the next job as it is free.
:func:`background` runs one job in a forked process while this one goes on
(writing files no later stage reads). Callers decide whether the work is big
enough to pay for starting the processes.
"""

from __future__ import annotations

import itertools
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
#: How much lower a :func:`background` process's priority is than this one's.
NICE = 10
#: :func:`pmap` gives each worker about this many batches of items.
CHUNKS = 32


class WorkerDied(RuntimeError):
    """A forked process ended before it said how its job went (killed, or out of memory)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"a worker process ended with exit code {exitcode}")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pmap(function: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> Iterator[R]:
    """``map(function, items)`` on ``workers`` processes (default: one per core), yielding in order.

    ``function`` and the items must pickle: a module-level function, plain data. Items travel a
    few at a time (:data:`CHUNKS` batches a worker), so that ``function`` (a partial with a deck's
    config, say) is pickled once a batch rather than once an item; batches that small leave one
    worker idle only briefly at the end, while the others finish their last.
    """
    workers = min(workers or cores(), len(items))
    done = 0
    if workers > 1:
        try:
            with ProcessPoolExecutor(workers) as pool:
                for result in pool.map(function, items, chunksize=max(1, len(items) // (workers * CHUNKS))):
                    done += 1
                    yield result
            return
        except (OSError, BrokenProcessPool):
            pass  # no worker processes here: do the rest in this one
    for item in items[done:]:
        yield function(item)


def run_all(jobs: Sequence[Callable[[], object]], processes: int | None = None) -> Iterator[None]:
    """Run every job, the first in this process and the others in whichever process is free first;
    yields as each job run here ends, then for the others once their processes are done.

    At most ``processes`` processes work, this one included (default: one per
    core): the others are forked at the start (a fork of a big process costs
    its memory pages, copied as they are touched, so the first and biggest job
    stays here), and each process, this one once its first job is done, takes
    the next job not yet taken until none is left. A job's exception is raised
    here once every job has ended, as it was raised there (it must pickle;
    qadeck's errors do); after one, no job is started. Where no process can
    be forked, every job runs here: what the jobs do is the same either way.
    """
    forks = max(1, min(processes or cores(), len(jobs))) - 1
    turns = _Turns.shared(len(jobs)) if forks else None
    forked = _fork([partial(_take, turns, jobs)] * forks) if turns else []
    error: BaseException | None = None
    done = 0
    for n in itertools.chain([0], turns or range(1, len(jobs))):
        try:
            jobs[n]()
        except BaseException as exc:  # noqa: BLE001 (raised below, once the children are done)
            error = exc
            if turns:
                turns.stop()
        done += 1
        yield None
        if error is not None:
            break
    for child, receive in forked:
        outcome = _outcome(receive)
        child.join()
        if error is None and outcome is not True:
            error = outcome if isinstance(outcome, BaseException) else WorkerDied(child.exitcode)
    for _ in range(len(jobs) - done):
        yield None
    if error is not None:
        raise error


def background(job: Callable[[], object]) -> Callable[[], None]:
    """Start ``job`` in a forked process, at a lower priority than this one, and go on; returns the
    function that waits for it to end (raising here what it raised there, as :func:`run_all` does).

    For work that only writes files nothing in this process reads (the card cache's
    entries): it takes a core that would be idle, and it yields the core to the
    build's own work where both want it. The process is no daemon, so that it
    ends its files even when this process is leaving on an error. Where no process
    can be forked, ``job`` runs here, now.
    """
    forked = _fork([partial(_niced, job)], daemon=False) if _can_fork() else []
    if not forked:
        job()
        return lambda: None
    child, receive = forked[0]

    def wait() -> None:
        outcome = _outcome(receive)
        child.join()
        if outcome is not True:
            raise outcome if isinstance(outcome, BaseException) else WorkerDied(child.exitcode)

    return wait


def _niced(job: Callable[[], object]) -> None:
    os.nice(NICE)
    job()


def _can_fork() -> bool:
    try:
        multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform
        return False
    return True


class _Turns:
    """The next job to start, counted in memory the forked processes share."""

    def __init__(self, counter: Any, count: int) -> None:
        self._next = counter
        self._count = count

    @classmethod
    def shared(cls, count: int) -> _Turns | None:
        """Turns for jobs 1 to ``count - 1`` (job 0 is this process's), or None without fork."""
        if not _can_fork():
            return None
        return cls(multiprocessing.get_context("fork").Value("q", 1), count)

    def __iter__(self) -> Iterator[int]:
        while True:
            with self._next.get_lock():
                n = self._next.value
                if n >= self._count:
                    return
                self._next.value = n + 1
            yield n

    def stop(self) -> None:
        """Start no more jobs."""
        with self._next.get_lock():
            self._next.value = self._count


def _take(turns: _Turns, jobs: Sequence[Callable[[], object]]) -> None:
    """In a forked process: run the jobs not yet taken, one after another; an error stops them all."""
    for n in turns:
        try:
            jobs[n]()
        except BaseException:
            turns.stop()
            raise


def _fork(jobs: Sequence[Callable[[], object]], daemon: bool = True) -> list[tuple[Any, Any]]:
    """Start a forked process for each job that can have one: (process, pipe) of those started."""
    context = multiprocessing.get_context("fork")
    started: list[tuple[Any, Any]] = []
    for job in jobs:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(job, send), daemon=daemon)
        try:
            child.start()
        except OSError:  # no more processes here: the others take the jobs
            receive.close()
            send.close()
            break
        send.close()
        started.append((child, receive))
    return started


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
