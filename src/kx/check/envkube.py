"""Environment checks of kubectl's values: kubeconfig and TLS files, -f manifests, template files, entries."""

from __future__ import annotations

import os

from kx.check.envfiles import INVALID, MISSING, UNKNOWN_ENTRY, file_problems, problem, unreadable
from kx.core.gorules.csv import read_record
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.envfiles import Handler
    from kx.check.environment import Environment
    from kx.check.state import CommandState, FlagState
    from kx.core.findings import Finding

FILE_OUTPUTS = ("go-template-file", "templatefile", "jsonpath-file")


def _kube_file(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    """--kubeconfig and the TLS files: kubectl reads them first; a kubeconfig must also load."""
    is_config = flag.flag.canonical == "kubeconfig"
    located = env.locate(value)
    why = unreadable(located[0]) if located is not None else None
    if why is not None:
        return [problem(MISSING, f"the {'kubeconfig' if is_config else 'file'} {value!r} {why} here")]
    return file_problems(value, "kubeconfig", env, _kubeconfig) if is_config and located is not None else []


def _kubeconfig(data: bytes) -> str | None:
    from kx.check.kubeconfig import problem as load_problem

    why = load_problem(data)
    return f"does not load in kubectl: {why}" if why else None


def _manifests(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    """Each path of ``kubectl expose -f`` must exist and hold only objects kubectl can expose."""
    if '"' in value:
        return []  # quoted CSV fields: the type check's business
    found: list[Finding] = []
    record = read_record(value)  # as kubectl reads it: the first line only
    for item, begin in zip(record.fields, record.starts, strict=True):
        if item in ("", "-") or item.startswith(("http://", "https://")):
            continue
        located = env.locate(item)
        if located is None:
            continue
        end = begin + len(item)
        if not located[1]:
            found.append(problem(MISSING, f"the path {item!r} does not exist here", begin, end))
            continue
        from kx.check.manifests import unexposable

        kind = unexposable(located[0], recursive=state.is_set("recursive") is True)
        if kind is not None:
            message = (f"kubectl cannot expose a {kind} (in {item!r}): only Pods, Services, "
                       "ReplicationControllers, Deployments and ReplicaSets can be exposed")  # fmt: skip
            found.append(problem(INVALID, message, begin, end))
    return found


def _output(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
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
    return file_problems(path, f"-o {kind} template file", env, lambda data: _template(kind, data), begin)


def _template(kind: str, data: bytes) -> str | None:
    from kx.check.formats.kubectl_jsonpath import jsonpath_problem
    from kx.check.formats.kubectl_templates import go_template_problem

    text = data.decode("utf-8", "replace")
    why = jsonpath_problem(text) if kind == "jsonpath-file" else go_template_problem(text)
    return f"does not parse: {why}" if why else None


def _entry(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
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
    from kx.parse.suggest import closest

    guess = closest(value, sorted(entries.names[kind] or ()))
    message = f'{word} "{value}" does not exist'
    return [problem(UNKNOWN_ENTRY, message, suggestion=guess[0] if guess else None)]


_KUSTOMIZATIONS = ("kustomization.yaml", "kustomization.yml", "Kustomization")
_REMOTE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "git@", "git::")


def _kustomize(value: str, flag: FlagState, state: CommandState, env: Environment) -> list[Finding]:
    """Expose -k DIR: a local directory holding a kustomization (a remote repository is not judged)."""
    first = value.split("/", 1)[0]
    remote = "://" in value or "?" in value or value.startswith(_REMOTE_HOSTS)
    if remote or ("." in first and first not in (".", "..") and "/" in value):
        return []
    located = env.locate(value)
    if located is None:
        return []
    path, exists = located
    if not exists or not os.path.isdir(path):
        why = "does not exist" if not exists else "is not a directory"
        return [problem(MISSING, f"the kustomization directory {value!r} {why} here")]
    if any(os.path.isfile(os.path.join(path, name)) for name in _KUSTOMIZATIONS):
        return []
    message = f"the directory {value!r} holds no {', '.join(_KUSTOMIZATIONS[:2])} or {_KUSTOMIZATIONS[2]}"
    return [problem(INVALID, message)]


KUBECTL_HANDLERS: dict[str, Handler] = {
    "kube-local-file": _kube_file, "kube-filename": _manifests, "output-format": _output,
    "kustomize-dir": _kustomize,
    "kube-context": _entry, "kube-cluster": _entry, "kube-user": _entry,
}  # fmt: skip
