#!/usr/bin/env bash
# The benchmark: the site against nginx serving the very same bytes, each pinned to the same core(s) and wrk to the
# others, after the JVM's rate has settled, in alternating rounds (site, bare Jetty, nginx, ...). Compares plain
# pages, pre-compressed gzip (the site's own bytes, nginx gzip_static) and nginx compressing on the fly (levels 1
# and 6); bare Jetty (bench/BareJetty.java: the site's server with one handler sending the same bytes)
# is the ceiling for anything running on that container. Prints requests/s, p50/p99, the ratios, start-up (Java 17
# plain, Java 17 with the build's processing, Java 17 with it and CDS, the production recipe: Java 25 with it and the
# AOT cache) and resident memory after the load, and writes them to bench/README.md with the machine.
#
# Usage: bench/run.sh
#   env: DURATION=10s ROUNDS=2 CONNECTIONS=32 PAGE=/migraine/stages SERVER_CPUS=0 LOAD_CPUS=1
#        JAVA_OPTS="..." JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 WRITE_README=1
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/figures.sh
. bench/figures.sh

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PAGE=${PAGE:-/migraine/stages}
SERVER_CPUS=${SERVER_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
JAVA_OPTS=${JAVA_OPTS:-$recipe_java_opts}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WRITE_README=${WRITE_README:-1}
APP_PORT=18080
JETTY_PORT=18089
NGINX_PORT=18090 # plain; +1 gzip_static; +2 gzip level 1; +3 gzip level 6
ALL_CPUS=0-$(($(nproc) - 1))
WRK_THREADS=$(awk -F, '{ print NF }' <<< "$LOAD_CPUS")

for tool in wrk nginx taskset curl; do
    if ! command -v "$tool" > /dev/null && [ ! -x "/usr/sbin/$tool" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx util-linux curl > /dev/null
    fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
app_pid=""
jetty_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null || true
    [ -n "$jetty_pid" ] && kill "$jetty_pid" 2> /dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

build_jar
extract_jar "$work/app"
# The site's pages, copied: the site makes its content folder a Git repository (its history) when it starts.
content="$work/content"
cp -r content "$content"

# Starts the site on the CPUs given and waits until readiness answers 200; sets app_pid and ready_ms (from
# launching the JVM).
start_site() {
    local java=$1 extra=$2 data=$3 cpus=$4 started
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    CLINIC_DATA_DIR="$data" CLINIC_CONTENT_DIR="$content" taskset -c "$cpus" "$java" $JAVA_OPTS $extra -jar "$app_jar" \
        --server.port=$APP_PORT > "$data.log" 2>&1 &
    app_pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; do
        kill -0 "$app_pid" 2> /dev/null || { cat "$data.log" >&2; exit 1; }
        sleep 0.02
    done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

# Start-up as a deploy or a crash has it: a restart on the machine's every CPU, with the database and the content's
# history already there (made by a first start, not counted). The best of three: sets best.
best_start() {
    local java=$1 extra=$2 data
    data="$work/start-$RANDOM"
    start_site "$java" "$extra" "$data" "$ALL_CPUS"
    stop_site
    best=999999
    for _ in 1 2 3; do
        start_site "$java" "$extra" "$data" "$ALL_CPUS"
        stop_site
        if [ "$ready_ms" -lt "$best" ]; then best=$ready_ms; fi
    done
}

# Plain: the jar as it starts with no option of the recipe's (the jar itself starts from the build's processing),
# and, to compare, with that turned off.
recipe_opts=$JAVA_OPTS
JAVA_OPTS=${recipe_opts//-Dspring.aot.enabled=true/}
say "Start-up: Java 17, plain java -jar..."
best_start java ""
start_plain17=$best
say "Start-up: Java 17, java -jar without the build's processing (-Dspring.aot.enabled=false)..."
best_start java "-Dspring.aot.enabled=false"
start_noaot17="$best ms"
JAVA_OPTS=$recipe_opts

say "Start-up: Java 17 with a class data sharing archive (its training step first)..."
JAVA=java JAVA_OPTS="$JAVA_OPTS" PORT=$((APP_PORT + 1)) deploy/aot-cache.sh "$app_jar" "$work/app.jsa" >&2
cds="-XX:SharedArchiveFile=$work/app.jsa"
best_start java "$cds"
start_cds17="$best ms"

# The production recipe (README, "Production start-up") when Java 25 is here; Java 17 otherwise.
load_java=java
load_extra=$cds
load_jvm="Java 17 with CDS"
start_recipe="n/a (no Java 25 at $JAVA25_HOME)"
if [ -x "$JAVA25_HOME/bin/java" ]; then
    say "Start-up: the production recipe, Java 25 with the JVM's AOT cache (its training step first)..."
    JAVA="$JAVA25_HOME/bin/java" JAVA_OPTS="$JAVA_OPTS" PORT=$((APP_PORT + 1)) deploy/aot-cache.sh "$app_jar" "$work/app.aot" >&2
    best_start "$JAVA25_HOME/bin/java" "-XX:AOTCache=$work/app.aot"
    start_recipe="$best ms"
    load_java="$JAVA25_HOME/bin/java"
    load_extra="-XX:AOTCache=$work/app.aot"
    load_jvm="the production recipe (Java 25 with the AOT cache)"
fi

say "Starting the site for the load ($load_jvm, pinned to CPU $SERVER_CPUS)..."
start_site "$load_java" "$load_extra" "$work/data" "$SERVER_CPUS"

# nginx serves what the site serves: the page's HTML, and the site's own gzip bytes for gzip_static.
mkdir -p "$work/www$(dirname "$PAGE")" "$work/tmp" "$work/logs"
curl -sf "http://127.0.0.1:$APP_PORT$PAGE" > "$work/www$PAGE"
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$PAGE" > "$work/www$PAGE.gz"
plain_bytes=$(stat -c %s "$work/www$PAGE")
gzip_bytes=$(stat -c %s "$work/www$PAGE.gz")
cat > "$work/nginx.conf" << NGINX
user $(id -un);
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    keepalive_requests 1000;
    etag on;
    gzip_types text/html;
    server { listen 127.0.0.1:$NGINX_PORT; root $work/www; }
    server { listen 127.0.0.1:$((NGINX_PORT + 1)); root $work/www; gzip_static on; }
    server { listen 127.0.0.1:$((NGINX_PORT + 2)); root $work/www; gzip on; gzip_comp_level 1; }
    server { listen 127.0.0.1:$((NGINX_PORT + 3)); root $work/www; gzip on; gzip_comp_level 6; }
}
NGINX
taskset -c "$SERVER_CPUS" "$NGINX" -c "$work/nginx.conf" -p "$work"
# The same bytes from bare Jetty, the site's own server and libraries, on the same CPU(s).
taskset -c "$SERVER_CPUS" "$load_java" $JAVA_OPTS -cp "$work/app/lib/*" bench/BareJetty.java $JETTY_PORT \
    "$work/www$PAGE" "$work/www$PAGE.gz" > "$work/jetty.log" 2>&1 &
jetty_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$JETTY_PORT$PAGE"; do
    kill -0 "$jetty_pid" 2> /dev/null || { cat "$work/jetty.log" >&2; exit 1; }
    sleep 0.1
done

# Every way must answer 200 with the page: a refused or missing file would make nginx look fast for nothing.
for port in $NGINX_PORT $((NGINX_PORT + 1)) $((NGINX_PORT + 2)) $((NGINX_PORT + 3)); do
    curl -sf -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$PAGE" \
        || { say "nginx on port $port does not serve $PAGE"; exit 1; }
done

# One wrk run from the load CPUs; prints "requests/s p50_ms p99_ms bytes_per_response" (the bytes show whether
# a response really was compressed).
measure() {
    local url=$1 encoding=$2 duration=${3:-$DURATION} out
    out=$(taskset -c "$LOAD_CPUS" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --latency \
        -H "Accept-Encoding: $encoding" "$url")
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        function bytes(v) { if (v ~ /GB$/) return v * 1073741824; if (v ~ /MB$/) return v * 1048576; if (v ~ /KB$/) return v * 1024; return v + 0 }
        /Requests\/sec/ { rps = $2 }
        /Transfer\/sec/ { transfer = bytes($2) }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        END { printf "%.0f %.2f %.2f %.0f\n", rps, p50, p99, transfer / rps }' <<< "$out"
}

# The JIT settles over the first tens of seconds: warm up until two runs in a row are within 3 % of each other.
say "Warming the site up until its rate is stable..."
previous=0
for i in $(seq 1 20); do
    read -r rps _ _ _ < <(measure "http://127.0.0.1:$APP_PORT$PAGE" identity 5s)
    measure "http://127.0.0.1:$APP_PORT$PAGE" gzip 2s > /dev/null
    measure "http://127.0.0.1:$JETTY_PORT$PAGE" identity 2s > /dev/null
    say "  warm-up $i: $rps req/s"
    if awk -v a="$previous" -v b="$rps" 'BEGIN { exit !(a > 0 && (b - a) / a < 0.03 && (a - b) / a < 0.03) }'; then
        break
    fi
    previous=$rps
done

# variant: label, the site's Accept-Encoding, nginx's port, nginx's Accept-Encoding
variants=("plain identity $NGINX_PORT identity"
    "gzip_static gzip $((NGINX_PORT + 1)) gzip"
    "gzip_level1 gzip $((NGINX_PORT + 2)) gzip"
    "gzip_level6 gzip $((NGINX_PORT + 3)) gzip")
declare -A sum
for round in $(seq 1 "$ROUNDS"); do
    for variant in "${variants[@]}"; do
        read -r label site_enc nginx_port nginx_enc <<< "$variant"
        for target in site jetty nginx; do
            case $target in
                site) read -r rps p50 p99 size < <(measure "http://127.0.0.1:$APP_PORT$PAGE" "$site_enc") ;;
                # Bare Jetty sends the same bytes as the site, so one run per way the site answers is enough.
                jetty) [ "$label" = plain ] || [ "$label" = gzip_static ] || continue
                    read -r rps p50 p99 size < <(measure "http://127.0.0.1:$JETTY_PORT$PAGE" "$site_enc") ;;
                nginx) read -r rps p50 p99 size < <(measure "http://127.0.0.1:$nginx_port$PAGE" "$nginx_enc") ;;
            esac
            say "round $round  $label  $target  $rps req/s  p50 $p50 ms  p99 $p99 ms  ~$size bytes/response"
            for metric in rps p50 p99 size; do
                key="$label-$target-$metric"
                sum[$key]=$(awk -v a="${sum[$key]:-0}" -v b="${!metric}" 'BEGIN { print a + b }')
            done
        done
    done
