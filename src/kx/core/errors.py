"""One-line user errors. ``str()`` of each is the message printed on stderr (exit 2)."""

from __future__ import annotations


class KxError(Exception):
    """Base class: something the user can cause that stops kx from doing its job."""


class SpecError(KxError):
    """A spec file is unreadable, malformed or violates the meta-schema."""


class UsageError(KxError):
    """The command line given to kx itself is wrong."""


class ConfigError(KxError):
    """The kx configuration is invalid."""


class ClientError(KxError):
    """The installed docker/kubectl client is missing or its help could not be read."""
