"""``kx docker-run --format yaml|json``: the create request, compared with what the real docker sends."""

from __future__ import annotations

import json
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from tests.builder.docker_oracle import DockerOracle, docker_oracle, normalized, preview

from kx.builder.runner import build_main
from kx.builder.streams import Streams
from kx.engine.pipeline import check_argv

ENV_FILE = "# comment\n\nFROM_FILE=1\n  INDENTED=two words \nKX_PREVIEW_SET\nKX_PREVIEW_UNSET\nA=file\n"
PROXIES = '{"proxies": {"default": {"httpProxy": "http://proxy:3128", "noProxy": "localhost,.local"}}}'
LABEL_FILE = "team=web\nbare\n# note\n  owner=me \n"
SECCOMP = (
    '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n'
    '  "syscalls": [ {"names": ["chmod"], "action": "SCMP_ACT_ERRNO"} ]\n}\n'
)

LINES = [
    "nginx",
    "nginx:1.27 nginx -g 'daemon off;'",
    "--name web nginx",
    "-d --name web -p 8080:80 nginx",
    "-it --rm alpine sh",
    "-i alpine cat",
    "-t alpine",
    "-a stdout alpine echo hi",
    "-a STDIN -a stderr -i alpine",
    "-d -i -t alpine",
    "--rm alpine",
    "--platform linux/arm64 alpine",
    "--platform linux/arm/v7 alpine",
    "--platform linux/arm alpine",
    "--platform arm64 alpine",
    "--platform linux/aarch64/v8 alpine",
    "--platform Linux/X86_64 alpine",
    "--platform linux alpine",
    "--entrypoint /bin/sh alpine -c 'echo hi'",
    "--entrypoint= alpine",
    "-w /app -u 1000:1000 -h box --domainname example.com alpine",
    "--workdir=/srv --user nobody alpine",
    "-e A=1 -e B= -e 'C=two words' alpine",
    "-e A=1 -e A=2 alpine",
    "-e KX_PREVIEW_SET -e KX_PREVIEW_UNSET alpine",
    "--env-file env.list alpine",
    "--env-file ./env.list -e A=flag alpine",
    "-l a=1 -l b -l 'c=x y' alpine",
    "--label-file labels.txt -l team=db alpine",
    "-p 80 nginx",
    "-p 8080:80 -p 8443:443/tcp nginx",
    "-p 127.0.0.1:8080:80 -p '[::1]:8081:80' nginx",
    "-p 53:53/udp -p 53:53/tcp nginx",
    "-p 8000-8002:9000-9002 nginx",
    "-p 8000-8010:80 nginx",
    "-p 127.0.0.1::80 nginx",
    "-p published=8080,target=80 -p target=53,protocol=udp nginx",
    "-P --expose 80 --expose 7000-7002/udp nginx",
    "--expose 80 -p 80:80 nginx",
    "-v /data nginx",
    "-v data:/data -v /srv:/srv:ro nginx",
    "-v ./html:/usr/share/nginx/html -v .:/work:rw nginx",
    "-v data:/a -v data:/a -v /b nginx",
    "--mount type=bind,source=/srv,target=/srv,readonly nginx",
    "--mount type=volume,src=data,dst=/data,volume-nocopy,volume-label=a=b,volume-driver=local nginx",
    "--mount type=volume,target=/data,volume-opt=type=nfs,volume-opt=device=:/x,volume-subpath=sub nginx",
    "--mount type=tmpfs,target=/tmp,tmpfs-size=64m,tmpfs-mode=1770 nginx",
    "--mount type=bind,src=.,dst=/w,bind-propagation=rshared nginx",
    "--mount type=bind,src=/x,dst=/x,ro,bind-recursive=readonly,bind-propagation=rprivate nginx",
    "--mount type=bind,src=/x,dst=/x,bind-recursive=disabled nginx",
    "--mount type=image,source=busybox,target=/img,image-subpath=bin nginx",
    "--mount target=/anon nginx",
    "--tmpfs /run --tmpfs /tmp:rw,size=64m nginx",
    "--restart always nginx",
    "--restart on-failure:5 nginx",
    "--restart unless-stopped nginx",
    "--restart=no nginx",
    "-m 512m --memory-reservation 256m --memory-swap 1g nginx",
    "-m 1.5g --memory-swap -1 --memory-swappiness 10 nginx",
    "--kernel-memory 64m --shm-size 128m nginx",
    "--cpus 1.5 --cpu-shares 512 nginx",
    "--cpus 0.000000001 nginx",
    "--cpu-period 100000 --cpu-quota 50000 --cpuset-cpus 0-2 --cpuset-mems 0 nginx",
    "--cpu-rt-period 1000 --cpu-rt-runtime 500 nginx",
    "--pids-limit 100 --oom-kill-disable --oom-score-adj 500 nginx",
    "--pids-limit -1 nginx",
    "--cpu-shares 017 --oom-score-adj=-0x10 --pids-limit 1_000 --blkio-weight 0o20 nginx",
    "--blkio-weight 300 --blkio-weight-device /dev/sda:200 nginx",
    "--device-read-bps /dev/sda:1mb --device-write-bps /dev/sda:10m nginx",
    "--device-read-iops /dev/sda:1000 --device-write-iops /dev/sdb:20 nginx",
    "--ulimit nofile=1024:2048 --ulimit nproc=100 --ulimit core=-1 nginx",
    "--ulimit nofile=10:20 --ulimit nofile=30:40 nginx",
    "--device /dev/fuse --device /dev/sda:/dev/xvda:r --device /dev/null:rw nginx",
    "--device vendor.com/gpu=all nginx",
    "--device-cgroup-rule 'c 1:3 mr' --device-cgroup-rule 'a *:* rwm' nginx",
    "--gpus all nginx",
    "--gpus 2 nginx",
    "--gpus device=0,1 nginx",
    "--gpus '\"device=1,2\",capabilities=compute' nginx",
    "--gpus driver=nvidia,count=1,options=a=b nginx",
    "--sysctl net.ipv4.ip_forward=1 --sysctl kernel.shmmax=1000 nginx",
    "--cap-add net_admin --cap-add SYS_TIME --cap-drop all nginx",
    "--cap-add CAP_CHOWN --cap-add chown nginx",
    "--privileged nginx",
    "--security-opt no-new-privileges --security-opt apparmor=unconfined nginx",
    "--security-opt label:disable --security-opt seccomp=unconfined nginx",
    "--security-opt seccomp=profile.json nginx",
    "--security-opt systempaths=unconfined nginx",
    "--read-only --init nginx",
    "--init=false nginx",
    "--log-driver json-file --log-opt max-size=10m --log-opt max-file=3 nginx",
    "--log-driver syslog nginx",
    "--storage-opt size=10G nginx",
    "--health-cmd 'curl -f http://localhost/' --health-interval 30s --health-timeout 5s nginx",
    "--health-retries 3 --health-start-period 1m --health-start-interval 2s nginx",
    "--no-healthcheck nginx",
    "--stop-signal SIGTERM --stop-timeout 20 nginx",
    "--stop-timeout 0 nginx",
    "--network host nginx",
    "--network none nginx",
    "--net mynet nginx",
    "--network mynet --ip 172.20.0.5 --network-alias web --network-alias www nginx",
    "--network mynet --ip6 2001:db8::33 --link-local-ip 169.254.1.1 nginx",
    "--network name=mynet,alias=a1,alias=a2,driver-opt=com.x=Y nginx",
    "--network name=front,gw-priority=10 --network back nginx",
    "--network mynet --mac-address 92:d0:c6:0a:29:33 nginx",
    "--mac-address 92:d0:c6:0a:29:33 nginx",
    "--network mynet --link db:db nginx",
    "--link db nginx",
    "--network container:other nginx",
    "--dns 8.8.8.8 --dns ::ffff:1.2.3.4 --dns 2001:0db8::0001 nginx",
    "--dns-search example.com. --dns-search . --dns-option ndots:2 --dns-opt use-vc nginx",
    "--add-host db:10.0.0.2 --add-host 'ip6=[::1]' --add-host gw:host-gateway nginx",
    "--volumes-from data --volumes-from other:ro nginx",
    "--ipc host --pid host --uts host --userns host --cgroupns private nginx",
    "--ipc shareable --pid container:x nginx",
    "--cgroup-parent /kx --runtime runc --isolation default nginx",
    "--group-add audio --group-add 100 nginx",
    "--volume-driver local nginx",
    "--annotation a=b --annotation c nginx",
    "--cidfile cid.txt nginx",
    "--pull never --quiet --sig-proxy=false --detach-keys ctrl-x nginx",
    "--disable-content-trust nginx",
    "-e HTTP_PROXY=http://mine:80 -e no_proxy alpine",
    "-e 'X=a=b' -l 'k=v=w' -it --name t1 -p 1:1 -v /a:/b --memory 6m --cpus 2 busybox:latest sh -c 'id'",
]


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    """The client's working directory: the env, label and seccomp files the lines name."""
    path = Path(tempfile.mkdtemp(prefix="kx-docker-preview-"))
    (path / "env.list").write_text(ENV_FILE)
    (path / "labels.txt").write_text(LABEL_FILE)
    (path / "profile.json").write_text(SECCOMP)
    (path / "home" / ".docker").mkdir(parents=True)
    (path / "home" / ".docker" / "config.json").write_text(PROXIES)
    yield path
    shutil.rmtree(path, ignore_errors=True)


