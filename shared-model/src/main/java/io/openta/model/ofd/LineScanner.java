package io.openta.model.ofd;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Buffered line splitter over raw bytes (spec 1.1): a line ends at LF; a CR right before the LF (or right
 * before the end of the file) belongs to the terminator. A final terminator does not open an extra empty line.
 * In strict mode the first byte outside 0x20-0x7E, CR and LF stops the scan and is reported.
 *
 * <p>For every line it knows the raw length (without terminator), the length with trailing spaces removed,
 * and keeps at most {@code maxKeep} bytes of its content.
 */
final class LineScanner implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final boolean strict;
    private final int maxKeep;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    private long bufStart;     // file offset of buf[0]
    private boolean done;

    private byte[] line = new byte[256];
    private int kept;
    private int length;
    private int trimmed;
    private long lineNo;

    private long badOffset = -1;
    private int badByte;
    private long badLine;
    private long badColumn;

    LineScanner(InputStream in, boolean strict, int maxKeep) {
        this.in = in;
        this.strict = strict;
        this.maxKeep = maxKeep;
    }

    private boolean fill() throws IOException {
        bufStart += end;
        pos = 0;
        end = 0;
        int n;
        while ((n = in.read(buf, 0, BUFFER)) == 0) {
            // keep reading
        }
        if (n < 0) {
            return false;
        }
        end = n;
        return true;
    }

    /** Advances to the next line; false at the end of the file or (strict) at a bad byte. */
    boolean next() throws IOException {
        if (done) {
            return false;
        }
        length = 0;
        kept = 0;
        int ns = 0;       // raw length up to and including the last non-space byte
        int prevNs = 0;   // the value ns had before its last update
        byte last = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                done = true;
                if (!any) {
                    return false;
                }
                lineNo++;
                finish(ns, prevNs, last);
                return true;
            }
            any = true;
            final byte[] b = buf;
            final int start = pos;
            final int e = end;
            final int base = length - start + 1;
            int i = start;
            for (; i < e; i++) {
                byte c = b[i];
                if (c == '\n') {
                    break;
                }
                if (c != ' ') {
                    if (strict && ((c < 0x20 && c != '\r') || c > 0x7E)) {
                        badOffset = bufStart + i;
                        badByte = c & 0xFF;
                        badLine = lineNo + 1;
                        badColumn = length + (i - start) + 1L;
                        done = true;
                        return false;
                    }
                    prevNs = ns;
                    ns = base + i;
                }
            }
            int n = i - start;
            if (n > 0) {
                keep(b, start, n);
                length += n;
                last = b[i - 1];
            }
            if (i < e) {
                pos = i + 1;
                lineNo++;
                finish(ns, prevNs, last);
                return true;
            }
            pos = e;
        }
    }

    private void finish(int ns, int prevNs, byte last) {
        if (length > 0 && last == '\r') {
            length--;
            trimmed = prevNs;
            if (kept > length) {
                kept = length;
            }
        } else {
            trimmed = ns;
        }
    }

    private void keep(byte[] b, int from, int n) {
        int room = maxKeep - kept;
        if (room <= 0) {
            return;
        }
        int k = Math.min(room, n);
        if (kept + k > line.length) {
            line = Arrays.copyOf(line, Math.max(kept + k, line.length * 2));
        }
        System.arraycopy(b, from, line, kept, k);
        kept += k;
    }

    long lineNo() {
        return lineNo;
    }

    /** Raw length of the current line, without its terminator. */
    int length() {
        return length;
    }

    /** Length of the current line without trailing spaces. */
    int trimmedLength() {
        return trimmed;
    }

    /** The whole current line (requires it to be fully kept). */
    String lineString() {
        if (kept != length) {
            throw new IllegalStateException("line " + lineNo + " is longer than " + maxKeep);
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The current line without trailing spaces; if it is longer than what is kept, the kept prefix followed by
     * "..." (longer than any value it could be compared with).
     */
    String trimmedString() {
        if (trimmed <= kept) {
            return new String(line, 0, trimmed, StandardCharsets.ISO_8859_1);
        }
        return new String(line, 0, kept, StandardCharsets.ISO_8859_1) + "...";
    }

    /** True when the current line without trailing spaces is exactly {@code s} (ASCII). */
    boolean trimmedEquals(String s) {
        int n = s.length();
        if (trimmed != n || kept < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (line[i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean encodingError() {
        return badOffset >= 0;
    }

    String encodingDetail() {
        return String.format("line %d column %d: byte 0x%02X (file offset %d) is not printable ASCII, CR or LF",
                badLine, badColumn, badByte, badOffset);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
