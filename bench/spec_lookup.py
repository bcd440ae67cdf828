"""Spec lookup speed: warm-cache load + lookup in a fresh process, and in-process lookups.

Run with the venv's python: `.venv/bin/python bench/spec_lookup.py`. Prints figures; no asserts.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from kx.catalog import loader


def in_process(rounds: int = 2000) -> float:
    loader.reset()
    loader.load_specs()  # make sure the cache file is warm
    samples = []
    for _ in range(rounds):
        loader.reset()
        start = time.perf_counter()
        spec = loader.load_specs().get("kubectl", ("expose",))
        samples.append(time.perf_counter() - start)
        assert spec is not None
    return statistics.median(samples) * 1000


def memoized(rounds: int = 100_000) -> float:
    specs = loader.load_specs()
    start = time.perf_counter()
    for _ in range(rounds):
        specs.get("docker", ("container", "run"))
    return (time.perf_counter() - start) / rounds * 1e6


def fresh_process(rounds: int = 15) -> float:
    code = "from kx.catalog.loader import load_specs; load_specs().get('kubectl', ('expose',))"
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    base = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - start)
    return (statistics.median(samples) - statistics.median(base)) * 1000


if __name__ == "__main__":
    print(f"warm-cache load + lookup, in-process (median): {in_process():.3f} ms")
    print(f"lookup in a loaded SpecSet: {memoized():.2f} us")
    print(f"fresh process, cost above bare python: {fresh_process():.1f} ms")
