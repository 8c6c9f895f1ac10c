package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ReturnCodeTextsTest {

    @Test
    void textsAreGbkByteStrings() {
        assertEquals(Gbk.bytes("成功"), ReturnCodeTexts.text("0000"));
        assertEquals("成功", Gbk.decode(ReturnCodeTexts.text("0000")));
        assertEquals("", ReturnCodeTexts.text("XXXX"));
        assertEquals("", ReturnCodeTexts.text(null));
        assertTrue(ReturnCodeTexts.known("0001"));
        assertTrue(ReturnCodeTexts.all().size() > 500);
        for (String t : ReturnCodeTexts.all().values()) {
            assertTrue(Gbk.isValid(t), t);
            String cut = Gbk.cut(t, 60);
            assertTrue(cut.length() <= 60);
            assertTrue(Gbk.isValid(cut), "cut keeps whole characters");
        }
    }
}
