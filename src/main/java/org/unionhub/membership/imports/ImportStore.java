package org.unionhub.membership.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * The uploaded file, kept in the database encrypted (AES-GCM, a fresh nonce per chunk of 1 MiB): it holds document
 * numbers and phones in clear. Read back as a stream that decrypts one chunk at a time.
 */
@Component
class ImportStore {

    static final int CHUNK_BYTES = 1 << 20;

    private final ImportRepository imports;
    private final PersonalDataCipher cipher;

    ImportStore(ImportRepository imports, PersonalDataCipher cipher) {
        this.imports = imports;
        this.cipher = cipher;
    }

    void store(long importId, ImportFiles.Source source) {
        try (InputStream in = source.open()) {
            byte[] buffer = new byte[CHUNK_BYTES];
            int seq = 0;
            int filled;
            while ((filled = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                imports.storeChunk(importId, seq++, cipher.encrypt(Arrays.copyOf(buffer, filled)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportFiles.Source source(long importId) {
        return () -> new ChunkStream(importId);
    }

    private final class ChunkStream extends InputStream {

        private final long importId;
        private int nextSeq;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(long importId) {
            this.importId = importId;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                var next = imports.chunk(importId, nextSeq++);
                if (next.isEmpty()) {
                    ended = true;
                    return -1;
                }
                current = cipher.decryptBytes(next.get());
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
