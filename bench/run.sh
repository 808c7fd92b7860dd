#!/usr/bin/env bash
# Runs every lnconform benchmark on each JDK, plus openssl's ChaCha20-Poly1305 reference, and
# writes JMH JSON and openssl output to bench/results/. Summarise with bench/summarize.py.
#
#   bench/run.sh                         # both JDKs, the settings RESULTS.md uses
#   JDKS=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh
#   JMH_OPTS="-f 1 -wi 1 -w 500ms -i 1 -r 500ms" bench/run.sh   # a quick look
#   NICE=5 bench/run.sh                  # run it niced (only within its own scheduling group)
#   ONLY=followup bench/run.sh           # only the follow-up runs (5 iterations) behind the suggestions
#
# One thread, one fork: the numbers are single-core rates.
set -euo pipefail
cd "$(dirname "$0")/.."

JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 2 -w 1s -i 3 -r 2s -t 1"}
OUT=${OUT:-bench/results}
NICE=${NICE:-0}
run() { nice -n "$NICE" "$@"; }

FOLLOWUP_OPTS=${FOLLOWUP_OPTS:-"-f 1 -wi 2 -w 1s -i 5 -r 2s -t 1"}
ONLY=${ONLY:-all}

mkdir -p "$OUT"
if [[ ! -f bench/target/benchmarks.jar || -n "${REBUILD:-}" ]]; then
  mvn -q -pl bench -am -Pbenchmarks package -DskipTests
fi

followup() {
  local jdk=$1 name
  name=$(basename "$jdk")
  echo "# $name follow-up: loadavg before $(cat /proc/loadavg)" | tee "$OUT/$name-confirm.load"
  # shellcheck disable=SC2086
  {
    run "$jdk/bin/java" -jar bench/target/benchmarks.jar 'HandshakeBench' $FOLLOWUP_OPTS \
        -rf json -rff "$OUT/$name-confirm-handshake.json" > "$OUT/$name-confirm-handshake.log" 2>&1
    run "$jdk/bin/java" -jar bench/target/benchmarks.jar 'AeadBench.seal$' -p provider=bouncycastle,jdk \
        -p size=16,32,48,64,96,128,192,256 $FOLLOWUP_OPTS \
        -rf json -rff "$OUT/$name-confirm-threshold.json" > "$OUT/$name-confirm-threshold.log" 2>&1
    run "$jdk/bin/java" -jar bench/target/benchmarks.jar 'TransportBench.encrypt$' \
        -p provider=bouncycastle,hybrid,hybrid:64,hybrid:128 -p size=32,64,128,192,1024 $FOLLOWUP_OPTS \
        -rf json -rff "$OUT/$name-confirm-transport.json" > "$OUT/$name-confirm-transport.log" 2>&1
    run "$jdk/bin/java" -jar bench/target/benchmarks.jar 'OpenAtOffsetBench' $FOLLOWUP_OPTS -prof gc \
        -rf json -rff "$OUT/$name-confirm-offset.json" > "$OUT/$name-confirm-offset.log" 2>&1
  }
  echo "# $name follow-up: loadavg after $(cat /proc/loadavg)" | tee -a "$OUT/$name-confirm.load"
}

if [[ $ONLY == followup ]]; then
  for jdk in $JDKS; do followup "$jdk"; done
  exit 0
fi

{
  echo "# $(date -u +%FT%TZ) $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
  echo "# loadavg before: $(cat /proc/loadavg)"
  openssl version
  for b in 65536 1024 32 16; do
    echo "## openssl speed -evp chacha20-poly1305 -bytes $b -seconds 3"
    run openssl speed -evp chacha20-poly1305 -bytes "$b" -seconds 3 2>/dev/null | tail -1
    echo "## openssl speed -aead -evp chacha20-poly1305 -bytes $b -seconds 3"
    run openssl speed -aead -evp chacha20-poly1305 -bytes "$b" -seconds 3 2>/dev/null | tail -1
  done
  echo "# loadavg after: $(cat /proc/loadavg)"
} | tee "$OUT/openssl.txt"

for jdk in $JDKS; do
  name=$(basename "$jdk")
  echo "# $name: loadavg before $(cat /proc/loadavg)" | tee "$OUT/$name.load"
  # shellcheck disable=SC2086
  run "$jdk/bin/java" -jar bench/target/benchmarks.jar -e OpenAtOffsetBench $JMH_OPTS -rf json -rff "$OUT/$name.json" \
      > "$OUT/$name.log" 2>&1
  echo "# $name: loadavg after $(cat /proc/loadavg)" | tee -a "$OUT/$name.load"
  # Where BouncyCastle and the JDK's provider cross, for the hybrid threshold.
  # shellcheck disable=SC2086
  run "$jdk/bin/java" -jar bench/target/benchmarks.jar 'AeadBench.seal' \
      -p provider=bouncycastle,jdk,conscrypt -p size=16,32,64,128,256,512,1024 $JMH_OPTS \
      -rf json -rff "$OUT/$name-crossover.json" > "$OUT/$name-crossover.log" 2>&1
  # Bytes allocated per operation (independent of load).
  # shellcheck disable=SC2086
  run "$jdk/bin/java" -jar bench/target/benchmarks.jar 'AeadBench|TransportBench|WireBench' \
      -p provider=bouncycastle,jdk,hybrid,conscrypt,conscrypt-array \
      -f 1 -wi 1 -w 500ms -i 1 -r 1s -t 1 -prof gc \
      -rf json -rff "$OUT/$name-gc.json" > "$OUT/$name-gc.log" 2>&1
  echo "# $name: loadavg end $(cat /proc/loadavg)" | tee -a "$OUT/$name.load"
done
for jdk in $JDKS; do followup "$jdk"; done
