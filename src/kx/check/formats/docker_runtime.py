"""docker run runtime values.

Restart policy, namespace modes, attach streams, ulimits, sysctls, security, storage and log
options, device cgroup rules.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.strconv import RANGE, atoi, parse_bool, parse_int
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

RESTART_NAMES = ("no", "always", "on-failure", "unless-stopped")
ULIMIT_NAMES = frozenset(
    {"core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss",
     "rtprio", "rttime", "sigpending", "stack"}
)  # fmt: skip
SYSCTL_NAMES = frozenset(
    {"kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax",
     "kernel.shmmni", "kernel.shm_rmid_forced"}
)  # fmt: skip
SECURITY_KEYS = ("label", "apparmor", "seccomp", "no-new-privileges", "writable-cgroups", "systempaths")


def _bad(message: str, suggestion: str | None = None) -> list[Finding]:
    return [Finding("KX203", message, suggestion=suggestion)]


def _choice(value: str, allowed: tuple[str, ...], what: str) -> list[Finding]:
    """A case-sensitive choice; the suggestion is the nearest allowed spelling, when one is near."""
    if value in allowed:
        return []
    fix = best(value, allowed)
    shown = ", ".join(repr(a) if a else "''" for a in allowed)
    return [Finding("KX202", f"{value!r} is not a valid {what} (use {shown})", suggestion=fix)]


@register_format("restart-policy")
def check_restart(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--restart`: the client checks the shape, only the daemon knows the names."""
    if value == "":
        return []
    name, sep, count_text = value.partition(":")
    if sep and name == "":
        return _bad("the restart policy has no name before ':'")
    count = 0
    if count_text:
        parsed, err = atoi(count_text)
        if err is not None:
            return _bad(f"the restart retry count {count_text!r} is not an integer")
        count = parsed
    if name not in RESTART_NAMES:
        key = best(name, RESTART_NAMES)
        fix = key + (value[len(name) :] if key == "on-failure" else "") if key else None
        message = f"unknown restart policy {name!r} (use no, always, on-failure[:N] or unless-stopped)"
        return [Finding("KX204", message, stage="server", suggestion=fix, end=len(name))]
    if name != "on-failure" and count != 0:
        message = f"a retry count is only allowed with on-failure, not with {name!r}"
        return [Finding("KX204", message, stage="server", suggestion=name)]
    if count < 0:
        return [
            Finding("KX204", "the retry count cannot be negative", stage="server", suggestion="on-failure")
        ]
    return []


