package dev.skein.relay.upstream;

import dev.skein.relay.host.Host;

/** Takes each binary frame of a host's stream, in order, on the host's own thread. May block. */
@FunctionalInterface
public interface FrameHandler {
    void onFrame(Host host, byte[] frame);
}
