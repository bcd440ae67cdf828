#!/usr/bin/env bash
# Deploy the web tier: build, smoke-test locally, roll out to the cluster.
set -euo pipefail

IMAGE="${IMAGE:-registry.example.com/shop/web:${GIT_SHA:-latest}}"
NAMESPACE="${NAMESPACE:-shop}"
k=kubectl
DOCKER=${DOCKER:-docker}

log() { printf '[deploy] %s\n' "$*" >&2; }

log "smoke test $IMAGE"
cid=$($DOCKER run -d --rm -p 8080:80 --memory 256m --restart=on-failure:3 "$IMAGE")
trap '$DOCKER stop "$cid" >/dev/null' EXIT
curl -fsS http://localhost:8080/healthz | grep -q ok

# Run the database migration as a one-off pod.
$k run "web-migrate-${GIT_SHA:-dev}" -n "$NAMESPACE" --image="$IMAGE" \
  --restart=Never --rm -i --command -- /app/migrate --up

for tier in web api; do
  kubectl get deployment "$tier" -n "$NAMESPACE" >/dev/null
  # Mistake 1: --selecter is not a flag (the real one is --selector).
  kubectl expose deployment "$tier" -n "$NAMESPACE" --port=80 --target-port=8080 \
    --selecter="app=$tier" --type=NodePort
done

# Mistake 2: Service types are case-sensitive on the API server (NodePort, not Nodeport).
kubectl expose deployment admin -n "$NAMESPACE" --port=80 --type=Nodeport

# Mistake 3: a typo in the restart policy that only the daemon would reject.
sudo docker run -d --name metrics --restart=unles-stopped -p 9100:9100 prom/node-exporter

log "done"
