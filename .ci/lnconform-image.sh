#!/usr/bin/env bash
# Build the container image of lnconform itself (FROM scratch: a jlink'ed runtime, the libraries
# it links, and the shaded CLI jar), so that a node's CI can run the suite with
#   docker run --rm --network host IMAGE run --target <pubkey>@host:port
#
#   bash .ci/lnconform-image.sh [--smoke]     (also: bash .ci/images.sh lnconform [--smoke])
#
#   --smoke   afterwards start the reference node from the image (`node --key …`) and run the
#             whole suite against it from a second container; fails on a FAIL or an ERROR (exit code not 0)
#             and the reports appear in the mounted directory.
#
# Builds cli/target/lnconform.jar with Maven if it is missing or older than a source file.
# The JDK is $JAVA_HOME, else the newest of /usr/lib/jvm/{temurin-25,java-17-openjdk}.
# Prints at the end:  IMAGE lnconform <name:tag>
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/containers/images/lnconform
CACHE=${LNCONFORM_IMAGES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lnconform-images}
IMAGE=${LNCONFORM_IMAGE:-lnconform/lnconform:local}
# The modules the CLI needs (jdeps on the shaded jar, plus what is loaded reflectively).
MODULES=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs

say() { echo "lnconform-image.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

SMOKE=0
for a in "$@"; do
    case "$a" in
        --smoke) SMOKE=1 ;;
        -h | --help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown argument: $a" ;;
    esac
done

if [[ -z ${JAVA_HOME:-} ]]; then
    for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64; do
        [[ -x $j/bin/jlink ]] && { JAVA_HOME=$j; break; }
    done
fi
[[ -x ${JAVA_HOME:-}/bin/jlink ]] || die "no JDK with jlink found (set JAVA_HOME)"
timeout 10 docker info >/dev/null 2>&1 || bash "$ROOT/.ci/docker.sh" start >&2

jar=$ROOT/cli/target/lnconform.jar
if [[ ! -f $jar || -n $(find "$ROOT" -path '*/src/main/*' -newer "$jar" -type f -print -quit) ]]; then
    say "building $jar"
    (cd "$ROOT" && mvn -B -ntp -q -DskipTests -Dmaven.javadoc.skip=true -pl cli -am package) >&2
fi

ctx=$CACHE/ctx-lnconform
rm -rf "$ctx"
mkdir -p "$ctx/rootfs/opt" "$ctx/rootfs/tmp" "$ctx/rootfs/work"
chmod 1777 "$ctx/rootfs/tmp"
t0=$SECONDS
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
    --output "$ctx/rootfs/opt/java" >&2
# No base image: carry the loader and every library the runtime's ELF files link.
find "$ctx/rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
    xargs -0 ldd 2>/dev/null | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i}' | sort -u |
    while read -r lib; do
        [[ -e $lib ]] || continue
        mkdir -p "$ctx/rootfs$(dirname "$lib")"
        cp -L "$lib" "$ctx/rootfs$lib"
    done
# libsecp256k1's JNI library (unpacked from the jar at run time) links libc and libgcc_s.
for lib in /lib/x86_64-linux-gnu/libgcc_s.so.1 /lib/x86_64-linux-gnu/libstdc++.so.6; do
    [[ -e $lib ]] && { mkdir -p "$ctx/rootfs$(dirname "$lib")"; cp -L "$lib" "$ctx/rootfs$lib"; }
done
cp "$jar" "$ctx/lnconform.jar"
cp "$SRC/Dockerfile" "$ctx/Dockerfile"
DOCKER_BUILDKIT=0 timeout 300 docker build -q \
    --label "org.lnconform.jar-sha256=$(sha256sum <"$jar" | cut -d' ' -f1)" -t "$IMAGE" "$ctx" >/dev/null ||
    die "docker build of $IMAGE failed"
say "built $IMAGE in $((SECONDS - t0))s ($(docker image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"

if [[ $SMOKE == 1 ]]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    key=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
    node=lnconform-smoke-node-$$
    out=$(mktemp -d)
    trap 'docker rm -f "$node" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
    docker run -d --rm --name "$node" --network host "$IMAGE" node --key "$key" --listen "127.0.0.1:$port" >/dev/null
    uri=""
    for _ in $(seq 1 100); do
        uri=$(docker logs "$node" 2>/dev/null | grep -m1 -E '^[0-9a-f]{66}@' || true)
        [[ -n $uri ]] && break
        sleep 0.2
    done
    [[ -n $uri ]] || { docker logs "$node" >&2; die "the node in the image printed no URI"; }
    say "smoke: node $uri; running the suite against it from a second container"
    rc=0
    docker run --rm --network host -v "$out:/work/lnconform-reports" "$IMAGE" run --target "$uri" >&2 || rc=$?
    [[ $rc == 0 ]] || die "smoke: lnconform run in the image exited $rc"
    [[ -s $out/index.json && -s $out/index.html ]] || die "smoke: no reports in the mounted directory"
    say "smoke: no FAIL and no ERROR; reports written to the mounted directory"
fi
echo "IMAGE lnconform $IMAGE"
