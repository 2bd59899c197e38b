package org.rectify.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.system.DiskSpaceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Free space where the evidence files are kept: the {@code evidenceStorage} health contributor. The
 * directory is created at start-up if it is missing (a fresh install): a directory that does not exist
 * measures 0 bytes free, and the node would report DOWN until its first upload.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceSpace {

    @Bean
    HealthIndicator evidenceStorage(
            @Value("${rectify.evidence.dir}") Path dir,
            @Value("${rectify.evidence.min-free-space:1GB}") DataSize minFree)
            throws IOException {
        Files.createDirectories(dir);
        return new DiskSpaceHealthIndicator(dir.toAbsolutePath().toFile(), minFree);
    }
}
