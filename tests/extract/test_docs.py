"""Commands in documents: Markdown blocks, console prompts, AsciiDoc, rST, PowerShell, comments."""

from __future__ import annotations

from kx.extract import extract
from kx.extract.filetypes import detect
from kx.parse.span import LineIndex

TAB_LIST = """# Setup

1. Pull the image:

\t```bash
\tdocker run -d --name web -p 8080:80 nginx:1.25
\t```

2. Expose it:
   ```console
   $ kubectl expose deployment web --port=80 --type=NodePort
   service/web exposed
   ```

- Item with a tilde fence:

  ~~~sh
  kubectl run tmp --image=busybox --restart=Never -- sleep 1
  ~~~

> ```shell
> docker run --rm alpine:3 true
> ```
"""

INDENTED = """Run it:

    docker run -it --rm -p 5000:5000 registry:2

A list:

* Step one, then a paragraph in the item:

    docker run this is not code but a paragraph of the item

* Code inside the item:

        kubectl run probe --image=busybox -- true

Text
    docker run continues the paragraph and is not code
"""

CONSOLE = """```console
# docker run --rm -v /srv:/srv busybox ls /srv
bin
$ kubectl run x --image=nginx \\
> --restart=Never
pod/x created
```

```sh
# docker run is how you start it (a comment in a script)
docker run --rm hello-world
```

```
> kubectl expose deployment hello --type=NodePort --port=8080
service/hello exposed
```

```text
kubectl run      Run a particular image on the cluster
kubectl expose   Take a replication controller, service, deployment or pod and expose it
  --port  The port that the service should serve on
```
"""

POWERSHELL_MD = """```powershell
docker run -d --name web -p 8080:80 nginx
```

```pwsh
PS C:\\> docker run --rm -v "${env:USERPROFILE}\\data:/data" `
    -e "USER=$env:USERNAME" alpine:3 ls /data
output line
PS> kubectl run p --image=nginx; kubectl expose pod p --port=80
```

```cmd
C:\\> docker run --rm -v %cd%:/src ^
  alpine:3 ls /src
```
"""


def found(kind: str, text: str) -> list[tuple[int, int, str]]:
    """(line, column, words) of each invocation, in order."""
    index = LineIndex(text)
    out = []
    for words in extract(kind, text).invocations:
        line, column = index.position(words[0].start)
        out.append((line, column, " ".join(w.value for w in words)))
    return sorted(out)


def test_fences_in_lists_tabs_tildes_and_quotes() -> None:
    assert found("markdown", TAB_LIST) == [
        (6, 2, "docker run -d --name web -p 8080:80 nginx:1.25"),
        (11, 6, "kubectl expose deployment web --port=80 --type=NodePort"),
        (18, 3, "kubectl run tmp --image=busybox --restart=Never -- sleep 1"),
        (22, 3, "docker run --rm alpine:3 true"),
    ]


def test_indented_code_blocks_follow_commonmark() -> None:
    assert found("markdown", INDENTED) == [
        (3, 5, "docker run -it --rm -p 5000:5000 registry:2"),
        (13, 9, "kubectl run probe --image=busybox -- true"),
    ]


def test_console_prompts_comments_output_and_prose() -> None:
    assert found("markdown", CONSOLE) == [
        (2, 3, "docker run --rm -v /srv:/srv busybox ls /srv"),
        (4, 3, "kubectl run x --image=nginx --restart=Never"),
        (11, 1, "docker run --rm hello-world"),
        (15, 3, "kubectl expose deployment hello --type=NodePort --port=8080"),
    ]


def test_powershell_and_cmd_fences() -> None:
    result = found("markdown", POWERSHELL_MD)
    assert [(line, column) for line, column, _ in result] == [(2, 1), (6, 9), (9, 5), (9, 34), (13, 6)]
    words = {line: text for line, _, text in result}
    assert words[2] == "docker run -d --name web -p 8080:80 nginx"
    assert words[13].startswith("docker run --rm -v $___:/src") and words[13].endswith("alpine:3 ls /src")
    first = extract("markdown", POWERSHELL_MD).invocations[1]
    volume, env = first[4], first[6]
    assert volume.dynamic and volume.dyn_at == 0  # ${env:USERPROFILE}... is unknown from the start
    assert env.dynamic and env.value.startswith("USER=") and env.dyn_at == 5
    assert [w.value for w in first[-3:]] == ["alpine:3", "ls", "/data"]


