package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * MST roots for random key sets (up to 10,000 keys, with updates and deletes in random order) against
 * {@code @atproto/repo}'s {@code MST}.
 */
@RequiresNode
class MstNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLLECTIONS = {"app.bsky.feed.post", "agent.memory.note", "agent.comms.message", "a.b.c"};
    private static final String RKEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:~";

    private record Case(List<String[]> puts, List<String> deletes) {}

    @Test
    void rootsMatchTheReferenceForRandomKeySets() {
        Random random = new Random(1121);
        List<Case> cases = new ArrayList<>();
        for (int size : new int[] {0, 1, 2, 5, 20, 100, 500, 1000, 3000, 10_000}) {
            cases.add(randomCase(random, size));
        }
        List<Map<String, Object>> request = new ArrayList<>();
        List<Cid> ours = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (Case c : cases) {
            Mst mst = Mst.empty(new MemoryBlockStore());
            for (String[] p : c.puts()) {
                mst = mst.put(p[0], Cid.parse(p[1]));
            }
            for (String d : c.deletes()) {
                mst = mst.delete(d);
            }
            ours.add(mst.root());
            sizes.add(mst.size());
            request.add(Map.of("puts", c.puts(), "deletes", c.deletes()));
        }
        JsonNode theirs = JSON.readTree(NodeInterop.run("mst-check.mjs",
                JSON.writeValueAsBytes(request), 600).requireSuccess().stdout());
        assertThat(theirs.size()).isEqualTo(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            assertThat(theirs.get(i).get("size").asLong()).as("size of case %d", i).isEqualTo(sizes.get(i));
            assertThat(theirs.get(i).get("root").asString()).as("root of case %d (%d puts, %d deletes)", i,
                    cases.get(i).puts().size(), cases.get(i).deletes().size()).isEqualTo(ours.get(i).toString());
        }
    }

    private static Case randomCase(Random random, int size) {
        Map<String, String> live = new LinkedHashMap<>();
        List<String[]> puts = new ArrayList<>();
        while (live.size() < size) {
            String key = COLLECTIONS[random.nextInt(COLLECTIONS.length)] + "/" + rkey(random);
            String cid = randomCid(random).toString();
            live.put(key, cid);
            puts.add(new String[] {key, cid});
        }
        List<String> keys = new ArrayList<>(live.keySet());
        // updates of existing keys, interleaved at the end
        for (int i = 0; i < size / 10; i++) {
            puts.add(new String[] {keys.get(random.nextInt(keys.size())), randomCid(random).toString()});
        }
        java.util.Collections.shuffle(keys, random);
        List<String> deletes = new ArrayList<>(keys.subList(0, size / 3));
        return new Case(puts, deletes);
    }

    private static String rkey(Random random) {
        int len = random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 13;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(RKEY_CHARS.charAt(random.nextInt(RKEY_CHARS.length())));
        }
        String s = sb.toString();
        return s.equals(".") || s.equals("..") ? "x" + s : s;
    }

    private static Cid randomCid(Random random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Cid.ofDrisl(b);
    }
}
