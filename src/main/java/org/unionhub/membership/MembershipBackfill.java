package org.unionhub.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.IdNumber;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.domain.MemberRules;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.membership.persistence.MemberBackfillRepository;
import org.unionhub.membership.persistence.MemberBackfillRepository.NewApplication;
import org.unionhub.membership.persistence.MemberBackfillRepository.NewMember;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/**
 * Members' records that were made in the past, recorded in bulk: a backfill (the seeds' city generator uses it),
 * where submitting and approving hundreds of thousands of applications one call at a time would take hours. Two
 * kinds: applications made at sessions and decided on the spot (dated when they were made), and roster imports
 * (one call is one committed batch of one union). The personal data is checked (a resident identity number with its
 * check character and an age of 16 on the day, a mainland mobile number, a name) and stored encrypted exactly as
 * joining stores it; one person still holds one membership. The same events as the live paths are published in the
 * same transaction: {@link ApplicationSubmitted} per application, {@link MemberJoined} per approved one (source
 * SESSION, or ONLINE without a session), {@link MembersImported} once per import batch.
 */
@Service
@Transactional(readOnly = true)
public class MembershipBackfill {

    /**
     * An application made on {@code submittedAt} (through the session {@code sessionCode}, as the session has it, or
     * online when null) to the union {@code handlingUnionId}, and decided on {@code decidedAt}: approved, or rejected
     * for {@code rejectReason} (a code of the reject reasons). {@code occupation} is set for a worker without a fixed
     * employer (a mobile member). {@code key} makes the application unique as an idempotency key does.
     */
    public record DecidedApplication(String key, String sessionCode, long handlingUnionId, String name,
            String idNumber, String phone, String employerName, String occupation, Instant submittedAt,
            boolean approved, String rejectReason, Instant decidedAt) {
    }

    /** A row of an imported roster: a person with a resident identity number. */
    public record RosterEntry(String name, String idNumber, String phone) {
    }

    private static final String RESIDENT_ID = "RESIDENT_ID";

    private final MemberBackfillRepository backfill;
    private final OrgTree tree;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MembershipBackfill(MemberBackfillRepository backfill, OrgTree tree, PersonalDataCipher cipher, Clock clock,
            ApplicationEventPublisher events) {
        this.backfill = backfill;
        this.tree = tree;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Checks every application (a broken rule names it by its place in the list, e.g.
     * {@code applications[7].idNumber}; then nothing is stored) and records them with their decisions, decided by
     * {@code decidedBy}; the approved ones become members, joined on the day they were decided.
     */
    @Transactional
    public void recordDecided(String decidedBy, List<DecidedApplication> applications) {
        var errors = new ValidationFailure.Collector();
        if (Texts.blankToNull(decidedBy) == null) {
            errors.add("decidedBy", "REQUIRED");
        }
        Set<String> reasons = new HashSet<>(backfill.rejectReasons());
        Map<Long, Optional<OrgUnit>> unions = new HashMap<>();
        List<NewApplication> rows = new ArrayList<>(applications.size());
        Map<Integer, String> approvedPeople = new HashMap<>();
        for (int i = 0; i < applications.size(); i++) {
            DecidedApplication a = applications.get(i);
            String at = "applications[" + i + "].";
            OrgUnit union = union(a.handlingUnionId(), at + "handlingUnionId", unions, errors);
            LocalDate submittedOn = a.submittedAt() == null ? null : day(a.submittedAt());
            if (a.submittedAt() == null) {
                errors.add(at + "submittedAt", "REQUIRED");
            }
            if (a.decidedAt() == null) {
                errors.add(at + "decidedAt", "REQUIRED");
            } else if (a.submittedAt() != null && a.decidedAt().isBefore(a.submittedAt())) {
                errors.add(at + "decidedAt", "BEFORE_START");
            } else if (a.decidedAt().isAfter(clock.instant())) {
                errors.add(at + "decidedAt", "FUTURE_DATE");
            }
            if (Texts.blankToNull(a.key()) == null) {
                errors.add(at + "key", "REQUIRED");
            }
            if (!a.approved() && !reasons.contains(a.rejectReason())) {
                errors.add(at + "rejectReason", "UNKNOWN_CODE");
            }
            if (a.occupation() != null && !MembershipApplications.OCCUPATIONS.contains(a.occupation())) {
                errors.add(at + "occupation", "UNKNOWN_CODE");
            }
            Person person = person(a.name(), a.idNumber(), a.phone(), submittedOn, at, errors);
            if (union != null && person != null && submittedOn != null && a.decidedAt() != null) {
                rows.add(new NewApplication(a.key(), person.name(), cipher.encrypt(person.id().value()),
                        person.hash(), person.id().masked(), cipher.encrypt(person.phone()),
                        MemberRules.maskMobile(person.phone()), person.id().sexCode(), person.id().birthDate(),
                        Texts.blankToNull(a.employerName()), a.occupation(), Texts.blankToNull(a.sessionCode()),
                        union.id(), union.path(), a.occupation() != null, a.submittedAt(), submittedOn,
                        a.approved(), a.approved() ? null : a.rejectReason(), a.decidedAt(), day(a.decidedAt())));
                if (a.approved()) {
                    approvedPeople.put(i, person.hash());
                }
            }
        }
        checkOnePersonOneMembership(approvedPeople, "applications", errors);
        errors.throwIfAny();
        Map<String, String> numbers = backfill.insertApplications(rows, decidedBy);
        List<NewApplication> approved = rows.stream().filter(NewApplication::approved).toList();
        Map<String, String> members = backfill.insertMembersOfApproved(
                approved.stream().map(r -> numbers.get(r.key())).toList(),
                approved.stream().map(NewApplication::decidedOn).toList(), decidedBy);
        for (NewApplication row : rows) {
            events.publishEvent(new ApplicationSubmitted(numbers.get(row.key()), row.unionId(), row.unionPath(),
                    row.sessionCode(), row.submittedOn()));
        }
        for (NewApplication row : approved) {
            events.publishEvent(new MemberJoined(members.get(numbers.get(row.key())), row.unionId(), row.unionPath(),
                    row.sessionCode(), row.sessionCode() == null ? "ONLINE" : "SESSION", row.decidedOn()));
        }
    }

    /**
     * Checks and records one committed batch of a roster import into the union {@code unionId} (a grassroots or joint
     * union) on {@code importedOn}: new members of source IMPORT, joined that day. A broken rule names the row, e.g.
     * {@code entries[12].phone}; then nothing is stored. Answers the number of members created.
     */
    @Transactional
    public int recordImportBatch(long unionId, LocalDate importedOn, String importedBy, List<RosterEntry> entries) {
        var errors = new ValidationFailure.Collector();
        if (Texts.blankToNull(importedBy) == null) {
            errors.add("importedBy", "REQUIRED");
        }
        if (importedOn == null) {
            errors.add("importedOn", "REQUIRED");
        } else if (importedOn.isAfter(LocalDate.now(clock))) {
            errors.add("importedOn", "FUTURE_DATE");
        }
        OrgUnit union = union(unionId, "unionId", new HashMap<>(), errors);
        List<NewMember> rows = new ArrayList<>(entries.size());
        Map<Integer, String> people = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RosterEntry e = entries.get(i);
            Person person = person(e.name(), e.idNumber(), e.phone(), importedOn, "entries[" + i + "].", errors);
            if (person != null) {
                rows.add(new NewMember(person.name(), cipher.encrypt(person.id().value()), person.hash(),
                        person.id().masked(), cipher.encrypt(person.phone()), MemberRules.maskMobile(person.phone()),
                        person.id().sexCode(), person.id().birthDate()));
                people.put(i, person.hash());
            }
        }
        checkOnePersonOneMembership(people, "entries", errors);
        errors.throwIfAny();
        if (rows.isEmpty()) {
            return 0;
        }
        int created = backfill.insertImported(union.id(), union.path(), importedOn, rows, importedBy);
        events.publishEvent(new MembersImported(union.id(), union.path(), created, importedOn));
        return created;
    }

