"""How long one TAB takes in a warm bash with kx's generated script, next to kubectl's own completion.

Prints, for `kx expose --ty` and `kx docker-run --restart `: the median time of one call of the
completion function in an already-running bash (the script loaded once); the median time of
`kubectl __complete expose --ty` (what kubectl's own completion runs at every TAB); and the median
time that loading the script adds to a shell's start. Targets: <= 5 ms per TAB, <= 0.1x kubectl,
<= 10 ms to load.

    python bench/completion_speed.py [--runs N] [--script completions/kx.bash]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINES = ["kx expose --ty", "kx docker-run --restart "]
WORDBREAKS = "\"'><=;|&(:"


def _words(line: str) -> list[str]:
    words = line.split()
    return [*words, ""] if line.endswith(" ") else words


def _bash_tab_ms(script: Path, line: str, runs: int) -> tuple[float, list[str]]:
    words = " ".join(f"'{w}'" for w in _words(line))
    program = f"""
. '{script}'
COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}
_kx  # warm up
for ((i = 0; i < {runs}; i++)); do
    t0=$EPOCHREALTIME; _kx; t1=$EPOCHREALTIME
    echo "T ${{t0/./}} ${{t1/./}}"
done
printf 'C %s\\n' "${{COMPREPLY[@]}}"
"""
    out = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    stamps = [ln.split()[1:] for ln in out.splitlines() if ln[:2] == "T "]
    times = [(int(b) - int(a)) / 1000 for a, b in stamps]
    return statistics.median(times), [ln[2:] for ln in out.splitlines() if ln[:2] == "C "]


def _load_ms(script: Path, runs: int) -> float:
    program = f"t0=$EPOCHREALTIME; . '{script}'; t1=$EPOCHREALTIME; echo ${{t0/./}} ${{t1/./}}"
    times = []
    for _ in range(runs):
        out = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
        times.append((int(out[1]) - int(out[0])) / 1000)
    return statistics.median(times)


def _first_tab_ms(script: Path, runs: int) -> float:
    """The first TAB of a fresh shell also loads the tables."""
    program = f"""
. '{script}'
COMP_WORDS=(kx expose --ty); COMP_CWORD=2; COMP_LINE='kx expose --ty'; COMP_POINT=14
t0=$EPOCHREALTIME; _kx; t1=$EPOCHREALTIME; echo ${{t0/./}} ${{t1/./}}
"""
    times = []
    for _ in range(runs):
        out = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
        times.append((int(out[1]) - int(out[0])) / 1000)
    return statistics.median(times)


def _kubectl_ms(runs: int) -> float | None:
    if shutil.which("kubectl") is None:
        return None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["kubectl", "__complete", "expose", "--ty"], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _responder_ms(runs: int) -> float | None:
    """kubectl_complete-kx (what `kubectl kx <TAB>` runs) next to this Python, if installed."""
    import sys

    responder = Path(sys.executable).parent / "kubectl_complete-kx"
    if not responder.exists():
        return None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(responder), "expose", "--ty"], capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--script", type=Path, default=ROOT / "completions" / "kx.bash")
    args = parser.parse_args()
    kubectl = _kubectl_ms(max(args.runs // 10, 5))
    failed = False
    for line in LINES:
        tab, candidates = _bash_tab_ms(args.script, line, args.runs)
        ratio = f", {tab / kubectl:.3f}x kubectl" if kubectl else ""
        print(f"bash TAB  {line!r:30} median {tab:6.2f} ms{ratio}  -> {' '.join(candidates)}")
        failed |= tab > 5 or (kubectl is not None and tab > 0.1 * kubectl) or not candidates
    if kubectl is not None:
        print(f"kubectl __complete expose --ty    median {kubectl:6.2f} ms")
    load = _load_ms(args.script, max(args.runs // 10, 5))
    print(f"bash script load                  median {load:6.2f} ms")
    failed |= load > 10
    first = _first_tab_ms(args.script, max(args.runs // 10, 5))
    print(f"first TAB of a fresh bash (loads the tables) median {first:6.2f} ms")
    responder = _responder_ms(max(args.runs // 10, 5))
    if responder is not None:
        print(f"kubectl_complete-kx expose --ty  median {responder:6.2f} ms (kubectl kx <TAB>)")
    print("targets met" if not failed else "TARGETS MISSED")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
