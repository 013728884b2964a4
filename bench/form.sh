#!/usr/bin/env bash
# The contact form under load, on H2 (the default) and on PostgreSQL (the postgres profile): real submissions, each
# a distinct, valid inquiry sent with a form the site issued (its CSRF cookie, hidden CSRF field and signed form
# token, opened at least the minimum fill time before), each from its own client address, while the outbox mails
# every inquiry to a local SMTP sink (Postfix's smtp-sink, in C: it takes thousands of mails a second, so the sink is
# not what bounds the outbox). Prints and writes to bench/README.md: forms opened/s, inquiries stored per
# second (rows counted in the database), refusals and errors, p50/p99, and how long the outbox needs after the load
# to deliver every mail (mails counted in the sink).
#
# Usage: bench/form.sh
#   env: DURATION=20 (seconds of measured sending) WARMUP=20 (seconds of a warm-up round) WARMUP_ROUNDS=8 (at most)
#        CONNECTIONS=32 DATABASES="h2 postgres"
#        ACKNOWLEDGE=true (the patient's receipt too: two mails per inquiry) SERVER_CPUS=0 LOAD_CPUS=1
#        APP_PORT=18200 PG_PORT=18201 SMTP_PORT=18202 DRAIN_TIMEOUT=300 JAVA_OPTS="..." WRITE_README=1
#        RATE= (submissions per second offered in the measured run; empty: as many as the site takes)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/figures.sh
. bench/figures.sh

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-8}
CONNECTIONS=${CONNECTIONS:-32}
DATABASES=${DATABASES:-h2 postgres}
ACKNOWLEDGE=${ACKNOWLEDGE:-true}
SERVER_CPUS=${SERVER_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
APP_PORT=${APP_PORT:-18200}
PG_PORT=${PG_PORT:-18201}
SMTP_PORT=${SMTP_PORT:-18202}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}
JAVA_OPTS=${JAVA_OPTS:-$recipe_java_opts}
WRITE_README=${WRITE_README:-1}
RATE=${RATE:-}
# The site's default clinic.inquiries.min-fill-time: a form sent sooner after it was opened is refused as a robot's.
MIN_FILL_SECONDS=3
WRK_THREADS=$(awk -F, '{ print NF }' <<< "$LOAD_CPUS")
MAILS_PER_INQUIRY=$([ "$ACKNOWLEDGE" = true ] && echo 2 || echo 1)

missing=()
command -v wrk > /dev/null || missing+=(wrk)
command -v taskset > /dev/null || missing+=(util-linux)
command -v curl > /dev/null || missing+=(curl)
ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

work=$(mktemp -d)
# Mail lands in a folder of its own: smtp-sink run as root drops to the nobody user, who writes it.
mail_dir=$(mktemp -d)
# PostgreSQL's files belong to the postgres user when this runs as root: a folder of its own, outside $work.
pg_dir=$(mktemp -d)
app_pid=""
sink_pid=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null || true
    fi
}
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null || true
    [ -n "$sink_pid" ] && kill "$sink_pid" 2> /dev/null || true
    stop_postgres
    rm -rf "$work" "$pg_dir" "$mail_dir"
}
trap cleanup EXIT

build_jar
# Extracted, for H2's own tools (lib/) to count the rows of the H2 database once the site has stopped.
extract_jar "$work/app"
h2_jar=$(ls "$work/app/lib/"h2-*.jar)

start_postgres() {
    mkdir -p "$pg_dir/data"
    [ "$(id -u)" -eq 0 ] && chown -R postgres: "$pg_dir"
    # A scratch cluster on a loopback port only; durable commits (fsync, synchronous_commit) as in production.
    as_postgres "$PG_BIN/initdb" -D "$pg_dir/data" -U clinic --auth=trust -E UTF8 --no-locale > /dev/null
    as_postgres taskset -c "$LOAD_CPUS" "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $pg_dir" start > /dev/null
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U clinic clinic
}

