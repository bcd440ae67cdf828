"""Read a local file a command names, carefully: directories, devices, pipes and huge files are not read."""

from __future__ import annotations

import os
import stat

MAX_READ = 4 * 1024 * 1024  # a bigger file is not read: its content is not judged


def read_file(path: str) -> bytes | str | None:
    """A regular file's bytes, or why it cannot be read; None when its content is not to be judged.

    Devices, pipes and huge files are not read (``/dev/null`` would pass, ``/dev/stdin`` would block).
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return "it is a directory"
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_READ:
            return None if os.access(path, os.R_OK) else "permission denied"
        with open(path, "rb") as handle:
            return handle.read(MAX_READ + 1)
    except OSError as exc:
        return exc.strerror or str(exc)
