"""YAML CI and task-runner files: the scalars that are shell scripts, and what is templated in them.

The YAML is composed (not constructed, so custom tags such as GitLab's ``!reference`` are fine)
to get each script scalar's position; ``kx.extract.yamlscalar`` turns its source into a same-length
shadow and ``kx.extract.templating`` hides what the CI system substitutes before the shell runs.

* GitHub, Gitea, Forgejo workflows and ``action.yml``: ``run:`` (not under a non-POSIX ``shell:``,
  a ``defaults.run.shell`` or a Windows ``runs-on``); ``${{ ... }}`` is substituted.
* GitLab CI: ``script``, ``before_script``, ``after_script`` (nested lists); ``$[[ inputs.x ]]``.
* Taskfile: ``cmds`` items, ``cmd``, ``sh`` (dynamic variables), ``status``, ``defer``; ``{{ }}``.
* Azure Pipelines: ``script``, ``bash``, ``inputs.script`` of the Bash, ShellScript and CmdLine
  tasks; ``${{ }}``, ``$(macro)`` and ``$[ ]``.
* CircleCI: ``run`` and ``run.command``; ``<< parameters.x >>``.
* Bitbucket Pipelines: ``script``, ``after-script``. Drone and Woodpecker: ``commands`` (the
  runner substitutes ``${VAR}`` and turns ``$$`` into ``$``).
"""

from __future__ import annotations

import re

import yaml

from kx.extract import templating as tpl
from kx.extract.snippets import Snippets
from kx.extract.yamlscalar import block, shadow

POSIX_SHELLS = frozenset({"bash", "sh", "zsh", "ksh", "dash"})
_GITLAB_INPUT = re.compile(r"\$\[\[.*?\]\]", re.S)
_DRONE_VARIABLE = re.compile(r"(?<!\$)\$\{[^}\n]*\}")
_AZURE_SCRIPT_TASKS = re.compile(r"(?:Bash|ShellScript|CmdLine)@\d+$")
_Pairs = list[tuple[str, yaml.Node]]
# libyaml's loader when there is one (30 times faster); its marks count characters, as ours do
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# kind -> (keys whose value is a script or a list of scripts, templating patterns)
KEYS: dict[str, frozenset[str]] = {
    "gitlab": frozenset({"script", "before_script", "after_script"}),
    "taskfile": frozenset({"cmds", "cmd", "sh", "status", "defer"}),
    "bitbucket": frozenset({"script", "after-script"}),
    "drone": frozenset({"commands"}),
}
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "github": (tpl.GITHUB_EXPRESSION,),
    "gitlab": (_GITLAB_INPUT,),
    "taskfile": (tpl.GO_TEMPLATE,),
    "azure": (tpl.GITHUB_EXPRESSION, tpl.AZURE_MACRO),
    "circleci": (tpl.CIRCLECI_PARAMETER,),
    "bitbucket": (),
    "drone": (_DRONE_VARIABLE,),
}


