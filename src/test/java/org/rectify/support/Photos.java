package org.rectify.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Photos for the tests, made here: a JPEG of any size written by ImageIO, with an EXIF block (APP1) assembled by
 * hand as a camera writes it: DateTimeOriginal in the Exif IFD, latitude and longitude in the GPS IFD.
 */
public final class Photos {

    private Photos() {}

    /** A JPEG of this size: a gradient with shapes and a little grain, so that it compresses as a photo does. */
    public static byte[] jpeg(int width, int height, long seed) {
        return jpeg(width, height, seed, 24);
    }

    /** The same with more or less grain (a grainier photo is a larger file). */
    public static byte[] jpeg(int width, int height, long seed, int grain) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 60 + 120 * x / width + random.nextInt(grain);
                int g = 90 + 100 * y / height + random.nextInt(grain);
                int b = 140 + random.nextInt(grain);
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 10, height / 10);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JPEG with an EXIF block right after its start marker: when and where it was taken. */
    public static byte[] withExif(byte[] jpeg, LocalDateTime taken, double latitude, double longitude) {
        byte[] tiff = tiff(taken, latitude, longitude);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 10 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xff).put((byte) 0xe1).putShort((short) (8 + tiff.length));
        out.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A little-endian TIFF structure: IFD0 (orientation, Exif and GPS pointers), the Exif IFD, the GPS IFD, values. */
    static byte[] tiff(LocalDateTime taken, double latitude, double longitude) {
        ByteBuffer b = ByteBuffer.allocate(202).order(ByteOrder.LITTLE_ENDIAN);
        b.put("II".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        // IFD0 at 8: 3 entries, ends at 50
        b.putShort((short) 3);
        entry(b, 0x0112, 3, 1, 1); // Orientation: upright
        entry(b, 0x8769, 4, 1, 50); // Exif IFD
        entry(b, 0x8825, 4, 1, 68); // GPS IFD
        b.putInt(0);
        // Exif IFD at 50: 1 entry, ends at 68
        b.putShort((short) 1);
        entry(b, 0x9003, 2, 20, 134); // DateTimeOriginal
        b.putInt(0);
        // GPS IFD at 68: 5 entries, ends at 134
        b.putShort((short) 5);
        b.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0});
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {
            (byte) (latitude < 0 ? 'S' : 'N'), 0, 0, 0
        });
        entry(b, 0x0002, 5, 3, 154);
        b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {
            (byte) (longitude < 0 ? 'W' : 'E'), 0, 0, 0
        });
        entry(b, 0x0004, 5, 3, 178);
        b.putInt(0);
        // values
        b.put((taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
                .getBytes(StandardCharsets.US_ASCII));
        degrees(b, Math.abs(latitude));
        degrees(b, Math.abs(longitude));
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Degrees, minutes and seconds as three rationals (seconds to a ten-thousandth). */
    private static void degrees(ByteBuffer b, double value) {
        int degrees = (int) value;
        double minutesExact = (value - degrees) * 60;
        int minutes = (int) minutesExact;
        long seconds = Math.round((minutesExact - minutes) * 60 * 10_000);
        b.putInt(degrees)
                .putInt(1)
                .putInt(minutes)
                .putInt(1)
                .putInt((int) seconds)
                .putInt(10_000);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
