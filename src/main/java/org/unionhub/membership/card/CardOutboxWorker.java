package org.unionhub.membership.card;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.membership.card.CardRequests.Due;
import org.unionhub.membership.card.domain.Backoff;
import org.unionhub.membership.card.domain.CardNumbers;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * Drains the card outbox: every {@code unionhub.cards.worker.poll-every} it sends the due requests to the bank, one
 * transaction per request holding the request's row lock while the bank answers, so that no other worker (another
 * instance of the app) sends the same request meanwhile. An answer is stored once and the request is never sent
 * again; a failure is counted and the request waits {@code base × 2^failures} (capped) before the next call. All
 * state is in {@code card_request}: after a restart the worker carries on where it stopped.
 */
@Component
class CardOutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(CardOutboxWorker.class);
    private static final int ERROR_MAX = 500;

    private final CardRequests requests;
    private final CardIssuer issuer;
    private final PersonalDataCipher cipher;
    private final Backoff backoff;
    private final int batchSize;
    private final Clock clock;
    private final TransactionTemplate tx;

    CardOutboxWorker(CardRequests requests, Optional<CardIssuer> issuer, PersonalDataCipher cipher,
            CardProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.issuer = issuer.orElse(null);
        this.cipher = cipher;
        this.backoff = new Backoff(properties.retry().base(), properties.retry().max());
        this.batchSize = properties.worker().batchSize();
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        if (this.issuer == null) {
            log.warn("No card issuer is configured: mutual-aid card requests wait in the outbox until one is");
        }
    }

    @Scheduled(fixedDelayString = "${unionhub.cards.worker.poll-every:PT2S}",
            initialDelayString = "${unionhub.cards.worker.poll-every:PT2S}")
    void drain() {
        if (issuer == null) {
            return;
        }
        for (int sent = 0; sent < batchSize; sent++) {
            if (!Boolean.TRUE.equals(tx.execute(status -> sendNext()))) {
                return;
            }
        }
    }

    /** Sends the most overdue request, if any is due; false when none is. */
    private boolean sendNext() {
        Optional<Due> next = requests.lockNextDue(clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        Due due = next.get();
        String number;
        try {
            number = issuer.issue(new CardApplication(due.id(), due.memberNo(), due.name()));
            if (!CardNumbers.isValid(number)) {
                throw new CardIssuingException("The bank answered a number that is not a valid card number");
            }
        } catch (RuntimeException e) {
            int failures = due.attempts() + 1;
            Instant retryAt = backoff.nextAttempt(clock.instant(), failures);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            requests.scheduleRetry(due.id(), failures, retryAt,
                    error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error);
            log.warn("Mutual-aid card for member {}: call {} failed ({}); next call at {}", due.memberNo(), failures,
                    e.getMessage(), retryAt);
            return true;
        }
        requests.markIssued(due.id(), cipher.encrypt(number), CardNumbers.lastFour(number), clock.instant());
        log.info("Mutual-aid card issued for member {} after {} failed calls", due.memberNo(), due.attempts());
        return true;
    }
}
