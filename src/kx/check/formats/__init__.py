"""Value formats and value types, in a registry keyed by name.

A spec names a format (``format: port-mapping``) and a type (``type: bytes``); this package maps
those names onto checker functions ``(value, ctx) -> list[Finding]``. Submodules register
themselves with ``@register_format`` / ``@register_type`` from ``kx.check.formats.registry``;
``load_all()`` imports them once. ``kubectl_checks`` holds the kubectl specs' named rule checks,
which need these modules, so they load together.
"""

from __future__ import annotations

import os
import sys

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Container

# Checker modules are named after the tool whose values they check; the rest are shared.
_TOOL_PREFIXES = {"docker": ("docker_",), "kubectl": ("kubectl_", "kube_")}
_ALL_PREFIXES = tuple(p for group in _TOOL_PREFIXES.values() for p in group)
_loaded: set[str] = set()

# Which module registers each format, so that a check imports only the modules its values need
# (a cold `kx check` pays about 0.13 ms per module). A name missing here, or listed wrongly, only
# costs time: the tool's modules are all loaded then. tests/check/test_format_index.py keeps it
# complete. Types live in types.py, except those listed in _TYPE_MODULES.
_MODULE_FORMATS = {
    "docker_caps": ("capability", "stop-signal"),
    "docker_daemon": ("absolute-path", "container-name", "cpu-list", "linux-isolation"),
    "docker_devices": ("blkio-weight", "gpus", "oom-score-adj", "throttle-bps-device",
                       "throttle-iops-device", "weight-device"),
    "docker_env": ("annotation", "docker-env", "docker-label"),
    "docker_files": ("cidfile", "env-file", "label-file"),
    "docker_image": ("docker-host", "docker-image", "log-level", "platform"),
    "docker_mount": ("mount",),
    "docker_net": ("add-host", "dns-search", "docker-network", "ip-address", "link", "mac-address"),
    "docker_ports": ("expose-port", "port-mapping"),
    "docker_resources": ("cpus", "health-duration", "health-retries", "memory-swap", "memory-swappiness"),
    "docker_runtime": ("attach-stream", "cgroupns-mode", "device-cgroup-rule", "ipc-mode", "log-opt",
                       "pid-mode", "restart-policy", "security-opt", "storage-opt", "sysctl", "ulimit",
                       "userns-mode", "uts-mode"),
    "docker_storage": ("device", "volume"),
    "kubectl_files": ("docker-context", "kube-cluster", "kube-context", "kube-local-file", "kube-user",
                      "kustomize-dir"),
    "kubectl_globals": ("kube-filename", "override-type", "overrides-json", "profile", "request-timeout"),
    "kubectl_image": ("kube-image",),
    "kubectl_meta": ("annotations", "kube-env", "label-selector", "labels", "namespace", "object-name",
                     "service-name"),
    "kubectl_output": ("cascade", "dry-run", "output-format"),
    "kubectl_resources": ("resource-arg",),
    "kubectl_service": ("cluster-ip", "container-port", "external-ip", "port-list", "protocol",
                        "service-type", "session-affinity", "target-port"),
    "types": ("vmodule",),
}  # fmt: skip
FORMAT_MODULES = {name: module for module, names in _MODULE_FORMATS.items() for name in names}
TYPE_MODULES = {"bytes": "docker_resources"}
# Spec types with no checker of their own: their flags' formats check the values.
UNCHECKED_TYPES = frozenset({"decimal", "gpu-request", "mount", "network", "ulimit"})
# The modules holding a tool's named rule checks that use its value checkers (the others are in
# kx.check.named_checks).
CHECK_MODULES = {"kubectl": "kubectl_checks", "docker": "docker_checks"}


def _modules() -> list[str]:
    here = os.path.dirname(__file__)
    return sorted(
        name[:-3]
        for name in os.listdir(here)
        if name.endswith(".py") and not name.startswith("_") and name != "registry.py"
    )


def load_for(tool: str) -> None:
    """Import the checker modules a tool's values need (all of them for an unknown tool)."""
    if tool in _loaded or "*" in _loaded:
        return
    prefixes = _TOOL_PREFIXES.get(tool)
    for name in _modules():
        mine = prefixes is None or name.startswith(prefixes) or not name.startswith(_ALL_PREFIXES)
        if mine:
            _import(f"{__name__}.{name}")
    _loaded.add(tool if prefixes is not None else "*")


def _import(module: str) -> None:
    """Import a submodule with the builtin hook (the importlib package costs start-up time)."""
    if module not in sys.modules:
        __import__(module)


def load_format(name: str, tool: str) -> None:
    """Make sure the checker of value format ``name`` is registered."""
    from kx.check.formats.registry import FORMATS

    _load_one(name, FORMATS, FORMAT_MODULES.get(name), tool)


def load_type(name: str, tool: str) -> None:
    """Make sure the checker of value type ``name`` is registered."""
    from kx.check.formats.registry import TYPES

    if name not in UNCHECKED_TYPES:
        _load_one(name, TYPES, TYPE_MODULES.get(name, "types"), tool)


def load_checks(tool: str) -> None:
    """Import the module of a tool's named rule checks, if it has one."""
    module = CHECK_MODULES.get(tool)
    if module is not None:
        _import(f"{__name__}.{module}")


def _load_one(name: str, registry: Container[str], module: str | None, tool: str) -> None:
    if name in registry:
        return
    if module is not None:
        _import(f"{__name__}.{module}")
    if name not in registry:
        load_for(tool)


def load_all() -> None:
    """Import every checker module in this package once, so they register themselves."""
    if "*" not in _loaded:
        for name in _modules():
            _import(f"{__name__}.{name}")
        _loaded.add("*")
