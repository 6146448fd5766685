package org.unionhub.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.reporting.domain.ReportPeriod;
import org.unionhub.reporting.persistence.FunnelQueries;
import org.unionhub.reporting.persistence.FunnelQueries.Figures;

/**
 * The dual-communication funnel of any node in the caller's scope over a period (see {@link Funnel} for what each
 * figure counts and where). A node outside the scope is reported as not found; a period whose end is before its start
 * fails on {@code to}. Without a node, the caller's own; without dates, the year to date.
 */
@Service
@Transactional(readOnly = true)
public class FunnelReport {

    private final OrgTree tree;
    private final FunnelQueries queries;
    private final Clock clock;

    FunnelReport(OrgTree tree, FunnelQueries queries, Clock clock) {
        this.tree = tree;
        this.queries = queries;
        this.clock = clock;
    }

    public Funnel funnel(OrgScope scope, Long orgId, LocalDate from, LocalDate to) {
        ReportPeriod period = ReportPeriod.of(from, to, LocalDate.now(clock));
        OrgUnit node = tree.get(scope, orgId == null ? scope.rootOrgId() : orgId);
        return funnel(node, period.from(), period.to(), queries.figures(node.path(), period.from(), period.to()));
    }

    /** The node's funnel, each child's (in the tree's order) and each month's of the period. */
    public FunnelBreakdown breakdown(OrgScope scope, Long orgId, LocalDate from, LocalDate to) {
        ReportPeriod period = ReportPeriod.of(from, to, LocalDate.now(clock));
        OrgUnit node = tree.get(scope, orgId == null ? scope.rootOrgId() : orgId);
        Funnel total = funnel(node, period.from(), period.to(),
                queries.figures(node.path(), period.from(), period.to()));
        List<OrgUnit> children = tree.children(scope, node.id());
        Map<String, Figures> ofChildren = queries.figuresOfEach(children.stream().map(OrgUnit::path).toList(),
                period.from(), period.to());
        Map<YearMonth, Figures> ofMonths = queries.figuresByMonth(node.path(), period.from(), period.to());
        return new FunnelBreakdown(total,
                children.stream().map(child -> funnel(child, period.from(), period.to(),
                        ofChildren.getOrDefault(child.path(), Figures.none()))).toList(),
                period.months().stream().map(month -> funnel(node, max(month.atDay(1), period.from()),
                        min(month.atEndOfMonth(), period.to()), ofMonths.getOrDefault(month, Figures.none())))
                        .toList());
    }

    private static Funnel funnel(OrgUnit node, LocalDate from, LocalDate to, Figures f) {
        return new Funnel(node.id(), node.name(), from, to, f.workerSessions(), f.workersReached(),
                f.consultations(), f.applications(), f.membersJoined(), f.memberRecords(), f.enterpriseSessions(),
                f.enterprisesCovered(), f.unionsFounded());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
