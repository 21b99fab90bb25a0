#!/bin/sh
# Shared by runserver.sh and runbroker.sh (sourced, not run): finds ROCKETMQ_HOME, a Java >= 17, the
# classpath of a release (lib/) or of a source build (MODULE/target), and a default heap from the RAM.

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

# "openjdk version "17.0.15"" or "java version "1.8.0_392"": the feature release is what counts.
JAVA_FEATURE=$("$JAVA" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' | awk -F. '{ if ($1 == "1") print $2; else print $1 }')
case "$JAVA_FEATURE" in
  ''|*[!0-9]*) error_exit "Cannot tell the version of $JAVA; Apogee needs Java 17 or later (set JAVA_HOME)" ;;
esac
if [ "$JAVA_FEATURE" -lt 17 ]; then
  error_exit "$JAVA is Java $JAVA_FEATURE; Apogee needs Java 17 or later (set JAVA_HOME to a JDK 17+)"
fi

# module_classpath MODULE: a release keeps every jar in lib/; a source build has the module jar + target/lib/.
module_classpath() {
  if ls "${ROCKETMQ_HOME}"/lib/*.jar >/dev/null 2>&1; then
    echo "${ROCKETMQ_HOME}/lib/*"
    return
  fi
  module_jar=""
  for j in "${ROCKETMQ_HOME}/$1"/target/apogee-"$1"-*.jar; do
    case "$j" in
      *-sources.jar|*-tests.jar|*-javadoc.jar) ;;
      *) [ -f "$j" ] && module_jar="$j" ;;
    esac
  done
  if [ -z "$module_jar" ] || [ ! -d "${ROCKETMQ_HOME}/$1/target/lib" ]; then
    error_exit "Apogee is not built under ${ROCKETMQ_HOME}: run 'mvn -DskipTests install' there first"
  fi
  echo "${module_jar}:${ROCKETMQ_HOME}/$1/target/lib/*"
}

# heap_opt CAP_MB: -Xms/-Xmx of a quarter of the RAM in [256m, CAP_MB], or nothing when JAVA_OPT sets a heap
# (a heap given there replaces the computed one entirely, so -Xmx512m alone never clashes with -Xms).
heap_opt() {
  case "${JAVA_OPT}${JAVA_OPT_EXT}" in
    *-Xmx*|*-Xms*) return ;;
  esac
  mem_mb=""
  if [ -r /proc/meminfo ]; then
    mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
  elif command -v sysctl >/dev/null 2>&1; then
    mem_bytes=$(sysctl -n hw.memsize 2>/dev/null)
    [ -n "$mem_bytes" ] && mem_mb=$((mem_bytes / 1024 / 1024))
  fi
  [ -z "$mem_mb" ] && mem_mb=4096
  heap_mb=$((mem_mb / 4))
  [ "$heap_mb" -gt "$1" ] && heap_mb=$1
  [ "$heap_mb" -lt 256 ] && heap_mb=256
  echo "-Xms${heap_mb}m -Xmx${heap_mb}m"
}

GC_LOG_DIR="${HOME}/logs/rocketmqlogs"
mkdir -p "${GC_LOG_DIR}" 2>/dev/null
JDK17_OPENS="--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/jdk.internal.ref=ALL-UNNAMED"
