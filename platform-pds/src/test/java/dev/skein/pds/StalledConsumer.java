package dev.skein.pds;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code subscribeRepos} consumer that opens the WebSocket by hand and then reads nothing, with a tiny
 * receive window, so the server's writes back up as behind a stalled client; {@link #drain} reads what the
 * server sent in the end.
 */
public final class StalledConsumer implements AutoCloseable {
    /** What a drained socket held: binary frames, and the close code (-1 if none). */
    public record Drained(List<byte[]> binaryFrames, int closeCode) {}

    private final Socket socket;
    private final DataInputStream in;

    public StalledConsumer(int port) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /xrpc/com.atproto.sync.subscribeRepos HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new DataInputStream(socket.getInputStream());
        String status = readHeaders(in);
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no WebSocket upgrade: " + status);
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf("\r\n"));
    }

    /** Reads every frame until the server's close frame (or the end of the connection). */
    public Drained drain() throws IOException {
        socket.setSoTimeout(60_000);
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0;
            try {
                b0 = in.readUnsignedByte();
            } catch (EOFException e) {
                return new Drained(frames, -1);
            }
            int opcode = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] payload = in.readNBytes((int) len);
            if (opcode == 8) {
                return new Drained(frames, payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1);
            }
            if (opcode == 2 || opcode == 0) {
                message.write(payload);
                if (fin) {
                    frames.add(message.toByteArray());
                    message.reset();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
