# Sourced by run-tests and containers/baseline/regenerate.sh (bash):
#
#   source .ci/image-env.sh && export_node_images
#
# Builds the node images (.ci/images.sh, cached) and exports, for each line
# `IMAGE <node> <image>` it prints, LNCONFORM_<NODE>_IMAGE=<image> (node upper-cased, other
# characters than letters and digits as `_`): LNCONFORM_LND_IMAGE,
# LNCONFORM_LND_V0_21_3_BETA_IMAGE, LNCONFORM_LDK_IMAGE, LNCONFORM_CLN_IMAGE, … The Docker
# tests (TestImages) and `--node` read the same names. Returns non-zero, exporting nothing,
# when images.sh fails, and when it names no image at all.

export_node_images() {
    local root out rc=0 tag name image var n=0
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    out=$(bash "$root/.ci/images.sh") || rc=$?
    if [ "$rc" != 0 ]; then
        echo "image-env: .ci/images.sh failed (exit $rc)" >&2
        return "$rc"
    fi
    local -a exports=()
    while read -r tag name image; do
        [ "$tag" = IMAGE ] || continue
        var=$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]' | sed 's/[^A-Z0-9]/_/g')
        exports+=("LNCONFORM_${var}_IMAGE=$image")
    done <<<"$out"
    if [ "${#exports[@]}" = 0 ]; then
        echo "image-env: .ci/images.sh printed no IMAGE line" >&2
        return 1
    fi
    for var in "${exports[@]}"; do
        export "${var?}"
        echo "image-env: ${var}" >&2
        n=$((n + 1))
    done
}
