#!/usr/bin/env bash
# Coverage-guided fuzzing of Outband's parsers with Jazzer (run through ./outband fuzz, which finds JDK 25).
#   ./outband fuzz                      every target, one after another, 60 s each
#   ./outband fuzz rfb-zrle rfb-trle --seconds 300
#   ./outband fuzz --list
# Each target is a @FuzzTest that `./mvnw verify` also runs, in regression mode, over its seed corpus
# (src/test/resources/<package>/<Class>Inputs/<method>/). Here Jazzer mutates inputs for the given time.
# A crashing input is written next to the seeds, so the normal build replays it from then on;
# the inputs Jazzer found interesting stay in <module>/.cifuzz-corpus/ (not committed) for the next run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

targets=(
  "apf-codec            cira-local  dev.outband.cira.apf.ApfCodecFuzzTest#anyByteStreamDecodesToMessagesOrAProtocolError"
  "cira-session         cira-local  dev.outband.cira.listener.CiraSessionFuzzTest#anyDeviceByteStreamEndsItsSessionCleanly"
  "rfb-handshake        kvm-viewer  dev.outband.kvm.rfb.RfbHandshakeFuzzTest#anyServerGreetingEndsInServerInitOrAnIoError"
  "rfb-updates          kvm-viewer  dev.outband.kvm.rfb.RfbUpdateStreamFuzzTest#anyUpdateStreamPaintsInsideTheFramebufferOrFailsWithAnIoError"
  "rfb-raw              kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#raw"
  "rfb-copyrect         kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#copyRect"
  "rfb-rre              kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#rre"
  "rfb-hextile          kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#hextile"
  "rfb-trle             kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#trle"
  "rfb-zrle             kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#zrle"
  "rfb-cursor           kvm-viewer  dev.outband.kvm.rfb.decode.DecodersFuzzTest#cursor"
  "redirection-client   kvm-viewer  dev.outband.kvm.redirection.RedirectionFuzzTest#anyDeviceReplyEndsTheKvmHandshakeOrFailsWithAnIoError"
  "redirection-device   kvm-viewer  dev.outband.kvm.redirection.RedirectionFuzzTest#anyConsoleMessageStreamReadsAsMessagesOrFailsWithAnIoError"
  "sol-session          kvm-viewer  dev.outband.kvm.sol.SolFuzzTest#anyDeviceStreamReadsAsSerialBytesOrFailsWithAMessage"
  "terminal-parser      kvm-viewer  dev.outband.kvm.terminal.TerminalFuzzTest#anyByteStreamLeavesAWellFormedScreen"
  "wsman-reply          wsman       dev.outband.wsman.soap.ResponseEnvelopeFuzzTest#anyReplyBodyParsesToCimObjectsOrAWsmanError"
  "digest-challenge     wsman       dev.outband.wsman.http.DigestChallengeFuzzTest#anyHeaderValueIsADigestChallengeOrNone"
  "presence-pong        wsman       dev.outband.wsman.discovery.RmcpCodecFuzzTest#anyDatagramIsAPongOrRefusedWithAReason"
  "csv-import           app         dev.outband.app.transfer.DeviceListImportFuzzTest#anyCsvFileImportsRowsOrSaysWhatIsWrong"
  "meshcommander-import app         dev.outband.app.transfer.DeviceListImportFuzzTest#anyMeshCommanderFileImportsComputersOrSaysWhatIsWrong"
)

seconds=60
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --list) for t in "${targets[@]}"; do echo "${t%% *}"; done; exit 0 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "outband fuzz: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
  esac
done
case "$seconds" in ''|*[!0-9]*|0) echo "outband fuzz: --seconds takes a positive whole number, not '$seconds'" >&2; exit 2 ;; esac

selected=()
if [ ${#only[@]} -eq 0 ]; then
  selected=("${targets[@]}")
fi
for name in "${only[@]}"; do
  found=
  for t in "${targets[@]}"; do
    [ "${t%% *}" = "$name" ] && selected+=("$t") && found=1
  done
  if [ -z "$found" ]; then
    echo "outband fuzz: no target '$name'; the targets are:" >&2
    for t in "${targets[@]}"; do echo "  ${t%% *}" >&2; done
    exit 2
  fi
done

echo "outband fuzz: building once, then ${#selected[@]} target(s) for ${seconds} s each" >&2
./mvnw -B -q -DskipTests install -pl app -am >&2
mkdir -p target/fuzz
failed=0
printf '%-20s %12s %8s  %s\n' TARGET INPUTS SECONDS RESULT
for t in "${selected[@]}"; do
  read -r name module test <<< "$t"
  log=target/fuzz/$name.log
  # Only one fuzz test runs per JVM (libFuzzer's global state). The per-input time limit is each
  # test's @Timeout, which Jazzer turns into libFuzzer's -timeout; JUnit's own timeout would count
  # the whole run, so it is off. Jazzer's agent and coverage hooks are on (a normal build leaves them
  # off). A bounded heap makes a runaway allocation an OutOfMemoryError finding.
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -B -o -pl "$module" surefire:test \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.hooks=true -DargLine=-Xmx1g > "$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    failed=1
  fi
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log" | tail -n1)
  printf '%-20s %12s %8s  %s\n' "$name" "${runs%% *}" "${runs##* }" "$result"
  grep -a -E '^(== Java Exception|Caused by|artifact_prefix|Test unit written to)' "$log" | head -n 8 || true
done
exit $failed
