package org.unionhub.reporting;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.NotFoundException;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.reporting.persistence.CampaignQueries;
import org.unionhub.reporting.persistence.CampaignQueries.CampaignSessionRow;

/**
 * Campaign days live: for a campaign and a node in scope (the city, or one district), the sessions open and their
 * tallies so far, by the node's children that have sessions in it (in the tree's order; the node's own sessions last). Read from the funnel's own session tables, so it is as fresh as the events.
 */
@Service
@Transactional(readOnly = true)
public class CampaignBoard {

    private static final int LIST_LIMIT = 50;

    private final OrgTree tree;
    private final CampaignQueries queries;

    CampaignBoard(OrgTree tree, CampaignQueries queries) {
        this.tree = tree;
        this.queries = queries;
    }

    /** The latest campaigns with sessions in the caller's scope. */
    public List<Campaign> campaigns(OrgScope scope) {
        OrgUnit root = tree.get(scope, scope.rootOrgId());
        return queries.campaigns(root.path(), LIST_LIMIT).stream()
                .map(c -> new Campaign(c.campaignId(), c.firstDay(), c.lastDay(), c.sessions())).toList();
    }

    /** A campaign under a node in scope (the caller's own without one); not found when it has no session there. */
    public CampaignLive live(OrgScope scope, long campaignId, Long orgId) {
        OrgUnit node = tree.get(scope, orgId == null ? scope.rootOrgId() : orgId);
        Campaign campaign = queries.campaign(campaignId, node.path())
                .map(c -> new Campaign(c.campaignId(), c.firstDay(), c.lastDay(), c.sessions()))
                .orElseThrow(() -> new NotFoundException("Campaign " + campaignId));
        Map<String, OrgUnit> areas = new LinkedHashMap<>();
        tree.children(scope, node.id()).forEach(child -> areas.put(child.path(), child));
        Map<Long, CampaignArea> byArea = new HashMap<>();
        CampaignArea total = empty(node);
        for (CampaignSessionRow session : queries.sessions(campaignId, node.path())) {
            OrgUnit area = areaOf(session.orgPath(), node, areas);
            byArea.put(area.id(), adding(byArea.getOrDefault(area.id(), empty(area)), session));
            total = adding(total, session);
        }
        List<CampaignArea> rows = Stream.concat(areas.values().stream(), Stream.of(node))
                .map(area -> byArea.get(area.id())).filter(Objects::nonNull).toList();
        return new CampaignLive(campaign, node.id(), node.name(), rows, total);
    }

    private static OrgUnit areaOf(String sessionPath, OrgUnit node, Map<String, OrgUnit> areas) {
        int next = sessionPath.indexOf('/', node.path().length());
        return next < 0 ? node : areas.getOrDefault(sessionPath.substring(0, next + 1), node);
    }

    private static CampaignArea empty(OrgUnit unit) {
        return new CampaignArea(unit.id(), unit.name(), 0, 0, 0, 0, 0);
    }

    private static CampaignArea adding(CampaignArea a, CampaignSessionRow s) {
        return new CampaignArea(a.orgId(), a.orgName(), a.sessions() + 1, a.workersReached() + s.workersReached(),
                a.consultations() + s.consultations(), a.applications() + s.applications(),
                a.membersJoined() + s.membersJoined());
    }
}
