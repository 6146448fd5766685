package org.unionhub.membership;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.card.CardRequests;
import org.unionhub.membership.domain.Membership;
import org.unionhub.membership.domain.Membership.Reason;
import org.unionhub.membership.domain.Membership.Status;
import org.unionhub.membership.domain.TransferRequest;
import org.unionhub.membership.persistence.MemberRepository;
import org.unionhub.membership.persistence.MemberRepository.Lineage;
import org.unionhub.membership.persistence.MemberRepository.MemberRow;
import org.unionhub.membership.persistence.TransferRepository;
import org.unionhub.membership.persistence.TransferRepository.TransferRow;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * Members as staff see them, inside their scope, with personal fields masked, and their mutual-aid card; the status
 * changes staff record (retained, lapsed, reinstated, ended — by the rules of {@link Membership}) and the history
 * every change leaves.
 */
@Service
@Transactional(readOnly = true)
public class Members {

    static final int NOTE_MAX = 200;

    private final MemberRepository members;
    private final TransferRepository transfers;
    private final OrgTree tree;
    private final CardRequests cards;
    private final Clock clock;

    Members(MemberRepository members, TransferRepository transfers, OrgTree tree, CardRequests cards, Clock clock) {
        this.members = members;
        this.transfers = transfers;
        this.tree = tree;
        this.cards = cards;
        this.clock = clock;
    }

    public MemberView get(ScopedPrincipal staff, String memberNo) {
        MemberRow m = inScope(staff, memberNo);
        return new MemberView(m.memberNo(), m.name(), m.idNumberMasked(), m.phoneMasked(), m.unionId(),
                unionName(m.unionId()), m.status(), m.mobileMember(), m.joinedOn(), m.source(), cards.cardOf(m.id()));
    }

    /** Every change of a member's status, oldest first, with who and when. */
    public List<HistoryEntry> history(ScopedPrincipal staff, String memberNo) {
        return members.history(inScope(staff, memberNo).id()).stream()
                .map(h -> new HistoryEntry(h.at(), h.by(), h.fromStatus(), h.toStatus(), h.unionId(),
                        unionName(h.unionId()), h.reason(), h.note()))
                .toList();
    }

    /** The member number this membership continues (it came by transfer), if any. */
    public Optional<String> previousMembership(ScopedPrincipal staff, String memberNo) {
        return Optional.ofNullable(lineage(staff, memberNo).previousMemberNo());
    }

    /** The member number that continues this membership (it was transferred out), if any. */
    public Optional<String> nextMembership(ScopedPrincipal staff, String memberNo) {
        return Optional.ofNullable(lineage(staff, memberNo).nextMemberNo());
    }

    /** Whether the member may move to another union now (the membership is not final). */
    public boolean mayTransfer(ScopedPrincipal staff, String memberNo) {
        return membership(inScope(staff, memberNo)).mayTransfer();
    }

    /** The status changes staff may record for this member now, each with its reasons. */
    public List<StatusAction> allowedChanges(ScopedPrincipal staff, String memberNo) {
        return membership(inScope(staff, memberNo)).allowedChanges().stream()
                .map(s -> new StatusAction(s.name(), Reason.leadingTo(s).stream().map(Reason::name).toList()))
                .toList();
    }

    /**
     * Records a status change by the rules of {@link Membership}: the member's row is locked first (after its waiting
     * transfer request, the order every path takes), so two changes at once happen one after the other and the second
     * is judged against the first's result. Ending a membership withdraws its waiting transfer request. Answers the
     * new history entry.
     */
    @Transactional
    public HistoryEntry changeStatus(ScopedPrincipal staff, String memberNo, StatusChangeInput input) {
        MemberRow found = inScope(staff, memberNo);
        var errors = new ValidationFailure.Collector();
        Status to = parse(Status.class, input.status(), "status", errors);
        Reason reason = parse(Reason.class, input.reason(), "reason", errors);
        String note = Texts.blankToNull(input.note());
        if (note != null && note.length() > NOTE_MAX) {
            errors.add("note", "TOO_LONG");
        }
        errors.throwIfAny();
        Optional<TransferRow> waiting = transfers.pendingFor(found.id()).map(t -> transfers.lock(t.id()));
        MemberRow locked = members.lock(found.id());
        Membership.StatusChange change = membership(locked).changeTo(to, reason);
        members.setStatus(locked.id(), change.to().name());
        HistoryEntry entry = new HistoryEntry(clock.instant(), staff.username(), change.from().name(),
                change.to().name(), locked.unionId(), unionName(locked.unionId()), change.reason().name(), note);
        members.recordHistory(locked.id(), entry.at(), entry.by(), entry.fromStatus(), entry.toStatus(),
                entry.unionId(), entry.reason(), entry.note());
        if (change.to().isFinal()) {
            waiting.ifPresent(t -> transfers.decide(t.id(), TransferRequest.Status.CANCELLED.name(), null, null,
                    entry.at(), staff.username(), null));
        }
        return entry;
    }

    /** A member in the staff's scope, or not found. */
    MemberRow inScope(ScopedPrincipal staff, String memberNo) {
        String scopePath = tree.get(staff.scope(), staff.scope().rootOrgId()).path();
        return members.findInScope(scopePath, memberNo)
                .orElseThrow(() -> new NotFoundException("Member " + memberNo));
    }

    static Membership membership(MemberRow row) {
        return new Membership(Status.valueOf(row.status()), row.unionId());
    }

    private Lineage lineage(ScopedPrincipal staff, String memberNo) {
        return members.lineage(inScope(staff, memberNo).id());
    }

    private String unionName(long unionId) {
        return tree.find(unionId).map(OrgUnit::name).orElse("");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field,
            ValidationFailure.Collector errors) {
        String code = Texts.blankToNull(raw);
        if (code == null) {
            return null;
        }
        Optional<E> value = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst();
        if (value.isEmpty()) {
            errors.add(field, "UNKNOWN_CODE");
        }
        return value.orElse(null);
    }
}
