"""Per-file work spread over the machine's cores, with what every platform has.

:func:`pmap` is ``map`` on a :class:`concurrent.futures.ProcessPoolExecutor`
with the platform's default start method; under ``spawn`` (Windows, macOS) the
workers import qadeck afresh, so the function and the items must pickle (a
module-level function, or a :func:`functools.partial` of one). Items go to the
workers in batches of a few (:data:`BATCHES`). Where no worker can start (a sandbox) or one
dies, the items not yet delivered are done in this process: the results are the
same either way, only the time differs.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
#: Batches per worker: enough that no core waits long for another's last one, and that the results
#: of the last batches, handed back together, are few to take in once the workers are done (a
#: batch of a 100,000-card build is a few files, a tenth of a second of work); few enough that a
#: trip to a worker costs little beside its work.
BATCHES = 40


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pmap(function: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> Iterator[R]:
    """``map(function, items)`` on ``workers`` processes (default: one per core), in order.

    An exception ``function`` raises is raised here as it was raised there.
    """
    workers = min(workers or cores(), len(items))
    done = 0
    if workers > 1:
        size = -(-len(items) // (workers * BATCHES))
        try:
            # The workers make many objects that live as long as the work: no cyclic collection there,
            # as in the build process (see pipeline.batch).
            pool = ProcessPoolExecutor(workers, initializer=gc.disable)
        except (OSError, NotImplementedError):  # no processes here (a sandbox): the work is done below
            pool = None
        if pool is not None:
            try:
                for result in pool.map(function, items, chunksize=size):
                    yield result
                    done += 1
            except (BrokenProcessPool, OSError):
                pass  # a worker died or none could start: the rest is done below
            finally:
                pool.shutdown(cancel_futures=True)
    for item in items[done:]:
        yield function(item)
