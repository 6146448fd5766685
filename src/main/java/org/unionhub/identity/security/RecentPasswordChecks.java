package org.unionhub.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password checks that succeeded in the last few minutes, so that a staff script calling the API with HTTP Basic pays
 * for bcrypt once per {@code ttl} instead of on every request (docs/adr/0002). Per account it keeps only a verifier:
 * HMAC-SHA-256, under a random key made when the process starts and never stored, of the account id, the stored
 * password hash and the password. A password matches only the very password that was checked, and only while the
 * stored hash is the one it was checked against, so a password change ends it at once. An entry lives {@code ttl}
 * from its bcrypt check (not renewed by use); at most {@code capacity} accounts are kept, and when full with live
 * entries a new one is simply not kept. Wrong passwords never match and always go to bcrypt.
 */
public final class RecentPasswordChecks {

    private record Entry(byte[] verifier, Instant expires) {
    }

    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    /** {@code ttl} zero keeps nothing: every check goes to bcrypt. */
    public RecentPasswordChecks(Duration ttl, int capacity, Clock clock) {
        if (ttl.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("Need a ttl of zero or more and a capacity of at least 1");
        }
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password was checked against this stored hash of this account within the ttl. */
    public boolean matches(long accountId, String storedHash, String password) {
        Entry entry = entries.get(accountId);
        if (entry == null) {
            return false;
        }
        if (!entry.expires().isAfter(clock.instant())) {
            entries.remove(accountId, entry);
            return false;
        }
        return MessageDigest.isEqual(entry.verifier(), verifier(accountId, storedHash, password));
    }

    /** Records a check that bcrypt has just passed. */
    public void remember(long accountId, String storedHash, String password) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= capacity && !entries.containsKey(accountId)) {
            entries.values().removeIf(entry -> !entry.expires().isAfter(now));
            if (entries.size() >= capacity) {
                return;
            }
        }
        entries.put(accountId, new Entry(verifier(accountId, storedHash, password), now.plus(ttl)));
    }

    int size() {
        return entries.size();
    }

    /** The stored hash never contains a NUL, so the three parts cannot be shifted into one another. */
    private byte[] verifier(long accountId, String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((accountId + "\0" + storedHash + "\0" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
