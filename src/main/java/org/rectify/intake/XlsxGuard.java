package org.rectify.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Looks at the bytes of an upload before any spreadsheet code parses them: an old .xls or an encrypted
 * workbook (both OLE2 containers), anything that is not a zip, and a zip that inflates beyond reason (a
 * zip bomb) are refused here, so that POI only ever opens a plain, bounded .xlsx.
 */
final class XlsxGuard {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    /** Parts of a workbook whose inflated size exceeds this many times their stored size are a bomb. */
    private static final int MAX_RATIO = 200;
    /** Below this, a part may compress as well as it likes (an empty sheet of repeated cells). */
    private static final long RATIO_FROM = 1L << 20;

    private static final int MAX_ENTRIES = 1000;

    private final long maxInflated;

    XlsxGuard(long maxInflated) {
        this.maxInflated = maxInflated;
    }

    /** The upload's bytes, and the same written to a file (a zip is read by its central directory). */
    void check(byte[] bytes, Path file) {
        if (bytes.length == 0) {
            throw new BadFileException("import.file.empty", "the file is empty");
        }
        if (startsWith(bytes, OLE2)) {
            throw encryptedOrOld(bytes);
        }
        if (!startsWith(bytes, ZIP)) {
            throw new BadFileException("import.file.notXlsx", "the file is not an Excel workbook (.xlsx)");
        }
        inflateAll(file);
    }

    /** Inflates every part once, counting, without keeping anything: the sizes a zip claims are not trusted. */
    private void inflateAll(Path file) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry entry = it.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw bomb();
                }
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        inflated += n;
                        total += n;
                        if (total > maxInflated) {
                            throw bomb();
                        }
                    }
                }
                long stored = entry.getCompressedSize();
                if (inflated > RATIO_FROM && stored > 0 && inflated / stored > MAX_RATIO) {
                    throw bomb();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt();
        }
        if (entries == 0) {
            throw corrupt();
        }
    }

    private static BadFileException encryptedOrOld(byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes);
                POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                return new BadFileException(
                        "import.file.encrypted",
                        "the workbook is protected by a password; save it without one and upload again");
            }
        } catch (IOException | RuntimeException e) {
            return corrupt();
        }
        return new BadFileException("import.file.xls", "the file is an old Excel workbook (.xls); save it as .xlsx");
    }

    private BadFileException bomb() {
        return new BadFileException(
                "import.file.tooLarge",
                "the workbook unpacks to more than " + (maxInflated >> 20) + " MB; split it into smaller files",
                maxInflated >> 20);
    }

    static BadFileException corrupt() {
        return new BadFileException("import.file.corrupt", "the file is damaged and cannot be read as .xlsx");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
