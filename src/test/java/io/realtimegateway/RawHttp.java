package io.realtimegateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.restassured.path.json.JsonPath;

/**
 * A raw HTTP/1.1 connection to the gateway, for what REST Assured cannot send: bodies with no or a wrong
 * Content-Length, broken chunking, missing Host, bytes trickled over time, a caller that hangs up before the answer or
 * never reads it. One request per connection unless the test says otherwise.
 */
public final class RawHttp implements AutoCloseable {

    /** A response as read off the socket; {@code body} is decoded from chunks when it came chunked. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonPath json() {
            return new JsonPath(text());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the gateway under test; a read waits at most {@code readTimeout} (a hang fails the test). */
    public static RawHttp connect(URI base, Duration readTimeout) {
        try {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects with a receive buffer of this many bytes, for a caller that never reads: a small one stalls the server's
     * writes sooner.
     */
    public static RawHttp connect(URI base, Duration readTimeout, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST with a Content-Length, a Host and the given extra header lines (each ending in CRLF). */
    public static byte[] post(String path, String contentType, byte[] body, String extraHeaders) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n" + extraHeaders + "\r\n";
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    public static byte[] post(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), "");
    }

    /** A chunked POST whose body is sent as the given chunks, then the last (empty) chunk. */
    public static byte[] chunkedPost(String path, byte[]... chunks) {
        return chunkedPost(path, "application/json", chunks);
    }

    public static byte[] chunkedPost(String path, String contentType, byte[]... chunks) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] chunk : chunks) {
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return request.toByteArray();
    }

    public RawHttp send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends and reads the answer on a fresh connection. */
    public static Response exchange(URI base, byte[] request) {
        try (RawHttp http = connect(base, Duration.ofSeconds(60))) {
            return http.sendWhileReading(request);
        }
    }

    /**
     * Sends the request while reading its answer, as an HTTP client must: the server may answer (a 413, say) and close
     * before the body has all been sent, and the rest of the sending then fails unseen.
     */
    public Response sendWhileReading(byte[] request) {
        CompletableFuture<?> sending = CompletableFuture.runAsync(() -> send(request));
        Response answer = read();
        sending.exceptionally(refusedMidway -> null);
        return answer;
    }

    /** Reads one response: status line, headers, and a body by Content-Length, chunks, or up to the close. */
    public Response read() {
        try {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] body;
            if (status < 200 || status == 204 || status == 304) {
                body = new byte[0];
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.writeBytes(in.readNBytes(size));
                    line();
                }
                line();
                body = chunks.toByteArray();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything the server sent until it closed the connection, read only now (for a caller that read nothing until
     * then). A reset ends it like a close: what arrived before it may be lost.
     */
    public String readUntilClosed() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0;) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server did not close the connection", stillOpen);
        } catch (IOException reset) {
            // closed on us
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** True once the server has closed the connection: a read sees the end of the stream (or a reset). */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed in the middle of a response line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
