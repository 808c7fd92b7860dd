#!/usr/bin/env bash
# Build lnconform's Eclair image: Eclair v0.13.0 from the source tarball in ../shared/nodes,
# a jlink'd Java runtime (Temurin 25) and our stand-in bitcoind (containers/images/eclair/standin),
# FROM scratch, for `docker run --network host`. Called by .ci/images.sh (target `eclair`).
#
#   bash containers/images/eclair/build.sh [--force]
#
# Environment:
#   LNCONFORM_NODES_DIR     where eclair-v0.13.0.tar.gz is (default: <repo>/../shared/nodes)
#   LNCONFORM_IMAGES_CACHE  build outputs (default ~/.cache/lnconform-images)
#   LNCONFORM_ECLAIR_IMAGE  image name (default lnconform/eclair:0.13.0-local)
#   LNCONFORM_ECLAIR_JDK    JDK 21+ with jlink (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   LNCONFORM_ECLAIR_BUILD_TIMEOUT  seconds for Eclair's Maven build (default 2400)
#
# Cache: the Maven build lands in $CACHE/eclair/build-<tarball sha256 prefix>-r<MAVEN_RECIPE>/
# (eclair-node.zip once done); a second run reuses it. The image carries the label
# org.lnconform.source-hash (tarball sha256, recipes, JDK, stand-in sources, this script and the
# Dockerfile); when the existing image's label matches, nothing at all is rebuilt.
# Progress goes to stderr; the one stdout line is:  IMAGE eclair <name:tag>
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
NODES=${LNCONFORM_NODES_DIR:-$ROOT/../shared/nodes}
CACHE=${LNCONFORM_IMAGES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lnconform-images}
JDK=${LNCONFORM_ECLAIR_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD_TIMEOUT=${LNCONFORM_ECLAIR_BUILD_TIMEOUT:-2400}
VERSION=0.13.0
# The release tag's commit (shared/nodes/README.md); Eclair reports its first 7 hex digits.
COMMIT=992ec8cc0dcb
TARBALL=$NODES/eclair-v$VERSION.tar.gz
IMAGE=${LNCONFORM_ECLAIR_IMAGE:-lnconform/eclair:$VERSION-local}
# Bump MAVEN_RECIPE when the Maven invocation changes, RECIPE when anything else below does.
MAVEN_RECIPE=1
RECIPE=1
# The runtime's modules: what `jdeps --multi-release 25 --ignore-missing-deps --print-module-deps`
# reports for eclair-node's lib/ (v0.13.0, Temurin 25; jdk.httpserver is also the stand-in's), plus
# service providers jdeps cannot see: jdk.crypto.ec, jdk.naming.dns, jdk.zipfs.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,jdk.httpserver,jdk.jfr,jdk.management,jdk.sctp,jdk.unsupported,jdk.crypto.ec,jdk.naming.dns,jdk.zipfs
DOCKER_BUILD_TIMEOUT=600

say() { echo "eclair: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

FORCE=0
for a in "$@"; do
    case "$a" in
        --force) FORCE=1 ;;
        -h | --help) sed -n '2,21p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown argument: $a" ;;
    esac
done

[[ -f $TARBALL ]] || die "no $TARBALL (set LNCONFORM_NODES_DIR to the directory holding it)"
[[ -x $JDK/bin/jlink && -x $JDK/bin/javac ]] || die "no JDK 21+ with jlink at $JDK (set LNCONFORM_ECLAIR_JDK)"
for tool in sha256sum unzip ldd docker; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH"
done

TAR_SHA=$(sha256sum "$TARBALL" | cut -d' ' -f1)
JDK_VERSION=$("$JDK/bin/java" -version 2>&1 | tr '\n' ' ')
mapfile -t STANDIN_SRC < <(find "$HERE/standin" -type f -name '*.java' | LC_ALL=C sort)
SOURCE_HASH=$({
    echo "recipe=$RECIPE maven=$MAVEN_RECIPE tarball=$TAR_SHA jdk=$JDK_VERSION modules=$MODULES"
    for f in "$HERE/build.sh" "$HERE/Dockerfile" "${STANDIN_SRC[@]}"; do
        printf '%s %s\n' "${f#"$HERE"/}" "$(sha256sum <"$f" | cut -d' ' -f1)"
    done
} | sha256sum | cut -c1-16)

