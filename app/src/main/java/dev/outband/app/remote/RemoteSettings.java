package dev.outband.app.remote;

import java.time.Duration;

/**
 * Limits and deadlines for talking to a remote MPS or DMT Console.
 *
 * @param connectTimeout  reaching the server
 * @param callTimeout     one whole REST call, reply included (a device behind MPS answers within MPS's own 30 s)
 * @param maxBodyBytes    the largest reply body read; a larger one ends that call
 * @param pageSize        devices asked for per page ($top)
 * @param maxDevices      devices listed per source at most, so a huge server cannot fill memory
 * @param renewBefore     a token this close to its expiry is replaced before it is used
 * @param relayOpenTimeout the relay websocket's upgrade
 * @param relayBufferBytes device bytes held unread from the relay; beyond it the relay is not read (backpressure)
 * @param relaySendQueueBytes bytes queued towards the relay before a write waits
 * @param idleConnections connections to one source kept open between calls: a bulk action on hundreds of its
 *                        devices then reuses them instead of opening one per device each time
 */
public record RemoteSettings(Duration connectTimeout, Duration callTimeout, int maxBodyBytes, int pageSize,
                             int maxDevices, Duration renewBefore, Duration relayOpenTimeout, int relayBufferBytes,
                             long relaySendQueueBytes, int idleConnections) {
    public static RemoteSettings defaults() {
        return new RemoteSettings(Duration.ofSeconds(10), Duration.ofSeconds(45), 8 * 1024 * 1024, 100, 100_000,
                Duration.ofMinutes(2), Duration.ofSeconds(15), 1024 * 1024, 1024 * 1024, 64);
    }

    public RemoteSettings withCallTimeout(Duration timeout) {
        return new RemoteSettings(connectTimeout, timeout, maxBodyBytes, pageSize, maxDevices, renewBefore,
                relayOpenTimeout, relayBufferBytes, relaySendQueueBytes, idleConnections);
    }

    public RemoteSettings withPageSize(int size) {
        return new RemoteSettings(connectTimeout, callTimeout, maxBodyBytes, size, maxDevices, renewBefore,
                relayOpenTimeout, relayBufferBytes, relaySendQueueBytes, idleConnections);
    }
}
