#!/usr/bin/env bash
# The benchmark: the site against nginx serving the same page, in alternation (A B A B), plain and gzip.
# Prints requests/s, p50/p99 latency, the app/nginx ratios, start-up time and resident memory after the load.
# Usage: bench/run.sh            (env: DURATION=15s ROUNDS=2 CONNECTIONS=32 JAVA_OPTS="...")
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
# A small heap suits a site whose pages are a few kilobytes each; Serial GC suits 2 cores.
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx160m -Xss512k}
APP_PORT=18080
NGINX_PORT=18081
PAGE=/migraine/stages

for tool in wrk nginx; do
    if ! command -v "$tool" > /dev/null && [ ! -x "/usr/sbin/$tool" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx > /dev/null
    fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "Building the jar..."
mvn -q -B -DskipTests package
jar=$(ls target/*.jar | grep -v '\.original$' | head -n 1)

# Class Data Sharing: a training run records the classes the site loads, later starts map them in at once.
echo "Preparing the class data sharing archive (a training run)..."
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
app_jar="$work/app/$(basename "$jar")"
# shellcheck disable=SC2086
CLINIC_DATA_DIR="$work/training" java $JAVA_OPTS -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$app_jar" --server.port=0 > "$work/training.log" 2>&1

echo "Starting the site with default settings (data in a scratch folder)..."
started=$(date +%s%N)
# shellcheck disable=SC2086
CLINIC_DATA_DIR="$work/data" java $JAVA_OPTS -XX:SharedArchiveFile="$work/app.jsa" -jar "$app_jar" --server.port=$APP_PORT \
    > "$work/app.log" 2>&1 &
app_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health"; do
    kill -0 "$app_pid" 2> /dev/null || { cat "$work/app.log"; exit 1; }
    sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
spring_started=$(grep -o 'Started SiteApplication in [0-9.]* seconds' "$work/app.log" | grep -o '[0-9.]*' | head -n 1)

# nginx serves the very same HTML, saved to disk, with gzip on (compressing on every request).
mkdir -p "$work/www$(dirname $PAGE)" "$work/logs"
curl -sf "http://127.0.0.1:$APP_PORT$PAGE" > "$work/www$PAGE"
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    gzip on;
    gzip_types text/html;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    server { listen 127.0.0.1:$NGINX_PORT; root $work/www; }
}
NGINX
mkdir -p "$work/tmp"
"$NGINX" -c "$work/nginx.conf" -p "$work"

echo "Warming up the site..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$APP_PORT$PAGE" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$PAGE" > /dev/null

# One wrk run; prints "requests/s p50_ms p99_ms".
measure() {
    local url=$1 mode=$2 out
    if [ "$mode" = gzip ]; then
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$url")
    else
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    fi
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' <<< "$out"
}

declare -A sum_rps sum_p50 sum_p99
for round in $(seq 1 "$ROUNDS"); do
    for mode in plain gzip; do
        for target in app nginx; do
            port=$APP_PORT; [ "$target" = nginx ] && port=$NGINX_PORT
            read -r rps p50 p99 < <(measure "http://127.0.0.1:$port$PAGE" "$mode")
            printf 'round %s  %-5s %-5s %8s req/s  p50 %6s ms  p99 %6s ms\n' "$round" "$mode" "$target" "$rps" "$p50" "$p99"
            key="$mode-$target"
            sum_rps[$key]=$(awk -v a="${sum_rps[$key]:-0}" -v b="$rps" 'BEGIN { print a + b }')
            sum_p50[$key]=$(awk -v a="${sum_p50[$key]:-0}" -v b="$p50" 'BEGIN { print a + b }')
            sum_p99[$key]=$(awk -v a="${sum_p99[$key]:-0}" -v b="$p99" 'BEGIN { print a + b }')
        done
    done
done

rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")

echo
echo "Averages over $ROUNDS rounds of $DURATION at $CONNECTIONS connections ($(nproc) cores):"
printf '%-6s %10s %10s %8s %8s %8s\n' mode app_rps nginx_rps ratio app_p50 app_p99
for mode in plain gzip; do
    awk -v m="$mode" -v n="$ROUNDS" -v a="${sum_rps[$mode-app]}" -v g="${sum_rps[$mode-nginx]}" \
        -v p50="${sum_p50[$mode-app]}" -v p99="${sum_p99[$mode-app]}" \
        'BEGIN { printf "%-6s %10.0f %10.0f %8.2f %6.2fms %6.2fms\n", m, a / n, g / n, a / g, p50 / n, p99 / n }'
done
echo "start-up: ready for requests after ${ready_ms} ms (Spring reports ${spring_started:-?} s)"
echo "resident memory after the load: ${rss_mb} MB"
echo "targets: plain >= 0.50 x nginx, gzip >= 1.00 x nginx, p99 < 10 ms, start-up < 3 s, memory < 300 MB"
