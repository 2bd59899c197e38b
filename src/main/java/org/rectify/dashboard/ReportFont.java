package org.rectify.dashboard;

import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;
import org.springframework.stereotype.Component;

/**
 * The reports' CJK font, shipped in the jar (WenQuanYi Micro Hei, a GB 2312 subset; its licence and how
 * the subset was made are in {@code fonts/README.txt}), so that a PDF and its charts print Chinese on a
 * machine with nothing but Java: no system font is looked for. PDFs embed the glyphs they use.
 */
@Component
class ReportFont {

    static final String RESOURCE = "/fonts/wqy-microhei-gb2312.ttf";

    private final byte[] bytes;
    private final java.awt.Font awt;

    ReportFont() {
        try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + RESOURCE + " is missing from the class path");
            }
            bytes = in.readAllBytes();
            awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the report font " + RESOURCE + " is not a TrueType font", e);
        }
    }

    /** A new embedded, subsetting PDF font for one document (Identity-H, so any character it has prints). */
    BaseFont pdf() {
        try {
            return BaseFont.createFont(
                    "wqy-microhei-gb2312.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same font for the charts, at this size. */
    java.awt.Font awt(int style, float size) {
        return awt.deriveFont(style, size);
    }
}
