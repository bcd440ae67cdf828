"""--overrides values of the wrong JSON type for the Pod or Service kubectl builds.

Verdicts taken from kubectl 1.32 against the fake API server (tests/oracle): the client decodes
the merged object and fails on a field of the wrong type, before creating anything.
"""

from __future__ import annotations

import pytest

from kx.check.formats.kube_override_types import override_type_problem
from kx.core.gorules.json import Number, read
from kx.engine.pipeline import check_command

RUN = "kubectl run web --image=nginx --overrides='{}'"
EXPOSE = "kubectl expose deploy/nginx --port=80 --overrides='{}'"
C = '{"spec":{"containers":[{"name":"web","image":"nginx",%s}]}}'

REJECTED = [
    (RUN, '{"spec":[]}'), (RUN, '{"metadata":{"labels":{"a":1}}}'), (RUN, '{"spec":{"hostNetwork":"true"}}'),
    (RUN, '{"spec":{"nodeSelector":"ssd"}}'), (RUN, '{"spec":{"terminationGracePeriodSeconds":"30"}}'),
    (RUN, '{"spec":{"terminationGracePeriodSeconds":30.5}}'), (RUN, '{"spec":{"priority":3000000000}}'),
    (RUN, '{"spec":{"securityContext":{"supplementalGroups":[1,"2"]}}}'), (RUN, '{"spec":{"containers":{}}}'),
    (RUN, C % '"command":"sh"'), (RUN, C % '"ports":[{"containerPort":"80"}]'),
    (RUN, C % '"resources":{"limits":{"cpu":"bogus"}}'), (RUN, C % '"resources":{"limits":{"cpu":""}}'),
    (RUN, C % '"resources":{"limits":{"cpu":true}}'), (RUN, '{"apiVersion":"v2"}'), (RUN, '{"status":"x"}'),
    (EXPOSE, '{"spec":{"ports":[{"port":80,"targetPort":80.5}]}}'),
    (EXPOSE, '{"spec":{"ports":[{"port":80,"targetPort":true}]}}'),
    (EXPOSE, '{"spec":{"externalIPs":"1.2.3.4"}}'),
    (EXPOSE, '{"spec":{"publishNotReadyAddresses":"true"}}'),
]  # fmt: skip
ACCEPTED = [
    (RUN, '{"spec":null}'), (RUN, '{"spec":{"hostNetwork":true}}'), (RUN, '{"spec":{"HostNetwork":"yes"}}'),
    (RUN, '{"spec":{"terminationGracePeriodSeconds":-5}}'), (RUN, '{"spec":{"unknown":[1,2]}}'),
    (RUN, C % '"resources":{"limits":{"cpu":1,"memory":"1.5Gi"}}'),
    (RUN, C % '"ports":[{"containerPort":80}]'),
    (RUN, '{"apiVersion":"v1","metadata":{"labels":{"a":"1"}}}'),
    (EXPOSE, '{"spec":{"ports":[{"port":80,"targetPort":"http"}]}}'),
    (EXPOSE, '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'),
    (EXPOSE, '{"spec":{"externalName":"db.example.com"}}'),
]  # fmt: skip


def _line(template: str, overrides: str) -> str:
    return template.replace("{}", overrides)


@pytest.mark.parametrize(("template", "overrides"), REJECTED)
def test_wrong_field_types_are_client_errors(template: str, overrides: str) -> None:
    found = [(d.code, d.stage) for d in check_command(_line(template, overrides)) if d.severity == "error"]
    assert found == [("KX203", "client")]


@pytest.mark.parametrize(("template", "overrides"), ACCEPTED)
def test_fitting_or_unknown_fields_pass(template: str, overrides: str) -> None:
    assert [d for d in check_command(_line(template, overrides)) if d.severity == "error"] == []


def test_json_patch_without_value_at_unknown_path_passes() -> None:
    line = 'kubectl run web --image=nginx --override-type=json --overrides=\'[{"op":"add","path":"/a"}]\''
    assert [d for d in check_command(line) if d.severity == "error"] == []


def test_the_reader_keeps_number_literals_and_escapes() -> None:
    value = read(' {"a": [1.0, -2, 1e3, "x\\u0041\\n"], "b": {"c": null, "d": true}, "a2": false} ')
    assert value == {"a": ["1.0", "-2", "1e3", "xA\n"], "b": {"c": None, "d": True}, "a2": False}
    assert isinstance(value, dict) and isinstance(value["a"], list) and isinstance(value["a"][0], Number)


def test_message_names_the_field() -> None:
    why = override_type_problem(read('{"spec":{"containers":[{"ports":[{"containerPort":"80"}]}]}}'), "run")
    assert why is not None and "spec.containers[0].ports[0].containerPort" in why


JSON_PATCH = "kubectl run web --image=nginx --override-type=json --overrides='{}'"


@pytest.mark.parametrize(
    ("patch", "bad"),
    [
        ("[1]", True),
        ('[{"path":"/spec/hostNetwork","value":true}]', True),
        ('[{"op":"ADD","path":"/spec/hostNetwork","value":true}]', True),
        ("[null]", True),
        ('[{"op":"add","path":"/spec/hostNetwork","value":"true"}]', True),
        ('[{"op":"replace","path":"/spec/containers/0/ports","value":{}}]', True),
        ("[]", False),
        ('[{"op":"add","path":"/spec/hostNetwork","value":true}]', False),
        ('[{"op":"replace","path":"/spec/containers/0/image","value":"redis"}]', False),
        ('[{"op":"copy","from":"/metadata/name","path":"/metadata/labels/x"}]', False),
        ('[{"op":"add","path":"/metadata/labels/a~1b","value":"x"}]', False),
        ('[{"op":"add","path":"/spec/unknown","value":"x"}]', False),
    ],
)
def test_json_patch_ops_and_values(patch: str, bad: bool) -> None:
    found = [d.code for d in check_command(JSON_PATCH.replace("{}", patch)) if d.severity == "error"]
    assert found == (["KX203"] if bad else [])


NULL_PATCHES = [
    ("json", "null"), ("strategic", "null"), ("merge", "null"),
    ("json", "{}"), ("merge", "[]"), ("json", "[]"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "overrides"), NULL_PATCHES)
def test_patch_shapes_agree_with_kubectl(kind: str, overrides: str) -> None:
    """A null json or strategic patch applies nothing (kubectl accepts it); kx says what kubectl says."""
    import shutil

    from tests.builder.kubectl_oracle import kubectl_oracle

    if shutil.which("kubectl") is None:
        pytest.skip("kubectl not installed")
    args = ["run", "web", "--image=nginx", f"--override-type={kind}", f"--overrides={overrides}"]
    with kubectl_oracle() as oracle:
        accepted = oracle.dry_run(args, "name").returncode == 0
    line = f"kubectl run web --image=nginx --override-type={kind} --overrides='{overrides}'"
    errors = [d.code for d in check_command(line) if d.severity == "error"]
    assert (errors == []) == accepted, errors
