import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counting TCP proxy for the PostgreSQL wire protocol (bench/attribute.sh): forwards every byte
 * between clients and the server unchanged and counts what the clients send, by message type.
 * Every simple {@code Query} ('Q') and every {@code Sync} ('S') waits for the server's
 * ReadyForQuery, so Q + S is the number of round trips; {@code Execute} ('E') counts statements of
 * the extended protocol. After every closed connection it rewrites OUTFILE with the totals
 * (tab-separated {@code name count}). Needs plain TCP (sslmode=disable): SSL traffic is not parsed.
 *
 * <pre>java bench/WireCount.java LISTEN_PORT SERVER_HOST SERVER_PORT OUTFILE</pre>
 */
public final class WireCount {

    private static final Map<String, AtomicLong> COUNTS = new TreeMap<>();
    private static Path out;

    public static void main(String[] args) throws IOException {
        int listen = Integer.parseInt(args[0]);
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        out = Path.of(args[3]);
        try (ServerSocket server = new ServerSocket(listen, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                count("connections", 1);
                Thread down = new Thread(() -> pump(upstream, client));
                down.setDaemon(true);
                down.start();
                Thread up = new Thread(() -> {
                    try {
                        parse(client.getInputStream(), upstream.getOutputStream());
                    } catch (IOException e) {
                        // connection over
                    } finally {
                        close(client);
                        close(upstream);
                        dump();
                    }
                });
                up.setDaemon(true);
                up.start();
            }
        }
    }

    /** The client's stream: untyped start-up packets (SSL/GSS requests, the start-up message), then typed messages. */
    private static void parse(InputStream raw, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        boolean started = false;
        while (true) {
            byte[] head;
            char type = 0;
            int length;
            try {
                if (!started) {
                    length = in.readInt();
                    head = new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
                } else {
                    type = (char) in.readUnsignedByte();
                    length = in.readInt();
                    head = new byte[] {(byte) type, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                            (byte) length};
                }
            } catch (EOFException e) {
                return;
            }
            byte[] body = new byte[length - 4];
            in.readFully(body);
            if (!started) {
                int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
                started = code != 80877103 && code != 80877104; // SSLRequest, GSSENCRequest stay untyped
            } else {
                count("msg_" + type, 1);
                if (type == 'Q') {
                    count("query_bytes", body.length);
                    count("query_statements", statements(new String(body, 0, body.length - 1, StandardCharsets.UTF_8)));
                }
            }
            to.write(head);
            to.write(body);
            to.flush();
        }
    }

    /** A rough count of the statements of a simple query: its semicolons outside quotes, plus one. */
    private static long statements(String sql) {
        long n = 1;
        boolean quote = false;
        String dollar = null;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (dollar != null) {
                if (sql.startsWith(dollar, i)) {
                    i += dollar.length() - 1;
                    dollar = null;
                }
            } else if (quote) {
                quote = c != '\'';
            } else if (c == '\'') {
                quote = true;
            } else if (c == '$') {
                int end = sql.indexOf('$', i + 1);
                if (end > 0 && sql.substring(i + 1, end).matches("[A-Za-z_]*")) {
                    dollar = sql.substring(i, end + 1);
                    i = end;
                }
            } else if (c == ';' && !sql.substring(i + 1).isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream o = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                o.write(buffer, 0, n);
                o.flush();
            }
        } catch (IOException e) {
            // connection over
        } finally {
            close(from);
            close(to);
        }
    }

    private static synchronized void count(String name, long n) {
        COUNTS.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
    }

    private static synchronized void dump() {
        StringBuilder s = new StringBuilder();
        COUNTS.forEach((k, v) -> s.append(k).append('\t').append(v.get()).append('\n'));
        try {
            Files.writeString(out, s.toString());
        } catch (IOException e) {
            System.err.println("cannot write " + out + ": " + e.getMessage());
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
