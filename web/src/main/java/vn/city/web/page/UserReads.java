package vn.city.web.page;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads kept for a few seconds for one user only (the key starts with the user's name), so what a user sees was
 * always read with that user's own token. Concurrent misses of the same key make one call (the others wait for it),
 * and {@link #forget} after a user's own change wins over a read that was already under way: a value read before the
 * change is not kept, so the user's next page shows the change.
 */
final class UserReads {

    private record Kept(Object value, long expiresAt) {
    }

    private static final int LIMIT = 20_000;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Object>> reading = new ConcurrentHashMap<>();
    /** Per user: how many times its reads were forgotten (a read started under an older count is not kept). */
    private final Map<String, Long> generation = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    UserReads(LongSupplier clock) {
        this.clock = clock;
    }

    UserReads() {
        this(System::currentTimeMillis);
    }

    private static String key(String user, String key) {
        return user + '\u0000' + key;
    }

    /** The value kept for the user under {@code key}, or {@code read}'s (kept {@code seconds}). */
    @SuppressWarnings("unchecked")
    <T> T get(String user, String key, int seconds, Supplier<T> read) {
        String k = key(user, key);
        Kept c = kept.get(k);
        if (c != null && c.expiresAt() > clock.getAsLong()) {
            return (T) c.value();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> other = reading.putIfAbsent(k, mine);
        if (other != null) {
            try {
                return (T) other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        long gen = generation.getOrDefault(user, 0L);
        try {
            T value = read.get();
            if (generation.getOrDefault(user, 0L) == gen) {
                put(k, value, seconds);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(k, mine);
        }
    }

    /** What was kept for the user under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    <T> T peek(String user, String key) {
        Kept c = kept.get(key(user, key));
        return c != null && c.expiresAt() > clock.getAsLong() ? (T) c.value() : null;
    }

    void put(String user, String key, Object value, int seconds) {
        put(key(user, key), value, seconds);
    }

    private void put(String k, Object value, int seconds) {
        long now = clock.getAsLong();
        if (kept.size() > LIMIT) {
            kept.values().removeIf(x -> x.expiresAt() <= now);
        }
        kept.put(k, new Kept(value, now + seconds * 1000L));
    }

    /** After a change the user made: whatever this user reads next comes fresh from the services. */
    void forget(String user) {
        generation.merge(user, 1L, Long::sum);
        String prefix = user + '\u0000';
        kept.keySet().removeIf(k -> k.startsWith(prefix));
        // a read under way now may still be joined by a concurrent page; it is not kept (generation changed)
        reading.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
