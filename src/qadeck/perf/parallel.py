"""Work spread over the machine's cores, for the stages that dominate a big build.

:func:`pmap` maps a function over items, in order, in this process and forked
ones, each taking the next batch of items as it is free. Where processes cannot
start (a sandbox) or one dies, this process does the batches they left: the
results are the same either way, only the time differs. :func:`run_all` runs a
few jobs at once, here and in forked processes that see this process's memory
(the writers of one deck: nothing big is pickled), each process taking the next
job as it is free.
:func:`background` runs one job in a forked process while this one goes on
(writing files no later stage reads). Callers decide whether the work is big
enough to pay for starting the processes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

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
    """``map(function, items)`` on ``workers`` processes, this one among them (default: one per
    core), yielding in order.

    The items are cut into batches (:data:`CHUNKS` a process), and each process, this one too,
    takes the next batch not yet taken until none is left: no core waits long for another's
    last one. The other processes are forked, so they find the items in memory (nothing is
    pickled on the way there), and leave each batch's results (they must pickle) in a file of
    a private folder, read here once this process is between two batches of its own: no
    process ever waits for another to take what it made (through a pipe, one did, for as long
    as this one was busy), and this process's own results are never pickled. A batch that no
    other process delivered (it died, it raised, or none could be forked) is done here: the
    results are the same either way, only the time differs, and an exception is raised here
    as ``function`` raises it.
    """
    workers = min(workers or cores(), len(items))
    size = max(1, len(items) // (max(workers, 1) * CHUNKS))
    batches = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    turns = _Turns.shared(len(batches), first=0) if workers > 1 else None
    folder = _private_folder() if turns is not None else None
    if turns is None or folder is None:
        yield from map(function, items)
        return
    forked = _fork([partial(_serve, turns, function, items, batches, folder)] * (workers - 1))
    mine: dict[int, list[R]] = {}  # this process's batches not yet yielded

    def ready(n: int) -> list[R] | None:
        """Batch ``n``'s results, from this process or another, once they are made."""
        done = mine.pop(n, None)
        return done if done is not None else _delivered(folder, n)

    out = 0  # the next batch to yield
    try:
        for n in turns:
            mine[n] = _batch(function, items, batches[n])
            while (results := ready(out)) is not None:
                yield from results
                out += 1
        for child, receive in forked:
            _outcome(receive)
            child.join()
        for n in range(out, len(batches)):
            results = ready(n)
            yield from _batch(function, items, batches[n]) if results is None else results
    finally:
        turns.stop()  # this process raised, or its caller stopped early: no process takes another batch
        for child, receive in forked:
            child.join()
            receive.close()  # already closed once its outcome was read
        shutil.rmtree(folder, ignore_errors=True)


def _private_folder() -> Path | None:
    """A new temporary folder only this user can read, for the results of forked processes; None
    where none can be made (no writable temporary folder: the work is then done here)."""
    try:
        return Path(tempfile.mkdtemp(prefix="qadeck-"))
    except OSError:
        return None


def _serve(turns: _Turns, function: Callable[[T], R], items: Sequence[T], batches: list[range], folder: Path) -> None:
    """In a forked process: do the batches not yet taken, leaving each one's results in ``folder``
    (whole or not at all); an error ends this process's share, the batch is done again in the parent."""
    for n in turns:
        part = folder / f"{n}.part"
        part.write_bytes(pickle.dumps(_batch(function, items, batches[n]), pickle.HIGHEST_PROTOCOL))
        part.rename(folder / f"{n}.pickle")


def _batch(function: Callable[[T], R], items: Sequence[T], batch: range) -> list[R]:
    return [function(items[i]) for i in batch]


def _delivered(folder: Path, n: int) -> list[Any] | None:
    """The results a forked process left of batch ``n`` (taken out of ``folder``), None if none are there."""
    path = folder / f"{n}.pickle"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    path.unlink()
    return cast(list[Any], pickle.loads(data))


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
    forked = _fork([partial(_niced, job)], daemon=False)
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
    def shared(cls, count: int, first: int = 1) -> _Turns | None:
        """Turns for jobs ``first`` to ``count - 1`` (by default job 0 is this process's), or None
        without fork."""
        if not _can_fork():
            return None
        return cls(multiprocessing.get_context("fork").Value("q", first), count)

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
    if not _can_fork():
        return []
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
