package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.membership.MembershipBackfill.DecidedApplication;
import org.unionhub.membership.MembershipBackfill.RosterEntry;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * Recording past applications with their decisions and past roster imports, in bulk: stored as joining and importing
 * store them (encrypted, one membership per person), dated when they happened, with the live paths' events; a
 * broken rule names the row and stores nothing.
 */
@UnionHubTest
@RecordApplicationEvents
class MembershipBackfillTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2020, 9, 8);

    @Autowired
    MembershipBackfill backfill;

    @Autowired
    TestTree data;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void recordsDecidedApplicationsAndMakesMembersOfTheApprovedOnTheirDay() {
        long union = data.org(TestTree.ZHONGGUANCUN_JOINT);
        String approvedId = residentId();
        String code = "BF" + ThreadLocalRandom.current().nextInt(1000, 9999);
        backfill.recordDecided("backfill-test", List.of(
                application(TestTree.unique("bf-"), code, union, approvedId, "COURIER", true, null),
                application(TestTree.unique("bf-"), code, union, residentId(), null, false, "DUPLICATE")));

        List<Map<String, Object>> stored = data.jdbc().sql("""
                        SELECT status, reject_reason, member_no, decided_by, mobile_member FROM membership_application
                         WHERE session_code = :code ORDER BY status
                        """).param("code", code).query().listOfRows();
        assertThat(stored).extracting(r -> r.get("status")).containsExactly("APPROVED", "REJECTED");
        assertThat(stored.get(0)).containsEntry("decided_by", "backfill-test").containsEntry("mobile_member", true);
        assertThat(stored.get(1)).containsEntry("reject_reason", "DUPLICATE").containsEntry("member_no", null);
        String memberNo = (String) stored.get(0).get("member_no");
        Map<String, Object> member = data.jdbc().sql("SELECT * FROM member WHERE member_no = :no")
                .param("no", memberNo).query().singleRow();
        assertThat(member).containsEntry("source", "SESSION").containsEntry("session_code", code)
                .containsEntry("union_id", union).containsEntry("status", "ACTIVE");
        assertThat(member.get("joined_on").toString()).isEqualTo(DAY.toString());
        assertThat(cipher.decrypt((byte[]) member.get("id_number_enc"))).isEqualTo(approvedId);

        assertThat(events.stream(ApplicationSubmitted.class).filter(a -> code.equals(a.sessionCode())))
                .hasSize(2).allMatch(a -> a.submittedOn().equals(DAY) && a.handlingUnionId() == union);
        assertThat(events.stream(MemberJoined.class).filter(j -> code.equals(j.sessionCode())))
                .containsExactly(new MemberJoined(memberNo, union, data.node(union).path(), code, "SESSION", DAY));
    }

    @Test
    void recordsAnImportBatchAsMembersOfTheUnionWithOneEvent() {
        long union = data.org(TestTree.XUEYUANLU_JOINT);
        LocalDate importedOn = LocalDate.of(2021, 3, 15);
        long before = data.count("member");

        int created = backfill.recordImportBatch(union, importedOn, "backfill-test", List.of(
                new RosterEntry("张伟", residentId(), mobile()), new RosterEntry("李娜", residentId(), mobile()),
                new RosterEntry("王磊", residentId(), mobile())));

        assertThat(created).isEqualTo(3);
        assertThat(data.count("member")).isEqualTo(before + 3);
        assertThat(events.stream(MembersImported.class).filter(i -> i.unionId() == union))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("key")
                .containsExactly(new MembersImported(union, data.node(union).path(), 3, importedOn));
    }

    @Test
    void namesEachBrokenRowAndStoresNothing() {
        long union = data.org(TestTree.XUEYUANLU_JOINT);
        String member = residentId();
        backfill.recordImportBatch(union, DAY, "backfill-test", List.of(new RosterEntry("赵敏", member, mobile())));
        String twice = residentId();
        String wrongCheck = residentId().substring(0, 17) + "Z";
        String child = "11010820100101123" + IdNumber.checkCharacterFor("11010820100101123");
        long before = data.count("member");

        assertThatThrownBy(() -> backfill.recordImportBatch(union, DAY, "backfill-test", List.of(
                new RosterEntry("钱芳", twice, mobile()), new RosterEntry("孙强", wrongCheck, mobile()),
                new RosterEntry("周杰", twice, mobile()), new RosterEntry("吴静", child, mobile()),
                new RosterEntry("<b>", residentId(), "12345"))))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactlyInAnyOrder(new Violation("entries[1].idNumber", "CHARSET"),
                                new Violation("entries[3].idNumber", "UNDER_16"),
                                new Violation("entries[4].name", "NAME_CHARACTERS"),
                                new Violation("entries[4].phone", "MOBILE_FORMAT"),
                                new Violation("entries[2].idNumber", "DUPLICATE")));
        assertThatThrownBy(() -> backfill.recordImportBatch(union, DAY, "backfill-test",
                List.of(new RosterEntry("赵敏", member, mobile()))))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("entries", "ALREADY_MEMBER")));
        assertThatThrownBy(() -> backfill.recordImportBatch(data.org(TestTree.XUEYUANLU_STREET), DAY,
                "backfill-test", List.of(new RosterEntry("郑爽", residentId(), mobile()))))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("unionId", "NOT_A_GRASSROOTS_UNION")));
        assertThatThrownBy(() -> backfill.recordDecided("backfill-test", List.of(application("bf-x", null, union,
                residentId(), "ASTRONAUT", false, "BECAUSE"))))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactlyInAnyOrder(new Violation("applications[0].rejectReason", "UNKNOWN_CODE"),
                                new Violation("applications[0].occupation", "UNKNOWN_CODE")));
        assertThat(data.count("member")).isEqualTo(before);
    }

    private static DecidedApplication application(String key, String code, long union, String idNumber,
            String occupation, boolean approved, String reason) {
        Instant submitted = DAY.atTime(12, 5).atZone(ZONE).toInstant();
        return new DecidedApplication(key, code, union, "刘洋", idNumber, mobile(),
                occupation == null ? "北京新芽科技有限公司" : null, occupation, submitted, approved, reason,
                submitted.plusSeconds(300));
    }

    /** A valid resident identity number of someone born between 1970 and 1999, unlikely to be used before. */
    private static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(30 * 365));
        String first17 = "1101" + (10 + random.nextInt(90)) + born.toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
