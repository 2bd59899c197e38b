package org.rectify.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.rectify.VerifyAuditCommand;
import org.rectify.org.NewUnit;
import org.rectify.org.NewUser;
import org.rectify.org.OrgSetup;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UnitKind;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inspector exports the trail of a round, a problem and a unit: the zip checks clean offline (the jar's mode
 * and the documentation's lines of shell and Python (src/docs/design.md)) and holds exactly the scope's sealed records; one byte changed,
 * a record edited or taken out with the manifest made to match, or an evidence file swapped, and the check fails
 * naming the file or the record. Another region's round is as unknown as a round that does not exist.
 */
class AuditExportIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgSetup setup;

    @Test
    void aRoundsExportChecksCleanAndHoldsExactlyItsSealedRecords() throws Exception {
        long round = roundWithEvidence();
        long exportsBefore = exportsOf(round);
        Path zip = export("round", round);
        ExportCheck.Result result = ExportCheck.check(zip, List.of());
        assertThat(result.findings()).isEmpty();
        long headSeq = Long.parseLong(result.head().split(" ")[0]);
        List<Long> expected = jdbc.queryForList(
                "select r.id from audit_record r join audit_seal s on s.record_id = r.id"
                        + " where s.seq <= ? and (r.problem_id in (select id from problem where round_id = ?)"
                        + " or (r.target_type = 'ROUND' and r.target_id = ?)) order by s.seq",
                Long.class,
                headSeq,
                round,
                round);
        assertThat(expected).isNotEmpty();
        assertThat(recordIds(zip)).isEqualTo(expected);
        long firstSeq =
                jdbc.queryForObject("select seq from audit_seal where record_id = ?", Long.class, expected.get(0));
        assertThat(result.seals()).isEqualTo(headSeq - firstSeq + 1);
        long evidence = jdbc.queryForObject(
                "select count(*) from evidence e join rectification_task t on t.id = e.task_id"
                        + " join problem p on p.id = t.problem_id where p.round_id = ?",
                Long.class,
                round);
        assertThat(result.evidenceFiles()).isEqualTo(evidence).isPositive();
        assertThat(entries(zip).keySet())
                .filteredOn(n -> n.startsWith("evidence/"))
                .hasSize((int) evidence);

        // The export is itself audited.
        assertThat(exportsOf(round)).isEqualTo(exportsBefore + 1);

        assertThat(cli(zip)).startsWith("0 ").contains("clean");
        assertThat(readmeCheck(zip)).startsWith("0 ").contains("ok: " + expected.size() + " records");
    }

    @Test
    void oneByteChangedIsNamed() throws Exception {
        Path zip = export("round", roundWithEvidence());
        // A byte of the table changed: the manifest names the file.
        Path table = rewrite(zip, Map.of(AuditExport.CSV, b -> flipLast(b)), false);
        assertThat(cli(table)).startsWith("1 ").contains("FILE_ALTERED").contains(AuditExport.CSV);
        assertThat(readmeCheck(table)).doesNotStartWith("0 ").contains(AuditExport.CSV);

        // A byte of the zip itself changed, inside the first file's compressed data.
        byte[] raw = Files.readAllBytes(zip);
        long size;
        String first;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.entries().nextElement();
            first = e.getName();
            size = e.getCompressedSize();
        }
        int at = 30 + first.getBytes(StandardCharsets.UTF_8).length + (int) (size / 2);
        raw[at] ^= 0x01;
        Path flipped = Files.write(zip.resolveSibling("flipped-" + zip.getFileName()), raw);
        assertThat(cli(flipped)).doesNotStartWith("0 ").contains(first);
    }

    @Test
    void aRecordEditedOrTakenOutWithTheManifestMadeToMatchIsNamed() throws Exception {
        Path zip = export("round", roundWithEvidence());
        List<Long> ids = recordIds(zip);
        // The third record's reason rewritten, the table and the manifest made to match.
        Path edited = rewrite(zip, Map.of(AuditExport.RECORDS, b -> editLine(b, 2)), true);
        assertThat(cli(edited)).startsWith("1 ").contains("EDITED").contains("(record " + ids.get(2) + ")");
        assertThat(readmeCheck(edited)).doesNotStartWith("0 ").contains("record " + ids.get(2));

        Path removed = rewrite(zip, Map.of(AuditExport.RECORDS, b -> dropLine(b, 1)), true);
        assertThat(cli(removed)).startsWith("1 ").contains("(record " + ids.get(1) + ")");
        assertThat(readmeCheck(removed)).doesNotStartWith("0 ");

        // The head's hash with its first digit changed (to another one: a 0 becomes a 1).
        Path head = rewrite(
                zip,
                Map.of(AuditExport.HEAD, b -> {
                    String line = new String(b, StandardCharsets.UTF_8);
                    int at = line.indexOf(' ') + 1;
                    return (line.substring(0, at) + (line.charAt(at) == '0' ? '1' : '0') + line.substring(at + 1))
                            .getBytes(StandardCharsets.UTF_8);
                }),
                true);
        assertThat(cli(head)).startsWith("1 ").contains("REWRITTEN");
        assertThat(readmeCheck(head)).doesNotStartWith("0 ").contains("does not reach the head");

        String evidence = entries(zip).keySet().stream()
                .filter(n -> n.startsWith("evidence/"))
                .findFirst()
                .orElseThrow();
        Path swapped = rewrite(zip, Map.of(evidence, b -> "another photo".getBytes(StandardCharsets.UTF_8)), true);
        assertThat(cli(swapped)).startsWith("1 ").contains("EVIDENCE_REPLACED").contains(evidence);
        assertThat(readmeCheck(swapped)).doesNotStartWith("0 ").contains("evidence");
    }

    @Test
    void aProblemAndAUnitExportTheirOwnRecords() throws Exception {
        long problem = jdbc.queryForObject(
                "select min(problem_id) from audit_record where problem_id is not null", Long.class);
        Path zip = export("problem", problem);
        assertThat(ExportCheck.check(zip, List.of()).findings()).isEmpty();
        List<Long> expected = jdbc.queryForList(
                "select r.id from audit_record r join audit_seal s on s.record_id = r.id"
                        + " where r.problem_id = ? and s.seq <= ? order by s.seq",
                Long.class,
                problem,
                headSeq(zip));
        assertThat(recordIds(zip)).isEqualTo(expected).isNotEmpty();

        long unit = jdbc.queryForObject("select min(t.unit_id) from rectification_task t", Long.class);
        Path unitZip = export("unit", unit);
        assertThat(ExportCheck.check(unitZip, List.of()).findings()).isEmpty();
        List<Long> unitExpected = jdbc.queryForList(
                "select r.id from audit_record r join audit_seal s on s.record_id = r.id"
                        + " where s.seq <= ? and (r.problem_id in (select p.id from problem p where p.lead_unit_id = ?"
                        + " or exists (select 1 from rectification_task t where t.problem_id = p.id and t.unit_id = ?))"
                        + " or (r.target_type = 'UNIT' and r.target_id = ?)) order by s.seq",
                Long.class,
                headSeq(unitZip),
                unit,
                unit,
                unit);
        assertThat(recordIds(unitZip)).isEqualTo(unitExpected).isNotEmpty();
    }

    @Test
    void outsideTheCallersRegionIsNotFoundAndUnitRolesMayNotExport() {
        String other = "exp" + ProcessHandle.current().pid();
        OrgUnitView county = setup.createUnit(new NewUnit(null, other, "邻县", "Neighbouring County", UnitKind.COUNTY));
        setup.createUser(new NewUser("office." + other, "demo1234", "邻县整改办", county.id(), null, Set.of(Role.OFFICE)));
        long round = api.as("office." + other)
                .post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                other,
                                "name",
                                "邻县督查",
                                "feedbackReceivedOn",
                                Demo.today().toString()))
                .expect(201)
                .id();
        Demo.assertSameNotFound(
                api.as("inspector").get("/api/audit/exports/round/{id}", round),
                api.as("inspector").get("/api/audit/exports/round/{id}", 987654321L));
        api.as("inspector").get("/api/audit/exports/unit/{id}", county.id()).expect(404);
        api.as("inspector").get("/api/audit/exports/everything/1").expect(404);
        api.as("staff.fpj")
                .get("/api/audit/exports/round/{id}", roundWithEvidence())
                .expect(403);
    }

    @Test
    void aFileThatIsNoExportIsSaidSo() throws Exception {
        Path notZip = Files.writeString(Files.createTempFile("not-an-export", ".zip"), "hello");
        assertThat(cli(notZip)).startsWith("2 ").contains("not a readable zip");
        Path emptyZip = Files.createTempFile("empty", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(emptyZip))) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write(1);
            out.closeEntry();
        }
        assertThat(cli(emptyZip)).startsWith("2 ").contains("not an audit export");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private long roundWithEvidence() {
        return jdbc.queryForObject(
                "select p.round_id from evidence e join rectification_task t on t.id = e.task_id"
                        + " join problem p on p.id = t.problem_id order by e.id limit 1",
                Long.class);
    }

    private long exportsOf(long round) {
        return jdbc.queryForObject(
                "select count(*) from audit_record where action = 'AUDIT_EXPORTED'"
                        + " and target_type = 'ROUND' and target_id = ?",
                Long.class,
                round);
    }

    private Path export(String scope, long id) throws IOException {
        ApiClient.Response response = api.as("inspector")
                .get("/api/audit/exports/{s}/{id}", scope, id)
                .ok();
        assertThat(response.headers().getContentType()).hasToString("application/zip");
        assertThat(response.headers().getContentDisposition().getFilename()).startsWith("audit-" + scope + "-" + id);
        Path file = Files.createTempDirectory("audit-export").resolve("export.zip");
        return Files.write(file, response.raw());
    }

    private static long headSeq(Path zip) throws IOException {
        return Long.parseLong(new String(entries(zip).get(AuditExport.HEAD), StandardCharsets.UTF_8).split(" ")[0]);
    }

    /** The ids of the exported records, as the proof flags them. */
    private static List<Long> recordIds(Path zip) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (String line : new String(entries(zip).get(AuditExport.PROOF), StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .toList()) {
            String[] p = line.split(" ");
            if (p[3].equals("1")) {
                ids.add(Long.parseLong(p[1]));
            }
        }
        return ids;
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /**
     * The export with some files changed, as an attacker would: with {@code cover}, the table re-rendered from
     * the records and the manifest recomputed, so that only the chain can tell.
     */
    private static Path rewrite(Path zip, Map<String, UnaryOperator<byte[]>> changes, boolean cover)
            throws IOException {
        Map<String, byte[]> entries = entries(zip);
        changes.forEach((name, change) -> entries.put(name, change.apply(entries.get(name))));
        if (cover) {
            if (changes.containsKey(AuditExport.RECORDS)) {
                entries.put(AuditExport.CSV, table(entries.get(AuditExport.RECORDS), entries.get(AuditExport.PROOF)));
            }
            StringBuilder manifest = new StringBuilder();
            entries.forEach((name, bytes) -> {
                if (!name.equals(AuditExport.MANIFEST)) {
                    manifest.append(AuditForm.sha256(bytes))
                            .append("  ")
                            .append(name)
                            .append('\n');
                }
            });
            entries.put(AuditExport.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path out = Files.createTempDirectory("tampered").resolve("export.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    /** The table of these records, their seal and record numbers taken from the proof's flagged lines in order. */
    private static byte[] table(byte[] records, byte[] proof) {
        List<String[]> flagged = new String(proof, StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .map(l -> l.split(" "))
                .filter(p -> p[3].equals("1"))
                .toList();
        List<String> bodies =
                new String(records, StandardCharsets.UTF_8).lines().toList();
        StringBuilder csv = new StringBuilder("\uFEFF" + AuditExport.csvHeader() + "\r\n");
        for (int i = 0; i < bodies.size(); i++) {
            String[] p = flagged.get(i);
            csv.append(AuditExport.csvLine(
                            new AuditExport.Exported(Long.parseLong(p[0]), Long.parseLong(p[1]), bodies.get(i))))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] flipLast(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 3] ^= 0x01;
        return copy;
    }

    private static byte[] editLine(byte[] records, int index) {
        List<String> lines = new ArrayList<>(
                new String(records, StandardCharsets.UTF_8).lines().toList());
        lines.set(index, lines.get(index).replace("\"reason\":", "\"reason\":\"nothing happened\",\"was\":"));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dropLine(byte[] records, int index) {
        List<String> lines = new ArrayList<>(
                new String(records, StandardCharsets.UTF_8).lines().toList());
        lines.remove(index);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The jar's verify mode on the export: exit code, a space, what it printed. */
    private static String cli(Path zip) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(
                new String[] {"--export=" + zip}, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return code + " " + printed.toString(StandardCharsets.UTF_8);
    }

    /**
     * The shell check the documentation gives inspectors (src/docs/design.md, "The audit chain"), run in the
     * unzipped export: exit code, a space, what it printed.
     */
    private static String readmeCheck(Path zip) throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("src/docs/design.md"));
        int marker = readme.indexOf("<!-- export-check -->");
        assertThat(marker).as("the documented export check").isPositive();
        int start = readme.indexOf("```sh\n", marker) + "```sh\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String script =
                block.lines().map(l -> l.startsWith("  ") ? l.substring(2) : l).reduce("", (a, b) -> a + b + "\n");
        Path dir = Files.createTempDirectory("unzipped");
        for (Map.Entry<String, byte[]> e : entries(zip).entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        Process p = new ProcessBuilder("bash", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + " " + out;
    }
}
