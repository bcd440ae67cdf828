"""One-line user errors. ``str()`` of each is the message printed on stderr (exit 2)."""

from __future__ import annotations


class KxError(Exception):
    """Base class: something the user can cause that stops kx from doing its job."""

    def __str__(self) -> str:
        """The message, on one line."""
        return one_line(super().__str__())


def one_line(text: str) -> str:
    """``text`` with newlines and other control characters (in a path or word given by the user) escaped."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class SpecError(KxError):
    """A spec file is unreadable, malformed or violates the meta-schema."""


class UsageError(KxError):
    """The command line given to kx itself is wrong."""


class ConfigError(KxError):
    """The kx configuration is invalid."""


class ClientError(KxError):
    """The installed docker/kubectl client is missing or its help could not be read."""
