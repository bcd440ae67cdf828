"""The environment pass: files and kubeconfig entries a command names, judged through its Environment.

Run by the validator for the flags whose value format names something on the machine (see
``ENV_FORMATS``). Every finding has the stage ``environment``: it holds where those files are.
A missing file is only reported where the command runs (``kx check``); ``kx lint`` judges the
content of the files it finds near the linted file (see ``kx.check.environment``).
"""

from __future__ import annotations

import os

from kx._typing import TYPE_CHECKING
from kx.check.environment import STAGE, read_file
from kx.check.problem import Problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.check.environment import Environment
    from kx.check.state import CommandState, FlagState
    from kx.parse.span import Word

    Finding = tuple[Problem, int, int]
    Handler = Callable[[str, FlagState, CommandState, Environment], list[Problem]]

MISSING = "KX209"
INVALID = "KX210"
UNKNOWN_ENTRY = "KX211"
FILE_OUTPUTS = ("go-template-file", "templatefile", "jsonpath-file")


def check_environment(state: CommandState, env: Environment) -> list[Finding]:
    """The environment findings of every flag of ``state`` whose format names a file or entry."""
    found: list[Finding] = []
    for flag_state in list(state.flags.values()):
        handler = HANDLERS.get(flag_state.flag.format or "")
        if handler is not None:
            found.extend(_each_value(flag_state, handler, state, env))
    return found


def _each_value(flag_state: FlagState, handler: Handler, state: CommandState, env: Environment
                ) -> list[Finding]:  # fmt: skip
    """Every value of a list flag; only the winning one of a scalar flag (the client reads no other)."""
    found: list[Finding] = []
    pairs = list(zip(flag_state.values, flag_state.words, strict=True))
    for value, word in pairs if flag_state.flag.repeat != "last" else pairs[-1:]:
        if word.dynamic:
            continue
        for problem in handler(value, flag_state, state, env):
            found.append((problem, *_span(word, value, problem)))
    return found


def _span(word: Word, value: str, problem: Problem) -> tuple[int, int]:
    """Where the problem's part of ``value`` is in the source (the whole word when quoted)."""
    if not word.literal or not word.value.endswith(value):
        return word.start, word.end
    start = word.end - len(value) + (problem.begin or 0)
    end = word.end - len(value) + (problem.end if problem.end is not None else len(value))
    return start, max(end, start + 1)


def _problem(code: str, message: str, begin: int | None = None, end: int | None = None,
             suggestion: str | None = None) -> Problem:  # fmt: skip
    return Problem(code, message, stage=STAGE, begin=begin, end=end, suggestion=suggestion)


def _unreadable(path: str) -> str | None:
    """Why the client cannot read ``path`` ("does not exist", ...); anything readable counts (/dev/null)."""
    if not os.path.exists(path):
        return "does not exist"
    return "is not a readable file" if os.path.isdir(path) or not os.access(path, os.R_OK) else None


def _file(path: str, what: str, env: Environment, check: Callable[[bytes], str | None],
          begin: int | None = None) -> list[Problem]:  # fmt: skip
    """Locate ``path``: a missing or unreadable file where it runs, or content ``check`` refuses.

    ``begin``: where the path starts in the flag's value (None: the caret covers the whole value).
    """
    located = env.locate(path)
    if located is None:
        return []
    if not located[1]:
        return [_problem(MISSING, f"the {what} {path!r} does not exist here", begin)]
    data = read_file(located[0])
    if data is None:
        return []
    if isinstance(data, str):
        return [_problem(MISSING, f"cannot read the {what} {path!r}: {data}", begin)]
    why = check(data)
    return [_problem(INVALID, f"the {what} {path!r} {why}", begin)] if why else []


