package org.unionhub.membership;

/**
 * A worker's membership application as the phone sends it. Either an employer (credit code or name) or, for a worker
 * with no fixed employer, an occupation; {@code consent} to the processing of personal data is required.
 */
public record ApplicationInput(
        String name,
        String idType,
        String idNumber,
        String phone,
        String employerCreditCode,
        String employerName,
        String occupation,
        Long workStreetId,
        Long homeStreetId,
        String sessionCode,
        Boolean consent) {
}
