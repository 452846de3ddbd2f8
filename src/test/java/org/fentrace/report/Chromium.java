package org.fentrace.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Headless Debian Chromium driven over the Chrome DevTools Protocol with nothing but the JDK: the
 * browser is started with {@code --remote-debugging-port=0} (it picks a free loopback port and
 * writes it to {@code DevToolsActivePort} in its fresh profile folder) and spoken to through {@link
 * java.net.http.WebSocket}, JSON by Jackson. Every event is kept, so a test can ask afterwards for
 * console messages, exceptions and failed requests.
 */
final class Chromium implements AutoCloseable {
  static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  /**
   * The browser to use: {@code $FENTRACE_CHROMIUM} when set, else Debian's {@code
   * /usr/bin/chromium}.
   */
  static Path binary() {
    String env = System.getenv("FENTRACE_CHROMIUM");
    return env == null || env.isBlank() ? DEFAULT_BINARY : Path.of(env);
  }

  static Chromium launch(Path binary, Path log) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("fentrace-chromium-");
    List<String> cmd =
        List.of(
            binary.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "about:blank");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException(
            "Chromium did not start ("
                + (p.isAlive() ? "no DevToolsActivePort after 30 s" : "exit " + p.exitValue())
                + "); its output: "
                + Files.readString(log));
      }
      Thread.sleep(50);
    }
    List<String> lines = Files.readAllLines(portFile);
    URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
    return new Chromium(p, profile, ws);
  }

  private Chromium(Process process, Path profile, URI ws) {
    this.process = process;
    this.profile = profile;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(ws, new Listener())
            .join();
  }

  /** Sends a command (to a page session when sessionId is not null) and waits for its result. */
  JsonNode send(String sessionId, String method, Map<String, ?> params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(msg), true).join();
    JsonNode r;
    try {
      r = reply.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(method + ": no reply from Chromium: " + e, e);
    }
    if (r.has("error")) {
      throw new IOException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  /** Waits until an event matching the predicate has arrived (it may already have). */
  JsonNode await(Predicate<JsonNode> match, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode e : events) {
        if (match.test(e)) {
          return e;
        }
      }
      Thread.sleep(25);
    }
    throw new IOException("no matching DevTools event within " + timeout);
  }

  /** Every event received so far with this method name. */
  List<JsonNode> events(String method) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : events) {
      if (method.equals(e.path("method").asText())) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      send(null, "Browser.close", Map.of());
    } catch (IOException e) {
      // the browser may already be gone
    }
    socket.abort();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var paths = Files.walk(profile)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Collects text frames (large replies such as screenshots arrive in pieces) and dispatches them.
   */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else {
            events.add(msg);
          }
        } catch (IOException e) {
          events.add(
              JSON.createObjectNode()
                  .put("method", "fentrace.badMessage")
                  .put("text", e.toString()));
        }
      }
      ws.request(1);
      return null;
    }
  }
}
