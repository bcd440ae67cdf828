"""Environment checks of docker's values: env and label files, --cidfile, seccomp profiles, contexts."""

from __future__ import annotations

import os

from kx.check.envfiles import INVALID, MISSING, UNKNOWN_ENTRY, file_problems, problem, unreadable
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.envfiles import Handler
    from kx.check.environment import Environment
    from kx.check.state import CommandState, FlagState
    from kx.core.findings import Finding


def _env_file(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    from kx.check.formats.docker_files import kv_file_problem

    return file_problems(value, "env file", env, lambda data: _malformed(kv_file_problem(data)))


def _label_file(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    from kx.check.formats.docker_files import kv_file_problem

    return file_problems(value, "label file", env, lambda data: _malformed(kv_file_problem(data)))


def _malformed(reason: str | None) -> str | None:
    return f"is malformed: {reason}" if reason else None


def _cidfile(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    """The client refuses an existing --cidfile and one it cannot create; only judged here."""
    if not env.here or value == "":
        return []
    if os.path.exists(value):
        message = f"the container ID file {value!r} already exists; remove it or pick another"
        return [problem(INVALID, message)]
    parent = os.path.dirname(value) or "."
    if value.endswith("/") or not os.path.isdir(parent):
        return [problem(MISSING, f"cannot create the container ID file {value!r}: no such directory")]
    if not os.access(parent, os.W_OK | os.X_OK):
        return [problem(MISSING, f"cannot create the container ID file {value!r}: permission denied")]
    return []


def _security_opt(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    """``seccomp=FILE``: JSON for the client, a profile the daemon can decode."""
    key, sep, path = value.partition("=")
    if not sep:
        key, sep, path = value.partition(":")
    if key != "seccomp" or not sep or path in ("", "builtin", "unconfined"):
        return []
    return file_problems(path, "seccomp profile", env, _seccomp, begin=len(key) + 1)


def _seccomp(data: bytes) -> str | None:
    from kx.check.seccomp import daemon_problem, json_problem

    why = json_problem(data)
    if why is not None:
        return f"is not valid JSON, so the client refuses it: {why}"
    why = daemon_problem(data)
    return f"is not a profile the daemon can use: {why}" if why else None


def _docker_context(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    """A docker --context: the client opens its metadata under the configuration directory."""
    config = state.flags.get("config")
    if not env.here or value in ("", "default") or (config is not None and config.dynamic):
        return []
    import hashlib

    home = env.environ.get("HOME") or os.path.expanduser("~")
    folder = config.values[-1] if config is not None else env.environ.get("DOCKER_CONFIG")
    folder = folder or os.path.join(home, ".docker")
    digest = hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()
    if os.path.exists(os.path.join(folder, "contexts", "meta", digest, "meta.json")):
        return []
    return [problem(UNKNOWN_ENTRY, f'context "{value}" not found: docker has no such context in {folder}')]


DOCKER_HANDLERS: dict[str, Handler] = {
    "env-file": _env_file, "label-file": _label_file, "cidfile": _cidfile, "security-opt": _security_opt,
    "docker-context": _docker_context,
}  # fmt: skip


_TLS_FILES = (("tlscacert", "CA file", "ca.pem"), ("tlscert", "certificate", None), ("tlskey", "key", None))


def tls_problems(state: CommandState) -> list[Finding]:
    """With --tls or any --tlsverify the client reads its CA file, and the --tlscert/--tlskey given.

    Only judged where the command runs: another machine's certificates are not kx lint's to know.
    The default CA is ca.pem in $DOCKER_CERT_PATH, $DOCKER_CONFIG or ~/.docker; a default
    certificate or key that is missing is simply not used.
    """
    verify = state.flags.get("tlsverify")
    tls = state.is_set("tls") is True or (verify is not None and not verify.dynamic)
    if not tls or not state.env.here:
        return []
    environ = state.env.environ
    home = environ.get("HOME") or os.path.expanduser("~")
    folder = environ.get("DOCKER_CERT_PATH") or environ.get("DOCKER_CONFIG") or os.path.join(home, ".docker")
    switch = state.flags["tls" if "tls" in state.flags else "tlsverify"].anchor
    found: list[Finding] = []
    for name, what, default in _TLS_FILES:
        flag = state.flags.get(name)
        given = _unquote(flag.values[-1]) if flag is not None and not flag.dynamic else None
        if (flag is not None and flag.dynamic) or (not given and default is None):
            continue
        path = given or os.path.join(folder, default or "")
        why = unreadable(path)
        word = flag.anchor if given and flag is not None else switch
        if why is not None:
            message = f"TLS makes the client read the {what} {path!r}, which {why} here"
            found.append(problem(MISSING, message).at(word.start, word.end))
        elif name == "tlscacert" and _no_certificate(path):
            message = f"the CA file {path!r} holds no PEM certificate, so the client refuses it"
            found.append(problem(INVALID, message).at(word.start, word.end))
    return found


def _unquote(value: str) -> str:
    """The client strips one pair of quotes around these paths."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _no_certificate(path: str) -> bool:
    from kx.check.readfile import read_file

    data = read_file(path)
    return isinstance(data, bytes) and b"-----BEGIN CERTIFICATE-----" not in data
