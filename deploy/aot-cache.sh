#!/usr/bin/env bash
# Makes the JVM's start-up cache for the site, the training step of the production recipe (README: "Production
# start-up"): on Java 25 or later the AOT cache (-XX:AOTCache), on Java 17 to 24 a class data sharing archive
# (-XX:SharedArchiveFile). It starts the jar with the production JVM options on scratch copies of the content and
# the data, asks for every page of the sitemap, the contact form and the staff sign-in page, and stops the site:
# the JVM writes the cache (Java 25) or the list of the classes it loaded (Java 17) as it exits; on Java 17 the
# archive is then made from that list. Nothing of the real content or database is touched.
#
# Run it again for every new jar: the JVM uses a cache only with the very jar (path and time) it was made from,
# and starts without it, slower, otherwise.
#
# Usage: deploy/aot-cache.sh APP.jar CACHE
#   env: JAVA (default $JAVA_HOME/bin/java), JAVA_OPTS (the same options as in production),
#        CONTENT (the pages to train on, default ./content), PORT (default 18979)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "Usage: $0 APP.jar CACHE" >&2
    exit 2
fi
jar=$1
cache=$2
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAVA_OPTS=${JAVA_OPTS:-}
CONTENT=${CONTENT:-content}
PORT=${PORT:-18979}

scratch=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

if "$JAVA" -XX:AOTMode=off -version > /dev/null 2>&1; then
    training="-XX:AOTCacheOutput=$cache"
else
    training="-XX:DumpLoadedClassList=$scratch/classes.txt"
fi

cp -r "$CONTENT" "$scratch/content"
rm -rf "$scratch/content/.git"
# shellcheck disable=SC2086
CLINIC_DATA_DIR="$scratch/data" CLINIC_CONTENT_DIR="$scratch/content" "$JAVA" $JAVA_OPTS $training \
    -jar "$jar" --server.port="$PORT" > "$scratch/training.log" 2>&1 &
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

if [ -f "$scratch/classes.txt" ]; then
    # Java 17 crashes archiving the lambdas' classes (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary,
    # Debian's 17.0.15): they are left out of the list, and made at start as without an archive.
    grep -v '^@lambda-proxy' "$scratch/classes.txt" > "$scratch/classes-archived.txt"
    # shellcheck disable=SC2086
    "$JAVA" $JAVA_OPTS -Xshare:dump -XX:SharedClassListFile="$scratch/classes-archived.txt" \
        -XX:SharedArchiveFile="$cache" -cp "$jar" > "$scratch/dump.log" 2>&1 \
        || { tail -n 20 "$scratch/dump.log" >&2; echo "The JVM could not write the archive" >&2; exit 1; }
fi
if [ ! -s "$cache" ]; then
    cat "$scratch/training.log" >&2
    echo "The JVM wrote no cache" >&2
    exit 1
fi
echo "Start-up cache written to $cache"
