#!/usr/bin/env bash
# Bytes per page: starts the site on a copy of the content, fetches every page of its sitemap plain, gzip and
# Brotli (the site's own pre-compressed bytes), and compares them with nginx compressing the same HTML on the fly at
# gzip level 6. Also times each page's first request (rendered and gzipped then; Brotli follows in the
# background) against the second (from memory). Prints a table and writes it to bench/README.md between the bytes markers, with the machine.
#
# Usage: bench/bytes.sh
#   env: BROTLI_QUALITY=11 (the site's clinic.content.brotli-quality) JAR=target/….jar (skips the build)
#        APP_PORT=18100 NGINX_PORT=18190 JAVA_OPTS="..." WRITE_README=1
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/figures.sh
. bench/figures.sh

BROTLI_QUALITY=${BROTLI_QUALITY:-11}
APP_PORT=${APP_PORT:-18100}
NGINX_PORT=${NGINX_PORT:-18190}
JAVA_OPTS=${JAVA_OPTS:-$recipe_java_opts}
WRITE_README=${WRITE_README:-1}
JAR=${JAR:-}

for tool in nginx curl; do
    if ! command -v "$tool" > /dev/null && [ ! -x "/usr/sbin/$tool" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx curl > /dev/null
    fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null && wait "$app_pid" 2> /dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT


if [ -z "$JAR" ]; then
    build_jar
    JAR=$jar
fi
# A copy: the site makes its content folder a Git repository when it starts.
cp -r content "$work/content"

say "Starting the site (Brotli quality $BROTLI_QUALITY)..."
# shellcheck disable=SC2086
CLINIC_DATA_DIR="$work/data" CLINIC_CONTENT_DIR="$work/content" CLINIC_CONTENT_BROTLI_QUALITY="$BROTLI_QUALITY" \
    java $JAVA_OPTS -jar "$JAR" --server.port="$APP_PORT" > "$work/site.log" 2>&1 &
app_pid=$!
deadline=$((SECONDS + 120))
until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; do
    kill -0 "$app_pid" 2> /dev/null || { cat "$work/site.log" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { say "The site was not ready within 120 s"; exit 1; }
    sleep 0.1
done

# The sitemap's addresses name the configured host; the path is what is fetched here.
mapfile -t pages < <(curl -sf "http://127.0.0.1:$APP_PORT/sitemap.xml" \
    | sed -n 's#.*<loc>[a-z]*://[^/]*\(/[^<]*\)</loc>.*#\1#p')
[ "${#pages[@]}" -gt 0 ] || { say "The sitemap lists no page"; exit 1; }

# Fetches a page with an Accept-Encoding (none: "") into a file; prints "milliseconds content-encoding".
fetch() {
    local path=$1 encoding=$2 out=$3
    curl -sf -o "$out" -D "$out.headers" -w '%{time_total}\n' ${encoding:+-H "Accept-Encoding: $encoding"} \
        "http://127.0.0.1:$APP_PORT$path" \
        | awk -v headers="$out.headers" '{
            coding = "none"
            while ((getline line < headers) > 0) {
                if (tolower(line) ~ /^content-encoding:/) { sub(/^[^:]*: */, "", line); sub(/\r$/, "", line); coding = line }
            }
            printf "%.1f %s\n", $1 * 1000, coding }'
}

say "Fetching ${#pages[@]} pages plain, gzip and Brotli..."
mkdir -p "$work/www" "$work/tmp" "$work/logs"
first_ms=0
again_ms=0
for path in "${pages[@]}"; do
    file="$work/www${path%/}/index.html"
    mkdir -p "$(dirname "$file")"
    read -r ms _ < <(fetch "$path" "" "$file")
    read -r again _ < <(fetch "$path" "" "$work/again")
    first_ms=$(awk -v a="$first_ms" -v b="$ms" 'BEGIN { print a + b }')
    again_ms=$(awk -v a="$again_ms" -v b="$again" 'BEGIN { print a + b }')
    read -r _ gzip_coding < <(fetch "$path" gzip "$file.site.gz")
    # A page's Brotli bytes are made in the background after its first request; until then it goes gzipped.
    for _ in $(seq 1 40); do
        read -r _ br_coding < <(fetch "$path" "br, gzip" "$file.site.br")
        [ "$br_coding" = br ] && break
        sleep 0.05
    done
    printf '%s %s %s\n' "$path" "$gzip_coding" "$br_coding" >> "$work/codings"
done

# nginx compresses the very HTML the site sent, at level 6, as it would in front of a site that does not.
cat > "$work/nginx.conf" << NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 64; }
http {
    access_log off;
    default_type text/html;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    gzip on; gzip_comp_level 6; gzip_min_length 0;
    server { listen 127.0.0.1:$NGINX_PORT; root $work/www; }
}
NGINX
if [ "$(id -u)" = 0 ]; then sed -i "1i user $(id -un);" "$work/nginx.conf"; fi
"$NGINX" -c "$work/nginx.conf" -p "$work"

table() {
    echo "| page | plain | site, gzip | site, br and gzip accepted | nginx gzip 6 | br / nginx gzip 6 |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    local total_plain=0 total_gzip=0 total_br=0 total_nginx=0
    while read -r path gzip_coding br_coding; do
        file="$work/www${path%/}/index.html"
        nginx_bytes=$(curl -sf -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' \
            "http://127.0.0.1:$NGINX_PORT${path%/}/")
        plain=$(stat -c %s "$file")
        gzip=$(stat -c %s "$file.site.gz")
        br=$(stat -c %s "$file.site.br")
        # A page the application renders itself (the contact form) is gzipped on the fly, also for Brotli browsers.
        note=""
        if [ "$gzip_coding" != gzip ] || [ "$br_coding" != br ]; then note=" (sent as $gzip_coding, $br_coding)"; fi
        awk -v p="$path$note" -v a="$plain" -v g="$gzip" -v b="$br" -v n="$nginx_bytes" \
            'BEGIN { printf "| `%s` | %d | %d | %d | %d | %.2f |\n", p, a, g, b, n, b / n }'
        total_plain=$((total_plain + plain))
        total_gzip=$((total_gzip + gzip))
        total_br=$((total_br + br))
        total_nginx=$((total_nginx + nginx_bytes))
    done < "$work/codings"
    awk -v n="${#pages[@]}" -v a="$total_plain" -v g="$total_gzip" -v b="$total_br" -v x="$total_nginx" \
        'BEGIN { printf "| **all %d pages** | **%d** | **%d** | **%d** | **%d** | **%.2f** |\n", n, a, g, b, x, b / x }'
}

report() {
    echo "Machine: $machine. $(java -version 2>&1 | head -n 1); $("$NGINX" -v 2>&1)."
    echo "Run on $(date -u +%Y-%m-%d), Brotli quality $BROTLI_QUALITY. Bytes of the response body; the site's gzip and"
    echo "Brotli are made once per page when it is rendered (Brotli in the background), nginx's gzip on every request (of the HTML the site sent)."
    echo
    table
    echo
    echo "First request of every page (rendered and gzipped then): $(printf '%.0f' "$first_ms") ms in all;"
    echo "the second (from memory): $(printf '%.0f' "$again_ms") ms in all (curl's time, one request at a time)."
}

publish_figures bytes "$(report)"
