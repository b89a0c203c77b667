#!/usr/bin/env bash
# Runs every test suite of Zhifa on this machine, the way CI does:
#   domain rules, the web app on SQLite, the web app on a private PostgreSQL, and the browser journeys.
#
# Usage: ./test.sh [FILTER]
#   FILTER                       passed to every run as `dotnet test --filter FILTER`
#   ZHIFA_TEST_SKIP_BROWSER=1    skip the browser (Playwright/Chromium) tests
#   ZHIFA_TEST_CONFIGURATION     Release (default) or Debug
#   ZHIFA_TEST_ARTIFACTS         build into this folder (dotnet --artifacts-path) instead of bin/obj
#   ZHIFA_TEST_PG_PORT           first port to try for the private PostgreSQL (default 55432)
#
# The last line printed is always "N passed, N failed"; the exit status is non-zero when a test
# failed, the build failed, or a run left no results.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd)"

FILTER="${1:-}"
CONFIG="${ZHIFA_TEST_CONFIGURATION:-Release}"
RESULTS="$ROOT/.test-run"
PG_BIN=/usr/lib/postgresql/15/bin
START_TIME=$(date +%s)

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests drive the distribution's Chromium; Playwright must never fetch its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export ZHIFA_CHROMIUM="${ZHIFA_CHROMIUM:-/usr/bin/chromium}"

say() { printf '==> %s\n' "$*"; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------- prerequisites
need_browser=1
[ "${ZHIFA_TEST_SKIP_BROWSER:-0}" = "1" ] && need_browser=0

missing=()
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || missing+=(postgresql)
if [ "$need_browser" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || [ -x "$ZHIFA_CHROMIUM" ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "dotnet SDK 10 is not on PATH" >&2; exit 1; }

# ---------------------------------------------------------------- private PostgreSQL
PG_DIR=""
PG_PORT=""
as_pg() {
  # initdb refuses to run as root, so the server belongs to the postgres account.
  if is_root; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}
cleanup() {
  local rc=$?
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  if is_root && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  PG_DIR="$(mktemp -d /tmp/zhifa-pg.XXXXXX)"
  chmod 755 "$PG_DIR"
  is_root && chown postgres: "$PG_DIR"
  local port="${ZHIFA_TEST_PG_PORT:-55432}" tries=0
  while port_busy "$port" || [ -e "/tmp/.s.PGSQL.$port" ]; do
    port=$((port + 1)); tries=$((tries + 1))
    [ "$tries" -lt 200 ] || { echo "no free port for PostgreSQL" >&2; return 1; }
  done
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U zhifa -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Each test class gets its own database and connection pool, hence the generous connection limit.
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_PORT="$port"
  say "PostgreSQL 15 on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

pg_ok=1
start_postgres || { pg_ok=0; echo "PostgreSQL did not start; the PostgreSQL run will be reported as failed" >&2; }

# ---------------------------------------------------------------- build
build_args=(-c "$CONFIG" -nologo)
[ -n "${ZHIFA_TEST_ARTIFACTS:-}" ] && build_args+=(--artifacts-path "$ZHIFA_TEST_ARTIFACTS")

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
say "building Zhifa.slnx ($CONFIG)"
build_ok=1
if ! dotnet build Zhifa.slnx "${build_args[@]}" -v quiet -clp:NoSummary -nodeReuse:false >"$RESULTS/build.log" 2>&1; then
  build_ok=0
  grep -E ': (error|warning) ' "$RESULTS/build.log" | sort -u | head -50 >&2 || true
  echo "BUILD FAILED (full log: $RESULTS/build.log)" >&2
fi

# ---------------------------------------------------------------- test runs
names=(); outcomes=(); run_passed=(); run_failed=(); run_skipped=(); run_secs=()
total_passed=0; total_failed=0; any_problem=0
[ "$build_ok" = 1 ] || any_problem=1

attr() { grep -o "<Counters [^>]*" "$1" | head -1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }

# run NAME PROJECT [VAR=VALUE ...]
run() {
  local name="$1" project="$2"; shift 2
  local trx="$RESULTS/$name.trx" started rc=0
  started=$(date +%s)
  say "$name"
  local args=("$project" --no-build "${build_args[@]}"
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal"
    --results-directory "$RESULTS" --blame-hang-timeout 5m --blame-hang-dump-type none)
  [ -n "$FILTER" ] && args+=(--filter "$FILTER")
  env "$@" dotnet test "${args[@]}" || rc=$?

  local p=0 f=0 t=0 outcome
  if [ -f "$trx" ]; then
    p=$(attr "$trx" passed); f=$(attr "$trx" failed); t=$(attr "$trx" total)
    f=$((f + $(attr "$trx" error) + $(attr "$trx" timeout) + $(attr "$trx" aborted)))
    if [ "$f" -gt 0 ]; then outcome=FAILED
    elif [ "$rc" -ne 0 ]; then outcome="FAILED (dotnet test exit $rc)"
    else outcome=ok; fi
  else
    outcome="NO RESULTS (dotnet test exit $rc)"
  fi
  [ "$outcome" = ok ] || any_problem=1
  names+=("$name"); outcomes+=("$outcome"); run_passed+=("$p"); run_failed+=("$f")
  run_skipped+=($((t - p - f > 0 ? t - p - f : 0))); run_secs+=($(($(date +%s) - started)))
  total_passed=$((total_passed + p)); total_failed=$((total_failed + f))
}

run domain tests/Zhifa.Domain.Tests/Zhifa.Domain.Tests.csproj ZHIFA_TEST_DB=sqlite
run web-sqlite tests/Zhifa.Web.Tests/Zhifa.Web.Tests.csproj ZHIFA_TEST_DB=sqlite
if [ "$pg_ok" = 1 ]; then
  run web-postgres tests/Zhifa.Web.Tests/Zhifa.Web.Tests.csproj \
    ZHIFA_TEST_DB=postgres "ZHIFA_TEST_PG=Host=127.0.0.1;Port=$PG_PORT;Username=zhifa"
else
  names+=(web-postgres); outcomes+=("NOT RUN (PostgreSQL did not start)"); run_passed+=(0); run_failed+=(0)
  run_skipped+=(0); run_secs+=(0); any_problem=1
fi
if [ "$need_browser" = 1 ]; then
  run browser tests/Zhifa.Browser.Tests/Zhifa.Browser.Tests.csproj ZHIFA_TEST_DB=sqlite "ZHIFA_CHROMIUM=$ZHIFA_CHROMIUM"
else
  say "browser tests skipped (ZHIFA_TEST_SKIP_BROWSER=1)"
fi

# ---------------------------------------------------------------- summary
echo
echo "Summary ($(($(date +%s) - START_TIME))s${FILTER:+; filter $FILTER}; results in $RESULTS):"
[ "$build_ok" = 1 ] || echo "  build         FAILED"
for i in "${!names[@]}"; do
  printf '  %-13s %4d passed, %3d failed, %3d skipped  %4ds  %s\n' "${names[$i]}" "${run_passed[$i]}" \
    "${run_failed[$i]}" "${run_skipped[$i]}" "${run_secs[$i]}" "${outcomes[$i]}"
done
# A failed build or a run without results counts as a failure, so the last line never reads as a clean run.
[ "$any_problem" = 1 ] && [ "$total_failed" = 0 ] && total_failed=1
echo "$total_passed passed, $total_failed failed"
[ "$any_problem" = 0 ] && [ "$total_failed" = 0 ]
