package org.rectify.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, so that tests can move time. All instants are UTC. */
@Configuration
class TimeConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Bean Validation's "now" ({@code @PastOrPresent} dates) is the application's clock in China's zone.
     * With its default, the JVM's zone, a date of today in China was "in the future" from 16:00 to 24:00
     * UTC on a server kept in UTC.
     */
    @Bean
    ValidationConfigurationCustomizer chinaToday(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(Zones.CHINA));
    }
}
