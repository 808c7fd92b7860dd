#!/usr/bin/env bash
# Build the lnconform node images: lnd (Go, static; one image per release directory under
# containers/images/lnd/), an LDK peer (Rust, static-pie), Core Lightning (C, from
# ../shared/nodes; containers/images/cln/build.sh) and Eclair (from ../shared/nodes, with a
# stand-in bitcoind; containers/images/eclair/build.sh), each FROM scratch, for
# `docker run --network host`.
#
#   bash .ci/images.sh [all|lnd|ldk|cln|eclair] [--force] [--smoke]   (lnd: every lnd release)
#   bash .ci/images.sh lnconform [--smoke]   lnconform itself (see .ci/lnconform-image.sh)
#
#   --force   rebuild binaries and images even if an up-to-date image exists
#   --smoke   afterwards run each image on free loopback ports, wait for readiness,
#             do a BOLT 8 handshake + init + ping/pong (containers/images/smoke.py),
#             and stop the container again
#
# An image is skipped (binary build included) when an image with the same name
# already carries the label org.lnconform.source-hash equal to the hash of its
# inputs (sources, lock files, Dockerfile, toolchain version, build flags).
# Binaries, build contexts and the cargo target dir live in $LNCONFORM_IMAGES_CACHE
# (default ~/.cache/lnconform-images)/work-<hash of this checkout's path>; Go and cargo use
# their usual caches, so a rebuild on the same machine is incremental.
#
# Starts a Docker engine through .ci/docker.sh if none answers.
# Prints one line per image at the end:  IMAGE <node> <name:tag>, where <node> is a node
# name of the interop matrix: `lnd` (the pinned default release, LND_DEFAULT below), `lnd-<release>`
# for every lnd release (the default one included), `ldk`, `cln`, `eclair`. run-tests exports
# each as LNCONFORM_<NODE>_IMAGE (upper case, other characters than letters and digits as `_`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/containers/images
CACHE=${LNCONFORM_IMAGES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lnconform-images}
# Binaries, build contexts and the cargo target dir are per checkout: cargo judges freshness by
# file times, so a target dir shared by two checkouts can hand one checkout the other's binary.
WORK=$CACHE/work-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)
GO_BUILD_TIMEOUT=${LNCONFORM_GO_BUILD_TIMEOUT:-1800}
CARGO_BUILD_TIMEOUT=${LNCONFORM_CARGO_BUILD_TIMEOUT:-1500}
DOCKER_BUILD_TIMEOUT=300
# Bump when the recipe below changes in a way the hashed inputs do not show.
RECIPE=1

say() { echo "images.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# lnconform's own image has a script of its own (.ci/lnconform-image.sh)
[[ ${1:-} == lnconform ]] && exec bash "$(dirname "${BASH_SOURCE[0]}")/lnconform-image.sh" "${@:2}"

WHAT=all FORCE=0 SMOKE=0
for a in "$@"; do
    case "$a" in
        all | lnd | ldk | cln | eclair) WHAT=$a ;;
        --force) FORCE=1 ;;
        --smoke) SMOKE=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d'; exit 0 ;;
        *) die "unknown argument: $a" ;;
    esac
done

for tool in go cargo rustc sha256sum readelf python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH"
done

# ---- versions, read from the pinned manifests -------------------------------
# lnd: one small Go module per release, containers/images/lnd/<release>/ (go.mod, go.sum,
# main.go), sharing containers/images/lnd/Dockerfile. LND_DEFAULT is the `lnd` node (the
# release LndContainer pins); every release is also the node `lnd-<release>`.
LND_DEFAULT=v0.19.3-beta
mapfile -t LND_VERSIONS < <(find "$SRC/lnd" -mindepth 2 -maxdepth 2 -name go.mod -printf '%h\n' |
    xargs -rn1 basename | LC_ALL=C sort -V)
