#!/usr/bin/env bash
# The staff inbox with many inquiries: fills a scratch database (H2, then PostgreSQL from Debian on a scratch folder
# and a loopback port) with INQUIRIES inquiries stored the way the site stores them (sealed values, blind indexes:
# the loader InboxBenchData runs the site's own migrations and InquiryRepository with the bench's keysets), starts
# the site on it, signs a member of staff in (PostgreSQL: with the second factor, the code read from the database),
# and measures p50/p95 over REQUESTS requests per case, one keep-alive connection, after a round of as many
# unmeasured ones for every case: the first page, a later page, the last page, a status filter, a date filter, and
# searches by reference, email, phone and name. Prints the plans of the queries behind them (PostgreSQL: the site's own statements through
# auto_explain, EXPLAIN ANALYZE; H2: EXPLAIN of the same statements) and writes the figures to bench/README.md.
#
# Usage: bench/inbox.sh
#   env: INQUIRIES=100000 REQUESTS=200 DATABASES="h2 postgres" APP_PORT=18300 PG_PORT=18301 SERVER_CPUS=0
#        LOAD_CPUS=1 JAVA_OPTS="..." WRITE_README=1
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/figures.sh
. bench/figures.sh

INQUIRIES=${INQUIRIES:-100000}
REQUESTS=${REQUESTS:-200}
DATABASES=${DATABASES:-h2 postgres}
APP_PORT=${APP_PORT:-18300}
PG_PORT=${PG_PORT:-18301}
SERVER_CPUS=${SERVER_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
JAVA_OPTS=${JAVA_OPTS:-$recipe_java_opts}
WRITE_README=${WRITE_README:-1}
STAFF_EMAIL=bench.admin@clinic.example
STAFF_PASSWORD=bench-inbox-password-15

fail() { say "inbox: $*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
as_postgres() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

missing=()
for tool in curl taskset; do command -v "$tool" > /dev/null || missing+=("$tool"); done
ls /usr/lib/postgresql/*/lib/auto_explain.so > /dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    is_root || fail "missing ${missing[*]}: run as root, or apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl util-linux postgresql > /dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

work=$(mktemp -d)
# PostgreSQL runs as its own user when we are root, so its folder is one it may enter.
pg_dir=$(mktemp -d)
is_root && chown postgres: "$pg_dir"
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null && wait "$app_pid" 2> /dev/null || true
    [ -f "$pg_dir/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$work" "$pg_dir"
}
trap cleanup EXIT

build_jar
extract_jar "$work/app"
h2_jar=$(ls "$work"/app/lib/h2-*.jar)
# The site makes its content folder a Git repository when it starts: a copy, never the project's own.
cp -r content "$work/content"
(umask 077 && mkdir -p "$work/keys" "$work/keygen" \
    && cd "$work/keygen" && CLINIC_DATA_DIR="$work/keygen" java -jar "$app_jar" --new-keysets "$work/keys" > "$work/keygen.log" 2>&1) \
    || { cat "$work/keygen.log" >&2; fail "could not make the keysets"; }

load() {
    local url=$1 user=$2
    say "Storing $INQUIRIES inquiries ($url)..."
    local started=$SECONDS
    java -cp "$app_jar:target/test-classes" com.thrivecenter.clinic.inquiry.InboxBenchData "$url" "$user" "" \
        "$work/keys/data-keyset.json" "$work/keys/index-keyset.json" "$INQUIRIES" "$work/terms" >&2
    load_seconds=$((SECONDS - started))
}

start_site() {
    local profile=$1 log=$2
    # shellcheck disable=SC2086
    SPRING_PROFILES_ACTIVE=$profile \
        DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/clinic" DATABASE_USER=clinic DATABASE_PASSWORD="" \
        CLINIC_DATA_DIR="$work/h2" CLINIC_CONTENT_DIR="$work/content" \
        CLINIC_DATA_KEYSET="$work/keys/data-keyset.json" CLINIC_DATA_INDEX_KEYSET="$work/keys/index-keyset.json" \
        CLINIC_INQUIRIES_SECRET=bench-inquiries-secret-0123456789 CLINIC_DATA_AUDIT_KEY=bench-audit-key-0123456789 \
        CLINIC_STAFF_ADMIN_EMAIL=$STAFF_EMAIL CLINIC_STAFF_ADMIN_PASSWORD=$STAFF_PASSWORD \
        taskset -c "$SERVER_CPUS" java $JAVA_OPTS -jar "$app_jar" --server.port="$APP_PORT" > "$log" 2>&1 &
    app_pid=$!
    local deadline=$((SECONDS + 240))
    until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; do
        kill -0 "$app_pid" 2> /dev/null || { tail -n 40 "$log" >&2; fail "the site stopped"; }
        [ $SECONDS -lt $deadline ] || fail "the site was not ready after 240 s"
        sleep 0.2
    done
}

site() { curl -s -b "$work/cookies" -c "$work/cookies" "$@"; }
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p; }

# Signs in through the forms, as a browser would; with the second factor, asks for a code and enters the one the
# site stored (no mail server here: the code is the one-time token in the database).
sign_in() {
    local second_factor=$1 token code
    rm -f "$work/cookies"
    token=$(site "http://127.0.0.1:$APP_PORT/staff/login" | csrf)
    site -o /dev/null --data-urlencode "email=$STAFF_EMAIL" --data-urlencode "password=$STAFF_PASSWORD" \
        --data-urlencode "_csrf=$token" "http://127.0.0.1:$APP_PORT/staff/login"
    if [ "$second_factor" = yes ]; then
        token=$(site "http://127.0.0.1:$APP_PORT/staff/second-factor" | csrf)
        site -o /dev/null --data-urlencode "_csrf=$token" "http://127.0.0.1:$APP_PORT/staff/second-factor/send"
        code=$(psql_clinic -c "SELECT token_value FROM one_time_tokens WHERE username = '$STAFF_EMAIL'")
        token=$(site "http://127.0.0.1:$APP_PORT/staff/second-factor" | csrf)
        site -o /dev/null --data-urlencode "token=$code" --data-urlencode "_csrf=$token" \
            "http://127.0.0.1:$APP_PORT/staff/second-factor/code"
    fi
    local inbox
    inbox=$(site "http://127.0.0.1:$APP_PORT/staff")
    [[ $inbox == *"<h1>Inquiries</h1>"* ]] || fail "could not sign in"
}

term() { sed -n "s/^$1=//p" "$work/terms"; }
# Percent-encodes a query parameter's value.
encode() {
    local text=$1 i char
    for ((i = 0; i < ${#text}; i++)); do
        char=${text:i:1}
        case $char in
            [A-Za-z0-9.~_-]) printf '%s' "$char" ;;
            *) printf '%%%02X' "'$char" ;;
        esac
    done
}

# label, path: what staff do most in the inbox.
cases() {
    local last=$(((INQUIRIES + 24) / 25 - 1))
    echo "first_page /staff"
    echo "page_2000 /staff?page=2000"
    echo "last_page /staff?page=$last"
    echo "status_contacted /staff?status=CONTACTED"
    echo "received_a_month /staff?from=$(date -d '-90 days' +%F)&to=$(date -d '-61 days' +%F)"
    echo "search_reference /staff?q=$(encode "$(term reference)")"
    echo "search_email /staff?q=$(encode "$(term email)")"
    echo "search_phone /staff?q=$(encode "$(term phone)")"
    echo "search_name /staff?q=$(encode "$(term name)")"
}

# REQUESTS requests on one keep-alive connection (curl reuses it across the URLs of one run), as gzip as a browser
# asks; writes "status seconds" per request to the file given.
requests() {
    local path=$1 out=$2 config=$work/curl.config
    : > "$config"
    for _ in $(seq 1 "$REQUESTS"); do
        printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$APP_PORT" "$path" >> "$config"
    done
    taskset -c "$LOAD_CPUS" curl -s -b "$work/cookies" -H 'Accept-Encoding: gzip' \
        -w '%{http_code} %{time_total}\n' -K "$config" > "$out"
}

# Prints "p50_ms p95_ms inquiries_shown". Every answer must be 200 with the inbox, or the figure means nothing.
measure() {
    local path=$1
    requests "$path" "$work/measured"
    grep -vq '^200 ' "$work/measured" && fail "$path answered $(grep -v '^200 ' "$work/measured" | head -n 1)"
    local shown
    shown=$(site "http://127.0.0.1:$APP_PORT$path" | sed -n 's/.*<p>\([0-9]*\) inquir.*/\1/p' | sed -n 1p)
    cut -d' ' -f2 "$work/measured" | sort -n | awk -v shown="$shown" '
        { t[NR] = $1 * 1000 }
        END { printf "%.1f %.1f %s\n", t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], shown }'
}

