#!/usr/bin/env bash
# Two instances of the clinic's site behind nginx, on one PostgreSQL and one bare content repository, all on
# loopback ports of this machine: the production set-up of README "Running more than one instance", to try it and
# to rehearse a rolling restart.
#
#   deploy/two-instances.sh           install what is missing (Debian), start everything, print the address
#   deploy/two-instances.sh restart   rolling restart: instance a, then b, each back in nginx before the next
#   deploy/two-instances.sh stop      stop everything this script started (the state folder stays)
#
# Environment: STATE (the state folder, default ./target/two-instances), NGINX_PORT (8080), PORT_A (8081),
# PORT_B (8082), PG_PORT (5433). Other CLINIC_* and SPRING_* variables reach both instances, e.g. SPRING_MAIL_HOST.
set -euo pipefail

cd "$(dirname "$0")/.."
project=$PWD
STATE=${STATE:-$project/target/two-instances}
NGINX_PORT=${NGINX_PORT:-8080}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
PG_PORT=${PG_PORT:-5433}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
secrets=$STATE/secrets
nginx_dir=$STATE/nginx
pg_dir=$STATE/pg

say() { printf '%s\n' "$*" >&2; }
fail() { say "two-instances: $*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL refuses to run as root: its files belong to the postgres user then.
as_postgres() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    local dirs
    dirs=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V) || true
    [ -n "$dirs" ] || fail "PostgreSQL is not installed"
    printf '%s\n' "$dirs" | tail -n 1
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