done

rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
avg() { awk -v s="${sum[$1]:-0}" -v n="$ROUNDS" 'BEGIN { printf "%.2f", s / n }'; }

versions="$(java -version 2>&1 | head -n 1); $("$JAVA25_HOME/bin/java" -version 2>&1 | head -n 1 || true); $("$NGINX" -v 2>&1); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1,2 || true)"

table() {
    echo "| variant | site req/s | bare Jetty req/s | nginx req/s | site / nginx | site / bare Jetty | site p50 | site p99 | nginx p99 | bytes/response site, nginx |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    for variant in "${variants[@]}"; do
        read -r label _ _ _ <<< "$variant"
        awk -v l="$label" -v a="$(avg "$label-site-rps")" -v t="$(avg "$label-jetty-rps")" -v g="$(avg "$label-nginx-rps")" \
            -v p50="$(avg "$label-site-p50")" -v p99="$(avg "$label-site-p99")" -v np99="$(avg "$label-nginx-p99")" \
            -v sb="$(avg "$label-site-size")" -v nb="$(avg "$label-nginx-size")" \
            'BEGIN {
                jetty = t > 0 ? sprintf("%.0f", t) : "-"; ratio = t > 0 ? sprintf("%.2f", a / t) : "-"
                printf "| %s | %.0f | %s | %.0f | **%.2f** | %s | %.2f ms | %.2f ms | %.2f ms | %.0f, %.0f |\n", l, a, jetty, g, a / g, ratio, p50, p99, np99, sb, nb
            }'
    done
}

