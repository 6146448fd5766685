package org.unionhub.membership.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.unionhub.common.Texts;
import org.unionhub.identity.Permission;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.MemberView;
import org.unionhub.membership.Members;
import org.unionhub.membership.MembershipTransfers;
import org.unionhub.membership.Roster;

/**
 * What the member's page shows besides the member: the history with who and when, where the membership came from
 * and went to, its transfers, and — for staff who may change members — the status changes allowed now and the
 * transfer form with the unions found for {@code unionQuery}.
 */
@Component
class MemberRecordModel {

    private final Roster roster;
    private final Members members;
    private final MembershipTransfers transfers;

    MemberRecordModel(Roster roster, Members members, MembershipTransfers transfers) {
        this.roster = roster;
        this.members = members;
        this.transfers = transfers;
    }

    String page(StaffPrincipal me, MemberView member, Map<String, String> revealed, String unionQuery, Model model) {
        String memberNo = member.memberNo();
        model.addAttribute("member", member);
        model.addAttribute("mayReveal", roster.mayReveal(me));
        model.addAttribute("revealed", revealed);
        model.addAttribute("history", members.history(me, memberNo));
        model.addAttribute("previousMemberNo", members.previousMembership(me, memberNo).orElse(null));
        model.addAttribute("nextMemberNo", members.nextMembership(me, memberNo).orElse(null));
        model.addAttribute("transfers", transfers.ofMember(me, memberNo));
        boolean mayChange = me.role().can(Permission.ORG_WRITE);
        model.addAttribute("mayChange", mayChange);
        if (mayChange) {
            String query = Texts.blankToNull(unionQuery);
            model.addAttribute("statusActions", members.allowedChanges(me, memberNo));
            model.addAttribute("mayTransfer", members.mayTransfer(me, memberNo));
            model.addAttribute("unionQuery", query);
            model.addAttribute("unionChoices", query == null ? List.of() : transfers.receivingUnions(query));
        }
        return "members/show";
    }
}
