package dev.skein.bench.pds;

import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.client.XrpcClient;
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
 * The measured runs' client: one keep-alive HTTP/1.1 connection per load-generator client, each call written
 * and its answer read on the calling thread, the body returned as bytes. The load generator shares the
 * machine's cores with the PDS, and the JDK's {@code HttpClient} (a selector thread and an executor hop per
 * response) cost it about as much CPU per getRecord as the PDS spends serving it, and a third of the whole
 * budget per createRecord; this costs a small fraction of that, so that the figures measure the PDS rather
 * than its client.
 */
final class KeepAliveConnections implements AutoCloseable {
    private final URI base;
    private final Connection[] connections;

    KeepAliveConnections(URI base, int clients) {
        this.base = base;
        this.connections = new Connection[clients];
    }

    /** Calls {@code nsid} with {@code params} on client {@code client}'s connection; a status other than 200 is an error. */
    byte[] query(int client, Nsid nsid, Map<String, String> params) throws IOException {
        URI uri = XrpcClient.url(base, nsid, params);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return connection(client).call("GET " + target, "", null);
    }

    /**
     * Calls the procedure {@code nsid} with the JSON {@code body} as {@code bearer}'s on client {@code client}'s
     * connection; a status other than 200 is an error.
     */
    byte[] procedure(int client, Nsid nsid, byte[] body, String bearer) throws IOException {
        return connection(client).call("POST /xrpc/" + nsid.value(), "Authorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n", body);
    }

    private Connection connection(int client) throws IOException {
        Connection c = connections[client];
        if (c == null) {
            c = new Connection(base);
            connections[client] = c;
        }
        return c;
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
        private final String host;
        private final InputStream in;
        private final OutputStream out;

        Connection(URI base) throws IOException {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(180_000);
            host = " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nAccept: application/json\r\n";
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        /**
         * Writes {@code requestLine} (method and target), the common headers, {@code headers} (each ending in
         * CRLF) and {@code body} (or none), and reads the answer.
         */
        byte[] call(String requestLine, String headers, byte[] body) throws IOException {
            String target = requestLine.substring(requestLine.indexOf(' ') + 1);
            out.write((requestLine + host + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
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
            byte[] answer = in.readNBytes(length);
            if (answer.length < length) {
                throw new IOException("connection closed in the response to " + target);
            }
            if (!parts[1].equals("200")) {
                throw new IOException(target + " answered " + parts[1] + ": " + new String(answer, StandardCharsets.UTF_8));
            }
            return answer;
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