((${#LND_VERSIONS[@]} > 0)) || die "no lnd release directories (containers/images/lnd/<release>/go.mod)"
for v in "${LND_VERSIONS[@]}"; do
    [[ $(awk '$1=="require" && $2=="github.com/lightningnetwork/lnd" {print $3}
              $1=="github.com/lightningnetwork/lnd" {print $2}' "$SRC/lnd/$v/go.mod" | head -1) == "$v" ]] ||
        die "containers/images/lnd/$v/go.mod does not require github.com/lightningnetwork/lnd $v"
done
[[ -d $SRC/lnd/$LND_DEFAULT ]] || die "the default lnd release $LND_DEFAULT has no directory under $SRC/lnd"
# Commit of each lnd release tag (from the Go module proxy's origin record); lnd
# reports it in getinfo's commit_hash. Only cosmetic.
declare -A LND_COMMITS=([v0.19.3-beta]=2fb725e0e257cc85e8d1e213ac9a3ba3e96a640c
    [v0.21.3-beta]=572b561bf05f03dfe6135110970c4d858c3482dc)
LDK_VERSION=$(sed -n 's/^lightning *= *"=\([0-9][^"]*\)".*/\1/p' "$SRC/ldk/Cargo.toml")
[[ -n $LDK_VERSION ]] || die "cannot read the pinned lightning version from $SRC/ldk/Cargo.toml"

env_name() { # env_name <node> -> LNCONFORM_<NODE>_IMAGE
    local n=${1^^}
    echo "LNCONFORM_${n//[^A-Z0-9]/_}_IMAGE"
}
lnd_image() { # lnd_image <release>: an override in the environment, else the local name
    local var
    var=$(env_name "lnd-$1")
    if [[ -n ${!var:-} ]]; then
        echo "${!var}"
    elif [[ $1 == "$LND_DEFAULT" && -n ${LNCONFORM_LND_IMAGE:-} ]]; then
        echo "$LNCONFORM_LND_IMAGE"
    else
        echo "lnconform/lnd:$1-local"
    fi
}
LDK_IMAGE=${LNCONFORM_LDK_IMAGE:-lnconform/ldk-node:${LDK_VERSION}-local}

HOST_TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
lnd_ldflags() { # lnd_ldflags <release>
    local f="-s -w -buildid= -X github.com/lightningnetwork/lnd/build.Commit=$1"
    [[ -n ${LND_COMMITS[$1]:-} ]] && f+=" -X github.com/lightningnetwork/lnd/build.CommitHash=${LND_COMMITS[$1]}"
    echo "$f"
}
LDK_RUSTFLAGS="-C target-feature=+crt-static"

# ---- helpers -----------------------------------------------------------------
hash_inputs() { # hash_inputs <extra-string> <files...>
    local extra=$1
    shift
    {
        echo "recipe=$RECIPE"
        echo "$extra"
        for f in "$@"; do
            printf '%s %s\n' "${f#"$SRC"/}" "$(sha256sum <"$f" | cut -d' ' -f1)"
        done
    } | sha256sum | cut -c1-16
}

image_label() { # image_label <image> <label>
    docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

is_dynamic() { readelf -lW "$1" 2>/dev/null | grep -q 'Requesting program interpreter'; }

stage_context() { # stage_context <name> <binary> <dockerfile> -> prints ctx dir
    local name=$1 bin=$2 dockerfile=$3 ctx=$WORK/ctx-$1
    rm -rf "$ctx"
    mkdir -p "$ctx/rootfs/tmp"
    chmod 1777 "$ctx/rootfs/tmp"
    cp "$dockerfile" "$ctx/Dockerfile"
    cp "$bin" "$ctx/$(basename "$bin")"
    if is_dynamic "$bin"; then
        # No base image can be pulled: carry the loader and the libraries ldd lists.
        say "$name: $(basename "$bin") is dynamically linked; copying its shared libraries into the image"
        local lib
        while read -r lib; do
            [[ -n $lib && -e $lib ]] || continue
            mkdir -p "$ctx/rootfs$(dirname "$lib")"
            cp -L "$lib" "$ctx/rootfs$lib"
        done < <(ldd "$bin" | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i}')
    fi
    echo "$ctx"
}

docker_build() { # docker_build <image> <ctx> <source-hash> <binary>
    local image=$1 ctx=$2 hash=$3 bin=$4 t0=$SECONDS
    # Legacy builder: works with every engine version here and FROM scratch
    # needs nothing BuildKit adds.
    DOCKER_BUILDKIT=0 timeout "$DOCKER_BUILD_TIMEOUT" docker build -q \
        --label "org.lnconform.source-hash=$hash" \
        --label "org.lnconform.binary-sha256=$(sha256sum <"$bin" | cut -d' ' -f1)" \
        -t "$image" "$ctx" >/dev/null || die "docker build of $image failed"
    say "built image $image in $((SECONDS - t0))s"
}

ensure_docker() {
    if ! timeout 10 docker info >/dev/null 2>&1; then
        say "no Docker engine answers; starting one with .ci/docker.sh"
        bash "$ROOT/.ci/docker.sh" start >&2
    fi
}

# ---- lnd ---------------------------------------------------------------------
build_lnd() { # build_lnd <release>
    local v=$1 image hash ldflags dir=$SRC/lnd/$1 out=$WORK/lnd-$1
    image=$(lnd_image "$v")
    ldflags=$(lnd_ldflags "$v")
    hash=$(hash_inputs "$(go env GOVERSION) cgo=0 ldflags=$ldflags" \
        "$dir/go.mod" "$dir/go.sum" "$dir/main.go" "$SRC/lnd/Dockerfile")
    if [[ $FORCE == 0 && $(image_label "$image" org.lnconform.source-hash) == "$hash" ]]; then
        say "lnd: $image is up to date (source hash $hash)"
        return 0
    fi
    mkdir -p "$out"
    say "lnd: go build of $v (a cold build takes 3.5-9 min on 2 cores, by load; progress: one line a minute)"
    local t0=$SECONDS ticker
    (while sleep 60; do say "lnd: go build of $v still running ($((SECONDS - t0))s)"; done) &
    ticker=$!
    (
        cd "$dir"
        env GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0 timeout "$GO_BUILD_TIMEOUT" \
            go build -mod=readonly -trimpath -buildvcs=false -ldflags "$ldflags" \
            -o "$out/lnd" .
    ) || { kill "$ticker" 2>/dev/null; die "lnd: go build of $v failed or timed out (${GO_BUILD_TIMEOUT}s)"; }
    kill "$ticker" 2>/dev/null || true
    say "lnd: $v binary built in $((SECONDS - t0))s"
    local ctx
    ctx=$(stage_context "lnd-$v" "$out/lnd" "$SRC/lnd/Dockerfile")
    docker_build "$image" "$ctx" "$hash" "$out/lnd"
}

# ---- LDK ---------------------------------------------------------------------
build_ldk() {
    local hash rs_files
    mapfile -t rs_files < <(find "$SRC/ldk/src" -type f -name '*.rs' | LC_ALL=C sort)
    hash=$(hash_inputs "$(rustc -V) $(cargo -V) target=$HOST_TRIPLE rustflags=$LDK_RUSTFLAGS" \
        "$SRC/ldk/Cargo.toml" "$SRC/ldk/Cargo.lock" "$SRC/ldk/Dockerfile" "${rs_files[@]}")
    if [[ $FORCE == 0 && $(image_label "$LDK_IMAGE" org.lnconform.source-hash) == "$hash" ]]; then
        say "ldk: $LDK_IMAGE is up to date (source hash $hash)"
        return 0
    fi
    say "ldk: cargo build --release (lightning $LDK_VERSION; a cold build takes 2-3 min on 2 cores)"
    local t0=$SECONDS target_env
    target_env="CARGO_TARGET_$(echo "$HOST_TRIPLE" | tr 'a-z-' 'A-Z_')_RUSTFLAGS"
    (
        cd "$SRC/ldk"
        # --target makes the rustflags apply to the binary only, not to build
        # scripts and proc macros (which cannot be linked statically).
        env "$target_env=$LDK_RUSTFLAGS" CARGO_TARGET_DIR="$WORK/cargo-target" \
            timeout "$CARGO_BUILD_TIMEOUT" cargo build --release --locked --target "$HOST_TRIPLE"
    ) || die "ldk: cargo build failed or timed out (${CARGO_BUILD_TIMEOUT}s)"
    say "ldk: binary built in $((SECONDS - t0))s"
    local bin=$WORK/cargo-target/$HOST_TRIPLE/release/ldk-peer ctx
    [[ -x $bin ]] || die "ldk: expected binary $bin is missing"
    ctx=$(stage_context ldk "$bin" "$SRC/ldk/Dockerfile")
    docker_build "$LDK_IMAGE" "$ctx" "$hash" "$bin"
}

# ---- smoke -------------------------------------------------------------------
free_ports() { # free_ports N -> N distinct free loopback TCP ports
    python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

SMOKE_CONTAINERS=()
# shellcheck disable=SC2317 # called through the EXIT trap
smoke_cleanup() {
    local c
    for c in "${SMOKE_CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
}

smoke_lnd() { # smoke_lnd <image>
    local image=$1 p2p rpc rest name="lnconform-smoke-lnd-$$-$RANDOM" t0 state="" tmp pk
    read -r p2p rpc rest < <(free_ports 3)
    SMOKE_CONTAINERS+=("$name")
    t0=$(date +%s%N)
    docker run -d --rm --name "$name" --network host "$image" \
        "--listen=127.0.0.1:$p2p" "--rpclisten=127.0.0.1:$rpc" "--restlisten=127.0.0.1:$rest" >/dev/null
    tmp=$(mktemp -d)
    local deadline=$((SECONDS + 90))
    while ((SECONDS < deadline)); do
        if [[ ! -s $tmp/tls.cert ]]; then
            docker cp "$name:/tmp/lnd/tls.cert" "$tmp/tls.cert" >/dev/null 2>&1 || true
        fi
        if [[ -s $tmp/tls.cert ]]; then
            state=$(curl -s --max-time 2 --cacert "$tmp/tls.cert" "https://127.0.0.1:$rest/v1/state" || true)
            [[ $state == *SERVER_ACTIVE* ]] && break
        fi
        docker inspect "$name" >/dev/null 2>&1 || { docker logs "$name" 2>&1 | tail -20 >&2; die "lnd container exited"; }
        sleep 0.2
    done
    [[ $state == *SERVER_ACTIVE* ]] || { docker logs "$name" 2>&1 | tail -20 >&2; die "lnd not SERVER_ACTIVE within 90s (last state: $state)"; }
    say "lnd: SERVER_ACTIVE $(( ($(date +%s%N) - t0) / 1000000 )) ms after docker run"
    pk=$(curl -s --max-time 5 --cacert "$tmp/tls.cert" "https://127.0.0.1:$rest/v1/getinfo" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["identity_pubkey"])')
    say "lnd: URI $pk@127.0.0.1:$p2p"
    local out rc=0
    out=$(timeout 60 python3 "$SRC/smoke.py" "$pk@127.0.0.1:$p2p") || rc=$?
    say "lnd smoke: $out"
    rm -rf "$tmp"
    docker stop -t 10 "$name" >/dev/null
    [[ $rc == 0 ]] || die "lnd smoke check failed"
}

smoke_ldk() {
    local port name="lnconform-smoke-ldk-$$" t0 uri=""
    read -r port < <(free_ports 1)
    SMOKE_CONTAINERS+=("$name")
    t0=$(date +%s%N)
    docker run -d --rm --name "$name" --network host "$LDK_IMAGE" --port "$port" >/dev/null
    local deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        uri=$(docker logs "$name" 2>/dev/null | awk '$1=="URI" {print $2; exit}')
        [[ -n $uri ]] && break
        sleep 0.1
    done
    [[ -n $uri ]] || { docker logs "$name" 2>&1 | tail -20 >&2; die "ldk printed no URI line within 30s"; }
    say "ldk: URI $uri $(( ($(date +%s%N) - t0) / 1000000 )) ms after docker run"
    local out rc=0
    out=$(timeout 60 python3 "$SRC/smoke.py" "$uri") || rc=$?
    say "ldk smoke: $out"
    docker stop -t 10 "$name" >/dev/null
    [[ $rc == 0 ]] || die "ldk smoke check failed"
}

# ---- main --------------------------------------------------------------------
mkdir -p "$WORK"
ensure_docker
if [[ $WHAT == all || $WHAT == lnd ]]; then
    for v in "${LND_VERSIONS[@]}"; do build_lnd "$v"; done
fi
[[ $WHAT == all || $WHAT == ldk ]] && build_ldk
CLN_LINE=
if [[ $WHAT == all || $WHAT == cln ]]; then
    CLN_ARGS=()
    [[ $FORCE == 1 ]] && CLN_ARGS+=(--force)
    [[ $SMOKE == 1 ]] && CLN_ARGS+=(--smoke)
    CLN_LINE=$(bash "$SRC/cln/build.sh" "${CLN_ARGS[@]}") || die "cln: containers/images/cln/build.sh failed"
fi
ECLAIR_LINE=
if [[ $WHAT == all || $WHAT == eclair ]]; then
    ECLAIR_LINE=$(bash "$SRC/eclair/build.sh" $([[ $FORCE == 1 ]] && echo --force)) || die "eclair: containers/images/eclair/build.sh failed"
fi
if [[ $SMOKE == 1 ]]; then
    command -v curl >/dev/null 2>&1 || die "curl not found on PATH (needed by --smoke)"
    trap smoke_cleanup EXIT
    if [[ $WHAT == all || $WHAT == lnd ]]; then
        for v in "${LND_VERSIONS[@]}"; do smoke_lnd "$(lnd_image "$v")"; done
    fi
    [[ $WHAT == all || $WHAT == ldk ]] && smoke_ldk
fi
if [[ $WHAT == all || $WHAT == lnd ]]; then
    echo "IMAGE lnd $(lnd_image "$LND_DEFAULT")"
    for v in "${LND_VERSIONS[@]}"; do echo "IMAGE lnd-$v $(lnd_image "$v")"; done
fi
[[ $WHAT == all || $WHAT == ldk ]] && echo "IMAGE ldk $LDK_IMAGE"
[[ -n $CLN_LINE ]] && echo "$CLN_LINE"
[[ -n $ECLAIR_LINE ]] && echo "$ECLAIR_LINE"
exit 0
