"""Which scalars of a composed CI document are shell scripts, provider by provider.

Each walker visits a node once (anchors and merge keys share nodes) and follows what decides the
shell: a step's ``shell``, defaults, and Windows runners, pools or executors (cmd.exe or
PowerShell there, not read as POSIX shell).
"""

from __future__ import annotations

import re

import yaml

POSIX_SHELLS = frozenset({"bash", "sh", "zsh", "ksh", "dash"})
_AZURE_SCRIPT_TASKS = re.compile(r"(?:Bash|ShellScript|CmdLine)@\d+$")
# The default shell of a job whose runner is chosen by an expression: its scripts are read as
# POSIX shell unless they are written for PowerShell (a backtick continuation, the & call operator,
# $env:), as moby/moby .github/workflows/.windows.yml is under `runs-on: ${{ inputs.os }}`.
_ANY_OS = "?"
_POWERSHELL_LOOK = re.compile(r"[ \t]`[ \t]*$|^[ \t]*& |\$env:", re.M)
_Pairs = list[tuple[str, yaml.Node]]
_Scalars = list[yaml.ScalarNode]


def github_scripts(root: yaml.Node, powershell: _Scalars | None = None) -> _Scalars:
    """``run:`` steps of a workflow or composite action; PowerShell ones go to ``powershell``."""
    return _github(root, None, set(), [] if powershell is None else powershell)


def azure_scripts(root: yaml.Node) -> _Scalars:
    """Azure Pipelines ``bash``, ``script`` and script-task steps."""
    return _azure(root, False, set())


def circleci_scripts(root: yaml.Node) -> _Scalars:
    """CircleCI ``run`` steps."""
    return _circleci(root, False, set())


