#!/usr/bin/env bash
# Runs the `run:` steps of the workflow in docs/ci-recipe.md on this machine, exactly as written,
# against the reference node: once without a baseline (the gate must say so and pass), then again
# with the first run's index.json as the baseline (the gate must find no case got worse).
# Needs cli/target/lnconform.jar up to date (the launcher builds it otherwise).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { echo "ci-recipe-check: $*" >&2; }

work=$(mktemp -d)
cleanup() {
    [[ -f $work/tmp/node.pid ]] && kill "$(cat "$work/tmp/node.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The workflow's job env and its run: blocks, in order, without a YAML library: each block is the
# lines indented deeper than its `run: |` line.
python3 - "$ROOT/docs/ci-recipe.md" "$work" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
yaml = re.search(r"```yaml\n(.*?)```", text, re.S).group(1).splitlines()
env, steps, i = [], [], 0
while i < len(yaml):
    line = yaml[i]
    m = re.match(r"^(\s*)run: \|\s*$", line)
    if m:
        indent, block = len(m.group(1)), []
        i += 1
        while i < len(yaml) and (not yaml[i].strip() or len(yaml[i]) - len(yaml[i].lstrip()) > indent):
            block.append(yaml[i])
            i += 1
        cut = min(len(l) - len(l.lstrip()) for l in block if l.strip())
        steps.append("\n".join(l[cut:] for l in block))
        continue
    if re.match(r"^    env:\s*$", line):
        i += 1
        while i < len(yaml) and yaml[i].startswith("      "):
            kv = re.match(r"^\s+([A-Z_]+):\s*(\S+)\s*$", yaml[i])
            if kv:
                env.append(f"export {kv.group(1)}={kv.group(2)}")
            i += 1
        continue
    i += 1
open(f"{sys.argv[2]}/job-env.sh", "w").write("\n".join(env) + "\n")
for n, s in enumerate(steps):
    open(f"{sys.argv[2]}/step-{n}.sh", "w").write(s + "\n")
print(len(steps), "steps", file=sys.stderr)
PY

run_steps() { # run_steps <workspace>
    local ws=$1 step
    : > "$work/github-env"
    for step in "$work"/step-*.sh; do
        say "step $(basename "$step")"
        (
            cd "$ws"
            export RUNNER_TEMP=$work/tmp GITHUB_ENV=$work/github-env GITHUB_SHA=local
            # shellcheck disable=SC1091
            source "$work/job-env.sh"
            set -a
            # shellcheck disable=SC1090
            source "$work/github-env"
            set +a
            bash --noprofile --norc -eo pipefail "$step"
        ) > "$work/step.log" 2>&1 || { cat "$work/step.log" >&2; say "FAILED: $(basename "$step")"; return 1; }
        tail -3 "$work/step.log" >&2
    done
    kill "$(cat "$work/tmp/node.pid")" 2>/dev/null || true
    rm -f "$work/tmp/node.pid"
}

mkdir -p "$work/tmp" "$work/ws"
ln -s "$ROOT" "$work/ws/lnconform"
say "pass 1: no baseline"
run_steps "$work/ws"
grep -q "no baseline yet" "$work/step.log" || { say "the gate did not report the missing baseline"; exit 1; }
mkdir -p "$work/ws/conformance/baseline"
cp "$work/ws/lnconform-reports/index.json" "$work/ws/conformance/baseline/index.json"
rm -rf "$work/ws/lnconform-reports"
say "pass 2: gate on the first run"
run_steps "$work/ws"
grep -q "no verdict changed" "$work/step.log" || { say "the gate found changes against the baseline"; exit 1; }
say "the recipe works as written"
