package dev.skein.pds.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitQueueTest {

    @Test
    void itemsOfOneKeyAreProcessedInOrderOneBatchAtATimeAndBatchesGrowUnderLoad() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        int perKey = 2000;
        CountDownLatch done = new CountDownLatch(3 * perKey);
        GroupCommitQueue<String, Integer> queue = new GroupCommitQueue<>(pool, 64, (key, batch) -> {
            assertThat(running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet()).as("one batch per key at a time").isEqualTo(1);
            sizes.add(batch.size());
            seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).addAll(batch);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.get(key).decrementAndGet();
            batch.forEach(i -> done.countDown());
        });
        List<Thread> producers = new ArrayList<>();
        for (String key : List.of("a", "b", "c")) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < perKey; i++) {
                    queue.submit(key, i);
                }
            });
            producers.add(t);
            t.start();
        }
        for (Thread t : producers) {
            t.join();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        for (String key : List.of("a", "b", "c")) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                expected.add(i);
            }
            assertThat(seen.get(key)).isEqualTo(expected);
        }
        assertThat(sizes).allMatch(n -> n >= 1 && n <= 64);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)).as("items queued during a batch join the next").isGreaterThan(1);
    }

    @Test
    void aKeyThatWentIdleStartsAgainOnTheNextItem() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        GroupCommitQueue<String, Integer> queue = new GroupCommitQueue<>(pool, 8, (key, batch) -> seen.addAll(batch));
        for (int i = 0; i < 5; i++) {
            queue.submit("k", i);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < i + 1 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        pool.shutdown();
    }
}