# smtp-sink from Debian's postfix package, unpacked into $work: installing the package would start a mail server.
unpack_smtp_sink() {
    # (As root, apt warns that it downloads unsandboxed.)
    (cd "$work" && apt-get download -qq postfix 2> /dev/null) || { echo "could not download postfix from Debian" >&2; exit 1; }
    dpkg-deb -x "$work"/postfix_*.deb "$work/postfix"
    smtp_sink=("env" "LD_LIBRARY_PATH=$work/postfix/usr/lib/postfix" "$work/postfix/usr/sbin/smtp-sink")
    [ "$(id -u)" -eq 0 ] && smtp_sink+=(-u nobody)
    return 0
}
unpack_smtp_sink

# The SMTP sink: every mail it accepts is one file in $maildir/new (the dump template's name and a random suffix).
start_sink() {
    maildir="$mail_dir/$1"
    mkdir -p "$maildir/new"
    chmod -R a+rwx "$mail_dir"
    taskset -c "$LOAD_CPUS" "${smtp_sink[@]}" -d "$maildir/new/%H%M%S." "127.0.0.1:$SMTP_PORT" 256 \
        > "$work/$1-sink.log" 2>&1 &
    sink_pid=$!
    until (exec 3<> "/dev/tcp/127.0.0.1/$SMTP_PORT") 2> /dev/null; do
        kill -0 "$sink_pid" 2> /dev/null || { cat "$work/$1-sink.log" >&2; exit 1; }
        sleep 0.1
    done
}

mails() { ls -U "$maildir/new" | wc -l; }

start_site() {
    local database=$1 data="$work/$1-data"
    local -a env=(CLINIC_DATA_DIR="$data" CLINIC_CONTENT_DIR="$work/$database-content"
        SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" CLINIC_INQUIRIES_ACKNOWLEDGE="$ACKNOWLEDGE"
        # The one proxy whose X-Forwarded-For is believed: one on this machine, as the postgres profile sets it.
        CLINIC_PROXIES_TRUSTED='127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0:0:0:0:0:0:0:1')
    if [ "$database" = postgres ]; then
        # One instance: its secrets and keysets may be generated into its (scratch) data folder.
        env+=(SPRING_PROFILES_ACTIVE=postgres DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/clinic"
            DATABASE_USER=clinic DATABASE_PASSWORD=unused CLINIC_DATA_GENERATE_KEYS=true)
    fi
    # The site's pages, copied: the site makes its content folder a Git repository (its history) when it starts.
    cp -r content "$work/$database-content"
    # shellcheck disable=SC2086
    env "${env[@]}" taskset -c "$SERVER_CPUS" java $JAVA_OPTS -jar "$app_jar" --server.port="$APP_PORT" \
        > "$work/$database-site.log" 2>&1 &
    app_pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; do
        kill -0 "$app_pid" 2> /dev/null || { tail -n 40 "$work/$database-site.log" >&2; exit 1; }
        sleep 0.2
    done
}

# Opens forms with wrk for $2 seconds and appends them to the form file $1; prints form-open.lua's figures.
open_forms() {
    local forms=$1 seconds=$2 chunk="$work/chunk-$RANDOM" out
    out=$(taskset -c "$LOAD_CPUS" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s bench/form-open.lua \
        "http://127.0.0.1:$APP_PORT/contact" -- "$chunk")
    cat "$chunk".* >> "$forms"
    rm -f "$chunk".*
    tail -n 1 <<< "$out"
}

# Sends every form of the file $1 at most once, for $2 seconds, patients numbered from $3, as fast as the site
# answers or, with a rate $4, at that rate; prints form-send.lua's figures. Each wrk thread reads its own share of
# the forms.
send_forms() {
    local forms=$1 seconds=$2 first=$3 rate=${4:-} script=bench/form-send.lua interval=()
    if [ -n "$rate" ]; then
        script=bench/form-send-paced.lua
        interval=("$(awk -v threads="$WRK_THREADS" -v rate="$rate" 'BEGIN { print 1000 * threads / rate }')")
    fi
    split -n "r/$WRK_THREADS" -d -a 2 "$forms" "$forms."
    taskset -c "$LOAD_CPUS" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
        -s "$script" "http://127.0.0.1:$APP_PORT/contact" -- "$forms" "$first" "${interval[@]}" | tail -n 1
}

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<< "$2"; }