def extract_ci(kind: str, text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in the script scalars of a CI or task-runner file of ``kind``."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    root = _compose(text, snippets)
    if root is None:
        return snippets
    if kind == "github":
        nodes = _github(root, None, set())
    elif kind == "circleci":
        nodes = _circleci(root)
    elif kind == "azure":
        nodes = _azure(root, False, set())
    else:
        nodes = _by_keys(root, KEYS[kind])
    seen: set[int] = set()
    for node in nodes:
        if id(node) not in seen:
            seen.add(id(node))
            _script(kind, text, node, snippets)
    return snippets


def extract_github(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in the ``run:`` steps of a workflow or composite action."""
    return extract_ci("github", text, snippets)


def extract_gitlab(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in ``script``, ``before_script`` and ``after_script`` of GitLab CI jobs."""
    return extract_ci("gitlab", text, snippets)


def _script(kind: str, text: str, node: yaml.ScalarNode, snippets: Snippets) -> None:
    start = node.start_mark.index
    source = text[start : node.end_mark.index]
    if "docker" not in source and "kubectl" not in source:
        return
    if node.style in ("|", ">"):
        plain, starts, file_starts = block(text, node)
        tpl.add_mapped(snippets, _templated(kind, plain), plain, starts, file_starts)
    else:
        tpl.add(snippets, _templated(kind, shadow(text, node)), start, text)


def _templated(kind: str, body: str) -> str:
    body = tpl.hide(body, *PATTERNS[kind])
    return body.replace("$$", tpl.DROPPED + "$") if kind == "drone" else body


def _compose(text: str, snippets: Snippets) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        snippets.problems.append((mark.index if mark else 0, f"not valid YAML: {_first(error)}"))
        return None


def _first(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error).splitlines()[0]


def _pairs(node: yaml.MappingNode) -> _Pairs:
    return [(key.value, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [value for pair in node.value for value in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    """A script value: one scalar, or a list of them (nested lists flattened, tags skipped)."""
    if isinstance(node, yaml.ScalarNode):
        return [node] if node.tag == "tag:yaml.org,2002:str" or node.style else []
    if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return [scalar for item in node.value for scalar in _scalars(item)]
    return []


def _by_keys(root: yaml.Node, keys: frozenset[str]) -> list[yaml.ScalarNode]:
    """Scalars under ``keys`` anywhere in the document (each node visited once)."""
    found: list[yaml.ScalarNode] = []
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


def _azure(node: yaml.Node, windows: bool, seen: set[int]) -> list[yaml.ScalarNode]:
    """``bash`` steps; ``script`` steps and tasks unless a Windows pool runs them with cmd.exe."""
    if id(node) in seen:
        return []
    seen.add(id(node))
    found: list[yaml.ScalarNode] = []
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


def _azure_task(pairs: dict[str, yaml.Node], windows: bool) -> list[yaml.ScalarNode]:
    """``inputs.script`` of a Bash or ShellScript task, or CmdLine off Windows (others run other shells)."""
    task, inputs = pairs.get("task"), pairs.get("inputs")
    if not (isinstance(task, yaml.ScalarNode) and isinstance(inputs, yaml.MappingNode)):
        return []
    if not _AZURE_SCRIPT_TASKS.match(task.value) or (windows and task.value.startswith("CmdLine")):
        return []
    return [scalar for key, value in _pairs(inputs) if key == "script" for scalar in _scalars(value)]


def _github(node: yaml.Node, shell: str | None, seen: set[int]) -> list[yaml.ScalarNode]:
    """``run:`` scripts, following the default shell down from ``defaults`` and ``runs-on``."""
    if id(node) in seen:
        return []
    seen.add(id(node))
    found: list[yaml.ScalarNode] = []
    if isinstance(node, yaml.MappingNode):
        pairs = dict(_pairs(node))
        shell = _default_shell(pairs) or shell
        run, own = pairs.get("run"), pairs.get("shell")
        step_shell = own.value if isinstance(own, yaml.ScalarNode) else shell
        if isinstance(run, yaml.ScalarNode) and _posix(step_shell):
            found.append(run)
    for child in _children(node):
        found.extend(_github(child, shell, seen))
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
    return None


def _posix(shell: str | None) -> bool:
    return shell is None or shell.split(" ")[0].rsplit("/", 1)[-1] in POSIX_SHELLS


def _circleci(root: yaml.Node) -> list[yaml.ScalarNode]:
    """``run: script`` and ``run: {command: script}`` (unless its ``shell`` is not POSIX)."""
    found: list[yaml.ScalarNode] = []
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            run = dict(_pairs(node)).get("run")
            if isinstance(run, yaml.ScalarNode):
                found.append(run)
            elif isinstance(run, yaml.MappingNode):
                step = dict(_pairs(run))
                shell, command = step.get("shell"), step.get("command")
                if isinstance(command, yaml.ScalarNode) and _posix(getattr(shell, "value", None)):
                    found.append(command)
        stack.extend(_children(node))
    return found