    private record Person(String name, IdNumber id, String hash, String phone) {
    }

    private Person person(String rawName, String rawId, String rawPhone, LocalDate on, String at,
            ValidationFailure.Collector errors) {
        String name = MemberRules.name(rawName, at + "name", errors);
        String phone = MemberRules.mobile(rawPhone, at + "phone", errors);
        IdNumber id = null;
        if (on != null) {
            try {
                id = IdNumber.parse(rawId, on);
                if (id.ageOn(on) < MemberRules.MINIMUM_AGE) {
                    errors.add(at + "idNumber", "UNDER_16");
                }
            } catch (InvalidValueException e) {
                errors.add(at + "idNumber", e.problem().name());
            }
        }
        if (name == null || phone == null || id == null || errors.has(at + "name") || errors.has(at + "phone")
                || errors.has(at + "idNumber")) {
            return null;
        }
        return new Person(name, id, cipher.documentHash(RESIDENT_ID, id.value()), phone);
    }

    /**
     * Nobody twice in one call, and nobody who is a member already; {@code people} holds each checked row's document
     * hash by its place in the list.
     */
    private void checkOnePersonOneMembership(Map<Integer, String> people, String list,
            ValidationFailure.Collector errors) {
        Set<String> seen = new HashSet<>();
        people.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(row -> {
            if (!seen.add(row.getValue())) {
                errors.add(list + "[" + row.getKey() + "].idNumber", "DUPLICATE");
            }
        });
        if (!backfill.currentMembers(List.copyOf(seen)).isEmpty()) {
            errors.add(list, "ALREADY_MEMBER");
        }
    }

    private OrgUnit union(long unionId, String field, Map<Long, Optional<OrgUnit>> unions,
            ValidationFailure.Collector errors) {
        OrgUnit union = unions.computeIfAbsent(unionId, tree::find).orElse(null);
        if (union == null) {
            errors.add(field, "NOT_FOUND");
        } else if (!union.kind().holdsMembers()) {
            errors.add(field, "NOT_A_GRASSROOTS_UNION");
        } else if (!union.isActive()) {
            errors.add(field, "ALREADY_CLOSED");
        } else {
            return union;
        }
        return null;
    }

    private LocalDate day(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }
}
