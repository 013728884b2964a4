#!/usr/bin/env bash
# A large site: the project's pages plus PAGES generated Markdown pages (front matter, headings, lists, links between
# them) in a scratch copy of the content folder. Starts the packaged site on it twice (the first start parses every
# file, keeps what each parsed to in the data folder, makes the folder a Git repository and commits every file; the
# second reads the parsed pages back and opens that history) and reports the time to readiness (the pages loaded), the time from rewriting one page's file to its new text being served, the same through the
# staff editor (sign in, save), and the resident memory after loading and after a wrk load over many pages.
# Targets: loaded in < 3 s, an edit live in < 1 s, memory < 300 MB.
#
# Usage: bench/pages.sh
#   env: PAGES=2000 EDITS=5 DURATION=10s CONNECTIONS=32 SERVER_CPUS=0 LOAD_CPUS=1 PAGES_PORT=18400
#        JAVA_OPTS="..." JAR=target/clinic-site-….jar (skips the build) WRITE_README=1
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/figures.sh
. bench/figures.sh

PAGES=${PAGES:-2000}
EDITS=${EDITS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_CPUS=${SERVER_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
PAGES_PORT=${PAGES_PORT:-18400}
JAVA_OPTS=${JAVA_OPTS:-$recipe_java_opts}
WRITE_README=${WRITE_README:-1}
WRK_THREADS=$(awk -F, '{ print NF }' <<< "$LOAD_CPUS")
BASE="http://127.0.0.1:$PAGES_PORT"
ADMIN_EMAIL=bench@example.com
ADMIN_PASSWORD=bench-pages-editor-password

for tool in wrk taskset curl; do
    if ! command -v "$tool" > /dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk util-linux curl > /dev/null
    fi
done

work=$(mktemp -d)
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2> /dev/null || true
        wait "$app_pid" 2> /dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

if [ -z "${JAR:-}" ]; then
    build_jar
    JAR=$jar
fi

# The project's pages, copied (the site makes its content folder a Git repository), and the generated ones: topics of
# 50 pages each under /guides, every page linking to its neighbours, to a page of another topic and to a real page.
content="$work/content"
cp -r content "$content"
say "Generating $PAGES pages..."
awk -v pages="$PAGES" -v root="$content/guides" '
    function page(n) { return sprintf("/guides/topic-%02d", int(n / 50)) (n % 50 == 0 ? "" : sprintf("/page-%03d", n % 50)) }
    BEGIN {
        for (n = 0; n < pages; n++) {
            topic = sprintf("topic-%02d", int(n / 50))
            if (n % 50 == 0) { system("mkdir -p " root "/" topic) }
            file = root "/" topic "/" (n % 50 == 0 ? "index" : sprintf("page-%03d", n % 50)) ".md"
            print "---" > file
            printf "title: Guide %d, living well with chronic pain\n", n > file
            printf "description: Practical advice number %d on sleep, movement and planning your week when pain comes and goes.\n", n > file
            print "sources:" > file
            print "  - title: \"Mayo Clinic: Chronic pain\"" > file
            print "    url: https://www.mayoclinic.org/chronic-pain" > file
            print "---" > file
            printf "This guide is one of many short pages for patients. It explains one thing at a time, in plain words. Read it with [the guide before it](%s) and [the one after it](%s).\n\n", page(n == 0 ? pages - 1 : n - 1), page((n + 1) % pages) > file
            split("Before your visit|During the day|At night|When to call us", heads, "|")
            for (h = 1; h <= 4; h++) {
                printf "## %s\n\n", heads[h] > file
                print "Small steps help more than big plans. Pick one or two of these and try them for a week before you add more." > file
                print "" > file
                for (item = 1; item <= 5; item++) {
                    printf "- step %d of this part: write down how you feel, and what helped\n", item > file
                }
                print "" > file
            }
            print "## Read next\n" > file
            printf "- [A guide from another topic](%s)\n", page((n + 137) % pages) > file
            print "- [The four stages of a migraine](/migraine/stages)" > file
            print "- [Book a consultation](/contact) to talk with a clinician" > file
            close(file)
        }
    }'
# Every page's address, for the load and for choosing the edited page.
find "$content/guides" -name '*.md' | sed -e "s|^$content||" -e 's|/index\.md$||' -e 's|\.md$||' | sort > "$work/urls"
page_count=$(find "$content" -name '*.md' ! -name README.md | wc -l)

# Starts the site and waits until readiness (database and pages loaded) answers 200; sets app_pid and ready_ms.
start_site() {
    local log=$1 started
    started=$(now_ms)
    # shellcheck disable=SC2086
    CLINIC_DATA_DIR="$work/data" CLINIC_CONTENT_DIR="$content" CLINIC_STAFF_ADMIN_EMAIL=$ADMIN_EMAIL \
        CLINIC_STAFF_ADMIN_PASSWORD=$ADMIN_PASSWORD taskset -c "$SERVER_CPUS" java $JAVA_OPTS -jar "$JAR" \
        --server.port="$PAGES_PORT" > "$log" 2>&1 &
    app_pid=$!
    until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
        kill -0 "$app_pid" 2> /dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.02
    done
    ready_ms=$(( $(now_ms) - started ))
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }

# Milliseconds from now until the page at $1 contains the text $2 (polled every 10 ms, for at most 30 s).
until_served() {
    local url=$1 text=$2 started deadline
    started=$(now_ms)
    deadline=$(( started + 30000 ))
    until curl -sf "$BASE$url" | grep -qF "$text"; do
        [ "$(now_ms)" -lt "$deadline" ] || { say "$url never showed $text"; exit 1; }
        sleep 0.01
    done
    echo $(( $(now_ms) - started ))
}

# The median and the highest of the numbers on stdin, as "median / max".
median_max() { sort -n | awk '{ v[NR] = $1 } END { printf "%d / %d", v[int((NR + 1) / 2)], v[NR] }'; }

say "First start: $page_count pages, nothing parsed before and no history yet (every file is committed)..."
start_site "$work/first.log"
first_ms=$ready_ms
first_rss=$(rss_mb)
# The site logs each load of the pages with its duration: the first one is the pages' share of the start.
first_load=$(grep -m 1 -o 'Loaded [0-9]* pages from [0-9]* files in [0-9]* ms' "$work/first.log" | awk '{ print $(NF - 1) }')
stop_site

say "Second start: the parsed pages and the history exist..."
start_site "$work/second.log"
second_ms=$ready_ms
second_rss=$(rss_mb)
second_load=$(grep -m 1 -o 'Loaded [0-9]* pages from [0-9]* files in [0-9]* ms' "$work/second.log" | awk '{ print $(NF - 1) }')
read_back=$(grep -m 1 -o '([0-9]* read back as parsed before)' "$work/second.log" | tr -dc '0-9')
say "  first ${first_ms} ms (${first_rss} MB), second ${second_ms} ms (${second_rss} MB)"

# Rewrites one page's file in place, as a text editor on the server would; the watcher reloads the pages. Each page is
# asked for once before its edit, as a running site has served its pages: the time is the edit's, not that of the
# process's first request.
say "Editing files on disk ($EDITS edits)..."
for i in $(seq 1 "$EDITS"); do
    url=$(sed -n "$(( (i * 397) % $(wc -l < "$work/urls") + 1 ))p" "$work/urls")
    file="$content${url}.md"
    [ -f "$file" ] || file="$content$url/index.md"
    token="file-edit-$i-$RANDOM"
    curl -sf -o /dev/null "$BASE$url"
    sed -i "s/^Small steps help more than big plans\..*/Small steps help ($token)./" "$file"
    until_served "$url" "$token"
done | tee "$work/file-edits" >&2
file_edit=$(median_max < "$work/file-edits")

# The staff editor: sign in (no second factor by default), then save a page's form; the answer comes once the page
# is saved, recorded in the history and reloaded, and the poll says when the public page shows it.
say "Saving through the staff editor ($EDITS saves)..."
jar_file="$work/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
token=$(curl -sf -c "$jar_file" -b "$jar_file" "$BASE/staff/login" | csrf)
curl -sf -o /dev/null -c "$jar_file" -b "$jar_file" --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/staff/login"
for i in $(seq 1 "$EDITS"); do
    url=$(sed -n "$(( (i * 211) % $(wc -l < "$work/urls") + 1 ))p" "$work/urls")
    file="guides/${url#/guides/}.md"
    [ -f "$content/$file" ] || file="guides/${url#/guides/}/index.md"
    front=$(awk '/^---$/ { n++; next } n == 1' "$content/$file")
    body=$(awk 'n >= 2; /^---$/ { n++ }' "$content/$file")
    marker="editor-save-$i-$RANDOM"
    curl -sf -o /dev/null "$BASE$url"
    token=$(curl -sf -c "$jar_file" -b "$jar_file" "$BASE/staff/content/edit$url" | csrf)
    [ -n "$token" ] || { say "the editor did not open $url (not signed in?)"; exit 1; }
    started=$(now_ms)
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar_file" -b "$jar_file" \
        --data-urlencode "_csrf=$token" --data-urlencode "action=save" --data-urlencode "address=$url" \
        --data-urlencode "file=$file" --data-urlencode "baseHash=$(sha256sum < "$content/$file" | cut -d' ' -f1)" \
        --data-urlencode "title=$(sed -n 's/^title: //p' <<< "$front")" \
        --data-urlencode "description=$(sed -n 's/^description: //p' <<< "$front")" \
        --data-urlencode "sources[0].title=Mayo Clinic: Chronic pain" \
        --data-urlencode "sources[0].url=https://www.mayoclinic.org/chronic-pain" \
        --data-urlencode "body=${body/Small steps help more than big plans./Small steps help ($marker).}" \
        --data-urlencode "message=Benchmark edit $i" "$BASE/staff/content/edit")
    [ "$status" = 303 ] || [ "$status" = 302 ] || { say "the editor refused the save of $file: $status"; exit 1; }
    echo $(( $(now_ms) - started + $(until_served "$url" "$marker") ))
done | tee "$work/editor-edits" >&2
editor_edit=$(median_max < "$work/editor-edits")

# A short load over many pages: each wrk connection walks the list of addresses, so most pages get rendered.
say "Loading $(wc -l < "$work/urls") pages with wrk for $DURATION..."
cat > "$work/pages.lua" << LUA
local urls, i = {}, 0
for line in io.lines("$work/urls") do urls[#urls + 1] = line end
request = function()
    i = i % #urls + 1
    return wrk.format("GET", urls[i], { ["Accept-Encoding"] = "gzip" })
end
LUA
wrk_out=$(taskset -c "$LOAD_CPUS" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/pages.lua" "$BASE")
rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<< "$wrk_out")
p99=$(awk '$1 == "99%" { print $2 }' <<< "$wrk_out")
errors=$(awk '/Non-2xx/ { print $NF }' <<< "$wrk_out")
load_rss=$(rss_mb)

report() {
    echo "Machine: $machine. $(java -version 2>&1 | head -n 1). Site pinned to CPU(s) $SERVER_CPUS, wrk to $LOAD_CPUS."
    echo "$page_count pages ($PAGES generated), run on $(date -u +%Y-%m-%d) with JAVA_OPTS \`$JAVA_OPTS\` and MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX."
    echo
    echo "| | measured | target |"
    echo "| --- | --- | --- |"
    echo "| first start to readiness (every file parsed, and committed to a new history) | $first_ms ms | |"
    echo "| of which loading the pages (the site's log) | $first_load ms | |"
    echo "| second start to readiness (parsed pages and history kept) | $second_ms ms | |"
    echo "| of which loading the pages ($read_back of $page_count read back as parsed) | $second_load ms | < 3 s |"
    echo "| file rewritten on disk until served, median / max of $EDITS | $file_edit ms | < 1 s |"
    echo "| staff editor save until served, median / max of $EDITS | $editor_edit ms | < 1 s |"
    echo "| resident memory after loading (first, second start) | $first_rss MB, $second_rss MB | < 300 MB |"
    echo "| resident memory after $DURATION of wrk over every generated page ($rps req/s, p99 $p99${errors:+, $errors non-2xx}) | $load_rss MB | < 300 MB |"
}

publish_figures pages "$(report)"
