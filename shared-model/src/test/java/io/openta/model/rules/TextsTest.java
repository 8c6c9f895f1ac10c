package io.openta.model.rules;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    @Test
    void rtrimRemovesOnlyTrailingSpaces() {
        assertEquals("  12", Texts.rtrim("  12   "));
        assertEquals("", Texts.rtrim("    "));
        assertEquals("a b", Texts.rtrim("a b"));
    }

    @Test
    void digitsMeansNonEmptyDigitsOnlyPaddingAside() {
        assertTrue(Texts.digits("1"));
        assertTrue(Texts.digits("01"));
        assertTrue(Texts.digits("1234                    "));
        assertFalse(Texts.digits(""));
        assertFalse(Texts.digits("      "));
        assertFalse(Texts.digits("12A"));
        assertFalse(Texts.digits(" 12"), "a leading space is not padding of a left-aligned field");
        assertFalse(Texts.digits("1 2"));
        assertFalse(Texts.digits("-1"));
        assertFalse(Texts.digits("1.5"));
    }

    @Test
    void blank() {
        assertTrue(Texts.blank(""));
        assertTrue(Texts.blank("            "));
        assertFalse(Texts.blank("  1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261201", "20280229", "20270228", "20271231", "00010101", "20261201  "})
    void validDates(String text) {
        assertTrue(Texts.validDate(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20270229", "20270230", "20261301", "20261200", "20260431", "2026120", "202612011",
            "2026120A", "", "        ", " 20261201", "2026-1-1"})
    void invalidDates(String text) {
        assertFalse(Texts.validDate(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "093000", "235959", "120000"})
    void validTimes(String text) {
        assertTrue(Texts.validTime(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"240000", "126000", "235960", "0930", "09300", "0930000", "09300A", "      ", "",
            " 93000", "-93000"})
    void invalidTimes(String text) {
        assertFalse(Texts.validTime(text), text);
    }
}