declare -A p50 p95 matched
run_cases() {
    local db=$1 label path
    # Every case once unmeasured first, so the first one measured does not carry the JIT's warm-up for all.
    while read -r label path; do requests "$path" "$work/warm"; done < <(cases)
    while read -r label path; do
        read -r "p50[$db-$label]" "p95[$db-$label]" "matched[$label]" < <(measure "$path")
        say "  $db  $label  p50 ${p50[$db-$label]} ms  p95 ${p95[$db-$label]} ms  (${matched[$label]} inquiries)"
    done < <(cases)
}

psql_clinic() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U clinic -d clinic -qtAX "$@"; }

# The statements behind the cases, as InquiryRepository writes them (the page, then the count), for H2's EXPLAIN: page
# 2,000 of everything, the first page of a status, of a month, and of the widest search, a phone number's (a
# reference and all three blind indexes), with the sample inquiry's values.
h2_explains() {
    local url=$1 ref email_ix phone_ix name_ix
    read -r ref email_ix phone_ix name_ix < <(java -cp "$h2_jar" org.h2.tools.Shell -url "$url" -user sa \
        -sql "SELECT reference || ' ' || email_index || ' ' || phone_index || ' ' || name_index FROM inquiry WHERE reference = '$(term reference)'" \
        | sed -n 2p)
    local search="id IN (SELECT id FROM inquiry WHERE reference = '$ref' UNION SELECT id FROM inquiry WHERE email_index = '$email_ix' UNION SELECT id FROM inquiry WHERE phone_index = '$phone_ix' UNION SELECT id FROM inquiry WHERE name_index = '$name_ix')"
    local days="received_at >= TIMESTAMP WITH TIME ZONE '$(date -d '-90 days' +%F) 00:00:00+00' AND received_at < TIMESTAMP WITH TIME ZONE '$(date -d '-60 days' +%F) 00:00:00+00'"
    page() {
        echo "SELECT reference, received_at, reason, status, contact_method FROM inquiry WHERE id IN (SELECT id FROM inquiry$1 ORDER BY received_at DESC, id DESC LIMIT 25 OFFSET $2) ORDER BY received_at DESC, id DESC;"
        echo "SELECT COUNT(*) FROM inquiry$1;"
    }
    {
        page "" 50000
        page " WHERE status = 'CONTACTED'" 0
        page " WHERE $days" 0
        page " WHERE $search" 0
    } > "$work/h2.sql"
    while read -r statement; do
        echo "EXPLAIN $statement"
        java -cp "$h2_jar" org.h2.tools.Shell -url "$url" -user sa -sql "EXPLAIN $statement" | sed '1d; /^(/d'
    done < "$work/h2.sql"
}

