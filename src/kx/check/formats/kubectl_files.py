"""Values that name local files or client configuration entries (kubectl's, and docker --context).

Their values are free text to the client's flag parser; what they name (a file, a context) is
judged by the environment pass, ``kx.check.envchecks``, which knows where the command runs.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext
    from kx.core.findings import Finding


@register_format("kube-local-file")
@register_format("kube-context")
@register_format("kube-cluster")
@register_format("kube-user")
@register_format("docker-context")
@register_format("kustomize-dir")
def check_local_name(value: str, ctx: ValueContext) -> list[Finding]:
    """A kubeconfig, CA, certificate or key file, or a kubeconfig entry: any text parses."""
    return []
