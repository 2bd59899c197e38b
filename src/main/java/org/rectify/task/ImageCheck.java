package org.rectify.task;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What an uploaded image really is, read from its bytes without decoding its pixels (a 50-megapixel photo is not
 * drawn into memory to be checked): a HEIC/HEIF photo or a video in an ISO media box ({@code ftyp}), or a JPEG or
 * PNG that is cut off or garbage. A JPEG is walked marker by marker to its end-of-image marker (bytes after it, as
 * a phone's motion photo appends, are allowed); a PNG chunk by chunk, each CRC checked, to its IEND chunk.
 */
final class ImageCheck {

    enum Verdict {
        FINE,
        HEIC,
        VIDEO,
        CORRUPT
    }

    /** The ISO base media brands of HEIF images (HEIC, AVIF and the like); any other brand is a video. */
    private static final Set<String> HEIF_BRANDS = Set.of(
            "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "mif2", "msf1", "avif", "avis");

    private ImageCheck() {}

    /** The kind of the file's content, from its first bytes: HEIC or VIDEO when it is an ISO media file. */
    static Verdict container(Path file) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == 12 && "ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            return HEIF_BRANDS.contains(brand) ? Verdict.HEIC : Verdict.VIDEO;
        }
        if (read >= 4
                && (head[0] & 0xff) == 0x1a
                && (head[1] & 0xff) == 0x45
                && (head[2] & 0xff) == 0xdf
                && (head[3] & 0xff) == 0xa3) {
            return Verdict.VIDEO; // Matroska / WebM
        }
        if (read == 12
                && new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("AVI ")) {
            return Verdict.VIDEO;
        }
        return Verdict.FINE;
    }

    /** Whether a JPEG or PNG is whole (other types are not walked). */
    static boolean whole(String extension, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 65536))) {
            return switch (extension) {
                case "jpg", "jpeg" -> wholeJpeg(in);
                case "png" -> wholePng(in);
                default -> true;
            };
        } catch (EOFException cutOff) {
            return false;
        }
    }

    private static boolean wholeJpeg(DataInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xffd8) {
            return false;
        }
        boolean frame = false;
        boolean scanned = false;
        int marker = nextMarker(in);
        while (marker >= 0) {
            if (marker == 0xd9) {
                return scanned;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                marker = nextMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return false;
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                frame = true;
            }
            skip(in, length - 2);
            if (marker == 0xda) {
                if (!frame) {
                    return false;
                }
                scanned = true;
                marker = scanEntropyCoded(in);
            } else {
                marker = nextMarker(in);
            }
        }
        return false;
    }

    /** The marker that ends entropy-coded data; -1 when the bytes are not a marker (0xff then garbage). */
    private static int scanEntropyCoded(DataInputStream in) throws IOException {
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xff) {
                continue;
            }
            int next = in.readUnsignedByte();
            while (next == 0xff) {
                next = in.readUnsignedByte();
            }
            if (next == 0x00 || (next >= 0xd0 && next <= 0xd7)) {
                continue;
            }
            return next >= 0xc0 ? next : -1;
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0xff) {
            return -1;
        }
        int marker = in.readUnsignedByte();
        while (marker == 0xff) {
            marker = in.readUnsignedByte();
        }
        return marker;
    }

    private static boolean wholePng(DataInputStream in) throws IOException {
        byte[] signature = new byte[8];
        in.readFully(signature);
        if (!new String(signature, StandardCharsets.ISO_8859_1).equals("\u0089PNG\r\n\u001a\n")) {
            return false;
        }
        boolean first = true;
        byte[] buffer = new byte[65536];
        while (true) {
            long length = in.readInt() & 0xffffffffL;
            byte[] type = new byte[4];
            in.readFully(type);
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if ((first && !"IHDR".equals(name)) || length > Integer.MAX_VALUE) {
                return false;
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(type);
            long left = length;
            while (left > 0) {
                int n = (int) Math.min(left, buffer.length);
                in.readFully(buffer, 0, n);
                crc.update(buffer, 0, n);
                left -= n;
            }
            if ((in.readInt() & 0xffffffffL) != crc.getValue()) {
                return false;
            }
            if ("IEND".equals(name)) {
                return true;
            }
        }
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        if (n < 0) {
            throw new EOFException();
        }
        in.skipNBytes(n);
    }
}
