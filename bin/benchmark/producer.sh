#!/bin/sh
# Benchmark launcher (RocketMQ's bin/benchmark/producer.sh): runs org.apache.rocketmq.example.benchmark.Producer
# through bin/tools.sh, which maps it to io.apogee.example.benchmark.Producer. Arguments are passed through.
DIR=$(cd "$(dirname "$0")/.." && pwd)
exec sh "$DIR/tools.sh" org.apache.rocketmq.example.benchmark.Producer "$@"
