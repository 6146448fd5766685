package org.unionhub.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * Who is signed in: the account, its role, the node it is bound to (its data scope) and, for a partner signed in by
 * token, the steps that token allows.
 */
public record StaffPrincipal(
        long accountId,
        String username,
        String displayName,
        Role role,
        long orgId,
        String orgPath,
        String orgName,
        OrgKind orgKind,
        Set<PartnerStep> steps) implements ScopedPrincipal {

    @Override
    public OrgScope scope() {
        return new OrgScope(orgId);
    }

    public Collection<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        steps.forEach(s -> authorities.add(new SimpleGrantedAuthority("STEP_" + s.name())));
        return authorities;
    }

    @Override
    public String toString() {
        return username;
    }
}
