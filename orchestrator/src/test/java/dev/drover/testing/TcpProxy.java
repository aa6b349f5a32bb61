package dev.drover.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process TCP proxy on 127.0.0.1 for fault injection (docs/design.md, Tests): forwards to a
 * database server until told to black-hole (connections stay open, bytes are swallowed in both
 * directions, new connections hang), cut every connection, or cut a connection right after the
 * client sends a chosen text (e.g. {@code COMMIT}), before the server's answer can come back.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> cutAfter = new AtomicReference<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
    private volatile boolean blackHole;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code host:port} on a free local port. */
    public static TcpProxy to(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TcpProxy(server, new InetSocketAddress(host, port));
    }

    /** The local port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Swallows every byte from now on, both ways, and leaves new connections unanswered; nothing is closed. */
    public void blackHole() {
        blackHole = true;
    }

    /** Closes every open connection (the clients see a reset or end of stream). */
    public void cutAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    /**
     * Arms a one-shot cut: the first client packet containing {@code text} is forwarded to the
     * server, then that connection is closed before the answer returns.
     */
    public void cutAfterClientSends(String text) {
        cutAfter.set(text);
    }

    /**
     * Every byte clients sent through this proxy so far (statements travel as text in the
     * PostgreSQL and MariaDB protocols), decoded as UTF-8: a statement-recording wrapper at the
     * wire, below any driver or pool.
     */
    public String clientBytes() {
        synchronized (sent) {
            return sent.toString(StandardCharsets.UTF_8);
        }
    }

    /** How many client connections the proxy has accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** How many armed cuts have fired. */
    public int cuts() {
        return cuts.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                if (blackHole) {
                    continue;
                }
                Socket backend = new Socket();
                backend.connect(upstream, 5_000);
                sockets.add(backend);
                pump(client, backend, true);
                pump(backend, client, false);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            boolean cut = false;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (blackHole) {
                        continue;
                    }
                    if (fromClient) {
                        synchronized (sent) {
                            sent.write(buffer, 0, n);
                        }
                    }
                    try {
                        out.write(buffer, 0, n);
                        out.flush();
                    } catch (IOException clientGone) {
                        if (!fromClient) {
                            drain(in, buffer);
                        }
                        throw clientGone;
                    }
                    String armed = cutAfter.get();
                    if (fromClient && armed != null
                            && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(armed)
                            && cutAfter.compareAndSet(armed, null)) {
                        cuts.incrementAndGet();
                        // The server gets the packet and then end-of-stream, never a reset: a reset
                        // could discard what it has not read yet (under load, the very COMMIT this cut
                        // is about). The client loses its connection before any answer.
                        cut = true;
                        to.shutdownOutput();
                        closeQuietly(from);
                        return;
                    }
                }
            } catch (IOException e) {
                // a cut or a closed peer: end this direction
            } finally {
                // After a cut the other direction drains the server to its end and then closes.
                if (!blackHole && !cut) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Reads the server's side to its end once the client is gone, so that closing it sends the
     * server a clean end-of-stream rather than a reset (closing a socket with unread data resets it).
     */
    private static void drain(InputStream in, byte[] buffer) {
        try {
            while (in.read(buffer) >= 0) {
                // discarded: nobody is there to receive it
            }
        } catch (IOException e) {
            // the server went away too
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        blackHole = false;
        cutAll();
    }
}
