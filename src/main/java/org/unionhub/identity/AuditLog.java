package org.unionhub.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unionhub.identity.persistence.AuditRepository;

/**
 * The audit log: sign-ins and failures, account and scope changes, token use, and every reveal of a masked personal
 * field. Entries are written in the caller's transaction, so a reveal is never shown without being recorded.
 */
@Service
public class AuditLog {

    private final AuditRepository audit;

    AuditLog(AuditRepository audit) {
        this.audit = audit;
    }

    /** Records what a signed-in principal did. {@code detail} must never hold an unmasked personal field. */
    public void record(StaffPrincipal actor, AuditAction action, String target, String detail) {
        audit.insert(actor.username(), action.name(), target, detail, remoteIp(), actor.orgPath());
    }

    void recordAnonymous(String claimedName, AuditAction action, String detail) {
        audit.insert(claimedName, action.name(), null, detail, remoteIp(), null);
    }

    void recordFor(String username, String orgPath, AuditAction action, String target, String detail) {
        audit.insert(username, action.name(), target, detail, remoteIp(), orgPath);
    }

    private static String remoteIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
