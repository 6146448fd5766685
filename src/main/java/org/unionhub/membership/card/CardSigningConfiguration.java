package org.unionhub.membership.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionhub.membership.card.domain.CardTokens;

/**
 * The key that signs e-membership cards: {@code unionhub.cards.signing-key} (Ed25519, PKCS#8 Base64) and optionally
 * {@code unionhub.cards.public-key} (X.509 Base64, checked against it). In demo mode a missing key falls back to a
 * development key pair derived from a fixed phrase — the same on every machine and after every restart, so cards
 * printed in a demo stay verifiable, and no private key sits in the database; since the phrase is in the source,
 * anyone can forge demo cards, hence the warning. Outside demo mode the app refuses to start without a key.
 */
@Configuration(proxyBeanMethods = false)
class CardSigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CardSigningConfiguration.class);

    @Bean
    CardTokens cardTokens(CardProperties properties, @Value("${unionhub.demo.enabled}") boolean demo) {
        String signingKey = properties.signingKey();
        if (signingKey == null || signingKey.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("Set unionhub.cards.signing-key (Ed25519 private key, PKCS#8 Base64)");
            }
            log.warn("E-membership cards are signed with the DEVELOPMENT key: demo mode only");
            return new CardTokens(CardTokens.derive(sha256("unionhub demo e-card signing key")));
        }
        return new CardTokens(CardTokens.fromEncoded(signingKey, properties.publicKey()));
    }

    private static byte[] sha256(String phrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(phrase.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
