from kx.extract.markdown import code_blocks, extract_markdown
from kx.parse.placeholders import mark_doc_placeholder
from kx.parse.span import Word

README = """# Demo

```bash
$ docker run -d -p 80:80 IMAGE
Unable to find image locally   (output, docker run --not-a-command)
$ kubectl expose deployment <name> --port=PORT \\
    --type=NodePort
```

```
docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
```

```console
# kubectl run x --image=nginx --bogus
pod/x created
```

```yaml
kubectl: run --not-shell
```

~~~sh
kubectl run y --image=busybox -- sleep 1
~~~
"""


def invocations(text: str) -> list[list[tuple[str, bool]]]:
    return [[(w.value, w.dynamic) for w in ws] for ws in extract_markdown(text).invocations]


def test_fences() -> None:
    blocks = code_blocks(README)
    assert [b[0] for b in blocks] == ["bash", "", "console", "yaml", "sh"]
    assert code_blocks("```\nopen to the end") == [("", 4, 19, False)]


def test_prompts_output_placeholders_and_synopses() -> None:
    found = extract_markdown(README)
    assert invocations(README) == [
        [("docker", False), ("run", False), ("-d", False), ("-p", False), ("80:80", False),
         ("IMAGE", True)],
        [("kubectl", False), ("expose", False), ("deployment", False), ("$_____", True),
         ("--port=PORT", True), ("--type=NodePort", False)],
        [("kubectl", False), ("run", False), ("x", False), ("--image=nginx", False),
         ("--bogus", False)],
        [("kubectl", False), ("run", False), ("y", False), ("--image=busybox", False),
         ("--", False), ("sleep", False), ("1", False)],
    ]  # fmt: skip
    (synopsis,) = found.synopses
    assert README[synopsis[0] : synopsis[1]] == "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]"
    name = found.invocations[1][3]
    assert README[name.start : name.end] == "<name>"
    bogus = found.invocations[2][4]
    assert README[bogus.start : bogus.end] == "--bogus"


def test_placeholder_marking() -> None:
    def mark(value: str) -> tuple[bool, int]:
        word = mark_doc_placeholder(Word(value, 0, len(value)))
        return word.dynamic, word.dyn_at

    assert mark("IMAGE") == (True, 0)
    assert mark("--name=NAME") == (True, 7)
    assert mark("[OPTIONS]") == (True, 0)
    assert mark("ARG...") == (True, 0)
    assert mark("--protocol=TCP") == (False, 14)
    assert mark("80:80/TCP") == (False, 9)
    assert mark("nginx") == (False, 5)
