"""Today's known failures of kx on the corpus, by test id, with their cause (strict xfails).

When a fix makes one pass, pytest reports XPASS(strict) as a failure: delete its entry here.
Causes: scope, templating, environment, folding, extraction-miss, wrapper, engine.
The command lines and what kx says: README.md here and /work/notes/corpus-findings.md.
"""

from __future__ import annotations


def _each(file: str, lines: tuple[int, ...], reason: str, suffix: str = "") -> dict[str, str]:
    """One entry per line of a file: `file:line[suffix]` -> reason."""
    return {f"{file}:{line}{suffix}": reason for line in lines}


_CHEAT = "markdown/wsargent__docker-cheat-sheet__README.md"
_VAGRANT = "markdown/moby__moby__daemon__libnetwork__docs__vagrant.md"
_INDENTED = "extraction-miss: Markdown indented code block not read"

# test_true_error_reported: an expected error kx does not report at its own line.
MISSES: dict[str, str] = {
    **_each(_VAGRANT, (122,), _INDENTED + " (`$ docker run ... --publish-service=...`)",
            ":--publish-service"),
}

# test_no_false_error: a file where kx reports an ERROR where there is none.
FALSE_ERRORS: dict[str, str] = {}

_ADOC = "extraction-miss: AsciiDoc literal/listing block not read"
_DOCKERFILE = "extraction-miss: usage comment in a Dockerfile not read"
_PS1 = "extraction-miss: PowerShell .ps1 script not read"
_PS_FENCE = "extraction-miss: ```powershell / ```ps fence not read"
_NO_PROMPT = "extraction-miss: ```console fence without any prompt: every line taken as output"
_LIST_FENCE = "extraction-miss: fence indented under a list item (ID=$(docker run ...))"
_NP = "markdown/ahmetb__kubernetes-network-policy-recipes__"
_TIDBITS = "markdown/dkmiller__tidbits__20"

# test_command_found: a command kx does not find (or text it wrongly reads as a command).
NOT_FOUND: dict[str, str] = {
    **_each("asciidoc/KNVArch__microservices__api-management.adoc", (7, 8, 12), _ADOC),
    **_each("asciidoc/KNVArch__microservices__service-discovery.adoc", (15, 72), _ADOC),
    **_each("asciidoc/timeseer-ai__kukur__docs__kukur.asciidoc", (365, 413), _ADOC),
    **_each("dockerfile/jessfraz__dockerfiles__chrome__stable/Dockerfile", (3,), _DOCKERFILE),
    **_each("dockerfile/jessfraz__dockerfiles__tor-relay/Dockerfile", (4, 12), _DOCKERFILE),
    **_each("dockerfile/jessfraz__dockerfiles__wee-slack/Dockerfile", (5, 9), _DOCKERFILE),
    **_each("markdown/senthil4321__srkdocker__README.md", (33, 35, 37), _NO_PROMPT),
    **_each("markdown/senthil4321__srkdocker__README.md", (67,),
            "extraction-miss: closing ``` glued to the command line: an unclosed backquote "
            "(KX703 warning) instead of the command"),
    **_each("markdown/sleddog__methods-spring-2023__k8__README.md", (5,),
            "extraction-miss: `> ` console prompt in a fence"),
    **_each("markdown/vijayrajan23__run-time-scripts__nifi-cluster__README.md",
            (68, 78, 93, 117, 175), _INDENTED),
    **_each(f"{_NP}01-deny-all-traffic-to-an-application.md", (20, 24, 55), _INDENTED),
    **_each(_VAGRANT, (55, 122), _INDENTED),
    **_each(f"{_NP}11-deny-egress-traffic-from-an-application.md", (18,), _INDENTED),
    **_each(f"{_TIDBITS}18__2018-07-14_docker-reddit__README.md", (15,), _PS_FENCE),
    **_each(f"{_TIDBITS}20__2020-05-28_python-namespaces__README.md", (6, 14), _PS_FENCE),
    **_each(_CHEAT, (96, 118), _PS_FENCE),
    **_each(_CHEAT, (815, 820), _LIST_FENCE),
    **_each("powershell/Glendeschema__docker__pwshcommands.ps1", (6, 11, 22), _PS1),
    **_each("powershell/mathesonventures__container_devenv__k8s__run.ps1", (21,), _PS1),
    **_each("powershell/dkmiller__tidbits__2018__2018-11-07-spark__sbt.ps1", (5,), _PS1),
    **_each("powershell/dkmiller__tidbits__2020__2020-05-18_streamlit__Run.ps1", (17,), _PS1),
    **_each("shell/rusodavid__chrome-docker__run.sh", (6,),
            "extraction-miss: a whole command commented out in a script"),
}

# test_check_agrees_with_client: kx check disagrees with the real client on the concrete line.
CHECK: dict[str, str] = {}

# test_lint_agrees_with_check: kx lint (on the file) and kx check "TEXT" give different errors.
AGREE: dict[str, str] = {}
