"""Commands written for a Docker daemon on Windows get none of kx's Linux-daemon findings.

The lines come from Windows container docs (MicrosoftDocs/Virtualization-Documentation, docker/labs
windows/, collabnix/dockerlabs); all of them run where they are meant to.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kx.engine.pipeline import check_command

WINDOWS = [
    # virtualization/windowscontainers/deploy-containers/gpu-acceleration.md:37
    "docker run --isolation process --device class/5B45201D-F2F2-4F3B-85BB-30FF1F953599 "
    "mcr.microsoft.com/windows:1809",
    # windows-container-samples/directx/readme.md:58 (a local image: the isolation and device say it)
    "docker run --isolation process --device class/5B45201D-F2F2-4F3B-85BB-30FF1F953599 winml-runner",
    # deploy-containers/hardware-devices-in-containers.md:36
    'docker run --isolation=process --device="class/{interface class GUID}" '
    "mcr.microsoft.com/windows/servercore:1809",
    # manage-containers/hyperv-container.md:62
    "docker run -it --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2019 cmd",
    # manage-containers/gmsa-run-container.md:18
    'docker run --security-opt "credentialspec=file://contoso_webapp01.json" --hostname webapp01 -it '
    "mcr.microsoft.com/windows/server:ltsc2022 powershell",
    # windows-server-container-tools/ServiceAccounts/old-deployment-steps.md:133 (image built locally)
    'docker run -p 80:80 -h WebApplication1 --security-opt "credentialspec=file://WebApplication1.json" '
    "-it musicstore-iis cmd",
    # manage-containers/persistent-storage.md:70
    r"docker run -it --name demo -v 'g:\ContainerData:c:\AppData1' "
    "mcr.microsoft.com/windows/servercore:ltsc2019",
    # windows-container-samples/iis-arr/Dockerfile:36 (usage comment)
    "docker run -d -v C:/temp/:C:/temp/ --link web1:web1 -p 80:80 knom/iis-arr",
    # collabnix/dockerlabs cheatsheet/README.md:33 (Docker Desktop on Windows: a drive path)
    "docker run -itd -p 8040:80 -m 1GB --name nginx2 -v c:/html:/usr/share/nginx/html:ro nginx:v2",
    # docker/labs windows/registry/part-2.md:123
    r"docker run -d -p 5000:5000 --name registry -v 'c:\registry-data:c:\data' --ip 172.24.194.96 registry",
    # a Windows-only flag on a Windows image
    "docker run --cpu-count 2 mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd",
]

LINUX = [
    ("docker run --isolation bogus nginx", "KX204"),  # no daemon takes it (process/hyperv: Windows)
    ("docker run --device foo nginx", "KX203"),
    ("docker run -v data/x:/x nginx", "KX204"),
    ("docker run -v a:/b:ro nginx", "KX204"),  # a volume 'a' (too short a name), not a drive
    ("docker run --cpu-count 2 nginx", "KX109"),
    ("docker run --ip 10.0.0.2 nginx", "KX204"),
    ("docker run --pids-limit nope mcr.microsoft.com/windows:1809", "KX201"),  # the client's own
]


@pytest.mark.parametrize("line", WINDOWS)
def test_windows_commands_get_no_linux_daemon_finding(line: str) -> None:
    assert [d.code for d in check_command(line) if d.is_error] == []


@pytest.mark.parametrize(("line", "code"), LINUX)
def test_linux_daemon_findings_stay(line: str, code: str) -> None:
    assert code in [d.code for d in check_command(line) if d.is_error]


@pytest.mark.skipif(shutil.which("docker") is None, reason="docker client not installed")
def test_the_client_asks_the_daemon_os_before_checking_a_device() -> None:
    """With no daemon to ask, the client cannot check a device path: it depends on the daemon's OS."""
    docker = shutil.which("docker") or "docker"
    done = subprocess.run([docker, "run", "--device", "class/5B45", "x"], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "DOCKER_HOST": "unix:///nonexistent.sock"},
                          check=False)  # fmt: skip
    assert "unknown server OS" in done.stderr
