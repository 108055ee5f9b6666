#!/usr/bin/env bash
# A throw-away one-node Slurm cluster for the sharded-scoring tests, kept whole inside one folder.
#
#   scripts/slurm-test-cluster.sh install      installs Slurm and munge from Debian when missing (says what first)
#   scripts/slurm-test-cluster.sh start DIR    installs when missing, then starts munged, slurmctld and slurmd with
#                                              their configuration, key, socket, state, spool and logs in DIR (a new
#                                              or empty folder), and prints the SLURM_CONF line to export
#   scripts/slurm-test-cluster.sh stop DIR     cancels the cluster's jobs, stops every process it started; DIR stays
#
# It never touches a Slurm or munge the machine already runs: the daemons listen on private ports (refused when
# busy), talk through their own munge socket, and every command is given DIR/slurm.conf. Exit codes: 0 done,
# 1 failed (the daemons' logs are in DIR), 2 usage, 3 Slurm is missing and cannot be installed here.
set -euo pipefail

ctld_port=${SLURM_TEST_CTLD_PORT:-26817}
slurmd_port=${SLURM_TEST_SLURMD_PORT:-26818}
# slurmctld, slurmd and the job steps they start carry this, so stop finds them and nothing else.
marker=IMDB_SLURM_TEST_CLUSTER
packages=(slurmctld slurmd slurm-client munge)

say() { echo "slurm-test-cluster: $*"; }
fail() { echo "slurm-test-cluster: $1" >&2; exit "${2:-1}"; }

missing_programs() {
  local program
  for program in munged mungekey slurmctld slurmd sbatch squeue scancel scontrol; do
    command -v "$program" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null 2>&1 || echo "$program"
  done
}

install_slurm() {
  local missing
  missing=$(missing_programs | tr '\n' ' ')
  if [ -z "$missing" ]; then
    say "Slurm and munge are installed ($(slurm_version))"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 || fail "missing ${missing% }, and this is not a Debian-like system: install Slurm and munge" 3
  [ "$(id -u)" -eq 0 ] || fail "missing ${missing% }: run 'sudo $0 install' (installs ${packages[*]} from Debian)" 3
  # Debian 13's Slurm 24.11 when install-prerequisites.sh has added trixie at low priority; else the release's own.
  local release=()
  [ -f /etc/apt/sources.list.d/trixie.sources ] && release=(-t trixie)
  say "missing ${missing% }: installing ${packages[*]} ${release[*]:+(${release[*]}) }with apt-get, without recommends"
  # The packages' own services stay stopped: this cluster runs its daemons itself, and only while it is up.
  local policy=/usr/sbin/policy-rc.d own_policy=""
  if [ ! -e "$policy" ]; then
    own_policy=$policy
    trap 'rm -f "$own_policy"' EXIT
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
  fi
  apt-get update -qq -o DPkg::Lock::Timeout=900
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 --no-install-recommends \
    "${release[@]}" "${packages[@]}" >/dev/null || fail "apt-get install ${packages[*]} failed" 3
  if [ -n "$own_policy" ]; then rm -f "$own_policy"; trap - EXIT; fi
  missing=$(missing_programs | tr '\n' ' ')
  [ -z "$missing" ] || fail "installed ${packages[*]}, but ${missing% } is still missing" 3
  say "installed $(slurm_version)"
}

slurm_version() { PATH="$PATH:/usr/sbin" slurmctld -V 2>/dev/null || echo "slurm (version unknown)"; }

port_busy() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htln "sport = :$1")" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# The processes of this cluster: the daemons and job steps (they carry the marker) and the jobs' own processes (a
# SLURM_JOB_ID and this cluster's SLURM_CONF), not a shell that merely exported this SLURM_CONF.
cluster_processes() {
  local dir=$1 environ
  for environ in /proc/[0-9]*/environ; do
    { tr '\0' '\n' <"$environ"; } 2>/dev/null | awk -v marker="$marker=$dir" -v conf="SLURM_CONF=$dir/slurm.conf" '
      $0 == marker { ours = 1 } $0 == conf { conf_seen = 1 } /^SLURM_JOB_ID=/ { job = 1 }
      END { exit !(ours || (conf_seen && job)) }' && { environ=${environ#/proc/}; echo "${environ%/environ}"; }
  done
  return 0
}

# Waits up to $2 seconds for the command in $1 to succeed.
wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