def test_placeholders_are_unknown_words() -> None:
    text = "```\ndocker run --name <your-name> --net container:<id> <image>\n```\n" \
           "```\nkubectl run x --image=<same-image> --port=PORT\n```\n"  # fmt: skip
    (docker, kubectl) = extract("markdown", text).invocations
    marks = [(w.dynamic, w.dyn_at) for w in (docker[3], docker[5], docker[6])]
    assert marks == [(True, 0), (True, 10), (True, 0)]
    assert [(w.dynamic, w.dyn_at) for w in kubectl[3:]] == [(True, 8), (True, 7)]
    image = kubectl[3]
    assert text[image.start : image.end] == "--image=<same-image>"


def test_paragraph_transcripts() -> None:
    text = (
        "$ kubectl run web --image=nginx --port=80\n"
        "kubectl run --generator=deployment/apps.v1 is DEPRECATED and will be removed.\n"
        "deployment.apps/web created\n\n"
        "kubectl expose deployment web --port=80 --type=LoadBalancer\n\n"
        "Then docker run starts it, and docker run is the command.\n\n"
        "`docker container run --publish 8000:8080 --name bb bulletinboard:1.0`\n\n"
        "`kubectl run` alone, or docker run alone, or `docker run --help` in a sentence.\n\n"
        "docker run\n\n"
        "Command | What it does\n--- | ---\ndocker run --rm img | starts img\n"
    )
    assert found("markdown", text) == [
        (1, 3, "kubectl run web --image=nginx --port=80"),
        (5, 1, "kubectl expose deployment web --port=80 --type=LoadBalancer"),
        (9, 2, "docker container run --publish 8000:8080 --name bb bulletinboard:1.0"),
    ]


def test_synopsis_is_not_a_command() -> None:
    text = "```\nUsage: kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [options]\n" \
           "kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--bogus] [options]\n```\n"  # fmt: skip
    result = extract("markdown", text)
    assert result.invocations == []
    assert [text[start:end].split()[0] for start, end in result.synopses] == ["Usage:", "kubectl"]


ADOC = """= Guide

[source,bash]
.Start it
----
docker run -d -p 2181:2181 fabric8/zookeeper <1>
docker run --rm {image}:{version} true
----
<1> the port

. Start API Man:

  docker run -it -p 8082:8080 jboss/apiman-wildfly

[source,yaml]
----
image: docker:24-dind
args: ["docker", "run", "--not-read"]
----

////
docker run --commented-out
////

[source,console]
....
$ kubectl run x --image=nginx
pod/x created
....
"""


def test_asciidoc_blocks() -> None:
    assert found("asciidoc", ADOC) == [
        (6, 1, "docker run -d -p 2181:2181 fabric8/zookeeper"),
        (7, 1, "docker run --rm $image_:$version_ true"),
        (13, 3, "docker run -it -p 8082:8080 jboss/apiman-wildfly"),
        (27, 3, "kubectl run x --image=nginx"),
    ]
    image = extract("asciidoc", ADOC).invocations[1][3]
    assert image.dynamic and image.dyn_at == 0


RST = """Docker
======

Run the processing in a container like this::

   $ docker run -it --rm --name <name> -v $PWD:/docs \\
      sphinx make html

.. code-block:: bash
   :linenos:

   kubectl run docs --image=sphinx --restart=Never

.. code-block:: yaml

   services:
     - docker
   image: docker:dind

.. note::

   Not a literal block: docker run --in-prose

.. prompt:: bash $

   kubectl expose pod docs --port=8000
"""


def test_rst_blocks() -> None:
    assert found("rst", RST) == [
        (6, 6, "docker run -it --rm --name $_____ -v $PWD:/docs sphinx make html"),
        (12, 4, "kubectl run docs --image=sphinx --restart=Never"),
        (26, 4, "kubectl expose pod docs --port=8000"),
    ]


