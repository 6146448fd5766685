package org.unionhub.membership.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.unionhub.membership.card.domain.CardNumbers;

/**
 * The default {@link CardIssuer}: a stand-in for the bank until the real one is connected. It answers after
 * {@code unionhub.cards.simulated-bank.delay} with a 16-digit number {@code 6214 8800 nnnn nnnc} — the request's serial
 * and a Luhn check digit, so the same request always gets the same number, as the port requires. It can be told to
 * fail: every call until {@code fail-until}, the first {@code fail-next} calls, or (for tests) the next calls for one
 * applicant. On by default in demo mode only ({@code unionhub.cards.simulated-bank.enabled}).
 */
@Component
@ConditionalOnExpression("${unionhub.cards.simulated-bank.enabled:${unionhub.demo.enabled:true}}")
class SimulatedBankCardIssuer implements CardIssuer {

    static final String PREFIX = "62148800";
    static final int LENGTH = 16;
    private static final long SERIALS = 10_000_000L;

    private final Duration delay;
    private final Instant failUntil;
    private final AtomicInteger failNext;
    private final Clock clock;
    private final Map<String, Integer> failuresByName = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callsByMember = new ConcurrentHashMap<>();

    SimulatedBankCardIssuer(CardProperties properties, Clock clock) {
        this.delay = properties.simulatedBank().delay();
        this.failUntil = properties.simulatedBank().failUntil();
        this.failNext = new AtomicInteger(properties.simulatedBank().failNext());
        this.clock = clock;
    }

    @Override
    public String issue(CardApplication application) {
        callsByMember.computeIfAbsent(application.memberNo(), m -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardIssuingException("Simulated bank: interrupted");
        }
        if (failUntil != null && clock.instant().isBefore(failUntil)) {
            throw new CardIssuingException("Simulated bank: unavailable until " + failUntil);
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new CardIssuingException("Simulated bank: told to fail this call");
        }
        boolean[] failForName = {false};
        failuresByName.computeIfPresent(application.name(), (name, left) -> {
            failForName[0] = true;
            return left > 1 ? left - 1 : null;
        });
        if (failForName[0]) {
            throw new CardIssuingException("Simulated bank: told to fail this applicant's call");
        }
        return CardNumbers.issue(PREFIX, application.requestId() % SERIALS, LENGTH);
    }

    /** Fails the next {@code calls} calls for the applicant of this name, then answers again. */
    void failNextCallsFor(String name, int calls) {
        failuresByName.put(name, calls);
    }

    /** How many times the bank was asked for this member's card since the app started. */
    int callsFor(String memberNo) {
        AtomicInteger calls = callsByMember.get(memberNo);
        return calls == null ? 0 : calls.get();
    }
}
