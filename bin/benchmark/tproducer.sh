#!/bin/sh
# Benchmark launcher (RocketMQ's bin/benchmark/tproducer.sh): runs org.apache.rocketmq.example.benchmark.TransactionProducer
# through bin/tools.sh, which maps it to io.apogee.example.benchmark.TransactionProducer. Arguments are passed through.
DIR=$(cd "$(dirname "$0")/.." && pwd)
exec sh "$DIR/tools.sh" org.apache.rocketmq.example.benchmark.TransactionProducer "$@"
