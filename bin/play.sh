#!/usr/bin/env bash
# Builds Apogee if needed and starts a local name server (localhost:9876) + broker (10911) in the background.
# Logs: ~/logs/rocketmqlogs/{namesrv,broker}.log; console output: ~/logs/rocketmqlogs/play-{namesrv,broker}.out
# JAVA_OPT is passed on to both daemons (e.g. JAVA_OPT="-Xmx512m").
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
cd "$HOME_DIR"
unset ROCKETMQ_HOME

MODULES="common remoting store namesrv broker"
stale() {
  # An unpacked release has everything in lib/ and nothing to build.
  ls lib/*.jar >/dev/null 2>&1 && return 1
  [ -d broker/target/lib ] && [ -d namesrv/target/lib ] || return 0
  for m in $MODULES; do
    if [ -n "$(find "$m/src/main" "$m/pom.xml" -newer broker/target/lib -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}
if stale; then
  echo "Building Apogee (mvn -DskipTests -pl namesrv,broker -am install)..."
  mvn -B -ntp -q -DskipTests -pl namesrv,broker -am install
  touch broker/target/lib
fi

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for p in 9876 10911; do
  if port_busy "$p"; then
    echo "Port $p on localhost is already in use (another name server or broker running?)." >&2
    echo "Stop it first, e.g. sh bin/mqshutdown broker; sh bin/mqshutdown namesrv" >&2
    exit 1
  fi
done

OUT_DIR="${HOME}/logs/rocketmqlogs"
mkdir -p "$OUT_DIR"

wait_for() { # file text seconds pid
  for _ in $(seq 1 "$3"); do
    if grep -q "$2" "$1" 2>/dev/null; then
      grep "$2" "$1" | tail -1
      return 0
    fi
    if ! kill -0 "$4" 2>/dev/null; then
      echo "The process exited before printing '$2'; $1 says:" >&2
      tail -20 "$1" >&2
      return 1
    fi
    sleep 1
  done
  echo "Timed out waiting for '$2' in $1:" >&2
  tail -20 "$1" >&2
  return 1
}

nohup sh bin/mqnamesrv > "$OUT_DIR/play-namesrv.out" 2>&1 &
NS_PID=$!
wait_for "$OUT_DIR/play-namesrv.out" "boot success" 60 "$NS_PID"
# conf/broker.conf plus brokerIP1=127.0.0.1: clients on this machine reach the broker over loopback
PLAY_CONF="$OUT_DIR/play-broker.conf"
{ cat conf/broker.conf; echo; echo "brokerIP1 = 127.0.0.1"; } > "$PLAY_CONF"
nohup sh bin/mqbroker -c "$PLAY_CONF" -n localhost:9876 > "$OUT_DIR/play-broker.out" 2>&1 &
BROKER_PID=$!
if ! wait_for "$OUT_DIR/play-broker.out" "boot success" 90 "$BROKER_PID"; then
  kill "$NS_PID" 2>/dev/null || true
  exit 1
fi

cat <<MSG

Name server (pid $NS_PID) on localhost:9876 and broker (pid $BROKER_PID) on localhost:10911 are running.
  export NAMESRV_ADDR=localhost:9876
  tail -f ~/logs/rocketmqlogs/broker.log
Stop them with:
  kill $BROKER_PID $NS_PID        (or: sh bin/mqshutdown broker; sh bin/mqshutdown namesrv)
MSG
