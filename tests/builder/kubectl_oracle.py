"""Run the real kubectl against the fake API server: what it prints in a dry run, what it creates.

``dry_run`` gives the text of ``kubectl SUB --dry-run=client -o yaml|json``; ``created`` runs the
line for real (the server named by a kubeconfig, so the command line is the user's alone, as the
``--record`` annotation shows) and returns the JSON of the objects kubectl POSTed, as sent.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tests.oracle.fake_kube import FakeKube

_counter = itertools.count()
KUBECONFIG = """apiVersion: v1
kind: Config
clusters: [{{name: fake, cluster: {{server: "{url}"}}}}]
contexts: [{{name: fake, context: {{cluster: fake, user: fake}}}}]
users: [{{name: fake, user: {{}}}}]
current-context: fake
"""


def offline_kubeconfig(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point $KUBECONFIG at the names kubectl is given (its server unreachable), so kx's checks of
    --context and --user agree with the oracle's."""
    config = directory / "config"
    config.write_text(KUBECONFIG.format(url="http://127.0.0.1:1"), encoding="utf-8")
    monkeypatch.setenv("KUBECONFIG", str(config))


class KubectlOracle:
    """A fake API server plus an empty HOME and cache dir for each kubectl invocation."""

    def __init__(self, fake: FakeKube, home: str) -> None:
        self.fake = fake
        self.home = home

    def _run(self, argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(argv, capture_output=True, env=env, timeout=60, check=False,
                              stdin=subprocess.DEVNULL)  # fmt: skip
        # decode by hand: text mode would turn the CR of a CRLF in the output into nothing
        out = done.stdout.decode("utf-8", "surrogateescape")
        err = done.stderr.decode("utf-8", "surrogateescape")
        return subprocess.CompletedProcess(argv, done.returncode, out, err)

    def _env(self) -> dict[str, str]:
        return {"HOME": self.home, "PATH": os.environ.get("PATH", "/usr/bin:/bin")}

    def dry_run_yaml(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        """Run ``kubectl SUB --dry-run=client -o yaml ARGS...``; args[0] is the subcommand."""
        return self.dry_run(args, "yaml")

    def dry_run(
        self, args: list[str], output: str, lead: tuple[str, ...] = ()
    ) -> subprocess.CompletedProcess[str]:
        """Run ``kubectl LEAD SUB --dry-run=client -o OUTPUT ARGS...``; args[0] is the subcommand."""
        key = str(next(_counter))
        cache = tempfile.mkdtemp(dir=self.home)
        argv = ["kubectl", *lead, args[0], "--dry-run=client", "-o", output,
                f"--server={self.fake.url(key)}", f"--cache-dir={cache}", *args[1:]]  # fmt: skip
        return self._run(argv, self._env())

    def created(self, args: list[str]) -> tuple[subprocess.CompletedProcess[str], list[str]]:
        """Run ``kubectl ARGS...`` for real; (the run, the JSON of each object it created)."""
        key = f"create{next(_counter)}"
        config = os.path.join(tempfile.mkdtemp(dir=self.home), "config")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(KUBECONFIG.format(url=self.fake.url(key)))
        env = {**self._env(), "KUBECONFIG": config}
        done = self._run(["kubectl", *args], env)
        return done, [request.body for request in self.fake.recorder.pop(key)
                  if request.method == "POST" and "?" in request.path and request.body
                  and "/attach" not in request.path]  # fmt: skip


@contextmanager
def kubectl_oracle() -> Iterator[KubectlOracle]:
    """Start the fake server and a scratch HOME for the duration of the block."""
    home = tempfile.mkdtemp(prefix="kx-kubectl-")
    try:
        with FakeKube() as fake:
            yield KubectlOracle(fake, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
