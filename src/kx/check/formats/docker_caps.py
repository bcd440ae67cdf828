"""docker run `--cap-add/--cap-drop` and `--stop-signal`: passed on by the client, checked by the daemon.

The daemon upper-cases a capability, adds the CAP_ prefix when missing and refuses names it does
not know (ALL is allowed); a stop signal is a non-zero number or a signal name (SIG optional).
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.strconv import atoi
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

CAPABILITIES = frozenset(
    {"CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
     "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
     "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
     "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL",
     "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
     "PERFMON", "BPF", "CHECKPOINT_RESTORE"}
)  # fmt: skip
SIGNALS = frozenset(
    {"ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE",
     "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU",
     "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX"}
    | {f"RTMIN+{n}" for n in range(1, 16)}
    | {f"RTMAX-{n}" for n in range(1, 15)}
)  # fmt: skip


def _server(message: str, suggestion: str | None = None) -> list[Finding]:
    return [Finding("KX204", message, stage="server", suggestion=suggestion)]


@register_format("capability")
def check_capability(value: str, ctx: ValueContext) -> list[Finding]:
    """`--cap-add/--cap-drop`: ALL or a Linux capability, any case, CAP_ prefix optional."""
    name = value.upper()
    if name == "ALL" or name.removeprefix("CAP_") in CAPABILITIES:
        return []
    fix = next(
        (cap for cap in CAPABILITIES if cap.replace("_", "") == name.removeprefix("CAP_").replace("_", "")),
        None,
    )
    if fix is None:
        fix = best(name.removeprefix("CAP_"), sorted(CAPABILITIES))
    return _server(f"unknown capability {value!r}", suggestion=fix)


@register_format("stop-signal")
def check_stop_signal(value: str, ctx: ValueContext) -> list[Finding]:
    """`--stop-signal`: a non-zero signal number or a signal name, any case, SIG prefix optional."""
    number, err = atoi(value)
    if value == "" or (err is None and number != 0):
        return []
    if err is not None and value.upper().removeprefix("SIG") in SIGNALS:
        return []
    near = best(value.upper().removeprefix("SIG"), sorted(SIGNALS)) if err is not None else None
    prefix = "SIG" if value.upper().startswith("SIG") else ""
    message = f"unknown signal {value!r} (e.g. SIGTERM, SIGINT, 15)"
    return _server(message, suggestion=prefix + near if near else None)
