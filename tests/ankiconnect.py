"""A loopback AnkiConnect for the tests: the add-on's protocol, version 6, on a real collection.

It listens on 127.0.0.1 only (an ephemeral port), answers a bounded number of requests of
bounded size, and carries out each action with the ``anki`` package the way the add-on does
inside today's Anki (``importPackage`` imports as its legacy importer does, with scheduling,
deck options and merged note types; ``exportPackage`` writes the legacy package format).
Replies are ``{"result": …, "error": null}``, or ``{"result": null, "error": "…"}`` when an
action fails or is unknown, as the add-on's are.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Self

MAX_REQUESTS = 500
MAX_BODY = 1 << 20
TIMEOUT = 30


class AnkiConnectServer:
    """``with AnkiConnectServer(col) as server:`` serves ``server.url`` until the block ends."""

    def __init__(self, col: Any):
        self.col = col
        self.calls: list[str] = []
        handler = type("Handler", (_Handler,), {"owner": self})
        self.http = HTTPServer(("127.0.0.1", 0), handler)
        self.http.timeout = TIMEOUT
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.thread = threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.thread.join(TIMEOUT)

    def handle(self, request: dict) -> dict:
        if len(self.calls) >= MAX_REQUESTS:
            return {"result": None, "error": "too many requests for a test server"}
        action = request.get("action", "")
        self.calls.append(action)
        try:
            if request.get("version") != 6:
                raise ValueError("this server speaks version 6 only")
            method = getattr(self, "action_" + action, None)
            if method is None:
                raise ValueError("unsupported action")
            return {"result": method(**request.get("params", {})), "error": None}
        except Exception as exc:  # noqa: BLE001 (the add-on turns every failure into its reply's error)
            return {"result": None, "error": str(exc)}

    # --- the actions, as the add-on carries them out ---------------------------------------

    def action_version(self) -> int:
        return 6

    def action_findNotes(self, query: str | None = None) -> list[int]:
        return [] if query is None else list(map(int, self.col.find_notes(query)))

    def action_deleteNotes(self, notes: list[int]) -> None:
        self.col.remove_notes(notes)

    def action_createDeck(self, deck: str) -> int:
        return int(self.col.decks.id(deck))

    def action_importPackage(self, path: str) -> bool:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=True)
        self.col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options))
        return True

    def action_exportPackage(self, deck: str, path: str, includeSched: bool = False) -> bool:
        from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

        did = self.col.decks.id_for_name(deck)
        if did is None:
            return False
        options = ExportAnkiPackageOptions(with_scheduling=includeSched, with_deck_configs=includeSched,
                                           with_media=True, legacy=True)
        self.col.export_anki_package(out_path=path, options=options, limit=DeckIdLimit(deck_id=did))
        return True


class _Handler(BaseHTTPRequestHandler):
    owner: AnkiConnectServer

    def do_POST(self) -> None:
        size = int(self.headers.get("Content-Length") or 0)
        if not 0 < size <= MAX_BODY:
            self.send_error(413)
            return
        try:
            request = json.loads(self.rfile.read(size))
        except ValueError:
            reply = {"result": None, "error": "request is not JSON"}
        else:
            reply = self.owner.handle(request if isinstance(request, dict) else {})
        body = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass
