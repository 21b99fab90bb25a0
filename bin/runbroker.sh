#!/bin/sh
# JVM launcher for the Apogee broker: runbroker.sh [jvm -D options] MAIN_CLASS [args...]
#
# Heap: a quarter of physical memory, at least 256m and at most 8g, so the broker starts on a small VM
# without editing this file (RocketMQ's script hard-codes 8g). Anything in the JAVA_OPT environment variable
# is added last and therefore wins (e.g. JAVA_OPT="-Xms1g -Xmx1g" bin/mqbroker).

error_exit() {
  echo "ERROR: $1 !!" >&2
  exit 1
}

if [ -z "$ROCKETMQ_HOME" ]; then
  ROCKETMQ_HOME=$(cd "$(dirname "$0")/.." && pwd)
  export ROCKETMQ_HOME
fi

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA=$(command -v java)
else
  error_exit "Please set the JAVA_HOME variable in your environment, we need java(x64)! jdk17 or later is required"
fi

# Classpath: a release keeps every jar in lib/; a source build has the module jar plus target/lib/.
if ls "${ROCKETMQ_HOME}"/lib/*.jar >/dev/null 2>&1; then
  CLASSPATH="${ROCKETMQ_HOME}/lib/*"
else
  MODULE_JAR=""
  for j in "${ROCKETMQ_HOME}"/broker/target/apogee-broker-*.jar; do
    case "$j" in
      *-sources.jar|*-tests.jar|*-javadoc.jar) ;;
      *) [ -f "$j" ] && MODULE_JAR="$j" ;;
    esac
  done
  if [ -z "$MODULE_JAR" ] || [ ! -d "${ROCKETMQ_HOME}/broker/target/lib" ]; then
    error_exit "Apogee is not built under ${ROCKETMQ_HOME}: run 'mvn -DskipTests install' there first"
  fi
  CLASSPATH="${MODULE_JAR}:${ROCKETMQ_HOME}/broker/target/lib/*"
fi
CLASSPATH=".:${ROCKETMQ_HOME}/conf:${CLASSPATH}"

# Default heap = 1/4 of RAM, clamped to [256m, 8g].
MEM_MB=""
if [ -r /proc/meminfo ]; then
  MEM_MB=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
elif command -v sysctl >/dev/null 2>&1; then
  MEM_BYTES=$(sysctl -n hw.memsize 2>/dev/null)
  [ -n "$MEM_BYTES" ] && MEM_MB=$((MEM_BYTES / 1024 / 1024))
fi
[ -z "$MEM_MB" ] && MEM_MB=4096
HEAP_MB=$((MEM_MB / 4))
[ "$HEAP_MB" -gt 8192 ] && HEAP_MB=8192
[ "$HEAP_MB" -lt 256 ] && HEAP_MB=256

USER_JAVA_OPT="${JAVA_OPT}"
GC_LOG_DIR="${HOME}/logs/rocketmqlogs"
mkdir -p "${GC_LOG_DIR}" 2>/dev/null

# A heap given in JAVA_OPT replaces the computed one entirely (so -Xmx512m alone never clashes with -Xms).
case "${USER_JAVA_OPT}" in
  *-Xmx*|*-Xms*) HEAP_OPT="" ;;
  *) HEAP_OPT="-Xms${HEAP_MB}m -Xmx${HEAP_MB}m" ;;
esac

JAVA_OPT=""
JAVA_OPT="${JAVA_OPT} -server ${HEAP_OPT}"
JAVA_OPT="${JAVA_OPT} -XX:+UseG1GC -XX:G1HeapRegionSize=16m -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 -XX:SoftRefLRUPolicyMSPerMB=0"
JAVA_OPT="${JAVA_OPT} -Xlog:gc*:file=${GC_LOG_DIR}/rmq_broker_gc_%p_%t.log:time,tags:filecount=5,filesize=30M"
JAVA_OPT="${JAVA_OPT} -XX:-OmitStackTraceInFastThrow -XX:MaxDirectMemorySize=15g -XX:-UseLargePages -XX:+PerfDisableSharedMem"
JAVA_OPT="${JAVA_OPT} --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
JAVA_OPT="${JAVA_OPT} --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/jdk.internal.ref=ALL-UNNAMED"
JAVA_OPT="${JAVA_OPT} ${USER_JAVA_OPT}"
JAVA_OPT="${JAVA_OPT} -cp ${CLASSPATH}"

# shellcheck disable=SC2086  # JAVA_OPT is a list of words
exec "$JAVA" ${JAVA_OPT} "$@"
