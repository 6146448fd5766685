package org.unionhub.membership.card;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.QrSvg;
import org.unionhub.common.ConflictException;
import org.unionhub.common.NotFoundException;
import org.unionhub.membership.ApplicationStatus;
import org.unionhub.membership.CardStatus;
import org.unionhub.membership.MemberView;
import org.unionhub.membership.card.CardRequests.ApprovedMember;
import org.unionhub.membership.card.domain.CardTokens;
import org.unionhub.membership.domain.AccessSecrets;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/**
 * The e-membership card (电子会员卡): name, member number, union, the mutual-aid card's status, and a QR code of a
 * token signed by the platform; and checking such a token.
 */
@Service
@Transactional(readOnly = true)
class ECards {

    /**
     * The card as the worker's phone shows it; the mutual-aid card's number masked to its last four digits, and
     * {@code issuedAt} the moment the token was signed.
     */
    record ECard(String name, String memberNo, String unionName, LocalDate joinedOn, String memberStatus,
            CardStatus cardStatus, String cardNumber, String token, Instant issuedAt, String verifyUrl,
            String qrSvg) {
    }

    /**
     * A checked token: {@code valid} when the platform signed it; then the number and union it states, when it was
     * signed, and the membership's status now ({@code NOT_FOUND} when there is no such member).
     */
    record Verification(boolean valid, String memberNo, String unionName, Instant issuedAt, String status) {

        static final Verification INVALID = new Verification(false, null, null, null, null);
    }

    /** The public key that checks cards, as Base64 of its X.509 DER and as PEM. */
    record PublicKey(String algorithm, String publicKey, String pem) {
    }

    private final CardRequests requests;
    private final CardTokens tokens;
    private final OrgTree tree;
    private final Clock clock;

    ECards(CardRequests requests, CardTokens tokens, OrgTree tree, Clock clock) {
        this.requests = requests;
        this.tokens = tokens;
        this.tree = tree;
        this.clock = clock;
    }

    /**
     * The e-card of the member an application made (or of the membership that continues it after transfers), for
     * whoever holds the application's access secret; {@code verifyUrl} turns a token into the link the QR code holds.
     * 404 for an unknown application and, alike, for a wrong or missing secret; then 409 {@code NOT_APPROVED} while it
     * is not approved and {@code MEMBERSHIP_ENDED} once the membership has ended: the platform signs cards of current
     * memberships only.
     */
    ECard forApplication(String applicationNo, String accessSecret, UnaryOperator<String> verifyUrl) {
        ApprovedMember member = requests.approvedMember(applicationNo)
                .filter(m -> AccessSecrets.opens(accessSecret, m.accessHash()))
                .orElseThrow(() -> new NotFoundException("Application " + applicationNo));
        if (!ApplicationStatus.APPROVED.name().equals(member.applicationStatus()) || member.memberId() == null) {
            throw new ConflictException("NOT_APPROVED");
        }
        if ("ENDED".equals(member.status())) {
            throw new ConflictException("MEMBERSHIP_ENDED");
        }
        String unionName = tree.find(member.unionId()).map(OrgUnit::name).orElse("");
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String token = tokens.sign(new CardTokens.Claims(member.memberNo(), unionName, issuedAt));
        MemberView.Card card = requests.cardOf(member.memberId());
        String url = verifyUrl.apply(token);
        return new ECard(member.name(), member.memberNo(), unionName, member.joinedOn(), member.status(),
                card.status(), card.number(), token, issuedAt, url, QrSvg.of(url));
    }

    Verification verify(String token) {
        Optional<CardTokens.Claims> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            return Verification.INVALID;
        }
        CardTokens.Claims c = claims.get();
        return new Verification(true, c.memberNo(), c.unionName(), c.issuedAt(),
                requests.memberStatus(c.memberNo()).orElse("NOT_FOUND"));
    }

    PublicKey publicKey() {
        return new PublicKey("Ed25519", tokens.publicKeyBase64(), tokens.publicKeyPem());
    }
}
