"""The HostConfig of a docker run line: how the host runs the container, resources included."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from kx.builder.dockerflags import Flags
from kx.builder.objects import GenerateError
from kx.check.formats.docker_resources import ram_in_bytes
from kx.check.formats.docker_storage import _has_source as has_source

_SECCOMP_NAMES = ("builtin", "unconfined")


def host_config(flags: Flags) -> dict[str, Any]:
    """HostConfig, without the ports, binds and network mode (added by the caller)."""
    from kx.builder import dockermounts
    from kx.builder.dockernet import dns_search, dns_servers, extra_hosts

    security, masked = _security(flags)
    host: dict[str, Any] = {
        "ContainerIDFile": flags.text("cidfile"),
        "OomScoreAdj": flags.number("oom-score-adj"),
        "AutoRemove": flags.on("rm"),
        "Privileged": flags.on("privileged"),
        "Links": flags.all("link"),
        "PublishAllPorts": flags.on("publish-all"),
        "Dns": dns_servers(flags),
        "DnsSearch": dns_search(flags),
        "DnsOptions": flags.all("dns-option"),
        "ExtraHosts": extra_hosts(flags),
        "VolumesFrom": flags.all("volumes-from"),
        "IpcMode": flags.text("ipc"),
        "PidMode": flags.text("pid"),
        "UTSMode": flags.text("uts"),
        "UsernsMode": flags.text("userns"),
        "CgroupnsMode": flags.text("cgroupns"),
        "CapAdd": _capabilities(flags.all("cap-add")),
        "CapDrop": _capabilities(flags.all("cap-drop")),
        "GroupAdd": flags.all("group-add"),
        "RestartPolicy": _restart(flags.text("restart") if flags.given("restart") else "no"),
        "SecurityOpt": security,
        "StorageOpt": _pairs(flags.all("storage-opt")),
        "ReadonlyRootfs": flags.on("read-only"),
        "LogConfig": {"Type": flags.text("log-driver"), "Config": _pairs(flags.all("log-opt"))},
        "VolumeDriver": flags.text("volume-driver"),
        "Isolation": flags.text("isolation"),
        "ShmSize": _bytes(flags, "shm-size"),
        **resources(flags),
        "Tmpfs": dict(value.partition(":")[::2] for value in flags.all("tmpfs")),
        "Sysctls": _pairs(flags.all("sysctl")),
        "Runtime": flags.text("runtime"),
        "Mounts": [dockermounts.mount(value, flags) for value in flags.all("mount")],
        "Annotations": _pairs(flags.all("annotation")),
    }
    if masked:
        host["MaskedPaths"] = host["ReadonlyPaths"] = []
    if flags.given("init"):
        host["Init"] = flags.on("init")
    return host


def resources(flags: Flags) -> dict[str, Any]:
    """The Resources fields (inlined in HostConfig)."""
    from kx.builder import dockermounts

    return {
        "CgroupParent": flags.text("cgroup-parent"),
        "BlkioWeight": flags.number("blkio-weight"),
        "BlkioWeightDevice": [_weight_device(v) for v in flags.all("blkio-weight-device")],
        "BlkioDeviceReadBps": [_device_rate(v, _ram) for v in flags.all("device-read-bps")],
        "BlkioDeviceWriteBps": [_device_rate(v, _ram) for v in flags.all("device-write-bps")],
        "BlkioDeviceReadIOps": [_device_rate(v, int) for v in flags.all("device-read-iops")],
        "BlkioDeviceWriteIOps": [_device_rate(v, int) for v in flags.all("device-write-iops")],
        "CpuPeriod": flags.number("cpu-period"),
        "CpuQuota": flags.number("cpu-quota"),
        "CpuRealtimePeriod": flags.number("cpu-rt-period"),
        "CpuRealtimeRuntime": flags.number("cpu-rt-runtime"),
        "CpusetCpus": flags.text("cpuset-cpus"),
        "CpusetMems": flags.text("cpuset-mems"),
        "Devices": dockermounts.devices(flags),
        "DeviceCgroupRules": flags.all("device-cgroup-rule"),
        "DeviceRequests": dockermounts.device_requests(flags),
        "Memory": _bytes(flags, "memory"),
        "MemoryReservation": _bytes(flags, "memory-reservation"),
        "MemorySwap": _bytes(flags, "memory-swap"),
        "MemorySwappiness": flags.number("memory-swappiness", -1),
        "NanoCpus": _nano_cpus(flags.text("cpus")),
        "OomKillDisable": flags.on("oom-kill-disable"),
        "PidsLimit": flags.number("pids-limit"),
        "Ulimits": _ulimits(flags.all("ulimit")),
        "CpuCount": flags.number("cpu-count"),
        "CpuPercent": flags.number("cpu-percent"),
        "IOMaximumIOps": flags.number("io-maxiops"),
        "IOMaximumBandwidth": _bytes(flags, "io-maxbandwidth"),
        "CpuShares": flags.number("cpu-shares"),
    }


def _ram(text: str) -> int:
    """A byte size (``512m``), as go-units reads it."""
    size = ram_in_bytes(text)
    if isinstance(size, str):
        raise GenerateError(size)
    return size


def _bytes(flags: Flags, name: str) -> int:
    """A byte-size flag; ``-1`` (unlimited swap) is kept."""
    text = flags.text(name)
    if not text:
        return 0
    return -1 if name == "memory-swap" and text == "-1" else _ram(text)


def _nano_cpus(text: str) -> int:
    """--cpus as billionths of a CPU."""
    if not text:
        return 0
    nanos = Fraction(text) * 1_000_000_000
    return int(nanos)


def _device_rate(value: str, convert: Callable[[str], int]) -> dict[str, Any]:
    """``/dev/sda:RATE`` -> {Path, Rate}."""
    path, _, rate = value.partition(":")
    return {"Path": path, "Rate": convert(rate)}


def _weight_device(value: str) -> dict[str, Any]:
    """``/dev/sda:WEIGHT`` -> {Path, Weight}."""
    path, _, weight = value.partition(":")
    return {"Path": path, "Weight": int(weight)}


def compact_json(text: str) -> str:
    """Go's json.Compact: the JSON text without the whitespace between its tokens."""
    out: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char not in " \t\n\r":
            out.append(char)
            in_string = char == '"'
    return "".join(out)


