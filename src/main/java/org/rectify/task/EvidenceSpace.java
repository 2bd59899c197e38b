package org.rectify.task;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.system.DiskSpaceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Free space where the evidence files are kept: the {@code evidenceStorage} health contributor. */
@Configuration(proxyBeanMethods = false)
class EvidenceSpace {

    @Bean
    HealthIndicator evidenceStorage(@Value("${rectify.evidence.dir}") Path dir,
            @Value("${rectify.evidence.min-free-space:1GB}") DataSize minFree) {
        return new DiskSpaceHealthIndicator(dir.toAbsolutePath().toFile(), minFree);
    }
}
