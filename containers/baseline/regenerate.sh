#!/usr/bin/env bash
# Regenerate the interop baselines (containers/baseline/<name>-<version>.json) from real nodes.
#
#   bash containers/baseline/regenerate.sh [extra mvn args]
#   NODES=lnd-v0.21.3-beta bash containers/baseline/regenerate.sh    # only some nodes
#
# Starts a Docker engine if needed (.ci/docker.sh), builds the node images and exports their
# names (.ci/image-env.sh, as run-tests does), then runs the whole catalogue RUNS times (default
# 3) against a freshly started node each time, for every node of the interop matrix: the list
# lnconform.interop.nodes in containers/pom.xml (every implementation and release there, read
# from the pom, not from this script). A baseline is written only if every run gave the same
# verdicts; otherwise the test fails listing the unstable cases (report them, do not baseline
# them). Hand-written notes in an existing baseline are kept for cases that still do not pass;
# cases its `unstable` map lists (by hand, each with the node-side cause) get no verdict and need
# not agree between runs.
# Review the diff before committing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
bash .ci/docker.sh >&2
# shellcheck source=../../.ci/image-env.sh
source .ci/image-env.sh
export_node_images
nodes=${NODES:-$(sed -n 's:.*<lnconform.interop.nodes>\([^<$]*\)</lnconform.interop.nodes>.*:\1:p' containers/pom.xml | head -1)}
[[ -n $nodes ]] || { echo "regenerate.sh: no lnconform.interop.nodes in containers/pom.xml" >&2; exit 1; }
echo "regenerate.sh: nodes $nodes, ${RUNS:-3} runs each" >&2
exec mvn -B -ntp -pl containers -am test -Dtest=InteropMatrixTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlnconform.baseline.update=true -Dlnconform.interop.runs="${RUNS:-3}" -Dlnconform.interop.nodes="$nodes" "$@"
