"""Cold `kx check` against the real clients' own rejection of the same bad line, side by side.

Run with the venv's python (`.venv/bin/python bench/check_startup.py`); it calls the venv's own
`kx` next to that python, never a shim. Prints medians and ratios; also in-process checks/s.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time

KX = os.path.join(os.path.dirname(sys.executable), "kx")
DOCKER_LINE = ["docker", "run", "--cpus", "abc", "nginx"]
KUBECTL_LINE = ["kubectl", "expose", "deployment", "web", "--port=80", "--bogus"]


def median_ms(argv: list[str], rounds: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def interleaved(pairs: dict[str, list[str]], rounds: int, env: dict[str, str]) -> dict[str, float]:
    """Alternate the commands so machine noise hits them alike."""
    samples: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(rounds):
        for name, argv in pairs.items():
            samples[name].append(median_ms(argv, 1, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def in_process_rate(seconds: float = 2.0) -> float:
    from kx.engine import check_command

    lines = [
        "docker run -d -p 8080:80 --name web -e A=1 -v /data:/data --restart=always nginx:1.27",
        "kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort",
        "kubectl run web --image=nginx --port=80 --labels=app=web --dry-run=client -o yaml",
        "docker run --rm -it --cpus 1.5 -m 512m --ulimit nofile=1024:2048 alpine sh",
    ]
    for line in lines:
        check_command(line)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for line in lines:
            check_command(line)
        count += len(lines)
    return count / (time.perf_counter() - start)


def main() -> None:
    env = {**os.environ, "DOCKER_HOST": "unix:///nonexistent.sock", "KUBECONFIG": "/dev/null"}
    subprocess.run([KX, "check", "--", *DOCKER_LINE], capture_output=True, env=env)  # warm the cache
    pairs = {"kx check (docker line)": [KX, "check", "-q", "--", *DOCKER_LINE],
             "kx check (kubectl line)": [KX, "check", "-q", "--", *KUBECTL_LINE]}
    if shutil.which("docker"):
        pairs["docker"] = DOCKER_LINE
    if shutil.which("kubectl"):
        pairs["kubectl"] = KUBECTL_LINE
    result = interleaved(pairs, 25, env)
    for name, value in result.items():
        print(f"{name:<26} {value:7.1f} ms (median of 25, interleaved)")
    if "docker" in result:
        print(f"ratio kx/docker : {result['kx check (docker line)'] / result['docker']:.2f} (target <= 3)")
    if "kubectl" in result:
        ratio = result["kx check (kubectl line)"] / result["kubectl"]
        print(f"ratio kx/kubectl: {ratio:.2f} (target <= 0.5)")
    print(f"in-process: {in_process_rate():,.0f} command checks/s (target >= 20,000)")


if __name__ == "__main__":
    main()
