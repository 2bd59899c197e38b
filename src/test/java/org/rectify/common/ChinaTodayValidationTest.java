package org.rectify.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Today" for {@code @PastOrPresent} is China's date, whatever the server's zone. */
class ChinaTodayValidationTest {

    record Received(@PastOrPresent LocalDate on) {}

    /** 17:00 UTC on 29 November is 01:00 on 30 November in Beijing. */
    final Clock lateEvening = Clock.fixed(Instant.parse("2026-11-29T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void todayInChinaIsNotInTheFutureWhileItIsStillYesterdayInUtc() {
        Validator validator = validatorWith(lateEvening);
        assertThat(validator.validate(new Received(LocalDate.of(2026, 11, 30)))).isEmpty();
        assertThat(validator.validate(new Received(LocalDate.of(2026, 11, 29)))).isEmpty();
        assertThat(validator.validate(new Received(LocalDate.of(2026, 12, 1)))).hasSize(1);
    }

    private static Validator validatorWith(Clock clock) {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        new TimeConfig().chinaToday(clock).customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }
}
