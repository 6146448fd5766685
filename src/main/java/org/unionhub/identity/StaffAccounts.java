package org.unionhub.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.Texts;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.persistence.PartnerTokenRepository;
import org.unionhub.identity.persistence.PartnerTokenRepository.PartnerTokenRow;
import org.unionhub.identity.persistence.StaffAccountRepository;
import org.unionhub.identity.persistence.StaffAccountRepository.StaffAccountRow;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.SubtreeMoved;

/**
 * Staff and partner accounts: administrators create and change accounts inside their own scope only, can grant no
 * more than their own reach, and every change is audited. Partner tokens are issued here and stored hashed.
 */
@Service
@Transactional(readOnly = true)
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9_.-]{2,39}$");
    static final int PASSWORD_MIN = 8;

    private final StaffAccountRepository accounts;
    private final PartnerTokenRepository tokens;
    private final OrgTree tree;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(StaffAccountRepository accounts, PartnerTokenRepository tokens, OrgTree tree,
            PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tree = tree;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StaffAccount> list(StaffPrincipal admin) {
        return accounts.findUnderPath(admin.orgPath()).stream().map(this::toAccount).toList();
    }

    public StaffAccount get(StaffPrincipal admin, long id) {
        return toAccount(row(admin, id));
    }

    @Transactional
    public StaffAccount create(StaffPrincipal admin, AccountInput input) {
        var errors = new ValidationFailure.Collector();
        String username = input.username() == null ? "" : input.username().strip();
        if (username.isEmpty()) {
            errors.add("username", "REQUIRED");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "USERNAME_FORMAT");
        } else if (accounts.usernameTaken(username)) {
            errors.add("username", "DUPLICATE");
        }
        checkPassword(input.password(), errors);
        OrgUnit node = checkGrant(admin, input, errors);
        String displayName = checkDisplayName(input.displayName(), errors);
        errors.throwIfAny();
        long id = accounts.insert(username, displayName, passwords.encode(input.password()), node.id(), node.path(),
                input.role());
        audit.record(admin, AuditAction.ACCOUNT_CREATED, username,
                "role=" + input.role() + " org=" + node.id() + " " + node.name());
        return toAccount(accounts.findById(id).orElseThrow());
    }

    @Transactional
    public StaffAccount update(StaffPrincipal admin, long id, AccountInput input) {
        StaffAccountRow existing = row(admin, id);
        var errors = new ValidationFailure.Collector();
        OrgUnit node = checkGrant(admin, input, errors);
        String displayName = checkDisplayName(input.displayName(), errors);
        if (existing.id() == admin.accountId() && (input.role() != existing.role()
                || (node != null && node.id() != existing.orgId()) || Boolean.FALSE.equals(input.enabled()))) {
            errors.add("role", "CANNOT_CHANGE_OWN_ACCESS");
        }
        if (input.password() != null && !input.password().isEmpty()) {
            checkPassword(input.password(), errors);
        }
        errors.throwIfAny();
        boolean enabled = input.enabled() == null ? existing.enabled() : input.enabled();
        accounts.update(id, displayName, node.id(), node.path(), input.role(), enabled);
        audit.record(admin, AuditAction.ACCOUNT_CHANGED, existing.username(),
                "role " + existing.role() + "→" + input.role() + ", org " + existing.orgId() + "→" + node.id()
                        + ", enabled " + existing.enabled() + "→" + enabled);
        if (input.password() != null && !input.password().isEmpty()) {
            accounts.changePassword(id, passwords.encode(input.password()));
            audit.record(admin, AuditAction.PASSWORD_CHANGED, existing.username(), null);
        }
        return toAccount(accounts.findById(id).orElseThrow());
    }

    @Transactional
    public void unlock(StaffPrincipal admin, long id) {
        StaffAccountRow existing = row(admin, id);
        accounts.unlock(id);
        audit.record(admin, AuditAction.ACCOUNT_UNLOCKED, existing.username(), null);
    }

    /** Issues a bearer token for a partner account, limited to steps its role allows. */
    @Transactional
    public IssuedToken issueToken(StaffPrincipal admin, long partnerAccountId, String label, Set<PartnerStep> steps) {
        StaffAccountRow partner = row(admin, partnerAccountId);
        var errors = new ValidationFailure.Collector();
        if (!partner.role().isPartner()) {
            errors.add("accountId", "NOT_A_PARTNER");
        }
        if (steps == null || steps.isEmpty()) {
            errors.add("steps", "REQUIRED");
        } else if (!partner.role().steps().containsAll(steps)) {
            errors.add("steps", "STEP_NOT_ALLOWED_FOR_ROLE");
        }
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.isEmpty()) {
            errors.add("label", "REQUIRED");
        } else if (cleanLabel.length() > 100) {
            errors.add("label", "TOO_LONG");
        }
        errors.throwIfAny();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "uh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = tokens.insert(partner.id(), Texts.sha256Hex(token), cleanLabel, EnumSet.copyOf(steps),
                admin.username());
        audit.record(admin, AuditAction.TOKEN_ISSUED, partner.username(), "token " + id + " steps=" + steps);
        return new IssuedToken(id, token, cleanLabel, EnumSet.copyOf(steps));
    }

    @Transactional
    public void revokeToken(StaffPrincipal admin, long tokenId) {
        PartnerTokenRow token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("Token " + tokenId));
        StaffAccountRow partner = row(admin, token.accountId());
        if (tokens.revoke(tokenId, clock.instant())) {
            audit.record(admin, AuditAction.TOKEN_REVOKED, partner.username(), "token " + tokenId);
        }
    }

    public List<PartnerTokenRow> tokensOf(StaffPrincipal admin, long partnerAccountId) {
        row(admin, partnerAccountId);
        return tokens.findByAccount(partnerAccountId);
    }

    /** Keeps accounts' copies of their node's path current when a subtree moves. */
    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        accounts.rebasePaths(moved.oldPath(), moved.newPath());
    }

    private StaffAccountRow row(StaffPrincipal admin, long id) {
        return accounts.findById(id)
                .filter(a -> tree.covers(admin.scope(), a.orgId()))
                .orElseThrow(() -> new NotFoundException("Account " + id));
    }

    private OrgUnit checkGrant(StaffPrincipal admin, AccountInput input, ValidationFailure.Collector errors) {
        if (input.role() == null) {
            errors.add("role", "REQUIRED");
        } else if (input.role() == Role.FEDERATION_ADMIN && admin.role() != Role.FEDERATION_ADMIN) {
            errors.add("role", "ROLE_ABOVE_OWN");
        }
        if (input.orgId() == null) {
            errors.add("orgId", "REQUIRED");
            return null;
        }
        if (!tree.covers(admin.scope(), input.orgId())) {
            errors.add("orgId", "NOT_FOUND");
            return null;
        }
        return tree.find(input.orgId()).orElseThrow();
    }

    private static String checkDisplayName(String raw, ValidationFailure.Collector errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.add("displayName", "REQUIRED");
        } else if (name.length() > 50) {
            errors.add("displayName", "TOO_LONG");
        }
        return name;
    }

    private static void checkPassword(String password, ValidationFailure.Collector errors) {
        if (password == null || password.isEmpty()) {
            errors.add("password", "REQUIRED");
        } else if (password.length() < PASSWORD_MIN || password.length() > 72) {
            errors.add("password", "PASSWORD_LENGTH");
        }
    }

    private StaffAccount toAccount(StaffAccountRow row) {
        String orgName = tree.find(row.orgId()).map(OrgUnit::name).orElse("?");
        return new StaffAccount(row.id(), row.username(), row.displayName(), row.role(), row.orgId(), orgName,
                row.enabled(), row.isLockedAt(clock.instant()) ? row.lockedUntil() : null);
    }
}