Sent = dict[str, tuple[dict[str, Any] | None, str]]


@pytest.fixture(scope="module")
def oracle(workdir: Path) -> Iterator[DockerOracle]:
    """The fake daemon, with ``KX_PREVIEW_SET`` set and ``KX_PREVIEW_UNSET`` unset."""
    if shutil.which("docker") is None:
        pytest.skip("docker not installed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KX_PREVIEW_SET", "from the environment")
        patch.delenv("KX_PREVIEW_UNSET", raising=False)
        with docker_oracle(str(workdir / "home"), str(workdir)) as running:
            yield running


@pytest.fixture(scope="module")
def sent(oracle: DockerOracle) -> Sent:
    """What the real docker sent for each line (None and its stderr when nothing was sent)."""
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(oracle.request, [shlex.split(line) for line in LINES]))
    return dict(zip(LINES, results, strict=True))


@pytest.mark.parametrize("line", LINES)
def test_preview_is_the_request_docker_sends(line: str, sent: Sent, oracle: DockerOracle) -> None:
    request, err = sent[line]
    assert request is not None, f"docker sent no create request: {err}"
    assert normalized(preview(line, oracle)) == normalized(request)


def test_the_lines_ran_with_proxies_configured(sent: Sent) -> None:
    request, _ = sent["nginx"]
    assert request is not None
    assert {"HTTP_PROXY=http://proxy:3128", "no_proxy=localhost,.local"} <= set(request["body"]["Env"])


