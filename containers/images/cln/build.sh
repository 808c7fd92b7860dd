#!/usr/bin/env bash
# Build Core Lightning from the released source tarball and package it as a
# minimal image (FROM scratch) with our stand-in chain backend (backend/).
#
#   bash containers/images/cln/build.sh [--force] [--smoke]   (normally via .ci/images.sh cln)
#
#   --force   recompile and rebuild the image even if cached / up to date
#   --smoke   afterwards run the image on a free loopback port, wait for lightningd's
#             "Server started" line, do a BOLT 8 handshake + init + ping/pong
#             (containers/images/smoke.py), and stop the container again
#
# Inputs: $LNCONFORM_NODES_DIR/core-lightning-v26.06.6.tar.gz (default: ../shared/nodes
# from the repository root). Outputs under $LNCONFORM_IMAGES_CACHE/cln (default
# ~/.cache/lnconform-images/cln): build-<key>/ (the unpacked, compiled tree),
# stage-<key>/ (make install-program into it), ctx/ (the docker build context).
# <key> = first 16 hex digits of the tarball's sha256 + "-r" + CLN_RECIPE: a
# second run with the same tarball and recipe compiles nothing, and skips the
# image too when the image's org.lnconform.source-hash label already matches.
#
# Prints on stdout, at the end:  IMAGE cln <name:tag>
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
CLN_VERSION=v26.06.6
# Bump when the recipe below changes in a way the tarball hash does not show.
CLN_RECIPE=1
NODES_DIR=${LNCONFORM_NODES_DIR:-$ROOT/../shared/nodes}
TARBALL=$NODES_DIR/core-lightning-$CLN_VERSION.tar.gz
CACHE=${LNCONFORM_IMAGES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lnconform-images}/cln
CLN_IMAGE=${LNCONFORM_CLN_IMAGE:-lnconform/cln:${CLN_VERSION#v}-local}
MAKE_TIMEOUT=${LNCONFORM_CLN_BUILD_TIMEOUT:-2700}
DOCKER_BUILD_TIMEOUT=300
# Debian's python3 has mako (python3-mako); a pyenv python first on PATH may not.
HOST_PYTHON=${LNCONFORM_CLN_PYTHON:-/usr/bin/python3}

say() { echo "cln/build.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

FORCE=0 SMOKE=0
for a in "$@"; do
    case "$a" in
        --force) FORCE=1 ;;
        --smoke) SMOKE=1 ;;
        -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown argument: $a" ;;
    esac
done

[[ -r $TARBALL ]] || die "missing $TARBALL (set LNCONFORM_NODES_DIR to the directory that holds it)"
for tool in make gcc autoconf pkg-config sha256sum go docker; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH"
done
"$HOST_PYTHON" -c 'import mako' 2>/dev/null || die "$HOST_PYTHON lacks mako (apt-get install python3-mako)"

TAR_SHA=$(sha256sum <"$TARBALL" | cut -d' ' -f1)
KEY=${TAR_SHA:0:16}-r$CLN_RECIPE
BUILD=$CACHE/build-$KEY
SRC=$BUILD/core-lightning-$CLN_VERSION
STAGE=$CACHE/stage-$KEY
mkdir -p "$CACHE"

# ---- compile (skipped when build-<key>/.done exists) -------------------------
compile() {
    local t0=$SECONDS shim=$BUILD/shim log=$BUILD/make.log
    rm -rf "$BUILD" "$STAGE"
    mkdir -p "$BUILD" "$shim"
    say "unpacking $(basename "$TARBALL") (sha256 ${TAR_SHA:0:16}…) into $BUILD"
    tar xzf "$TARBALL" -C "$BUILD"
    [[ -d $SRC ]] || die "the tarball did not contain core-lightning-$CLN_VERSION/"
    # configure and the Makefile call `uv run CMD…`; uv is not installed: run CMD.
    printf '#!/bin/sh\n[ "$1" = run ] && shift\nexec "$@"\n' >"$shim/uv"
    ln -s "$HOST_PYTHON" "$shim/python3"
    ln -s "$HOST_PYTHON" "$shim/python"
    chmod +x "$shim/uv"
    # local: the rest of this script needs the caller's PATH (go)
    local -x PATH="$shim:$PATH"
    (cd "$SRC" && ./configure --prefix=/usr --disable-rust --disable-valgrind --disable-compat) \
        >"$BUILD/configure.log" 2>&1 || { tail -30 "$BUILD/configure.log" >&2; die "configure failed (log: $BUILD/configure.log)"; }
    say "configured in $((SECONDS - t0))s; make -j2 all-programs (a cold build takes ~8 min on 2 idle cores)"
    # Progress: one line a minute (objects compiled so far, last target), full log in make.log.
    (
        cd "$SRC"
        timeout "$MAKE_TIMEOUT" make -j2 VERSION="$CLN_VERSION" all-programs >"$log" 2>&1
    ) &
    local pid=$! rc=0
    while kill -0 "$pid" 2>/dev/null; do
        local i
        for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null || break
        say "make: $(((SECONDS - t0) / 60)) min, $(grep -c '^cc \|^CC\| -c -o ' "$log" 2>/dev/null || true) compile steps, last: $(tail -1 "$log" | cut -c1-100)"
    done
    wait "$pid" || rc=$?
    ((rc == 0)) || { tail -40 "$log" >&2; die "make failed or timed out (rc=$rc, log: $log)"; }
    say "make: done in $((SECONDS - t0))s"
    (cd "$SRC" && make VERSION="$CLN_VERSION" DESTDIR="$STAGE" install-program) \
        >"$BUILD/install.log" 2>&1 || { tail -30 "$BUILD/install.log" >&2; die "make install-program failed"; }
    echo "$((SECONDS - t0))" >"$BUILD/.done"
    say "compiled and staged in $((SECONDS - t0))s"
}

if [[ $FORCE == 1 || ! -f $BUILD/.done ]]; then
    compile
else
    say "build $KEY is cached (compiled in $(cat "$BUILD/.done")s); not recompiling"
fi

# ---- smoke: start, readiness line, handshake + init + ping/pong, stop -----------
smoke() {
    local port name="lnconform-smoke-cln-$$" t0 id="" deadline
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # shellcheck disable=SC2064 # expand now: the trap runs after smoke() returns
    trap "docker rm -f $name >/dev/null 2>&1 || true" EXIT
    t0=$(date +%s%N)
    docker run -d --rm --name "$name" --network host "$CLN_IMAGE" "--bind-addr=127.0.0.1:$port" \
        --log-level=debug >/dev/null
    deadline=$((SECONDS + 90))
    while ((SECONDS < deadline)); do
        id=$(docker logs "$name" 2>&1 | sed -n 's/.*Server started with public key \([0-9a-f]\{66\}\),.*/\1/p' | head -1)
        [[ -n $id ]] && break
        docker inspect "$name" >/dev/null 2>&1 || break
        sleep 0.2
    done
    [[ -n $id ]] || { docker logs "$name" 2>&1 | tail -30 >&2; die "lightningd printed no 'Server started' line"; }
    say "smoke: 'Server started' $(( ($(date +%s%N) - t0) / 1000000 )) ms after docker run; URI $id@127.0.0.1:$port"
    local out rc=0
    out=$(timeout 60 python3 "$HERE/../smoke.py" "$id@127.0.0.1:$port") || rc=$?
    say "smoke: $out"
    say "smoke: backend calls: $(docker logs "$name" 2>&1 | sed -n 's/.*plugin-lnconform-chain: call \([a-z]*\).*/\1/p' |
        sort | uniq -c | awk '{printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1}')"
    docker stop -t 10 "$name" >/dev/null
    [[ $rc == 0 ]] || die "smoke check failed"
}

