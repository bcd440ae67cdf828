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
from kx.extract.yamlnodes import azure_scripts, by_keys, circleci_scripts, github_scripts
from kx.extract.yamlscalar import block, shadow
from kx.parse.span import Word

_GITLAB_INPUT = re.compile(r"\$\[\[.*?\]\]", re.S)
_DRONE_VARIABLE = re.compile(r"(?<!\$)\$\{[^}\n]*\}")
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
        powershell: list[yaml.ScalarNode] = []
        nodes = github_scripts(root, powershell)
        for node in powershell:
            _powershell(text, node, snippets)
    elif kind == "circleci":
        nodes = circleci_scripts(root)
    elif kind == "azure":
        nodes = azure_scripts(root)
    else:
        nodes = by_keys(root, KEYS[kind])
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


def _powershell(text: str, node: yaml.ScalarNode, snippets: Snippets) -> None:
    """A PowerShell ``run:`` (one plain line or a ``|`` block: its lines are where they are in the file).

    Each ``${{ }}`` becomes a PowerShell variable of its length and the word holding it unknown.
    """
    start, end = node.start_mark.index, node.end_mark.index
    source = text[start:end]
    plain_line = not node.style and "\n" not in source  # a plain scalar folds its lines: skipped
    if not (plain_line or node.style == "|") or ("docker" not in source and "kubectl" not in source):
        return
    if node.style == "|":
        header = source.find("\n") + 1
        source = " " * header + source[header:]
    spans = [(start + m.start(), start + m.end()) for m in tpl.GITHUB_EXPRESSION.finditer(source)]
    source = tpl.GITHUB_EXPRESSION.sub(lambda m: "$" + "_" * (len(m.group()) - 1), source)

    def unknown(word: Word) -> Word:
        if any(word.start < high and low < word.end for low, high in spans):
            return Word(word.value, word.start, word.end, True, word.literal, 0)
        return word

    from kx.extract.powershell import add_powershell

    add_powershell(source, start, snippets, unknown if spans else None)


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
