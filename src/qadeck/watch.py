"""``--watch``: run a build (or push) again each time a source is saved.

Contract: :func:`watch` runs ``run`` once, then again after each batch of saves to the
sources or ``qadeck.yaml`` under ``paths`` (saves less than ``quiet_ms`` apart are
one batch: an editor's save is often several writes). What qadeck writes itself (the lock
file, outputs and caches in ``ignore``) starts nothing. A :class:`QadeckError` in a run is
reported and watching goes on: the next save may fix it. Ctrl-C ends it, during a run or
between two, and :func:`watch` returns normally.

File events come from watchfiles (the operating system's notifications on Linux, macOS and
Windows, with polling where there are none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .config import CONFIG_NAME
from .errors import QadeckError
from .sources import watched

#: Saves less than this apart (milliseconds) start one run...
QUIET_MS = 300
#: ... unless they go on for longer than this.
DEBOUNCE_MS = 3000
#: How often (milliseconds) the watcher wakes with no saves.
WAKE_MS = 1000


def watch(
    paths: Iterable[Path],
    run: Callable[[], None],
    say: Callable[[str], None],
    ignore: Iterable[Path] = (),
    quiet_ms: int = QUIET_MS,
) -> None:
    """Run ``run`` now and after every batch of saves under ``paths``, until Ctrl-C."""
    import watchfiles

    paths = [p.resolve() for p in paths]
    ignored = [p.resolve() for p in ignore]

    def wanted(change: watchfiles.Change, name: str) -> bool:
        path = Path(name)
        if any(path.is_relative_to(i) for i in ignored):
            return False
        return watched(path) or path.name == CONFIG_NAME

    try:
        _run(run, say)
        watching = False
        # An empty batch now and then says that the watcher runs: "Watching" is said only then.
        for changes in watchfiles.watch(*paths, watch_filter=wanted, step=quiet_ms, debounce=DEBOUNCE_MS,
                                        raise_interrupt=False, yield_on_timeout=True, rust_timeout=WAKE_MS):
            if not changes:
                if not watching:
                    say(f"Watching {', '.join(map(str, paths))} (Ctrl-C to stop)")
                    watching = True
                continue
            names = sorted({Path(name).name for _, name in changes})
            say(f"Changed: {', '.join(names)}")
            _run(run, say)
    except KeyboardInterrupt:
        pass
    say("Stopped watching.")


def _run(run: Callable[[], None], say: Callable[[str], None]) -> None:
    try:
        run()
    except QadeckError as exc:
        say(f"Error: {exc}")