# Waits until the sink holds $1 mails or DRAIN_TIMEOUT passes, then until no mail has come for 12 s (more than two
# of the outbox's 5 s polls: requests still in flight when wrk stopped were stored too, and are mailed too); sets
# received, and drained_ms: from the call to the arrival of the last mail.
wait_for_mails() {
    local expected=$1 started previous=-1 last
    started=$(date +%s%N)
    received=$(mails)
    while [ "$received" -lt "$expected" ] && [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt "$DRAIN_TIMEOUT" ]; do
        sleep 0.1
        received=$(mails)
    done
    while [ "$received" -ne "$previous" ]; do
        previous=$received
        sleep 12
        received=$(mails)
    done
    last=$(find "$maildir/new" -type f -printf '%T@\n' | sort -n | tail -n 1)
    drained_ms=$(awk -v last="${last:-0}" -v started="$started" 'BEGIN {
        ms = last * 1000 - started / 1000000; printf "%d", (ms > 0 ? ms : 0) }')
}

# The inquiries stored since $2 and the milliseconds from the first to the last of them, from the database: prints
# "rows milliseconds".
count_rows_since() {
    local database=$1 since="TIMESTAMP WITH TIME ZONE '$2'"
    if [ "$database" = postgres ]; then
        "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U clinic -d clinic -tA -F ' ' -c "SELECT COUNT(*),
            ROUND(EXTRACT(EPOCH FROM MAX(received_at) - MIN(received_at)) * 1000) FROM inquiry WHERE received_at >= $since"
    else
        java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/h2-data/clinic" -user sa -password "" -sql \
            "SELECT COUNT(*) || ' ' || DATEDIFF('MILLISECOND', MIN(received_at), MAX(received_at)) FROM inquiry WHERE received_at >= $since" \
            | sed -n '2p'
    fi
}

