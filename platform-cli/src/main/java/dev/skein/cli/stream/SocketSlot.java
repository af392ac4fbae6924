package dev.skein.cli.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Consumer;

/**
 * A stream's current connection, one {@link MessageSocket} at a time, and whether the stream was stopped for good:
 * a stream can be run again after the service closed it (to resume from its cursor), but not after {@link #stop}.
 */
final class SocketSlot {
    private final HttpClient http;
    private MessageSocket current;
    private boolean stopped;

    SocketSlot(HttpClient http) {
        this.http = http;
    }

    /** One connection, until it ends; nothing if the stream was stopped. */
    void run(URI url, Consumer<byte[]> onMessage) {
        MessageSocket socket = new MessageSocket(http);
        synchronized (this) {
            if (stopped) {
                return;
            }
            current = socket;
        }
        socket.run(url, onMessage);
    }

    void stop() {
        MessageSocket socket;
        synchronized (this) {
            stopped = true;
            socket = current;
        }
        if (socket != null) {
            socket.stop();
        }
    }

    synchronized boolean stopped() {
        return stopped;
    }
}
