package dev.skein.relay.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.relay.host.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A host's cursor moves past a frame only once it and every frame before it completed. */
class UpstreamProgressTest {
    static final Host A = Host.parse("a.test");
    static final Host B = Host.parse("b.test");

    @Test
    void theCursorWaitsForTheFirstFrameStillInFlight() {
        UpstreamProgress p = new UpstreamProgress();
        for (long seq = 1; seq <= 5; seq++) {
            assertThat(p.admit(A, seq, true)).isEqualTo(-1);
        }
        assertThat(p.complete(A, 3)).as("1 and 2 are still in flight").isZero();
        assertThat(p.complete(A, 2)).isZero();
        assertThat(p.complete(A, 1)).as("1, 2 and 3 are done").isEqualTo(3);
        assertThat(p.complete(A, 5)).as("4 is in flight").isEqualTo(3);
        assertThat(p.inFlight(A)).isEqualTo(2);
        assertThat(p.complete(A, 4)).isEqualTo(5);
        assertThat(p.inFlight(A)).isZero();
    }

    @Test
    void seqsMustIncreaseAndHostsAreApart() {
        UpstreamProgress p = new UpstreamProgress();
        assertThat(p.admit(A, 10, true)).isEqualTo(-1);
        assertThat(p.admit(A, 10, true)).as("a repeat names the last seq").isEqualTo(10);
        assertThat(p.admit(A, 7, true)).isEqualTo(10);
        assertThat(p.admit(B, 3, true)).isEqualTo(-1);
        assertThat(p.last(A)).isEqualTo(10);
        assertThat(p.last(B)).isEqualTo(3);
        assertThat(p.complete(B, 3)).isEqualTo(3);
        assertThat(p.complete(A, 10)).isEqualTo(10);
    }

    @Test
    void untrackedFramesMoveTheCursorWhenNothingIsInFlight() {
        UpstreamProgress p = new UpstreamProgress();
        assertThat(p.admit(A, 4, false)).isEqualTo(-1);
        assertThat(p.complete(A, 4)).isEqualTo(4);
        assertThat(p.admit(A, 5, true)).isEqualTo(-1);
        assertThat(p.complete(A, 9)).as("a result not admitted here does not jump frame 5").isEqualTo(4);
        assertThat(p.complete(A, 5)).isEqualTo(5);
    }

    @Test
    void resumingSetsTheLastSeqAndTheCursor() {
        UpstreamProgress p = new UpstreamProgress();
        p.resume(A, 100);
        assertThat(p.admit(A, 100, true)).isEqualTo(100);
        assertThat(p.admit(A, 101, true)).isEqualTo(-1);
        assertThat(p.complete(A, 101)).isEqualTo(101);
        p.resume(A, 50);
        assertThat(p.last(A)).as("an operator may move a cursor back").isEqualTo(50);
        assertThat(p.admit(A, 51, true)).isEqualTo(-1);
        assertThat(p.complete(A, 51)).isEqualTo(51);
    }

    @Test
    void anyCompletionOrderEndsAtTheLastSeqAndNeverPassesAFrameInFlight() {
        UpstreamProgress p = new UpstreamProgress();
        int n = 5_000;
        List<Long> seqs = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            long seq = s * 3;
            p.admit(A, seq, true);
            seqs.add(seq);
        }
        Collections.shuffle(seqs, new Random(42));
        boolean[] done = new boolean[n + 1];
        for (long seq : seqs) {
            done[(int) (seq / 3)] = true;
            long cursor = p.complete(A, seq);
            int contiguous = 0;
            while (contiguous < n && done[contiguous + 1]) {
                contiguous++;
            }
            assertThat(cursor).isEqualTo(contiguous * 3L);
        }
        assertThat(p.inFlight(A)).isZero();
    }
}
