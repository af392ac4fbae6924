package dev.skein.core.mst;

import dev.skein.core.cid.Cid;
import java.util.Arrays;

/** A growable buffer with the CBOR heads the node format uses, always in their shortest form. */
final class MstBlockWriter {
    private byte[] buf;
    private int len;

    MstBlockWriter(int capacity) {
        buf = new byte[capacity];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    void put(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    void put(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    void putCid(Cid cid) {
        ensure(cid.byteLength());
        len = cid.writeTo(buf, len);
    }

    void head(int major, int value) {
        int m = major << 5;
        if (value < 24) {
            put(m | value);
        } else if (value < 0x100) {
            put(m | 24);
            put(value);
        } else if (value < 0x10000) {
            put(m | 25);
            put(value >>> 8);
            put(value);
        } else {
            put(m | 26);
            put(value >>> 24);
            put(value >>> 16);
            put(value >>> 8);
            put(value);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
