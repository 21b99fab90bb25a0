#!/bin/sh
# JVM launcher for the Apogee broker: runbroker.sh [jvm -D options] MAIN_CLASS [args...]
#
# Heap: a quarter of physical memory, at least 256m and at most 8g, so the broker starts on a small VM
# without editing this file (RocketMQ's script hard-codes 8g). JAVA_OPT and JAVA_OPT_EXT are added last and
# therefore win (e.g. JAVA_OPT="-Xms1g -Xmx1g" bin/mqbroker).

. "$(dirname "$0")/runjava-env.sh"

CLASSPATH=".:${ROCKETMQ_HOME}/conf:$(module_classpath broker)" || exit 1

OPTS="-server $(heap_opt 8192)"
OPTS="${OPTS} -XX:+UseG1GC -XX:G1HeapRegionSize=16m -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 -XX:SoftRefLRUPolicyMSPerMB=0"
OPTS="${OPTS} -Xlog:gc*:file=${GC_LOG_DIR}/rmq_broker_gc_%p_%t.log:time,tags:filecount=5,filesize=30M"
OPTS="${OPTS} -XX:-OmitStackTraceInFastThrow -XX:MaxDirectMemorySize=15g -XX:-UseLargePages -XX:+PerfDisableSharedMem"
OPTS="${OPTS} ${JDK17_OPENS} ${JAVA_OPT} ${JAVA_OPT_EXT} -cp ${CLASSPATH}"

# shellcheck disable=SC2086  # OPTS is a list of words
exec "$JAVA" ${OPTS} "$@"
