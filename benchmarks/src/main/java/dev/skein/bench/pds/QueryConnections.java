package dev.skein.bench.pds;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The read runs' client: one keep-alive HTTP/1.1 connection per load-generator client, each call a plain
 * {@code GET} written and its answer read on the calling thread, the body returned as bytes without parsing.
 * The load generator shares the machine's cores with the PDS, and the JDK's {@code HttpClient} (a selector
 * thread and an executor hop per response) with a JSON parse of each answer cost it about as much CPU per
 * getRecord as the PDS spends serving it; this costs a small fraction of that, so that the read figures
 * measure the PDS rather than its client.
 */
final class QueryConnections implements AutoCloseable {
    private final URI base;
    private final XrpcClient urls;
    private final Connection[] connections;

    QueryConnections(URI base, int clients) {
        this.base = base;
        this.urls = new XrpcClient(base);
        this.connections = new Connection[clients];
    }

    /** Calls {@code nsid} with {@code params} on client {@code client}'s connection; a status other than 200 is an error. */
    byte[] query(int client, String nsid, Map<String, String> params) throws IOException {
        URI uri = urls.uri(nsid, params);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Connection c = connections[client];
        if (c == null) {
            c = new Connection(base);
            connections[client] = c;
        }
        return c.get(target);
    }

    @Override
    public void close() throws IOException {
        for (Connection c : connections) {
            if (c != null) {
                c.socket.close();
            }
        }
    }

    /** One socket; used by one client thread at a time. */
    private static final class Connection {
        private final Socket socket = new Socket();
        private final byte[] requestTail;
        private final InputStream in;
        private final OutputStream out;

        Connection(URI base) throws IOException {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(180_000);
            requestTail = (" HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        byte[] get(String target) throws IOException {
            byte[] start = ("GET " + target).getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[start.length + requestTail.length];
            System.arraycopy(start, 0, request, 0, start.length);
            System.arraycopy(requestTail, 0, request, start.length, requestTail.length);
            out.write(request);
            out.flush();
            String status = line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + status);
            }
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                    length = Integer.parseInt(header.substring(colon + 1).trim());
                }
            }
            if (length < 0) {
                throw new IOException("response to " + target + " without Content-Length");
            }
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("connection closed in the response to " + target);
            }
            if (!parts[1].equals("200")) {
                throw new IOException(target + " answered " + parts[1] + ": " + new String(body, StandardCharsets.UTF_8));
            }
            return body;
        }

        /** A header line without its CRLF. */
        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed by the PDS");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
