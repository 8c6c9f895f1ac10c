package io.openta.model.ofd;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Buffered line splitter over raw bytes (spec 1.1): a line ends at LF; a CR right before the LF (or right
 * before the end of the file) belongs to the terminator. A final terminator does not open an extra empty line.
 *
 * <p>Modes: {@link Mode#LAX} only splits; {@link Mode#GBK} also checks the GBK byte rules of spec 1.1 (a
 * two-byte character never spans a line end); {@link Mode#STRICT} in addition refuses bytes below 0x20 other
 * than CR and LF. The first bad byte stops the scan ({@link #next()} returns false) and is reported by
 * {@link #encodingError()} / {@link #encodingDetail()}. In GBK and STRICT modes, with
 * {@link #boundaries(boolean[])} set, it also notes the first column of the current line that falls between
 * the two bytes of a character ({@link #crossing()}).
 *
 * <p>For every line it knows the raw length (without terminator), the length with trailing spaces removed, and
 * keeps at most {@code maxKeep} bytes of its content (changeable between lines).
 */
final class LineScanner implements Closeable {

    enum Mode { LAX, GBK, STRICT }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final Mode mode;
    private int maxKeep;
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

    private boolean[] bnd;     // bnd[k]: a field starts at column k (0-based)
    private int cross;         // first column inside a two-byte character, or -1

    // a lead byte waiting for its trail byte (may span buffer refills)
    private boolean leadPending;
    private int leadByte;
    private int leadCol;
    private long leadOffset;

    private long badOffset = -1;
    private int badByte;
    private long badLine;
    private long badColumn;
    private String badWhat;

    LineScanner(InputStream in, Mode mode, int maxKeep) {
        this.in = in;
        this.mode = mode;
        this.maxKeep = maxKeep;
    }

    /** How many bytes of the following lines to keep. */
    void maxKeep(int n) {
        this.maxKeep = n;
    }

    /** Field start columns for {@link #crossing()} of the following lines (null: none). */
    void boundaries(boolean[] b) {
        this.bnd = b;
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

    /** Advances to the next line; false at the end of the file or at a bad byte (GBK, STRICT). */
    boolean next() throws IOException {
        if (done) {
            return false;
        }
        length = 0;
        kept = 0;
        cross = -1;
        int ns = 0;       // raw length up to and including the last non-space byte
        int prevNs = 0;   // the value ns had before its last update
        byte last = 0;
        boolean any = false;
        final boolean check = mode != Mode.LAX;
        final boolean controls = mode == Mode.STRICT;
        while (true) {
            if (pos == end && !fill()) {
                done = true;
                if (!any) {
                    return false;
                }
                if (leadPending) {
                    return bad(leadOffset, leadByte, lineNo + 1, leadCol,
                            "lead byte 0x%02X at the end of the file, without a second byte");
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
            if (!check) {
                for (; i < e; i++) {
                    byte c = b[i];
                    if (c == '\n') {
                        break;
                    }
                    if (c != ' ') {
                        prevNs = ns;
                        ns = base + i;
                    }
                }
            } else {
                for (; i < e; i++) {
                    int c = b[i] & 0xFF;
                    if (leadPending) {
                        if (Gbk.isTrail(c)) {
                            leadPending = false;
                            int l = leadCol + 1;
                            if (bnd != null && cross < 0 && l < bnd.length && bnd[l]) {
                                cross = l;
                            }
                            prevNs = ns;
                            ns = base + i;
                            continue;
                        }
                        return bad(leadOffset, leadByte, lineNo + 1, leadCol, c == '\n' || c == '\r'
                                ? "lead byte 0x%02X at the end of the line, without a second byte"
                                : "lead byte 0x%02X followed by 0x" + String.format("%02X", c)
                                        + ", not a valid second byte");
                    }
                    if (c == '\n') {
                        break;
                    }
                    if (c >= 0x80) {
                        if (!Gbk.isLead(c)) {
                            return bad(bufStart + i, c, lineNo + 1, length + (i - start),
                                    "byte 0x%02X is not valid GBK");
                        }
                        leadPending = true;
                        leadByte = c;
                        leadCol = length + (i - start);
                        leadOffset = bufStart + i;
                    } else if (c < 0x20 && controls && c != '\r') {
                        return bad(bufStart + i, c, lineNo + 1, length + (i - start),
                                "control character 0x%02X");
                    }
                    if (c != ' ') {
                        prevNs = ns;
                        ns = base + i;
                    }
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

    private boolean bad(long offset, int b, long ln, long col0, String what) {
        badOffset = offset;
        badByte = b;
        badLine = ln;
        badColumn = col0 + 1;
        badWhat = what;
        done = true;
        return false;
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

    /** Raw length of the current line in bytes, without its terminator. */
    int length() {
        return length;
    }

    /** Length of the current line without trailing spaces. */
    int trimmedLength() {
        return trimmed;
    }

    /** The first column (0-based) of the current line inside a two-byte character at a boundary, or -1. */
    int crossing() {
        return cross;
    }

    /** The whole current line as a byte string (requires it to be fully kept). */
    String lineString() {
        if (kept != length) {
            throw new IllegalStateException("line " + lineNo + " is longer than " + maxKeep);
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The current line without trailing spaces, as a byte string; if it is longer than what is kept, the kept
     * prefix followed by "..." (so it equals no value it could be compared with, and is not digits).
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

    /** E.g. {@code line 8 column 9: byte 0xFF is not valid GBK (file offset 123)}. */
    String encodingDetail() {
        return String.format("line %d column %d: ", badLine, badColumn) + String.format(badWhat, badByte)
                + " (file offset " + badOffset + ")";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
