#!/usr/bin/env bash
# Verifies the imported realm 'city' with real requests against a running Keycloak (deploy/local/infra.sh up):
#  - tokens: issuer, audience, realm roles, department claim of every fixture user (client city-cli, password grant)
#  - Authorization Services: for each service client and each fixture user, the RPT (uma-ticket grant) carries
#    exactly the permissions the policy matrix below allows
#  - what the Quarkus policy enforcer needs: client credentials, and resource lookups by name through the protection
#    API (needs allowRemoteResourceManagement), with the expected URIs
#  - the user profile declares 'department' (admin API, skipped when the admin login is refused)
# Exits non-zero when any check fails.
#
# Environment: KEYCLOAK_URL (default http://127.0.0.1:8180), EXPECTED_ISSUER (default
# http://localhost:8180/realms/city), KC_ADMIN_USER / KC_ADMIN_PASSWORD (default admin/admin, local only).
set -euo pipefail

KC="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
REALM=city
ISSUER="${EXPECTED_ISSUER:-http://localhost:8180/realms/$REALM}"
TOKEN_URL="$KC/realms/$REALM/protocol/openid-connect/token"
SERVICES=(indicator-service task-service meeting-service)

# Fixture users (LOCAL ONLY, password = user name): user role department
USERS=(
  "leader leader CITY"
  "secretariat secretariat CITY"
  "viewer viewer CITY"
  "officer-fin department-officer FIN"
  "officer-eco department-officer ECO"
  "officer-songcau department-officer W-SONGCAU"
)
ANY="viewer,department-officer,secretariat,leader"
# Policy matrix: service resource scope roles-allowed uris
RULES=(
  "indicator-service me read $ANY /api/me"
  "indicator-service units read $ANY /api/units,/api/units/*"
  "indicator-service units write secretariat /api/units,/api/units/*"
  "indicator-service indicators read $ANY /api/indicators,/api/indicators/*"
  "indicator-service indicators write secretariat /api/indicators,/api/indicators/*"
  "indicator-service targets read $ANY /api/targets,/api/targets/*"
  "indicator-service targets write secretariat /api/targets,/api/targets/*"
  "indicator-service figures read $ANY /api/figures,/api/figures/*"
  "indicator-service figures write department-officer,secretariat /api/figures,/api/figures/*"
  "indicator-service results read $ANY /api/results,/api/results/*"
  "indicator-service reporting read $ANY /api/reporting,/api/reporting/*"
  "indicator-service reporting write secretariat /api/reporting,/api/reporting/*"
  "indicator-service imports write department-officer,secretariat /api/imports,/api/imports/*"
  "task-service me read $ANY /api/me"
  "task-service tasks read $ANY /api/tasks,/api/tasks/*"
  "task-service tasks write department-officer,secretariat,leader /api/tasks,/api/tasks/*"
  "task-service statistics read $ANY /api/statistics,/api/statistics/*"
  "meeting-service me read $ANY /api/me"
  "meeting-service meetings read $ANY /api/meetings,/api/meetings/*"
  "meeting-service meetings write secretariat,leader,department-officer /api/meetings,/api/meetings/*"
  "meeting-service packs read $ANY /api/packs,/api/packs/*"
  "meeting-service packs write secretariat,leader /api/packs,/api/packs/*"
  "meeting-service narratives read $ANY /api/narratives,/api/narratives/*"
  "meeting-service notices read $ANY /api/meetings/{id}/notice,/api/meetings/{id}/notice.docx,/api/meetings/{id}/notice.pdf"
  "meeting-service notices issue secretariat /api/meetings/{id}/notice,/api/meetings/{id}/notice.docx,/api/meetings/{id}/notice.pdf"
)

PASS=0
FAIL=0
pass() { PASS=$((PASS + 1)); printf '  ok    %s\n' "$*"; }
fail() { FAIL=$((FAIL + 1)); printf '  FAIL  %s\n' "$*" >&2; }
die() { printf '[verify-realm] ERROR: %s\n' "$*" >&2; exit 2; }

command -v curl >/dev/null || die "curl is required"

# ---- JSON: jq, or python3 when jq is missing and cannot be installed ----------------------------------------
if ! command -v jq >/dev/null 2>&1 && ((EUID == 0)) && command -v apt-get >/dev/null 2>&1; then
  echo "[verify-realm] installing jq (apt-get)…" >&2
  apt-get install -y -qq jq >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq jq >/dev/null 2>&1; } || true
fi
if [[ -n "${VERIFY_JSON_TOOL:-}" ]]; then
  JSON="$VERIFY_JSON_TOOL"      # jq or python3, to test either path
elif command -v jq >/dev/null 2>&1; then
  JSON=jq
elif command -v python3 >/dev/null 2>&1; then
  JSON=python3
else
  die "neither jq nor python3 is available to read JSON"
fi

# field <json> <key>: top-level string field, empty when missing
field() {
  if [[ $JSON == jq ]]; then jq -r --arg k "$2" '.[$k] // empty | if type == "string" then . else tojson end' <<<"$1" 2>/dev/null || true
  else python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print("" if v is None else (v if isinstance(v,str) else json.dumps(v)))' "$1" "$2" 2>/dev/null || true; fi
}

