package io.realtimegateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 caller on a bare socket, for what well-behaved clients never do: send a request and hang up before the
 * answer, or never read the answer at all.
 */
public final class RawHttpCaller implements AutoCloseable {

    private final Socket socket;

    private RawHttpCaller(Socket socket) {
        this.socket = socket;
    }

    /**
     * Sends a JSON POST and reads nothing.
     *
     * @param receiveBuffer the socket's receive buffer in bytes (small: a caller that never reads stalls the server sooner)
     */
    public static RawHttpCaller post(int port, String path, String json, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new RawHttpCaller(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a JSON POST and reads nothing, with the platform's default receive buffer. */
    public static RawHttpCaller post(int port, String path, String json) {
        return post(port, path, json, 64 * 1024);
    }

    /**
     * What the server sent until it closed the connection, read only now: the caller read nothing until this call. A reset
     * ends it like a close (what arrived before it may be lost).
     */
    public String readUntilClosed() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = socket.getInputStream();
            for (int read; (read = in.read(buffer)) >= 0;) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            // closed on us
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** Hangs up. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
