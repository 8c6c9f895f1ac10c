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
 * Streaming exact writer of one data file in version 21 (spec 1.2, 1.6), as the golden outputs are written:
 * {@code OFDCFDAT}, {@code "21  "}, sender and receiver padded with spaces to 9, the date, {@code 999}, the type
 * code, two lines of 8 spaces, the field count in 3 digits, the field names, the record count in 8 digits, the
 * records, {@code OFDCFEND}; CRLF after every line. The batch is not part of the header: it is only in the file
 * name ({@link #create(Path, OfdFileName)}).
 *
 * <p>Records are byte strings (see the package documentation) written with ISO-8859-1, so GBK bytes pass
 * unchanged. Records stream without knowing their count first: the count line is written as a placeholder and
 * patched in place by {@link #close()}. Output is buffered (64 KiB). Not thread-safe. If writing fails the file
 * is left incomplete; the caller should delete it.
 */
public final class OfdFileWriter implements Closeable {

    private static final int BUFFER = 64 * 1024;
    private static final long MAX_COUNT = 99_999_999L;
    private static final String SPACES = "         ";

    private final FileChannel channel;
    private final FileType type;
    private final List<FieldDef> fields;
    private final int width;
    private final byte[] buf = new byte[BUFFER];
    private final ByteBuffer bb = ByteBuffer.wrap(buf);
    private int pos;
    private long written;      // bytes handed to the channel so far
    private long countOffset;  // file offset of the 8-digit record count
    private long count;
    private boolean closed;

    private OfdFileWriter(FileChannel channel, FileType type, List<FieldDef> fields) {
        this.channel = channel;
        this.type = type;
        this.fields = fields;
        int w = 0;
        for (FieldDef f : fields) {
            w += f.width();
        }
        this.width = w;
    }

    /**
     * Creates (or truncates) {@code file} with the standard layout of an output type (02, 04, 05, 06) and writes
     * the header and a record-count placeholder.
     *
     * @throws IllegalArgumentException if sender or receiver is not 1-9 characters of {@code 0-9 A-Z}, date is
     *                                  not a valid YYYYMMDD date or the type has no standard layout
     */
    public static OfdFileWriter create(Path file, String sender, String receiver, String date, FileType type)
            throws IOException {
        Objects.requireNonNull(type, "type");
        if (type.layout().isEmpty()) {
            throw new IllegalArgumentException("type " + type.code() + " has no standard layout");
        }
        return create(file, sender, receiver, date, type, type.layout());
    }

    /**
     * As {@link #create(Path, String, String, String, FileType)} but with an explicit field list, for any type
     * (e.g. input files made by tests or generators). The header still says version 21, so the definitions
     * should be those of {@link FieldDictionary#v21()}.
     */
    public static OfdFileWriter create(Path file, String sender, String receiver, String date, FileType type,
                                       List<FieldDef> fields) throws IOException {
        checkCode("sender", sender);
        checkCode("receiver", receiver);
        if (!OfdFileName.validDate(date)) {
            throw new IllegalArgumentException("date is not a valid YYYYMMDD date: " + date);
        }
        Objects.requireNonNull(type, "type");
        List<FieldDef> fl = List.copyOf(fields);
        if (fl.size() > 999) {
            throw new IllegalArgumentException("more than 999 fields");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OfdFileWriter w = new OfdFileWriter(ch, type, fl);
        try {
            w.writeHeader(sender, receiver, date);
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

    /**
     * Creates {@code dir/name.fileName()} for that name's sender, receiver, date and type (standard layout); the
     * batch is only in the name.
     *
     * @throws IllegalArgumentException if the name's type is unknown or has no standard layout
     */
    public static OfdFileWriter create(Path dir, OfdFileName name) throws IOException {
        FileType t = name.fileType().orElseThrow(
                () -> new IllegalArgumentException("unknown type " + name.typeCode() + " in " + name));
        return create(dir.resolve(name.fileName()), name.sender(), name.receiver(), name.date(), t);
    }

    private static void checkCode(String what, String code) {
        if (!OfdFileName.validCode(code)) {
            throw new IllegalArgumentException(what + " must be 1-9 characters of 0-9 A-Z: " + code);
        }
    }

    private void writeHeader(String sender, String receiver, String date) throws IOException {
        line("OFDCFDAT");
        line("21  ");
        line(pad9(sender));
        line(pad9(receiver));
        line(date);
        line("999");
        line(type.code());
        line("        ");
        line("        ");
        line(String.format("%03d", fields.size()));
        for (FieldDef f : fields) {
            line(f.name());
        }
        countOffset = written + pos;
        line("00000000");
    }

    static String pad9(String code) {
        return code + SPACES.substring(code.length());
    }

    /** Writes a line of chars 0x00-0xFF (already checked) and CRLF. */
    private void line(String s) throws IOException {
        int n = s.length();
        if (BUFFER - pos < n + 2) {
            flush();
            if (n + 2 > BUFFER) {
                byte[] big = new byte[n + 2];
                for (int i = 0; i < n; i++) {
                    big[i] = (byte) s.charAt(i);
                }
                big[n] = '\r';
                big[n + 1] = '\n';
                ByteBuffer b = ByteBuffer.wrap(big);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                written += big.length;
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        buf[pos++] = '\r';
        buf[pos++] = '\n';
    }

    /**
     * Writes one record (a byte string) followed by CRLF.
     *
     * @throws IllegalArgumentException if its length is not the record width, or it holds CR, LF or a char
     *                                  above 0xFF
     */
    public void write(String byteStringLine) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        int n = byteStringLine.length();
        if (n != width) {
            throw new IllegalArgumentException("record length " + n + ", expected " + width + " for type "
                    + type.code());
        }
        if (count >= MAX_COUNT) {
            throw new IllegalStateException("more than " + MAX_COUNT + " records");
        }
        for (int i = 0; i < n; i++) {
            char c = byteStringLine.charAt(i);
            if (c > 0xFF || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("record " + (count + 1) + ": char 0x"
                        + Integer.toHexString(c) + " at column " + (i + 1) + " is not allowed");
            }
        }
        line(byteStringLine);
        count++;
    }

    /**
     * Writes the builder's record followed by CRLF: the bytes of {@code write(record.build())}, copied straight from
     * the builder (no String made, no second check of the chars, which the builder's setters made), for writers of
     * millions of records.
     *
     * @throws IllegalArgumentException if the builder's record width is not this file's
     */
    public void write(OfdRecordBuilder record) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        int n = record.width();
        if (n != width) {
            throw new IllegalArgumentException("record length " + n + ", expected " + width + " for type "
                    + type.code());
        }
        if (count >= MAX_COUNT) {
            throw new IllegalStateException("more than " + MAX_COUNT + " records");
        }
        if (BUFFER - pos < n + 2) {
            flush();
            if (n + 2 > BUFFER) {
                line(record.build());
                count++;
                return;
            }
        }
        record.copyBytes(buf, pos);
        pos += n;
        buf[pos++] = '\r';
        buf[pos++] = '\n';
        count++;
    }

    /** Records written so far. */
    public long count() {
        return count;
    }

    public FileType type() {
        return type;
    }

    /** The fields of the file, in order. */
    public List<FieldDef> fields() {
        return fields;
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
            line("OFDCFEND");
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