nginx_ctl() { "$(nginx_bin)" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log" "$@"; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }

install_missing() {
    local missing=()
    [ -x "$(nginx_bin)" ] || missing+=(nginx)
    ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || missing+=(postgresql)
    for tool in git curl openssl; do
        command -v "$tool" > /dev/null || missing+=("$tool")
    done
    [ ${#missing[@]} -eq 0 ] && return
    is_root || fail "missing ${missing[*]}: run as root, or apt-get install ${missing[*]}"
    say "Installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
}

site_jar() {
    local jar
    jar=$(ls "$project"/target/clinic-site-*.jar 2> /dev/null | head -n 1) || true
    if [ -z "$jar" ]; then
        say "Building the site (mvn package)"
        (cd "$project" && mvn -q -DskipTests package >&2)
        jar=$(ls "$project"/target/clinic-site-*.jar | head -n 1)
    fi
    printf '%s\n' "$jar"
}

# Generated once and kept owner-only: every instance must use the same ones (README "Running more than one instance").
make_secrets() {
    local jar=$1
    (umask 077 && mkdir -p "$secrets")
    for name in inquiry-secret audit-key admin-password; do
        [ -s "$secrets/$name" ] || (umask 077 && openssl rand -base64 24 > "$secrets/$name")
    done
    [ -s "$secrets/db-password" ] || (umask 077 && openssl rand -hex 24 > "$secrets/db-password")
    if [ ! -s "$secrets/data-keyset.json" ] || [ ! -s "$secrets/index-keyset.json" ]; then
        say "Generating the patient-data keysets"
        (umask 077 && mkdir -p "$STATE/keygen" && cd "$STATE/keygen" \
            && CLINIC_DATA_DIR="$STATE/keygen" java -jar "$jar" --new-keysets "$secrets" > "$STATE/keygen/log" 2>&1) \
            || fail "could not generate the keysets, see $STATE/keygen/log"
        chmod 600 "$secrets"/*.json
    fi
}

start_postgres() {
    local bin
    bin=$(pg_bin)
    if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
        say "Creating the PostgreSQL cluster"
        mkdir -p "$pg_dir"
        (umask 077 && cp "$secrets/db-password" "$pg_dir/pwfile")
        is_root && chown -R postgres: "$pg_dir"
        as_postgres "$bin/initdb" -D "$pg_dir/data" -U clinic --pwfile="$pg_dir/pwfile" --auth=scram-sha-256 \
            -E UTF8 --no-locale > "$pg_dir/initdb.log"
        rm -f "$pg_dir/pwfile"
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$pg_dir/data" status > /dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
            -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $pg_dir" start > /dev/null
    fi
    local exists
    exists=$(PGPASSWORD=$(cat "$secrets/db-password") "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U clinic -d postgres \
        -tAc "SELECT 1 FROM pg_database WHERE datname = 'clinic'")
    [ "$exists" = 1 ] || PGPASSWORD=$(cat "$secrets/db-password") "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U clinic clinic
}

# The shared content: a bare repository seeded once from the project's pages; each instance works in a clone.
make_content() {
    if [ ! -d "$STATE/content.git" ]; then
        say "Creating the content repository"
        git init -q --bare -b main "$STATE/content.git"
        local seed
        seed=$(mktemp -d)
        cp -r "$project/content/." "$seed"
        git -C "$seed" init -q -b main
        git -C "$seed" add -A
        git -C "$seed" -c user.name="Clinic site" -c user.email=site@localhost commit -q -m "The clinic's pages"
        git -C "$seed" push -q "$STATE/content.git" main
        rm -rf "$seed"
    fi
    for name in a b; do
        [ -d "$STATE/$name/content/.git" ] || git clone -q "$STATE/content.git" "$STATE/$name/content"
    done
}

start_instance() {
    local name=$1 port=$2 jar=$3 dir=$STATE/$1
    if running "$dir/pid"; then
        return
    fi
    mkdir -p "$dir/data"
    (
        cd "$dir"
        SPRING_PROFILES_ACTIVE=postgres \
            SERVER_PORT="$port" \
            DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/clinic" \
            DATABASE_USER=clinic \
            DATABASE_PASSWORD="$(cat "$secrets/db-password")" \
            CLINIC_BASE_URL="http://127.0.0.1:$NGINX_PORT" \
            CLINIC_DATA_DIR="$dir/data" \
            CLINIC_CONTENT_DIR="$dir/content" \
            CLINIC_CONTENT_REMOTE="$STATE/content.git" \
            CLINIC_INQUIRIES_SECRET="$(cat "$secrets/inquiry-secret")" \
            CLINIC_DATA_AUDIT_KEY="$(cat "$secrets/audit-key")" \
            CLINIC_DATA_KEYSET="$secrets/data-keyset.json" \
            CLINIC_DATA_INDEX_KEYSET="$secrets/index-keyset.json" \
            CLINIC_STAFF_ADMIN_PASSWORD="$(cat "$secrets/admin-password")" \
            nohup java -jar "$jar" > "$dir/site.log" 2>&1 &
        echo $! > "$dir/pid"
    )
    say "Starting instance $name on 127.0.0.1:$port"
    wait_ready "$name" "$port"
}

wait_ready() {
    local name=$1 port=$2 deadline=$((SECONDS + 180))
    until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
        if ! running "$STATE/$name/pid"; then
            tail -n 30 "$STATE/$name/site.log" >&2
            fail "instance $name stopped, see $STATE/$name/site.log"
        fi
        [ $SECONDS -lt $deadline ] || fail "instance $name not ready after 180 s, see $STATE/$name/site.log"
        sleep 1
    done
}

# SIGTERM is a graceful shutdown: readiness DOWN, clinic.shutdown.drain, then the requests in flight finish.
stop_instance() {
    local name=$1 pidfile=$STATE/$1/pid deadline=$((SECONDS + 90))
    if running "$pidfile"; then
        say "Stopping instance $name"
        kill -TERM "$(cat "$pidfile")"
        while running "$pidfile"; do
            [ $SECONDS -lt $deadline ] || fail "instance $name did not stop within 90 s"
            sleep 1
        done
    fi
    rm -f "$pidfile"
}

start_nginx() {
    local user
    user=$(id -un)
    mkdir -p "$nginx_dir/html" "$nginx_dir/cache" "$nginx_dir/tmp"
    if is_root; then
        user=www-data
        chown -R www-data: "$nginx_dir/cache" "$nginx_dir/tmp"
    fi
    sed -e "s|@USER@|$user|g" -e "s|@STATE@|$nginx_dir|g" -e "s|@LISTEN@|127.0.0.1:$NGINX_PORT|g" \
        -e "s|@INSTANCE_A@|127.0.0.1:$PORT_A|g" -e "s|@INSTANCE_B@|127.0.0.1:$PORT_B|g" \
        "$project/deploy/nginx.conf" > "$nginx_dir/nginx.conf"
    cp "$project/deploy/try-again.html" "$nginx_dir/html/"
    nginx_ctl -t -q
    if running "$nginx_dir/nginx.pid"; then
        nginx_ctl -s reload
    else
        nginx_ctl
    fi
}

stop_all() {
    if running "$nginx_dir/nginx.pid"; then
        say "Stopping nginx"
        nginx_ctl -s quit
    fi
    stop_instance a
    stop_instance b
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        say "Stopping PostgreSQL"
        as_postgres "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null
    fi
}

# One instance at a time; the next only once nginx sends the restarted one traffic again (its passive check has
# marked it failed while it was down: fail_timeout in nginx.conf).
rolling_restart() {
    local jar
    jar=$(site_jar)
    for name in a b; do
        local port=$PORT_A
        [ "$name" = b ] && port=$PORT_B
        local seen deadline
        seen=$(wc -l < "$nginx_dir/access.log")
        stop_instance "$name"
        start_instance "$name" "$port" "$jar"
        deadline=$((SECONDS + 30))
        until tail -n "+$((seen + 1))" "$nginx_dir/access.log" | grep -q "upstream=127.0.0.1:$port upstream_status=200"; do
            curl -fsS -o /dev/null -H 'Cache-Control: no-cache' "http://127.0.0.1:$NGINX_PORT/contact" || true
            [ $SECONDS -lt $deadline ] || fail "nginx sends instance $name no traffic after 30 s"
            sleep 1
        done
    done
    say "Both instances restarted"
}

start_all() {
    install_missing
    command -v java > /dev/null || fail "Java 17 or newer is needed (java on the PATH)"
    local jar
    jar=$(site_jar)
    make_secrets "$jar"
    start_postgres
    make_content
    # One after the other: the first runs the migrations and creates the first administrator.
    start_instance a "$PORT_A" "$jar"
    start_instance b "$PORT_B" "$jar"
    start_nginx
    cat << EOF

The site:         http://127.0.0.1:$NGINX_PORT/   (nginx, in front of both instances)
Instances:        a on 127.0.0.1:$PORT_A, b on 127.0.0.1:$PORT_B; probes on each: /actuator/health/readiness, /actuator/health/liveness
Staff sign-in:    http://127.0.0.1:$NGINX_PORT/staff as admin@example.com, password in $secrets/admin-password
                  (the second factor is a code by email: start with SPRING_MAIL_HOST set to receive it)
Logs:             $STATE/a/site.log, $STATE/b/site.log, $nginx_dir/access.log, $pg_dir/postgres.log
Rolling restart:  $0 restart
Stop everything:  $0 stop
EOF
}

case "${1:-start}" in
    start) start_all ;;
    restart) rolling_restart ;;
    stop) stop_all ;;
    *) fail "usage: $0 [start|restart|stop]" ;;
esac
