-- The access secret of each application (membership/domain/AccessSecrets): the worker's status page and e-card open
-- with the application number AND this secret, since numbers are sequential and easy to guess. Kept as its SHA-256,
-- which is what a link is checked against, and — so that a retried submission hands back the same link — encrypted
-- with the personal-data key (AES-GCM) like document numbers. Applications stored before this migration have no
-- secret: their pages stay closed (staff and the status API still see them).
ALTER TABLE membership_application
    ADD COLUMN access_hash       BYTEA CHECK (octet_length(access_hash) = 32),
    ADD COLUMN access_secret_enc BYTEA,
    ADD CONSTRAINT membership_application_access_check CHECK ((access_hash IS NULL) = (access_secret_enc IS NULL));
