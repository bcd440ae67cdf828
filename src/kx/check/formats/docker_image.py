"""docker image references, `--platform`, and the global `-H/--host` and `-l/--log-level`.

The IMAGE argument goes through distribution/reference's ParseAnyReference: a 64-hex image ID, a
bare `algorithm:hex` digest, or a name normalized with docker.io/library/, whose path must be
lowercase and at most 255 characters, with an optional tag and a well-formed digest.
"""

from __future__ import annotations

from kx.check.formats._reference import parse_reference
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.net import split_host_port
from kx.core.gorules.strings import trim_space
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

_LOWER_HEX = "0123456789abcdef"
_OS_PART = LazyRegex(r"([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?")
_PLATFORM_PART = LazyRegex("[A-Za-z0-9_.-]+")
_BAD_ESCAPE = LazyRegex("%(?![0-9a-fA-F]{2})")
_DIGEST_SIZES = {"sha256": 64, "sha384": 96, "sha512": 128}
LOG_LEVELS = ("panic", "fatal", "error", "warn", "warning", "info", "debug", "trace")


def digest_problem(digest: str) -> str | None:
    """go-digest's Parse: a known algorithm with the right length of lowercase hex."""
    algorithm, sep, encoded = digest.partition(":")
    if not algorithm or not sep or not encoded:
        return "a digest is algorithm:hex"
    size = _DIGEST_SIZES.get(algorithm)
    if size is None:
        return f"unsupported digest algorithm {algorithm!r} (use sha256, sha384 or sha512)"
    if len(encoded) != size:
        return f"a {algorithm} digest has {size} hex characters, not {len(encoded)}"
    return None if not encoded.strip(_LOWER_HEX) else "digest hex must be lowercase"


def split_domain(name: str) -> tuple[str, str]:
    """Docker's normalization: (domain, remainder), adding docker.io and library/ as needed."""
    first, sep, rest = name.partition("/")
    if not sep:
        return "docker.io", "library/" + name
    if first == "localhost" or any(ch in first for ch in ".:") or first.lower() != first:
        domain, remainder = first, rest
    elif first == "index.docker.io":
        domain, remainder = "docker.io", rest
    else:
        domain, remainder = "docker.io", name
    if domain == "docker.io" and "/" not in remainder:
        remainder = "library/" + remainder
    return domain, remainder


def image_problem(ref: str) -> str | None:
    """Why the docker client refuses an image reference, or None."""
    if (len(ref) == 64 and not ref.strip(_LOWER_HEX)) or (":" in ref and digest_problem(ref) is None):
        return None  # an image ID, or a bare digest
    domain, remainder = split_domain(ref)
    repo = remainder.partition(":")[0]
    if repo.lower() != repo:
        return f"repository name {repo.removeprefix('library/')!r} must be lowercase"
    found = parse_reference(f"{domain}/{remainder}")
    if found is None:
        return "not a valid image reference ([registry/]name[:tag][@digest])"
    if len(found.path) > 255:
        return "the repository name is longer than 255 characters"
    if found.digest is not None:
        return digest_problem(found.digest)
    return None


@register_format("docker-image")
def check_image(value: str, ctx: ValueContext) -> list[Finding]:
    """Check IMAGE the way `docker run` parses it before talking to the daemon."""
    reason = image_problem(value)
    if reason is None:
        return []
    fix = value.lower() if "lowercase" in reason and image_problem(value.lower()) is None else None
    return [Finding("KX205", f"invalid image reference {value!r}: {reason}", suggestion=fix)]


_KNOWN_OS = frozenset(
    {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
     "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"}
)  # fmt: skip
_KNOWN_ARCH = frozenset(
    {"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips",
     "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x",
     "sparc", "sparc64", "wasm"}
)  # fmt: skip
_ARCH_ALIASES = {
    "i386": "386",
    "x86_64": "amd64",
    "x86-64": "amd64",
    "aarch64": "arm64",
    "armhf": "arm",
    "armel": "arm",
}


