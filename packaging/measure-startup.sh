#!/usr/bin/env bash
# Cold start of the packaged console, with and without its AOT cache, side by side.
#   packaging/measure-startup.sh [rounds]      (default 5; run ./outband package first)
# Uses a temporary OUTBAND_HOME holding DEVICES (default 10000) devices imported with
# `Outband devices import` when the build has that command, else an empty store.
# Prints, per mode, the median time from process start to "main window shown" and to exit, the CPU time,
# and the ratios.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-5}
devices=${DEVICES:-10000}
launcher=$root/packaging/target/image/Outband/bin/Outband
[ -x "$launcher" ] || { echo "measure: no app-image at $launcher - run ./outband package first" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1440x900x24' "$0" "$@"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export OUTBAND_HOME=$home

csv=$home/devices.csv
{
  echo "name,host,user,password,tls,tags"
  # loopback addresses only: nothing is reached if the console polls its devices
  for ((i = 0; i < devices; i++)); do
    echo "amt-$i,127.$((i / 62500 + 1)).$((i / 250 % 250)).$((i % 250 + 1)),admin,P@ssw0rd-$i,true,lab"
  done
} >"$csv"
# The CLI needs no display; a build without the command fails fast instead of opening a window.
if env -u DISPLAY timeout 300 "$launcher" devices import "$csv" >"$home/import.log" 2>&1; then
  store="$devices devices"
else
  store="empty store (this build has no 'devices import': $(grep -m1 -iE 'error|exception|usage' "$home/import.log" | cut -c1-100 || true))"
fi

# Prints "<ms to main window shown> <ms to exit> <ms of CPU, user + sys>" for one start of the launcher.
# The CPU time barely depends on what else the machine runs, the wall times do.
run_once() {
  local start shown=- line
  start=$(date +%s%N)
  while IFS= read -r line; do
    case $line in "main window shown"*) shown=$((($(date +%s%N) - start) / 1000000)) ;; esac
  done < <(TIMEFORMAT='%3U %3S'; { time "$@" --smoke 2>/dev/null; } 2>"$home/cpu")
  echo "$shown $((($(date +%s%N) - start) / 1000000)) $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$home/cpu")"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# One start of each first, not counted: it fills the page cache.
run_once "$launcher" >/dev/null
run_once env JAVA_TOOL_OPTIONS=-XX:AOTMode=off "$launcher" >/dev/null

: >"$home/aot" && : >"$home/noaot"
for ((r = 1; r <= rounds; r++)); do
  run_once env JAVA_TOOL_OPTIONS=-XX:AOTMode=off "$launcher" >>"$home/noaot"
  run_once "$launcher" >>"$home/aot"
done

echo "Outband cold start, $rounds rounds interleaved, $store, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %12s %12s %12s\n' "median of" "shown (ms)" "exit (ms)" "CPU (ms)"
for mode in noaot aot; do
  printf '%-16s' "$([ $mode = aot ] && echo "with AOT cache" || echo "without cache")"
  for col in 1 2 3; do printf ' %12s' "$(cut -d' ' -f$col "$home/$mode" | median)"; done
  printf '   shown: %s\n' "$(cut -d' ' -f1 "$home/$mode" | paste -sd' ' -)"
done
awk 'NR == FNR { s1 += $1; c1 += $3; next } { s0 += $1; c0 += $3 } END {
  printf "without/with cache, ratio of means: shown %.2f, CPU %.2f\n", s0 / s1, c0 / c1 }' \
  "$home/aot" "$home/noaot"