def _env_file(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    from kx.check.formats.docker_files import kv_file_problem

    return _file(value, "env file", env, lambda data: _malformed(kv_file_problem(data)))


def _label_file(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    from kx.check.formats.docker_files import kv_file_problem

    return _file(value, "label file", env, lambda data: _malformed(kv_file_problem(data)))


def _malformed(reason: str | None) -> str | None:
    return f"is malformed: {reason}" if reason else None


def _cidfile(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    """The client refuses an existing --cidfile and one it cannot create; only judged here."""
    if not env.here or value == "":
        return []
    if os.path.exists(value):
        message = f"the container ID file {value!r} already exists; remove it or pick another"
        return [_problem(INVALID, message)]
    parent = os.path.dirname(value) or "."
    if value.endswith("/") or not os.path.isdir(parent):
        return [_problem(MISSING, f"cannot create the container ID file {value!r}: no such directory")]
    if not os.access(parent, os.W_OK | os.X_OK):
        return [_problem(MISSING, f"cannot create the container ID file {value!r}: permission denied")]
    return []


def _security_opt(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    """``seccomp=FILE``: JSON for the client, a profile the daemon can decode."""
    key, sep, path = value.partition("=")
    if not sep:
        key, sep, path = value.partition(":")
    if key != "seccomp" or not sep or path in ("", "builtin", "unconfined"):
        return []
    return _file(path, "seccomp profile", env, _seccomp, begin=len(key) + 1)


def _seccomp(data: bytes) -> str | None:
    from kx.check.seccomp import daemon_problem, json_problem

    why = json_problem(data)
    if why is not None:
        return f"is not valid JSON, so the client refuses it: {why}"
    why = daemon_problem(data)
    return f"is not a profile the daemon can use: {why}" if why else None


def _kube_file(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    """--kubeconfig and the TLS files: kubectl reads them first; a kubeconfig must also load."""
    is_config = flag.flag.canonical == "kubeconfig"
    located = env.locate(value)
    why = _unreadable(located[0]) if located is not None else None
    if why is not None:
        return [_problem(MISSING, f"the {'kubeconfig' if is_config else 'file'} {value!r} {why} here")]
    return _file(value, "kubeconfig", env, _kubeconfig) if is_config and located is not None else []


def _kubeconfig(data: bytes) -> str | None:
    from kx.check.kubeconfig import problem

    why = problem(data)
    return f"does not load in kubectl: {why}" if why else None


def _manifests(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    """Each path of ``kubectl expose -f`` must exist and hold only objects kubectl can expose."""
    if '"' in value:
        return []  # quoted CSV fields: the type check's business
    found: list[Problem] = []
    at = 0
    for item in value.split(","):
        begin, at = at, at + len(item) + 1
        if item in ("", "-") or item.startswith(("http://", "https://")):
            continue
        located = env.locate(item)
        if located is None:
            continue
        end = begin + len(item)
        if not located[1]:
            found.append(_problem(MISSING, f"the path {item!r} does not exist here", begin, end))
            continue
        from kx.check.manifests import unexposable

        kind = unexposable(located[0], recursive=state.is_set("recursive") is True)
        if kind is not None:
            message = (f"kubectl cannot expose a {kind} (in {item!r}): only Pods, Services, "
                       "ReplicationControllers, Deployments and ReplicaSets can be exposed")  # fmt: skip
            found.append(_problem(INVALID, message, begin, end))
    return found


def _output(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    """-o KIND=FILE of a file kind (or -o KIND with --template FILE): kubectl reads and parses it first."""
    kind, sep, inline = value.partition("=")
    if kind not in FILE_OUTPUTS:
        return []
    template = state.flags.get("template")
    if template is None:
        path, begin = inline, len(kind) + 1
    elif sep or template.dynamic:
        return []  # an inline template next to --template is reported as a value problem
    else:
        path, begin = template.values[-1], None
    if not path:
        return []
    return _file(path, f"-o {kind} template file", env, lambda data: _template(kind, data), begin)


def _template(kind: str, data: bytes) -> str | None:
    from kx.check.formats.kubectl_jsonpath import jsonpath_problem
    from kx.check.formats.kubectl_templates import go_template_problem

    text = data.decode("utf-8", "replace")
    why = jsonpath_problem(text) if kind == "jsonpath-file" else go_template_problem(text)
    return f"does not parse: {why}" if why else None


def _entry(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
    """--context, --cluster, --user: kubectl looks the name up in the kubeconfig it loads."""
    from kx.check.kubeconfig import ENTRY_FLAGS

    config = state.flags.get("kubeconfig")
    if value == "" or (config is not None and config.dynamic) or flag.flag.canonical not in ENTRY_FLAGS:
        return []
    entries = env.kubeconfig(config.values[-1] if config is not None else None)
    if entries is None:
        return []
    kind, word = ENTRY_FLAGS[flag.flag.canonical]
    if entries.has(kind, value) is not False:
        return []
    from kx.check.suggest import closest

    guess = closest(value, sorted(entries.names[kind] or ()))
    message = f'{word} "{value}" does not exist'
    return [_problem(UNKNOWN_ENTRY, message, suggestion=guess[0] if guess else None)]


def _docker_context(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Problem]:
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
    return [_problem(UNKNOWN_ENTRY, f'context "{value}" not found: docker has no such context in {folder}')]


HANDLERS: dict[str, Handler] = {
    "env-file": _env_file, "label-file": _label_file, "cidfile": _cidfile, "security-opt": _security_opt,
    "kube-local-file": _kube_file, "kube-filename": _manifests, "output-format": _output,
    "kube-context": _entry, "kube-cluster": _entry, "kube-user": _entry, "docker-context": _docker_context,
}  # fmt: skip
