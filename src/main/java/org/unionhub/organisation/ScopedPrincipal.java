package org.unionhub.organisation;

/** A signed-in principal that carries a data scope. Implemented by the identity module's staff principal. */
public interface ScopedPrincipal {

    OrgScope scope();

    String username();
}
