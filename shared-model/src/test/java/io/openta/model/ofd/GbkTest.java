package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GbkTest {

    private static byte[] b(int... v) {
        byte[] r = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (byte) v[i];
        }
        return r;
    }

    private static boolean valid(int... v) {
        byte[] x = b(v);
        return Gbk.isValid(x, 0, x.length);
    }

    @Test
    void byteRulesOfSpec11() {
        assertTrue(valid());
        assertTrue(valid(0x00, 0x1F, 0x41, 0x7F));
        assertTrue(valid(0xD6, 0xD0, 0xCE, 0xC4));          // 中文
        assertTrue(valid(0x81, 0x40), "lowest lead and trail");
        assertTrue(valid(0xFE, 0xFE), "highest lead and trail");
        assertTrue(valid(0x81, 0x7E));
        assertTrue(valid(0x81, 0x80));
        assertFalse(valid(0x80), "0x80 is not a character");
        assertFalse(valid(0xFF), "0xFF is not a character");
        assertFalse(valid(0x41, 0xD6), "lone lead byte at the end");
        assertFalse(valid(0xD6, 0x20), "space is not a trail byte");
        assertFalse(valid(0xD6, 0x7F), "0x7F is not a trail byte");
        assertFalse(valid(0xD6, 0xFF), "0xFF is not a trail byte");
        assertFalse(valid(0xD6, 0x0D, 0x0A), "lead byte at the end of a line");
        assertFalse(valid(0xD6, 0x3F), "0x3F is below the trail range");
    }

    @Test
    void isValidHonoursOffsetAndLength() {
        byte[] x = b(0xFF, 0xD6, 0xD0, 0xFF);
        assertTrue(Gbk.isValid(x, 1, 2));
        assertFalse(Gbk.isValid(x, 1, 1), "the trail byte is outside the range");
        assertFalse(Gbk.isValid(x, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Gbk.isValid(x, 3, 2));
    }

    @Test
    void bytesAndDecode() {
        String bs = Gbk.bytes("中文A");
        assertEquals(5, bs.length());
        assertEquals("\u00D6\u00D0\u00CE\u00C4A", bs);
        assertEquals("中文A", Gbk.decode(bs));
        assertTrue(Gbk.isValid(bs));
        assertFalse(Gbk.isValid("\u0100"), "not a byte string");
        assertArrayEquals("中文A".getBytes(Gbk.CHARSET), bs.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void cutNeverSplitsATwoByteCharacter() {
        String bs = Gbk.bytes("AB中文C");              // A B [D6 D0] [CE C4] C = 7 bytes
        assertEquals(bs, Gbk.cut(bs, 7));
        assertSame(bs, Gbk.cut(bs, 10));
        assertEquals(Gbk.bytes("AB中文"), Gbk.cut(bs, 6));
        assertEquals(Gbk.bytes("AB中"), Gbk.cut(bs, 5), "5 would end inside 文");
        assertEquals(Gbk.bytes("AB中"), Gbk.cut(bs, 4));
        assertEquals("AB", Gbk.cut(bs, 3), "3 would end inside 中");
        assertEquals("", Gbk.cut(bs, 0));
        assertThrows(IllegalArgumentException.class, () -> Gbk.cut(bs, -1));
        // invalid bytes count as one-byte characters
        assertEquals("\u00FF\u00D6", Gbk.cut("\u00FF\u00D6 x", 2), "a lead byte followed by space is alone");
    }

    @Test
    void cutWalksFromTheStart() {
        // D6 D0 D6 D0: from the start the pairs are (D6 D0)(D6 D0), so 3 gives 2 bytes, not 3
        String bs = "\u00D6\u00D0\u00D6\u00D0";
        assertEquals(2, Gbk.cut(bs, 3).length());
        // A D6 D0 D6 20: (A)(D6 D0)(D6 alone: a space is no trail byte)(20)
        assertEquals(4, Gbk.cut("A\u00D6\u00D0\u00D6 x", 4).length());
        // A D6 D0 D6 78: (A)(D6 D0)(D6 78), 'x' is a trail byte
        assertEquals(3, Gbk.cut("A\u00D6\u00D0\u00D6xx", 4).length());
    }

    @Test
    void boundaryInsideChar() {
        String bs = Gbk.bytes("A中B");                 // A [D6 D0] B
        assertFalse(Gbk.boundaryInsideChar(bs, 0));
        assertFalse(Gbk.boundaryInsideChar(bs, 1));
        assertTrue(Gbk.boundaryInsideChar(bs, 2));
        assertFalse(Gbk.boundaryInsideChar(bs, 3));
        assertFalse(Gbk.boundaryInsideChar(bs, 4));
        assertFalse(Gbk.boundaryInsideChar(bs, 9));
    }
}
