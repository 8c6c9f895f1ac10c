package io.openta.verify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteTextTest {
    @Test
    void cutNeverSplitsATwoByteCharacter() {
        String s = ReturnTexts.bytes("a成功");   // 1 + 2 + 2 bytes
        assertEquals(5, s.length());
        assertEquals(s, ByteText.cut(s, 5));
        assertEquals(s.substring(0, 3), ByteText.cut(s, 4));
        assertEquals(s.substring(0, 3), ByteText.cut(s, 3));
        assertEquals("a", ByteText.cut(s, 2));
        assertEquals("a", ByteText.cut(s, 1));
        assertEquals("", ByteText.cut(s, 0));
        // a byte that is no lead byte counts alone
        assertEquals("\u0080\u0080", ByteText.cut("\u0080\u0080\u0080", 2));
    }

    @Test
    void fieldPadsAndCuts() {
        assertEquals("ab  ", ByteText.field("ab", 4));
        assertEquals("abcd", ByteText.field("abcdef", 4));
        assertEquals("ab", ByteText.rtrim("ab  "));
        assertEquals(" ab", ByteText.rtrim(" ab "));
    }

    @Test
    void serialsAreAsciiLettersAndDigits() {
        assertTrue(ByteText.lettersAndDigits("A01b9"));
        assertTrue(ByteText.lettersAndDigits("0001   "));
        assertFalse(ByteText.lettersAndDigits(""));
        assertFalse(ByteText.lettersAndDigits("   "));
        assertFalse(ByteText.lettersAndDigits(" 1"));
        assertFalse(ByteText.lettersAndDigits("1-2"));
        assertFalse(ByteText.lettersAndDigits(ReturnTexts.bytes("成")));
        assertFalse(ByteText.lettersAndDigits(null));
    }
}