# jwt_payload <jwt>: the decoded JSON payload
jwt_payload() {
  local p="${1#*.}"; p="${p%%.*}"
  p="$(tr '_-' '/+' <<<"$p")"
  case $((${#p} % 4)) in 2) p="$p==" ;; 3) p="$p=" ;; esac
  base64 -d <<<"$p" 2>/dev/null
}

# claims <jwt>: one line a claim of interest: iss=…, aud=a,b,c (sorted), roles=…, department=…, sub=…
claims() {
  local payload; payload="$(jwt_payload "$1")"
  if [[ $JSON == jq ]]; then
    jq -r '"iss=\(.iss // "")",
           "aud=\([.aud // empty] | flatten | sort | join(","))",
           "roles=\(.realm_access.roles // [] | sort | join(","))",
           "department=\(.department // "")",
           "sub=\(if .sub then "present" else "" end)",
           "azp=\(.azp // "")"' <<<"$payload"
  else
    python3 -c '
import json, sys
c = json.loads(sys.argv[1])
aud = c.get("aud", [])
aud = [aud] if isinstance(aud, str) else aud
print("iss=" + c.get("iss", ""))
print("aud=" + ",".join(sorted(aud)))
print("roles=" + ",".join(sorted(c.get("realm_access", {}).get("roles", []))))
print("department=" + c.get("department", ""))
print("sub=" + ("present" if c.get("sub") else ""))
print("azp=" + c.get("azp", ""))' "$payload"
  fi
}
claim() { claims "$1" | sed -n "s/^$2=//p"; }

# permissions <rpt>: sorted lines "resource:scope"
permissions() {
  local payload; payload="$(jwt_payload "$1")"
  if [[ $JSON == jq ]]; then
    jq -r '.authorization.permissions // [] | .[] | .rsname as $r | (.scopes // [])[] | "\($r):\(.)"' <<<"$payload" | sort
  else
    python3 -c '
import json, sys
c = json.loads(sys.argv[1])
for p in c.get("authorization", {}).get("permissions", []):
    for s in p.get("scopes", []):
        print(p["rsname"] + ":" + s)' "$payload" | sort
  fi
}

# resource_uris <json-array-of-resources>: sorted comma-joined uris of the first resource
resource_uris() {
  if [[ $JSON == jq ]]; then jq -r '.[0].uris // [] | sort | join(",")' <<<"$1"
  else python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print(",".join(sorted(a[0].get("uris",[]))) if a else "")' "$1"; fi
}

post() { curl -sS --max-time 10 "$@"; }

user_token() { # user -> access token (city-cli, password grant)
  local r; r="$(post -d grant_type=password -d client_id=city-cli -d "username=$1" -d "password=$1" "$TOKEN_URL")"
  field "$r" access_token
}

# ---- 0. reachable --------------------------------------------------------------------------------------------
echo "[verify-realm] Keycloak $KC, realm $REALM (json: $JSON)"
disco="$(curl -fsS --max-time 5 "$KC/realms/$REALM/.well-known/openid-configuration" 2>/dev/null)" \
  || die "realm '$REALM' not reachable at $KC (is the stack up? deploy/local/infra.sh up)"

echo "issuer and tokens"
if [[ "$(field "$disco" issuer)" == "$ISSUER" ]]; then pass "discovery issuer is $ISSUER (asked via $KC)"
else fail "discovery issuer is '$(field "$disco" issuer)', expected $ISSUER"; fi

for u in "${USERS[@]}"; do
  read -r name role dept <<<"$u"
  tok="$(user_token "$name")"
  if [[ -z "$tok" ]]; then fail "$name: password grant with city-cli refused"; continue; fi
  c="$(claims "$tok")"
  errs=""
  [[ "$(sed -n 's/^iss=//p' <<<"$c")" == "$ISSUER" ]] || errs+=" iss=$(sed -n 's/^iss=//p' <<<"$c")"
  [[ "$(sed -n 's/^aud=//p' <<<"$c")" == "indicator-service,meeting-service,task-service" ]] || errs+=" aud=$(sed -n 's/^aud=//p' <<<"$c")"
  [[ ",$(sed -n 's/^roles=//p' <<<"$c")," == *",$role,"* ]] || errs+=" roles=$(sed -n 's/^roles=//p' <<<"$c")"
  [[ "$(sed -n 's/^department=//p' <<<"$c")" == "$dept" ]] || errs+=" department=$(sed -n 's/^department=//p' <<<"$c")"
  [[ "$(sed -n 's/^sub=//p' <<<"$c")" == present ]] || errs+=" no sub"
  if [[ -z "$errs" ]]; then pass "$name: iss, aud=3 services, realm_access.roles ∋ $role, department=$dept, sub"
  else fail "$name:$errs"; fi
  declare "TOKEN_${name//-/_}=$tok"
done

# ---- 1. authorization: RPT per user and service --------------------------------------------------------------
echo "authorization (uma-ticket grant → RPT permissions)"
for svc in "${SERVICES[@]}"; do
  for u in "${USERS[@]}"; do
    read -r name role dept <<<"$u"
    var="TOKEN_${name//-/_}"; tok="${!var:-}"
    [[ -n "$tok" ]] || continue
    expected="$(for r in "${RULES[@]}"; do
      read -r s res scope roles _ <<<"$r"
      if [[ "$s" == "$svc" && ",$roles," == *",$role,"* ]]; then echo "$res:$scope"; fi
    done | sort)"
    resp="$(post -H "Authorization: Bearer $tok" -d grant_type=urn:ietf:params:oauth:grant-type:uma-ticket \
      -d "audience=$svc" "$TOKEN_URL")"
    rpt="$(field "$resp" access_token)"
    if [[ -z "$rpt" ]]; then
      if [[ -z "$expected" ]]; then pass "$svc / $name: no permission"; else fail "$svc / $name: RPT refused: $resp"; fi
      continue
    fi
    actual="$(permissions "$rpt")"
    if [[ "$actual" == "$expected" ]]; then
      pass "$svc / $name: $(tr '\n' ' ' <<<"$actual")"
    else
      fail "$svc / $name: granted [$(tr '\n' ' ' <<<"$actual")] expected [$(tr '\n' ' ' <<<"$expected")]"
    fi
  done
done

# decision mode, one allowed and one denied request, as the enforcer asks them
tok="${TOKEN_viewer:-}"
if [[ -n "$tok" ]]; then
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $tok" \
    -d grant_type=urn:ietf:params:oauth:grant-type:uma-ticket -d audience=indicator-service \
    -d 'permission=units#write' -d response_mode=decision "$TOKEN_URL")"
  if [[ "$code" == 403 ]]; then pass "viewer asking units#write on indicator-service: denied (403)"; else fail "viewer asking units#write: HTTP $code, expected 403"; fi
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $tok" \
    -d grant_type=urn:ietf:params:oauth:grant-type:uma-ticket -d audience=indicator-service \
    -d 'permission=units#read' -d response_mode=decision "$TOKEN_URL")"
  if [[ "$code" == 200 ]]; then pass "viewer asking units#read on indicator-service: granted (200)"; else fail "viewer asking units#read: HTTP $code, expected 200"; fi
fi

# ---- 2. what the policy enforcer of each service needs --------------------------------------------------------
echo "service clients (policy enforcer prerequisites)"
for svc in "${SERVICES[@]}"; do
  resp="$(post -d grant_type=client_credentials -d "client_id=$svc" -d "client_secret=$svc-secret" "$TOKEN_URL")"
  pat="$(field "$resp" access_token)"
  if [[ -z "$pat" ]]; then fail "$svc: client credentials grant refused: $resp"; continue; fi
  pass "$svc: client credentials grant (secret $svc-secret)"
  for res in $(for r in "${RULES[@]}"; do read -r s rr _ <<<"$r"; if [[ "$s" == "$svc" ]]; then echo "$rr"; fi; done | sort -u); do
    want="$(for r in "${RULES[@]}"; do read -r s rr _ _ uris <<<"$r"; if [[ "$s" == "$svc" && "$rr" == "$res" ]]; then echo "$uris"; fi; done | sort -u | head -n 1 | tr ',' '\n' | sort | paste -sd, -)"
    found="$(curl -sS --max-time 10 -H "Authorization: Bearer $pat" \
      "$KC/realms/$REALM/authz/protection/resource_set?name=$res&exactName=true&deep=true")"
    if [[ "$found" != \[* ]]; then fail "$svc: protection API lookup of resource '$res' failed: $found"; continue; fi
    got="$(resource_uris "$found")"
    if [[ "$got" == "$want" ]]; then pass "$svc: resource '$res' found by name, uris $got"
    else fail "$svc: resource '$res' uris [$got], expected [$want]"; fi
  done
done

# ---- 3. user profile declares 'department' (admin API) -------------------------------------------------------
echo "user profile"
admin="$(post -d grant_type=password -d client_id=admin-cli -d "username=${KC_ADMIN_USER:-admin}" \
  -d "password=${KC_ADMIN_PASSWORD:-admin}" "$KC/realms/master/protocol/openid-connect/token" 2>/dev/null || true)"
at="$(field "$admin" access_token 2>/dev/null || true)"
if [[ -z "$at" ]]; then
  echo "  skip  admin login refused: user profile not checked"
else
  prof="$(curl -sS --max-time 10 -H "Authorization: Bearer $at" "$KC/admin/realms/$REALM/users/profile")"
  if grep -q '"name":"department"' <<<"${prof// /}"; then pass "user profile declares attribute 'department'"
  else fail "user profile has no 'department' attribute: admin-created users would lose it"; fi
fi

echo
if ((FAIL > 0)); then
  echo "[verify-realm] $FAIL check(s) FAILED, $PASS passed" >&2
  exit 1
fi
echo "[verify-realm] all $PASS checks passed"
