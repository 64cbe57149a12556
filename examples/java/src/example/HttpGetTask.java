package example;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.concurrencybench.api.Hooks;
import org.concurrencybench.api.UserTask;

/**
 * A task that blocks: an HTTP GET of {@code /item/SEED} from a small local service that takes
 * {@value #SERVICE_MILLIS} ms to answer, as a call to a slow service would. JDK only: the
 * service is {@code com.sun.net.httpserver} on 127.0.0.1 (an ephemeral port, never another
 * interface), started in the constructor, so every JVM that builds the task (each JMH fork, each
 * worker process) has its own; it answers on virtual threads, so it is never the bottleneck.
 *
 * <p>The GET is wrapped in {@link Hooks#blocking}: under the simulated GIL the lock is released
 * while the task waits, as CPython releases the GIL around a socket read. Under EVENT_LOOP the
 * task runs inline on the loop thread, so each GET blocks every other task of the batch: what a
 * blocking call inside an asyncio coroutine does. The checksum is a hash of the body, which
 * depends on the seed only.
 */
public class HttpGetTask implements UserTask, AutoCloseable {

    static final int SERVICE_MILLIS = 10;

    private final HttpServer server;
    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final String base;

    public HttpGetTask() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.createContext("/item/", exchange -> {
            try (exchange) {
                Thread.sleep(SERVICE_MILLIS);
                byte[] body = ("item " + exchange.getRequestURI().getPath().substring("/item/".length()))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(serverThreads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/item/";
    }

    @Override
    public long run(long seed, Hooks hooks) throws Exception {
        byte[] body = hooks.blocking(() -> get(base + seed));
        long hash = 0xCBF29CE484222325L; // FNV-1a over the body
        for (byte b : body) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return hash;
    }

    private static byte[] get(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        int status = connection.getResponseCode();
        if (status != 200) {
            throw new IllegalStateException("GET " + url + " answered " + status);
        }
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Stops the service (the sweep closes the instance it builds to check the class). */
    @Override
    public void close() {
        server.stop(0);
        serverThreads.close();
    }
}
