package org.unionhub.membership.imports;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.unionhub.membership.MembersImported;

/**
 * Test listener: every {@link MembersImported} whose transaction committed. A batch that was killed before its commit
 * leaves nothing here, so the list is what other modules would see.
 */
@Component
class MembersImportedRecorder {

    private final List<MembersImported> committed = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(MembersImported event) {
        committed.add(event);
    }

    List<MembersImported> of(long unionId) {
        return committed.stream().filter(e -> e.unionId() == unionId).toList();
    }
}