PS1 = """# Containerized dev tools
$prefix = Get-Content container_prefix
$instanceName = "$($name -replace '/', '_')-prod"
foreach ($i in 1..2) {
    docker run -d --name c$i -p $nu.ToString():80 nginx
}
docker run -it --rm `
\t--name $instanceName `
\t-v /var/run/docker.sock:/var/run/docker.sock `
\t$containerName
$id = docker run -d @extra 'nginx:1.25'; kubectl run p --image=nginx
<# docker run --in-a-block-comment #>
"""


def test_powershell_scripts() -> None:
    assert found("powershell", PS1) == [
        (5, 5, "docker run -d --name c$i -p $nu.ToString$_:80 nginx"),
        (7, 1, "docker run -it --rm --name $instanceName -v /var/run/docker.sock:/var/run/docker.sock "
               "$containerName"),
        (11, 7, "docker run -d $extra nginx:1.25"),
        (11, 42, "kubectl run p --image=nginx"),
    ]  # fmt: skip
    assert extract("powershell", PS1).problems == []


DOCKERFILE = """# Run Chrome in a container
#
# docker run -it \\
#\t--net host \\
#\t-v /tmp/.X11-unix:/tmp/.X11-unix \\
#\tjess/chrome
#
# Usage: docker run --rm -v $PWD:/src myimage lint
# e.g. kubectl run tool --image=myimage --restart=Never
# docker run needs the --privileged flag for this image
# You can also docker run it by hand.
FROM debian:bookworm
RUN apt-get update && \\
    # docker run --dropped-by-the-builder
    apt-get install -y curl
"""


def test_dockerfile_usage_comments() -> None:
    assert found("dockerfile", DOCKERFILE) == [
        (3, 3, "docker run -it --net host -v /tmp/.X11-unix:/tmp/.X11-unix jess/chrome"),
        (8, 10, "docker run --rm -v $PWD:/src myimage lint"),
        (9, 8, "kubectl run tool --image=myimage --restart=Never"),
    ]


def test_script_usage_comments() -> None:
    text = "#!/bin/sh\n# $ docker run --rm -e MODE=<mode> img\necho docker run # not a whole comment\n" \
           "docker run --rm img2\n"  # fmt: skip
    assert found("shell", text) == [
        (2, 5, "docker run --rm -e MODE=$_____ img"),
        (4, 1, "docker run --rm img2"),
    ]


def test_file_kinds() -> None:
    assert detect("docs/guide.adoc", "")[0] == "asciidoc"
    assert detect("docs/index.rst", "")[0] == "rst"
    assert detect("_sources/cheatsheet.rst.txt", "")[0] == "rst"
    assert detect("scripts/run.ps1", "")[0] == "powershell"
    assert detect("notes.txt", "no fences")[0] is None


def test_windows_commands_in_docs() -> None:
    text = (
        "```powershell\n$ docker run --rm --volume ${PWD}:/mnt/local img doc.ad\n```\n"
        "```sh\n$ docker run --rm --volume %cd%:/mnt/local img doc.ad\n```\n"
        "```powershell\ndocker run -d -v C:\\Users\\me\\work:/work/src img bash\n```\n"
    )
    found_words = extract("markdown", text).invocations
    assert [(words[0].start, words[4].dynamic, words[4].dyn_at) for words in found_words] == [
        (text.index("docker"), True, 0),
        (text.index("docker", 70), True, 0),
        (text.rindex("docker run"), True, 0),
    ]
    assert found_words[2][4].value == "C:/Users/me/work:/work/src"  # backslashes are literal there


