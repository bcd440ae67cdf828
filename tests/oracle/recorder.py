"""What a fake server saw, grouped by the client invocation that sent it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    """One HTTP request as the fake received it."""

    method: str
    path: str
    body: str


@dataclass
class Recorder:
    """Thread-safe store of requests keyed by an invocation key (a pid or an id)."""

    _lock: threading.Lock = field(default_factory=threading.Lock)
    _seen: dict[str, list[Request]] = field(default_factory=dict)

    def add(self, key: str, request: Request) -> None:
        """Record one request for `key`."""
        with self._lock:
            self._seen.setdefault(key, []).append(request)

    def pop(self, key: str) -> list[Request]:
        """Return and forget everything recorded for `key`."""
        with self._lock:
            return self._seen.pop(key, [])
