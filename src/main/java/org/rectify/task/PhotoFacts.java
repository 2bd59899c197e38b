package org.rectify.task;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * A photo's time and place from its EXIF: DateTimeOriginal as the camera's clock wrote it (EXIF has no zone unless
 * the camera adds one, so it is kept as written), and the GPS position. metadata-extractor reads only the
 * metadata segments, never the pixels. {@code notes} says what is missing ({@link PhotoNote}).
 */
record PhotoFacts(LocalDateTime takenAt, Double latitude, Double longitude, List<PhotoNote> notes) {

    static final Set<String> PHOTOS = Set.of("jpg", "jpeg", "png", "webp");
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    static final PhotoFacts NONE = new PhotoFacts(null, null, null, List.of());

    static PhotoFacts of(String extension, Path file) {
        if (!PHOTOS.contains(extension)) {
            return NONE;
        }
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException unreadable) {
            return new PhotoFacts(null, null, null, List.of(PhotoNote.NO_EXIF));
        }
        LocalDateTime taken = takenAt(metadata);
        GeoLocation place = place(metadata);
        List<PhotoNote> notes = new ArrayList<>();
        if (taken == null && place == null) {
            notes.add(PhotoNote.NO_EXIF);
        } else if (place == null) {
            notes.add(PhotoNote.NO_GPS);
        } else if (taken == null) {
            notes.add(PhotoNote.NO_TIME);
        }
        return new PhotoFacts(
                taken,
                place == null ? null : place.getLatitude(),
                place == null ? null : place.getLongitude(),
                List.copyOf(notes));
    }

    private static LocalDateTime takenAt(Metadata metadata) {
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            String text = exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
            if (text != null) {
                try {
                    return LocalDateTime.parse(text.strip(), EXIF_TIME);
                } catch (DateTimeParseException notADate) {
                    // "0000:00:00 00:00:00" and the like: a camera without a clock set.
                }
            }
        }
        return null;
    }

    private static GeoLocation place(Metadata metadata) {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero()) {
                return location;
            }
        }
        return null;
    }
}
