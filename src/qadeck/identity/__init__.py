"""Identity: which note each card is across rebuilds.

:mod:`.matching` gives every card a guid and a mod time by matching it with the
lock file's entries; :mod:`.lockfile` reads and writes ``qadeck.lock``, the
record a build leaves for the next one.
"""

from .matching import CONTENT_VERSION, SKETCH_SIZE, Changes, Facts, assign, content_hash, facts, normalize, sketch

__all__ = [
    "CONTENT_VERSION", "SKETCH_SIZE", "Changes", "Facts", "assign", "content_hash", "facts", "normalize", "sketch",
]
