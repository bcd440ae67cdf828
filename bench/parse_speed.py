"""Parsing throughput: shell word splitting, resolution and argv parsing of realistic lines.

Prints commands per second for each stage and for the whole parse path (split + resolve + parse);
the engine's budget for a full check is 20,000 commands/s, so parsing must stay well above that.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kx.catalog.loader import load_specs
from kx.parse.argv import parse_argv
from kx.parse.resolve import resolve, resolve_and_parse
from kx.parse.words import split_words

LINES = [
    "docker run -d --name web -p 8080:80 -v /srv/www:/usr/share/nginx/html:ro nginx:1.27",
    "docker run --rm -it -e FOO=bar -e 'MSG=hello world' --network host ubuntu:22.04 bash -lc 'echo hi'",
    "sudo docker -H tcp://10.0.0.2:2375 container run -dp80:80 --restart=unless-stopped --memory 512m httpd",
    'docker run --name "$NAME" --env-file .env -l app=api -l tier=db --health-cmd "curl -f localhost" api',
    "kubectl run nginx --image=nginx:1.27 --port=80 --labels=app=web,tier=front --dry-run=client -o yaml",
    "kubectl -n prod expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web-svc",
    "kubectl expose pod/db --port 5432 --selector app=db --session-affinity=ClientIP -n data",
    "kubectl run tmp --rm -it --restart=Never --image=busybox:1.36 -- sh -c 'wget -qO- http://web'",
    "kubectl run x --image nginx --selecter a --dry_run=client --env=A=1 --env B=2 --overrides='{}'",
    "docker run --rm false -pd 80:80 --bogus nginx -p 80:80",
]


def rate(call: Callable[[str], object], rounds: int, repeats: int = 5) -> float:
    """Commands per second of ``call`` over LINES: the best of ``repeats`` runs of ``rounds`` passes.

    CPU time, and the best run, so that other load on the machine disturbs the figure least.
    """
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(rounds):
            for line in LINES:
                call(line)
        best = min(best, time.process_time() - start)
    return rounds * len(LINES) / best


def main() -> None:
    specs = load_specs()
    split = {line: split_words(line).words for line in LINES}
    found = {line: resolve(split[line], specs) for line in LINES}

    def parse_only(line: str) -> None:
        res = found[line]
        if res is not None and res.spec is not None:
            parse_argv(res.spec, res.argv, root=res.root)

    rounds = 600
    print(f"split_words:        {rate(lambda line: split_words(line), rounds):>10,.0f} commands/s")
    print(f"resolve:            {rate(lambda line: resolve(split[line], specs), rounds):>10,.0f} commands/s")
    print(f"parse_argv:         {rate(parse_only, rounds):>10,.0f} commands/s")
    whole = rate(lambda line: resolve_and_parse(split_words(line).words, specs), rounds)
    print(f"split+resolve+parse:{whole:>10,.0f} commands/s")


if __name__ == "__main__":
    main()
