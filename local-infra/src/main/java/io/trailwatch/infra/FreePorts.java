package io.trailwatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free loopback ports for servers that need their port before they bind. */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code requested} when it is not 0, otherwise a port that was free a moment ago. */
    public static int orFree(int requested) {
        return requested != 0 ? requested : pick();
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