def platform_problem(spec: str) -> str | None:
    """Containerd platforms.Parse: os[(version)][/arch[/variant]], or a lone known os or arch."""
    if "*" in spec:
        return "wildcards are not supported"
    parts = spec.split("/", 3)
    if _OS_PART.fullmatch(parts[0]) is None:
        return f"{parts[0]!r} is not an OS name"
    for part in parts[1:]:
        if _PLATFORM_PART.fullmatch(part) is None:
            return f"{part!r} is not a valid platform component"
    if len(parts) == 4:
        return "a platform has at most os/arch/variant"
    if len(parts) == 1:
        os_name = parts[0].partition("(")[0].lower().replace("macos", "darwin")
        arch = parts[0].lower()
        if os_name not in _KNOWN_OS and _ARCH_ALIASES.get(arch, arch) not in _KNOWN_ARCH:
            return f"{parts[0]!r} is neither a known OS nor a known architecture"
    return None


@register_format("platform")
def check_platform(value: str, ctx: ValueContext) -> list[Finding]:
    """Check `--platform` (empty means the daemon's default)."""
    reason = platform_problem(value) if value else None
    return [Finding("KX203", f"invalid platform {value!r}: {reason}")] if reason else []


def host_problem(addr: str) -> str | None:
    """The docker client's -H address parse on Linux: tcp (default), unix, fd or ssh."""
    proto, sep, rest = addr.partition("://")
    if not sep:
        proto, rest = "tcp", addr
    if proto == "npipe":
        return "named pipes (npipe://) exist only on Windows"
    if proto == "fd":
        return None if rest else "fd:// needs a descriptor"
    if proto == "ssh":
        return _ssh_problem(rest)
    if proto == "unix":
        return f"{addr!r} holds a second '://'" if "://" in rest else None
    if proto != "tcp":
        return f"unknown scheme {proto!r} (use tcp://, unix://, fd:// or ssh://)"
    return _tcp_problem(rest, addr)


_HOST_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:[]<>\"%"
)


def _before_path(rest: str) -> str:
    """``rest`` up to its first '/', '?' or '#'."""
    cut = len(rest)
    for mark in "/?#":
        at = rest.find(mark, 0, cut)
        if at >= 0:
            cut = at
    return rest[:cut]


def _authority(rest: str) -> tuple[str, str] | str:
    """Go url.Parse on `//authority...`: (host, port) of the authority, or why it fails."""
    authority = _before_path(rest).rpartition("@")[2]
    if authority.startswith("["):
        close = authority.find("]")
        host, port = authority[: close + 1], authority[close + 1 :]
        if close < 0 or (port and not port.startswith(":")):
            return f"{authority!r} is not [ipv6]:port"
        port = port[1:]
    else:
        host, _, port = authority.rpartition(":") if ":" in authority else (authority, "", "")
    if (port and not port.isdigit()) or not port.isascii():
        return f"port {port!r} is not a number"
    if any(ch not in _HOST_CHARS and ord(ch) < 0x80 for ch in host):
        return f"the host name {host!r} holds a character a URL host cannot"
    if _BAD_ESCAPE.search(host):
        return f"the host name {host!r} holds a bad % escape"
    return host, port


def _ssh_problem(rest: str) -> str | None:
    parsed = _authority(rest)
    if isinstance(parsed, str):
        return parsed
    if parsed[0] in ("", "[]"):
        return "an ssh:// address needs a host name"
    if rest.partition("#")[0].partition("?")[2] or rest.partition("#")[2]:
        return "an ssh:// address takes no query or fragment"
    return None


def _tcp_problem(rest: str, addr: str) -> str | None:
    if rest == "":
        return None
    if "://" in rest:
        return f"{addr!r} holds a second '://'"
    parsed = _authority(rest)
    if isinstance(parsed, str):
        return parsed
    hostport = _before_path(rest).rpartition("@")[2]
    hostport = hostport + "2375" if hostport.endswith("]:") else hostport
    split = split_host_port(hostport)
    if isinstance(split, str):
        split = split_host_port(f"[{hostport}]:2375" if ":" in hostport else f"{hostport}:2375")
    return f"{addr!r} is not host[:port]" if isinstance(split, str) else None


@register_format("docker-host")
def check_docker_host(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `-H/--host` address (blank means the default socket)."""
    addr = trim_space(value)
    reason = host_problem(addr) if addr else None
    return [Finding("KX203", f"invalid daemon address {value!r}: {reason}")] if reason else []


@register_format("log-level")
def check_log_level(value: str, ctx: ValueContext) -> list[Finding]:
    """Check the global `-l/--log-level` (any case; empty means info)."""
    if value == "" or value.lower() in LOG_LEVELS:
        return []
    return [Finding("KX202", f"unknown log level {value!r} (use {', '.join(LOG_LEVELS)})")]
