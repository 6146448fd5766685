package org.unionhub.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.identity.PartnerStep;
import org.unionhub.identity.Permission;
import org.unionhub.identity.Role;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.organisation.OrgKind;

@Tag(name = "Identity")
@RestController
class MeController {

    record OrgRef(long id, String name, OrgKind kind) {
    }

    record Me(String username, String displayName, Set<Role> roles, Set<Permission> permissions, OrgRef org,
            Set<PartnerStep> steps) {
    }

    @Operation(summary = "The signed-in account, its roles and the node it is bound to")
    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal StaffPrincipal me) {
        return new Me(me.username(), me.displayName(), Set.of(me.role()), me.role().permissions(),
                new OrgRef(me.orgId(), me.orgName(), me.orgKind()), me.steps());
    }
}
