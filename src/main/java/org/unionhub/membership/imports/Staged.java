package org.unionhub.membership.imports;

import java.time.LocalDate;
import java.util.List;

/**
 * One checked data row on its way into staging: the values the member will get (document and phone already
 * encrypted, hashed and masked), what will be done with it, or its errors as {@code field:CODE} items.
 */
record Staged(int seq, int lineNo, String action, List<String> errors, Long unionId, String unionPath, Long memberId,
        String name, String idType, String idHash, byte[] idNumberEnc, String idNumberMasked, byte[] phoneEnc,
        String phoneMasked, Integer sexCode, LocalDate birthDate, String education, String employmentStatus,
        String skillGrade, String residence, Boolean nonBeijingWorker) {

    Staged decided(String newAction, Long existingMemberId, List<String> newErrors) {
        return new Staged(seq, lineNo, newAction, newErrors, unionId, unionPath, existingMemberId, name, idType, idHash,
                idNumberEnc, idNumberMasked, phoneEnc, phoneMasked, sexCode, birthDate, education, employmentStatus,
                skillGrade, residence, nonBeijingWorker);
    }
}