def _capabilities(values: list[str]) -> list[str]:
    """Capabilities upper-cased, ``CAP_`` prefixed (except ALL), each once, sorted."""
    names = {v.upper() if v.upper() == "ALL" or v.upper().startswith("CAP_") else "CAP_" + v.upper()
             for v in values}  # fmt: skip
    return sorted(names)


def _restart(policy: str) -> dict[str, Any]:
    """--restart name[:max-retries] (``no`` when not given; empty for ``--restart=''``)."""
    if not policy:
        return {}
    name, _, count = policy.partition(":")
    return {"Name": name, "MaximumRetryCount": int(count) if count else 0}


def _pairs(values: list[str]) -> dict[str, str]:
    """KEY=value strings as a map (a later key wins; a bare KEY maps to '')."""
    return dict(value.partition("=")[::2] for value in values)


def _ulimits(values: list[str]) -> list[dict[str, Any]]:
    """--ulimit name=soft[:hard], one per name (the last wins), sorted by name."""
    limits: dict[str, dict[str, Any]] = {}
    for value in values:
        name, _, numbers = value.partition("=")
        soft, _, hard = numbers.partition(":")
        limits[name] = {"Name": name, "Hard": int(hard or soft), "Soft": int(soft)}
    return [limits[name] for name in sorted(limits)]


def _security(flags: Flags) -> tuple[list[str], bool]:
    """SecurityOpt (a seccomp profile file sent as its compact JSON), and systempaths=unconfined."""
    out: list[str] = []
    unconfined = False
    for opt in flags.all("security-opt"):
        if opt == "systempaths=unconfined":
            unconfined = True
            continue
        key, sep, value = opt.partition("=")
        if not sep and key != "no-new-privileges":
            key, _, value = opt.partition(":")
        if key == "seccomp" and value not in _SECCOMP_NAMES:
            try:
                with open(flags.absolute(value), encoding="utf-8") as handle:
                    text = handle.read()
                json.loads(text)
            except (OSError, ValueError) as error:
                raise GenerateError(f"cannot read the seccomp profile {value}: {error}") from None
            opt = "seccomp=" + compact_json(text)
        out.append(opt)
    return out, unconfined


def volumes(flags: Flags) -> tuple[dict[str, Any], list[str]]:
    """-v specs: (Config.Volumes for anonymous volumes, HostConfig.Binds for the rest)."""
    anonymous: dict[str, Any] = {}
    binds: list[str] = []
    for spec in dict.fromkeys(flags.all("volume")):
        if not has_source(spec):
            anonymous[spec] = {}
            continue
        host, _, target = spec.partition(":")
        if host.startswith("."):
            spec = flags.absolute(host) + ":" + target
        binds.append(spec)
    return anonymous, binds
