"""Run the installed docker and kubectl against the fakes and read their verdicts.

Each invocation gets a clean environment: a fresh temporary HOME (no real docker config, an
empty kubectl cache, a kubeconfig that points at the fake API server), `LC_ALL=C`, nothing else.
docker gets a pseudo-terminal as stdin, so `-it` is judged as in an interactive shell instead of
failing the TTY check (D26) before the checks that follow it; kubectl gets /dev/null.
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from . import fake_docker, fake_kube
from .normalize import UNREACHABLE, first_message, normalize

TIMEOUT = 30.0
WORKERS = 8
_KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: kx-fake
  cluster: {{server: "{url}"}}
users:
- name: kx-fake
  user: {{}}
contexts:
- name: kx-fake
  context: {{cluster: kx-fake, user: kx-fake, namespace: default}}
current-context: kx-fake
"""


# Under load docker's first /_ping can time out; it then reports an empty server OS (and rejects
# --device and other OS-dependent values). Such a run says nothing about the line: run it again.
_FLAKE = "unknown server OS:"
# Under load the fake daemon can also miss docker's connect deadline: "Cannot connect to the Docker
# daemon at $DOCKER_HOST" (the fake's own address, which is always up) is the same kind of flake.
_FAKE_UNREACHED = "Cannot connect to the Docker daemon at $DOCKER_HOST."
_RETRIES = 3


def _flaked(stderr: str) -> bool:
    """Whether a run failed for the machine's load, not for the line: run it again."""
    return _FAKE_UNREACHED in stderr or any(line.rstrip().endswith(_FLAKE) for line in stderr.splitlines())


class ClientMissing(RuntimeError):
    """The client binary is not installed."""


@dataclass(frozen=True)
class Verdict:
    """What the real client made of one command line."""

    tool: str
    argv: tuple[str, ...]
    valid: bool
    exit: int
    message: str
    reached: bool
    posted: tuple[str, ...]
    stdout: str
    stderr: str

    @property
    def verdict(self) -> str:
        """`valid` or `invalid`."""
        return "valid" if self.valid else "invalid"


def binary(tool: str) -> str:
    """The path of the installed client, or raise ClientMissing."""
    path = shutil.which(tool)
    if path is None:
        raise ClientMissing(f"{tool} not installed")
    return path


def available(tool: str) -> bool:
    """Whether the client is installed."""
    return shutil.which(tool) is not None


