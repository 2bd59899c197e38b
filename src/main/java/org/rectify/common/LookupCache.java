package org.rectify.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A small read-through cache for reference lookups that every command repeats (units, users,
 * rounds, categories). Entries expire after a few minutes, so a change made on another node is
 * seen soon; the node that makes a change clears its cache after the commit.
 */
public final class LookupCache<K, V> {

    private final Cache<K, V> cache;

    public LookupCache(Duration ttl, long maximumSize) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .build();
    }

    public static <K, V> LookupCache<K, V> forMinutes(int minutes) {
        return new LookupCache<>(Duration.ofMinutes(minutes), 100_000);
    }

    /** The cached value, or what {@code load} finds; nothing is cached when it finds nothing. */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        return Optional.ofNullable(cache.get(key, k -> load.apply(k).orElse(null)));
    }

    public void clear() {
        cache.invalidateAll();
    }
}
