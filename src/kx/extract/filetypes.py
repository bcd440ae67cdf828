"""What kind of file this is, from its name and first line: decides the extractor."""

from __future__ import annotations

import os
import re

SHELL = "shell"
MARKDOWN = "markdown"
GITHUB = "github"
GITLAB = "gitlab"
MAKEFILE = "makefile"
DOCKERFILE = "dockerfile"
SNIPPET = "snippet"  # an explicitly named file of no known kind: read as shell lines
KINDS = (SHELL, MARKDOWN, GITHUB, GITLAB, MAKEFILE, DOCKERFILE, SNIPPET)

_SHELL_EXT = {".sh": "bash", ".bash": "bash", ".zsh": "zsh", ".ksh": "ksh", ".bats": "bash"}
_MARKDOWN_EXT = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
_TEXT_EXT = frozenset({".txt", ".rst", ".adoc", ".text"})
_SHEBANG = re.compile(r"#![ \t]*\S*?(?:/env[ \t]+(?:-\S+[ \t]+)*)?/?(bash|zsh|ksh|dash|ash|sh)\b")
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.M)


def detect(path: str, head: str) -> tuple[str | None, str]:
    """Return (kind or None, shell dialect) for ``path`` whose text starts with ``head``."""
    name = os.path.basename(path)
    lower = name.lower()
    ext = os.path.splitext(lower)[1]
    posix = path.replace(os.sep, "/")
    shebang = _SHEBANG.match(head)
    if shebang:
        return SHELL, "bash" if shebang.group(1) in ("sh", "dash", "ash") else shebang.group(1)
    if ext in _SHELL_EXT:
        return SHELL, _SHELL_EXT[ext]
    if ext in _MARKDOWN_EXT:
        return MARKDOWN, "bash"
    if ext in (".yml", ".yaml"):
        return _yaml_kind(posix, lower), "bash"
    if lower in ("makefile", "gnumakefile") or ext == ".mk":
        return MAKEFILE, "bash"
    if lower in ("dockerfile", "containerfile") or lower.startswith("dockerfile.") or ext == ".dockerfile":
        return DOCKERFILE, "bash"
    if ext in _TEXT_EXT and _FENCE.search(head):
        return MARKDOWN, "bash"
    return None, "bash"


def _yaml_kind(posix: str, lower: str) -> str | None:
    if "/.github/workflows/" in f"/{posix}" or lower in ("action.yml", "action.yaml"):
        return GITHUB
    if lower.endswith(".gitlab-ci.yml") or lower.endswith(".gitlab-ci.yaml"):
        return GITLAB
    return None
