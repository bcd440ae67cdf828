"""Every ``kubectl expose`` line of the real-world corpus, previewed by kx and run by kubectl.

``-f`` lines whose manifests are in the corpus must match kubectl object by object; TYPE NAME lines
with ``--selector`` and ``--port`` must match by name and spec (the live object's labels are left
out); TYPE NAME lines without them must be refused, never guessed.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kx.builder.command import flag_values, parse
from kx.catalog.loader import load_specs
from kx.cli.app import run_app

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.builder.kubectl_oracle import KubectlOracle, kubectl_oracle  # noqa: E402
from tests.builder.test_expose_oracle import kx_preview  # noqa: E402
from tests.corpus import harness  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")


_FILE_FLAGS = ("-f", "--filename")


def _folders(file: str) -> list[Path]:
    """Where a corpus file's relative paths may start: its own folder, then its repository's root."""
    path = harness.HERE / file
    parts = Path(file).parts  # files/<kind>/<owner>__<repo>/... keeps the repository's subtree
    root = [harness.HERE.joinpath(*parts[:3])] if len(parts) > 4 else []
    return [path.parent, *root]


def _manifest_folder(file: str, argv: list[str]) -> Path:
    """The first folder from which every ``-f`` path of ``argv`` names a file in the corpus."""
    paths = [w for i, w in enumerate(argv[1:], 1) if argv[i - 1] in _FILE_FLAGS]
    folders = _folders(file)
    return next((f for f in folders if all((f / p).is_file() for p in paths)), folders[0])


def _wanted(row: dict[str, Any], argv: list[str]) -> bool:
    """Valid lines, and ``-f`` lines the client judged without their manifest (environment)."""
    if row["tool"] != "kubectl" or not row["command"] or argv[:2] != ["kubectl", "expose"]:
        return False
    from_file = any(w in _FILE_FLAGS for w in argv)
    return row["verdict"] == "valid" or (row["verdict"] == "environment" and from_file)


def _expose_rows() -> list[tuple[str, list[str], dict[str, Any]]]:
    """(id, args after ``kubectl``, flag values) of every valid expose command in the corpus."""
    specs = load_specs()
    spec = specs.get("kubectl", ("expose",))
    assert spec is not None
    found = []
    for row in harness.load_jsonl("commands.jsonl"):
        argv = harness.client_argv(row)
        if not _wanted(row, argv):
            continue
        folder = _manifest_folder(row["file"], argv)
        args = [str(folder / w) if argv[i - 1] in _FILE_FLAGS else w for i, w in enumerate(argv[2:], 2)]
        values = flag_values(parse(spec, args, specs.root("kubectl")))
        found.append((f"{row['file']}:{row['line']}", ["expose", *args], values))
    return found


ROWS = _expose_rows()
FROM_FILES = [r for r in ROWS if r[2].get("filename") and all(Path(p).exists() for p in r[2]["filename"])]
COMPLETE = [r for r in ROWS if not r[2].get("filename") and r[2].get("selector") and r[2].get("port")]
INCOMPLETE = [r for r in ROWS if not r[2].get("filename") and not (r[2].get("selector") and r[2].get("port"))]


def _params(rows: list[tuple[str, list[str], dict[str, Any]]]) -> list[Any]:
    if not rows:
        return [pytest.param(None, marks=pytest.mark.skip(reason="the corpus holds no such line"))]
    return [pytest.param(args, id=key) for key, args, _ in rows]


@pytest.fixture(scope="module")
def oracle() -> Iterator[KubectlOracle]:
    with kubectl_oracle() as found:
        yield found


@pytest.mark.parametrize("args", _params(FROM_FILES))
def test_expose_file_line_matches_kubectl(oracle: KubectlOracle, args: list[str]) -> None:
    real = oracle.dry_run_yaml(args)
    mine = kx_preview(args)
    assert mine.text == real.stdout
    assert real.returncode == (1 if mine.error else 0)


@pytest.mark.parametrize("args", _params(COMPLETE))
def test_selector_and_port_line_matches_kubectl_by_name_and_spec(
    oracle: KubectlOracle, args: list[str]
) -> None:
    real = oracle.dry_run_yaml(args)
    assert real.returncode == 0, real.stderr
    mine = list(yaml.safe_load_all(kx_preview(args).text))
    theirs = list(yaml.safe_load_all(real.stdout))
    assert [(o["metadata"]["name"], o["spec"]) for o in mine] == [
        (o["metadata"]["name"], o["spec"]) for o in theirs
    ]


@pytest.mark.parametrize("args", _params(INCOMPLETE))
def test_line_without_selector_or_port_is_refused(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """kubectl reads the selector and ports from the live object: kx says so and prints nothing."""
    code = run_app(["build", "--format", "yaml", "kubectl", *args])
    out, err = capsys.readouterr()
    assert (code, out) == (1, ""), shlex.join(args)
    assert "needs --selector" in err or "needs --port" in err


def test_the_corpus_has_expose_lines() -> None:
    assert len(ROWS) >= 5
