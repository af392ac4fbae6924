package dev.skein.relay.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the relay role in a process of its own, for tests that kill it: args are the data directory, the PLC URL,
 * the PDS host and the port to serve on. Prints {@code READY} when it serves.
 */
public final class RelayProcessMain {
    private RelayProcessMain() {}

    public static void main(String[] args) {
        RelayApp.start(Path.of(args[0]), null, List.of(args[2]), "skein.relay.plc-url=" + args[1], "server.port=" + args[3]);
        System.out.println("READY");
        System.out.flush();
    }
}
