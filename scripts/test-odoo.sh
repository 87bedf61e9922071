#!/usr/bin/env bash
# Run the Python tests of the copilot addon (odoo_addon/copilot/tests) in a real Odoo.
#
# Odoo installs (or updates) the addon in ODOO_DB, creating the database if it does not
# exist, runs the tests tagged /copilot, and stops. Its exit code does not always say that a test failed, so
# the log is read too: any ERROR/CRITICAL line, a "FAIL:" line, or a summary line
# "N failed, M error(s) of K tests" with N, M > 0 or K = 0 fails the run.
set -uo pipefail

usage() {
    cat >&2 <<'EOF'
usage: ODOO_BIN=/path/to/odoo-bin [VAR=...] bash scripts/test-odoo.sh

  ODOO_BIN           path to odoo-bin (required)
  ODOO_ADDONS_PATH   Odoo's own addons directories, comma-separated; the repo's odoo_addon
                     directory is appended
  ODOO_DB            throw-away database the addon is installed in (default: copilot_test);
                     created by Odoo if it does not exist, never dropped by this script
  ODOO_DB_HOST, ODOO_DB_PORT, ODOO_DB_USER, ODOO_DB_PASSWORD
                     PostgreSQL connection (Odoo's defaults when unset)
  ODOO_PYTHON        Python that runs Odoo (default: /usr/bin/python3)
  ODOO_HTTP_PORT     port of the test HTTP server (default: 8070)
  ODOO_DATA_DIR      Odoo data directory (filestore, sessions), optional
  ODOO_EXTRA_ARGS    more odoo-bin options, split on spaces, optional
EOF
}

if [ -z "${ODOO_BIN:-}" ]; then
    usage
    exit 2
fi
if [ ! -f "$ODOO_BIN" ]; then
    echo "test-odoo: ODOO_BIN=$ODOO_BIN is not a file" >&2
    exit 2
fi

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${ODOO_PYTHON:-/usr/bin/python3}
db=${ODOO_DB:-copilot_test}
addons_path="$repo_root/odoo_addon"
if [ -n "${ODOO_ADDONS_PATH:-}" ]; then
    addons_path="$ODOO_ADDONS_PATH,$addons_path"
fi

args=(
    --addons-path="$addons_path"
    --database="$db"
    --http-interface=127.0.0.1
    --http-port="${ODOO_HTTP_PORT:-8070}"
    --test-enable
    --test-tags=/copilot
    # install it, or update it when the database already has it (19.0 ignores -i then)
    --init=copilot
    --update=copilot
    --stop-after-init
    --log-level=test
)
[ -n "${ODOO_DB_HOST:-}" ] && args+=(--db_host="$ODOO_DB_HOST")
[ -n "${ODOO_DB_PORT:-}" ] && args+=(--db_port="$ODOO_DB_PORT")
[ -n "${ODOO_DB_USER:-}" ] && args+=(--db_user="$ODOO_DB_USER")
[ -n "${ODOO_DB_PASSWORD:-}" ] && args+=(--db_password="$ODOO_DB_PASSWORD")
[ -n "${ODOO_DATA_DIR:-}" ] && args+=(--data-dir="$ODOO_DATA_DIR")
# shellcheck disable=SC2206  # word splitting of the extra options is wanted
[ -n "${ODOO_EXTRA_ARGS:-}" ] && args+=($ODOO_EXTRA_ARGS)

log=$(mktemp "${TMPDIR:-/tmp}/copilot-test-odoo.XXXXXX.log")
echo "test-odoo: $python $ODOO_BIN ${args[*]}"
echo "test-odoo: log in $log"
"$python" "$ODOO_BIN" "${args[@]}" 2>&1 | tee "$log"
odoo_rc=${PIPESTATUS[0]}

# Odoo's log lines: "<date> <time> <pid> <LEVEL> <db> <logger>: <message>"
problems=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |FAIL: ' "$log" || true)
summary=$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$log" | tail -n 1)
problem_count=$(printf '%s' "$problems" | grep -c . || true)

status=0
reasons=()
if [ "$odoo_rc" -ne 0 ]; then
    status=1; reasons+=("odoo exited with $odoo_rc")
fi
if [ -z "$summary" ]; then
    status=1; reasons+=("no test summary in the log")
else
    read -r failed errors total < <(sed -E 's/([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests/\1 \2 \3/' <<<"$summary")
    if [ "$failed" -ne 0 ] || [ "$errors" -ne 0 ]; then
        status=1; reasons+=("$failed failed, $errors error(s)")
    fi
    if [ "$total" -eq 0 ]; then
        status=1; reasons+=("no test ran")
    fi
fi
if [ "$problem_count" -ne 0 ]; then
    status=1; reasons+=("$problem_count ERROR/CRITICAL/FAIL line(s) in the log")
fi

echo
if [ "$status" -eq 0 ]; then
    echo "test-odoo: PASS: ${summary} (database $db)"
else
    if [ -n "$problems" ]; then
        echo "test-odoo: problems found in the log:"
        printf '%s\n' "$problems" | head -n 40
    fi
    summary_text=${summary:-no summary}
    echo "test-odoo: FAIL: ${summary_text}; $(IFS=';'; echo "${reasons[*]}") (log: $log)"
fi
exit "$status"
