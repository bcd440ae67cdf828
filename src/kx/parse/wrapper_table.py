"""The one table of wrapper commands (``sudo``, ``env``, ``xargs``...): how each reads its options.

Each wrapper's options were read off its own ``--help`` or manual page (sudo 1.9, OpenBSD doas,
GNU coreutils, findutils and time, util-linux, procps watch, expect's unbuffer, bash; caffeinate
from the macOS manual). All of them stop reading options at their first operand, as ``getopt``
with a leading ``+`` does. ``kx.parse.wrappers`` walks the table.
"""

from __future__ import annotations

WATCH, XARGS, BUILTIN, SHELL, BUNDLE = "watch", "xargs", "builtin", "shell", "bundle"


class Wrapper:
    """How one wrapper command reads its own options before the command it runs.

    ``short_args``/``long_args``: options that take a value (glued or as the next word);
    ``not_running``/``long_not_running``: options after which it runs no command we can follow
    (``command -v``, ``sudo -l``, ``env -S STRING``); ``assignments``: ``NAME=value`` words may
    follow the options (``env``, ``sudo``); ``operands``: words it takes before the command
    (``timeout DURATION``); ``string_flag``: after the operands, this word introduces the command
    as one string (``flock FILE -c 'cmd'``); ``kind``: watch, xargs, builtin, shell (``sh -c``) or
    bundle (a distribution whose ``kubectl`` subcommand is kubectl itself: ``k3s kubectl``).
    """

    __slots__ = ("assignments", "kind", "long_args", "long_not_running", "not_running", "operands",
                 "short_args", "string_flag")  # fmt: skip

    def __init__(
        self,
        short_args: str = "",
        long_args: tuple[str, ...] = (),
        not_running: str = "",
        long_not_running: tuple[str, ...] = (),
        *,
        assignments: bool = False,
        operands: int = 0,
        string_flag: tuple[str, ...] = (),
        kind: str = "",
    ) -> None:
        self.short_args = short_args
        self.long_args = frozenset(long_args)
        self.not_running = not_running
        self.long_not_running = frozenset(("help", "version", *long_not_running))
        self.assignments = assignments
        self.operands = operands
        self.string_flag = frozenset(string_flag)
        self.kind = kind


_SUDO_LONG = ("auth-type", "chdir", "chroot", "close-from", "command-timeout", "group", "host",
              "login-class", "other-user", "prompt", "role", "type", "user")  # fmt: skip
WRAPPERS: dict[str, Wrapper] = {
    # -h HOST is only allowed when listing: with a value it runs nothing either
    "sudo": Wrapper(
        "aCcDghpRrTtUu",
        _SUDO_LONG,
        "eKlVvh",
        ("edit", "list", "validate", "remove-timestamp", "host"),
        assignments=True,
    ),
    "doas": Wrapper("aCu", (), "CLs"),  # -C checks a config, -L clears, -s starts a shell
    "env": Wrapper("uCS", ("unset", "chdir"), "S", ("split-string",), assignments=True),
    "time": Wrapper("fo", ("format", "output"), "hV"),
    "command": Wrapper("", (), "vV"),
    "builtin": Wrapper(kind=BUILTIN),
    "exec": Wrapper("a"),
    "nice": Wrapper("n", ("adjustment",)),
    "nohup": Wrapper(),
    "timeout": Wrapper("sk", ("signal", "kill-after"), operands=1),
    "stdbuf": Wrapper("ioe", ("input", "output", "error")),
    "ionice": Wrapper("cnpPu", ("class", "classdata", "pid", "pgid", "uid"), "pPuhV", ("pid", "pgid", "uid")),
    "chrt": Wrapper(
        "TPD", ("sched-runtime", "sched-period", "sched-deadline"), "pmhV", ("pid", "max"), operands=1
    ),
    "taskset": Wrapper("", (), "phV", ("pid",), operands=1),
    "setsid": Wrapper("", (), "hV"),
    "flock": Wrapper(
        "wE", ("timeout", "wait", "conflict-exit-code"), "hV", operands=1, string_flag=("-c", "--command")
    ),
    "watch": Wrapper("nq", ("interval", "equexit"), "hv", kind=WATCH),
    "xargs": Wrapper(
        "aEILnPsd",
        ("arg-file", "delimiter", "max-lines", "max-args", "max-procs", "max-chars", "process-slot-var"),
        kind=XARGS,
    ),
    "unbuffer": Wrapper(),
    "caffeinate": Wrapper("tw"),
    # Kubernetes distributions that ship kubectl as a subcommand (`sudo k3s kubectl get pods`,
    # `microk8s kubectl expose ...`); their other subcommands run no tool kx knows.
    "k3s": Wrapper(kind=BUNDLE),
    "microk8s": Wrapper(kind=BUNDLE),
}
BUNDLED = frozenset({"kubectl"})
# `sh -c 'docker ps'` runs its first operand as a script; without -c it runs a file (or reads stdin).
for _shell in ("sh", "bash", "dash", "zsh", "ksh", "ash", "mksh"):
    WRAPPERS[_shell] = Wrapper(
        "oO", ("init-file", "rcfile"), "", ("dump-strings", "dump-po-strings"), kind=SHELL
    )
# Builtins that ``builtin`` may run and that run a command in turn.
BUILTIN_RUNNERS = frozenset({"command", "exec", "builtin"})
# Shell reserved words that may come before a simple command (``time`` is also a wrapper); the
# closing ones too, as the lexer reads them (bash rejects ``fi docker ...`` anyway).
KEYWORDS = frozenset({"!", "if", "then", "else", "elif", "do", "while", "until", "{", "}", "fi", "done",
                      "esac", "in"})  # fmt: skip
