#!/usr/bin/env bash
# Makes the JVM's AOT cache for the site (Java 25 or later), the training step of the production recipe (README:
# "Production start-up"). It starts the jar with the production JVM options on scratch copies of the content and
# the data, asks for every page of the sitemap, the contact form and the staff sign-in page, and stops the site:
# the JVM writes the cache as it exits, with the classes loaded and the methods profiled on the way. Nothing of the
# real content or database is touched.
#
# Run it again for every new jar: the JVM uses a cache only with the very jar (path and time) it was made from,
# and starts without it, slower, otherwise.
#
# Usage: deploy/aot-cache.sh APP.jar CACHE.aot
#   env: JAVA (a Java 25 java, default $JAVA_HOME/bin/java), JAVA_OPTS (the same options as in production),
#        CONTENT (the pages to train on, default ./content), PORT (default 18979)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "Usage: $0 APP.jar CACHE.aot" >&2
    exit 2
fi
jar=$1
cache=$2
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAVA_OPTS=${JAVA_OPTS:-}
CONTENT=${CONTENT:-content}
PORT=${PORT:-18979}

if ! "$JAVA" -XX:AOTMode=off -version > /dev/null 2>&1; then
    echo "$JAVA has no AOT cache: Java 25 or later is needed (set JAVA or JAVA_HOME)" >&2
    exit 1
fi

scratch=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

cp -r "$CONTENT" "$scratch/content"
rm -rf "$scratch/content/.git"
# shellcheck disable=SC2086
CLINIC_DATA_DIR="$scratch/data" CLINIC_CONTENT_DIR="$scratch/content" "$JAVA" $JAVA_OPTS \
    -XX:AOTCacheOutput="$cache" -jar "$jar" --server.port="$PORT" > "$scratch/training.log" 2>&1 &
pid=$!
site="http://127.0.0.1:$PORT"
until curl -sf -o /dev/null "$site/actuator/health/readiness"; do
    kill -0 "$pid" 2> /dev/null || { cat "$scratch/training.log" >&2; exit 1; }
    sleep 0.1
done

# Each page plain and compressed a few times, so what serves them is loaded and warm when the cache is written.
pages=$(curl -sf "$site/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]*##; s#</loc>##')
for round in 1 2 3; do
    for page in $pages /contact /staff/login; do
        for encoding in identity gzip br; do
            curl -s -o /dev/null -H "Accept-Encoding: $encoding" "$site$page" || true
        done
    done
done

kill -TERM "$pid"
wait "$pid" || true
pid=""
if [ ! -s "$cache" ]; then
    cat "$scratch/training.log" >&2
    echo "The JVM wrote no AOT cache" >&2
    exit 1
fi
echo "AOT cache written to $cache"
