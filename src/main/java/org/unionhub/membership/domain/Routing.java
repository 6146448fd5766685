package org.unionhub.membership.domain;

import java.util.Optional;

/**
 * The territorial rule (属地原则) for which union handles an application: the employer's union if the employer has
 * one; otherwise the joint union of the street where the worker works (a street without a joint union: the street
 * union itself). A gig worker with no fixed employer becomes a mobile member of the joint union of the street where
 * they work, or where they live when no work street is given.
 */
public final class Routing {

    private Routing() {
    }

    /** A street-level union and its joint union, if it has one. */
    public record Street(long streetUnionId, Long jointUnionId) {

        long handlingUnion() {
            return jointUnionId != null ? jointUnionId : streetUnionId;
        }
    }

    /** What is known about the applicant's work and home. */
    public record Facts(Long employerUnionId, boolean noFixedEmployer, Street workStreet, Street homeStreet) {
    }

    /** The union that handles the application, and whether the worker joins as a mobile member. */
    public record Decision(long unionId, boolean mobileMember) {
    }

    /** Empty when nothing routes the application: no union at the employer and no street to fall back on. */
    public static Optional<Decision> route(Facts facts) {
        if (!facts.noFixedEmployer() && facts.employerUnionId() != null) {
            return Optional.of(new Decision(facts.employerUnionId(), false));
        }
        if (facts.workStreet() != null) {
            return Optional.of(new Decision(facts.workStreet().handlingUnion(), facts.noFixedEmployer()));
        }
        if (facts.noFixedEmployer() && facts.homeStreet() != null) {
            return Optional.of(new Decision(facts.homeStreet().handlingUnion(), true));
        }
        return Optional.empty();
    }
}