def test_ci_jobs_and_package_scripts_quoted_in_docs() -> None:
    text = """```yaml
image: docker:dind
services:
  - docker
script:
  - docker run --rm -v $(pwd):/src img
  - |
    docker run \\
      -e MODE=ci img2
  - 'kubectl run t --image=busybox'
steps:
  - run:
      command: go test -json ./... | docker run -i gotestfmt:latest
  - docker
```

```json5
"scripts": {
    "docker:run": "docker run -d --env-file ./.env -p 3000:4000 app",
    "docker:logs": "docker logs app -f",
    "escaped": "docker run -e \\"A=b\\" app"
}
```

```sb
docker run --pids-limit=64 alpine
```

```docker
FROM alpine
RUN docker run --not-read
```
"""
    assert found("markdown", text) == [
        (6, 5, "docker run --rm -v $(pwd):/src img"),
        (8, 5, "docker run -e MODE=ci img2"),
        (10, 6, "kubectl run t --image=busybox"),
        (13, 38, "docker run -i gotestfmt:latest"),
        (19, 20, "docker run -d --env-file ./.env -p 3000:4000 app"),
        (20, 21, "docker logs app -f"),
        (26, 1, "docker run --pids-limit=64 alpine"),
    ]


def test_prose_in_quoted_config_is_not_a_command() -> None:
    text = (
        "```yaml\ndescription: docker run is used to start the app\nscript:\n"
        "  - docker run --rm img true; echo done\n```\n"
        '```json\n{"about": "docker run starts the container, with the flags below"}\n```\n'
    )
    assert found("markdown", text) == [(4, 5, "docker run --rm img true")]


def test_powershell_session_in_a_console_block() -> None:
    text = "```console\nPS C:\\> docker run --rm `\n>>   -v ${PWD}:/src `\n>>   img ls\nsome output\n```\n"
    assert found("markdown", text) == [(2, 9, "docker run --rm -v $_____:/src img ls")]


def test_prose_lines() -> None:
    from kx.extract.prose import is_prose

    def prose(line: str) -> bool:
        return is_prose(line, 0, len(line))

    assert prose("kubectl expose creates a service")
    assert prose("kubectl run      Run a particular image on the cluster")
    assert prose("docker run needs the --privileged flag")
    assert prose("docker run starts the container.")
    assert not prose("kubectl run a --image=nginx")
    assert not prose("docker run --rm img true; echo done")
    assert not prose("docker run -it --rm ubuntu // creates and runs a container")
    assert not prose("kubectl run x --image=busybox -- echo this is a test")
    assert not prose("docker run -d -v data:/data --name db postgres")
    # jpetazzo/container.training slides/swarm/firstservice.md:193, a list item's code span
    assert prose("docker run -p \u2192 docker service create -p")
    assert prose("docker run -d nginx \u2014 starts nginx in the background")
    assert not prose("docker run -e ARROW=\u2192 alpine")


def test_windows_line_ends() -> None:
    text = "# Run\r\n\r\n```bash\r\ndocker run --rm \\\r\n  -p 80:80 nginx\r\n```\r\n"
    assert found("markdown", text) == [(4, 1, "docker run --rm -p 80:80 nginx")]


def test_user_and_host_prompts() -> None:
    text = (
        "```\n[ec2-user@ip-10-0-4-172 ~]$ kubectl expose deployment web --type=NodePort --port=8080\n"
        "docker run listed as output, not a command\n"
        "root@host:/srv# docker run --rm -v /srv:/srv busybox ls\nbin\n```\n"
    )
    for block in (text, text.replace("```\n", "```console\n", 1)):
        assert found("markdown", block) == [
            (2, 29, "kubectl expose deployment web --type=NodePort --port=8080"),
            (4, 17, "docker run --rm -v /srv:/srv busybox ls"),
        ]


def test_site_generator_and_myst_blocks() -> None:
    text = (
        "{% highlight bash %}\ndocker run --rm alpine:3 true\n{% endhighlight %}\n\n"
        "{{< highlight shell >}}\nkubectl run p --image=nginx\n{{< /highlight >}}\n\n"
        "{{< highlight yaml >}}\nimage: docker:dind\n{{< /highlight >}}\n\n"
        "```{code-block} console\n$ docker run -d nginx\noutput\n```\n"
        "```{.bash .numberLines}\nkubectl expose pod p --port=80\n```\n"
    )
    assert found("markdown", text) == [
        (2, 1, "docker run --rm alpine:3 true"),
        (6, 1, "kubectl run p --image=nginx"),
        (14, 3, "docker run -d nginx"),
        (18, 1, "kubectl expose pod p --port=80"),
    ]


