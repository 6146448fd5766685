package org.unionhub.membership;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.NotFoundException;
import org.unionhub.membership.card.CardRequests;
import org.unionhub.membership.persistence.MemberRepository;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;

/** Members as staff see them, inside their scope, with personal fields masked, and their mutual-aid card. */
@Service
@Transactional(readOnly = true)
public class Members {

    private final MemberRepository members;
    private final OrgTree tree;
    private final CardRequests cards;

    Members(MemberRepository members, OrgTree tree, CardRequests cards) {
        this.members = members;
        this.tree = tree;
        this.cards = cards;
    }

    public MemberView get(ScopedPrincipal staff, String memberNo) {
        String scopePath = tree.get(staff.scope(), staff.scope().rootOrgId()).path();
        return members.findInScope(scopePath, memberNo)
                .map(m -> new MemberView(m.memberNo(), m.name(), m.idNumberMasked(), m.phoneMasked(), m.unionId(),
                        tree.find(m.unionId()).map(OrgUnit::name).orElse(""), m.status(), m.mobileMember(),
                        m.joinedOn(), m.source(), cards.cardOf(m.id())))
                .orElseThrow(() -> new NotFoundException("Member " + memberNo));
    }
}
