package org.relais.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupCharactersBecomeCharacterReferences() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
        assertEquals("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", Html.escape("\"><img src=x onerror=alert(1)>"));
        assertEquals("&#39; onmouseover=&#39;x", Html.escape("' onmouseover='x"));
    }

    @Test
    void anAmpersandIsEscapedEvenWhenItAlreadyLooksLikeAReference() {
        assertEquals("&amp;amp; &amp;lt; &amp;#60;", Html.escape("&amp; &lt; &#60;"),
                "data that looks escaped is still data: it must show as typed");
    }

    @Test
    void plainTextIsReturnedAsIs() {
        String s = "Élan démocrate — #Présidentielle2027 'quoted";
        assertEquals("Élan démocrate — #Présidentielle2027 &#39;quoted", Html.escape(s));
        String plain = "ArmandDelcourt";
        assertSame(plain, Html.escape(plain), "nothing to escape, no copy");
    }

    @Test
    void controlCharactersHtmlForbidsAreReplaced() {
        assertEquals("a\uFFFDb\uFFFDc\td\ne", Html.escape("a\u0000b\u0085c\td\ne"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", Html.escape(null));
    }
}