def test_prompts_named_by_host_user_or_directory() -> None:
    # docker/labs networking/tutorials.md:96 and securing-apps-docker-enterprise/README.md:240;
    # collabnix/dockerlabs beginners/macvlan-010.md:95 (a ```docker block), play-with-docker/
    # 105-website/README.md:43, play-with-kubernetes/examples/nginx.md:10 (the macOS prompt),
    # play-with-docker/storage/chap-1/README.txt:14 (Play with Docker's prompt)
    text = (
        "```\nhost-A $ docker run -d -p 8000:5000 --name cat-web chrch/web\n"
        "host-B $ docker run -d -p 8001:6379 redis\n```\n\n"
        "```\n~/docker-pets $ docker run -it --rm -v /etc/docker:/etc/docker \\\n  docker/ucp\n```\n\n"
        "```docker\nroot@ubuntu:~# docker  run --net=pub_net -itd alpine /bin/sh\n"
        "Unable to find image 'alpine:latest' locally\n```\n\n"
        "```\nmaster==>docker run -d -P --name myweb ajeetraina/nginx-demo-105\n5a3c...\n```\n\n"
        "```\nAjeets-MacBook-Air:~ ajeetraina$ kubectl run my-nginx --image=nginx --port=82\n"
        "deployment.apps/my-nginx created\n```\n\n"
        "```\n[node1] (local) root@192.168.0.8 ~$ docker run -d -v /opt:/data --name redis redis\n```\n\n"
        "```bash\nls # docker run is shown below\necho hi > docker.txt\n```\n"
    )
    assert found("markdown", text) == [
        (2, 10, "docker run -d -p 8000:5000 --name cat-web chrch/web"),
        (3, 10, "docker run -d -p 8001:6379 redis"),
        (7, 17, "docker run -it --rm -v /etc/docker:/etc/docker docker/ucp"),
        (12, 16, "docker run --net=pub_net -itd alpine /bin/sh"),
        (17, 10, "docker run -d -P --name myweb ajeetraina/nginx-demo-105"),
        (22, 34, "kubectl run my-nginx --image=nginx --port=82"),
        (27, 37, "docker run -d -v /opt:/data --name redis redis"),
    ]


def test_docker_library_and_dotnet_sessions() -> None:
    # docker-library/docs elixir/README.md:157 (a prompt of its own), varnish/README.md:216-217
    # (a `# ` comment next to $ prompts, with an apostrophe), wordpress/README.md:291 (a note inside
    # a continued command); dotnet/dotnet-docker samples/build-in-sdk-container.md:183 (PowerShell
    # in a console block: drive paths)
    text = (
        "```console\n\u27b8 docker run -it --rm -h elixir.local elixir iex --sname snode\n```\n\n"
        "```console\n# run the server with your own parameters (don't forget -F to not daemonize)\n"
        "$ docker run varnish varnishd -F -a :8080 -b 127.0.0.1:8181 -t 600 -p feature=+http2\n```\n\n"
        "```console\n$ docker run -it --rm \\\n\t-e WORDPRESS_DB_USER=... \\\n"
        "\t# [and other used environment variables]\n\twordpress:cli user list\n```\n\n"
        "```console\nmkdir C:\\dotnetapp\n"
        "docker run --rm -v C:\\dotnetapp:c:\\app\\out -v ${pwd}:c:\\app -w /app img dotnet publish\n```\n"
    )
    result = found("markdown", text)
    assert [(line, column) for line, column, _ in result] == [(2, 3), (7, 3), (11, 3), (19, 1)]
    assert result[0][2] == "docker run -it --rm -h elixir.local elixir iex --sname snode"
    assert result[1][2].startswith("docker run varnish varnishd -F")
    assert result[2][2] == "docker run -it --rm -e WORDPRESS_DB_USER=... wordpress:cli user list"
    volume = extract("markdown", text).invocations[3][4]
    assert volume.dynamic and volume.dyn_at == 0  # C:\dotnetapp:... is a Windows path: unknown
