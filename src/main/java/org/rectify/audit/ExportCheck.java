package org.rectify.audit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an export ({@link AuditExport}) offline, with nothing but the zip (and, if given, the heads the operator
 * published): every file is the one its manifest names; every exported record is, byte for byte, what was sealed
 * at its place in the chain; the proof chains from the first exported seal to the head the export carries (and
 * through every published head within that range with the published hash); the table is the records' table; every
 * evidence file is the one sealed when it was added. Findings name the file or the record, the first bad one
 * first.
 */
public final class ExportCheck {

    /** What a check found: how much it read, the head it reached, and the findings, the first bad one first. */
    public record Result(long records, long seals, long evidenceFiles, String head, List<ChainFinding> findings) {

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private final List<ChainFinding> findings = new ArrayList<>();

    private ExportCheck() {}

    /** Checks the zip at this path; the published heads may be empty. */
    public static Result check(Path zipFile, List<AuditVerifier.PublishedHead> published) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            return new ExportCheck().run(zip, published);
        } catch (ZipException e) {
            throw new IOException(zipFile + " is not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    private Result run(ZipFile zip, List<AuditVerifier.PublishedHead> published) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(AuditExport.MANIFEST);
        if (manifestEntry == null
                || zip.getEntry(AuditExport.PROOF) == null
                || zip.getEntry(AuditExport.RECORDS) == null
                || zip.getEntry(AuditExport.HEAD) == null) {
            throw new IOException("not an audit export: it holds no " + AuditExport.MANIFEST + ", "
                    + AuditExport.RECORDS + ", " + AuditExport.PROOF + " and " + AuditExport.HEAD);
        }
        Map<String, String> files = files(zip);
        manifest(new String(read(zip, manifestEntry), StandardCharsets.UTF_8), files);

        List<AuditVerifier.PublishedHead> heads = AuditVerifier.PublishedHead.parse(
                new String(read(zip, zip.getEntry(AuditExport.HEAD)), StandardCharsets.UTF_8)
                        .lines()
                        .toList());
        if (heads.size() != 1) {
            throw new IOException(AuditExport.HEAD + " does not hold one chain head (seq hash time)");
        }
        AuditVerifier.PublishedHead head = heads.get(0);
        List<String> bodies = lines(read(zip, zip.getEntry(AuditExport.RECORDS)));
        List<long[]> exported = new ArrayList<>();
        long seals = proof(zip, bodies, head, published, exported);
        if (findings.isEmpty()) {
            table(zip, bodies, exported);
        }
        long evidence = findings.isEmpty() ? evidence(bodies, exported, files) : 0;
        return new Result(bodies.size(), seals, evidence, head.line(), List.copyOf(findings));
    }

    /** Every entry's name and SHA-256 (an entry that cannot be read is named as such). */
    private Map<String, String> files(ZipFile zip) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.isDirectory() || e.getName().equals(AuditExport.MANIFEST)) {
                continue;
            }
            try (InputStream in = zip.getInputStream(e)) {
                files.put(e.getName(), sha256(in));
            } catch (IOException ex) {
                files.put(e.getName(), "unreadable");
                fileFinding(e.getName() + " cannot be read: " + ex.getMessage());
            }
        }
        return files;
    }

    private void manifest(String manifest, Map<String, String> files) {
        Map<String, String> listed = new HashMap<>();
        for (String line : manifest.lines().toList()) {
            int gap = line.indexOf("  ");
            if (gap != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
                fileFinding(AuditExport.MANIFEST + " holds a line that is not \"sha256  name\": " + line);
                continue;
            }
            listed.put(line.substring(66), line.substring(0, 64));
        }
        files.forEach((name, hash) -> {
            String expected = listed.get(name);
            if (expected == null) {
                fileFinding(name + " is not in the manifest");
            } else if (!expected.equals(hash) && !"unreadable".equals(hash)) {
                fileFinding(name + " is not the file the manifest names: its SHA-256 is " + hash + ", the manifest's "
                        + expected);
            }
        });
        listed.keySet().stream()
                .filter(n -> !files.containsKey(n))
                .sorted()
                .forEach(n -> fileFinding(n + " is in the manifest but not in the export"));
    }

    /**
     * Walks the proof: its seals consecutive, every flagged one's digest the digest of the next exported record,
     * the chain of hashes reaching the head, and every published head within its range. Keeps the exported
     * records' seal and record numbers. Answers how many seals it walked.
     */
    private long proof(
            ZipFile zip,
            List<String> bodies,
            AuditVerifier.PublishedHead head,
            List<AuditVerifier.PublishedHead> published,
            List<long[]> exported)
            throws IOException {
        Map<Long, String> wanted = new HashMap<>();
        published.forEach(p -> wanted.put(p.seq(), p.hash()));
        long count = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(zip.getInputStream(zip.getEntry(AuditExport.PROOF)), StandardCharsets.UTF_8))) {
            String prev = in.readLine();
            if (prev == null || !prev.matches("[0-9a-f]{64}")) {
                throw new IOException(AuditExport.PROOF + " does not begin with a hash");
            }
            long lastSeq = -1;
            int next = 0;
            String line;
            while ((line = in.readLine()) != null) {
                String[] p = line.split(" ");
                if (p.length != 4
                        || !p[0].matches("\\d{1,18}")
                        || !p[1].matches("\\d{1,18}")
                        || !p[2].matches("[0-9a-f]{64}")
                        || !p[3].matches("[01]")) {
                    return fail(
                            ChainFinding.Kind.SEAL_ALTERED,
                            null,
                            null,
                            AuditExport.PROOF + " line " + (count + 2) + " is not \"seq id digest flag\": " + line,
                            count);
                }
                long seq = Long.parseLong(p[0]);
                long id = Long.parseLong(p[1]);
                if (lastSeq >= 0 && seq != lastSeq + 1) {
                    return fail(
                            ChainFinding.Kind.DELETED,
                            lastSeq + 1,
                            null,
                            AuditExport.PROOF + " skips from seal " + lastSeq + " to seal " + seq,
                            count);
                }
                if (p[3].equals("1")) {
                    if (next >= bodies.size()) {
                        return fail(
                                ChainFinding.Kind.DELETED,
                                seq,
                                id,
                                "record " + id + " (seal " + seq + ") is flagged as exported but " + AuditExport.RECORDS
                                        + " does not hold it",
                                count);
                    }
                    if (!AuditForm.sha256(bodies.get(next)).equals(p[2])) {
                        return fail(
                                ChainFinding.Kind.EDITED,
                                seq,
                                id,
                                "record " + id + " (seal " + seq + ", line " + (next + 1) + " of " + AuditExport.RECORDS
                                        + ") is not what was sealed",
                                count);
                    }
                    exported.add(new long[] {seq, id});
                    next++;
                }
                prev = AuditForm.link(prev, seq, id, p[2]);
                String published1 = wanted.get(seq);
                if (published1 != null && !published1.equals(prev)) {
                    return fail(
                            ChainFinding.Kind.REWRITTEN,
                            seq,
                            null,
                            "seal " + seq + " has another hash than the" + " head published for it",
                            count + 1);
                }
                lastSeq = seq;
                count++;
            }
            if (next < bodies.size()) {
                return fail(
                        ChainFinding.Kind.INSERTED,
                        null,
                        null,
                        AuditExport.RECORDS + " holds " + bodies.size() + " records, the proof seals " + next
                                + ": line " + (next + 1) + " was not sealed",
                        count);
            }
            if (lastSeq >= 0 && lastSeq != head.seq()) {
                return fail(
                        ChainFinding.Kind.TRUNCATED,
                        lastSeq + 1,
                        null,
                        AuditExport.PROOF + " ends at seal " + lastSeq + ", the export's head is seal " + head.seq(),
                        count);
            }
            if (!prev.equals(head.hash())) {
                return fail(
                        ChainFinding.Kind.REWRITTEN,
                        head.seq(),
                        null,
                        "the proof does not reach the export's"
                                + " head: seal " + head.seq() + " would have hash " + prev + ", " + AuditExport.HEAD
                                + " says " + head.hash(),
                        count);
            }
        }
        return count;
    }

    /** The table is the records' table, line by line. */
    private void table(ZipFile zip, List<String> bodies, List<long[]> exported) throws IOException {
        ZipEntry csv = zip.getEntry(AuditExport.CSV);
        if (csv == null) {
            fileFinding(AuditExport.CSV + " is not in the export");
            return;
        }
        List<String> rows =
                new String(read(zip, csv), StandardCharsets.UTF_8).lines().toList();
        List<String> expected = new ArrayList<>();
        expected.add("\uFEFF" + AuditExport.csvHeader());
        for (int i = 0; i < bodies.size(); i++) {
            expected.add(AuditExport.csvLine(
                    new AuditExport.Exported(exported.get(i)[0], exported.get(i)[1], bodies.get(i))));
        }
        for (int i = 0; i < Math.max(rows.size(), expected.size()); i++) {
            String row = i < rows.size() ? rows.get(i) : null;
            if (i >= expected.size() || !expected.get(i).equals(row)) {
                fileFinding(AuditExport.CSV + " line " + (i + 1) + " is not the table of " + AuditExport.RECORDS);
                return;
            }
        }
    }

    /** Every evidence file an exported record added is in the export with the SHA-256 sealed. */
    private long evidence(List<String> bodies, List<long[]> exported, Map<String, String> files) {
        long checked = 0;
        for (int i = 0; i < bodies.size(); i++) {
            Optional<Map.Entry<Long, String>> sealed = AuditExport.evidenceOf(bodies.get(i));
            if (sealed.isEmpty()) {
                continue;
            }
            long evidenceId = sealed.get().getKey();
            String prefix = AuditExport.EVIDENCE_DIR + evidenceId + "-";
            Optional<Map.Entry<String, String>> file = files.entrySet().stream()
                    .filter(f -> f.getKey().startsWith(prefix))
                    .findFirst();
            long seq = exported.get(i)[0];
            long id = exported.get(i)[1];
            if (file.isEmpty()) {
                findings.add(new ChainFinding(
                        ChainFinding.Kind.EVIDENCE_MISSING,
                        seq,
                        id,
                        "evidence " + evidenceId + ", added by record " + id + ", is not in the export"));
            } else if (!file.get().getValue().equals(sealed.get().getValue())) {
                findings.add(new ChainFinding(
                        ChainFinding.Kind.EVIDENCE_REPLACED,
                        seq,
                        id,
                        file.get().getKey()
                                + " is not the file record " + id + " sealed: its SHA-256 is "
                                + file.get().getValue()
                                + ", the sealed " + sealed.get().getValue()));
            } else {
                checked++;
            }
        }
        return checked;
    }

    private long fail(ChainFinding.Kind kind, Long seq, Long recordId, String detail, long walked) {
        findings.add(new ChainFinding(kind, seq, recordId, detail));
        return walked;
    }

    private void fileFinding(String detail) {
        findings.add(new ChainFinding(ChainFinding.Kind.FILE_ALTERED, null, null, detail));
    }

    /** The lines of a file that ends every line with a newline, as text. */
    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream d = new DigestInputStream(in, sha)) {
                d.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
