package org.rectify.org;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingPasswordEncoderTest {

    /** BCrypt (at its lowest cost, to keep the test quick) that counts its checks. */
    static final class CountingBCrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final CountingBCrypt bcrypt = new CountingBCrypt();
    final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, Duration.ofMinutes(5), 100);

    @Test
    void aRightPasswordIsCheckedByBCryptOnceThenRemembered() {
        String hash = encoder.encode("demo1234");
        assertThat(encoder.matches("demo1234", hash)).isTrue();
        assertThat(encoder.matches("demo1234", hash)).isTrue();
        assertThat(encoder.matches("demo1234", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordPaysTheFullCheckEveryTime() {
        String hash = encoder.encode("demo1234");
        assertThat(encoder.matches("demo1234", hash)).isTrue();
        assertThat(encoder.matches("demo12345", hash)).isFalse();
        assertThat(encoder.matches("demo12345", hash)).isFalse();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aChangedPasswordForgetsTheOldOne() {
        String before = encoder.encode("demo1234");
        assertThat(encoder.matches("demo1234", before)).isTrue();
        String after = encoder.encode("new-secret-1");
        assertThat(encoder.matches("demo1234", after)).isFalse();
        assertThat(encoder.matches("new-secret-1", after)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void nothingIsRememberedAfterItsTime() {
        AtomicLong nanos = new AtomicLong();
        RememberingPasswordEncoder fiveMinutes =
                new RememberingPasswordEncoder(bcrypt, Duration.ofMinutes(5), 100, nanos::get);
        String hash = fiveMinutes.encode("demo1234");
        assertThat(fiveMinutes.matches("demo1234", hash)).isTrue();
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(fiveMinutes.matches("demo1234", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(fiveMinutes.matches("demo1234", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }
}