report() {
    echo "Machine: $machine. $versions."
    echo "Site, bare Jetty and nginx pinned to CPU(s) $SERVER_CPUS, wrk ($WRK_THREADS thread(s)) to CPU(s) $LOAD_CPUS;"
    echo "$ROUNDS rounds of $DURATION at $CONNECTIONS connections on \`$PAGE\` ($plain_bytes bytes, $gzip_bytes gzipped)."
    echo "The site under load ran on $load_jvm."
    echo "Run on $(date -u +%Y-%m-%d) with JAVA_OPTS \`$JAVA_OPTS\` and MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX."
    echo
    table
    echo
    echo "| | measured | target |"
    echo "| --- | --- | --- |"
    echo "| restart to readiness, Java 17, plain \`java -jar\` (best of 3, both CPUs) | $start_plain17 ms | < 5 s |"
    echo "| restart to readiness, Java 17, \`java -jar\` without the build's processing (best of 3, both CPUs) | $start_noaot17 | |"
    echo "| restart to readiness, Java 17 with CDS and the build's processing, the recipe's fallback (best of 3, both CPUs) | $start_cds17 | |"
    echo "| restart to readiness, production recipe: Java 25 with the AOT cache and the build's processing (best of 3, both CPUs) | $start_recipe | < 2 s |"
    echo "| resident memory after the load | $rss_mb MB | < 200 MB |"
}

publish_figures latest "$(report)"
