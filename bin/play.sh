#!/usr/bin/env bash
# Builds Apogee if needed and starts a local name server + broker on localhost in the background.
# Logs: ~/logs/rocketmqlogs/{namesrv,broker}.log; console output: ~/logs/rocketmqlogs/play-{namesrv,broker}.out
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
cd "$HOME_DIR"
if [ ! -d broker/target/lib ] || [ ! -d namesrv/target/lib ] \
   || [ -n "$(find . -name '*.java' -newer broker/target/lib -print -quit 2>/dev/null)" ]; then
  echo "Building Apogee (mvn -DskipTests install)..."
  mvn -B -ntp -q -DskipTests install
fi
OUT_DIR="${HOME}/logs/rocketmqlogs"
mkdir -p "$OUT_DIR"

wait_for() { # file text seconds
  for _ in $(seq 1 "$3"); do
    if grep -q "$2" "$1" 2>/dev/null; then
      grep "$2" "$1" | tail -1
      return 0
    fi
    sleep 1
  done
  echo "Timed out waiting for '$2' in $1:" >&2
  tail -20 "$1" >&2
  return 1
}

nohup sh bin/mqnamesrv > "$OUT_DIR/play-namesrv.out" 2>&1 &
wait_for "$OUT_DIR/play-namesrv.out" "boot success" 60
nohup sh bin/mqbroker -n localhost:9876 > "$OUT_DIR/play-broker.out" 2>&1 &
wait_for "$OUT_DIR/play-broker.out" "boot success" 90

cat <<MSG

Name server on localhost:9876 and a broker are running.
  export NAMESRV_ADDR=localhost:9876
  tail -f ~/logs/rocketmqlogs/broker.log
Stop them with:
  sh bin/mqshutdown broker
  sh bin/mqshutdown namesrv
MSG
