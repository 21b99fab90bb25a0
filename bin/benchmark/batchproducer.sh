#!/bin/sh
# Benchmark launcher (RocketMQ's bin/benchmark/batchproducer.sh): runs org.apache.rocketmq.example.benchmark.BatchProducer
# through bin/tools.sh, which maps it to io.apogee.example.benchmark.BatchProducer. Arguments are passed through.
DIR=$(cd "$(dirname "$0")/.." && pwd)
exec sh "$DIR/tools.sh" org.apache.rocketmq.example.benchmark.BatchProducer "$@"
