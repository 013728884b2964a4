#!/usr/bin/env bash
# Where the site spends its CPU while it serves one page under load: the JVM's own flight recorder (JFR) samples
# the running threads, and the hottest methods are printed (self time, and the frames of ours or of the libraries
# that lead to them). The site is pinned as in bench/run.sh.
#
# Usage: bench/profile.sh        (env: DURATION=20s CONNECTIONS=32 PAGE=/migraine/stages ENCODING=identity TOP=25)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/figures.sh
. bench/figures.sh

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
PAGE=${PAGE:-/migraine/stages}
ENCODING=${ENCODING:-identity}
TOP=${TOP:-25}
SERVER_CPUS=${SERVER_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
JAVA_OPTS=${JAVA_OPTS:-$recipe_java_opts}
APP_PORT=18080

work=$(mktemp -d)
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

build_jar
# The site's pages, copied: the site makes its content folder a Git repository (its history) when it starts.
cp -r content "$work/content"
# shellcheck disable=SC2086
CLINIC_DATA_DIR="$work/data" CLINIC_CONTENT_DIR="$work/content" taskset -c "$SERVER_CPUS" java $JAVA_OPTS -jar "$jar" --server.port=$APP_PORT \
    > "$work/app.log" 2>&1 &
app_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; do
    kill -0 "$app_pid" 2> /dev/null || { cat "$work/app.log"; exit 1; }
    sleep 0.1
done

url="http://127.0.0.1:$APP_PORT$PAGE"
echo "Warming up (30 s)..." >&2
taskset -c "$LOAD_CPUS" wrk -t1 -c"$CONNECTIONS" -d30s -H "Accept-Encoding: $ENCODING" "$url" > /dev/null

echo "Recording $DURATION under load..." >&2
jcmd "$app_pid" JFR.start name=bench settings=profile filename="$work/load.jfr" > /dev/null
taskset -c "$LOAD_CPUS" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -H "Accept-Encoding: $ENCODING" "$url" \
    | grep 'Requests/sec' >&2
jcmd "$app_pid" JFR.stop name=bench > /dev/null

# Self: the top frame of each sample, where the CPU was. Inclusive: every method on the sampled stacks, once per
# sample, so a filter or a library's entry point shows what it costs with all it calls.
jfr print --events jdk.ExecutionSample --stack-depth 96 "$work/load.jfr" > "$work/samples.txt"
echo "Self time, by method:"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/ +line:.*/, ""); count[$0]++; total++ }
    END { for (m in count) printf "%6.2f%%  %s\n", 100 * count[m] / total, m }' "$work/samples.txt" \
    | sort -rn | head -n "$TOP"
echo
echo "Inclusive time, by method (ours, Spring's, Jetty's):"
awk '/stackTrace = \[/ { inside = 1; total++; delete seen; next }
    inside && /^[ \t]*\]/ { inside = 0; next }
    inside { sub(/^[ \t]+/, ""); sub(/ +line:.*/, "");
        if ($0 ~ /^(com\.thrivecenter|org\.springframework|org\.eclipse\.jetty)/ && !($0 in seen)) { seen[$0] = 1; count[$0]++ } }
    END { for (m in count) printf "%6.2f%%  %s\n", 100 * count[m] / total, m }' "$work/samples.txt" \
    | sort -rn | head -n "$TOP"
