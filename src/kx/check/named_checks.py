"""Named rule checks that a spec refers to with ``kind: check`` (logic too rich for data).

Each takes the command's effective flags and the rule (for its message and stage) and returns
findings. Checks whose outcome depends on the machine the command will run on (the caller's
terminal, TLS files under the user's home) are registered but find nothing: kx gives the benefit
of the doubt rather than guess. The checks that need kubectl's value checkers are in
``kx.check.formats.kubectl_checks``, which loads with them.
"""

from __future__ import annotations

from kx.check.rules import finding, register_check
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import RuleSpec
    from kx.check.state import CommandState

# Per-network keys of the advanced --network syntax and the legacy flags they clash with.
_PER_NETWORK = {"ip": "ip", "ip6": "ip6", "alias": "network-alias", "mac-address": "mac-address",
                "link-local-ip": "link-local-ip"}  # fmt: skip


def _networks(state: CommandState) -> list[tuple[str, dict[str, str]]] | None:
    found = state.flags.get("network")
    if found is None:
        return []
    if found.dynamic:
        return None
    from kx.check.formats.docker_net import network_entry  # only commands with --network

    out = []
    for value in found.values:
        entry = network_entry(value)
        if entry is None:
            return None  # a value the client refuses: its format check says why
        out.append(entry)
    return out


def _no_network_options(state: CommandState) -> bool:
    """No --network value uses the ``key=value`` syntax (or one is unknown): none sets an option.

    The common ``--network NAME`` then needs no parsing for the per-network checks below.
    """
    found = state.flags.get("network")
    return found is None or found.dynamic or all("=" not in value for value in found.values)


def _user_defined(name: str) -> bool:
    from kx.check.formats.docker_net import is_user_defined  # only commands with --network

    return is_user_defined(name)


@register_check("docker-network-modes", needs=("network",))
def network_modes(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """Each network once; user-defined networks not mixed with host/bridge/none/container."""
    given = state.flags.get("network")
    if given is None or len(given.values) < 2:
        return []
    networks = _networks(state)
    if not networks or len(networks) < 2:
        return []
    names = [name for name, _ in networks]
    for name in names:
        if names.count(name) > 1:
            return [finding(state, rule, "network", f"network {name!r} is given more than once")]
    kinds = {_user_defined(name) for name in names}
    if kinds == {True, False}:  # several built-in modes alone pass the client
        message = "user-defined networks cannot be combined with host, bridge, none or container: modes"
        return [finding(state, rule, "network", message)]
    return []


@register_check("docker-network-alias-user-defined", needs=("network", "network-alias"))
def network_alias(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """Network aliases need a user-defined network (the default bridge is not one)."""
    if "network-alias" not in state.flags and _no_network_options(state):
        return []
    networks = _networks(state)
    if networks is None:
        return []
    aliased = state.is_set("network-alias") is True or any("alias" in f for _, f in networks)
    if not aliased:
        return []
    if networks and all(_user_defined(name) for name, _ in networks):
        return []
    message = rule.message or "network aliases only work on user-defined networks"
    return [finding(state, rule, "network-alias" if "network-alias" in state.flags else "network", message)]


@register_check("docker-per-network-conflicts", needs=("network",))
def per_network(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """A legacy flag (``--ip``) and the same setting inside ``--network name=..,ip=..``."""
    if _no_network_options(state):
        return []
    networks = _networks(state)
    if not networks:
        return []
    found = []
    for key, flag in _PER_NETWORK.items():
        if state.is_set(flag) is True and any(key in fields for _, fields in networks):
            message = f"--{flag} and the {key}= option of --network set the same thing; keep one"
            found.append(finding(state, rule, flag, message))
    return found


@register_check("docker-static-ip-user-network", needs=("network", "ip", "ip6"))
def static_ip(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """A fixed ``--ip``/``--ip6`` (or ``ip=``/``ip6=`` of --network) needs a user-defined network."""
    if "ip" not in state.flags and "ip6" not in state.flags and _no_network_options(state):
        return []
    networks = _networks(state)
    if networks is None:
        return []
    # The legacy flags apply to the first network (the default bridge when none is given).
    first = networks[0][0] if networks else "default"
    flagged = [flag for flag in ("ip", "ip6") if state.is_set(flag) is True]
    if flagged and not _user_defined(first):
        return [_fixed_ip(state, rule, flagged[0], flagged[0], first)]
    for name, fields in networks:
        own = [key for key in ("ip", "ip6") if fields.get(key)]
        if own and not _user_defined(name):
            return [_fixed_ip(state, rule, "network", own[0], name)]
    return []


def _fixed_ip(state: CommandState, rule: RuleSpec, flag: str, key: str, network: str) -> Finding:
    message = f"a fixed {key} address only works on a user-defined network, not {network!r}"
    return finding(state, rule, flag, message, "KX204")


@register_check("docker-single-host", needs=("host",))
def single_host(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """``-H`` may be given once."""
    hosts = state.flags.get("host")
    if hosts is None or len(hosts.values) < 2:
        return []
    return [finding(state, rule, "host", rule.message or "give -H/--host at most once")]


@register_check("positive-duration", needs=("pod-running-timeout",))
def positive_duration(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """``--pod-running-timeout`` must be above zero."""
    value = state.value("pod-running-timeout")
    if value is None or (not value.startswith("-") and state.is_nonzero("pod-running-timeout")):
        return []
    return [finding(state, rule, "pod-running-timeout", rule.message or "must be above zero", "KX201")]


@register_check("command-needs-args", needs=("command",))
def command_needs_args(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """``--command`` without a command after the name does nothing."""
    if state.is_set("command") is not True or len(state.positionals) > 1 or state.has_dynamic_positional():
        return []
    message = rule.message or "--command has no effect without a command"
    word = state.flags["command"].anchor
    return [Finding("KX403", message, word.start, word.end, severity="warning", stage=rule.stage)]


@register_check("docker-tls-files", needs=("tls", "tlsverify"))
def tls_files(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """With --tls or any --tlsverify, the client reads its TLS files before anything else."""
    from kx.check.envdocker import tls_problems

    return tls_problems(state)


@register_check("docker-tty-stdin", needs=())
@register_check("docker-api-socket-endpoint", needs=())
def machine_dependent(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """Depends on the machine that will run the command (terminal, home dir): not judged."""
    return []