class Oracle:
    """Both fakes plus a scratch directory; judges argv lists with the real clients."""

    def __init__(self, workers: int = WORKERS) -> None:
        self.workers = workers
        self._docker: fake_docker.FakeDocker | None = None
        self._kube: fake_kube.FakeKube | None = None
        self._scratch = tempfile.TemporaryDirectory(prefix="kx-oracle-")
        self._lock = threading.Lock()
        self._counter = 0

    def __enter__(self) -> Oracle:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the fakes and remove the scratch directory."""
        for fake in (self._docker, self._kube):
            if fake is not None:
                fake.stop()
        self._docker = self._kube = None
        self._scratch.cleanup()

    def _home(self) -> tuple[str, Path]:
        with self._lock:
            self._counter += 1
            key = str(self._counter)
            if self._docker is None:
                self._docker = fake_docker.FakeDocker().start()
            if self._kube is None:
                self._kube = fake_kube.FakeKube().start()
        home = Path(self._scratch.name) / key
        home.mkdir()
        return key, home

    def judge(self, argv: Sequence[str], env: Mapping[str, str] | None = None) -> Verdict:
        """Run one command line (argv[0] is `docker` or `kubectl`) and return the verdict.

        `env` adds variables to the clean environment (as `env A=1 docker ...` would).
        """
        tool = Path(argv[0]).name
        if tool not in ("docker", "kubectl"):
            raise ValueError(f"not a docker or kubectl command: {argv[0]}")
        for _ in range(_RETRIES):
            verdict = self._judge_once(tool, argv, env)
            if not _flaked(verdict.stderr):
                break
        return verdict

    def _judge_once(self, tool: str, argv: Sequence[str], env: Mapping[str, str] | None) -> Verdict:
        command = [binary(tool), *argv[1:]]
        key, home = self._home()
        try:
            base = _base_env(home) | dict(env or {})
            if tool == "docker":
                return self._docker_verdict(tuple(argv), command, home, base)
            return self._kubectl_verdict(tuple(argv), command, key, home, base)
        finally:
            shutil.rmtree(home, ignore_errors=True)

    def judge_all(
        self, argvs: Iterable[Sequence[str]], envs: Iterable[Mapping[str, str]] | None = None
    ) -> list[Verdict]:
        """Judge many command lines in parallel; results in input order."""
        argvs = list(argvs)
        env_list = list(envs) if envs is not None else [{} for _ in argvs]
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            return list(pool.map(self.judge, argvs, env_list))

    def _docker_verdict(
        self, argv: tuple[str, ...], command: list[str], home: Path, env: dict[str, str]
    ) -> Verdict:
        assert self._docker is not None
        env = {"DOCKER_HOST": self._docker.host} | env
        master, slave = os.openpty()
        try:
            pid, code, out, err = _run(command, env, stdin=slave)
        finally:
            os.close(slave)
            os.close(master)
        requests = self._docker.recorder.pop(str(pid))
        posted = tuple(r.body for r in requests if r.path.split("?")[0].endswith("/create"))
        marker = any(m in err for m in fake_docker.MARKERS)
        replace = {str(home): "$HOME", self._docker.host: "$DOCKER_HOST"}
        return _verdict(argv, code, out, err, marker, posted, replace)

    def _kubectl_verdict(
        self, argv: tuple[str, ...], command: list[str], key: str, home: Path, env: dict[str, str]
    ) -> Verdict:
        assert self._kube is not None
        url = self._kube.url(key)
        (home / ".kube").mkdir()
        (home / ".kube" / "config").write_text(_KUBECONFIG.format(url=url))
        _, code, out, err = _run(command, env, stdin=subprocess.DEVNULL)
        requests = self._kube.recorder.pop(key)
        posted = tuple(r.body for r in requests if r.method == "POST" and "/pods/" not in r.path)
        replace = {str(home): "$HOME", url: "$SERVER"}
        verdict = _verdict(argv, code, out, err, bool(posted), posted, replace)
        if posted and code != 0:
            # Created, then failed to attach to the fake: the attach chatter is not stable.
            first = next(r for r in requests if r.method == "POST")
            message = f"kx-oracle: created at the fake: POST {first.path.split('?')[0]}"
            verdict = dataclasses.replace(verdict, message=message)
        return verdict


def _base_env(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LC_ALL": "C",
        "TMPDIR": str(home),
    }


def _run(command: list[str], env: dict[str, str], stdin: int) -> tuple[int, int, str, str]:
    """Run with a timeout; returns (pid, exit code, stdout, stderr); kills the group on timeout."""
    proc = subprocess.Popen(
        command,
        env=env,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        cwd=env["HOME"],
        text=True,
        errors="replace",
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        err += f"\nkx-oracle: timed out after {TIMEOUT:.0f}s"
    return proc.pid, proc.returncode, out, err


def _verdict(
    argv: tuple[str, ...],
    code: int,
    out: str,
    err: str,
    reached: bool,
    posted: tuple[str, ...],
    replace: dict[str, str],
) -> Verdict:
    out, err = normalize(out, replace), normalize(err, replace)
    unreachable = any(text in err for text in UNREACHABLE)
    valid = code == 0 or reached or unreachable
    message = first_message(out, err, valid)
    return Verdict(argv[0], argv, valid, code, message, reached, posted, out, err)


_SHARED: Oracle | None = None


def _shared() -> Oracle:
    global _SHARED
    if _SHARED is None:
        _SHARED = Oracle()
        atexit.register(_SHARED.close)
    return _SHARED


def docker_verdict(argv: Sequence[str]) -> Verdict:
    """The real docker client's verdict on `argv` (argv[0] == "docker")."""
    return _shared().judge(argv)


def kubectl_verdict(argv: Sequence[str]) -> Verdict:
    """The real kubectl's verdict on `argv` (argv[0] == "kubectl")."""
    return _shared().judge(argv)