# ---- the stand-in chain backend (static Go binary, stdlib only) -------------
BACKEND_SRC=$HERE/backend
mapfile -t BACKEND_FILES < <(find "$BACKEND_SRC" -type f \( -name '*.go' -o -name go.mod \) | LC_ALL=C sort)
GO_VERSION=$(go env GOVERSION)
BACKEND_LDFLAGS="-s -w -buildid="

# The image's source hash: the compiled tree's key, this script (the packaging recipe), the
# backend sources, the Dockerfile, Go. Changing any of them rebuilds the image, not lightningd.
IMAGE_HASH=$({
    echo "key=$KEY go=$GO_VERSION ldflags=$BACKEND_LDFLAGS"
    for f in "$HERE/build.sh" "$HERE/Dockerfile" "${BACKEND_FILES[@]}"; do
        printf '%s %s\n' "${f#"$HERE"/}" "$(sha256sum <"$f" | cut -d' ' -f1)"
    done
} | sha256sum | cut -c1-16)

if [[ $FORCE == 0 && $(docker image inspect --format '{{ index .Config.Labels "org.lnconform.source-hash" }}' \
    "$CLN_IMAGE" 2>/dev/null || true) == "$IMAGE_HASH" ]]; then
    say "$CLN_IMAGE is up to date (source hash $IMAGE_HASH)"
    [[ $SMOKE == 1 ]] && smoke
    echo "IMAGE cln $CLN_IMAGE"
    exit 0
