package org.relais.ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void escapesWhatATerminalWouldObey() {
        assertEquals("\\u001b[2J\\u001b[31mPWNED\\u001b[0m", Printable.of("\u001b[2J\u001b[31mPWNED\u001b[0m"));
        assertEquals("ok\\u000a01:00:00 ERROR forged", Printable.of("ok\n01:00:00 ERROR forged"));
        assertEquals("a\\u000db\\u0009c\\u007fd\\u009be", Printable.of("a\rb\tc\u007fd\u009be"));
        assertEquals("x\\u2028y\\u202ez\\u2066w", Printable.of("x\u2028y\u202ez\u2066w"), "line separator, bidi override, isolate");
    }

    @Test
    void keepsTextAsItIsOtherwise() {
        String text = "Élue locale & militante 🐟 «\u00a0ok\u00a0» \u200d";
        assertSame(text, Printable.of(text));
        assertTrue(Printable.isSafe(text));
        assertFalse(Printable.isSafe("a\u001bb"));
        assertEquals("", Printable.of(""));
    }
}
