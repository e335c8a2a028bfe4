#!/usr/bin/env bash
# Starts the machine's PostgreSQL, MariaDB and Redis when they are down (the commands this machine
# kind documents), then waits until each answers. Tests that need one and find it missing skip
# with the reason; under CI (CI=true) they must run, so this script fails when one stays down.
set -uo pipefail

up() { timeout 2 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null; }

start_postgres() { pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start; }
start_mariadb() { start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd; }
start_redis() {
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

status=0
for svc in postgres:5432 mariadb:3306 redis:6379; do
  name=${svc%%:*}; port=${svc##*:}
  if up "$port"; then echo "$name: up on $port"; continue; fi
  echo "$name: down, starting"
  "start_$name" >/dev/null 2>&1 || echo "$name: start command failed"
  for _ in $(seq 1 30); do up "$port" && break; sleep 1; done
  if up "$port"; then echo "$name: up on $port"; else echo "$name: still down on $port"; status=1; fi
done
exit $status
