"""Engine-level cases for disagreements found by the generated differential set (tests/oracle/generate.py).

Each case is a command line and the (code, stage) pairs of its error diagnostics; the verdicts were
taken from the real clients against the fakes, and the server-stage ones from the daemon's or API
server's validation rules.
"""

from __future__ import annotations

import pytest

from kx.engine.pipeline import check_command

SERVER, CLIENT = "server", "client"
EXTERNAL_NAME = '{"spec":{"externalName":"a.b"}}'

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # A client-side dry run creates nothing: checks of the new object are not reached.
    ("kubectl run X_Y --image=nginx --dry-run=client -o yaml", []),
    ("kubectl run X_Y --image=nginx --dry-run=true", []),
    ("kubectl run X_Y --image=nginx --dry-run", []),
    ("kubectl run X_Y --image=nginx --dry-run=$MODE", []),
    ("kubectl run X_Y --image=nginx --dry-run=server", [("KX207", SERVER)]),
    ("kubectl run X_Y --image=nginx --dry-run=false", [("KX207", SERVER)]),
    ("kubectl run web --image=nginx -l a!=b --dry-run=client", []),
    ("kubectl run web --image=nginx -n Bad_NS --dry-run=client", []),
    ("kubectl expose deploy nginx --port=70000 --dry-run=client", []),
    ("kubectl expose deploy nginx --port=70000", [("KX204", SERVER)]),
    # ... but kubectl expose still fetches the object, so its name and namespace still count.
    ("kubectl expose deploy My_App --port=80 --dry-run=client", [("KX207", SERVER)]),
    ("kubectl expose deploy nginx --port=80 -n Bad_NS --dry-run=client", [("KX207", SERVER)]),
    # An empty string value is the same as not giving the flag.
    ("kubectl run web --image=nginx --as='' --as-uid=1", [("KX402", CLIENT)]),
    ("kubectl run web --image=nginx --as-uid=''", []),
    ("kubectl run web --image=nginx --as-group=''", [("KX402", CLIENT)]),
    ("kubectl run web --image=nginx --token='' --username=u", []),
    ("kubectl run web --image=nginx --token=t --username=u", [("KX401", CLIENT)]),
    ("kubectl run web --image=nginx --port='' --expose", [("KX402", CLIENT)]),
    ("kubectl expose -f '' --port=80", [("KX301", CLIENT)]),
    # Empty NAME, --env and --annotations entries.
    ("kubectl run '' --image=nginx --dry-run=client", [("KX207", CLIENT)]),
    ("kubectl run --cascade '' web --image=nginx", [("KX207", CLIENT)]),
    ("kubectl run web --image=nginx --env '' --annotations ''", []),
    # run --expose names the Service after the pod.
    ("kubectl run 1web --image=nginx --port=80 --expose", [("KX207", SERVER)]),
    ("kubectl run web1 --image=nginx --port=80 --expose", []),
    # Service fields checked together by the API server.
    ("kubectl expose deployment nginx --port=80 --type=NodePort --cluster-ip=None", [("KX204", SERVER)]),
    ("kubectl expose deployment nginx --port=80 --cluster-ip=None", []),
    ("kubectl expose deployment nginx --port=80 --type=ExternalName", [("KX204", SERVER)]),
    (f"kubectl expose deployment nginx --type=ExternalName --overrides='{EXTERNAL_NAME}'", []),
    ("kubectl expose deployment nginx --port=80 --cluster-ip=none", [("KX204", SERVER)]),
    ("kubectl expose deployment nginx --port=80 --cluster-ip=10.96.0.10", []),
    ("kubectl expose deployment nginx --port=80 --external-ip=1.2.3.4,5.6.7.8", [("KX204", SERVER)]),
    ("kubectl expose deployment nginx --port=80 --external-ip=::1", [("KX204", SERVER)]),
    ("kubectl expose deployment nginx --port=80 --external-ip=203.0.113.7", []),
    # docker: daemon checks wired into the run spec.
    ("docker run --cap-add BOGUS nginx", [("KX204", SERVER)]),
    ("docker run --cap-drop '' nginx", [("KX204", SERVER)]),
    ("docker run --cap-add net_admin --cap-drop ALL nginx", []),
    ("docker run --stop-signal 0 nginx", [("KX204", SERVER)]),
    ("docker run --stop-signal sigusr1 nginx", []),
    ("docker run --blkio-weight 5 nginx", [("KX204", SERVER)]),
    ("docker run --blkio-weight 0 nginx", []),
    ("docker run --annotation =x nginx", [("KX204", SERVER)]),
    ("docker run --annotation a=x nginx", []),
    ("docker run --cpuset-cpus 3-1 nginx", [("KX204", SERVER)]),
    ("docker run --cpuset-cpus +1,0-3 nginx", []),
    # A fixed address needs a user-defined network.
    ("docker run --ip 172.17.0.50 nginx", [("KX204", SERVER)]),
    ("docker run --network host --ip6 2001:db8::1 nginx", [("KX204", SERVER)]),
    ("docker run --network name=bridge,ip=10.0.0.2 nginx", [("KX204", SERVER)]),
    ("docker run --network mynet --ip 10.0.0.2 nginx", []),
    ("docker run --ip '' nginx", []),
    # -v: a one-part spec is an anonymous volume the daemon does not parse; a leading ~ is the shell's.
    ("docker run -v a:/b nginx", []),
    ("docker run -v vol nginx", []),
    ("docker run -v a:/b:ro nginx", [("KX204", SERVER)]),
    ("docker run -v ~/.aws:/root/.aws -w ~/app nginx", []),
    ("docker run -v /a:b nginx", [("KX204", SERVER)]),
    # go-template: functions and variables are resolved when the template is parsed.
    ("kubectl run web --image=nginx -o 'go-template={{ toYaml .x }}'", [("KX203", CLIENT)]),
    ("kubectl run web --image=nginx -o 'go-template={{$y}}'", [("KX203", CLIENT)]),
    ("kubectl run web --image=nginx -o 'go-template={{$x := 1}}{{$x | printf \"%d\"}}'", []),
    ("kubectl run web --image=nginx -o 'go-template={{.x | base64decode}}{{1e3}}{{0x1F}}'", []),
    ("kubectl expose deployment nginx --port=80 --external-ip=224.0.0.1", [("KX204", SERVER)]),
    # Several networks: the client refuses only a mix of user-defined and built-in modes.
    ("docker run --net host --network=bridge nginx", []),
    ("docker run --network container:db --network none nginx", []),
    ("docker run --network host --network mynet nginx", [("KX401", CLIENT)]),
    ("docker run --network mynet --network other nginx", []),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_errors(line: str, expected: list[tuple[str, str]]) -> None:
    found = [(d.code, d.stage) for d in check_command(line) if d.severity == "error"]
    assert found == expected
