"""Where Anki keeps its profiles, and which collection a push opens.

Contract: :func:`data_folder` is Anki's own rule for its data folder (``ANKI_BASE`` first, then
``%APPDATA%\\Anki2`` on Windows, ``~/Library/Application Support/Anki2`` on macOS,
``$XDG_DATA_HOME/Anki2`` or ``~/.local/share/Anki2`` elsewhere); a profile is a folder there
holding ``collection.anki2``. :func:`find_collection` turns ``--collection``/``--profile`` into
the collection's path, or raises a :class:`UsageError` that lists the profiles to choose from.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from ..errors import UsageError

COLLECTION_FILE = "collection.anki2"


def data_folder(env: Mapping[str, str] | None = None, platform: str | None = None,
                home: Path | None = None) -> Path:
    """Anki's data folder on this system (``env``, ``platform`` and ``home`` stand in for this one's)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if env.get("ANKI_BASE"):
        return Path(env["ANKI_BASE"]).expanduser()
    if platform == "win32":
        return Path(env.get("APPDATA") or home / "AppData" / "Roaming") / "Anki2"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "Anki2"
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "Anki2"


def profiles(base: Path) -> list[str]:
    """The profiles in Anki's data folder ``base``, by name."""
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / COLLECTION_FILE).is_file())


def find_collection(collection: Path | None = None, profile: str | None = None,
                    base: Path | None = None) -> Path:
    """The collection file to open: ``collection`` as given, else ``profile``'s, else the only profile's."""
    if collection is not None:
        if profile is not None:
            raise UsageError("give --collection or --profile, not both")
        if collection.is_dir():
            collection = collection / COLLECTION_FILE
        if not collection.is_file():
            raise UsageError(f"no Anki collection at {collection}")
        return collection
    base = data_folder() if base is None else base
    names = profiles(base)
    if profile is not None:
        if profile not in names:
            raise UsageError(f"no Anki profile {profile!r} in {base}; {_listing(names)}")
        return base / profile / COLLECTION_FILE
    if len(names) == 1:
        return base / names[0] / COLLECTION_FILE
    if not names:
        raise UsageError(f"no Anki profile found in {base} (set ANKI_BASE, or give --collection PATH)")
    raise UsageError(f"{len(names)} Anki profiles in {base}: choose one with --profile NAME; {_listing(names)}")


def _listing(names: list[str]) -> str:
    return "profiles: " + ", ".join(names) if names else "there are no profiles"