@pytest.mark.parametrize("line", ["alpine", "--platform linux/amd64 alpine", "--platform= alpine"])
def test_docker_default_platform_is_the_platform_default(line: str, oracle: DockerOracle) -> None:
    env = {"DOCKER_DEFAULT_PLATFORM": "linux/arm/v6"}
    request, err = oracle.request(shlex.split(line), env)
    assert request is not None, err
    assert normalized(preview(line, oracle, env)) == normalized(request)


def test_every_line_is_valid_for_kx(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    for line in LINES:
        text, diagnostics = check_argv(["docker", "run", *shlex.split(line)])
        assert not [d for d in diagnostics if d.is_error], (line, text)


def run_kx(args: list[str]) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = build_main(("docker", "run"), args, check_argv, Streams(io.StringIO(), out, err))
    return code, out.getvalue(), err.getvalue()


def test_json_and_yaml_formats_print_the_request() -> None:
    code, out, err = run_kx(["--format", "json", "-p", "8080:80", "--name", "web", "nginx"])
    assert (code, err) == (0, "")
    request = json.loads(out)
    assert request["query"] == {"name": "web"}
    assert request["body"]["HostConfig"]["PortBindings"] == {"80/tcp": [{"HostPort": "8080"}]}
    code, out, err = run_kx(["--format=yaml", "-p", "8080:80", "--name", "web", "nginx"])
    assert (code, err) == (0, "")
    assert "query:\n  name: web\n" in out and '      - HostPort: "8080"\n' in out


def test_an_invalid_line_prints_no_request() -> None:
    code, out, err = run_kx(["--format", "json", "-p", "99999:80", "nginx"])
    assert (code, out) == (1, "")
    assert "KX203" in err


# The daemon refuses these, but only after the client has sent its create request.
DAEMON_REFUSES = ["--memory 4m nginx", "--name w nginx", "--ipc=bogus nginx", "--oom-score-adj 2000 nginx"]


@pytest.mark.parametrize("line", DAEMON_REFUSES)
def test_a_daemon_side_error_still_prints_the_request_sent(line: str, oracle: DockerOracle) -> None:
    request, err = oracle.request(shlex.split(line))
    assert request is not None, f"docker sent no create request: {err}"
    code, out, kx_err = run_kx(["--format", "json", *shlex.split(line)])
    assert code == 1 and "[server]" in kx_err, kx_err
    assert normalized(preview(line, oracle)) == normalized(request)
    printed = normalized(json.loads(out))  # printed with this process's environment: no proxies
    assert printed["body"].pop("Env", None) is None
    expected = normalized(request)
    expected["body"].pop("Env", None)
    assert printed == expected
    assert run_kx(shlex.split(line))[:2] == (1, "")  # the plain command is still refused
