#!/bin/sh
# End-to-end benchmark: Apogee vs Apache RocketMQ 4.9.7 on this machine, both driven by the official 4.9.7 client.
#
#   bin/benchmark/compare.sh [--seconds N] [--rounds N] [--heap 1g] [--e2e-rate N] [--drain-max N] [--only apache|apogee]
#   bin/benchmark/compare.sh --ha [--seconds N] [--rounds N] [--heap 1g] [--size BYTES] [--flush ASYNC_FLUSH|SYNC_FLUSH]
#                            [--only apache|apogee]
#
# Run it from a source checkout (it needs e2e-benchmark/ and distribution/). It
#   1. builds the Apogee release archive if distribution/target has none (mvn -DskipTests package); an existing
#      archive is used as it is, so rebuild it first to measure the current tree,
#   2. fetches the official 4.9.7 namesrv, broker and client jars with Maven into e2e-benchmark/target/lib and
#      compiles the driver (mvn -f e2e-benchmark/pom.xml package),
#   3. unpacks the Apogee archive into target/benchmark/, starts both name servers and brokers on free loopback
#      ports with the same broker settings and heap, runs alternating rounds of every workload, and prints a
#      table with both figures and the ratio Apogee/Apache, also written to target/benchmark/latest.md.
# It takes about ten minutes with the defaults. Nothing else should run on the machine meanwhile.
#
# With --ha it runs the HA benchmark instead (io.apogee.bench.HaBenchmark): per implementation a master and a slave
# replicating on loopback, 16 threads of sync sends with the master as ASYNC_MASTER, then as SYNC_MASTER; the table
# goes to target/benchmark/ha-latest.md. About five minutes with the defaults (--seconds 20 --rounds 2).

set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ ! -f "$ROOT/e2e-benchmark/pom.xml" ] || [ ! -f "$ROOT/distribution/pom.xml" ]; then
  echo "compare.sh needs an Apogee source checkout (e2e-benchmark/ and distribution/ beside bin/);" >&2
  echo "a release archive does not contain the benchmark driver." >&2
  exit 1
fi
command -v mvn >/dev/null 2>&1 || { echo "ERROR: Maven (mvn) is required." >&2; exit 1; }
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=$(command -v java) || { echo "ERROR: no java found; Java 17 or later is required." >&2; exit 1; }
fi

MAIN=io.apogee.bench.E2eBenchmark
for arg do
  shift
  if [ "$arg" = "--ha" ]; then
    MAIN=io.apogee.bench.HaBenchmark
  else
    set -- "$@" "$arg"
  fi
done

cd "$ROOT"
ZIP=$(ls distribution/target/apogee-*-bin-release.zip 2>/dev/null | head -1)
if [ -z "$ZIP" ]; then
  echo "Building the Apogee release archive (mvn -DskipTests package)..."
  mvn -B -ntp -q -DskipTests package
  ZIP=$(ls distribution/target/apogee-*-bin-release.zip | head -1)
fi
echo "Fetching Apache RocketMQ 4.9.7 and compiling the driver (mvn -f e2e-benchmark/pom.xml package)..."
mvn -B -ntp -q -f e2e-benchmark/pom.xml package

OUT="$ROOT/target/benchmark"
rm -rf "$OUT/work" "$OUT/apogee"
mkdir -p "$OUT/apogee"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$ZIP" -d "$OUT/apogee"
else
  tar xzf "${ZIP%.zip}.tar.gz" -C "$OUT/apogee"
fi
APOGEE_HOME=$(ls -d "$OUT"/apogee/apogee-* | head -1)
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "Apogee archive: $ZIP (tree at $REV; delete distribution/target or run mvn -DskipTests package to rebuild it)"

exec "$JAVA" -Xms1g -Xmx1g \
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/jdk.internal.ref=ALL-UNNAMED \
  -Duser.home="$OUT/work/driver-home" -Drocketmq.client.logRoot="$OUT/work/driver-home/logs" \
  -cp "$ROOT/e2e-benchmark/target/test-classes:$ROOT/e2e-benchmark/target/lib/*" "$MAIN" \
  --apogee-home "$APOGEE_HOME" --official-lib "$ROOT/e2e-benchmark/target/lib" \
  --work "$OUT/work" --out "$OUT" --apogee-rev "$REV" "$@"
