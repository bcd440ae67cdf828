"""Cold `kx check` against the real clients' own rejection of the same bad line, side by side.

Run with the venv's python (`.venv/bin/python bench/check_startup.py`); it calls the venv's own
`kx` next to that python, never a shim. Prints medians and ratios; also in-process checks/s.
"""

from __future__ import annotations

import os
import random
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


def varied_lines(count: int = 2000, seed: int = 7, prefix: str = "app") -> list[str]:
    """Realistic lines with varying names, ports and values, so no cache flatters the figure."""
    rng = random.Random(seed)
    images = ["nginx:1.27", "redis:7", "postgres:16", "busybox", "ghcr.io/acme/api:v2.3.1", "alpine:3.20"]
    out = []
    for i in range(count):
        port, name, image = rng.randint(1024, 65000), f"{prefix}{i}", rng.choice(images)
        kind = i % 4
        if kind == 0:
            out.append(f"docker run -d -p {port}:80 --name {name} -e MODE=prod{i} -v /data/{i}:/data "
                       f"--restart=on-failure:{i % 5} -m {rng.randint(64, 4096)}m {image}")
        elif kind == 1:
            out.append(f"kubectl expose deployment {name} --port={port} --target-port={port % 9000 + 1} "
                       f"--type={rng.choice(['NodePort', 'ClusterIP', 'Nodeport'])} -n team{i % 7}")
        elif kind == 2:
            out.append(f"kubectl run {name} --image={image} --port={port} --labels=app={name},tier=web "
                       f"--dry-run=client -o yaml --restart=Never")
        else:
            out.append(f"docker run --rm -it --cpus {rng.choice(['1.5', '0.5', 'abc'])} "
                       f"--ulimit nofile={port}:{port + 10} --network net{i % 3} {image} sh -c 'echo {i}'")
    return out


def in_process_rate() -> tuple[float, float]:
    """Command checks per second (wall clock, CPU time) over varied lines, each checked once.

    The warm-up checks one other line of each kind, so what a process pays once (loading each
    tool's value checkers, building its specs' tables) is not counted; its values differ from
    the measured lines', so no remembered verdict flatters the figure. CPU time leaves out the
    moments another process had the core (the machine is shared).
    """
    from kx.engine.pipeline import check_command

    for line in varied_lines(4, seed=99, prefix="warm"):
        check_command(line)
    lines = varied_lines()
    wall, cpu = time.perf_counter(), time.process_time()
    for line in lines:
        check_command(line)
    return len(lines) / (time.perf_counter() - wall), len(lines) / (time.process_time() - cpu)


def in_process_rates(runs: int = 5) -> tuple[float, float]:
    """Medians of ``in_process_rate`` over fresh processes (a second pass would hit remembered verdicts)."""
    walls, cpus = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--in-process-once"], capture_output=True, text=True,
                              check=True)  # fmt: skip
        wall, cpu = map(float, done.stdout.split())
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    env = {**os.environ, "DOCKER_HOST": "unix:///nonexistent.sock", "KUBECONFIG": "/dev/null"}
    for line in (DOCKER_LINE, KUBECTL_LINE):  # warm kx's spec and code caches, as any second run finds them
        subprocess.run([KX, "check", "--", *line], capture_output=True, env=env)
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
    wall, cpu = in_process_rates()
    print(f"in-process: {wall:,.0f} command checks/s by the wall clock, {cpu:,.0f}/s of CPU time "
          "(medians of 5 fresh processes; target >= 20,000)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--in-process-once"]:
        print(*in_process_rate())
    else:
        main()
