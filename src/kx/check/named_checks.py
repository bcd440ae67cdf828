"""Named rule checks that a spec refers to with ``kind: check`` (logic too rich for data)."""

from __future__ import annotations
