package org.unionhub.membership;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.AuditAction;
import org.unionhub.identity.AuditLog;
import org.unionhub.identity.Permission;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.domain.Membership;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.membership.persistence.RosterRepository;
import org.unionhub.membership.persistence.RosterRepository.Criteria;
import org.unionhub.membership.persistence.RosterRepository.RosterRow;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * The member roster (会员名册): members of the caller's subtree, searched and filtered, newest first, 50 to a page,
 * with document numbers and phones masked. Staff holding {@link Permission#PERSONAL_DATA_REVEAL} may reveal one field
 * of one member, and may export the roster unmasked; each reveal and every export is written to the audit log before
 * the data leaves, and the log holds which field or how many rows — never a value. Members outside the scope, and
 * unions outside it, are not found.
 */
@Service
@Transactional(readOnly = true)
public class Roster {

    public static final int PAGE_SIZE = 50;
    /** Deeper than this, a filter finds faster than paging; also keeps the offset far from overflowing. */
    static final int MAX_PAGE = 20_000;
    static final int QUERY_MAX = 50;
    /** The member statuses the roster filters by. */
    public static final List<String> STATUSES = Arrays.stream(Membership.Status.values()).map(Enum::name).toList();
    /** The export's columns, in order; the header row carries their Chinese names. */
    public static final List<String> COLUMNS = List.of("会员编号", "姓名", "证件号码", "手机号码", "所属工会", "会员状态",
            "流动会员", "入会日期", "入会方式");

    private static final Pattern MEMBER_NO = Pattern.compile("^M\\d{10}$");
    private static final int FLUSH_EVERY = 1000;

    /** Where an export goes: opened only after every check passed and the export was recorded. */
    @FunctionalInterface
    public interface ExportTarget {
        OutputStream open() throws IOException;
    }

    private final RosterRepository roster;
    private final Members members;
    private final OrgTree tree;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate ownTransaction;

    Roster(RosterRepository roster, Members members, OrgTree tree, PersonalDataCipher cipher, AuditLog audit,
            MessageSource messages, PlatformTransactionManager transactions) {
        this.roster = roster;
        this.members = members;
        this.tree = tree;
        this.cipher = cipher;
        this.audit = audit;
        this.messages = messages;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One page (from 1) of the members in scope that match the filter, newest first, masked. */
    public RosterPage search(ScopedPrincipal staff, RosterFilter filter, int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw ValidationFailure.of("page", "OUT_OF_RANGE");
        }
        Criteria criteria = criteria(staff, filter);
        List<RosterRow> rows = roster.page(criteria, PAGE_SIZE + 1, (long) (page - 1) * PAGE_SIZE);
        UnionNames names = new UnionNames();
        List<MemberView> views = rows.stream().limit(PAGE_SIZE).map(r -> view(r, names)).toList();
        return new RosterPage(views, page, PAGE_SIZE, rows.size() > PAGE_SIZE);
    }

    /** A member in scope, masked. */
    public MemberView member(ScopedPrincipal staff, String memberNo) {
        return members.get(staff, memberNo);
    }

    /** The union a filter names, if it is in scope; for showing its name beside the filter. */
    public OrgUnit union(ScopedPrincipal staff, long unionId) {
        return tree.get(staff.scope(), unionId);
    }

    public boolean mayReveal(StaffPrincipal staff) {
        return staff.role().can(Permission.PERSONAL_DATA_REVEAL);
    }

    /**
     * The clear value of one personal field of a member in scope, recorded in the audit log (target: the member
     * number; detail: the field's name) in the same transaction, so the value is never shown unrecorded.
     */
    @Transactional
    public String reveal(StaffPrincipal staff, String memberNo, PersonalField field) {
        requireRevealRight(staff);
        if (field == null) {
            throw ValidationFailure.of("field", "REQUIRED");
        }
        String scopePath = scopePath(staff);
        byte[] stored = (field == PersonalField.ID_NUMBER ? roster.idNumberEnc(scopePath, memberNo)
                : roster.phoneEnc(scopePath, memberNo))
                .orElseThrow(() -> new NotFoundException("Member " + memberNo));
        audit.record(staff, AuditAction.PERSONAL_FIELD_REVEALED, memberNo, field.name());
        return cipher.decrypt(stored);
    }

    /**
     * Writes the members in scope that match the filter to an .xlsx workbook, streamed row by row, every cell as text;
     * masked unless {@code unmasked}, which needs {@link Permission#PERSONAL_DATA_REVEAL}. The export is recorded
     * (target: the union whose subtree went out; detail: the row count and whether unmasked) and committed before the
     * target is opened; the rows come from the same snapshot as the count. Returns the number of rows.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long export(StaffPrincipal staff, RosterFilter filter, boolean unmasked, ExportTarget target) {
        if (unmasked) {
            requireRevealRight(staff);
        }
        Criteria criteria = criteria(staff, filter);
        long rows = roster.count(criteria);
        long subtree = filter.unionId() != null ? filter.unionId() : staff.scope().rootOrgId();
        ownTransaction.executeWithoutResult(status -> audit.record(staff, AuditAction.PERSONAL_DATA_EXPORTED,
                String.valueOf(subtree), "rows=" + rows + "; unmasked=" + unmasked));
        try (OutputStream out = target.open()) {
            write(criteria, unmasked, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private void write(Criteria criteria, boolean unmasked, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "UnionHub", "1.0");
        Worksheet sheet = workbook.newWorksheet("会员名册");
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.inlineString(0, c, COLUMNS.get(c));
            sheet.style(0, c).bold().set();
        }
        UnionNames names = new UnionNames();
        int[] row = {1};
        try {
            roster.forEach(criteria, unmasked, r -> {
                List<String> cells = List.of(r.memberNo(), r.name(),
                        unmasked ? cipher.decrypt(r.idNumberEnc()) : r.idNumberMasked(),
                        unmasked ? cipher.decrypt(r.phoneEnc()) : r.phoneMasked(),
                        names.of(r.unionId()), label("roster.status." + r.status(), r.status()),
                        label(r.mobileMember() ? "roster.yes" : "roster.no", ""), r.joinedOn().toString(),
                        label("roster.source." + r.source(), r.source()));
                for (int c = 0; c < cells.size(); c++) {
                    sheet.inlineString(row[0], c, cells.get(c));
                }
                row[0]++;
                if (row[0] % FLUSH_EVERY == 0) {
                    flush(sheet);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        workbook.finish();
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
    }

    private void requireRevealRight(StaffPrincipal staff) {
        if (!mayReveal(staff)) {
            throw new AccessDeniedException("No right to personal data");
        }
    }

    private Criteria criteria(ScopedPrincipal staff, RosterFilter filter) {
        var errors = new ValidationFailure.Collector();
        String q = Texts.blankToNull(filter.q());
        if (q != null && q.length() > QUERY_MAX) {
            errors.add("q", "TOO_LONG");
        }
        String status = Texts.blankToNull(filter.status());
        if (status != null && !STATUSES.contains(status)) {
            errors.add("status", "UNKNOWN_CODE");
        }
        if (filter.joinedFrom() != null && filter.joinedTo() != null
                && filter.joinedTo().isBefore(filter.joinedFrom())) {
            errors.add("joinedTo", "BEFORE_START");
        }
        errors.throwIfAny();
        String prefix = filter.unionId() != null ? tree.get(staff.scope(), filter.unionId()).path()
                : scopePath(staff);
        boolean memberNo = q != null && MEMBER_NO.matcher(q.toUpperCase(Locale.ROOT)).matches();
        return new Criteria(prefix, memberNo ? null : Texts.likeFragment(q),
                memberNo ? q.toUpperCase(Locale.ROOT) : null, status, filter.onlyMobileMembers(),
                filter.joinedFrom(), filter.joinedTo());
    }

    private String scopePath(ScopedPrincipal staff) {
        return tree.get(staff.scope(), staff.scope().rootOrgId()).path();
    }

    /** A list row: without the card, which the member's own page shows. */
    private static MemberView view(RosterRow r, UnionNames names) {
        return new MemberView(r.memberNo(), r.name(), r.idNumberMasked(), r.phoneMasked(), r.unionId(),
                names.of(r.unionId()), r.status(), r.mobileMember(), r.joinedOn(), r.source(), null);
    }

    /** Union names looked up once per union for one page or one export. */
    private final class UnionNames {

        private final Map<Long, String> names = new HashMap<>();

        String of(long unionId) {
            return names.computeIfAbsent(unionId, id -> tree.find(id).map(OrgUnit::name).orElse(""));
        }
    }
}
