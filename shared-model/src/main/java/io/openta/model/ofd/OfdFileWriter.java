package io.openta.model.ofd;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Streaming exact writer of one exchange file (spec 1.2, 1.4): ASCII, CRLF after every line including the
 * trailer, the exact layout of the type. Records stream without knowing their count first: the count line is
 * written as a placeholder and patched in place by {@link #close()}. Output is buffered (64 KiB). Not
 * thread-safe. If writing fails the file is left incomplete; the caller should delete it.
 */
public final class OfdFileWriter implements Closeable {

    private static final int BUFFER = 64 * 1024;
    private static final long MAX_COUNT = 99_999_999L;

    private final FileChannel channel;
    private final FileType type;
    private final int width;
    private final byte[] buf = new byte[BUFFER];
    private final ByteBuffer bb = ByteBuffer.wrap(buf);
    private int pos;
    private long written;      // bytes handed to the channel so far
    private long countOffset;  // file offset of the 8-digit record count
    private long count;
    private boolean closed;

    private OfdFileWriter(FileChannel channel, FileType type) {
        this.channel = channel;
        this.type = type;
        this.width = type.recordWidth();
    }

    /**
     * Creates (or truncates) {@code file} and writes header lines 1-10, the field names of
     * {@code type.layout()} and a record-count placeholder.
     *
     * @throws IllegalArgumentException if sender or receiver is not 1-9 printable non-space ASCII characters,
     *                                  date is not a valid YYYYMMDD date or batch is not 3 digits
     */
    public static OfdFileWriter create(Path file, String sender, String receiver, String date, String batch,
                                       FileType type) throws IOException {
        checkCode("sender", sender);
        checkCode("receiver", receiver);
        if (!OfdFileName.validDate(date)) {
            throw new IllegalArgumentException("date is not a valid YYYYMMDD date: " + date);
        }
        if (batch == null || !batch.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("batch is not 3 digits: " + batch);
        }
        Objects.requireNonNull(type, "type");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OfdFileWriter w = new OfdFileWriter(ch, type);
        try {
            w.writeHeader(sender, receiver, date, batch);
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return w;
    }

    /** Creates {@code dir/name.fileName()} for that name's sender, receiver, date, batch and type. */
    public static OfdFileWriter create(Path dir, OfdFileName name) throws IOException {
        return create(dir.resolve(name.fileName()), name.sender(), name.receiver(), name.date(), name.batch(),
                name.type());
    }

    private static void checkCode(String what, String code) {
        if (code == null || code.isEmpty() || code.length() > 9) {
            throw new IllegalArgumentException(what + " must be 1-9 characters: " + code);
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c <= 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " must be printable ASCII without spaces: " + code);
            }
        }
    }

    private void writeHeader(String sender, String receiver, String date, String batch) throws IOException {
        List<FieldDef> layout = type.layout();
        ascii("OFDCFDAT");
        ascii("21");
        ascii(sender);
        ascii(receiver);
        ascii(date);
        ascii(batch);
        ascii(type.code());
        ascii("");
        ascii("");
        ascii(String.format("%03d", layout.size()));
        for (FieldDef f : layout) {
            ascii(f.name());
        }
        countOffset = written + pos;
        ascii("00000000");
    }

    private void ascii(String line) throws IOException {
        int n = line.length();
        if (BUFFER - pos < n + 2) {
            flush();
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) line.charAt(i);
        }
        buf[pos++] = '\r';
        buf[pos++] = '\n';
    }

    /**
     * Writes one record line followed by CRLF.
     *
     * @throws IllegalArgumentException if its length is not {@code type.recordWidth()} or it contains a
     *                                  character outside 0x20-0x7E
     */
    public void write(String recordLine) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        int n = recordLine.length();
        if (n != width) {
            throw new IllegalArgumentException("record length " + n + ", expected " + width + " for type "
                    + type.code());
        }
        if (count >= MAX_COUNT) {
            throw new IllegalStateException("more than " + MAX_COUNT + " records");
        }
        if (BUFFER - pos < n + 2) {
            flush();
        }
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = recordLine.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("record " + (count + 1) + ": character 0x"
                        + Integer.toHexString(c) + " at column " + (i + 1) + " is not printable ASCII");
            }
            buf[p++] = (byte) c;
        }
        buf[p++] = '\r';
        buf[p++] = '\n';
        pos = p;
        count++;
    }

    /** Records written so far. */
    public long count() {
        return count;
    }

    public FileType type() {
        return type;
    }

    private void flush() throws IOException {
        bb.clear().limit(pos);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        written += pos;
        pos = 0;
    }

    /** Writes {@code OFDCFEND}, patches the 8-digit record count in place and closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ascii("OFDCFEND");
            flush();
            byte[] digits = new byte[8];
            long c = count;
            for (int i = 7; i >= 0; i--) {
                digits[i] = (byte) ('0' + (int) (c % 10));
                c /= 10;
            }
            ByteBuffer patch = ByteBuffer.wrap(digits);
            long at = countOffset;
            while (patch.hasRemaining()) {
                at += channel.write(patch, at);
            }
        } finally {
            channel.close();
        }
    }
}