rows=()
warm_rounds=""
run_database() {
    local database=$1 forms opened warm warm_rate needed sent t_start t_end mails_before mails_at_end stored
    say "== $database =="
    [ "$database" = postgres ] && start_postgres
    start_sink "$database"
    start_site "$database"

    # The JIT compiles for a minute and more of this load on one CPU, taking CPU from the form and the outbox: warm up
    # in rounds (forms opened, then sent as fast as the site takes them, then their mail drained) until two rounds in
    # a row store within 5 % of each other.
    local round previous=0
    for round in $(seq 1 "$WARMUP_ROUNDS"); do
        forms="$work/$database-warm-forms-$round"
        opened=$(open_forms "$forms" 10)
        sleep "$MIN_FILL_SECONDS"
        mails_before=$(mails)
        # Patients numbered apart for each round, so no client address meets the rate limit twice.
        warm=$(send_forms "$forms" "$WARMUP" $((round * 1000000)))
        say "  warm-up $round: $warm"
        wait_for_mails $(( mails_before + $(field accepted "$warm") * MAILS_PER_INQUIRY ))
        if awk -v a="$previous" -v b="$(field accepted "$warm")" \
            'BEGIN { exit !(a > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05) }'; then
            break
        fi
        previous=$(field accepted "$warm")
    done
    warm_rounds="${warm_rounds:+$warm_rounds, }$database $round"
    # Forms for the measured run: twice the warm-up's rate, or, when the warm-up used up its forms early (opening a
    # form costs more than sending one), 3 times what its latency allows (connections / p50), whichever is more;
    # plus the requests in flight at the end.
    needed=$(awk -v accepted="$(field accepted "$warm")" -v p50="$(field p50_ms "$warm")" 'BEGIN {
        rate = 2 * accepted / '"$WARMUP"'; by_latency = 3 * '"$CONNECTIONS"' * 1000 / (p50 > 0 ? p50 : 1)
        printf "%d", (rate > by_latency ? rate : by_latency) * '"$DURATION"' + 2 * '"$CONNECTIONS"' + 200 }')

    say "Opening $needed forms for the measured run..."
    forms="$work/$database-forms"
    : > "$forms"
    while [ "$(wc -l < "$forms")" -lt "$needed" ]; do
        opened=$(open_forms "$forms" 10)
        say "  $opened"
    done
    sleep "$MIN_FILL_SECONDS"

    say "Sending for ${DURATION} s${RATE:+ at $RATE a second}..."
    mails_before=$(mails)
    t_start=$(date -u '+%Y-%m-%d %H:%M:%S.%N+00:00')
    sent=$(send_forms "$forms" "$DURATION" 100000000 "$RATE")
    mails_at_end=$(mails)
    say "  $sent"
    if [ "$(field exhausted "$sent")" -gt 0 ]; then
        say "  the site took every form before the ${DURATION} s were over: its rate is taken over the time it was sending"
    fi
    wait_for_mails $(( mails_before + $(field accepted "$sent") * MAILS_PER_INQUIRY ))
    say "  outbox: $((received - mails_before)) mails received, the last $drained_ms ms after the load"

    if [ "$database" = postgres ]; then
        stored=$(count_rows_since "$database" "$t_start")
        stop_site
    else
        stop_site
        stored=$(count_rows_since "$database" "$t_start")
    fi
    kill "$sink_pid"
    wait "$sink_pid" 2> /dev/null || true
    sink_pid=""
    [ "$database" = postgres ] && stop_postgres

    rows+=("$(awk -v db="$database" -v open="$opened" -v sent="$sent" -v stored="${stored% *}" \
        -v span_ms="${stored#* }" -v during="$((mails_at_end - mails_before))" -v mails="$((received - mails_before))" \
        -v expected="$((${stored% *} * MAILS_PER_INQUIRY))" -v drained="$drained_ms" '
        function f(text, key) { match(text, key "=[^ ]*"); return substr(text, RSTART + length(key) + 1, RLENGTH - length(key) - 1) }
        BEGIN {
            printf "| %s | %.0f | %s / %s ms | %d | **%.0f** | %d | %d | %d | %d | %s / %s ms | %d of %d (%d during the load) | %.1f s |\n",
                db, f(open, "forms_opened") / f(open, "duration_s"), f(open, "p50_ms"), f(open, "p99_ms"),
                stored, stored / (span_ms / 1000), f(sent, "accepted"), f(sent, "refused_4xx"), f(sent, "failed_5xx"),
                f(sent, "socket_errors"), f(sent, "p50_ms"), f(sent, "p99_ms"), mails, expected, during, drained / 1000
        }')")
}

for database in $DATABASES; do
    run_database "$database"
done

report() {
    echo "Machine: $machine. $(java -version 2>&1 | head -n 1); $("$PG_BIN/postgres" --version); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1,2 || true)."
    echo "Site pinned to CPU(s) $SERVER_CPUS; wrk ($WRK_THREADS thread(s)), PostgreSQL and the SMTP sink (Postfix smtp-sink) to CPU(s) $LOAD_CPUS;"
    echo "$CONNECTIONS connections, warm-up rounds of ${WARMUP} s until two in a row stored within 5 % (${warm_rounds}), then ${DURATION} s measured${RATE:+ at $RATE submissions offered a second}; $MAILS_PER_INQUIRY mail(s) per inquiry."
    echo "Run on $(date -u +%Y-%m-%d) with JAVA_OPTS \`$JAVA_OPTS\` and MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX."
    echo
    echo "| database | forms opened/s | opening p50 / p99 | inquiries stored (rows) | stored/s (rows / their time span) | 303 | 4xx | 5xx | socket errors | sending p50 / p99 | mails received | outbox done after the load |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
}

publish_figures form "$(report)"
