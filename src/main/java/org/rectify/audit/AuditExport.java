package org.rectify.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One export of the audit trail, streamed as a zip that can be checked without the application (by
 * {@link ExportCheck}, the jar's {@code verify-audit --export=}, or the README's few lines of shell and Python):
 * <ul>
 *   <li>{@code records.jsonl}: the records of the scope, one per line in chain order, each line exactly its
 *   canonical form ({@link AuditForm}), so that the SHA-256 of a line is the record's digest;</li>
 *   <li>{@code records.csv}: the same records as a table (UTF-8 with a byte-order mark, for Excel), with their
 *   seal and record numbers; it is rendered from {@code records.jsonl}, and the check renders it again;</li>
 *   <li>{@code proof.txt}: the hash before the first exported seal, then one line {@code seq id digest flag}
 *   for every seal from the first exported one to the head, {@code flag} 1 for the exported records (the
 *   others' contents are not exported, only their digests); chaining the lines as {@link AuditForm#link} does
 *   must give the head's hash;</li>
 *   <li>{@code head.txt}: the chain head the export is proved against ({@code seq hash time}, the line a
 *   published head file holds), so that it can be compared with the operator's published heads;</li>
 *   <li>{@code evidence/ID-NAME}: the evidence files the exported records added, whose SHA-256 is sealed in
 *   the record that added them;</li>
 *   <li>{@code scope.txt}: what was exported, by whom and when;</li>
 *   <li>{@code manifest.txt}: the SHA-256 of every other file, as {@code sha256sum -c} reads it.</li>
 * </ul>
 */
public final class AuditExport {

    static final String RECORDS = "records.jsonl";
    static final String CSV = "records.csv";
    static final String PROOF = "proof.txt";
    static final String HEAD = "head.txt";
    static final String SCOPE = "scope.txt";
    static final String MANIFEST = "manifest.txt";
    static final String EVIDENCE_DIR = "evidence/";
    private static final int PAGE = 10_000;
    private static final String CSV_HEADER =
            "seq,id,at,actor,roles,unit,action,target,targetId,problem,before,after,reason";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Optional<EvidenceCheck> evidence;
    private final AuditExports.Scope scope;
    private final long id;
    private final String name;
    private final String regionLike;
    private final long headSeq;
    private final String headHash;
    private final String exportedBy;
    private final Instant at;

    AuditExport(
            JdbcTemplate jdbc,
            Optional<EvidenceCheck> evidence,
            AuditExports.Scope scope,
            long id,
            String name,
            String regionLike,
            long headSeq,
            String headHash,
            String exportedBy,
            Instant at) {
        this.exportedBy = exportedBy;
        this.at = at;
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.scope = scope;
        this.id = id;
        this.name = name;
        this.regionLike = regionLike;
        this.headSeq = headSeq;
        this.headHash = headHash;
    }

    public long headSeq() {
        return headSeq;
    }

    /** The file name offered for the download. */
    public String fileName() {
        return "audit-" + scope.name().toLowerCase() + "-" + id + "-seal-" + headSeq + ".zip";
    }

    /** A record of the export, with its place in the chain. */
    record Exported(long seq, long id, String canonical) {}

    /** Sends the zip as a download. */
    public void send(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName()).build().toString());
        writeTo(response.getOutputStream());
    }

    /** Writes the zip. Reads only what was sealed up to the head fixed when the export was prepared. */
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Map<String, String> manifest = new LinkedHashMap<>();
        List<Long> seqs = new ArrayList<>();
        Map<Long, String> evidenceSealed = new LinkedHashMap<>();

        entry(
                zip,
                manifest,
                RECORDS,
                o -> forEachRecord(r -> {
                    seqs.add(r.seq());
                    write(o, r.canonical() + "\n");
                    evidenceOf(r.canonical()).ifPresent(e -> evidenceSealed.put(e.getKey(), e.getValue()));
                }));
        entry(zip, manifest, CSV, o -> {
            write(o, "\uFEFF" + CSV_HEADER + "\r\n");
            forEachRecord(r -> write(o, csvLine(r) + "\r\n"));
        });
        entry(zip, manifest, PROOF, o -> writeProof(o, seqs));
        entry(
                zip,
                manifest,
                HEAD,
                o -> write(o, new AuditVerifier.PublishedHead(headSeq, headHash, at.toString()).line() + "\n"));
        for (Map.Entry<Long, String> e : evidenceSealed.entrySet()) {
            Optional<EvidenceCheck.EvidenceFile> file = evidence.flatMap(c -> c.currentFile(e.getKey()));
            if (file.isPresent()) {
                entry(
                        zip,
                        manifest,
                        EVIDENCE_DIR + e.getKey() + "-" + safeName(file.get().name()),
                        o -> Files.copy(file.get().path(), o));
            }
        }
        entry(
                zip,
                manifest,
                SCOPE,
                o -> write(
                        o,
                        "scope " + scope.name() + "\nid " + id + "\nname " + name
                                + "\nexportedBy " + exportedBy + "\nexportedAt " + at + "\nrecords " + seqs.size()
                                + "\nevidenceFiles " + evidenceSealed.size() + "\nhead " + headSeq + " " + headHash
                                + "\n"));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.entrySet().stream()
                .map(e -> e.getValue() + "  " + e.getKey() + "\n")
                .collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    /** The records of the scope sealed up to the head, in chain order, by pages. */
    private void forEachRecord(IoConsumer<Exported> each) throws IOException {
        String columns =
                Arrays.stream(AuditForm.COLUMNS.split(", ")).map(c -> "r." + c).collect(Collectors.joining(", "));
        long after = 0;
        while (true) {
            List<Object> args = new ArrayList<>();
            args.add(after);
            args.add(headSeq);
            String where = switch (scope) {
                case PROBLEM -> {
                    args.add(id);
                    yield "r.problem_id = ?";
                }
                case ROUND -> {
                    args.addAll(List.of(id, regionLike, id));
                    yield "(r.problem_id in (select p.id from problem p where p.round_id = ? and p.region_path like ?)"
                            + " or (r.target_type = 'ROUND' and r.target_id = ?))";
                }
                case UNIT -> {
                    args.addAll(List.of(id, regionLike, id, regionLike, id));
                    yield "(r.problem_id in (select p.id from problem p where p.lead_unit_id = ? and p.region_path like ?)"
                            + " or r.problem_id in (select t.problem_id from rectification_task t join problem p"
                            + " on p.id = t.problem_id where t.unit_id = ? and p.region_path like ?)"
                            + " or (r.target_type = 'UNIT' and r.target_id = ?))";
                }
            };
            List<Exported> page = jdbc.query(
                    "select s.seq, " + columns + " from audit_record r"
                            + " join audit_seal s on s.record_id = r.id where s.seq > ? and s.seq <= ? and " + where
                            + " order by s.seq limit " + PAGE,
                    (rs, n) ->
                            new Exported(rs.getLong("seq"), rs.getLong("id"), AuditForm.canonical(AuditForm.read(rs))),
                    args.toArray());
            for (Exported r : page) {
                each.accept(r);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** The hash before the first exported seal, then every seal from it to the head, the exported ones flagged. */
    private void writeProof(OutputStream out, List<Long> exported) throws IOException {
        if (exported.isEmpty()) {
            write(out, headHash + "\n");
            return;
        }
        long first = exported.get(0);
        write(out, jdbc.queryForObject("select prev_hash from audit_seal where seq = ?", String.class, first) + "\n");
        int next = 0;
        long from = first;
        while (from <= headSeq) {
            List<String[]> seals = jdbc.query(
                    "select seq, record_id, digest from audit_seal where seq >= ? and seq <= ?" + " order by seq limit "
                            + PAGE,
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                    from,
                    headSeq);
            StringBuilder lines = new StringBuilder(seals.size() * 100);
            for (String[] s : seals) {
                long seq = Long.parseLong(s[0]);
                boolean flagged = next < exported.size() && exported.get(next) == seq;
                if (flagged) {
                    next++;
                }
                lines.append(s[0])
                        .append(' ')
                        .append(s[1])
                        .append(' ')
                        .append(s[2])
                        .append(flagged ? " 1\n" : " 0\n");
            }
            write(out, lines.toString());
            if (seals.size() < PAGE) {
                return;
            }
            from = Long.parseLong(seals.get(seals.size() - 1)[0]) + 1;
        }
    }

    /** The CSV line of an exported record, rendered from its canonical form. */
    static String csvLine(Exported r) {
        JsonNode body;
        try {
            body = JSON.readTree(r.canonical());
        } catch (IOException e) {
            throw new IllegalArgumentException("record " + r.id() + " is not JSON", e);
        }
        StringBuilder line = new StringBuilder().append(r.seq()).append(',').append(r.id());
        for (String key : List.of(
                "at",
                "actor",
                "roles",
                "unit",
                "action",
                "target",
                "targetId",
                "problem",
                "before",
                "after",
                "reason")) {
            JsonNode v = body.get(key);
            line.append(',').append(v == null || v.isNull() ? "" : csvField(v.asText()));
        }
        return line.toString();
    }

    static String csvHeader() {
        return CSV_HEADER;
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The evidence item and SHA-256 an exported record sealed, from its canonical form. */
    static Optional<Map.Entry<Long, String>> evidenceOf(String canonical) {
        try {
            JsonNode body = JSON.readTree(canonical);
            return AuditForm.evidenceSealed(
                    body.path("action").asText(),
                    body.path("after").isTextual() ? body.get("after").asText() : null);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An uploaded file's name as it can stand in a zip: letters, digits, dot, dash and underscore, at most 80. */
    static String safeName(String name) {
        String safe = name == null
                ? "file"
                : name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "file" : safe.length() > 80 ? safe.substring(safe.length() - 80) : safe;
    }

    private interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one entry, keeping the SHA-256 of its bytes for the manifest. */
    private static void entry(
            ZipOutputStream zip, Map<String, String> manifest, String name, IoConsumer<OutputStream> body)
            throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        zip.putNextEntry(new ZipEntry(name));
        OutputStream kept = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // The zip stays open for the next entry.
            }
        };
        try (DigestOutputStream o = new DigestOutputStream(kept, sha)) {
            body.accept(o);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
        manifest.put(name, HexFormat.of().formatHex(sha.digest()));
    }
}
