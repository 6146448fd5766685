package org.unionhub.membership;

/** Staff asking to move a member to another union: the receiving union (anywhere in the tree) and a note. */
public record TransferInput(Long toUnionId, String note) {
}
