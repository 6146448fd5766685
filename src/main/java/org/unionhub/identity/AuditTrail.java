package org.unionhub.identity;

import java.util.List;
import org.springframework.stereotype.Service;
import org.unionhub.identity.persistence.AuditRepository;
import org.unionhub.identity.persistence.AuditRepository.AuditRow;

/** Reading the audit log: an admin sees the events of accounts inside their subtree. */
@Service
public class AuditTrail {

    private static final int PAGE = 200;

    private final AuditRepository audit;

    AuditTrail(AuditRepository audit) {
        this.audit = audit;
    }

    public List<AuditRow> recent(StaffPrincipal reader, AuditAction action) {
        boolean wholeCity = reader.orgKind() == org.unionhub.organisation.OrgKind.FEDERATION;
        return audit.findRecent(reader.orgPath(), wholeCity, action == null ? null : action.name(), PAGE);
    }
}
