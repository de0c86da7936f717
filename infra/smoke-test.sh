#!/usr/bin/env bash
# The smoke test after a deployment: both apps say they are ready, and the portal takes one submission through the
# API (with an API client issued for smoke tests: QV_SMOKE_API_KEY) and answers with a reference.
# Usage: infra/smoke-test.sh PORTAL_URL BACKOFFICE_URL
set -euo pipefail
portal="${1:?portal URL}"
backoffice="${2:?back office URL}"
: "${QV_SMOKE_API_KEY:?set QV_SMOKE_API_KEY to an API client key issued for smoke tests}"

ready() {
  # App Service starts the new build in the background: give it up to five minutes.
  local url="$1/health/ready" body=""
  for _ in $(seq 1 60); do
    if body=$(curl -fsS --max-time 10 "$url" 2>/dev/null) && ! grep -q '"status":"Unhealthy"' <<<"$body"; then
      echo "ready: $url $body"
      return 0
    fi
    sleep 5
  done
  echo "not ready after five minutes: $url ${body}" >&2
  return 1
}

ready "$portal"
ready "$backoffice"

answer=$(curl -fsS --max-time 30 -X POST "$portal/api/v1/feedback" \
  -H "Content-Type: application/json" -H "X-Api-Key: $QV_SMOKE_API_KEY" \
  -H "Idempotency-Key: smoke-$(date +%s)" \
  -d '{"kind":"patient","service":"other","serviceName":"Deployment smoke test","fftRating":"good","whatWasGood":"Smoke test after a deployment"}')
grep -Eq '"reference":"QV-[2-9A-Z]{4}-[2-9A-Z]{4}"' <<<"$answer" || { echo "the API did not answer with a reference: $answer" >&2; exit 1; }
echo "smoke test passed: $answer"
