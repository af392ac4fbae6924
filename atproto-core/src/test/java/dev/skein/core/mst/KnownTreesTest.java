package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Root CIDs that the reference implementations' shared MST tests pin (the same values appear in the
 * TypeScript and Go suites); here as facts about trees, not as copied tests.
 */
class KnownTreesTest {
    private static final Cid V = Cid.parse("bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454");
    private static final String P = "com.example.record/";

    private static Mst tree(List<String> rkeys) {
        Mst t = Mst.empty(new MemoryBlockStore());
        for (String r : rkeys) {
            t = t.put(P + r, V);
        }
        Map<String, Cid> m = new HashMap<>();
        rkeys.forEach(r -> m.put(P + r, V));
        assertThat(Mst.build(new MemoryBlockStore(), m).root()).isEqualTo(t.root());
        return t;
    }

    @Test
    void smallMaps() {
        assertThat(tree(List.of()).root()).hasToString("bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
        assertThat(tree(List.of("3jqfcqzm3fo2j")).root()).hasToString("bafyreibj4lsc3aqnrvphp5xmrnfoorvru4wynt6lwidqbm2623a6tatzdu");
        assertThat(tree(List.of("3jqfcqzm3fx2j")).root()).hasToString("bafyreih7wfei65pxzhauoibu3ls7jgmkju4bspy4t2ha2qdjnzqvoy33ai");
        assertThat(tree(List.of("3jqfcqzm3fp2j", "3jqfcqzm3fr2j", "3jqfcqzm3fs2j", "3jqfcqzm3ft2j", "3jqfcqzm4fc2j")).root())
                .hasToString("bafyreicmahysq4n6wfuxo522m6dpiy7z7qzym3dzs756t5n7nfdgccwq7m");
    }

    @Test
    void deleteTrimsTheTop() {
        Mst t = tree(List.of("3jqfcqzm3fn2j", "3jqfcqzm3fo2j", "3jqfcqzm3fp2j", "3jqfcqzm3fs2j", "3jqfcqzm3ft2j", "3jqfcqzm3fu2j"));
        assertThat(t.height()).isEqualTo(1);
        assertThat(t.root()).hasToString("bafyreifnqrwbk6ffmyaz5qtujqrzf5qmxf7cbxvgzktl4e3gabuxbtatv4");
        t = t.delete(P + "3jqfcqzm3fs2j");
        assertThat(t.height()).isZero();
        assertThat(t.root()).hasToString("bafyreie4kjuxbwkhzg2i5dljaswcroeih4dgiqq6pazcmunwt2byd725vi");
    }

    @Test
    void insertSplitsTwoLayersDown() {
        Mst t = tree(List.of("3jqfcqzm3fo2j", "3jqfcqzm3fp2j", "3jqfcqzm3fr2j", "3jqfcqzm3fs2j", "3jqfcqzm3ft2j", "3jqfcqzm3fz2j",
                "3jqfcqzm4fc2j", "3jqfcqzm4fd2j", "3jqfcqzm4ff2j", "3jqfcqzm4fg2j", "3jqfcqzm4fh2j"));
        assertThat(t.height()).isEqualTo(1);
        assertThat(t.root()).hasToString("bafyreiettyludka6fpgp33stwxfuwhkzlur6chs4d2v4nkmq2j3ogpdjem");
        t = t.put(P + "3jqfcqzm3fx2j", V);
        assertThat(t.height()).isEqualTo(2);
        assertThat(t.root()).hasToString("bafyreid2x5eqs4w4qxvc5jiwda4cien3gw2q6cshofxwnvv7iucrmfohpm");
        t = t.delete(P + "3jqfcqzm3fx2j");
        assertThat(t.height()).isEqualTo(1);
        assertThat(t.root()).hasToString("bafyreiettyludka6fpgp33stwxfuwhkzlur6chs4d2v4nkmq2j3ogpdjem");
    }

    @Test
    void newLayersTwoAboveTheRoot() {
        String l0 = "bafyreidfcktqnfmykz2ps3dbul35pepleq7kvv526g47xahuz3rqtptmky";
        String l2 = "bafyreiavxaxdz7o7rbvr3zg2liox2yww46t7g6hkehx4i4h3lwudly7dhy";
        Mst t = tree(List.of("3jqfcqzm3ft2j", "3jqfcqzm3fz2j"));
        assertThat(t.height()).isZero();
        assertThat(t.root()).hasToString(l0);
        t = t.put(P + "3jqfcqzm3fx2j", V);
        assertThat(t.root()).hasToString(l2);
        t = t.delete(P + "3jqfcqzm3fx2j");
        assertThat(t.height()).isZero();
        assertThat(t.root()).hasToString(l0);
        t = t.put(P + "3jqfcqzm3fx2j", V).put(P + "3jqfcqzm4fd2j", V);
        assertThat(t.height()).isEqualTo(2);
        assertThat(t.root()).hasToString("bafyreig4jv3vuajbsybhyvb7gggvpwh2zszwfyttjrj6qwvcsp24h6popu");
        t.verify();
        t = t.delete(P + "3jqfcqzm4fd2j");
        assertThat(t.root()).hasToString(l2);
        t.verify();
    }
}
