"""Accepted and rejected examples for every docker value checker (kx.check.formats.docker_*)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kx.catalog.model import FlagSpec
from kx.check.formats import load_all
from kx.check.formats.registry import FORMATS, TYPES, ValueContext
from kx.core.findings import Finding
from kx.engine.pipeline import check_command

load_all()


def run(fmt: str, value: str, flag: str = "x") -> list[Finding]:
    ctx = ValueContext("docker", FlagSpec({"name": flag, "type": "string", "format": fmt}))
    checker = TYPES[fmt] if fmt == "bytes" else FORMATS[fmt]
    return checker(value, ctx)


def verdict(problems: list[Finding]) -> str:
    """ok | client | server | warn (the most severe stage reported)."""
    if not problems:
        return "ok"
    if any(p.severity == "warning" for p in problems):
        return "warn"
    return "server" if all(p.stage == "server" for p in problems) else "client"


# format[@flag] value verdict, '|'-separated; '~' stands for a space in a value
CASES = """
port-mapping 80:80 ok | port-mapping 8080:80/TCP ok | port-mapping [::1]:80:80 ok
port-mapping 1.2.3:80:80 client | port-mapping 80:80:80:80 client | port-mapping 70000:80 client
port-mapping 80-81:90-95 client | port-mapping 8000-8010:80 ok | port-mapping 80/foo client
port-mapping 80:80/tcp/x ok | port-mapping published=8080,target=80,mode=host ok
port-mapping published=8080,target=80,mode client | port-mapping = client | port-mapping [::1]:80 client
port-mapping 1.2.3.4:80 client | expose-port 80 ok | expose-port 80/foo ok | expose-port 8000-8010 ok
expose-port 90-80 client | expose-port 80:80 client | expose-port 65536 client | volume /data ok
volume /a:/b:ro,z ok | volume vol:/b ok | volume /a::b client | volume aa:bb:cc:dd client
volume a:b:c:d server | volume relative/path:/x ok | volume /a:/b:bogusmode server | volume /a:ro server
volume data ok | volume ./data:/x ok | volume ~/data:/x ok | volume /a:/ server | volume x:/y ok
volume /a:/b:ro,rw server | volume ab ok | volume /a/../:/b ok | volume /a:/b/.. server
mount type=bind,source=/a,target=/b ok | mount type=volume,target=/b ok | mount type=bind,src=/a client
mount foo=bar,target=/b client | mount type=volume,target=/b,bind-propagation=rprivate client
mount type=tmpfs,target=/t,tmpfs-size=64m ok | mount type=tmpfs,target=/t,tmpfs-size=abc client
mount type=tmpfs,target=/t,tmpfs-mode=999 client | mount type=bind,source=/a,target=/b,readonly=maybe client
mount type=bind,source=/a,target=/b,bind-recursive=readonly client | mount type=bogus,target=/b server
mount type=,target=/b client | mount TYPE=BIND,SRC=/a,DST=/b ok
mount type=bind,source=rel,target=/b server | mount type=volume,target=rel server
mount type=bind,target=/b server | mount type=tmpfs,src=x,target=/t server | device /dev/sda ok
device /dev/sda:rw ok | device /dev/sda:/dev/xvda:rwm ok | device sda client
device /dev/sda:/x:bogus client | device /a:/b:/c:/d client | device :/dev/sda client
device vendor.com/class=name ok | device a/b=c client | device nvidia.com/gpu=all ok | ulimit nofile=1024 ok
ulimit nofile=1024:2048 ok | ulimit nofile client | ulimit as=1 client | ulimit nofile=10:5 client
ulimit nofile=-1:10 client | ulimit nofile=-1 ok | ulimit nofile=10:-1 ok | ulimit nofile=1:2:3 client
ulimit nofile=0x10 client | sysctl net.ipv4.ip_forward=1 ok | sysctl kernel.shmmax=1 ok
sysctl kernel.foo=1 client | sysctl net.core client | sysctl fs.mqueue.msg_max=10 ok
sysctl vm.swappiness=1 client | docker-env A=1 ok | docker-env A ok | docker-env =x client
docker-env A=1,B=2 ok | docker-label a=b ok | docker-label =x client | docker-label a_b=c ok
docker-label a ok | annotation a=b ok | annotation a warn | add-host h:1.2.3.4 ok | add-host h=[::1] ok
add-host h:host-gateway ok | add-host foo client | add-host h:bar client | add-host :1.2.3.4 client
ip-address@dns 8.8.8.8 ok | ip-address@dns abc client | ip-address@dns 1.2.3.04 client
ip-address@dns 0000001::1 client | ip-address@ip bogus server | ip-address@ip 1.2.3.4 ok
ip-address@ip6 1.2.3.4 server | ip-address@ip6 2001:db8::1 ok | ip-address@link-local-ip x server
dns-search example.com ok | dns-search . ok | dns-search 123 client | dns-search -bad.com client
mac-address 02:42:ac:11:00:02 ok | mac-address 0242.ac11.0002 ok | mac-address zz client
mac-address 02:42-ac:11:00:02 client | link db ok | link db:alias ok | link a:b:c client
security-opt no-new-privileges ok | security-opt foo client | security-opt label=disable ok
security-opt label:disable ok | security-opt apparmor= client | security-opt seccomp=unconfined ok
security-opt seccomp=/nonexistent.json ok | security-opt bogus=1 server
security-opt no-new-privileges=maybe server | security-opt systempaths=unconfined ok
storage-opt size=10G ok | storage-opt size client | log-opt max-size=10m ok | log-opt foo warn
restart-policy always ok | restart-policy on-failure:3 ok | restart-policy :3 client
restart-policy on-failure:abc client | restart-policy bogus server | restart-policy always:3 server
restart-policy on-failure:-1 server | restart-policy no:2 server | restart-policy on-failure:+3 ok
pid-mode host ok | pid-mode container:db ok | pid-mode container: client | pid-mode foo client
uts-mode host ok | uts-mode private client | userns-mode host ok | userns-mode keep-id client
cgroupns-mode private ok | cgroupns-mode bogus client | ipc-mode shareable ok | ipc-mode container:x ok
ipc-mode bogus server | attach-stream STDERR ok | attach-stream foo client | device-cgroup-rule c~1:3~mr ok
device-cgroup-rule a~*:*~rwm ok | device-cgroup-rule bad client | gpus all ok | gpus 2 ok | gpus foo client
gpus count=1,count=2 client | gpus all,count=2 client | gpus count=2,all ok | gpus "device=0,1" ok
gpus driver=nvidia,bogus=1 client | gpus options= client | cpus 1.5 ok | cpus 1/2 ok | cpus -1 server
cpus abc client | cpus 0.0000000001 client | cpus 0x10 ok | cpus 1/0 client | cpus 0x1p-2 ok | cpus 1_000 ok
cpus 1e-9 ok | cpus 1e-10 client | bytes 512m ok | bytes 1.5g ok | bytes 1~GiB ok | bytes abc client
bytes 1x client | bytes -1 client | bytes 1_000m ok | bytes 0x10 client | bytes 1e400 client
bytes 1kbb client | bytes inf client | bytes@memory 4m server | bytes@memory 6m ok | bytes@memory 0 ok
bytes@memory-swap -1 ok | memory-swap -1 ok | memory-swap 1g ok | memory-swap -2 client
memory-swappiness 101 client | memory-swappiness -1 ok | memory-swappiness 50 ok
weight-device /dev/sda:500 ok | weight-device sda:500 client | weight-device /dev/sda:5 client
weight-device /dev/sda:0 ok | weight-device /dev/sda client | throttle-bps-device /dev/sda:1mb ok
throttle-bps-device /dev/sda:1xb client | throttle-bps-device /dev/sda:1e30 client
throttle-iops-device /dev/sda:1000 ok | throttle-iops-device /dev/sda:1k client | blkio-weight 500 ok
blkio-weight 0 ok | blkio-weight 5 server | oom-score-adj -1000 ok | oom-score-adj 1001 server
health-duration -1s client | health-duration 5s ok | health-duration -0s ok | health-retries -1 client
health-retries 3 ok | docker-network host ok | docker-network name=mynet,alias=web ok
docker-network name=,alias=x client | docker-network name=n,foo=bar client
docker-network name=n,gw-priority=x client | docker-network name=host,alias=x client
docker-network name=n,mac-address=zz client | docker-network a=b client | platform linux/amd64 ok
platform bogus/x/y/z client | platform amd64 ok | platform bogus client | platform linux/* client
platform macos ok | docker-image nginx ok | docker-image UPPER client | docker-image nginx:bad:tag client
docker-image localhost:5000/app ok | docker-image ghcr.io/Owner/app client
docker-host tcp://1.2.3.4:2375 ok | docker-host unix:///var/run/docker.sock ok | docker-host foo://x client
docker-host ssh://me@host ok | docker-host host:2375 ok | docker-host tcp://host:abc client
docker-host npipe:////./pipe/x client | docker-host ssh:// client | docker-host tcp://[::1] client
log-level debug ok | log-level WARN ok | log-level bogus client
capability NET_ADMIN ok | capability cap_sys_admin ok | capability ALL ok | capability BOGUS server
stop-signal SIGTERM ok | stop-signal kill ok | stop-signal 15 ok | stop-signal 0 server
stop-signal BOGUS server | stop-signal SIGRTMIN+3 ok
cidfile /nonexistent/dir/cid ok
env-file /nonexistent.env ok | label-file /nonexistent ok
"""


def _cases() -> list[tuple[str, str, str, str]]:
    out = []
    for item in CASES.replace("\n", "|").split("|"):
        if item.strip():
            fmt, value, expected = item.split()
            fmt, _, flag = fmt.partition("@")
            out.append((fmt, value.replace("~", " "), expected, flag or "x"))
    return out


@pytest.mark.parametrize(("fmt", "value", "expected", "flag"), _cases())
def test_verdict(fmt: str, value: str, expected: str, flag: str) -> None:
    assert verdict(run(fmt, value, flag)) == expected


def test_every_format_of_the_brief_is_registered() -> None:
    text = """port-mapping expose-port volume mount device ulimit sysctl docker-env docker-label add-host
        ip-address dns-search mac-address security-opt storage-opt log-opt restart-policy docker-network gpus
        link weight-device throttle-bps-device throttle-iops-device device-cgroup-rule cpus memory-swap
        memory-swappiness attach-stream pid-mode uts-mode userns-mode cgroupns-mode docker-image platform
        docker-host log-level annotation cidfile env-file label-file health-duration health-retries"""
    names = text.split()
    assert [name for name in names if name not in FORMATS] == []
    assert "bytes" in TYPES


@pytest.mark.parametrize(
    ("fmt", "value", "suggestion"),
    [
        ("restart-policy", "always:3", "always"),
        ("restart-policy", "Always", "always"),
        ("restart-policy", "on_failure:3", "on-failure:3"),
        ("pid-mode", "HOST", "host"),
        ("ulimit", "NOFILE=1", "nofile=1"),
        ("ulimit", "nofile=10:5", "nofile=5:10"),
        ("port-mapping", "80:80/TCPX", "80:80/tcp"),
        ("docker-image", "Nginx", "nginx"),
        ("docker-label", "a b=c", "ab=c"),
        ("blkio-weight", "5", "10"),
        ("capability", "sysadmin", "SYS_ADMIN"),
    ],
)
def test_suggestions(fmt: str, value: str, suggestion: str | None) -> None:
    problems = run(fmt, value)
    assert problems
    assert problems[0].suggestion == suggestion


def test_stages_and_codes() -> None:
    assert run("restart-policy", "bogus")[0].code == "KX204"
    assert run("docker-image", "UPPER")[0].code == "KX205"
    assert run("attach-stream", "foo")[0].code == "KX202"
    assert run("bytes", "abc")[0].code == "KX201"
    assert run("port-mapping", "abc")[0].code == "KX203"


# The files themselves are judged by the environment pass (kx.check.envchecks), through the engine.
def file_verdict(line: str) -> str:
    diagnostics = check_command(line)
    assert all(d.stage == "environment" for d in diagnostics), diagnostics
    return "client" if any(d.severity == "error" for d in diagnostics) else "ok"


def test_env_file_contents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.env").write_bytes(b"\xef\xbb\xbfA=1\n  # comment\n\nB\r\nC=x y\n")
    (tmp_path / "space.env").write_text("BAD KEY=1\n")
    (tmp_path / "nokey.env").write_text("=nokey\n")
    (tmp_path / "latin1.env").write_bytes(b"A=\xe9\n")
    assert file_verdict("docker run --env-file good.env nginx") == "ok"
    assert file_verdict("docker run --label-file good.env nginx") == "ok"
    for name in ("space.env", "nokey.env", "latin1.env", "missing.env"):
        assert file_verdict(f"docker run --env-file {name} nginx") == "client", name


def test_cidfile_and_seccomp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cid").write_text("x")
    (tmp_path / "profile.json").write_text('{"defaultAction": "SCMP_ACT_ALLOW"}')
    (tmp_path / "bad.json").write_text("{bad}")
    assert file_verdict("docker run --cidfile cid nginx") == "client"
    assert file_verdict("docker run --cidfile new-cid nginx") == "ok"
    assert file_verdict("docker run --cidfile missing-dir/cid nginx") == "client"
    assert file_verdict("docker run --security-opt seccomp=profile.json nginx") == "ok"
    assert file_verdict("docker run --security-opt seccomp=bad.json nginx") == "client"
    assert file_verdict("docker run --security-opt seccomp=/nonexistent.json nginx") == "client"
