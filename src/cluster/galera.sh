#!/usr/bin/env bash
# A three-node MariaDB Galera Cluster on loopback, for trying Rectify on Galera on one machine (see src/docs/galera.md).
# Configured as Camunda 7 supports Galera: ROW binlog, InnoDB, innodb_autoinc_lock_mode=2, READ-COMMITTED,
# wsrep_sync_wait=7. Needs mariadbd, mariadb-install-db, galera-4 and rsync (the state transfer method).
#
#   galera.sh start          initialise the datadirs if missing, bootstrap node 1, join nodes 2 and 3, wait for size 3
#   galera.sh stop           stop all three (3, 2, then 1: node 1 is the last and so the one safe to bootstrap again)
#   galera.sh kill N         SIGKILL node N (1-3)
#   galera.sh restart N      start node N again; it rejoins (IST from a donor's gcache, else a full SST)
#   galera.sh wait-size N    wait until the cluster, seen from any running node, has N members
#   galera.sh status         each node's pid, wsrep state and cluster size
#   galera.sh url            the JDBC URL for the application (RECTIFY_DB_URL)
#   galera.sh reset          stop, then delete the datadirs
#
# Node i (1-3) serves SQL on 127.0.0.1:331i, Galera replication on 457i, IST on 458i, SST (rsync) on 459i.
# GALERA_DIR (default: target/galera of the repository) holds the datadirs, logs and sockets. Memory stays modest:
# a 64 MB buffer pool and a 64 MB gcache per node. The system MariaDB on 3306 is left alone.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${GALERA_DIR:-$ROOT/target/galera}"
PROVIDER="${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"
DATABASE="${GALERA_DATABASE:-rectify}"
NODES=(1 2 3)
# Run as root, rsync's daemon (the state transfer to a joining node) would write as "nobody": run the servers as the
# system's mysql user instead.
RUN_AS="${GALERA_USER:-$( [ "$(id -u)" = 0 ] && echo mysql || id -un )}"

sql_port() { echo "331$1"; }
node_dir() { echo "$DIR/node$1"; }
pid_of() { cat "$(node_dir "$1")/mariadbd.pid" 2>/dev/null || true; }
running() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
client() { mariadb --no-defaults -uroot --socket="$(node_dir "$1")/mariadbd.sock" -N -B "${@:2}"; }
wsrep() { client "$1" -e "show global status like '$2'" 2>/dev/null | cut -f2; }

configure() {
    local i=$1 d; d="$(node_dir "$i")"
    mkdir -p "$d/data" "$d/tmp"
    [ "$(id -u)" = 0 ] && chown -R "$RUN_AS" "$d"
    cat > "$d/my.cnf" <<EOF
[mysqld]
datadir=$d/data
tmpdir=$d/tmp
socket=$d/mariadbd.sock
pid-file=$d/mariadbd.pid
log-error=$d/mariadbd.err
port=$(sql_port "$i")
bind-address=127.0.0.1
user=$RUN_AS
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
performance_schema=OFF
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
# what Camunda 7 requires of a Galera node
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
transaction-isolation=READ-COMMITTED
wsrep_on=ON
wsrep_causal_reads=ON
wsrep_sync_wait=7
# the cluster on loopback
wsrep_provider=$PROVIDER
wsrep_cluster_name=rectify-galera
wsrep_cluster_address=gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1:457$i
wsrep_node_incoming_address=127.0.0.1:$(sql_port "$i")
wsrep_provider_options="base_port=457$i;gmcast.listen_addr=tcp://127.0.0.1:457$i;ist.recv_addr=127.0.0.1:458$i;gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:459$i
wsrep_slave_threads=2
EOF
    if [ ! -d "$d/data/mysql" ]; then
        mariadb-install-db --no-defaults --datadir="$d/data" --user="$RUN_AS" \
            --auth-root-authentication-method=normal --skip-test-db > "$d/install.log" 2>&1 \
            || { cat "$d/install.log" >&2; exit 1; }
    fi
}

launch() {
    local i=$1; shift
    if running "$i"; then echo "node $i already runs (pid $(pid_of "$i"))"; return; fi
    configure "$i"
    local d; d="$(node_dir "$i")"
    nohup mariadbd --defaults-file="$d/my.cnf" "$@" > "$d/stdout.log" 2>&1 &
    # synced: the node has its state (a joiner only after its IST or SST) and takes queries
    for _ in $(seq 1 240); do
        if [ "$(wsrep "$i" wsrep_local_state_comment)" = "Synced" ]; then
            echo "node $i synced (SQL 127.0.0.1:$(sql_port "$i"), pid $(pid_of "$i"))"
            return
        fi
        sleep 0.5
    done
    echo "node $i did not sync in 120 s; see $d/mariadbd.err" >&2
    tail -20 "$d/mariadbd.err" >&2
    exit 1
}

wait_size() {
    local want=$1
    for _ in $(seq 1 240); do
        for i in "${NODES[@]}"; do
            if running "$i" && [ "$(wsrep "$i" wsrep_cluster_size)" = "$want" ]; then
                echo "cluster size $want (seen from node $i)"
                return
            fi
        done
        sleep 0.5
    done
    echo "the cluster did not reach size $want in 120 s" >&2
    exit 1
}

stop_node() {
    local i=$1 pid; pid="$(pid_of "$i")"
    if ! running "$i"; then return; fi
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { echo "node $i stopped"; return; }; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    echo "node $i killed after 60 s"
}

case "${1:-}" in
    start)
        if ! running 1 && ! running 2 && ! running 3; then
            # the first node founds the cluster; grastate.dat must allow it after an unclean end
            configure 1
            [ -f "$(node_dir 1)/data/grastate.dat" ] \
                && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(node_dir 1)/data/grastate.dat"
            launch 1 --wsrep-new-cluster
            client 1 -e "create user if not exists 'root'@'127.0.0.1';
                grant all on *.* to 'root'@'127.0.0.1' with grant option;
                create database if not exists \`$DATABASE\` character set utf8mb4 collate utf8mb4_unicode_ci;"
        fi
        launch 2
        launch 3
        wait_size 3
        ;;
    stop) for i in 3 2 1; do stop_node "$i"; done ;;
    kill)
        pid="$(pid_of "${2:?node number}")"
        running "$2" && kill -KILL "$pid" && echo "node $2 killed (pid $pid)"
        ;;
    restart) launch "${2:?node number}" ;;
    wait-size) wait_size "${2:?size}" ;;
    status)
        for i in "${NODES[@]}"; do
            if running "$i"; then
                echo "node $i pid $(pid_of "$i") $(wsrep "$i" wsrep_local_state_comment) size $(wsrep "$i" wsrep_cluster_size)"
            else
                echo "node $i down"
            fi
        done
        ;;
    url) echo "jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/$DATABASE" ;;
    reset) "$0" stop; rm -rf "$DIR"; echo "removed $DIR" ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
esac