write_config() {
  local dir=$1 user node hardware
  user=$(id -un)
  node=$(hostname -s)
  # The hardware as slurmd sees it (CPUs, sockets, cores, threads, memory), so the node registers as configured.
  hardware=$(slurmd -C 2>/dev/null | head -n1 | tr ' ' '\n' | grep -E '^(CPUs|Boards|SocketsPerBoard|CoresPerSocket|ThreadsPerCore|RealMemory)=' | tr '\n' ' ')
  cat >"$dir/slurm.conf" <<CONF
# One-node test cluster written by scripts/slurm-test-cluster.sh; everything it writes stays in $dir.
ClusterName=imdbtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmdTimeout=60
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 ${hardware}State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
}

start_cluster() {
  local dir=$1
  [ -n "$dir" ] || fail "start needs a folder: $0 start DIR" 2
  [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] || fail "$dir is not empty: start needs a new or empty folder" 2
  install_slurm
  export PATH="$PATH:/usr/sbin:/sbin"
  local port
  for port in "$ctld_port" "$slurmd_port"; do
    ! port_busy "$port" || fail "port $port is in use (another Slurm?): set SLURM_TEST_CTLD_PORT and SLURM_TEST_SLURMD_PORT to free ports"
  done
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  chmod 700 "$dir" "$dir/munge"
  write_config "$dir"
  export SLURM_CONF=$dir/slurm.conf

  say "starting munged, slurmctld and slurmd in $dir (ports $ctld_port and $slurmd_port)"
  mungekey --create --keyfile="$dir/munge/munge.key" --bits=1024
  # --force: munged wants its socket's folder open to all users; this one is private to the cluster's user.
  env "$marker=$dir" munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
    || start_failed "$dir" "munged did not start: see $dir/log/munged.log"
  env "$marker=$dir" slurmctld -f "$SLURM_CONF" -i || start_failed "$dir" "slurmctld did not start: see $dir/log/slurmctld.log"
  env "$marker=$dir" slurmd -f "$SLURM_CONF" || start_failed "$dir" "slurmd did not start: see $dir/log/slurmd.log"
  wait_for '[ "$(sinfo -h -o %t 2>/dev/null)" = idle ]' 60 \
    || start_failed "$dir" "the node did not come up idle within 60 s (sinfo: $(sinfo -h -o '%t %E' 2>&1)): see $dir/log"
  say "up: export SLURM_CONF=$SLURM_CONF"
}

# Stops what a failed start had started, so that nothing outlives the failure.
start_failed() {
  stop_cluster "$1" >/dev/null 2>&1 || true
  fail "$2"
}

stop_cluster() {
  local dir=$1 pids
  [ -n "$dir" ] && [ -d "$dir" ] || fail "stop needs the folder given to start: $0 stop DIR" 2
  dir=$(cd "$dir" && pwd -P)
  export PATH="$PATH:/usr/sbin:/sbin" SLURM_CONF=$dir/slurm.conf
  # Jobs first, so their processes end through Slurm (SIGTERM, then SIGKILL after KillWait).
  if [ -n "$(cluster_processes "$dir")" ] && squeue -h >/dev/null 2>&1; then
    # shellcheck disable=SC2046 # one argument per job
    scancel --full --quiet $(squeue -h -o %A | sort -u) 2>/dev/null || true
    wait_for '[ -z "$(squeue -h 2>/dev/null)" ]' 40 || say "jobs still queued after 40 s; stopping the daemons anyway"
  fi
  pids=$(cluster_processes "$dir" | tr '\n' ' ')
  [ -z "$pids" ] || kill -TERM $pids 2>/dev/null || true
  if ! wait_for '[ -z "$(cluster_processes "$dir")" ]' 20; then
    pids=$(cluster_processes "$dir" | tr '\n' ' ')
    say "killing what did not stop on SIGTERM within 20 s: $pids"
    kill -KILL $pids 2>/dev/null || true
    wait_for '[ -z "$(cluster_processes "$dir")" ]' 10 || fail "processes $(cluster_processes "$dir" | tr '\n' ' ')did not stop"
  fi
  say "stopped; the cluster's files and logs are in $dir"
}

case "${1:-}" in
  install) install_slurm ;;
  start) start_cluster "${2:-}" ;;
  stop) stop_cluster "${2:-}" ;;
  *) fail "usage: $0 install | start DIR | stop DIR" 2 ;;
esac
