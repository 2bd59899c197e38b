package org.rectify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three-node MariaDB Galera Cluster of {@code src/cluster/galera.sh} on loopback (SQL on 3311-3313), fresh
 * datadirs under target/galera. Stopped on {@link #close()}, and by a shutdown hook if the JVM ends first.
 */
final class GaleraCluster implements AutoCloseable {

    static final String DATABASE = "rectify";
    private static final Path SCRIPT = Path.of("src", "cluster", "galera.sh");

    private final Thread stopAtExit = new Thread(() -> run("stop"), "galera-stop");
    private boolean stopped;

    private GaleraCluster() {}

    /** Wipes the datadirs of an earlier run, bootstraps node 1, joins 2 and 3, waits for size 3. */
    static GaleraCluster start() {
        run("reset");
        GaleraCluster cluster = new GaleraCluster();
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        try {
            run("start");
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The URL Camunda documents for Galera: MariaDB's driver, the nodes in a fixed order, failing over in turn. */
    String url() {
        return run("url").strip();
    }

    void kill(int node) {
        run("kill", String.valueOf(node));
    }

    /** Starts the node again and returns once it is synced (after its IST or SST). */
    void restart(int node) {
        run("restart", String.valueOf(node));
    }

    /** wsrep_cluster_size as node {@code node} sees it. */
    int size(int node) throws SQLException {
        try (Connection c = connect(node);
                ResultSet rs = c.createStatement().executeQuery("show global status like 'wsrep_cluster_size'")) {
            rs.next();
            return rs.getInt(2);
        }
    }

    /** A plain connection to one node's SQL port (3310 + node). */
    static Connection connect(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (3310 + node) + "/" + DATABASE, "root", "");
    }

    static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (var in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("galera.sh " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("galera.sh " + String.join(" ", args) + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        run("stop");
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already going down: the hook runs too, and "stop" leaves stopped nodes alone
        }
    }
}
