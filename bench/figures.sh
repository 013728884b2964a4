# Sourced by the bench scripts: what they share to run the site, to describe the machine and to put their figures
# into bench/README.md.

# The JVM options of the production recipe (README, "Production start-up"); a script's JAVA_OPTS overrides them.
# -Dspring.aot.enabled=true starts the application context the build worked out in advance.
recipe_java_opts="-XX:+UseSerialGC -Xms32m -Xmx160m -Xss512k -XX:TrimNativeHeapInterval=2000 -XX:CompileThresholdScaling=10 -Dspring.aot.enabled=true"
# The recipe's glibc setting: glibc's malloc keeps an arena per thread that allocates; two are plenty for the site and
# cost less memory.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

say() { printf '%s\n' "$*" >&2; }

# Builds the jar, without running the tests, and sets jar to its path.
build_jar() {
    say "Building the jar..."
    mvn -q -B -DskipTests package
    jar=$(ls target/*.jar | grep -v '\.original$' | head -n 1)
}

# Extracts the jar into the folder given (the layout the JVM's archives and H2's own tools want); sets app_jar.
extract_jar() {
    java -Djarmode=tools -jar "$jar" extract --destination "$1" > /dev/null
    app_jar="$1/$(basename "$jar")"
}

# Stops the site a script started (its process id in app_pid) and waits until it has gone.
stop_site() {
    kill "$app_pid"
    wait "$app_pid" 2> /dev/null || true
    app_pid=""
}

# The machine, for the line above each script's figures.
machine="$(nproc) CPUs ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')), $(free -g | awk '/Mem:/ { print $2 }') GiB"

# Prints the figures, and with WRITE_README=1 puts them into bench/README.md between <!-- NAME:start --> and
# <!-- NAME:end -->; the rest of the file is prose and stays as it is.
publish_figures() {
    local name=$1 figures=$2 readme
    echo
    echo "$figures"
    if [ "${WRITE_README:-1}" = 1 ]; then
        readme=$(mktemp)
        awk -v figures="$figures" -v start="<!-- $name:start -->" -v end="<!-- $name:end -->" '
            $0 == start { print; print figures; skip = 1; next }
            $0 == end { skip = 0 }
            !skip { print }' bench/README.md > "$readme"
        cat "$readme" > bench/README.md
        rm -f "$readme"
        echo "Written to bench/README.md" >&2
    fi
}
