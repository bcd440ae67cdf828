"""docker run device resource values.

Block-I/O weights and throttles per device (`/dev/x:N`), `--gpus`, and the daemon-only ranges of
`--blkio-weight` and `--oom-score-adj`.
"""

from __future__ import annotations

from kx.check.formats.docker_resources import ram_in_bytes
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.csv import record_fields
from kx.core.gorules.strconv import atoi, parse_int, parse_uint
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

GPU_KEYS = ("driver", "count", "device", "capabilities", "options")


def _bad(message: str, suggestion: str | None = None) -> list[Finding]:
    return [Finding("KX203", message, suggestion=suggestion)]


def _device_rate(value: str, what: str) -> tuple[str, str] | list[Finding]:
    """Split `/dev/x:rate`; problems when there is no ':' or the path is not under /dev/."""
    path, sep, rate = value.partition(":")
    if not sep or not path:
        return _bad(f"expected /dev/<device>:<{what}>, not {value!r}")
    if not path.startswith("/dev/"):
        return _bad(f"the device path {path!r} must start with /dev/")
    return path, rate


@register_format("weight-device")
def check_weight_device(value: str, ctx: ValueContext) -> list[Finding]:
    """`--blkio-weight-device`: /dev/x:W with W 0 or 10..1000."""
    split = _device_rate(value, "weight")
    if isinstance(split, list):
        return split
    weight, err = parse_uint(split[1], 10, 16)
    if err is not None or 0 < weight < 10 or weight > 1000:
        return _bad(f"the device weight {split[1]!r} must be 0 or between 10 and 1000")
    return []


@register_format("throttle-bps-device")
def check_throttle_bps(value: str, ctx: ValueContext) -> list[Finding]:
    """`--device-read-bps` / `--device-write-bps`: /dev/x:size (k, m, g... units allowed)."""
    split = _device_rate(value, "rate")
    if isinstance(split, list):
        return split
    rate = ram_in_bytes(split[1])
    if isinstance(rate, str) or rate < 0:
        return _bad(f"the rate {split[1]!r} must be a non-negative size such as 10mb")
    return []


@register_format("throttle-iops-device")
def check_throttle_iops(value: str, ctx: ValueContext) -> list[Finding]:
    """`--device-read-iops` / `--device-write-iops`: /dev/x:N with N a plain unsigned integer."""
    split = _device_rate(value, "count")
    if isinstance(split, list):
        return split
    if parse_uint(split[1], 10, 64)[1] is not None:
        return _bad(f"the I/O rate {split[1]!r} must be a plain non-negative integer")
    return []


def _gpu_count(text: str) -> list[Finding]:
    if text == "all" or atoi(text)[1] is None:
        return []
    return [Finding("KX203", f"GPU count {text!r} must be 'all' or an integer")]


def _gpu_field(key: str, val: str, field: str) -> list[Finding]:
    if key == "count":
        return _gpu_count(val)
    if key == "options" and isinstance(record_fields(val), str):
        return _bad(f"the GPU options {val!r} are not a valid comma-separated list")
    if key not in GPU_KEYS:
        return _bad(f"unknown --gpus key {key!r} (keys: {', '.join(GPU_KEYS)})")
    return []


@register_format("gpus")
def check_gpus(value: str, ctx: ValueContext) -> list[Finding]:
    """`--gpus`: 'all', a count, or CSV of driver/count/device/capabilities/options."""
    fields = record_fields(value)
    if isinstance(fields, str):
        return _bad(f"--gpus is not a valid comma-separated list: {fields}")
    seen: set[str] = set()
    for field in fields:
        key, sep, val = field.partition("=")
        if key in seen:
            return _bad(f"the --gpus key {key!r} is given twice")
        seen.add(key)
        if not sep:
            seen.add("count")
            problems = _gpu_count(key)
        else:
            problems = _gpu_field(key, val, field)
        if problems:
            return problems
    return []


@register_format("blkio-weight")
def check_blkio_weight(value: str, ctx: ValueContext) -> list[Finding]:
    """`--blkio-weight` (uint16 in the client): the daemon takes 0 or 10..1000."""
    weight, err = parse_uint(value, 0, 16)
    if err is not None or weight == 0 or 10 <= weight <= 1000:
        return []
    fix = "10" if weight < 10 else "1000"
    return [Finding("KX204", f"block-I/O weight {weight} is outside 10-1000", stage="server", suggestion=fix)]


@register_format("oom-score-adj")
def check_oom_score_adj(value: str, ctx: ValueContext) -> list[Finding]:
    """`--oom-score-adj` (int in the client): the daemon takes -1000..1000."""
    score, err = parse_int(value, 0, 64)
    if err is not None or -1000 <= score <= 1000:
        return []
    fix = "-1000" if score < 0 else "1000"
    return [
        Finding(
            "KX204", f"OOM score adjustment {score} is outside -1000..1000", stage="server", suggestion=fix
        )
    ]
