# Sourced by deploy/local/replay and deploy/local/history: sets $token to a hub_admin bearer token.
# WUSHE_TOKEN wins (any token from your issuer, e.g. production's); otherwise the embedded hub's operator
# client (client credentials) with the secret deploy/local/start keeps in <data-dir>/auth/operator.secret.
# Settings: WUSHE_DATA_DIR (default .local-data in the repository), WUSHE_AUTH_URL (default http://127.0.0.1:9000).
operator_token() {
  if [ -n "${WUSHE_TOKEN:-}" ]; then token=$WUSHE_TOKEN; return; fi
  local root data secret auth answer
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  data=${WUSHE_DATA_DIR:-$root/.local-data}
  secret=$(cat "$data/auth/operator.secret" 2>/dev/null) || {
    echo "no $data/auth/operator.secret: start the hub with deploy/local/start, or set WUSHE_TOKEN 未找到运维凭据" >&2; exit 1; }
  auth=${WUSHE_AUTH_URL:-http://127.0.0.1:${WUSHE_AUTH_PORT:-9000}}
  answer=$(curl -sS -u "hub-operator:$secret" -d grant_type=client_credentials "$auth/oauth2/token") || {
    echo "the hub's sign-in does not answer at $auth 登录服务未响应" >&2; exit 1; }
  token=$(printf '%s' "$answer" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "no token from $auth: $answer" >&2; exit 1; }
}
