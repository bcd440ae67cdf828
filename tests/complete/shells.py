"""Ask real shells for completions of command lines, with a generated script loaded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).parent
BASH_COMPLETION = Path("/usr/share/bash-completion/bash_completion")
WORDBREAKS = "\"'><=;|&(:"
TIMEOUT = 60


def have(shell: str) -> bool:
    return shutil.which(shell) is not None


def comp_words(line: str) -> list[str]:
    """COMP_WORDS as bash builds them: split on blanks, break characters as their own words."""
    words: list[str] = []
    for blank_word in line.split(" "):
        if blank_word == "" and words:
            continue
        words.extend(t for t in re.split(f"([{re.escape(WORDBREAKS)}]+)", blank_word) if t)
    if line.endswith(" ") or not words:
        words.append("")
    return words


def _bash_case(line: str) -> str:
    words = comp_words(line)
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    line_q = "'" + line.replace("'", "'\\''") + "'"
    return (
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMP_LINE={line_q}; "
        f"COMP_POINT=${{#COMP_LINE}}; _kx; printf '%s\\n' \"${{COMPREPLY[@]}}\"; echo @@END@@\n"
    )


def bash(script: Path, lines: list[str], bash_completion: bool = False) -> list[list[str]]:
    """COMPREPLY of the completion function for each line (bash without an rc file)."""
    setup = f". {BASH_COMPLETION}\n" if bash_completion else ""
    program = setup + f". '{script}'\n" + "".join(_bash_case(line) for line in lines)
    out = _run(["bash", "--norc", "--noprofile", "-c", program])
    return _blocks(out)


def fish(script: Path, lines: list[str]) -> list[list[str]]:
    """Candidates of ``complete -C`` for each line (descriptions cut off)."""
    program = f"source '{script}'; for l in $argv; complete -C $l; echo @@END@@; end"
    out = _run(["fish", "--no-config", "-c", program, "--", *lines])
    return [[c.split("\t", 1)[0] for c in block] for block in _blocks(out)]


def zsh(script: Path, lines: list[str]) -> list[list[str]]:
    """Matches compsys accepted for each line, typed into an interactive zsh with TAB."""
    driver, capture = HERE / "zsh_driver.zsh", HERE / "zsh_capture.zsh"
    out = _run(["zsh", "-f", str(driver), str(script), str(capture), *lines])
    blocks = out.split("@@END@@")[:-1]
    return [re.findall(r"@@HIT:(.*?)@@", block) for block in blocks]


def _run(argv: list[str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BASH_", "ZDOTDIR"))}
    env["TERM"] = "dumb" if argv[0] != "zsh" else "xterm"
    done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _blocks(out: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in out.splitlines():
        if line == "@@END@@":
            blocks.append([])
        elif line:
            blocks[-1].append(line)
    return blocks[:-1]


def powershell(script: Path, lines: list[str]) -> list[list[str]]:
    """CompletionText of TabExpansion2's matches for each line (pwsh, no profile)."""
    program = (
        f". '{script}'\n"
        "foreach ($line in $args) {\n"
        "    $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length\n"
        "    foreach ($m in $r.CompletionMatches) { if ($m.CompletionText) { $m.CompletionText } }\n"
        "    '@@END@@'\n"
        "}\n"
    )
    harness = script.with_name("harness.ps1")  # -File passes the lines on as $args
    harness.write_text(program, encoding="utf-8")
    out = _run(["pwsh", "-NoProfile", "-NonInteractive", "-File", str(harness), *lines])
    return _blocks(out)
