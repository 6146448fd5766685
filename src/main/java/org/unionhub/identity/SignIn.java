package org.unionhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.unionhub.common.Texts;
import org.unionhub.identity.persistence.PartnerTokenRepository;
import org.unionhub.identity.persistence.PartnerTokenRepository.PartnerTokenRow;
import org.unionhub.identity.persistence.StaffAccountRepository;
import org.unionhub.identity.persistence.StaffAccountRepository.StaffAccountRow;
import org.unionhub.identity.security.RecentPasswordChecks;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/**
 * Checks credentials: a password (form or HTTP Basic) or a partner bearer token. After {@code max-failures} wrong
 * passwords in a row the account is locked for {@code lock-duration}; while locked, even the right password is
 * refused without being checked. Failures and lock-outs are audited. A password that bcrypt accepted is remembered
 * for {@code verified-password-ttl} ({@link RecentPasswordChecks}), so that a staff script's every API call does not
 * pay for bcrypt again; the account's state (locked, disabled, its password hash, role and node) is read on every call
 * all the same.
 */
@Service
public class SignIn {

    /** Accounts whose last good password check is remembered at most; beyond that, checks go to bcrypt. */
    private static final int REMEMBERED_ACCOUNTS_MAX = 10_000;

    private final StaffAccountRepository accounts;
    private final PartnerTokenRepository tokens;
    private final OrgTree tree;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final String unknownUserHash;
    private final RecentPasswordChecks recentChecks;

    SignIn(StaffAccountRepository accounts, PartnerTokenRepository tokens, OrgTree tree, PasswordEncoder passwords,
            AuditLog audit, Clock clock, @Value("${unionhub.sign-in.max-failures}") int maxFailures,
            @Value("${unionhub.sign-in.lock-duration}") Duration lockDuration,
            @Value("${unionhub.sign-in.verified-password-ttl}") Duration verifiedPasswordTtl) {
        if (maxFailures < 2) {
            throw new IllegalArgumentException("unionhub.sign-in.max-failures must be at least 2");
        }
        this.accounts = accounts;
        this.tokens = tokens;
        this.tree = tree;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.unknownUserHash = passwords.encode("unknown-user-timing-guard");
        this.recentChecks = new RecentPasswordChecks(verifiedPasswordTtl, REMEMBERED_ACCOUNTS_MAX, clock);
    }

    /** The principal for a username and password, or a Spring Security authentication exception. */
    public StaffPrincipal withPassword(String username, String password) {
        Optional<StaffAccountRow> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            audit.recordAnonymous(username, AuditAction.SIGN_IN_FAILED, "unknown account");
            throw new BadCredentialsException("Bad credentials");
        }
        StaffAccountRow account = found.get();
        Instant now = clock.instant();
        if (account.isLockedAt(now)) {
            audit.recordFor(username, account.orgPath(), AuditAction.SIGN_IN_LOCKED_OUT, username,
                    "locked until " + account.lockedUntil());
            throw new LockedException("Locked");
        }
        if (!account.enabled()) {
            audit.recordFor(username, account.orgPath(), AuditAction.SIGN_IN_FAILED, username, "account disabled");
            throw new DisabledException("Disabled");
        }
        if (!recentChecks.matches(account.id(), account.passwordHash(), password)) {
            checkPassword(account, password, now);
            recentChecks.remember(account.id(), account.passwordHash(), password);
        }
        if (account.failedAttempts() > 0 || account.lockedUntil() != null) {
            accounts.recordSuccess(account.id());
        }
        return principal(account, account.role().steps());
    }

    private void checkPassword(StaffAccountRow account, String password, Instant now) {
        String username = account.username();
        if (!passwords.matches(password, account.passwordHash())) {
            Optional<Instant> lockedUntil = accounts.recordFailure(account.id(), maxFailures, now.plus(lockDuration));
            audit.recordFor(username, account.orgPath(), AuditAction.SIGN_IN_FAILED, username, "wrong password");
            lockedUntil.ifPresent(until -> audit.recordFor(username, account.orgPath(), AuditAction.ACCOUNT_LOCKED,
                    username, "locked until " + until));
            throw new BadCredentialsException("Bad credentials");
        }
    }

    /** The partner principal for a bearer token, limited to the token's steps; empty if unknown or revoked. */
    public Optional<StaffPrincipal> withToken(String token) {
        Optional<PartnerTokenRow> row = tokens.useActive(Texts.sha256Hex(token), clock.instant());
        if (row.isEmpty()) {
            audit.recordAnonymous("bearer-token", AuditAction.TOKEN_REJECTED, "unknown or revoked token");
            return Optional.empty();
        }
        return accounts.findById(row.get().accountId())
                .filter(StaffAccountRow::enabled)
                .filter(a -> a.role().isPartner())
                .map(a -> {
                    Set<PartnerStep> steps = EnumSet.noneOf(PartnerStep.class);
                    steps.addAll(row.get().allowedSteps());
                    steps.retainAll(a.role().steps());
                    return principal(a, steps);
                });
    }

    public void recordSignIn(StaffPrincipal principal) {
        audit.record(principal, AuditAction.SIGN_IN, principal.username(), null);
    }

    private StaffPrincipal principal(StaffAccountRow account, Set<PartnerStep> steps) {
        OrgUnit node = tree.find(account.orgId()).orElseThrow();
        return new StaffPrincipal(account.id(), account.username(), account.displayName(), account.role(),
                node.id(), node.path(), node.name(), node.kind(),
                steps.isEmpty() ? EnumSet.noneOf(PartnerStep.class) : EnumSet.copyOf(steps));
    }
}
