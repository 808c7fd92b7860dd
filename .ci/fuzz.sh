#!/usr/bin/env bash
# Bounded Jazzer fuzzing campaign over every @FuzzTest of the fuzz module.
#
#   bash .ci/fuzz.sh [seconds-per-target] [target-regex]
#
#   seconds-per-target  fuzzing time of each target (default 60), passed to Jazzer as
#                       JAZZER_MAX_DURATION (it overrides @FuzzTest(maxDuration)). Each target
#                       also pays ~20-30 s of Maven and Jazzer start-up.
#   target-regex        optional: only targets whose Class#method matches (grep -E).
#
# Targets are found in fuzz/src/test/java (each @FuzzTest method) and run one per Maven
# invocation in Jazzer's JUnit fuzzing mode (JAZZER_FUZZ=1, -Dtest=Class#method); Jazzer
# first replays the committed seeds, then fuzzes. The growing corpus goes to
# fuzz/target/jazzer/.cifuzz-corpus and crash files to fuzz/target/jazzer (see fuzz/pom.xml,
# jazzer.internal.basedir): src/test/resources is never written, and the script checks that.
#
# Exit 0 when no target found anything. On a finding: the crashing inputs are copied to
# fuzz/target/findings/<Class#method>/ and printed (hex) with Jazzer's exception, and the
# script exits 1 after running the remaining targets. Logs: fuzz/target/fuzz-logs/.
# MVN_ARGS (word-split) is added to every mvn call, e.g. MVN_ARGS=-o for offline.
set -euo pipefail

SECS=${1:-60}
FILTER=${2:-}
[[ $SECS =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: seconds-per-target must be a positive integer, got '$SECS'" >&2; exit 2; }

cd "$(dirname "$0")/.."
ROOT=$PWD
MODULE=$ROOT/fuzz
ARTIFACTS=$MODULE/target/jazzer
FINDINGS=$MODULE/target/findings
LOGS=$MODULE/target/fuzz-logs
SEEDS=$MODULE/src/test/resources
read -r -a EXTRA <<<"${MVN_ARGS:-}"
MVN=(mvn -B -ntp "${EXTRA[@]}")

say() { echo "fuzz.sh: $*"; }

# Class#method of every @FuzzTest, from the sources (a new target is picked up without edits here).
discover() {
    local f pkg cls
    while IFS= read -r f; do
        pkg=$(sed -n 's/^package \([a-zA-Z0-9_.]*\);.*/\1/p' "$f")
        cls=$(basename "$f" .java)
        awk -v prefix="$pkg.$cls#" '
            /^[[:space:]]*@FuzzTest([[:space:]]*\(.*\))?[[:space:]]*$/ { want = 1; next }
            want && match($0, /void [A-Za-z0-9_]+\(/) { print prefix substr($0, RSTART + 5, RLENGTH - 6); want = 0 }
        ' "$f"
    done < <(grep -rlE '^[[:space:]]*@FuzzTest' "$MODULE/src/test/java" --include='*.java' | sort)
}

seed_snapshot() {
    (cd "$SEEDS" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum
}

mapfile -t TARGETS < <(discover | { if [[ -n $FILTER ]]; then grep -E -- "$FILTER" || true; else cat; fi; })
(( ${#TARGETS[@]} > 0 )) || { say "no fuzz targets found${FILTER:+ matching '$FILTER'}"; exit 2; }

say "${#TARGETS[@]} targets, ${SECS}s each: ${TARGETS[*]##*.}"
mkdir -p "$LOGS"
rm -rf "$FINDINGS"
before=$(seed_snapshot)

say "building noise, wire, vectors and fuzz"
"${MVN[@]}" -q -pl fuzz -am test-compile >"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; say "build failed"; exit 1; }

failed=()
summary=()
campaign_start=$SECONDS
for target in "${TARGETS[@]}"; do
    name=${target##*.}
    log=$LOGS/$name.log
    mkdir -p "$ARTIFACTS"
    find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' -o -name 'slow-unit-*' \) -delete
    say "fuzzing $name for ${SECS}s"
    start=$SECONDS
    set +e
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${SECS}s" \
        timeout --kill-after=30 $((SECS + 900)) \
        "${MVN[@]}" -pl fuzz -am test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
    rc=$?
    set -e
    took=$((SECONDS - start))
    runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $2}' || true)

    mapfile -t found < <(find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
    if (( rc != 0 || ${#found[@]} > 0 )); then
        failed+=("$name")
        summary+=("FAIL  $name  rc=$rc runs=${runs:-?} ${took}s findings=${#found[@]}")
        say "FINDING in $name (exit $rc); log: ${log#"$ROOT"/}"
        if (( ${#found[@]} > 0 )); then
            mkdir -p "$FINDINGS/$name"
            for f in "${found[@]}"; do
                cp "$f" "$FINDINGS/$name/"
                say "  input ${FINDINGS#"$ROOT"/}/$name/$(basename "$f") ($(stat -c %s "$f") bytes), hex:"
                od -An -v -tx1 "$f" | tr -d " \n" | head -c 8192 | fold -w 96 | sed "s/^/    /"; echo
            done
        fi
        # Jazzer's report of the finding, else the test failure (e.g. a committed seed now fails).
        if grep -q '== Java Exception' "$log"; then
            grep -A 25 '== Java Exception' "$log" | head -40 | sed 's/^/    /' || true
        else
            grep -E -A 15 '(<<< (FAILURE|ERROR)!|BUILD FAILURE|\[ERROR\])' "$log" | head -40 | sed 's/^/    /' || true
        fi
    else
        summary+=("ok    $name  runs=${runs:-?} ${took}s")
    fi
done

after=$(seed_snapshot)
if [[ $before != "$after" ]]; then
    say "src/test/resources changed during the campaign: fuzzing mode must write only under fuzz/target"
    failed+=("seed-directory")
fi

say "campaign: $((SECONDS - campaign_start))s for ${#TARGETS[@]} targets at ${SECS}s each"
printf '  %s\n' "${summary[@]}"
if (( ${#failed[@]} > 0 )); then
    say "${#failed[@]} target(s) failed: ${failed[*]}; inputs under ${FINDINGS#"$ROOT"/}/"
    exit 1
fi
say "no findings"
