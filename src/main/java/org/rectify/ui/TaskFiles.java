package org.rectify.ui;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;

/**
 * How evidence files are shown, for templates ({@code ${@taskFiles.image(e.contentType())}}) and the
 * download: only images (never SVG, which can carry script) and PDF are shown inline; everything else
 * is only ever downloaded as an attachment.
 */
@Component("taskFiles")
public class TaskFiles {

    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final String PDF = "application/pdf";

    private final String accepted;
    private final String maxSize;
    private final long maxBytes;

    TaskFiles(@Value("${rectify.evidence.allowed-extensions}") Set<String> extensions, MultipartProperties multipart) {
        this.accepted = String.join(
                ", ", extensions.stream().map(String::strip).sorted().toList());
        this.maxBytes = multipart.getMaxFileSize().toBytes();
        this.maxSize = size(maxBytes);
    }

    /** The file types the evidence store accepts, for the upload forms' hint. */
    public String accepted() {
        return accepted;
    }

    /** The largest file an upload may carry. */
    public String maxSize() {
        return maxSize;
    }

    public boolean image(String contentType) {
        return INLINE_IMAGES.contains(normal(contentType));
    }

    public boolean pdf(String contentType) {
        return PDF.equals(normal(contentType));
    }

    public boolean inline(String contentType) {
        return image(contentType) || pdf(contentType);
    }

    /** 512 B, 14 KB, 3.2 MB, 20 MB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double megabytes = bytes / (1024.0 * 1024);
        return megabytes == Math.rint(megabytes)
                ? (long) megabytes + " MB"
                : String.format(Locale.ROOT, "%.1f MB", megabytes);
    }

    /** A photo's GPS position, latitude then longitude in degrees (WGS 84, as the camera wrote it), to a metre or so. */
    public String place(Double latitude, Double longitude) {
        return latitude == null || longitude == null
                ? ""
                : String.format(Locale.ROOT, "%.6f, %.6f", latitude, longitude);
    }

    /** The largest file an upload may carry, in bytes, for the page's script to refuse a larger one before it goes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Enough of a SHA-256 to compare by eye; the whole hash is in the title and the download's header. */
    public String shortHash(String sha256) {
        return sha256 == null || sha256.length() <= 12 ? sha256 : sha256.substring(0, 12);
    }

    private static String normal(String contentType) {
        if (contentType == null) {
            return "";
        }
        int params = contentType.indexOf(';');
        return (params < 0 ? contentType : contentType.substring(0, params))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
