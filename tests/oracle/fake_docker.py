"""A fake Docker Engine API (a Linux daemon, API 1.50) on a unix socket.

It answers the ping and version calls, records `POST /vX/containers/create` and refuses it with
an error carrying `CREATE_MARKER`; anything else is a 404 carrying `OTHER_MARKER`. So a line the
docker client accepts ends with one of the markers, and a line it rejects ends with its own
error. Requests are grouped by the client's pid, read from the socket's peer credentials.
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
import struct
import tempfile
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import TracebackType

from .recorder import Recorder, Request

API_VERSION = "1.50"
CREATE_MARKER = "kx-fake-daemon: create refused"
OTHER_MARKER = "kx-fake-daemon: no such endpoint"
MARKERS = (CREATE_MARKER, OTHER_MARKER)

_VERSION = {
    "Platform": {"Name": "Docker Engine - Community"},
    "Version": "28.2.2",
    "ApiVersion": API_VERSION,
    "MinAPIVersion": "1.24",
    "Os": "linux",
    "Arch": "amd64",
    "KernelVersion": "6.1.0",
}
_INFO = {
    "ID": "kx-fake",
    "OSType": "linux",
    "Architecture": "x86_64",
    "OperatingSystem": "kx fake daemon",
    "ServerVersion": "28.2.2",
    "Name": "kx-fake",
}
_PING_HEADERS = {
    "Api-Version": API_VERSION,
    "Ostype": "linux",
    "Docker-Experimental": "false",
    "Builder-Version": "2",
    "Cache-Control": "no-cache, no-store, must-revalidate",
    "Pragma": "no-cache",
}


def _strip_version(path: str) -> str:
    """Drop the `/v1.50` prefix and the query string: `/v1.50/info?x=1` -> `/info`."""
    path = path.split("?", 1)[0]
    if path.startswith("/v"):
        head, _, rest = path[1:].partition("/")
        if head[1:].replace(".", "").isdigit():
            return "/" + rest
    return path


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the fake is used by tests."""

    def _peer(self) -> str:
        creds = self.request.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
        return str(struct.unpack("3i", creds)[0])

    def _send(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if body[:1] in b"{[" else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        route = _strip_version(self.path)
        if route != "/_ping":
            self.server.recorder.add(self._peer(), Request(self.command, self.path, body))
        if route == "/_ping":
            self._send(200, b"OK", _PING_HEADERS)
        elif route == "/version" and self.command == "GET":
            self._send(200, _VERSION)
        elif route == "/info" and self.command == "GET":
            self._send(200, _INFO)
        elif route == "/containers/create" and self.command == "POST":
            self._send(500, {"message": CREATE_MARKER})
        else:
            self._send(404, {"message": f"{OTHER_MARKER}: {self.command} {route}"})

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _answer


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    recorder: Recorder


class FakeDocker:
    """Context manager running the fake daemon; `host` is the value for DOCKER_HOST."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="kx-fake-docker-")
        self.socket_path = Path(self._dir.name) / "docker.sock"
        self.recorder = Recorder()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        """The DOCKER_HOST URL of the fake."""
        return f"unix://{self.socket_path}"

    def start(self) -> FakeDocker:
        """Bind the socket and serve in a background thread."""
        self._server = _Server(str(self.socket_path), _Handler)
        self._server.recorder = self.recorder
        os.chmod(self.socket_path, 0o600)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and remove the socket directory."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        self._dir.cleanup()

    def __enter__(self) -> FakeDocker:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def create_request(requests: list[Request]) -> dict[str, object] | None:
    """The first `POST /containers/create` among `requests` as {query, body}, or None.

    `query` maps each query parameter (`name`, `platform`) to its value; `body` is the JSON the
    client sent (Config fields, HostConfig, NetworkingConfig).
    """
    from urllib.parse import parse_qsl, urlsplit

    for request in requests:
        url = urlsplit(request.path)
        if request.method == "POST" and _strip_version(url.path) == "/containers/create":
            return {"query": dict(parse_qsl(url.query)), "body": json.loads(request.body or "null")}
    return None
