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
TASKFILE = "taskfile"
AZURE = "azure"
CIRCLECI = "circleci"
BITBUCKET = "bitbucket"
DRONE = "drone"  # Drone and Woodpecker
JUSTFILE = "justfile"
JENKINSFILE = "jenkinsfile"
PACKAGE_JSON = "packagejson"
YAML_CI = (GITHUB, GITLAB, TASKFILE, AZURE, CIRCLECI, BITBUCKET, DRONE)
ASCIIDOC = "asciidoc"
RST = "rst"
POWERSHELL = "powershell"
KINDS = (SHELL, MARKDOWN, GITHUB, GITLAB, MAKEFILE, DOCKERFILE, SNIPPET, TASKFILE, AZURE, CIRCLECI,
         BITBUCKET, DRONE, JUSTFILE, JENKINSFILE, PACKAGE_JSON, ASCIIDOC, RST, POWERSHELL)  # fmt: skip

_SHELL_EXT = {".sh": "bash", ".bash": "bash", ".zsh": "zsh", ".ksh": "ksh", ".bats": "bats"}
_MARKDOWN_EXT = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
_TEXT_EXT = frozenset({".txt", ".text"})
_DOC_EXT = {".adoc": ASCIIDOC, ".asciidoc": ASCIIDOC, ".rst": RST, ".rest": RST,
            ".ps1": POWERSHELL, ".psm1": POWERSHELL}  # fmt: skip
_SHEBANG = re.compile(r"#![ \t]*\S*?(?:/env[ \t]+(?:-\S+[ \t]+)*)?/?(bash|zsh|ksh|dash|ash|sh)\b")
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.M)
_TASKFILE_HEAD = re.compile(r"^version:[ \t]*['\"]?3\b.*^tasks:", re.M | re.S)  # an included Taskfile
# an Azure Pipelines template: a task reference (`- task: Bash@3`)
_AZURE_HEAD = re.compile(r"^[ \t]*-[ \t]+task:[ \t]*[\w.-]+@\d+[ \t]*$", re.M)
_WORKFLOWS = re.compile(r"/\.(?:github|gitea|forgejo)/workflows/")


def detect(path: str, head: str) -> tuple[str | None, str]:
    """Return (kind or None, shell dialect) for ``path`` whose text starts with ``head``."""
    name = os.path.basename(path)
    lower = name.lower()
    ext = os.path.splitext(lower)[1]
    posix = path.replace(os.sep, "/")
    named = _named_kind(lower, ext)  # the name wins over a shebang (make reads `#!` as a comment)
    if named is not None:
        return named, "bash"
    shebang = _SHEBANG.match(head)
    if ext == ".bats" or (head.startswith("#!") and "bats" in head.split("\n", 1)[0]):
        return SHELL, "bats"
    if shebang:
        return SHELL, "bash" if shebang.group(1) in ("sh", "dash", "ash") else shebang.group(1)
    if ext in _SHELL_EXT:
        return SHELL, _SHELL_EXT[ext]
    if ext in _MARKDOWN_EXT:
        return MARKDOWN, "bash"
    if ext in (".yml", ".yaml"):
        return _yaml_kind(posix, lower) or _yaml_content_kind(head), "bash"
    if lower in ("dockerfile", "containerfile") or lower.startswith("dockerfile.") or ext == ".dockerfile":
        return DOCKERFILE, "bash"
    if ext in _DOC_EXT:
        return _DOC_EXT[ext], "bash"
    if lower.endswith((".rst.txt", ".adoc.txt")):  # Sphinx/Antora copies of the sources
        return (RST if lower.endswith(".rst.txt") else ASCIIDOC), "bash"
    if ext in _TEXT_EXT and _FENCE.search(head):
        return MARKDOWN, "bash"
    return None, "bash"


def _yaml_content_kind(head: str) -> str | None:
    """Task runner and pipeline files under other names, known by their content."""
    if _TASKFILE_HEAD.search(head):
        return TASKFILE
    return AZURE if _AZURE_HEAD.search(head) else None


def _yaml_kind(posix: str, lower: str) -> str | None:
    where = f"/{posix.lower()}"
    if _WORKFLOWS.search(where) or lower in ("action.yml", "action.yaml"):
        return GITHUB
    if lower.endswith((".gitlab-ci.yml", ".gitlab-ci.yaml")) or "/.gitlab/ci/" in where:
        return GITLAB
    if lower.startswith("taskfile"):
        return TASKFILE
    if lower.startswith("azure-pipelines") or "/.azure-pipelines/" in where or "/azure-pipelines/" in where:
        return AZURE
    if "/.circleci/" in where:
        return CIRCLECI
    if lower.startswith("bitbucket-pipelines"):
        return BITBUCKET
    if lower.startswith((".drone.", ".woodpecker.")) or "/.woodpecker/" in where:
        return DRONE
    return None


def _named_kind(lower: str, ext: str) -> str | None:
    """Makefiles, Justfiles, Jenkinsfiles and package.json, by name."""
    if lower in ("makefile", "gnumakefile") or ext == ".mk":
        return MAKEFILE
    if lower in ("justfile", ".justfile") or ext == ".just":
        return JUSTFILE
    if lower == "jenkinsfile" or ext == ".jenkinsfile":
        return JENKINSFILE
    if lower.startswith("jenkinsfile.") and ext not in _SHELL_EXT:
        return JENKINSFILE
    if lower == "package.json":
        return PACKAGE_JSON
    return None
