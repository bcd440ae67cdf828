"""The directory walk: every kind a named file lints, .gitignore files (nested, and above the
walked directory up to the repository root), default excludes, exclude and extend-exclude."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from kx.engine.config import load_config
from kx.engine.lint import LintOptions, run
from kx.extract.lint_files import collect
from kx.extract.walk import walk


def write(path: Path, text: str = "docker run --bogus x\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def relative(root: Path, paths: list[str]) -> list[str]:
    return sorted(os.path.relpath(p, root).replace(os.sep, "/") for p in paths)


def tree(root: Path) -> None:
    write(root / ".gitignore", "out/\n*.log\n!keep.log\n/top-only.sh\n")
    for name in ("a.sh", "keep.log", "x.log", "out/gen.sh", "top-only.sh", "sub/top-only.sh",
                 "sub/.gitignore", "sub/secret.sh", "sub/deeper/secret.sh", "build/deploy.sh",
                 "node_modules/pkg/run.sh", ".venv/bin/x.sh", "venv/x.sh", "__pycache__/x.sh",
                 ".tox/x.sh", ".git/hooks/pre-commit", "dist/install.sh"):  # fmt: skip
        write(root / name)
    write(root / "sub" / ".gitignore", "secret.sh\n!/x.log\n")
    write(root / "sub" / "x.log")


def test_gitignore_nested_and_default_excludes(tmp_path: Path) -> None:
    tree(tmp_path)
    assert relative(tmp_path, walk(str(tmp_path))) == [
        ".gitignore", "a.sh", "build/deploy.sh", "dist/install.sh", "keep.log", "sub/.gitignore",
        "sub/top-only.sh", "sub/x.log",
    ]  # fmt: skip


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path: Path) -> None:
    tree(tmp_path)
    found = relative(tmp_path, walk(str(tmp_path), exclude=("dist",)))
    assert "node_modules/pkg/run.sh" in found and ".git/hooks/pre-commit" in found
    assert "dist/install.sh" not in found
    found = relative(tmp_path, walk(str(tmp_path), extend=("build/", "*.log")))
    assert "build/deploy.sh" not in found and "keep.log" not in found
    assert "node_modules/pkg/run.sh" not in found


def test_gitignore_above_the_walked_directory_counts_up_to_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(tmp_path / ".gitignore", "*.sh\n")  # outside the repository: not ours
    (repo / ".git").mkdir(parents=True)
    write(repo / ".gitignore", "generated/\nsub/local.sh\n")
    write(repo / "sub" / "generated" / "x.sh")
    write(repo / "sub" / "local.sh")
    write(repo / "sub" / "kept.sh")
    assert relative(repo / "sub", walk(str(repo / "sub"))) == ["kept.sh"]


def test_the_walk_lints_every_kind_a_named_file_lints(tmp_path: Path) -> None:
    for name in ("Taskfile.yaml", "justfile", "Jenkinsfile", "package.json", "azure-pipelines.yml",
                 ".circleci/config.yml", "bitbucket-pipelines.yml", ".drone.yml", ".woodpecker/ci.yml",
                 ".gitea/workflows/ci.yml", ".forgejo/workflows/ci.yml", "deploy/action.yaml",
                 ".gitlab/ci/build.yml", "Makefile", "notes.yaml"):  # fmt: skip
        write(tmp_path / name, "")
    write(tmp_path / "tasks" / "docker.yml", "version: '3'\n\ntasks:\n  up:\n    cmds: [docker ps]\n")
    write(tmp_path / "templates" / "build.yml", "steps:\n- task: Bash@3\n  inputs:\n    script: docker ps\n")
    targets, errors = collect([str(tmp_path)], None, None)
    assert errors == []
    kinds = {os.path.relpath(t.source, tmp_path).replace(os.sep, "/"): t.kind for t in targets}
    assert kinds == {
        "Taskfile.yaml": "taskfile", "justfile": "justfile", "Jenkinsfile": "jenkinsfile",
        "package.json": "packagejson", "azure-pipelines.yml": "azure", ".circleci/config.yml": "circleci",
        "bitbucket-pipelines.yml": "bitbucket", ".drone.yml": "drone", ".woodpecker/ci.yml": "drone",
        ".gitea/workflows/ci.yml": "github", ".forgejo/workflows/ci.yml": "github",
        "deploy/action.yaml": "github", ".gitlab/ci/build.yml": "gitlab", "Makefile": "makefile",
        "tasks/docker.yml": "taskfile", "templates/build.yml": "azure",
    }  # fmt: skip


def test_a_walked_taskfile_is_linted_like_a_named_one(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    taskfile = "version: '3'\ntasks:\n  up:\n    cmds:\n      - docker run --cpus abc x\n"
    write(tmp_path / "Taskfile.yaml", taskfile)
    walked = run(LintOptions(paths=(str(tmp_path),), cwd=str(tmp_path), isolated=True)).diagnostics
    named = run(LintOptions(paths=(str(tmp_path / "Taskfile.yaml"),), cwd=str(tmp_path), isolated=True))
    assert [(d.line, d.column, d.code) for d in walked] == [(5, 27, "KX201")]
    assert [(d.line, d.column, d.code) for d in named.diagnostics] == [(5, 27, "KX201")]


def test_config_exclude_keys(tmp_path: Path) -> None:
    write(tmp_path / ".kx.toml", 'extend-exclude = ["gen/"]\n')
    config = load_config(str(tmp_path))
    assert config.exclude is None and config.extend_exclude == ("gen/",)
    write(tmp_path / ".kx.toml", 'exclude = []\n')
    assert load_config(str(tmp_path)).exclude == ()
