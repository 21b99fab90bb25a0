#!/bin/sh
# RocketMQ's dledger/fast-try.sh starts a three-node DLedger (Raft) broker group on one machine.
# Apogee does not implement DLedger yet, so this script only says so and fails.
echo "DLedger is not available in Apogee yet: there is no Raft-replicated CommitLog, so a DLedger group" >&2
echo "(conf/dledger/broker-n0.conf .. broker-n2.conf) cannot be started." >&2
echo "Use a single broker or a master/slave layout instead; see docs/deployment.md." >&2
exit 1
