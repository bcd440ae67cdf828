r"""Commands written for a Docker daemon on Windows, which kx's Linux-daemon rules do not fit.

kx reads what a daemon refuses as a Linux daemon does. A command that shows it is meant for a
Windows daemon (or a Windows host's paths) gets no finding that rests on that assumption: the
Windows container docs run `--isolation process`, `--device class/{GUID}`, `credentialspec=` and
`-v c:\data:c:\data`, all accepted where they are meant to run.
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.state import CommandState
    from kx.core.findings import Finding

# Microsoft's Windows base images by repository, and the Windows tags other images use.
_WINDOWS_IMAGE = LazyRegex(
    r"(?i)^(?:mcr\.microsoft\.com/|microsoft/)(?:windows|nanoserver|iis\b|dotnet[/-]framework)"
    r"|[/:_-](?:nanoserver|(?:windows)?servercore|ltsc20\d\d)(?:$|[/:._-])"
)
# Drive paths: ``-v C:\src:C:\dst`` (a host path, then a container path: ``a:/b:ro`` is a volume
# ``a`` for both daemons), ``--mount source=C:\src``, ``-w C:\app``.
_DRIVE = LazyRegex(r"^[A-Za-z]:[\\/][^:]*:(?:[A-Za-z]:)?[\\/]")
_MOUNT_DRIVE = LazyRegex(r"(?:^|,)(?:source|src)=[A-Za-z]:[\\/]")
_WORKDIR_DRIVE = LazyRegex(r"^[A-Za-z]:[\\/]")
_HOST_PATHS = (("volume", _DRIVE), ("mount", _MOUNT_DRIVE), ("workdir", _WORKDIR_DRIVE))
_WINDOWS_ISOLATION = frozenset({"process", "hyperv"})


def for_windows_daemon(state: CommandState) -> bool:
    """Whether the command names a Windows image, isolation, device class, gMSA spec or drive path."""
    if state.positionals and _WINDOWS_IMAGE.search(state.positionals[0].value):
        return True
    flags = state.flags
    isolation = flags.get("isolation")
    if isolation is not None and any(v.lower() in _WINDOWS_ISOLATION for v in isolation.values):
        return True
    devices = flags.get("device")
    if devices is not None and any(v.lower().startswith("class/") for v in devices.values):
        return True  # a device interface class GUID
    opts = flags.get("security-opt")
    if opts is not None and any(v.lower().startswith("credentialspec=") for v in opts.values):
        return True
    for name, drive in _HOST_PATHS:
        given = flags.get(name)
        if given is not None and any(drive.search(value) for value in given.values):
            return True
    return False


def assumes_linux(problem: Finding) -> bool:
    """A finding that holds only when the daemon runs Linux (every daemon finding kx makes)."""
    return problem.stage == "server" or problem.linux
