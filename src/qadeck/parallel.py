"""Work spread over the machine's cores, for the stages that dominate a big build.

:func:`pmap` maps a function over items in worker processes, in order. Where
processes cannot start (a sandbox) or a worker dies, it carries on in this
process from where the workers stopped: the results are the same either way,
only the time differs. Callers decide whether the work is big enough to pay
for starting the processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

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

    ``function`` and the items must pickle: a module-level function, plain data.
    """
    workers = min(workers or cores(), len(items))
    done = 0
    if workers > 1:
        try:
            with ProcessPoolExecutor(workers) as pool:
                for result in pool.map(function, items):
                    done += 1
                    yield result
            return
        except (OSError, BrokenProcessPool):
            pass  # no worker processes here: do the rest in this one
    for item in items[done:]:
        yield function(item)
