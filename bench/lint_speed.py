"""kx lint throughput, linearity, memory and ShellCheck comparison (prints the figures).

    python bench/lint_speed.py [--lines 100000] [--shellcheck-lines 2000]

Generates valid bash full of docker/kubectl commands with one planted unknown flag per block,
runs the installed ``kx lint`` end to end (start-up included) and checks every planted
mistake is reported. CPU figures (user + system time of kx's processes) are steadier than wall
times on a shared machine. ShellCheck (Debian package ``shellcheck``) runs on the same 2,000-line
script when it is installed.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BLOCKS = [
    "docker run -d --name web{n} -p 80{d}:80 --restart=always nginx:1.{d}",
    "kubectl expose deployment app{n} --port=80{d} --target-port=8080 --type=NodePort",
    "kubectl run pod{n} --image=busybox --restart=Never -- sleep {d}",
    'if [ -n "${{X{n}:-}}" ]; then\n  echo "step {n}" | tee -a log.txt\n'
    '  docker run --rm -e A={n} "$IMAGE" true\nfi',
    'for f in a b c; do echo "$f"; done',
    'sudo docker run --rm -v "$PWD:/src" -w /src alpine:3 ls -la',
    "cat <<EOF > conf{n}.txt\nhello {n}\nEOF",
    "ps aux | grep x | head -30",
    "kubectl get pods -n ns{n}",
]
PLANT = "kubectl expose deployment p{n} --port=80 --planted-{n} && echo ok"


def generate(lines: int, seed: int = 7) -> tuple[str, int]:
    """A valid script of about ``lines`` lines and how many mistakes it plants."""
    rng = random.Random(seed)
    out = ["#!/bin/bash", "set -euo pipefail"]
    planted = 0
    while len(out) < lines:
        n = len(out)
        out.extend(rng.choice(BLOCKS).format(n=n, d=rng.randint(0, 9)).split("\n"))
        if n % 10 == 0:
            out.append(PLANT.format(n=n))
            planted += 1
    return "\n".join(out) + "\n", planted


CPU = [0.0]  # CPU seconds (user + system) of the last kx run, its own processes included


def kx_lint(*paths: Path) -> tuple[float, float, int]:
    """Run kx lint; return (seconds, peak MB of the child, planted findings); CPU[0]: its CPU time."""
    kx = Path(sys.executable).with_name("kx")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(kx), "lint", "-q", "--isolated", *map(str, paths)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[0] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = max(after.ru_maxrss, before.ru_maxrss) / 1024
    found = len(re.findall(r"--planted-\d+", done.stdout))
    return elapsed, peak, found


def shellcheck(path: Path) -> float | None:
    """Seconds ShellCheck needs for ``path`` (None when it is not installed)."""
    if shutil.which("shellcheck") is None:
        return None
    start = time.perf_counter()
    subprocess.run(["shellcheck", "-f", "gcc", str(path)], capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--shellcheck-lines", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        text, planted = generate(args.lines)
        big = root / "big.sh"
        big.write_text(text)
        seconds, peak, found = kx_lint(big)
        lines = text.count("\n")
        print(
            f"one file: {lines} lines in {seconds:.2f} s = {lines / seconds:,.0f} lines/s, "
            f"peak {peak:.0f} MB, planted found {found}/{planted} (CPU {CPU[0]:.2f} s)"
        )
        half_text, _ = generate(args.lines // 2)
        (root / "half.sh").write_text(half_text)
        half_seconds, _, _ = kx_lint(root / "half.sh")
        print(
            f"linearity: {args.lines // 2} lines {half_seconds:.2f} s, {args.lines} lines "
            f"{seconds:.2f} s, ratio {seconds / half_seconds:.2f} (2.00 is linear)"
        )
        many = root / "many"
        many.mkdir()
        chunk = text.split("\n")
        for index in range(0, len(chunk), 1000):
            (many / f"part{index // 1000:03}.sh").write_text("\n".join(chunk[index : index + 1000]) + "\n")
        many_seconds, _, many_found = kx_lint(many)
        print(
            f"{len(list(many.iterdir()))} files: {lines / many_seconds:,.0f} lines/s "
            f"(two processes), planted found {many_found}/{planted} (CPU {CPU[0]:.2f} s)"
        )
        small_text, small_planted = generate(args.shellcheck_lines)
        small = root / "small.sh"
        small.write_text(small_text)
        kx_seconds, _, small_found = kx_lint(small)
        kx_cpu = CPU[0]
        sc_seconds = shellcheck(small)
        if sc_seconds is None:
            print("shellcheck not installed (apt-get install shellcheck): comparison skipped")
        else:
            print(
                f"{args.shellcheck_lines} lines: kx {kx_seconds:.2f} s (found "
                f"{small_found}/{small_planted}, CPU {kx_cpu:.2f} s), shellcheck {sc_seconds:.2f} s, "
                f"kx is {sc_seconds / kx_seconds:.1f}x faster"
            )


if __name__ == "__main__":
    main()
