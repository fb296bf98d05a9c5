package org.relais.analytics.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GmlReaderTest {

    @Test
    void readsNodesEdgesAndLabelsExactly() {
        GmlReader.Graph g = GmlReader.parse("""
                Creator "someone on a Tuesday"
                graph [
                  multigraph 1
                  directed 1
                  node [ id 7 label "a.com/x?y=1&z=2" value 0 ]
                  node [
                    id 9
                    label "trailing.blogspot.com "
                    value 1
                    source "Blogarama,BlogCatalog"
                  ]
                  edge [ source 7 target 9 ]
                  edge [ source 9 target 9 weight 2.5 ]
                ]
                """);
        assertTrue(g.directed());
        assertTrue(g.multigraph());
        assertEquals(2, g.nodes().size());
        assertEquals("a.com/x?y=1&z=2", g.nodes().get(0).label());
        assertEquals("trailing.blogspot.com ", g.nodes().get(1).label());
        assertEquals(1L, g.nodes().get(1).attributes().get("value"));
        assertEquals(new GmlReader.Edge(7, 9, Map.of("source", 7L, "target", 9L)), g.edges().get(0));
        assertEquals(2.5, g.edges().get(1).attributes().get("weight"));
    }

    @Test
    void undirectedByDefaultAndErrorsNameTheLine() {
        assertFalse(GmlReader.parse("graph [ node [ id 1 ] ]").directed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GmlReader.parse("graph [\n node [ id 1 label \"open ]\n]"));
        assertEquals("GML line 2: unterminated string", e.getMessage());
    }
}
