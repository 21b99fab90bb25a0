#!/usr/bin/env bash
# Builds Apogee if needed and starts a local namesrv + broker on localhost.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/.." && pwd)"
cd "$HOME_DIR"
if [ ! -d common/target ] || [ -n "$(find . -name '*.java' -newer common/target -print -quit 2>/dev/null)" ]; then
  mvn -B -ntp -q -DskipTests install
fi
echo "Apogee built. (The namesrv and broker daemons arrive with their issues; this script will start them.)"
