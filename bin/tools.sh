#!/bin/sh
# Runs a Java class with the Apogee client, tools and examples on the classpath (RocketMQ's tools.sh):
#   bin/tools.sh CLASS [args...]
# The official example names (org.apache.rocketmq.example.quickstart.Producer, ...benchmark.Consumer, ...)
# are mapped to Apogee's own examples (io.apogee.example.quickstart.Producer, ...), so tutorials work verbatim.
# ROCKETMQ_HOME defaults to the directory above this script; JAVA_OPT adds/overrides JVM options
# (a heap given there replaces the small default).

error_exit() {
  echo "ERROR: $1 !!" >&2
  exit 1
}

if [ -z "$ROCKETMQ_HOME" ]; then
  PRG="$0"
  while [ -h "$PRG" ]; do
    link=$(ls -ld "$PRG" | sed -n 's/.*-> //p')
    case "$link" in
      /*) PRG="$link" ;;
      *) PRG="$(dirname "$PRG")/$link" ;;
    esac
  done
  ROCKETMQ_HOME=$(cd "$(dirname "$PRG")/.." && pwd)
fi
export ROCKETMQ_HOME

if [ $# -lt 1 ]; then
  echo "Usage: tools.sh CLASS [args...]   e.g. tools.sh org.apache.rocketmq.example.quickstart.Producer" >&2
  exit 1
fi

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA=$(command -v java)
else
  error_exit "Please set the JAVA_HOME variable in your environment, we need java(x64)! jdk17 or later is required"
fi

module_jar() {
  for j in "${ROCKETMQ_HOME}/$1"/target/apogee-"$1"-*.jar; do
    case "$j" in
      *-sources.jar|*-tests.jar|*-javadoc.jar) ;;
      *) [ -f "$j" ] && echo "$j" && return ;;
    esac
  done
}

# Classpath: a release keeps every jar in lib/; a source build has the module jars plus target/lib/.
if ls "${ROCKETMQ_HOME}"/lib/*.jar >/dev/null 2>&1; then
  CLASSPATH="${ROCKETMQ_HOME}/lib/*"
else
  # The freshly built module jars come first (the JVM takes the first copy of a class), so the copies
  # that tools/target/lib took when tools was last packaged never win over a newer client/common build.
  TOOLS_JAR=$(module_jar tools)
  if [ -z "$TOOLS_JAR" ] || [ ! -d "${ROCKETMQ_HOME}/tools/target/lib" ]; then
    error_exit "Apogee is not built under ${ROCKETMQ_HOME}: run 'mvn -DskipTests install' there first"
  fi
  CLASSPATH="${TOOLS_JAR}"
  for m in client remoting common; do
    j=$(module_jar "$m")
    [ -n "$j" ] && CLASSPATH="${CLASSPATH}:${j}"
  done
  CLASSPATH="${CLASSPATH}:${ROCKETMQ_HOME}/tools/target/lib/*"
  # example/target/lib only repeats tools/target/lib plus an older copy of the tools jar: leave it out
  EXAMPLE_JAR=$(module_jar example)
  [ -n "$EXAMPLE_JAR" ] && CLASSPATH="${EXAMPLE_JAR}:${CLASSPATH}"
fi
CLASSPATH=".:${ROCKETMQ_HOME}/conf:${CLASSPATH}"

MAIN="$1"
shift
case "$MAIN" in
  # 4.9 ships the delay examples in ...example.schedule; some guides spell it ...example.scheduled
  org.apache.rocketmq.example.scheduled.*) MAIN="io.apogee.example.schedule.${MAIN#org.apache.rocketmq.example.scheduled.}" ;;
  org.apache.rocketmq.example.*) MAIN="io.apogee.example.${MAIN#org.apache.rocketmq.example.}" ;;
  org.apache.rocketmq.tools.command.MQAdminStartup) MAIN="io.apogee.tools.command.MQAdminStartup" ;;
esac

if [ -f "${ROCKETMQ_HOME}/conf/logback_tools.xml" ]; then
  LOGBACK="${ROCKETMQ_HOME}/conf/logback_tools.xml"
else
  LOGBACK="apogee-tools-logback.xml"
fi

USER_JAVA_OPT="${JAVA_OPT}"
case "${USER_JAVA_OPT}" in
  *-Xmx*|*-Xms*) HEAP_OPT="" ;;
  *) HEAP_OPT="-Xms128m -Xmx256m" ;;
esac

JAVA_OPT="${HEAP_OPT} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-OmitStackTraceInFastThrow"
case "$MAIN" in
  # long-running programs get the full JIT
  io.apogee.example.*) JAVA_OPT="${HEAP_OPT} -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow" ;;
esac
JAVA_OPT="${JAVA_OPT} --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
JAVA_OPT="${JAVA_OPT} --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/jdk.internal.ref=ALL-UNNAMED"
JAVA_OPT="${JAVA_OPT} -Drocketmq.home.dir=${ROCKETMQ_HOME} -Dlogback.configurationFile=${LOGBACK}"
JAVA_OPT="${JAVA_OPT} ${USER_JAVA_OPT}"

# shellcheck disable=SC2086  # JAVA_OPT is a list of words
exec "$JAVA" ${JAVA_OPT} -cp "${CLASSPATH}" "$MAIN" "$@"
