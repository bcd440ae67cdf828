"""A fake Kubernetes API server (v1.32.4) on 127.0.0.1 with a random port.

It serves `/version`, legacy discovery, GET of any object (except one named `missing`) and POST of
created objects (recorded, answered 201 with the object). Lists and watches, which kubectl only
needs to attach to a created pod, are refused with `MARKER` so no client waits forever.

Each client invocation gets its own server URL `http://127.0.0.1:PORT/inv/<key>` (kubectl keeps a
server path prefix), which is how requests are grouped per invocation.
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import kube_data, kube_objects
from .recorder import Recorder, Request

MARKER = "kx-fake-apiserver"
_PREFIX = "/inv/"


def _split_invocation(path: str) -> tuple[str, str]:
    """`/inv/7/api/v1` -> ("7", "/api/v1"); paths without the prefix get key "-"."""
    if not path.startswith(_PREFIX):
        return "-", path
    key, _, rest = path[len(_PREFIX) :].partition("/")
    return key, "/" + rest


def _resource_path(route: str) -> tuple[str, str | None, str, str | None] | None:
    """Split an object path into (group/version, namespace, resource, name); None if not one."""
    parts = [p for p in route.split("/") if p]
    if parts[:1] == ["api"] and len(parts) >= 3:
        group_version, rest = parts[1], parts[2:]
    elif parts[:1] == ["apis"] and len(parts) >= 4:
        group_version, rest = "/".join(parts[1:3]), parts[3:]
    else:
        return None
    namespace = None
    if len(rest) >= 3 and rest[0] == "namespaces":
        namespace, rest = rest[1], rest[2:]
    if not rest or len(rest) > 2:
        return None  # subresources (attach, log, exec, scale) are not served
    return group_version, namespace, rest[0], rest[1] if len(rest) > 1 else None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        """Send each reply at once: header and body go out in separate writes."""
        super().setup()
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the fake is used by tests."""

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _fail(self, code: int, reason: str, message: str) -> None:
        self._send(code, kube_objects.status(code, reason, f"{MARKER}: {message}"))

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        key, path = _split_invocation(self.path)
        self.server.recorder.add(key, Request(self.command, path, body))
        url = urlsplit(path)
        answer = self._discovery(url.path) if self.command == "GET" else None
        if answer is not None:
            self._send(200, answer)
            return
        target = _resource_path(url.path)
        if target is None:
            self._fail(404, "NotFound", f"no route for {self.command} {url.path}")
        elif self.command == "GET":
            self._get(target, parse_qs(url.query))
        elif self.command == "POST" and target[3] is None:
            self._create(target, body)
        else:
            self._fail(405, "MethodNotAllowed", f"{self.command} {url.path} is not served")

    def _discovery(self, route: str) -> dict[str, Any] | None:
        if route == "/version":
            return kube_data.VERSION
        if route == "/api":
            return kube_data.api_versions()
        if route == "/apis":
            return kube_data.api_groups()
        if route.startswith("/api/") and route.count("/") == 2:
            return kube_data.resource_list(route[len("/api/") :])
        if route.startswith("/apis/") and route.count("/") == 3:
            return kube_data.resource_list(route[len("/apis/") :])
        return None

    def _get(self, target: tuple[str, str | None, str, str | None], query: dict[str, list[str]]) -> None:
        _, namespace, resource, name = target
        if name is None:
            self._list(resource, namespace, query)
            return
        obj = kube_objects.get_object(resource, name, namespace)
        if obj is None:
            self._fail(404, "NotFound", f'{resource} "{name}" not found')
        else:
            self._send(200, obj)

    def _list(self, resource: str, namespace: str | None, query: dict[str, list[str]]) -> None:
        """Answer the list kubectl makes to wait for a created pod: it is Running at once."""
        if "watch" in query:
            self._fail(500, "InternalError", f"watch of {resource} is not served")
            return
        wanted = [
            f[len("metadata.name=") :]
            for f in query.get("fieldSelector", [])
            if f.startswith("metadata.name=")
        ]
        items = [kube_objects.running(resource, n, namespace) for n in wanted]
        group_version, kind = kube_data.KINDS.get(resource, ("v1", "List"))
        self._send(
            200,
            {
                "apiVersion": group_version,
                "kind": kind + "List",
                "metadata": {"resourceVersion": "1000"},
                "items": [i for i in items if i],
            },
        )

    def _create(self, target: tuple[str, str | None, str, str | None], body: str) -> None:
        try:
            obj = json.loads(body)
        except ValueError:
            self._fail(400, "BadRequest", "the request body is not JSON")
            return
        meta = obj.setdefault("metadata", {})
        if target[1] is not None:
            meta.setdefault("namespace", target[1])
        meta.setdefault("uid", "00000000-0000-4000-8000-000000000001")
        meta.setdefault("creationTimestamp", "2025-01-01T00:00:00Z")
        self._send(201, obj)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    recorder: Recorder


class FakeKube:
    """Context manager running the fake API server on 127.0.0.1."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        self._server: _Server | None = None

    @property
    def port(self) -> int:
        """The TCP port the fake listens on."""
        assert self._server is not None, "FakeKube is not started"
        return int(self._server.server_address[1])

    def url(self, key: str) -> str:
        """The server URL for invocation `key` (requests to it are recorded under `key`)."""
        return f"http://127.0.0.1:{self.port}{_PREFIX}{key}"

    def start(self) -> FakeKube:
        """Bind a random loopback port and serve in a background thread."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.recorder = self.recorder
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeKube:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
