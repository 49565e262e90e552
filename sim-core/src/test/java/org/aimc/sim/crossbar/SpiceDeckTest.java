package org.aimc.sim.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpiceDeckTest {
    private static long count(String deck, String prefix) {
        return Arrays.stream(deck.split("\n")).filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void deckHasEveryElementOnce() {
        CrossbarSpec s = new CrossbarSpec(3, 4, "1T1R", 0.5, 0.7, 10, 20, 1500, 1e-7, 0.1);
        CrossbarCase c = Crossbars.random(s, 5);
        String deck = SpiceDeck.write(c);
        assertEquals(3, count(deck, "vin"));
        assertEquals(3, count(deck, "rd"));
        assertEquals(3 * 3, count(deck, "rw"));
        assertEquals(2 * 4, count(deck, "rb"));
        assertEquals(12, count(deck, "rc"));
        assertEquals(12, count(deck, "rt"));
        assertEquals(4, count(deck, "ro"));
        for (int j = 0; j < 4; j++) {
            assertTrue(deck.contains("\nvcol" + j + " s" + j + " 0 DC 0\n"), deck);
        }
        assertTrue(deck.contains("\n.op\n.end\n"));
        assertTrue(deck.contains("rc1_2 r1_2 m1_2 " + SpiceDeck.num(1 / c.crossbar().conductanceS(1, 2)) + "\n"));
    }

    @Test
    void zeroOhmElementsMergeNodesAndOpenLinesHaveNoTerminal() {
        CrossbarSpec s = new CrossbarSpec(2, 3, "1S1R", 0, 0.5, 0, 0, 0, 1e-7, 0.1);
        Crossbar xb = Crossbar.of(s, new double[] {1e-5, 2e-5, 0, 4e-5, 5e-5, 6e-5}).withOpenColumns(1);
        String deck = SpiceDeck.write(new CrossbarCase(xb, new double[] {1.0, 0.5}));
        assertTrue(deck.contains("\nvin0 r0 0 DC 1.0\n"), deck);
        assertEquals(0, count(deck, "rw"));
        assertEquals(5, count(deck, "bs"));
        assertTrue(deck.contains("\nbs1_2 m1_2 c1_2 I = 1.0e-7*sinh(V(m1_2,c1_2)/0.1)\n"), deck);
        assertTrue(deck.contains("\nvcol2 c1_2 0 DC 0\n"), deck);
        assertFalse(deck.contains("vcol1"));
    }

    @Test
    void textRoundTripsAndErrorsNameTheLine() {
        CrossbarSpec s = new CrossbarSpec(4, 3, "1T1R", 0.35, 1.5, 10, 0, 2500, 1e-7, 0.1);
        Crossbar xb = Crossbars.random(s, 7).crossbar().withOpenRows(2).withOpenColumns(0).withDeselectedRows(1);
        CrossbarCase c = new CrossbarCase(xb, new double[] {0.1, 0.2, 0.0, 0.15});
        CrossbarCase back = CrossbarText.parse(CrossbarText.write(c));
        assertEquals(c.crossbar().spec(), back.crossbar().spec());
        assertArrayEquals(c.crossbar().conductancesS(), back.crossbar().conductancesS());
        for (int i = 0; i < 4; i++) {
            assertEquals(c.crossbar().rowDriven(i), back.crossbar().rowDriven(i));
            assertEquals(c.crossbar().rowSelected(i), back.crossbar().rowSelected(i));
        }
        assertFalse(back.crossbar().columnSensed(0));
        assertEquals(SpiceDeck.write(c), SpiceDeck.write(back));

        String bad = "rows 2\ncols 2\naccess 0T1R\nwire_ohm 1\ninputs_v 0.1 0.2\nconductances_s\n1e-5 2e-5\n3e-5\n";
        CrossbarException e = assertThrows(CrossbarException.class, () -> CrossbarText.parse(bad));
        assertTrue(e.getMessage().startsWith("line 8:"), e.getMessage());
        CrossbarException k = assertThrows(CrossbarException.class,
                () -> CrossbarText.parse("rows 2\ncolz 2\n"));
        assertTrue(k.getMessage().startsWith("line 2: unknown key 'colz'"), k.getMessage());
        CrossbarException a = assertThrows(CrossbarException.class, () -> CrossbarText.parse(
                "rows 1\ncols 1\naccess 3T1R\nwire_ohm 1\ninputs_v 0.1\nconductances_s\n1e-5\n"));
        assertTrue(a.getMessage().contains("access") && a.getMessage().contains("1T1R"), a.getMessage());
    }
}
