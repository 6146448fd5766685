package org.unionhub.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.ConflictException;
import org.unionhub.common.CreditCode;
import org.unionhub.common.IdNumber;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.ApplicationView.UnionRef;
import org.unionhub.membership.SessionDirectory.SessionRef;
import org.unionhub.membership.domain.AccessSecrets;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.membership.domain.Routing;
import org.unionhub.membership.persistence.ApplicationRepository;
import org.unionhub.membership.persistence.ApplicationRepository.ApplicationRow;
import org.unionhub.membership.persistence.ApplicationRepository.NewApplication;
import org.unionhub.membership.persistence.MemberRepository;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * Joining: a worker submits an application (no sign-in; an {@code Idempotency-Key} makes retries safe), the
 * territorial rule picks the handling union, and staff of that union (or above it) approve or reject it. Approval
 * creates the member — one membership per person — and publishes {@link MemberJoined}; every stored application
 * publishes {@link ApplicationSubmitted}.
 */
@Service
@Transactional(readOnly = true)
public class MembershipApplications {

    /**
     * An application submitted now ({@code created}) or found again, with the access secret that opens its status
     * page and e-card: for the submitter's eyes only.
     */
    public record Submitted(ApplicationView application, String accessSecret, boolean created) {
    }

    static final int NAME_MAX = 50;
    static final int MINIMUM_AGE = 16;
    static final Set<String> OCCUPATIONS = Set.of("COURIER", "FOOD_DELIVERY_RIDER", "RIDE_HAILING_DRIVER",
            "TRUCK_DRIVER", "DOMESTIC_WORKER", "OTHER");
    private static final Set<String> GB11643_TYPES = Set.of("RESIDENT_ID", "RESIDENCE_PERMIT");
    private static final Set<String> OTHER_TYPES = Set.of("PASSPORT", "MAINLAND_TRAVEL_PERMIT",
            "FOREIGN_PERMANENT_RESIDENCE");
    /** Chinese names (with the middle dot of minority names) and Latin-script names; nothing that could be markup. */
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}A-Za-z·•.\\- ']+$");
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern OTHER_DOCUMENT = Pattern.compile("^[A-Z0-9]{5,20}$");
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{8,100}$");

    private final ApplicationRepository applications;
    private final MemberRepository members;
    private final OrgTree tree;
    private final EnterpriseRegistry enterprises;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SessionDirectory> sessions;

    MembershipApplications(ApplicationRepository applications, MemberRepository members, OrgTree tree,
            EnterpriseRegistry enterprises, PersonalDataCipher cipher, Clock clock,
            ApplicationEventPublisher events, ObjectProvider<SessionDirectory> sessions) {
        this.applications = applications;
        this.members = members;
        this.tree = tree;
        this.enterprises = enterprises;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
        this.sessions = sessions;
    }

    /**
     * Checks and stores an application. The same key again returns the first application unchanged, with the same
     * access secret; a person who is already a member is told so (a transfer, not a second membership), and one whose
     * application is waiting gets that one back — with its secret only when the mobile number is the one given then,
     * so that knowing someone's document number is not enough to open their pages.
     */
    @Transactional
    public Submitted submit(String idempotencyKey, ApplicationInput input) {
        requireIdempotencyKey(idempotencyKey);
        Optional<ApplicationRow> earlier = applications.findByKey(idempotencyKey);
        if (earlier.isPresent()) {
            return submitted(earlier.get(), false);
        }
        Checked checked = check(input);
        members.currentMembership(checked.idHash()).ifPresent(memberNo -> {
            throw new ConflictException("ALREADY_MEMBER");
        });
        Optional<String> pending = applications.pendingFor(checked.idHash());
        if (pending.isPresent()) {
            ApplicationRow waiting = applications.findByNo(pending.get()).orElseThrow();
            if (!checked.phone().equals(cipher.decrypt(waiting.phoneEnc()))) {
                throw new ConflictException("APPLICATION_PENDING");
            }
            return submitted(waiting, false);
        }
        OrgUnit union = checked.union();
        Document document = checked.document();
        String phone = checked.phone();
        Enterprise employer = checked.employer();
        String accessSecret = AccessSecrets.generate();
        Optional<String> inserted = applications.insert(new NewApplication(idempotencyKey, checked.name(),
                document.type(), cipher.encrypt(document.number()), checked.idHash(), document.masked(),
                cipher.encrypt(phone), phone.substring(0, 3) + "****" + phone.substring(7), document.sexCode(),
                document.birthDate(), employer == null ? null : employer.id(), checked.employerName(),
                checked.occupation(), input.workStreetId(), input.homeStreetId(), checked.session(), union.id(),
                union.path(), checked.decision().mobileMember(), clock.instant(), AccessSecrets.hash(accessSecret),
                cipher.encrypt(accessSecret)));
        ApplicationRow row = inserted.flatMap(applications::findByNo)
                .orElseGet(() -> applications.findByKey(idempotencyKey).orElseThrow());
        if (inserted.isPresent()) {
            events.publishEvent(new ApplicationSubmitted(row.applicationNo(), union.id(), union.path(),
                    checked.session(), LocalDate.now(clock)));
        }
        return submitted(row, inserted.isPresent());
    }

    /** An application's input after every check, with the keyed hash of its document and the union it routes to. */
    record Checked(String name, Document document, String idHash, String phone, Routing.Decision decision,
            OrgUnit union, Enterprise employer, String employerName, String occupation, String session) {
    }

    static void requireIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw ValidationFailure.of("Idempotency-Key", "IDEMPOTENCY_KEY_FORMAT");
        }
    }

    /**
     * Checks an application's fields — every broken rule at once, nothing stored — and routes it by the territorial
     * rule. A transfer request a worker makes carries the same fields and goes through the same checks.
     */
    Checked check(ApplicationInput input) {
        var errors = new ValidationFailure.Collector();
        String name = Texts.blankToNull(input.name());
        if (name == null) {
            errors.add("name", "REQUIRED");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "TOO_LONG");
        } else if (!NAME.matcher(name).matches()) {
            errors.add("name", "NAME_CHARACTERS");
        }
        Document document = document(input, errors);
        String phone = Texts.blankToNull(input.phone());
        if (phone == null) {
            errors.add("phone", "REQUIRED");
        } else if (!MOBILE.matcher(phone).matches()) {
            errors.add("phone", "MOBILE_FORMAT");
        }
        Routing.Decision decision = route(input, errors);
        String session = Texts.blankToNull(input.sessionCode());
        if (session != null && session.length() > 20) {
            errors.add("sessionCode", "TOO_LONG");
        } else if (session != null) {
            Optional<SessionRef> ref = session(session);
            if (ref.isEmpty()) {
                errors.add("sessionCode", "UNKNOWN_SESSION");
            } else {
                session = ref.get().code();
            }
        }
        if (!Boolean.TRUE.equals(input.consent())) {
            errors.add("consent", "CONSENT_REQUIRED");
        }
        errors.throwIfAny();
        return new Checked(name, document, cipher.documentHash(document.type(), document.number()), phone, decision,
                tree.find(decision.unionId()).orElseThrow(), employer(input.employerCreditCode()).orElse(null),
                Texts.blankToNull(input.employerName()), Texts.blankToNull(input.occupation()), session);
    }

    /**
     * The communication session a code names, if it still takes applications; with no session directory in the
     * application, any code as typed (title and place unknown).
     */
    public Optional<SessionRef> session(String code) {
        SessionDirectory directory = sessions.getIfAvailable();
        return directory == null ? Optional.of(new SessionRef(code, null, null)) : directory.find(code);
    }

    /** The status of an application, as anyone may read it by its number: no personal fields. */
    public ApplicationView status(String applicationNo) {
        return applications.findByNo(applicationNo).map(this::view)
                .orElseThrow(() -> new NotFoundException("Application " + applicationNo));
    }

    /**
     * The status of an application for its submitter's page, which opens only with the application's access secret:
     * a wrong or missing secret answers exactly like an unknown number (404).
     */
    public ApplicationView status(String applicationNo, String accessSecret) {
        return applications.findByNo(applicationNo)
                .filter(row -> AccessSecrets.opens(accessSecret, row.accessHash()))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Application " + applicationNo));
    }

    /** Approves an application in the staff member's scope; a decided one answers ALREADY_DECIDED. */
    @Transactional
    public String approve(ScopedPrincipal staff, String applicationNo) {
        ApplicationRow application = inScope(staff, applicationNo);
        if (!applications.decide(application.id(), ApplicationStatus.APPROVED, null, null, clock.instant(),
                staff.username())) {
            throw new ConflictException("ALREADY_DECIDED");
        }
        String memberNo;
        try {
            memberNo = members.insertFromApplication(application, application.sessionCode() == null ? "ONLINE"
                    : "SESSION", LocalDate.now(clock), staff.username());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("ALREADY_MEMBER");
        }
        applications.recordMemberNo(application.id(), memberNo);
        events.publishEvent(new MemberJoined(memberNo, application.handlingUnionId(), application.handlingUnionPath(),
                application.sessionCode(), application.sessionCode() == null ? "ONLINE" : "SESSION",
                LocalDate.now(clock)));
        return memberNo;
    }

    @Transactional
    public void reject(ScopedPrincipal staff, String applicationNo, String reason) {
        ApplicationRow application = inScope(staff, applicationNo);
        if (reason == null || !applications.isRejectReason(reason)) {
            throw ValidationFailure.of("reason", "UNKNOWN_CODE");
        }
        if (!applications.decide(application.id(), ApplicationStatus.REJECTED, reason, null, clock.instant(),
                staff.username())) {
            throw new ConflictException("ALREADY_DECIDED");
        }
    }

    /** The applications waiting in the staff member's scope, newest first; one session's only when given. */
    public List<QueueItem> queue(ScopedPrincipal staff, String sessionCode, int limit) {
        String scopePath = tree.get(staff.scope(), staff.scope().rootOrgId()).path();
        Map<Long, String> unionNames = new HashMap<>();
        return applications.queue(scopePath, Texts.blankToNull(sessionCode), limit).stream()
                .map(q -> new QueueItem(q.applicationNo(), q.name(), q.idNumberMasked(), q.phoneMasked(),
                        q.employerName(), q.occupation(), q.mobileMember(),
                        unionNames.computeIfAbsent(q.handlingUnionId(),
                                id -> tree.find(id).map(OrgUnit::name).orElse("")),
                        q.sessionCode(), q.submittedAt()))
                .toList();
    }

    public List<RejectReason> rejectReasons() {
        return applications.rejectReasons();
    }

    /** The streets a worker can name as where they work or live. */
    public List<OrgUnit> streets() {
        return tree.streetLevelUnits();
    }

    private ApplicationRow inScope(ScopedPrincipal staff, String applicationNo) {
        String scopePath = tree.get(staff.scope(), staff.scope().rootOrgId()).path();
        return applications.findByNo(applicationNo)
                .filter(a -> a.handlingUnionPath().startsWith(scopePath))
                .orElseThrow(() -> new NotFoundException("Application " + applicationNo));
    }

    record Document(String type, String number, String masked, Integer sexCode, LocalDate birthDate) {
    }

    private Document document(ApplicationInput input, ValidationFailure.Collector errors) {
        String type = input.idType() == null ? "RESIDENT_ID" : input.idType();
        if (!GB11643_TYPES.contains(type) && !OTHER_TYPES.contains(type)) {
            errors.add("idType", "UNKNOWN_CODE");
            return null;
        }
        if (GB11643_TYPES.contains(type)) {
            try {
                IdNumber id = IdNumber.parse(input.idNumber(), LocalDate.now(clock));
                if (id.ageOn(LocalDate.now(clock)) < MINIMUM_AGE) {
                    errors.add("idNumber", "UNDER_16");
                }
                return new Document(type, id.value(), id.masked(), id.sexCode(), id.birthDate());
            } catch (InvalidValueException e) {
                errors.add("idNumber", e.problem().name());
                return null;
            }
        }
        String number = Texts.blankToNull(input.idNumber());
        if (number == null) {
            errors.add("idNumber", "REQUIRED");
            return null;
        }
        number = number.toUpperCase(java.util.Locale.ROOT);
        if (!OTHER_DOCUMENT.matcher(number).matches()) {
            errors.add("idNumber", "FORMAT");
            return null;
        }
        return new Document(type, number, number.substring(0, 2) + "*".repeat(number.length() - 4)
                + number.substring(number.length() - 2), null, null);
    }

    private Routing.Decision route(ApplicationInput input, ValidationFailure.Collector errors) {
        String occupation = Texts.blankToNull(input.occupation());
        boolean noFixedEmployer = occupation != null;
        if (occupation != null && !OCCUPATIONS.contains(occupation)) {
            errors.add("occupation", "UNKNOWN_CODE");
        }
        Long employerUnion = null;
        String creditCode = Texts.blankToNull(input.employerCreditCode());
        if (creditCode != null) {
            try {
                CreditCode.parseAllowingBadCheck(creditCode);
                employerUnion = employer(creditCode).map(Enterprise::unionId)
                        .filter(union -> tree.find(union).map(OrgUnit::isActive).orElse(false)).orElse(null);
            } catch (InvalidValueException e) {
                errors.add("employerCreditCode", e.problem().name());
            }
        } else if (!noFixedEmployer && Texts.blankToNull(input.employerName()) == null) {
            errors.add("employerName", "EMPLOYER_OR_OCCUPATION");
        }
        if (Texts.blankToNull(input.employerName()) != null && input.employerName().strip().length() > 100) {
            errors.add("employerName", "TOO_LONG");
        }
        Routing.Street work = street(input.workStreetId(), "workStreetId", errors);
        Routing.Street home = street(input.homeStreetId(), "homeStreetId", errors);
        Optional<Routing.Decision> decision = Routing.route(
                new Routing.Facts(employerUnion, noFixedEmployer, work, home));
        if (decision.isEmpty() && !errors.has("workStreetId")) {
            errors.add("workStreetId", "REQUIRED");
        }
        return decision.orElse(null);
    }

    private Optional<Enterprise> employer(String creditCode) {
        String code = Texts.blankToNull(creditCode);
        if (code == null) {
            return Optional.empty();
        }
        return enterprises.findByCreditCode(code.toUpperCase(java.util.Locale.ROOT));
    }

    private Routing.Street street(Long id, String field, ValidationFailure.Collector errors) {
        if (id == null) {
            return null;
        }
        Optional<OrgUnit> street = tree.find(id).filter(u -> u.kind().isStreetLevel() && u.isActive());
        if (street.isEmpty()) {
            errors.add(field, "NOT_A_STREET");
            return null;
        }
        return new Routing.Street(id, tree.jointUnionOf(id).map(OrgUnit::id).orElse(null));
    }

    /** The application with its access secret; none for one stored before secrets existed. */
    private Submitted submitted(ApplicationRow row, boolean created) {
        return new Submitted(view(row), row.accessSecretEnc() == null ? null : cipher.decrypt(row.accessSecretEnc()),
                created);
    }

    private ApplicationView view(ApplicationRow row) {
        String unionName = tree.find(row.handlingUnionId()).map(OrgUnit::name).orElse("");
        return new ApplicationView(row.applicationNo(), row.status(), new UnionRef(row.handlingUnionId(), unionName),
                row.mobileMember(), row.rejectReason(), row.memberNo(), row.createdAt(), row.decidedAt());
    }
}
