package org.unionhub.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.ConflictException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.ApplicationView.UnionRef;
import org.unionhub.membership.MembershipApplications.Checked;
import org.unionhub.membership.domain.Membership;
import org.unionhub.membership.domain.Membership.Status;
import org.unionhub.membership.domain.Membership.TransferOrigin;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.membership.domain.TransferRequest;
import org.unionhub.membership.domain.TransferRequest.RefuseReason;
import org.unionhub.membership.persistence.MemberRepository;
import org.unionhub.membership.persistence.MemberRepository.Holding;
import org.unionhub.membership.persistence.MemberRepository.MemberRow;
import org.unionhub.membership.persistence.MemberRepository.NewMember;
import org.unionhub.membership.persistence.TransferRepository;
import org.unionhub.membership.persistence.TransferRepository.NewTransfer;
import org.unionhub.membership.persistence.TransferRepository.TransferRow;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.UnionClosed;

/**
 * Transfers (转会/接转): a membership moves from its union to a receiving union. Staff of the member's union (or above
 * it) ask for one from the member's page; a worker who applies again while a member asks for one to the union the
 * territorial rule picks now, proving it is their membership with the mobile number on file. Staff of the receiving
 * union accept or refuse; the sending side may cancel while it waits. Accepting closes the membership as
 * TRANSFERRED_OUT and creates its successor at the receiving union — new member number, joined on the day of
 * acceptance, linked to the old one — in one transaction, with history on both, and publishes
 * {@link MemberTransferred} (never {@link MemberJoined}). When a union closes, its members move to the parent union
 * the same way, as transfers accepted by {@code system}.
 */
@Service
@Transactional(readOnly = true)
public class MembershipTransfers {

    /** A request made now ({@code created}) or found again: the same key, or the same request still waiting. */
    public record Requested<T>(T transfer, boolean created) {

        <U> Requested<U> map(Function<T, U> view) {
            return new Requested<>(view.apply(transfer), created);
        }
    }

    /** Who acts when a union's closure moves its members. */
    public static final String SYSTEM = "system";
    static final int LIST_LIMIT = 100;
    private static final int UNION_SEARCH_LIMIT = 20;
    /** Unions a member can belong to: grassroots and joint unions, and street-level unions that hold members directly. */
    private static final Set<OrgKind> RECEIVING_KINDS = EnumSet.of(OrgKind.GRASSROOTS, OrgKind.JOINT, OrgKind.STREET,
            OrgKind.TOWNSHIP, OrgKind.TOWN, OrgKind.PARK, OrgKind.BUILDING);

