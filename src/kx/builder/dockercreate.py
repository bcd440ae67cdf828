"""``kx build docker run ... --format yaml|json``: the container-create request docker 28.2 sends.

The request is ``{query: {name, platform}, body: {...Config, HostConfig, NetworkingConfig}}``, the
``POST /containers/create`` the Engine API receives for the line. Zero values are left out.
"""

from __future__ import annotations

import json
import os
import platform as host_platform
from collections.abc import Mapping
from typing import Any

from kx.builder.command import flag_values
from kx.builder.dockerflags import Flags
from kx.builder.objects import GenerateError
from kx.parse.parsed import ParsedCommand

# Maps whose keys are the user's data: their entries stay even when the value is empty.
MAP_FIELDS = frozenset(
    {"ExposedPorts", "Volumes", "Labels", "Tmpfs", "Sysctls", "StorageOpt", "Annotations", "Config",
     "DriverOpts", "EndpointsConfig", "PortBindings", "Options"}
)  # fmt: skip
# Empty lists that mean something (``systempaths=unconfined`` sends no masked or read-only paths).
KEEP_EMPTY = frozenset({"MaskedPaths", "ReadonlyPaths"})


def create_request(
    parsed: ParsedCommand, environ: Mapping[str, str] | None = None, cwd: str | None = None
) -> dict[str, Any]:
    """The create request for a parsed ``docker run`` line (environ and cwd are the client's)."""
    from kx.builder import dockerhost, dockernet

    words = [w.value for w in parsed.positionals]
    if not words:
        raise GenerateError("docker run needs an IMAGE")
    flags = Flags(flag_values(parsed), dict(os.environ if environ is None else environ), cwd or os.getcwd())
    config = _config(flags, words)
    host = dockerhost.host_config(flags)
    exposed, bindings = dockernet.ports(flags)
    config["ExposedPorts"] = exposed
    host["PortBindings"] = bindings
    config["Volumes"], host["Binds"] = dockerhost.volumes(flags)
    host["NetworkMode"] = dockernet.network_mode(flags)
    networking = {"EndpointsConfig": dockernet.endpoints(flags)}
    platform = flags.environ.get("DOCKER_DEFAULT_PLATFORM", "")  # the default of --platform
    platform = flags.text("platform") if flags.given("platform") else platform
    query = {"name": flags.text("name"), "platform": _platform(platform)}
    body = {**config, "HostConfig": host, "NetworkingConfig": networking}
    request: dict[str, Any] = prune({"query": query, "body": body})
    return request


def _config(flags: Flags, words: list[str]) -> dict[str, Any]:
    """The container.Config part: what the container is, as opposed to how the host runs it."""
    from kx.builder.dockerfiles import env_list, labels

    attach = {a.lower() for a in flags.all("attach")}
    stdin = flags.on("interactive")
    config: dict[str, Any] = {
        "Hostname": flags.text("hostname"),
        "Domainname": flags.text("domainname"),
        "User": flags.text("user"),
        "Tty": flags.on("tty"),
        "OpenStdin": stdin,
        "AttachStdin": "stdin" in attach or stdin,
        "AttachStdout": "stdout" in attach or not attach,
        "AttachStderr": "stderr" in attach or not attach,
        "Env": env_list(flags),
        "Cmd": words[1:] or None,
        "Image": words[0],
        "WorkingDir": flags.text("workdir"),
        "Labels": labels(flags),
        "StopSignal": flags.text("stop-signal"),
        "Healthcheck": _health(flags),
    }
    config["StdinOnce"] = config["OpenStdin"] and config["AttachStdin"]
    if flags.given("entrypoint"):
        config["Entrypoint"] = [flags.text("entrypoint")]
    if flags.given("stop-timeout"):
        config["StopTimeout"] = flags.number("stop-timeout")
    if flags.on("detach"):
        for key in ("AttachStdin", "AttachStdout", "AttachStderr", "StdinOnce"):
            config[key] = False
    return config


def _health(flags: Flags) -> dict[str, Any] | None:
    """The Healthcheck: NONE for --no-healthcheck, the health-* settings, or nothing."""
    if flags.on("no-healthcheck"):
        return {"Test": ["NONE"]}
    health = {
        "Test": ["CMD-SHELL", flags.text("health-cmd")] if flags.text("health-cmd") else None,
        "Interval": flags.duration("health-interval"),
        "Timeout": flags.duration("health-timeout"),
        "StartPeriod": flags.duration("health-start-period"),
        "StartInterval": flags.duration("health-start-interval"),
        "Retries": flags.number("health-retries"),
    }
    return health if any(health.values()) else None


_ARM64_VARIANTS = {"8": "", "v8": "", "v8.0": "", "9": "v9", "9.0": "v9", "v9.0": "v9"}
_ARCH = {"x86_64": "amd64", "aarch64": "arm64", "i386": "386", "i686": "386", "armv7l": "arm"}


def _arch(name: str, variant: str) -> tuple[str, str]:
    """Containerd's normalizeArch: canonical architecture and variant names."""
    name, variant = name.lower(), variant.lower()
    if name == "i386":
        return "386", ""
    if name in ("x86_64", "x86-64", "amd64"):
        return "amd64", "" if variant == "v1" else variant
    if name in ("aarch64", "arm64"):
        return "arm64", _ARM64_VARIANTS.get(variant, variant)
    if name in ("armhf", "armel"):
        return "arm", "v7" if name == "armhf" else "v6"
    if name == "arm":
        return "arm", {"": "v7", "7": "v7", "5": "v5", "6": "v6", "8": "v8"}.get(variant, variant)
    return name, variant


def _platform(spec: str) -> str:
    """The ``platform`` query value: the --platform value as containerd normalizes it."""
    if not spec:
        return ""
    from kx.check.formats.docker_image import _KNOWN_OS

    parts = spec.split("/", 3)
    os_name = parts[0].partition("(")[0].lower()
    os_name = "darwin" if os_name == "macos" else os_name
    machine = host_platform.machine().lower()
    if len(parts) == 1:
        if os_name in _KNOWN_OS:
            return f"{os_name}/{_ARCH.get(machine, machine)}"
        arch, variant = _arch(parts[0], "")
        return "/".join(p for p in ("linux", arch, "" if (arch, variant) == ("arm", "v7") else variant) if p)
    arch, variant = _arch(parts[1], parts[2] if len(parts) > 2 else "")
    if len(parts) == 2 and (arch, variant) == ("arm", "v7"):
        variant = ""
    if len(parts) == 3 and arch == "arm64" and not variant:
        variant = "v8"
    return "/".join(p for p in (os_name, arch, variant) if p)


def _zero(value: Any) -> bool:
    """Go's zero value: nil, false, 0, "", an empty list or map, or [0, 0] (ConsoleSize)."""
    if value is None or value is False or value in (0, "", [], {}):
        return True
    return isinstance(value, list) and all(type(v) is int and v == 0 for v in value)


def prune(value: Any, key: str = "") -> Any:
    """``value`` without zero-valued struct fields (entries of user-keyed maps are kept)."""
    if isinstance(value, dict):
        keep = key in MAP_FIELDS
        out = {}
        for name, item in value.items():
            item = prune(item, name)
            if keep or (name in KEEP_EMPTY and item == []) or not _zero(item):
                out[name] = item
        return out
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def render_request(request: dict[str, Any], fmt: str) -> str:
    """The request as JSON (indented) or YAML."""
    if fmt == "json":
        return json.dumps(request, indent=2, ensure_ascii=False) + "\n"
    from kx.builder.yamlemit import dump

    return dump(request)