def _pairs(node: yaml.MappingNode) -> _Pairs:
    return [(key.value, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [value for pair in node.value for value in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _scalars(node: yaml.Node) -> _Scalars:
    """A script value: one scalar, or a list of them (nested lists flattened, tags skipped)."""
    if isinstance(node, yaml.ScalarNode):
        return [node] if node.tag == "tag:yaml.org,2002:str" or node.style else []
    if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return [scalar for item in node.value for scalar in _scalars(item)]
    return []


def by_keys(root: yaml.Node, keys: frozenset[str]) -> _Scalars:
    """Scalars under ``keys`` anywhere in the document (each node visited once)."""
    found: _Scalars = []
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            pairs = _pairs(node)
            found.extend(scalar for key, value in pairs if key in keys for scalar in _scalars(value))
        stack.extend(_children(node))
    return found


def _first_visit(node: yaml.Node, seen: set[int]) -> bool:
    """Mark ``node`` seen; False when it was (a YAML alias shares nodes: each is read once)."""
    if id(node) in seen:
        return False
    seen.add(id(node))
    return True


def _azure(node: yaml.Node, windows: bool, seen: set[int]) -> _Scalars:
    """``bash`` steps; ``script`` steps and tasks unless a Windows pool runs them with cmd.exe."""
    if not _first_visit(node, seen):
        return []
    found: _Scalars = []
    children = _children(node)
    if isinstance(node, yaml.MappingNode):
        pairs = dict(_pairs(node))
        windows = _windows_pool(pairs.get("pool"), windows)
        for key in ("bash",) if windows else ("bash", "script"):
            found.extend(_scalars(pairs[key]) if key in pairs else [])
        found.extend(_azure_task(pairs, windows))
        children = [value for key, value in pairs.items() if key != "inputs"]  # the task's business
    for child in children:
        found.extend(_azure(child, windows, seen))
    return found


def _windows_pool(pool: yaml.Node | None, windows: bool) -> bool:
    image = dict(_pairs(pool)).get("vmImage") if isinstance(pool, yaml.MappingNode) else None
    return "windows" in image.value.lower() if isinstance(image, yaml.ScalarNode) else windows


def _azure_task(pairs: dict[str, yaml.Node], windows: bool) -> _Scalars:
    """``inputs.script`` of a Bash or ShellScript task, or CmdLine off Windows (others run other shells)."""
    task, inputs = pairs.get("task"), pairs.get("inputs")
    if not (isinstance(task, yaml.ScalarNode) and isinstance(inputs, yaml.MappingNode)):
        return []
    if not _AZURE_SCRIPT_TASKS.match(task.value) or (windows and task.value.startswith("CmdLine")):
        return []
    return [scalar for key, value in _pairs(inputs) if key == "script" for scalar in _scalars(value)]


def _github(node: yaml.Node, shell: str | None, seen: set[int], powershell: _Scalars) -> _Scalars:
    """``run:`` scripts, following the default shell down from ``defaults`` and ``runs-on``."""
    if not _first_visit(node, seen):
        return []
    found: _Scalars = []
    if isinstance(node, yaml.MappingNode):
        pairs = dict(_pairs(node))
        shell = _default_shell(pairs) or shell
        run, own = pairs.get("run"), pairs.get("shell")
        step_shell = own.value if isinstance(own, yaml.ScalarNode) else shell
        if isinstance(run, yaml.ScalarNode):
            if (step_shell == _ANY_OS and _POWERSHELL_LOOK.search(run.value)) or _pwsh(step_shell):
                powershell.append(run)
            elif _posix(step_shell):
                found.append(run)
    for child in _children(node):
        found.extend(_github(child, shell, seen, powershell))
    return found


def _default_shell(pairs: dict[str, yaml.Node]) -> str | None:
    defaults = pairs.get("defaults")
    if isinstance(defaults, yaml.MappingNode):
        run = dict(_pairs(defaults)).get("run")
        if isinstance(run, yaml.MappingNode):
            shell = dict(_pairs(run)).get("shell")
            if isinstance(shell, yaml.ScalarNode):
                return str(shell.value)
    runs_on = pairs.get("runs-on")
    labels = [runs_on] if isinstance(runs_on, yaml.ScalarNode) else _children(runs_on) if runs_on else []
    if any(isinstance(label, yaml.ScalarNode) and "windows" in label.value.lower() for label in labels):
        return "pwsh"  # GitHub's default shell on Windows runners
    if any(isinstance(label, yaml.ScalarNode) and "${{" in label.value for label in labels):
        return _ANY_OS  # `runs-on: ${{ inputs.os }}`: bash, or pwsh on Windows
    return None


def _pwsh(shell: str | None) -> bool:
    """``pwsh``, ``powershell`` (GitHub runs ``{0}`` scripts of these as PowerShell files)."""
    return shell is not None and shell.split(" ")[0].lower() in ("pwsh", "powershell")


def _posix(shell: str | None) -> bool:
    if shell is None or shell == _ANY_OS:
        return True
    name = re.split(r"[/\\]", shell.split(" ")[0])[-1].lower()
    return name.removesuffix(".exe") in POSIX_SHELLS


def _circleci(node: yaml.Node, windows: bool, seen: set[int]) -> _Scalars:
    """``run: script`` and ``run: {command: script}``, unless a non-POSIX shell runs them."""
    if not _first_visit(node, seen):
        return []
    found: _Scalars = []
    if isinstance(node, yaml.MappingNode):
        pairs = dict(_pairs(node))
        windows = windows or _windows_executor(pairs)
        run = pairs.get("run")
        if isinstance(run, yaml.ScalarNode) and not windows:
            found.append(run)
        elif isinstance(run, yaml.MappingNode):
            step = dict(_pairs(run))
            shell, command = step.get("shell"), step.get("command")
            shell_name = getattr(shell, "value", None) or ("powershell" if windows else None)
            if isinstance(command, yaml.ScalarNode) and _posix(shell_name):
                found.append(command)
    for child in _children(node):
        found.extend(_circleci(child, windows, seen))
    return found


def _windows_executor(pairs: dict[str, yaml.Node]) -> bool:
    """A job on a Windows executor or machine image (PowerShell is the default shell there)."""
    for key in ("executor", "machine"):
        value = pairs.get(key)
        if isinstance(value, yaml.MappingNode):
            value = dict(_pairs(value)).get("name" if key == "executor" else "image")
        if isinstance(value, yaml.ScalarNode) and re.search(r"\bwin", str(value.value).lower()):
            return True
    return False