explain_out=$work/explain
: > "$explain_out"
loaded=""

for db in $DATABASES; do
    case $db in
        h2)
            url="jdbc:h2:file:$work/h2/clinic"
            load "$url" sa
            loaded+="H2 ${load_seconds} s; "
            start_site default "$work/site-h2.log"
            sign_in no
            say "Measuring on H2 ($REQUESTS requests per case, after a round of as many to warm up)..."
            run_cases h2
            stop_site
            { echo "### H2"; h2_explains "$url"; } >> "$explain_out"
            ;;
        postgres)
            say "Starting PostgreSQL on 127.0.0.1:$PG_PORT..."
            as_postgres "$PG_BIN/initdb" -D "$pg_dir/data" -U clinic --auth=trust -E UTF8 --no-locale > /dev/null
            as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
                -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $pg_dir -c shared_preload_libraries=auto_explain" start > /dev/null
            "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U clinic clinic
            load "jdbc:postgresql://127.0.0.1:$PG_PORT/clinic" clinic
            loaded+="PostgreSQL ${load_seconds} s; "
            # What autovacuum would have done by the time staff look: statistics and the visibility map.
            psql_clinic -c "VACUUM ANALYZE"
            start_site postgres "$work/site-pg.log"
            sign_in yes
            say "Measuring on PostgreSQL ($REQUESTS requests per case, after a round of as many to warm up)..."
            run_cases pg
            # One more request per case with every statement's plan logged (auto_explain, with real run times).
            psql_clinic -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" \
                -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "SELECT pg_reload_conf()" > /dev/null
            sleep 1
            : > "$pg_dir/postgres.log"
            while read -r label path; do
                echo "-- $label" >> "$pg_dir/postgres.log"
                site -o /dev/null "http://127.0.0.1:$APP_PORT$path"
            done < <(cases)
            psql_clinic -c "ALTER SYSTEM RESET ALL" -c "SELECT pg_reload_conf()" > /dev/null
            stop_site
            {
                echo "### PostgreSQL"
                # Each logged plan whose statement reads the inquiry table, under the case that caused it.
                awk '/^-- / { print; next }
                     /LOG:  duration: .* plan:/ { keep = 0; plan = $0; next }
                     plan != "" && /Query Text:/ { keep = ($0 ~ /FROM inquiry/); if (keep) print plan; plan = "" }
                     /LOG:|STATEMENT:/ && !/plan:/ { keep = 0 }
                     keep { print }' "$pg_dir/postgres.log"
            } >> "$explain_out"
            as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null
            ;;
        *) fail "unknown database $db (h2 or postgres)" ;;
    esac
done

cat "$explain_out"

report() {
    echo "Machine: $machine. $(java -version 2>&1 | head -n 1); $("$PG_BIN/postgres" --version)."
    echo "$INQUIRIES inquiries (stored in: ${loaded%; }), $REQUESTS requests per case on one keep-alive connection after"
    echo "a round of as many for every case to warm up; the site pinned to CPU(s) $SERVER_CPUS (with PostgreSQL), curl to $LOAD_CPUS."
    echo "Run on $(date -u +%Y-%m-%d) with JAVA_OPTS \`$JAVA_OPTS\` and MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX."
    echo
    local header="| case | inquiries |" rule="| --- | --- |" db label path
    for db in $DATABASES; do
        header+=" $db p50 | $db p95 |"
        rule+=" --- | --- |"
    done
    echo "$header"
    echo "$rule"
    while read -r label path; do
        local row="| $label | ${matched[$label]} |"
        for db in $DATABASES; do
            local key=${db/postgres/pg}-$label
            row+=" ${p50[$key]} ms | **${p95[$key]} ms** |"
        done
        echo "$row"
    done < <(cases)
}

publish_figures inbox "$(report)"
