"""A base for small plain records: equality, hash and repr from the fields named in ``__slots__``.

Used instead of dataclasses where start-up time matters: ``import dataclasses`` alone costs about
16 ms (it imports inspect), more than ``kx lint`` spends on a small file.
"""

from __future__ import annotations


class Record:
    """Fields are the subclass's ``__slots__``, set once in its ``__init__``."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"
