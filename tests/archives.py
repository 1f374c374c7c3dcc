"""Zip archives built in memory, for the readers of zipped formats (packages, exports, mind maps)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping


def zipped(members: Mapping[str, str | bytes]) -> bytes:
    """The bytes of a zip archive holding ``members`` (name -> text or bytes), in their order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
