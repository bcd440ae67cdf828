"""CI files: ``run:`` steps of GitHub Actions workflows, ``script:`` lists of GitLab CI.

The YAML is composed (not constructed, so custom tags such as GitLab's ``!reference`` are fine)
to get each script scalar's position; the scalar's source text is turned into a shadow (YAML
indicators blanked, ``${{ ... }}`` expressions made dynamic) so offsets stay those of the file.
"""

from __future__ import annotations

import re

import yaml

from kx.extract.snippets import Snippets

GITLAB_KEYS = frozenset({"script", "before_script", "after_script"})
POSIX_SHELLS = frozenset({"bash", "sh", "zsh", "ksh", "dash"})
_EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.S)
_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\n]*)?")


def extract_github(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in the ``run:`` steps of a workflow or composite action."""
    snippets = snippets or Snippets()
    for node in _walk(_compose(text, snippets)):
        if not isinstance(node, yaml.MappingNode):
            continue
        pairs = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        run = pairs.get("run")
        shell = pairs.get("shell")
        if isinstance(shell, yaml.ScalarNode) and shell.value.split(" ")[0] not in POSIX_SHELLS:
            continue
        if isinstance(run, yaml.ScalarNode):
            _scalar(text, run, snippets)
    return snippets


def extract_gitlab(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in ``script``, ``before_script`` and ``after_script`` of GitLab CI jobs."""
    snippets = snippets or Snippets()
    for node in _walk(_compose(text, snippets)):
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, value in node.value:
            if not (isinstance(key, yaml.ScalarNode) and key.value in GITLAB_KEYS):
                continue
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for item in items:
                if isinstance(item, yaml.ScalarNode):
                    _scalar(text, item, snippets)
    return snippets


def _compose(text: str, snippets: Snippets) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        snippets.problems.append((mark.index if mark else 0, f"not valid YAML: {_first(error)}"))
        return None


def _first(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error).splitlines()[0]


def _walk(root: yaml.Node | None) -> list[yaml.Node]:
    out: list[yaml.Node] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, yaml.MappingNode):
            stack.extend(value for pair in node.value for value in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return out


def _scalar(text: str, node: yaml.ScalarNode, snippets: Snippets) -> None:
    start, end = node.start_mark.index, node.end_mark.index
    source = text[start:end]
    if "docker" not in source and "kubectl" not in source:
        return
    style = node.style
    if style in ("|", ">"):
        header = _HEADER.match(source)
        cut = header.end() if header else 1
        shadow = " " * cut + source[cut:]
        if style == ">":
            shadow = _fold(shadow)
    elif style in ("'", '"'):
        shadow = " " + source[1:-1] + " "
        shadow = shadow.replace("''", " '") if style == "'" else shadow
    else:
        shadow = _fold(source)
    shadow = _EXPRESSION.sub(lambda m: "$" + re.sub(r"[^\n]", "_", m.group())[1:], shadow)
    snippets.add(shadow, start)


def _fold(shadow: str) -> str:
    """YAML folding: a line break between two non-empty lines becomes a space."""
    return re.sub(r"(?<=\S)\n(?=[ \t]*\S)", " ", shadow)
