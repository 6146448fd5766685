/**
 * Staff accounts bound to one node of the union tree, their roles and data scope, sign-in (form login for the
 * console, HTTP Basic for scripts, hashed revocable bearer tokens for partners), lock-out after repeated failures,
 * successful password checks remembered for a few minutes so HTTP Basic does not pay for bcrypt on every call
 * (docs/adr/0002), and the audit log. It owns {@code staff_account}, {@code partner_token} and {@code audit_event}.
 * Depends on {@code organisation} (an account's node and scope) and {@code common}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "common"})
package org.unionhub.identity;
