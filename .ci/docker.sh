#!/usr/bin/env bash
# Make a Docker engine available on a bare Debian machine (root, no systemd
# service running), for the lnconform container tests.
#
#   bash .ci/docker.sh [start]   idempotent: no-op if `docker info` already works;
#                                else installs docker.io (if dockerd is missing)
#                                and starts dockerd in the background with
#                                --bridge=none --iptables=false (containers use
#                                --network host; no bridge, no NAT rules).
#   bash .ci/docker.sh stop      stops the dockerd that this script started
#                                (pid file), and nothing else.
#   bash .ci/docker.sh status    prints whether the engine answers.
#
# Files: pid /tmp/lnconform-dockerd.pid, log /tmp/lnconform-dockerd.log.
# Extra dockerd flags can be given in LNCONFORM_DOCKERD_ARGS (word-split).
# Exports nothing. Java callers using Testcontainers set, themselves:
#   TESTCONTAINERS_RYUK_DISABLED=true
#   TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1  (with --bridge=none there is no "bridge"
#     network, which Testcontainers otherwise inspects: "network bridge not found")
set -euo pipefail

PIDFILE=/tmp/lnconform-dockerd.pid
LOG=/tmp/lnconform-dockerd.log
WAIT_SECS=${LNCONFORM_DOCKERD_WAIT_SECS:-60}

say() { echo "docker.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

engine_up() { timeout 10 docker info >/dev/null 2>&1; }

print_version() {
    local server client
    server=$(timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')
    client=$(timeout 10 docker version --format '{{.Client.Version}}' 2>/dev/null || echo '?')
    echo "docker engine ${server} (client ${client}) is up"
}

our_pid() {
    # Prints the pid from the pid file if that process is still a dockerd.
    [[ -f $PIDFILE ]] || return 1
    local pid
    pid=$(cat "$PIDFILE")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/comm && $(cat "/proc/$pid/comm") == dockerd ]] || return 1
    echo "$pid"
}

install_docker() {
    command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1 && return 0
    [[ $(id -u) -eq 0 ]] || die "dockerd is not installed and we are not root (apt-get needs root)"
    say "installing docker.io from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    if ! timeout 600 apt-get install -y --no-install-recommends docker.io >>"$LOG" 2>&1; then
        timeout 300 apt-get update >>"$LOG" 2>&1 || die "apt-get update failed (see $LOG)"
        timeout 600 apt-get install -y --no-install-recommends docker.io >>"$LOG" 2>&1 \
            || die "apt-get install docker.io failed (see $LOG)"
    fi
    command -v dockerd >/dev/null 2>&1 || die "docker.io installed but dockerd not on PATH"
}

start_dockerd() {
    local extra=()
    if [[ -n ${LNCONFORM_DOCKERD_ARGS:-} ]]; then
        # shellcheck disable=SC2206
        extra=(${LNCONFORM_DOCKERD_ARGS})
    fi
    [[ $(id -u) -eq 0 ]] || die "starting dockerd needs root"
    say "starting dockerd --bridge=none --iptables=false ${extra[*]:-} (log: $LOG)"
    # setsid: own session, so the daemon outlives the calling shell / CI step.
    setsid dockerd --bridge=none --iptables=false "${extra[@]}" \
        </dev/null >>"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
}

wait_up() {
    local pid=$1 deadline=$((SECONDS + WAIT_SECS))
    while ((SECONDS < deadline)); do
        engine_up && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            say "dockerd (pid $pid) exited; last log lines:"
            tail -n 25 "$LOG" >&2 || true
            return 1
        fi
        sleep 1
    done
    say "dockerd did not answer within ${WAIT_SECS}s; last log lines:"
    tail -n 25 "$LOG" >&2 || true
    return 1
}

cmd_start() {
    if engine_up; then
        print_version
        return 0
    fi
    install_docker
    local pid
    if pid=$(our_pid); then
        say "dockerd from an earlier run (pid $pid) is alive but not answering yet; waiting"
    else
        start_dockerd
        pid=$(cat "$PIDFILE")
    fi
    if ! wait_up "$pid"; then
        # A root file system that cannot host overlay2 (e.g. overlayfs inside
        # another container) is the usual cause; retry once with vfs.
        if grep -qiE 'overlay|graphdriver|storage.driver' "$LOG" && [[ ${LNCONFORM_DOCKERD_ARGS:-} != *storage-driver* ]]; then
            kill "$pid" 2>/dev/null || true
            sleep 2
            say "retrying with --storage-driver=vfs"
            LNCONFORM_DOCKERD_ARGS="${LNCONFORM_DOCKERD_ARGS:-} --storage-driver=vfs" start_dockerd
            pid=$(cat "$PIDFILE")
            wait_up "$pid" || die "dockerd failed to start (see $LOG)"
        else
            die "dockerd failed to start (see $LOG)"
        fi
    fi
    print_version
}

cmd_stop() {
    local pid
    if ! pid=$(our_pid); then
        say "no dockerd started by this script is running"
        rm -f "$PIDFILE"
        return 0
    fi
    say "stopping dockerd pid $pid"
    kill -TERM "$pid"
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
        say "dockerd pid $pid ignored SIGTERM for 30s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
    echo "dockerd stopped"
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status)
        if engine_up; then print_version; else echo "docker engine is not answering"; exit 1; fi ;;
    *) die "usage: $0 [start|stop|status]" ;;
esac
