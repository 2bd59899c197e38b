package org.rectify.org;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt that remembers, for a few minutes, the passwords it has just found right. The API signs in every
 * request with HTTP Basic; a BCrypt check costs tens of milliseconds of CPU, more than most requests, so a
 * client calling the API repeatedly paid it on every call.
 * <p>
 * What is remembered is an HMAC, under a key made at random when the node starts and never stored, of the
 * password given together with the stored hash it matched. A changed password has a new stored hash and so
 * misses; a disabled or deleted user is refused before any password is checked. Only matches are remembered:
 * a wrong password always costs the full BCrypt check, so guessing stays as slow as before.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> matched;
    private final SecretKeySpec key;

    RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, long maximumSize) {
        this(delegate, remember, maximumSize, Ticker.systemTicker());
    }

    /** With the time source of the memory given (tests). */
    RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, long maximumSize, Ticker ticker) {
        this.delegate = delegate;
        this.matched = Caffeine.newBuilder()
                .expireAfterWrite(remember)
                .maximumSize(maximumSize)
                .ticker(ticker)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String proof = proof(rawPassword, encodedPassword);
        if (matched.getIfPresent(proof) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(proof, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String proof(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
