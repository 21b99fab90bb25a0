#!/bin/sh
# Benchmark launcher (RocketMQ's bin/benchmark/consumer.sh): runs org.apache.rocketmq.example.benchmark.Consumer
# through bin/tools.sh, which maps it to io.apogee.example.benchmark.Consumer. Arguments are passed through.
DIR=$(cd "$(dirname "$0")/.." && pwd)
exec sh "$DIR/tools.sh" org.apache.rocketmq.example.benchmark.Consumer "$@"
