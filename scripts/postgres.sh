# Starts a throwaway PostgreSQL on loopback for the test suite and sets PROBITY_TEST_POSTGRES_URL.
# Source it, then call start_test_postgres; the server stops when the calling shell exits.
# Installs Debian's postgresql package first when it is missing and we are root.

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_postgres_installed() {
  [ -n "$(pg_bindir)" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL from Debian's packages…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  [ -n "$(pg_bindir)" ]
}

# Runs a PostgreSQL binary as an unprivileged user (initdb refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_postgres() {
  ensure_postgres_installed || return 1
  local bin port
  bin=$(pg_bindir)
  PROBITY_PG_DIR=$(mktemp -d /tmp/probity-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PROBITY_PG_DIR"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg_user "$bin/initdb" -D "$PROBITY_PG_DIR/data" -A trust -U probity --no-sync >"$PROBITY_PG_DIR/initdb.log" 2>&1 \
    || { cat "$PROBITY_PG_DIR/initdb.log" >&2; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$PROBITY_PG_DIR/data" -l "$PROBITY_PG_DIR/server.log" -w \
    -o "-k $PROBITY_PG_DIR -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$PROBITY_PG_DIR/server.log" >&2; return 1; }
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U probity probity_test
  export PROBITY_TEST_POSTGRES_URL="postgres://probity@127.0.0.1:$port/probity_test"
  export PROBITY_PG_BIN="$bin"
  trap stop_test_postgres EXIT
}

stop_test_postgres() {
  [ -n "${PROBITY_PG_DIR:-}" ] || return 0
  as_pg_user "$PROBITY_PG_BIN/pg_ctl" -D "$PROBITY_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PROBITY_PG_DIR"
}