label=$(docker image inspect --format '{{ index .Config.Labels "org.lnconform.source-hash" }}' "$IMAGE" 2>/dev/null || true)
if [[ $FORCE == 0 && $label == "$SOURCE_HASH" ]]; then
    say "$IMAGE is up to date (source hash $SOURCE_HASH)"
    echo "IMAGE eclair $IMAGE"
    exit 0
fi

# ---- Eclair's own Maven build (eclair-node and what it needs) ---------------------------
BUILD=$CACHE/eclair/build-${TAR_SHA:0:16}-r$MAVEN_RECIPE
ZIP=$BUILD/eclair-node.zip
if [[ $FORCE == 1 || ! -s $ZIP ]]; then
    if [[ ! -d $BUILD/src/eclair-v$VERSION ]]; then
        say "unpacking $(basename "$TARBALL") into $BUILD/src"
        rm -rf "$BUILD/src.tmp" && mkdir -p "$BUILD/src.tmp"
        tar -xzf "$TARBALL" -C "$BUILD/src.tmp"
        [[ -x $BUILD/src.tmp/eclair-v$VERSION/mvnw ]] || die "the tarball has no eclair-v$VERSION/mvnw"
        rm -rf "$BUILD/src" && mv "$BUILD/src.tmp" "$BUILD/src"
    fi
    say "Maven build of eclair-node $VERSION with its wrapper (cold: ~10 min on 2 cores, ~300 MB into ~/.m2;" \
        "full log $BUILD/maven.log)"
    t0=$SECONDS
    rc=0
    # -Dmaven.test.skip: eclair-core's test set-up would download bitcoind. Without .git,
    # git-commit-id-plugin sets git.commit.id to "" (the jar's Specification-Version, whose first 7
    # characters Eclair reports as its commit): skip the plugin and give the release's commit.
    (
        cd "$BUILD/src/eclair-v$VERSION"
        env JAVA_HOME="$JDK" MAVEN_USER_HOME="$CACHE/eclair/maven-wrapper" timeout "$BUILD_TIMEOUT" \
            ./mvnw -B -ntp -Dmaven.test.skip=true -Dmaven.gitcommitid.skip=true -Dgit.commit.id=$COMMIT -Dgit.commit.id.abbrev=${COMMIT:0:7} \
            -pl eclair-node -am package
    ) >"$BUILD/maven.log" 2>&1 || rc=$?
    grep -E '^\[INFO\] (Building eclair|BUILD|Total time)|^\[ERROR\]' "$BUILD/maven.log" | head -40 | sed 's/^/eclair:   /' >&2
    [[ $rc == 0 ]] || die "Maven build failed (exit $rc; 124 = timed out after ${BUILD_TIMEOUT}s); see $BUILD/maven.log"
    built=$BUILD/src/eclair-v$VERSION/eclair-node/target/eclair-node-$VERSION-${COMMIT:0:7}-bin.zip
    [[ -s $built ]] || die "the Maven build made no $(basename "$built")"
    cp "$built" "$ZIP.tmp" && mv "$ZIP.tmp" "$ZIP"
    say "eclair-node built in $((SECONDS - t0)) s: $(basename "$built")"
else
    say "reusing the Maven build in $BUILD (tarball sha256 ${TAR_SHA:0:16}…)"
fi

# ---- the image's file system --------------------------------------------------------------
CTX=$CACHE/ctx-eclair
ROOTFS=$CTX/rootfs
rm -rf "$CTX"
mkdir -p "$ROOTFS/tmp" "$ROOTFS/opt/eclair" "$ROOTFS/opt/standin"
chmod 1777 "$ROOTFS/tmp"
cp "$HERE/Dockerfile" "$CTX/Dockerfile"

say "unpacking eclair-node's lib/ into the image"
unzip -q "$ZIP" -d "$CTX/zip"
lib=$(find "$CTX/zip" -mindepth 2 -maxdepth 2 -type d -name lib | head -1)
[[ -n $lib ]] || die "$ZIP has no lib/ directory"
mv "$lib" "$ROOTFS/opt/eclair/lib"
rm -rf "$CTX/zip"

