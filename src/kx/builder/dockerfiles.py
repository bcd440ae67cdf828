"""The environment and labels of a docker run line: ``-e``/``--env-file``, ``-l``/``--label-file``."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from kx.builder.dockerflags import Flags
from kx.builder.objects import GenerateError
from kx.check.formats.docker_files import kv_file_problem

_SPACE = " \t\n\v\f\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # noqa: E501


def read_kv_file(path: str, flags: Flags, lookup: Mapping[str, str] | None) -> list[str]:
    """The KEY=value lines of an env or label file; a bare KEY takes its value from ``lookup``.

    Blank lines and ``#`` comments are skipped; a bare KEY that ``lookup`` lacks (or any bare KEY
    when there is no lookup, as for labels) is left out.
    """
    try:
        with open(flags.absolute(path), "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise GenerateError(f"cannot read {path}: {error.strerror}") from None
    problem = kv_file_problem(data)
    if problem:
        raise GenerateError(f"{path}: {problem}")
    out: list[str] = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        line = raw[:-1] if raw.endswith(b"\r") else raw
        text = (line[3:] if number == 1 and line.startswith(b"\xef\xbb\xbf") else line).decode()
        text = text.lstrip(_SPACE)
        if not text or text.startswith("#"):
            continue
        key, sep, _ = text.partition("=")
        if sep:
            out.append(text)
        elif lookup is not None and key in lookup:
            out.append(f"{key}={lookup[key]}")
    return out


def env_list(flags: Flags) -> list[str]:
    """Config.Env: the env files' lines, then each ``-e`` variable once (its last value).

    A ``-e NAME`` without ``=`` takes NAME's value from the client's environment, or is sent bare.
    The client passes the ``-e`` list through a map, so their order in the request is not fixed.
    """
    seen: dict[str, str | None] = {}
    for value in flags.all("env"):
        key, sep, val = value.partition("=")
        if not sep and key in flags.environ:
            sep, val = "=", flags.environ[key]
        seen.pop(key, None)
        seen[key] = val if sep else None
    for key, val in proxies(flags.environ).items():
        for name in (key, key.lower()):
            seen.setdefault(name, val)
    own = [key if val is None else f"{key}={val}" for key, val in seen.items()]
    files = [line for path in flags.all("env-file") for line in read_kv_file(path, flags, flags.environ)]
    return files + own


_PROXY_KEYS = {"httpProxy": "HTTP_PROXY", "httpsProxy": "HTTPS_PROXY", "noProxy": "NO_PROXY",
               "ftpProxy": "FTP_PROXY", "allProxy": "ALL_PROXY"}  # fmt: skip


def proxies(environ: Mapping[str, str]) -> dict[str, str]:
    """The proxy variables the client adds to Env from the ``proxies`` of its config.json.

    The entry for the daemon's address is used, else ``default``; an unreadable file adds none.
    """
    folder = environ.get("DOCKER_CONFIG") or os.path.join(environ.get("HOME", ""), ".docker")
    try:
        with open(os.path.join(folder, "config.json"), encoding="utf-8") as handle:
            config = json.load(handle)
        table = config.get("proxies") or {}
        host = environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        entry = table.get(host) if host in table else table.get("default")
        return {_PROXY_KEYS[k]: v for k, v in (entry or {}).items() if k in _PROXY_KEYS and v}
    except (OSError, ValueError, AttributeError):
        return {}


def labels(flags: Flags) -> dict[str, str]:
    """Config.Labels: the label files' lines, then ``--label`` values; a later key wins."""
    lines = [line for path in flags.all("label-file") for line in read_kv_file(path, flags, None)]
    out: dict[str, str] = {}
    for line in [*lines, *flags.all("label")]:
        key, _, value = line.partition("=")
        out[key] = value
    return out