fi

mkdir -p "$CACHE/backend"
(
    cd "$BACKEND_SRC"
    # its unit tests (genesis hash, the plugin conversation) gate the image
    env GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0 go test -count=1 ./... >&2 &&
        env GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0 go build -mod=readonly -trimpath -buildvcs=false \
            -ldflags "$BACKEND_LDFLAGS" -o "$CACHE/backend/lnconform-chain" .
) || die "go test or go build of the stand-in chain backend failed"

# ---- the image: FROM scratch with exactly what lightningd needs ----------------
CTX=$CACHE/ctx
rm -rf "$CTX"
mkdir -p "$CTX/rootfs/tmp" "$CTX/rootfs/usr/bin" "$CTX/rootfs/usr/libexec/lnconform"
chmod 1777 "$CTX/rootfs/tmp"
cp "$HERE/Dockerfile" "$CTX/Dockerfile"
cp "$STAGE/usr/bin/lightningd" "$STAGE/usr/bin/lightning-cli" "$CTX/rootfs/usr/bin/"
# the subdaemons (lightning_*) and the default plugins, as make install-program laid them out;
# only ELF files: script plugins (Python) would need an interpreter the image does not have
mkdir -p "$CTX/rootfs/usr/libexec/c-lightning/plugins"
for f in "$STAGE"/usr/libexec/c-lightning/* "$STAGE"/usr/libexec/c-lightning/plugins/*; do
    [[ -f $f ]] || continue
    if head -c4 "$f" | grep -q $'\x7fELF'; then
        cp "$f" "$CTX/rootfs${f#"$STAGE"}"
    else
        say "leaving out $(basename "$f") (not an ELF binary)"
    fi
done
cp "$CACHE/backend/lnconform-chain" "$CTX/rootfs/usr/libexec/lnconform/"
# debug symbols are most of the size: strip our copies (the build tree keeps them)
find "$CTX/rootfs/usr" -type f -perm -u+x -exec strip --strip-unneeded {} + 2>/dev/null || true
# the loader and every shared library any of them needs
while read -r lib; do
    [[ -e $lib && ! -e $CTX/rootfs$lib ]] || continue
    mkdir -p "$CTX/rootfs$(dirname "$lib")"
    cp -L "$lib" "$CTX/rootfs$lib"
done < <(find "$CTX/rootfs/usr" -type f -perm -u+x -exec ldd {} \; 2>/dev/null |
    awk '{for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i}' | LC_ALL=C sort -u)
say "image root: $(du -sh "$CTX/rootfs" | cut -f1), $(find "$CTX/rootfs" -type f | wc -l) files"

t0=$SECONDS
DOCKER_BUILDKIT=0 timeout "$DOCKER_BUILD_TIMEOUT" docker build -q \
    --label "org.lnconform.source-hash=$IMAGE_HASH" \
    --label "org.lnconform.cln-tarball-sha256=$TAR_SHA" \
    --label "org.lnconform.cln-version=$CLN_VERSION" \
    -t "$CLN_IMAGE" "$CTX" >/dev/null || die "docker build of $CLN_IMAGE failed"
say "built image $CLN_IMAGE in $((SECONDS - t0))s ($(docker image inspect --format '{{.Size}}' "$CLN_IMAGE" |
    awk '{printf "%.1f MB", $1 / 1e6}'))"
[[ $SMOKE == 1 ]] && smoke
echo "IMAGE cln $CLN_IMAGE"
