package dev.skein.relay.ingest;

import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.SyncEvent;
import java.util.Arrays;

/**
 * An upstream frame the relay passes on unchanged but for its {@code seq}, with where the {@code seq} value sits,
 * so that the sequencer writes the relay's frame as two copies around the new number instead of encoding the
 * whole event again.
 *
 * <p>Only a frame in exactly the form the event's own encoding has is located: the canonical header, and a body
 * holding the lexicon's fields and no others (nested {@code ops} included). The frame was decoded strictly (DRISL
 * is canonical, so each value has one encoding), so such a frame is byte for byte the event's encoding, and
 * replacing the number gives byte for byte what encoding the event under the new seq gives. Any other frame (one
 * with fields this relay does not know, which re-encoding drops) is not located, and the sequencer encodes it.
 *
 * <p>The {@code seq} value is a DRISL unsigned integer whose length depends on its value, hence the two copies.
 *
 * @param bytes the frame as received; shared, not copied
 * @param seqStart where the {@code seq} value starts
 * @param seqEnd where it ends (exclusive)
 */
public record UpstreamFrame(byte[] bytes, int seqStart, int seqEnd) {
    private static final byte[] COMMIT_HEADER = header(CommitEvent.TYPE);
    private static final byte[] SYNC_HEADER = header(SyncEvent.TYPE);
    /** The body fields {@link CommitEvent#body()} always writes ({@code prevData} is one more when set). */
    private static final int COMMIT_FIELDS = 11;
    /** The fields {@link SyncEvent#body()} writes. */
    private static final int SYNC_FIELDS = 5;
    /** The fields {@code RepoOp.toValue()} always writes ({@code prev} is one more when set). */
    private static final int OP_FIELDS = 3;

    private static byte[] header(String type) {
        return Drisl.encode(MapValue.builder().put("t", type).put("op", FirehoseFrame.OP_MESSAGE).build());
    }

    /**
     * Locates the {@code seq} of {@code frame}, which was decoded into {@code event}; {@code null} when the frame is
     * not in the event's own form (or the event is not a {@code #commit} or {@code #sync}).
     */
    public static UpstreamFrame locate(byte[] frame, FirehoseEvent event) {
        try {
            return switch (event) {
                case CommitEvent c -> new Walk(frame).body(COMMIT_HEADER, COMMIT_FIELDS + (c.prevData() == null ? 0 : 1), c);
                case SyncEvent s -> new Walk(frame).body(SYNC_HEADER, SYNC_FIELDS, null);
                default -> null;
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            // Cannot happen for a frame that decoded; if it does, the frame is simply encoded again.
            return null;
        }
    }

    /** The frame with {@code seq} in place of the upstream one. */
    public byte[] withSeq(long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        int size = uintSize(seq);
        byte[] out = new byte[seqStart + size + bytes.length - seqEnd];
        System.arraycopy(bytes, 0, out, 0, seqStart);
        writeUint(out, seqStart, seq);
        System.arraycopy(bytes, seqEnd, out, seqStart + size, bytes.length - seqEnd);
        return out;
    }

    private static int uintSize(long v) {
        if (v < 24) {
            return 1;
        }
        if (v < 0x100) {
            return 2;
        }
        if (v < 0x10000) {
            return 3;
        }
        return v < 0x100000000L ? 5 : 9;
    }

    private static void writeUint(byte[] out, int at, long v) {
        int size = uintSize(v);
        if (size == 1) {
            out[at] = (byte) v;
            return;
        }
        out[at] = (byte) (switch (size) {
            case 2 -> 24;
            case 3 -> 25;
            case 5 -> 26;
            default -> 27;
        });
        for (int i = size - 1; i >= 1; i--) {
            out[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** The keys {@code seq} and {@code ops} as three bytes in an int. */
    private static final int SEQ = 's' << 16 | 'e' << 8 | 'q';
    private static final int OPS = 'o' << 16 | 'p' << 8 | 's';

    /** A cursor over DRISL items already known to be well-formed and canonical. */
    private static final class Walk {
        private final byte[] b;
        private int pos;

        Walk(byte[] bytes) {
            this.b = bytes;
        }

        UpstreamFrame body(byte[] header, int fields, CommitEvent commit) {
            if (b.length < header.length || !Arrays.equals(b, 0, header.length, header, 0, header.length)) {
                return null;
            }
            pos = header.length;
            if (major() != 5 || argument() != fields) {
                return null;
            }
            int seqStart = -1;
            int seqEnd = -1;
            for (int i = 0; i < fields; i++) {
                int key = key();
                if (key == SEQ) {
                    seqStart = pos;
                    skip();
                    seqEnd = pos;
                } else if (key == OPS) {
                    if (commit == null || !ops(commit)) {
                        return null;
                    }
                } else {
                    skip();
                }
            }
            return seqStart < 0 || pos != b.length ? null : new UpstreamFrame(b, seqStart, seqEnd);
        }

        private boolean ops(CommitEvent commit) {
            if (major() != 4) {
                return false;
            }
            long n = argument();
            if (n != commit.ops().size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (major() != 5 || argument() != OP_FIELDS + (commit.ops().get(i).prev() == null ? 0 : 1)) {
                    return false;
                }
                for (int k = 0; k < OP_FIELDS + (commit.ops().get(i).prev() == null ? 0 : 1); k++) {
                    skip();
                    skip();
                }
            }
            return true;
        }

        private int major() {
            return (b[pos] & 0xff) >>> 5;
        }

        /** Reads an item's head and returns its argument (a length, count or value). */
        private long argument() {
            int info = b[pos++] & 0x1f;
            if (info < 24) {
                return info;
            }
            int n = 1 << (info - 24);
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        /** Reads a map key: {@link #SEQ}, {@link #OPS}, or 0 for any other. */
        private int key() {
            if (major() != 3) {
                throw new ArrayIndexOutOfBoundsException("not a text key");
            }
            int len = (int) argument();
            int key = 0;
            if (len == 3) {
                key = (b[pos] & 0xff) << 16 | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff);
            }
            pos += len;
            return key == SEQ || key == OPS ? key : 0;
        }

        private void skip() {
            int major = major();
            long arg = argument();
            switch (major) {
                case 2, 3 -> pos += (int) arg;
                case 4 -> {
                    for (long i = 0; i < arg; i++) {
                        skip();
                    }
                }
                case 5 -> {
                    for (long i = 0; i < arg * 2; i++) {
                        skip();
                    }
                }
                case 6 -> skip();
                default -> { }
            }
        }
    }
}
