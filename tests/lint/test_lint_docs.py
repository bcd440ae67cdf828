"""kx lint end to end on documents and usage comments: each mistake at its own line and column."""

from __future__ import annotations

from pathlib import Path

from kx.engine.lint import LintOptions, run


def lint(*paths: Path) -> list[tuple[str, int, int, str]]:
    result = run(LintOptions(paths=tuple(str(p) for p in paths), isolated=True))
    return [(Path(d.path).name, d.line, d.column, d.code) for d in result.diagnostics]


README = """# Tool

1. Start it:

\t```bash
\tdocker run -d --restart=allways nginx
\t```

2. Or on Windows:

```powershell
docker run -d --cpus abc nginx
```

    kubectl expose deployment web --port=80 --selecter=app=web

```text
kubectl run      Run a particular image on the cluster
kubectl expose   Take a replication controller, service, deployment or pod and expose it
```
"""

DOCKERFILE = """# Usage:
# docker run --rm -it \\
#   -v $PWD:/src \\
#   --restart=allways \\
#   myimage
# docker run needs the --privileged flag for this image
FROM alpine:3
"""


def test_every_mistake_in_docs_at_its_place(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(README)
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(DOCKERFILE)
    guide = tmp_path / "guide.adoc"
    guide.write_text("[source,console]\n----\n$ kubectl run x --image=nginx --bogus\n----\n")
    index = tmp_path / "index.rst"
    index.write_text("Run::\n\n    docker run --cpus abc nginx\n")
    script = tmp_path / "run.ps1"
    script.write_text("docker run -it --rm `\n  --restart=allways `\n  nginx\n")
    assert lint(readme, dockerfile, guide, index, script) == [
        ("README.md", 6, 26, "KX204"),  # fence indented by a tab in a list item
        ("README.md", 12, 22, "KX201"),  # one-line docker run in a powershell fence
        ("README.md", 15, 45, "KX101"),  # indented code block
        ("Dockerfile", 4, 5, "KX401"),  # usage comment continued over comment lines
        ("Dockerfile", 4, 15, "KX204"),
        ("guide.adoc", 3, 31, "KX101"),
        ("index.rst", 3, 23, "KX201"),
        ("run.ps1", 2, 3, "KX401"),  # backtick continuations
        ("run.ps1", 2, 13, "KX204"),
    ]


def test_directory_walk_lints_the_new_kinds(tmp_path: Path) -> None:
    for name in ("guide.adoc", "index.rst", "run.ps1"):
        (tmp_path / name).write_text("docker run --cpus abc nginx\n")
    assert sorted(name for name, *_ in lint(tmp_path)) == ["run.ps1"]  # the docs need a block
    (tmp_path / "guide.adoc").write_text("----\ndocker run --cpus abc nginx\n----\n")
    (tmp_path / "index.rst").write_text(".. code-block:: sh\n\n   docker run --cpus abc nginx\n")
    assert sorted(name for name, *_ in lint(tmp_path)) == ["guide.adoc", "index.rst", "run.ps1"]


def test_usage_comments_in_a_long_script(tmp_path: Path) -> None:
    """Scripts long enough to be linted on two processes still get their comments read."""
    body = "".join(f"docker run -d --name web{n} -p 80{n % 10}:80 nginx\n" for n in range(2000))
    script = tmp_path / "long.sh"
    script.write_text("#!/bin/sh\n# Usage: docker run --cpus abc img\n" + body + "# docker run --cpus x i\n")
    assert lint(script) == [("long.sh", 2, 28, "KX201"), ("long.sh", 2003, 21, "KX201")]


def test_usage_comments_in_a_long_script_are_judged_as_lint_judges_files(tmp_path: Path) -> None:
    """On two processes too, a usage comment's missing file is not reported (lint never does)."""
    body = "".join(f"docker run -d --name web{n} -p 80{n % 10}:80 nginx\n" for n in range(2000))
    script = tmp_path / "long.sh"
    script.write_text("#!/bin/sh\n" + body + "# docker run --rm --env-file missing.env nginx\n")
    for jobs in (0, 1):  # 0: the long script is shared out between two processes
        result = run(LintOptions(paths=(str(script),), isolated=True, jobs=jobs))
        assert [d.code for d in result.diagnostics] == []


def test_a_noted_continuation_in_a_usage_comment_goes_on(tmp_path: Path) -> None:
    # jessfraz-style usage: `-v ...:ro \ # why` continues the command; the note is not a word
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(
        "# docker run --rm -it \\\n#   -v /etc/localtime:/etc/localtime:ro \\ # for the time\n"
        "#   --cpus abc \\\n#   jess/chrome\nFROM debian\n"
    )
    assert lint(dockerfile) == [("Dockerfile", 3, 12, "KX201")]


WINDOWS_DOC = """# Registry on Windows

```PowerShell
mkdir c:\\registry-data
docker run -d -p 5000:5000 --name registry -v c:\\registry-data:c:\\data --ip 172.24.194.96 registry
```

```shell
docker run --isolation process --device class/5B45201D-F2F2-4F3B-85BB-30FF1F953599 winml-runner
docker run --isolation process --device class/5B45 --pids-limit nope mcr.microsoft.com/windows:1809
```
"""


def test_windows_container_docs_get_no_linux_daemon_findings(tmp_path: Path) -> None:
    # docker/labs windows/registry/part-2.md:123; MicrosoftDocs/Virtualization-Documentation
    # virtualization/windowscontainers/deploy-containers/gpu-acceleration.md:37; the client's own
    # check of --pids-limit still holds on Windows
    (tmp_path / "windows.md").write_text(WINDOWS_DOC)
    assert lint(tmp_path / "windows.md") == [("windows.md", 10, 65, "KX201")]


SESSIONS_DOC = """# Sessions

```sh
kubectl run test-$RANDOM --labels="type=monitoring" --rm -i -t --image=alpine -- sh
If you don't see a command prompt, try pressing enter.
/ # wget -qO- --timeout=2 http://web.default
```

```
CONTAINER ID        IMAGE                               COMMAND                CREATED
f2ff1af05450        samalba/docker-registry:latest      /bin/sh -c 'exec doc   4 months ago
```

```
$ docker exec -it worker-host sh -c "wget manager-host; cat index.html
```

- Create a namespace:
  ```bash
    kubectl create -f- <<EOF
    apiVersion: v1
    kind: Namespace
    EOF
  ```

```
$ sudo cat <<EOF | kubectl create -f -
> apiVersion: v1
> kind: ConfigMap
> EOF
```

```
docker container exec sql-server powershell -Command `
  "Invoke-SqlCmd -Query 'SELECT * FROM Prospects' -Database ProductLaunch"
docker run -d -p 1433:1433 `
 --name sql-server --bogus `
 microsoft/mssql-server-windows-express
```
"""


def test_shell_syntax_in_docs_is_reported_only_in_tool_commands(tmp_path: Path) -> None:
    # Real blocks: ahmetb/kubernetes-network-policy-recipes 07-allow-traffic-from-some-pods-in-
    # another-namespace.md:65 (kubectl's output after the command), collabnix/dockerlabs
    # beginners/components/container-vs-image.md:45 (docker ps output) and workshop/networking/
    # Lab #8 ...OverlayNetwork.md:54 (a quote the doc never closes: a true warning),
    # jpetazzo/container.training slides/k8s/architecture.md:231 (an indented block: its heredoc
    # ends at the indented EOF), dockerlabs kubernetes/beginners/install/ubuntu/18.04/install-k8s.md:363
    # (a heredoc typed at > prompts), docker/labs dockercon-us-2017/windows-modernize-aspnet-dev/
    # README.md:255 and windows/modernize-traditional-apps/modernize-aspnet/part-3.md:15 (PowerShell
    # with backtick continuations in an untagged block; --bogus planted to show it is read)
    (tmp_path / "sessions.md").write_text(SESSIONS_DOC)
    found = [(line, column, code) for _, line, column, code in lint(tmp_path / "sessions.md")]
    # KX303 (info): out-of-scope commands found at their lines, so nothing ate them
    assert found == [
        (15, 37, "KX703"), (20, 13, "KX303"), (27, 28, "KX303"), (34, 8, "KX303"), (37, 20, "KX101")
    ]  # fmt: skip
