package org.unionhub.identity;

import java.util.Set;

/** A partner token just issued: the only moment its value is visible; afterwards only its hash is kept. */
public record IssuedToken(long id, String token, String label, Set<PartnerStep> steps) {
}
