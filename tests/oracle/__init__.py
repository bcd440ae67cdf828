"""Test support: label command lines with the verdicts of the real docker and kubectl clients.

The clients run against fake servers on loopback (`fake_docker`, `fake_kube`) so that a line the
client accepts gets past the connection step and ends at the fake, while a line the client rejects
ends with the client's own error. `clients` runs them; `label` and `compare` are the entry points.
"""
