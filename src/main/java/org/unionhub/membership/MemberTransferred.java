package org.unionhub.membership;

import java.time.LocalDate;

/**
 * A membership moved from one union to another (转会/接转): the membership {@code fromMemberNo} at the sending union
 * is now TRANSFERRED_OUT and {@code toMemberNo} continues it at the receiving union since {@code transferredOn}. The
 * same person, so not a new join: no {@link MemberJoined}, and the mutual-aid card stays as it is. Also published for
 * each member moved to the parent union when their union closed.
 */
public record MemberTransferred(String fromMemberNo, String toMemberNo, long fromUnionId, String fromUnionPath,
        long toUnionId, String toUnionPath, LocalDate transferredOn) {
}