@register_format("pid-mode")
def check_pid_mode(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--pid`: '', host or container:<name|id>."""
    if value.startswith("container:") and value != "container:":
        return []
    if value == "container:":
        return _bad("container: needs a container name or ID after the colon")
    return _choice(value, ("", "host"), "PID mode (or container:<name|id>)")


@register_format("uts-mode")
def check_uts_mode(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--uts`: '' or host."""
    return _choice(value, ("", "host"), "UTS mode")


@register_format("userns-mode")
def check_userns_mode(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--userns`: '' or host."""
    return _choice(value, ("", "host"), "user namespace mode")


@register_format("cgroupns-mode")
def check_cgroupns_mode(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--cgroupns`: '', host or private."""
    return _choice(value, ("", "host", "private"), "cgroup namespace mode")


@register_format("ipc-mode")
def check_ipc_mode(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--ipc` (daemon only): '', none, private, shareable, host or container:<x>."""
    allowed = ("", "none", "private", "shareable", "host")
    if value in allowed or value.startswith("container:"):
        return []
    problem = _choice(value, allowed, "IPC mode (or container:<name|id>)")[0]
    return [Finding("KX204", problem.message, stage="server", suggestion=problem.suggestion)]


@register_format("attach-stream")
def check_attach(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `-a/--attach` stream: stdin, stdout or stderr in any case."""
    if value.lower() in ("stdin", "stdout", "stderr"):
        return []
    return [Finding("KX202", f"{value!r} is not a stream (use stdin, stdout or stderr)")]


@register_format("ulimit")
def check_ulimit(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--ulimit` value: name=soft[:hard], soft <= hard unless hard is -1."""
    name, sep, limits = value.partition("=")
    if not sep:
        return _bad(f"--ulimit needs name=soft[:hard], not {value!r}")
    if name not in ULIMIT_NAMES:
        near = best(name, sorted(ULIMIT_NAMES))
        fix = near + value[len(name) :] if near else None
        return [Finding("KX202", f"unknown ulimit {name!r}", suggestion=fix, end=len(name))]
    parts = limits.split(":")
    if len(parts) > 2:
        return _bad(f"--ulimit takes at most soft:hard, not {limits!r}")
    numbers = [parse_int(part, 10, 64) for part in parts]
    for part, (_, err) in zip(parts, numbers, strict=True):
        if err is not None:
            return _bad(f"ulimit value {part!r} is {'out of range' if err == RANGE else 'not an integer'}")
    soft, hard = numbers[0][0], numbers[-1][0]
    if hard != -1 and soft == -1:
        return _bad(f"a soft limit of -1 (unlimited) exceeds the hard limit {hard}")
    if hard != -1 and soft is not None and hard is not None and soft > hard:
        return _bad(
            f"the soft limit {soft} exceeds the hard limit {hard}", suggestion=f"{name}={hard}:{soft}"
        )
    return []


@register_format("sysctl")
def check_sysctl(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--sysctl`: key=value with a namespaced key (IPC kernel.*, net.*, fs.mqueue.*)."""
    key, sep, _ = value.partition("=")
    if not sep or not key:
        return _bad(f"--sysctl needs key=value, not {value!r}")
    if key in SYSCTL_NAMES or key.startswith(("net.", "fs.mqueue.")):
        return []
    return _bad(f"sysctl {key!r} is not namespaced, so docker does not allow it")


@register_format("security-opt")
def check_security_opt(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--security-opt`: key=value or key:value (value non-empty), or no-new-privileges."""
    key, sep, val = value.partition("=")
    if not sep and key != "no-new-privileges":
        key, sep, val = value.partition(":")
    if (not sep or not val) and key != "no-new-privileges":
        return _bad(f"--security-opt needs key=value, not {value!r}")
    if key == "seccomp":
        return []  # a profile file is read by the client: kx.check.envchecks judges it
    return _security_server(key, val)


def _security_server(key: str, val: str) -> list[Finding]:
    """What the daemon refuses among the options the client passes on."""
    if key == "systempaths" and val == "unconfined":
        return []  # handled by the client itself
    if key == "no-new-privileges" and val and parse_bool(val) is None:
        message = f"no-new-privileges takes a boolean, not {val!r}"
    elif key not in SECURITY_KEYS or key == "systempaths":
        message = f"unknown security option {key!r} (use label, apparmor, seccomp or no-new-privileges)"
    else:
        return []
    return [Finding("KX204", message, stage="server")]


@register_format("storage-opt")
def check_storage_opt(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--storage-opt`: it must contain '='."""
    return [] if "=" in value else _bad(f"--storage-opt needs key=value, not {value!r}")


@register_format("log-opt")
def check_log_opt(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--log-opt`: the client takes anything; a value without '=' is almost surely wrong."""
    if "=" in value:
        return []
    return [
        Finding("KX208", f"--log-opt {value!r} has no '=', so it sets {value!r} to ''", severity="warning")
    ]


_CGROUP_RULE = LazyRegex(r"[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}")


@register_format("device-cgroup-rule")
def check_device_cgroup_rule(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--device-cgroup-rule`: 'type major:minor mode', e.g. 'c 1:3 mr'."""
    if _CGROUP_RULE.fullmatch(value):
        return []
    return _bad(f"{value!r} is not 'type major:minor mode' (type a|b|c, numbers or *, mode of r, w, m)")
