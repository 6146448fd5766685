package org.unionhub.membership.card;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code unionhub.cards.*}. The worker's polling interval ({@code worker.poll-every}, default PT2S) is read by its
 * {@code @Scheduled} annotation, and {@code simulated-bank.enabled} (default: {@code unionhub.demo.enabled}) by the
 * simulated bank's condition; everything else is here.
 *
 * @param signingKey the platform's Ed25519 private key for e-cards, PKCS#8 DER in Base64; required outside demo mode
 * @param publicKey its public key, X.509 DER in Base64: optional, derived from the signing key and checked against it
 */
@ConfigurationProperties("unionhub.cards")
record CardProperties(String signingKey, String publicKey, @DefaultValue Worker worker, @DefaultValue Retry retry,
        @DefaultValue SimulatedBank simulatedBank) {

    /** @param batchSize requests the worker sends at most per round */
    record Worker(@DefaultValue("20") int batchSize) {
    }

    /** After {@code n} failed calls the next one waits {@code base × 2^n}, at most {@code max}. */
    record Retry(@DefaultValue("PT1S") Duration base, @DefaultValue("PT5M") Duration max) {
    }

    /**
     * @param delay how long the simulated bank takes to answer
     * @param failUntil the bank is down (every call fails) until this instant
     * @param failNext the bank fails this many calls after start, then recovers
     */
    record SimulatedBank(@DefaultValue("PT1S") Duration delay, Instant failUntil, @DefaultValue("0") int failNext) {
    }
}
