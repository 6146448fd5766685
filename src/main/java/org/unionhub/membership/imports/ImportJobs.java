package org.unionhub.membership.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.common.NotFoundException;
import org.unionhub.membership.MembersImported;
import org.unionhub.membership.domain.MemberRules;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.membership.imports.ImportRepository.Existing;
import org.unionhub.membership.imports.ImportRepository.ImportRow;
import org.unionhub.membership.imports.ImportRepository.UnionCount;
import org.unionhub.membership.imports.domain.ImportField;
import org.unionhub.membership.imports.domain.RowChecker;
import org.unionhub.membership.imports.domain.RowChecker.Checked;
import org.unionhub.membership.imports.domain.RowChecker.UnionChoice;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/**
 * The two background steps of an import. Validation checks every row of the file and writes it into staging, all in
 * one transaction (a crash or a stop restarts it from the first row). The commit works through staging in batches of
 * {@code batchSize} rows, each one transaction that creates or updates the members, writes their history, publishes
 * {@link MembersImported} once per union and moves the job's progress — so a crash re-does at most the batch in flight.
 * A job is worked on only by the worker holding its advisory lock ({@link Claim}); the job row's lock inside each
 * batch makes the progress check exact even if two workers ever met.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** First key of the advisory locks held on jobs ({@code pg_try_advisory_lock(namespace, job id)}). */
    static final int LOCK_NAMESPACE = 305;
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    private static final int UNION_CACHE_MAX = 10_000;
    /** Checked chunks the reader may be ahead of the COPY. */
    private static final int READ_AHEAD_CHUNKS = 4;
    private static final List<Staged> END_OF_FILE = List.of();

    /** A job this worker holds the lock of, on a connection of its own; closing releases it. */
    final class Claim implements AutoCloseable {

        private final long id;
        private final Connection connection;

        private Claim(long id, Connection connection) {
            this.id = id;
            this.connection = connection;
        }

        long id() {
            return id;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement(
                    "SELECT pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, LOCK_NAMESPACE);
                unlock.setInt(2, (int) id);
                unlock.execute();
            } catch (SQLException e) {
                log.warn("Member import {}: releasing the job's lock failed ({}); its connection is dropped", id,
                        e.getMessage());
            }
        }
    }

    /** Thrown when the worker is told to stop in the middle of a validation; the job is taken up again later. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("Stopped", null, false, false);
        }
    }

    private final ImportRepository imports;
    private final ImportStore store;
    private final CodeTables codes;
    private final OrgTree tree;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final ImportProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;

    ImportJobs(ImportRepository imports, ImportStore store, CodeTables codes, OrgTree tree, PersonalDataCipher cipher,
            ApplicationEventPublisher events, ObjectMapper json, DataSource dataSource, ImportProperties properties,
            Clock clock, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.store = store;
        this.codes = codes;
        this.tree = tree;
        this.cipher = cipher;
        this.events = events;
        this.json = json;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.ownTx = new TransactionTemplate(transactions);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Locks the oldest job waiting for validation or commit that no other worker holds, except those given. */
    Optional<Claim> claimNext(Set<Long> except) {
        for (long id : imports.pending()) {
            if (except.contains(id)) {
                continue;
            }
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                if (!tryLock(connection, id)) {
                    connection.close();
                    continue;
                }
                Claim claim = new Claim(id, connection);
                if (ImportRepository.PENDING.contains(imports.status(id))) {
                    return Optional.of(claim);
                }
                claim.close();
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new IllegalStateException("Cannot claim member import " + id, e);
            }
        }
        return Optional.empty();
    }

    /** Works on a claimed job until it is validated or committed, or {@code keepGoing} turns false. */
    void work(Claim claim, BooleanSupplier keepGoing) {
        String status = imports.status(claim.id());
        if ("VALIDATING".equals(status)) {
            validate(claim.id(), keepGoing);
        } else if ("COMMITTING".equals(status)) {
            long started = System.nanoTime();
            long[] inserting = {0};
            int batches = 0;
            boolean more = true;
            while (more && keepGoing.getAsBoolean()) {
                more = Boolean.TRUE.equals(tx.execute(s -> commitBatch(claim.id(), inserting)));
                batches++;
            }
            log.info("Member import {}: {} batches committed in {} ms ({} ms creating members){}", claim.id(), batches,
                    millis(System.nanoTime() - started), millis(inserting[0]), more ? "; stopped before the end" : "");
        }
    }

    // ---- validation ------------------------------------------------------------------------------------------------

    /**
     * Reads and checks the rows on a thread of its own (parsing, the rules, the keyed hash and the encryption are the
     * Java side's work) while this thread looks up existing members and copies the checked chunks into staging, in
     * one transaction, so that the two overlap.
     */
    private void validate(long id, BooleanSupplier keepGoing) {
        ImportRow job = imports.find(id).orElseThrow(() -> new NotFoundException("Member import " + id));
        RowChecker checker = new RowChecker(mapping(job.mapping()), codes.educations(), codes.employmentStatuses(),
                codes.skillGrades(), new ScopedUnions(job), LocalDate.now(clock));
        long started = System.nanoTime();
        BlockingQueue<List<Staged>> chunks = new ArrayBlockingQueue<>(READ_AHEAD_CHUNKS);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "member-import-reader"));
        Timings timings = new Timings();
        try {
            Future<Integer> reading = reader.submit(() -> readAndCheck(job, checker, chunks, timings));
            int total = tx.execute(status -> {
                imports.deleteStaging(id);
                Connection connection = DataSourceUtils.getConnection(dataSource);
                StagingCopy copy = new StagingCopy(id);
                int copied = 0;
                long reported = System.nanoTime();
                while (true) {
                    List<Staged> chunk = next(chunks, reading);
                    if (chunk == END_OF_FILE) {
                        break;
                    }
                    if (!keepGoing.getAsBoolean()) {
                        throw new Stopped();
                    }
                    flush(connection, copy, chunk, timings);
                    copied += chunk.size();
                    if (System.nanoTime() - reported > PROGRESS_EVERY_NANOS) {
                        reported = System.nanoTime();
                        int progress = copied;
                        ownTx.executeWithoutResult(s -> imports.validationProgress(id, progress));
                    }
                }
                if (copied == 0) {
                    throw new NoRows();
                }
                long marking = System.nanoTime();
                imports.allowLargeGrouping();
                imports.analyzeStaging();
                imports.markDuplicates(id);
                imports.finishValidation(id, copied, imports.actionCounts(id), clock.instant());
                timings.duplicatesAndCounts += System.nanoTime() - marking;
                return copied;
            });
            log.info("Member import {}: {} rows checked in {} ms (reading and checking {} ms, existing members {} ms, "
                            + "COPY into staging {} ms, duplicates and counts {} ms)", id, total,
                    millis(System.nanoTime() - started), millis(timings.reading), millis(timings.lookups),
                    millis(timings.copying), millis(timings.duplicatesAndCounts));
        } catch (ImportFiles.UnreadableFile e) {
            log.warn("Member import {}: the file cannot be read ({})", id, e.getCause().toString());
            ownTx.executeWithoutResult(s -> imports.fail(id, "FILE_UNREADABLE", clock.instant()));
        } catch (TooManyRows e) {
            ownTx.executeWithoutResult(s -> imports.fail(id, "TOO_MANY_ROWS", clock.instant()));
        } catch (NoRows e) {
            ownTx.executeWithoutResult(s -> imports.fail(id, "EMPTY_FILE", clock.instant()));
        } finally {
            reader.shutdownNow();
        }
    }

    /** Where the time of a validation went (nanoseconds), for the log. */
    private static final class Timings {
        volatile long reading;
        long lookups;
        long copying;
        long duplicatesAndCounts;
    }

    /** The reader's side: every data row checked and staged, in chunks; the end marked by {@link #END_OF_FILE}. */
    private int readAndCheck(ImportRow job, RowChecker checker, BlockingQueue<List<Staged>> chunks, Timings timings)
            throws InterruptedException {
        int[] seq = {0};
        boolean[] header = {true};
        List<List<Staged>> current = new ArrayList<>(List.of(new ArrayList<>(properties.checkChunk())));
        long[] busySince = {System.nanoTime()};
        ImportFiles.read(store.source(job.id()), ImportFiles.Format.valueOf(job.fileFormat()),
                job.fileCharset() == null ? null : Charset.forName(job.fileCharset()), (lineNo, cells) -> {
                    if (header[0]) {
                        header[0] = false;
                        return true;
                    }
                    if (++seq[0] > properties.maxRows()) {
                        throw new TooManyRows();
                    }
                    current.get(0).add(stage(seq[0], lineNo, checker.check(cells)));
                    if (current.get(0).size() == properties.checkChunk()) {
                        timings.reading += System.nanoTime() - busySince[0];
                        hand(chunks, current.get(0));
                        busySince[0] = System.nanoTime();
                        current.set(0, new ArrayList<>(properties.checkChunk()));
                    }
                    return true;
                });
        timings.reading += System.nanoTime() - busySince[0];
        if (!current.get(0).isEmpty()) {
            chunks.put(current.get(0));
        }
        chunks.put(END_OF_FILE);
        return seq[0];
    }

    private static void hand(BlockingQueue<List<Staged>> chunks, List<Staged> chunk) {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** The next chunk from the reader; its failure (an unreadable file, too many rows) is rethrown here. */
    private static List<Staged> next(BlockingQueue<List<Staged>> chunks, Future<Integer> reading) {
        try {
            while (true) {
                List<Staged> chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                if (reading.isDone() && chunks.isEmpty()) {
                    reading.get();
                    throw new IllegalStateException("The reader ended without marking the end of the file");
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Reading the file failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private Staged stage(int seq, int lineNo, Checked row) {
        List<String> errors = row.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
        String idHash = row.document() == null ? null
                : cipher.documentHash(row.document().type(), row.document().number());
        if (!row.valid()) {
            return new Staged(seq, lineNo, "ERROR", errors, null, null, null, null, null, idHash, null, null, null,
                    null, null, null, null, null, null, null, null);
        }
        return new Staged(seq, lineNo, "CREATE", List.of(), row.union().unionId(), row.union().unionPath(), null,
                row.name(), row.document().type(), idHash, cipher.encrypt(row.document().number()),
                row.document().masked(), cipher.encrypt(row.phone()),
                MemberRules.maskMobile(row.phone()), row.sexCode(),
                row.document().birthDate(), row.education(), row.employmentStatus(), row.skillGrade(),
                row.residence(), row.nonBeijingWorker());
    }

    /** Decides create, update, skip or "member elsewhere" against the active members, then copies the chunk. */
    private void flush(Connection connection, StagingCopy copy, List<Staged> chunk, Timings timings) {
        long looking = System.nanoTime();
        String[] hashes = chunk.stream().filter(r -> !"ERROR".equals(r.action())).map(Staged::idHash)
                .toArray(String[]::new);
        Map<String, Existing> existing = new HashMap<>();
        if (hashes.length > 0) {
            imports.existing(hashes).forEach(e -> existing.put(e.idHash(), e));
        }
        List<Staged> decided = new ArrayList<>(chunk.size());
        for (Staged row : chunk) {
            Existing member = "ERROR".equals(row.action()) ? null : existing.get(row.idHash());
            if (member == null) {
                decided.add(row);
            } else if (member.unionId() != row.unionId()) {
                decided.add(row.decided("ERROR", null, List.of("idNumber:MEMBER_OF_ANOTHER_UNION")));
            } else {
                decided.add(row.decided(identical(row, member) ? "SKIP" : "UPDATE", member.id(), List.of()));
            }
        }
        long copying = System.nanoTime();
        timings.lookups += copying - looking;
        try {
            copy.copy(connection, decided);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into member_import_row failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        timings.copying += System.nanoTime() - copying;
    }

    /** Nothing the file gives differs from the member's record (an empty cell keeps what the member has). */
    private boolean identical(Staged row, Existing member) {
        return row.name().equals(member.name()) && row.idType().equals(member.idType())
                && same(row.sexCode(), member.sexCode()) && same(row.birthDate(), member.birthDate())
                && same(row.education(), member.education())
                && same(row.employmentStatus(), member.employmentStatus())
                && same(row.skillGrade(), member.skillGrade()) && same(row.residence(), member.residence())
                && same(row.nonBeijingWorker(), member.nonBeijingWorker())
                && cipher.decrypt(row.phoneEnc()).equals(cipher.decrypt(member.phoneEnc()));
    }

    private static boolean same(Object fromFile, Object onRecord) {
        return fromFile == null || Objects.equals(fromFile, onRecord);
    }

    Map<ImportField, Integer> mapping(String mappingJson) {
        try {
            Map<String, Integer> byKey = json.readValue(mappingJson, new TypeReference<Map<String, Integer>>() {
            });
            Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
            byKey.forEach((key, column) -> {
                ImportField field = ImportField.ofKey(key);
                if (field != null && column != null) {
                    mapping.put(field, column);
                }
            });
            return mapping;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored mapping is not JSON", e);
        }
    }

    /**
     * The union a row names — its id, its credit code or its exact name — or the import's own union for an empty
     * cell; it must be in the importer's scope, hold members (grassroots or joint union) and be active. Answers are
     * remembered per text for the run.
     */
    private final class ScopedUnions implements RowChecker.Unions {

        private final ImportRow job;
        private final OrgScope scope;
        private final Map<String, UnionChoice> seen = new HashMap<>();

        ScopedUnions(ImportRow job) {
            this.job = job;
            this.scope = new OrgScope(job.scopeOrgId());
        }

        @Override
        public UnionChoice resolve(String text) {
            String key = text == null ? "" : text;
            UnionChoice known = seen.get(key);
            if (known != null) {
                return known;
            }
            UnionChoice choice = text == null ? allowed(tree.find(job.unionId()).orElse(null)) : lookUp(text);
            if (seen.size() < UNION_CACHE_MAX) {
                seen.put(key, choice);
            }
            return choice;
        }

        private UnionChoice lookUp(String text) {
            if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
                return tree.covers(scope, Long.parseLong(text)) ? allowed(tree.find(Long.parseLong(text)).orElse(null))
                        : UnionChoice.refused("NOT_FOUND");
            }
            List<OrgUnit> matches = tree.search(scope, text, null, null).stream()
                    .filter(u -> u.name().equals(text) || text.equalsIgnoreCase(u.creditCode()))
                    .toList();
            if (matches.size() > 1) {
                return UnionChoice.refused("AMBIGUOUS_UNION");
            }
            return matches.isEmpty() ? UnionChoice.refused("NOT_FOUND") : allowed(matches.get(0));
        }

        private UnionChoice allowed(OrgUnit union) {
            if (union == null) {
                return UnionChoice.refused("NOT_FOUND");
            }
            if (!union.kind().holdsMembers()) {
                return UnionChoice.refused("NOT_A_GRASSROOTS_UNION");
            }
            if (!union.isActive()) {
                return UnionChoice.refused("ALREADY_CLOSED");
            }
            return UnionChoice.of(union.id(), union.path());
        }
    }

    // ---- commit ----------------------------------------------------------------------------------------------------

    /** Commits the next batch of a committing job; false when there is nothing left to do. */
    private boolean commitBatch(long id, long[] inserting) {
        Optional<ImportRow> locked = imports.lockCommitting(id);
        if (locked.isEmpty()) {
            return false;
        }
        ImportRow job = locked.get();
        int from = job.committedRows();
        int total = job.totalRows();
        int to = Math.min(from + properties.batchSize(), total);
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> planned = imports.batchCounts(id, from, to);
        long insertStarted = System.nanoTime();
        List<UnionCount> created = imports.createMembers(id, from, to, today, job.commitRequestedBy());
        inserting[0] += System.nanoTime() - insertStarted;
        int createdCount = created.stream().mapToInt(UnionCount::count).sum();
        int failed = planned.getOrDefault("ERROR", 0);
        if (createdCount < planned.getOrDefault("CREATE", 0)) {
            failed += imports.markTakenMeanwhile(id, from, to);
        }
        List<Integer> updated = planned.getOrDefault("UPDATE", 0) == 0 ? List.of()
                : imports.updateMembers(id, from, to, job.commitRequestedBy());
        if (updated.size() < planned.getOrDefault("UPDATE", 0)) {
            failed += imports.markChangedMeanwhile(id, from, to, updated);
        }
        created.forEach(c -> events.publishEvent(new MembersImported(c.unionId(), c.unionPath(), c.count(), today)));
        imports.advance(id, to, createdCount, updated.size(), planned.getOrDefault("SKIP", 0), failed,
                clock.instant());
        return to < total;
    }

    private static boolean tryLock(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setInt(2, (int) id);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken already; the pool drops it
            }
        }
    }

    /** The file has more data rows than {@code maxRows}. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super("Too many rows", null, false, false);
        }
    }

    /** The file has a header row and nothing else. */
    private static final class NoRows extends RuntimeException {
        NoRows() {
            super("No data rows", null, false, false);
        }
    }
}