say "compiling the stand-in bitcoind (javac --release 21, against Eclair's own Jackson and JeroMQ)"
mkdir -p "$CTX/standin-classes"
"$JDK/bin/javac" --release 21 -Xlint:all,-path -Werror -encoding UTF-8 -d "$CTX/standin-classes" \
    -cp "$ROOTFS/opt/eclair/lib/*" "${STANDIN_SRC[@]}" >&2 || die "javac of the stand-in failed"
"$JDK/bin/jar" --create --file "$ROOTFS/opt/standin/standin.jar" --date=2000-01-01T00:00:00Z \
    -C "$CTX/standin-classes" . || die "jar of the stand-in failed"
rm -rf "$CTX/standin-classes"

JRE=$CACHE/eclair/jre-$(echo "$JDK_VERSION $MODULES" | sha256sum | cut -c1-16)
if [[ ! -x $JRE/bin/java ]]; then
    say "jlink: a runtime with $MODULES"
    rm -rf "$JRE.tmp"
    "$JDK/bin/jlink" --add-modules "$MODULES" --output "$JRE.tmp" --strip-debug --no-header-files \
        --no-man-pages --generate-cds-archive >&2 || die "jlink failed"
    mv "$JRE.tmp" "$JRE"
fi
cp -a "$JRE" "$ROOTFS/opt/java"

# No base image can be pulled: carry the loader and the shared libraries that the runtime and
# the native libraries inside Eclair's jars (sqlite-jdbc, secp256k1-jni; extracted to /tmp at
# run time) link against.
say "copying the glibc files the runtime and Eclair's native libraries need"
natives=$CTX/natives
mkdir -p "$natives"
for jar in "$ROOTFS"/opt/eclair/lib/*.jar; do
    unzip -Z1 "$jar" 2>/dev/null | grep -Ei '(linux|Linux)[-/_]?(x86[-_]64|amd64)/.*\.so$' |
        while read -r entry; do unzip -q -o -j "$jar" "$entry" -d "$natives/$(basename "$jar" .jar)"; done || true
done
mapfile -t elves < <(find "$ROOTFS/opt/java" "$natives" -type f \( -name '*.so' -o -path '*/bin/*' \))
for f in "${elves[@]}"; do
    ldd "$f" 2>/dev/null | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i}'
done | sort -u | while read -r so; do
    [[ -e $so ]] || continue
    case "$so" in "$ROOTFS"/* | "$natives"/*) continue ;; esac
    mkdir -p "$ROOTFS$(dirname "$so")"
    cp -L "$so" "$ROOTFS$so"
done
# glibc loads these by name at run time (getaddrinfo, user lookups); ldd cannot see them.
for so in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
    /lib/x86_64-linux-gnu/libresolv.so.2; do
    if [[ -e $so ]]; then mkdir -p "$ROOTFS$(dirname "$so")" && cp -L "$so" "$ROOTFS$so"; fi
done
[[ -e /lib64/ld-linux-x86-64.so.2 ]] && mkdir -p "$ROOTFS/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$ROOTFS/lib64/"
rm -rf "$natives"
mkdir -p "$ROOTFS/etc"
printf '127.0.0.1 localhost\n' >"$ROOTFS/etc/hosts"
printf 'hosts: files dns\n' >"$ROOTFS/etc/nsswitch.conf"

say "docker build of $IMAGE ($(du -sh "$ROOTFS" | cut -f1) of files)"
t0=$SECONDS
DOCKER_BUILDKIT=0 timeout "$DOCKER_BUILD_TIMEOUT" docker build -q \
    --label "org.lnconform.source-hash=$SOURCE_HASH" \
    --label "org.lnconform.eclair-tarball-sha256=$TAR_SHA" \
    -t "$IMAGE" "$CTX" >/dev/null || die "docker build of $IMAGE failed"
say "built image $IMAGE in $((SECONDS - t0)) s ($(docker image inspect --format '{{.Size}}' "$IMAGE" |
    awk '{printf "%.0f MB", $1 / 1e6}'))"
echo "IMAGE eclair $IMAGE"
