#!/usr/bin/env bash
# A throw-away Postgres for the tests: `start` installs Debian's postgresql when it is missing
# (as root, as on CI), makes a cluster in a temporary directory, starts it on a free loopback
# port and prints the shell lines to use it; `stop DIR` stops it and deletes the directory.
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
  done
  return 1
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if ! bin=$(pg_bin); then
      if [[ $(id -u) -ne 0 ]]; then
        echo "Postgres is not installed; run 'apt-get install postgresql' as root (or run the tests as root)." >&2
        exit 1
      fi
      echo "installing Debian's postgresql for the tests..." >&2
      # Only the binaries are wanted: no system cluster created and started on port 5432.
      mkdir -p /etc/postgresql-common
      echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
      bin=$(pg_bin)
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/fillpaint-pg-XXXXXX")
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    # Durability is pointless for a cluster deleted after the run; without it tests run faster.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -s start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export TEST_POSTGRES_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: test-postgres.sh stop DIR}
    bin=$(pg_bin)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -s stop || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: test-postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
