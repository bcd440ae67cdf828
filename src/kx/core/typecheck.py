"""Type-checking shim: lets hot-path modules name types without importing ``typing`` at run time.

``typing`` costs several milliseconds to import, which matters for ``kx check`` whose whole
start-up budget is a few tens of milliseconds. mypy treats any name ``TYPE_CHECKING`` as true.
"""

TYPE_CHECKING = False
