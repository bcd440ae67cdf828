"""KX108 on real doc lines: docker run flags written after IMAGE, told apart from the program's own."""

from __future__ import annotations

import pytest

from kx.engine.pipeline import check_command

CASES = [
    # jpetazzo/container.training slides/containers/Advanced_Dockerfiles.md:353 (`ls -l` by its ENTRYPOINT)
    ("docker run training/ls -l", []),
    # collabnix/dockerlabs os/macOS/README.md:177 (nsenter's options)
    ("docker run --rm -it --privileged --pid=host walkerlee/nsenter -t 1 -m -u -i -n fstrim /var", []),
    # docker-library/docs: arangodb/README.md:157, postgres/README.md:276, nats/README.md:153,
    # varnish/README.md:204, memcached/README.md:69 (the server's own --help, -c, -p and -h)
    ("docker run -e ARANGO_RANDOM_ROOT_PASSWORD=1 arangodb --help", []),
    ("docker run -d --name some-postgres -e POSTGRES_PASSWORD=x postgres -c 'config_file=/etc/pg.conf'", []),
    ("docker run -d --name=nats-2 -p 4222:4222 nats -c /etc/nats/nats.conf --routes=nats-route://x", []),
    ("docker run --tmpfs /var/lib/varnish/varnishd:exec -p 8080:80 varnish -p default_keep=300", []),
    ("docker run --rm memcached -h", []),
    # docker-library/docs spiped/README.md:72 (spiped's -d: decrypt)
    ("docker run -d -p 8025:8025 --init spiped -d -s '[0.0.0.0]:8025' -t '[127.0.0.1]:25'", []),
    ("docker run nginx -d", ["KX108"]),
    ("docker run nginx -d --rm", ["KX108", "KX108"]),
    # docker's own, in the wrong place
    ("docker run nginx -p 80:80 -d", ["KX108", "KX108"]),
    ("docker run nginx --rm", ["KX108"]),
    # an image in a variable: one word whatever it holds, so the flags after it are the container's
    ('docker run "$IMAGE" -p 80:80', ["KX108"]),
    ("docker run $IMG --rm", ["KX108"]),
    ("docker run ${REGISTRY}/app:${TAG} -e X=1", ["KX108"]),
    ("docker run ${IMAGE:-nginx} -d --rm", ["KX108", "KX108"]),
    ('docker container run "$IMAGE_NAME" --name web', ["KX108"]),
    # ... but a variable that may hold flags, several words or none ends the look-ahead
    ("docker run $OPTS -p 80:80 nginx", []),
    ("docker run $DOCKER_IMAGE_OPTS -p 80:80 nginx", []),
    ('docker run "$@" --rm', []),
    ('docker run "${IMAGES[@]}" --rm', []),
    ("docker run $(image) --rm", []),
    ("docker run `image` --rm", []),
    ("docker run $IMAGE* --rm", []),
    ('docker run --rm $X "$IMAGE" -p 80:80', []),
    ('docker run --entrypoint sh "$IMAGE" -e X=1', []),
    ('docker run "$IMAGE" -c x.conf', []),
    ('docker run "$IMAGE" "$@"', []),
]


@pytest.mark.parametrize(("line", "codes"), CASES)
def test_flag_after_image(line: str, codes: list[str]) -> None:
    assert [d.code for d in check_command(line)] == codes
