#!/usr/bin/env bash
# Regenerate the interop baselines (containers/baseline/<name>-<version>.json) from real nodes.
#
#   bash containers/baseline/regenerate.sh [extra mvn args]
#
# Starts a Docker engine and builds the node images if needed (.ci/docker.sh, .ci/images.sh),
# then runs the whole catalogue RUNS times (default 3) against a fresh lnd, LDK, Core Lightning and Eclair
# each time. A baseline is written only if every run gave the same verdicts; otherwise the test
# fails listing the unstable cases (report them, do not baseline them). Hand-written notes in an
# existing baseline are kept for cases that still do not pass. Review the diff before committing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bash "$root/.ci/docker.sh" >&2
bash "$root/.ci/images.sh" >/dev/null
cd "$root"
exec mvn -B -pl containers -am test -Dtest=InteropMatrixTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlnconform.baseline.update=true -Dlnconform.interop.runs="${RUNS:-3}" "$@"
