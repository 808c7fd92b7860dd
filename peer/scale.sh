#!/usr/bin/env bash
# Scale measurement of the reference node (issue: 1000+ idle authenticated connections, heap per
# connection, connection set-up rate). Not part of the test command.
#   bash peer/scale.sh [connections=1000] [java home]
#   bash peer/scale.sh throughput [java home]     single-connection throughput vs the raw transport
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-1000}
jh=${2:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
mvn -q -B -pl noise,wire,peer test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=/tmp/lnconform-peer-cp.txt >/dev/null
cp="peer/target/classes:peer/target/test-classes:$(cat /tmp/lnconform-peer-cp.txt)"
if [ "$n" = throughput ]; then
  exec "$jh/bin/java" -Xmx2g -cp "$cp" org.lnconform.peer.scale.ThroughputScale
fi
exec "$jh/bin/java" -Xmx2g -cp "$cp" org.lnconform.peer.scale.IdleConnectionsScale "$n"
