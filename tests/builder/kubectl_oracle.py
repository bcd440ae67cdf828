"""Run the real kubectl against the fake API server to get what ``--dry-run=client -o yaml`` prints."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from tests.oracle.fake_kube import FakeKube

_counter = itertools.count()


class KubectlOracle:
    """A fake API server plus an empty HOME and cache dir for each kubectl invocation."""

    def __init__(self, fake: FakeKube, home: str) -> None:
        self.fake = fake
        self.home = home

    def dry_run_yaml(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        """Run ``kubectl SUB --dry-run=client -o yaml ARGS...``; args[0] is the subcommand."""
        key = str(next(_counter))
        cache = tempfile.mkdtemp(dir=self.home)
        argv = ["kubectl", args[0], "--dry-run=client", "-o", "yaml",
                f"--server={self.fake.url(key)}", f"--cache-dir={cache}", *args[1:]]
        env = {"HOME": self.home, "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        done = subprocess.run(argv, capture_output=True, env=env, timeout=60, check=False)
        # decode by hand: text mode would turn the CR of a CRLF in the output into nothing
        out = done.stdout.decode("utf-8", "surrogateescape")
        err = done.stderr.decode("utf-8", "surrogateescape")
        return subprocess.CompletedProcess(argv, done.returncode, out, err)


@contextmanager
def kubectl_oracle() -> Iterator[KubectlOracle]:
    """Start the fake server and a scratch HOME for the duration of the block."""
    home = tempfile.mkdtemp(prefix="kx-kubectl-")
    try:
        with FakeKube() as fake:
            yield KubectlOracle(fake, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
