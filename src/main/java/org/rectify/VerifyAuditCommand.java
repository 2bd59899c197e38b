package org.rectify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectify.audit.AuditVerifier;
import org.rectify.audit.ChainFinding;
import org.rectify.audit.ExportCheck;
import org.rectify.task.EvidenceFilesCheck;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar rectify.jar verify-audit [--db-url=…] [--db-user=…] [--db-password=…] [--heads=FILE]
 * [--evidence=DIR]}: the audit chain verified from outside the application, without starting it and without
 * writing anything. The database defaults to {@code RECTIFY_DB_URL} (and its user and password), else the
 * embedded H2 file; the heads file and the evidence directory are optional. Exit code 0: clean; 1: something
 * is wrong (the first bad record is printed first); 2: it could not be checked (no chain there, bad arguments).
 * With {@code --export=ZIP} it checks an inspector's export instead, offline ({@link ExportCheck}).
 */
public final class VerifyAuditCommand {

    static final String NAME = "verify-audit";

    private VerifyAuditCommand() {}

    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                out.println("verify-audit: unknown argument " + arg + " (use --db-url=, --db-user=, --db-password=,"
                        + " --heads=, --evidence=, or --export=ZIP [--heads=])");
                return 2;
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        if (options.containsKey("export")) {
            return export(Path.of(options.get("export")), options.get("heads"), out);
        }
        String url = options.getOrDefault("db-url", env("RECTIFY_DB_URL", "jdbc:h2:file:./data/rectify"));
        DriverManagerDataSource db = new DriverManagerDataSource(
                url,
                options.getOrDefault("db-user", env("RECTIFY_DB_USER", url.startsWith("jdbc:h2") ? "sa" : "root")),
                options.getOrDefault("db-password", env("RECTIFY_DB_PASSWORD", "")));
        JdbcTemplate jdbc = new JdbcTemplate(db);
        try {
            List<AuditVerifier.PublishedHead> heads = List.of();
            if (options.containsKey("heads")) {
                heads = AuditVerifier.PublishedHead.parse(
                        Files.readAllLines(Path.of(options.get("heads")), StandardCharsets.UTF_8));
            }
            try {
                jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
            } catch (DataAccessException e) {
                out.println("verify-audit: " + url + " holds no audit chain (" + firstLine(e) + ")");
                return 2;
            }
            Optional<org.rectify.audit.EvidenceCheck> evidence = options.containsKey("evidence")
                    ? Optional.of(EvidenceFilesCheck.inDirectory(jdbc, Path.of(options.get("evidence"))))
                    : Optional.empty();
            AuditVerifier.Report report = new AuditVerifier(jdbc, evidence).verify(heads);
            out.printf(
                    "audit chain of %s: %d seals to seal %d (%s), %d published heads, %d evidence files, %d ms%n",
                    url,
                    report.seals(),
                    report.lastSeq(),
                    report.lastHash(),
                    heads.size(),
                    report.evidenceFiles(),
                    report.took().toMillis());
            if (report.clean()) {
                out.println("clean");
                return 0;
            }
            print(report.findings(), out);
            return 1;
        } catch (IOException e) {
            out.println("verify-audit: " + e.getMessage());
            return 2;
        } catch (DataAccessException e) {
            out.println("verify-audit: could not read " + url + ": " + firstLine(e));
            return 2;
        }
    }

    /** An inspector's export checked offline, against the published heads if given. */
    private static int export(Path zip, String headsFile, PrintStream out) {
        try {
            List<AuditVerifier.PublishedHead> heads = headsFile == null
                    ? List.of()
                    : AuditVerifier.PublishedHead.parse(Files.readAllLines(Path.of(headsFile), StandardCharsets.UTF_8));
            ExportCheck.Result result = ExportCheck.check(zip, heads);
            out.printf(
                    "audit export %s: %d records, %d seals of proof to the head %s, %d evidence files, %d published"
                            + " heads%n",
                    zip, result.records(), result.seals(), result.head(), result.evidenceFiles(), heads.size());
            if (result.clean()) {
                out.println("clean");
                return 0;
            }
            print(result.findings(), out);
            return 1;
        } catch (IOException e) {
            out.println("verify-audit: " + e.getMessage());
            return 2;
        }
    }

    private static void print(List<ChainFinding> findings, PrintStream out) {
        for (ChainFinding f : findings) {
            out.printf(
                    "%s%s%s: %s%n",
                    f.kind(),
                    f.seq() == null ? "" : " at seal " + f.seq(),
                    f.recordId() == null ? "" : " (record " + f.recordId() + ")",
                    f.detail());
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String firstLine(DataAccessException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
