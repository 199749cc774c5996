#!/usr/bin/env bash
# Makes sure RabbitMQ answers on 127.0.0.1:5672, starting the local server if it is down.
# With RABBITMQ_URL pointing elsewhere, only checks nothing.
set -euo pipefail
if [ -n "${RABBITMQ_URL:-}" ] && [[ "$RABBITMQ_URL" != *"127.0.0.1"* && "$RABBITMQ_URL" != *"localhost"* ]]; then
  exit 0
fi
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/5672") 2>/dev/null; }
port_open && exit 0
command -v rabbitmq-server >/dev/null || { echo "ensure-rabbitmq: RabbitMQ is not running and rabbitmq-server is not installed (apt-get install rabbitmq-server)" >&2; exit 1; }
echo "ensure-rabbitmq: starting RabbitMQ" >&2
rabbitmq-server -detached
for _ in $(seq 1 120); do
  port_open && { rabbitmqctl await_startup >/dev/null 2>&1 || true; exit 0; }
  sleep 0.5
done
echo "ensure-rabbitmq: RabbitMQ did not start within 60s" >&2
exit 1
