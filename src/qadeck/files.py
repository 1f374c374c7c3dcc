"""Writing files so that a failure never costs the previous one.

Contract: :func:`write_atomic` has a writer write a temporary file in the
target folder and renames it over the old file only when writing succeeded;
anything that goes wrong is an :class:`~qadeck.errors.OutputError` naming the
path. Every file qadeck writes (decks, exports, the lock file, its caches) goes
through here. :class:`Pending` and :class:`Staged` split the same into two
steps, for files written together that replace the old ones only once all are
written (a build's outputs and its lock file): a :class:`Pending` write may
finish in a thread meanwhile (the package compresses its database so, while the
build writes the rest).
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import Self

from .errors import OutputError


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Run ``write(tmp)`` on a temporary file beside ``path``, then rename it into place."""
    Pending(path, write).commit()


#: The rest of a write, under way in a thread: calling it waits for it, and raises what it raised.
Rest = Callable[[], object]


def in_background(work: Callable[[], object]) -> Rest:
    """Start ``work`` in a thread; returns what waits for it. For work that lets other threads run
    meanwhile (zlib and SQLite do, outside Python)."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(work).result
    finally:
        pool.shutdown(wait=False)


class Pending:
    """A file written to a temporary file beside ``path`` by ``write(tmp)``, put in its place by
    :meth:`commit` or dropped by :meth:`discard`.

    ``write`` may hand back the :data:`Rest` of its write, running in a thread: both steps wait for
    it first. Anything that goes wrong is an :class:`~qadeck.errors.OutputError` naming ``path``.
    """

    def __init__(self, path: Path, write: Callable[[Path], object]) -> None:
        self.path = path
        self._tmp = _temporary(path)
        try:
            rest = write(self._tmp)
        except OSError as exc:
            self._tmp.unlink(missing_ok=True)
            raise OutputError(f"cannot write: {exc.strerror or exc}", path) from exc
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise
        self._rest: Rest | None = rest if callable(rest) else None

    def commit(self) -> None:
        try:
            if self._rest:
                self._rest()
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.path)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", self.path) from exc
        finally:
            self._tmp.unlink(missing_ok=True)

    def discard(self) -> None:
        """Drop the file (once the rest of its write has ended, whatever came of it)."""
        try:
            if self._rest:
                with suppress(Exception):
                    self._rest()
        finally:
            with suppress(OSError):
                self._tmp.unlink(missing_ok=True)


class Staged:
    """A text file's next content, written beside it now and put
    in place by :meth:`commit`; left as it was when the ``with`` block ends without one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Named now, made by the first write: nothing is created before the text is there to write.
        self._tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")

    def write_if_changed(self, text: str) -> None:
        """Stage ``text``, unless the file already holds it (then there is nothing to commit)."""
        try:
            if self.path.read_text(encoding="utf-8") == text:
                return
        except (OSError, UnicodeDecodeError):
            pass  # no file yet, or not one to keep
        try:
            with self._tmp.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", self.path) from exc

    def commit(self) -> bool:
        """Put the staged text in place; returns whether any was staged."""
        try:
            if not self._tmp.exists():
                return False
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.path)
            return True
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", self.path) from exc
        finally:
            self._discard()

    def _discard(self) -> None:
        """Remove the staged file if there is one. A folder that refused it may refuse even the
        removal of nothing (a read-only file system, a file where the folder should be): that must
        not hide the error that says why."""
        with suppress(OSError):
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._discard()


def commit_all(pending: list[Pending]) -> None:
    """Commit each of ``pending`` in order; should one fail, drop the rest and raise its error."""
    for index, written in enumerate(pending):
        try:
            written.commit()
        except BaseException:
            discard_all(pending[index + 1 :])
            raise


def discard_all(pending: list[Pending]) -> None:
    """Drop each of ``pending`` (once the rest of its write has ended)."""
    for written in pending:
        written.discard()


def _temporary(path: Path) -> Path:
    """A new empty file beside ``path``, its folder made if need be."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutputError("output folder is a file, not a folder", folder) from exc
    except OSError as exc:
        raise OutputError(f"cannot create output folder: {exc.strerror or exc}", folder) from exc
    if not folder.is_dir():
        raise OutputError("output folder is a file, not a folder", folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", folder) from exc
    os.close(fd)
    return Path(tmp_name)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """``path.write_bytes(data)``, through :func:`write_atomic`."""
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def write_text_atomic(path: Path, text: str) -> None:
    """``path.write_text(text)`` in UTF-8, through :func:`write_atomic`."""
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
