package org.unionhub.membership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * Keys for personal data at rest: {@code unionhub.personal-data.encryption-key} (32 bytes, Base64) and
 * {@code unionhub.personal-data.hash-key} (at least 32 bytes, Base64). On a developer's machine (demo mode, or the
 * embedded database) missing keys fall back to a development key derived from a fixed phrase, with a warning; with an
 * external database and demo mode off, the app refuses to start without them.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${unionhub.personal-data.encryption-key:}") String encryptionKey,
            @Value("${unionhub.personal-data.hash-key:}") String hashKey,
            @Value("${unionhub.demo.enabled}") boolean demo, @Value("${spring.datasource.url:}") String externalDatabase) {
        if (encryptionKey.isBlank() || hashKey.isBlank()) {
            if (!demo && !externalDatabase.isBlank()) {
                throw new IllegalStateException("Set unionhub.personal-data.encryption-key and hash-key (Base64)");
            }
            log.warn("Personal data is encrypted with the DEVELOPMENT key: set unionhub.personal-data.* before real use");
            return new PersonalDataCipher(devKey("encryption"), devKey("hash"));
        }
        return new PersonalDataCipher(Base64.getDecoder().decode(encryptionKey), Base64.getDecoder().decode(hashKey));
    }

    private static byte[] devKey(String purpose) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("unionhub demo " + purpose + " key").getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