    private final TransferRepository transfers;
    private final MemberRepository members;
    private final Members memberLookup;
    private final MembershipApplications applications;
    private final OrgTree tree;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MembershipTransfers(TransferRepository transfers, MemberRepository members, Members memberLookup,
            MembershipApplications applications, OrgTree tree, PersonalDataCipher cipher, Clock clock,
            ApplicationEventPublisher events) {
        this.transfers = transfers;
        this.members = members;
        this.memberLookup = memberLookup;
        this.applications = applications;
        this.tree = tree;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    // ---- asking -------------------------------------------------------------------------------------------------

    /**
     * Staff ask to move a member of their scope to {@code toUnionId}, a union anywhere in the tree. A request to the
     * same union still waiting is answered again; one to another union waiting answers {@code TRANSFER_PENDING}.
     */
    @Transactional
    public Requested<TransferView> request(ScopedPrincipal staff, String memberNo, TransferInput input) {
        MemberRow member = memberLookup.inScope(staff, memberNo);
        var errors = new ValidationFailure.Collector();
        OrgUnit to = null;
        if (input.toUnionId() == null) {
            errors.add("toUnionId", "REQUIRED");
        } else {
            to = tree.find(input.toUnionId()).orElse(null);
            if (to == null || !to.isActive()) {
                errors.add("toUnionId", "NOT_FOUND");
            } else if (!RECEIVING_KINDS.contains(to.kind())) {
                errors.add("toUnionId", "NOT_A_RECEIVING_UNION");
            }
        }
        String note = note(input.note(), errors);
        errors.throwIfAny();
        Members.membership(member).transferTo(to.id(), TransferOrigin.STAFF);
        NewTransfer request = new NewTransfer(null, member.id(), member.unionId(), member.unionPath(), to.id(),
                to.path(), continuesAsMobile(member.mobileMember(), to), TransferOrigin.STAFF.name(), staff.username(),
                clock.instant(), null, null, note);
        return insert(request, () -> Optional.empty()).map(this::view);
    }

    /**
     * A worker who is a member asks to move their membership to the union the territorial rule picks for what they
     * entered now (the same fields as an application, checked the same way), under an {@code Idempotency-Key}. The
     * phone must be the one on file: no one else can move a person's membership by knowing their document number.
     * No membership: {@code NOT_A_MEMBER}; already at that union: {@code SAME_UNION}.
     */
    @Transactional
    public Requested<TransferStatus> requestByWorker(String idempotencyKey, ApplicationInput input) {
        MembershipApplications.requireIdempotencyKey(idempotencyKey);
        Optional<TransferRow> earlier = transfers.findByKey(idempotencyKey);
        if (earlier.isPresent()) {
            return new Requested<>(status(earlier.get()), false);
        }
        Checked checked = applications.check(input);
        Holding holding = members.holding(checked.idHash())
                .orElseThrow(() -> new ConflictException("NOT_A_MEMBER"));
        if (!cipher.decrypt(holding.phoneEnc()).equals(checked.phone())) {
            throw ValidationFailure.of("phone", "PHONE_NOT_ON_FILE");
        }
        OrgUnit to = checked.union();
        new Membership(Status.valueOf(holding.status()), holding.unionId()).transferTo(to.id(), TransferOrigin.WORKER);
        NewTransfer request = new NewTransfer(idempotencyKey, holding.id(), holding.unionId(), holding.unionPath(),
                to.id(), to.path(), checked.decision().mobileMember(), TransferOrigin.WORKER.name(), "worker",
                clock.instant(), checked.employerName(), checked.occupation(), null);
        return insert(request, () -> transfers.findByKey(idempotencyKey)).map(this::status);
    }

    /** The union a worker's transfer request would go to, for offering it on the form; the input must be valid. */
    public UnionRef receivingUnionFor(ApplicationInput input) {
        OrgUnit union = applications.check(input).union();
        return new UnionRef(union.id(), union.name());
    }

    /** Active unions anywhere in the tree that can take members, by part of their name: where a member may go. */
    public List<UnionRef> receivingUnions(String text) {
        return tree.findActive(text, RECEIVING_KINDS, UNION_SEARCH_LIMIT).stream()
                .map(u -> new UnionRef(u.id(), u.name())).toList();
    }

    // ---- deciding -----------------------------------------------------------------------------------------------

    /**
     * Staff of the receiving union accept: in one transaction the transfer is decided, the membership becomes
     * TRANSFERRED_OUT and its successor is created there. The transfer's row is locked first, so of two accepts at
     * once one moves the membership and the other finds it decided ({@code ALREADY_DECIDED}).
     */
    @Transactional
    public TransferView accept(ScopedPrincipal staff, String transferNo) {
        TransferRow transfer = receiving(staff, transferNo);
        TransferRow locked = transfers.lock(transfer.id());
        requestOf(locked).accept();
        OrgUnit to = tree.find(locked.toUnionId()).filter(OrgUnit::isActive)
                .orElseThrow(() -> new ConflictException("UNION_CLOSED"));
        NewMember continued = move(locked.memberId(), to, TransferOrigin.valueOf(locked.origin()),
                locked.mobileMember(), locked.transferNo(), staff.username(), clock.instant());
        if (!transfers.decide(locked.id(), TransferRequest.Status.ACCEPTED.name(), null, null, clock.instant(),
                staff.username(), continued.id())) {
            throw new ConflictException("ALREADY_DECIDED");
        }
        return view(transfers.findByNo(transferNo).orElseThrow());
    }

    /** Staff of the receiving union refuse, with a reason from the code table the worker sees. */
    @Transactional
    public TransferView refuse(ScopedPrincipal staff, String transferNo, TransferDecisionInput input) {
        TransferRow transfer = receiving(staff, transferNo);
        var errors = new ValidationFailure.Collector();
        String reason = Texts.blankToNull(input.reason());
        if (reason == null) {
            errors.add("reason", "REQUIRED");
        } else if (Arrays.stream(RefuseReason.values()).noneMatch(r -> r.name().equals(reason))) {
            errors.add("reason", "UNKNOWN_CODE");
        }
        String note = note(input.note(), errors);
        errors.throwIfAny();
        TransferRow locked = transfers.lock(transfer.id());
        decide(locked, requestOf(locked).refuse(), reason, note, staff);
        return view(transfers.findByNo(transferNo).orElseThrow());
    }

    /** The sending side (staff whose scope holds the member's union) withdraws a waiting request. */
    @Transactional
    public TransferView cancel(ScopedPrincipal staff, String transferNo, TransferDecisionInput input) {
        TransferRow transfer = transfers.findByNo(transferNo)
                .filter(t -> t.fromUnionPath().startsWith(scopePath(staff)))
                .orElseThrow(() -> new NotFoundException("Transfer " + transferNo));
        var errors = new ValidationFailure.Collector();
        String note = note(input == null ? null : input.note(), errors);
        errors.throwIfAny();
        TransferRow locked = transfers.lock(transfer.id());
        decide(locked, requestOf(locked).cancel(), null, note, staff);
        return view(transfers.findByNo(transferNo).orElseThrow());
    }

    // ---- looking ------------------------------------------------------------------------------------------------

    /** Requests waiting for unions in the staff's scope to accept them, newest first. */
    public List<TransferView> incoming(ScopedPrincipal staff) {
        return transfers.pending(scopePath(staff), true, LIST_LIMIT).stream().map(this::view).toList();
    }

    /** Requests waiting to take members away from unions in the staff's scope, newest first. */
    public List<TransferView> outgoing(ScopedPrincipal staff) {
        return transfers.pending(scopePath(staff), false, LIST_LIMIT).stream().map(this::view).toList();
    }

    /** One request, seen by staff of either side. */
    public TransferView get(ScopedPrincipal staff, String transferNo) {
        String scope = scopePath(staff);
        return transfers.findByNo(transferNo)
                .filter(t -> t.fromUnionPath().startsWith(scope) || t.toUnionPath().startsWith(scope))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Transfer " + transferNo));
    }

    /** The requests that moved a member of the staff's scope away, or brought them, newest first. */
    public List<TransferView> ofMember(ScopedPrincipal staff, String memberNo) {
        return transfers.ofMember(memberLookup.inScope(staff, memberNo).id()).stream().map(this::view).toList();
    }

    /** A request's status for the worker (no sign-in): no personal fields. */
    public TransferStatus status(String transferNo) {
        return transfers.findByNo(transferNo).map(this::status)
                .orElseThrow(() -> new NotFoundException("Transfer " + transferNo));
    }

    public List<String> refuseReasons() {
        return Arrays.stream(RefuseReason.values()).map(Enum::name).toList();
    }

    // ---- a union closed -----------------------------------------------------------------------------------------

    /**
     * Moves every membership of a closed union that is not final to the parent union, in the standing it had, as
     * transfers accepted by {@code system}; requests waiting to join the closed union are cancelled, and those
     * waiting to take a moved member elsewhere now leave from the parent union. Safe to run again: a moved membership
     * is final and is not moved twice.
     */
    @Transactional
    public int moveMembersOfClosedUnion(UnionClosed closed) {
        OrgUnit parent = tree.find(closed.parentId()).orElseThrow();
        Instant now = clock.instant();
        transfers.cancelWaitingTo(closed.unionId(), now, SYSTEM);
        int moved = 0;
        for (long memberId : members.notFinalAt(closed.unionId())) {
            Optional<TransferRow> waiting = transfers.pendingFor(memberId).map(t -> transfers.lock(t.id()));
            MemberRow member = members.lock(memberId);
            if (Status.valueOf(member.status()).isFinal()) {
                continue;
            }
            boolean mobile = continuesAsMobile(member.mobileMember(), parent);
            NewMember continued = move(memberId, parent, TransferOrigin.UNION_CLOSED, mobile, null, SYSTEM, now,
                    closed.closedOn());
            transfers.insertAccepted(new NewTransfer(null, memberId, member.unionId(), member.unionPath(),
                    parent.id(), parent.path(), mobile, TransferOrigin.UNION_CLOSED.name(), SYSTEM, now, null, null,
                    null), continued.id());
            waiting.ifPresent(w -> {
                if (w.toUnionId() == parent.id()) {
                    transfers.decide(w.id(), TransferRequest.Status.CANCELLED.name(), null, null, now, SYSTEM, null);
                } else {
                    transfers.moveWaitingRequests(memberId, continued.id(), parent.id(), parent.path());
                }
            });
            moved++;
        }
        return moved;
    }

    // ---- the move itself ----------------------------------------------------------------------------------------

    private NewMember move(long memberId, OrgUnit to, TransferOrigin origin, boolean mobile, String transferNo,
            String by, Instant at) {
        return move(memberId, to, origin, mobile, transferNo, by, at, LocalDate.now(clock));
    }

    /**
     * Closes the membership as TRANSFERRED_OUT and creates its successor at {@code to}, joined on {@code on}, with
     * an entry in both histories; publishes {@link MemberTransferred}.
     */
    private NewMember move(long memberId, OrgUnit to, TransferOrigin origin, boolean mobile, String transferNo,
            String by, Instant at, LocalDate on) {
        MemberRow old = members.lock(memberId);
        Membership.Transfer transfer = Members.membership(old).transferTo(to.id(), origin);
        members.setStatus(old.id(), transfer.transferredOut().status().name());
        NewMember continued;
        try {
            continued = members.continueAt(old.id(), to.id(), to.path(), transfer.continued().status().name(), mobile,
                    on);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("ALREADY_MEMBER");
        }
        String outReason = origin == TransferOrigin.UNION_CLOSED ? "UNION_CLOSED" : "TRANSFER_OUT";
        String inReason = origin == TransferOrigin.UNION_CLOSED ? "UNION_CLOSED" : "TRANSFER_IN";
        String via = transferNo == null ? "" : transferNo + " ";
        members.recordHistory(old.id(), at, by, old.status(), transfer.transferredOut().status().name(),
                old.unionId(), outReason, via + "→ " + continued.memberNo());
        members.recordHistory(continued.id(), at, by, null, transfer.continued().status().name(), to.id(), inReason,
                via + "← " + old.memberNo());
        events.publishEvent(new MemberTransferred(old.memberNo(), continued.memberNo(), old.unionId(),
                old.unionPath(), to.id(), to.path(), on));
        return continued;
    }

    /**
     * A mobile member (流动会员) stays one unless they move into a grassroots union, which is an employer's: there
     * they are that employer's worker.
     */
    private static boolean continuesAsMobile(boolean mobile, OrgUnit to) {
        return mobile && to.kind() != OrgKind.GRASSROOTS;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private interface Lookup {
        Optional<TransferRow> find();
    }

    /**
     * Inserts a waiting request unless an equal one already waits. When the insert loses to another one (the same
     * key, or a request for the same membership made a moment earlier) the winner is answered as for a retry.
     */
    private Requested<TransferRow> insert(NewTransfer request, Lookup sameKey) {
        Optional<TransferRow> waiting = transfers.pendingFor(request.memberId());
        if (waiting.isPresent()) {
            return again(waiting.get(), request);
        }
        Optional<String> inserted = transfers.insertPending(request);
        if (inserted.isPresent()) {
            return new Requested<>(transfers.findByNo(inserted.get()).orElseThrow(), true);
        }
        Optional<TransferRow> sameRequest = sameKey.find();
        if (sameRequest.isPresent()) {
            return new Requested<>(sameRequest.get(), false);
        }
        return again(transfers.pendingFor(request.memberId()).orElseThrow(), request);
    }

    private static Requested<TransferRow> again(TransferRow waiting, NewTransfer request) {
        if (waiting.toUnionId() != request.toUnionId()) {
            throw new ConflictException("TRANSFER_PENDING");
        }
        return new Requested<>(waiting, false);
    }

    private void decide(TransferRow locked, TransferRequest.Status to, String reason, String note,
            ScopedPrincipal staff) {
        if (!transfers.decide(locked.id(), to.name(), reason, note, clock.instant(), staff.username(), null)) {
            throw new ConflictException("ALREADY_DECIDED");
        }
    }

    private static TransferRequest requestOf(TransferRow row) {
        return new TransferRequest(TransferRequest.Status.valueOf(row.status()));
    }

    private TransferRow receiving(ScopedPrincipal staff, String transferNo) {
        return transfers.findByNo(transferNo)
                .filter(t -> t.toUnionPath().startsWith(scopePath(staff)))
                .orElseThrow(() -> new NotFoundException("Transfer " + transferNo));
    }

    private String scopePath(ScopedPrincipal staff) {
        return tree.get(staff.scope(), staff.scope().rootOrgId()).path();
    }

    private static String note(String raw, ValidationFailure.Collector errors) {
        String note = Texts.blankToNull(raw);
        if (note != null && note.length() > Members.NOTE_MAX) {
            errors.add("note", "TOO_LONG");
        }
        return note;
    }

    private UnionRef union(long id) {
        return new UnionRef(id, tree.find(id).map(OrgUnit::name).orElse(""));
    }

    private TransferView view(TransferRow t) {
        return new TransferView(t.transferNo(), t.status(), t.memberNo(), t.name(), t.idNumberMasked(),
                t.phoneMasked(), union(t.fromUnionId()), union(t.toUnionId()), t.mobileMember(), t.origin(),
                t.requestedBy(), t.requestedAt(), t.employerName(), t.occupation(), t.note(), t.refuseReason(),
                t.decisionNote(), t.decidedBy(), t.decidedAt(), t.newMemberNo());
    }

    private TransferStatus status(TransferRow t) {
        return new TransferStatus(t.transferNo(), t.status(), union(t.toUnionId()), t.mobileMember(),
                t.refuseReason(), t.newMemberNo(), t.requestedAt(), t.decidedAt());
    }
}
