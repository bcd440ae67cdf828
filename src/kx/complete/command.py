"""``kx completion show|install|uninstall [SHELL]``: the library side of the command."""

from __future__ import annotations

from kx.complete import install
from kx.complete.generate import SHELLS, live_tree, render
from kx.core.errors import UsageError

# shellingham's names -> ours
SHELL_NAMES = {"bash": "bash", "zsh": "zsh", "fish": "fish", "pwsh": "powershell",
               "powershell": "powershell"}  # fmt: skip


def resolve_shell(shell: str | None) -> str:
    """The shell named, or the one kx runs under (shellingham); UsageError when unknown."""
    if shell:
        if shell not in SHELLS:
            raise UsageError(f"unknown shell {shell!r} (choose {', '.join(SHELLS)})")
        return shell
    import shellingham

    try:
        name, _path = shellingham.detect_shell()
    except shellingham.ShellDetectionFailure:
        raise UsageError(
            f"cannot detect your shell; name it: kx completion show {'|'.join(SHELLS)}"
        ) from None
    found = SHELL_NAMES.get(str(name).lower())
    if found is None:
        raise UsageError(f"kx has no completion for {name!r}; name one of: {', '.join(SHELLS)}")
    return found


def show(shell: str | None) -> str:
    """The script for the shell, from the specs on this machine (user specs included)."""
    return render(resolve_shell(shell), live_tree())


def install_lines(shell: str | None) -> list[str]:
    """Install the script; what was done, one line each."""
    name = resolve_shell(shell)
    changes, notes = install.plan_install(name, render(name, live_tree()))
    done = install.apply(changes)
    if name in ("bash", "zsh", "powershell") and changes:
        done.append(f"open a new {name} session (or source its rc file) to use it")
    return done + notes


def uninstall_lines(shell: str | None) -> list[str]:
    """Remove what install added; what was done, one line each."""
    changes, notes = install.plan_uninstall(resolve_shell(shell))
    return install.apply(changes) + notes
