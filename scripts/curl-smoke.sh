#!/usr/bin/env bash
# Smoke test of an Octopus API (the emulator or a real server) with nothing but curl:
#   scripts/curl-smoke.sh http://127.0.0.1:8065 API-KEY
# Creates a project group and a project, then reads the project's process and variable set by its links.
set -euo pipefail
base="${1:?usage: curl-smoke.sh BASE_URL API_KEY}"
key="${2:?usage: curl-smoke.sh BASE_URL API_KEY}"
base="${base%/}"
suffix="$$-$RANDOM"

call() { # method path [body] -> prints the body, fails on HTTP >= 400
  local method="$1" path="$2" body="${3:-}"
  if [[ -n "$body" ]]; then
    curl -sS --fail-with-body -X "$method" -H "X-Octopus-ApiKey: $key" -H "Content-Type: application/json" -d "$body" "$base$path"
  else
    curl -sS --fail-with-body -X "$method" -H "X-Octopus-ApiKey: $key" "$base$path"
  fi
}
field() { # json field -> first "field":"value" string value
  grep -o "\"$2\":\"[^\"]*\"" <<<"$1" | head -n1 | cut -d'"' -f4
}

root=$(curl -sS --fail-with-body "$base/api")
[[ "$(field "$root" ApiVersion)" == 3.0.0 ]] || { echo "unexpected root: $root" >&2; exit 1; }

lifecycle=$(field "$(call GET /api/Spaces-1/lifecycles/all)" Id)
group=$(field "$(call POST /api/Spaces-1/projectgroups "{\"Name\":\"Smoke group $suffix\"}")" Id)
project=$(call POST /api/Spaces-1/projects "{\"Name\":\"Smoke $suffix\",\"ProjectGroupId\":\"$group\",\"LifecycleId\":\"$lifecycle\"}")
process=$(call GET "$(field "$project" DeploymentProcess)")
variables=$(call GET "$(field "$project" Variables)")
[[ "$(field "$process" ProjectId)" == "$(field "$project" Id)" ]] || { echo "process does not belong to project" >&2; exit 1; }
[[ "$(field "$variables" OwnerId)" == "$(field "$project" Id)" ]] || { echo "variable set does not belong to project" >&2; exit 1; }

status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/Spaces-1/projects")
[[ "$status" == 401 ]] || { echo "expected 401 without a key, got $status" >&2; exit 1; }
echo "smoke ok: $(field "$project" Id) $(field "$process" Id) $(field "$variables" Id)"
