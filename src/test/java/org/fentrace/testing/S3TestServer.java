package org.fentrace.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server for the integration tests: s3proxy with its in-memory ("transient") blob
 * store, on a free port of 127.0.0.1, fixed test credentials, one fresh bucket, path-style access.
 *
 * <p>It runs in a JVM of its own, started from s3proxy's self-contained jar that Maven copies to
 * {@code target/s3proxy/s3proxy.jar} before the integration tests (system property {@code
 * fentrace.test.s3proxyJar}). In-process was tried on paper and rejected: s3proxy brings Netty 4.1,
 * Jackson 2.18, logback and the Azure SDK, which would sit on the test classpath beside Spark's
 * Netty and Jackson and its log4j binding; a separate JVM shares nothing with Spark but a TCP port.
 *
 * <p>S3A reaches it through per-bucket keys ({@code fs.s3a.bucket.<bucket>.*}): each server has a
 * bucket of its own, so the settings touch no other file system and a cached S3A instance of an
 * earlier server is never reused.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "fentrace-test-access";
  public static final String SECRET_KEY = "fentrace-test-secret-0123456789";
  public static final String REGION = "us-east-1";
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;
  private final String bucket;

  private S3TestServer(Process process, Path log, int port, String bucket) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.bucket = bucket;
  }

  /** Starts the server in {@code dir} (its settings and log go there) and creates the bucket. */
  public static S3TestServer start(Path dir) throws IOException, InterruptedException {
    Path jar =
        Path.of(System.getProperty("fentrace.test.s3proxyJar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: Maven copies it in the pre-integration-test phase (mvn verify"
              + " -DskipUTs -Dit.test=...), as the maven-dependency-plugin execution s3-test-server");
    }
    Files.createDirectories(dir);
    int port = freePort();
    Path settings = dir.resolve("s3proxy.properties");
    Files.writeString(
        settings,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=transient",
            "jclouds.identity=" + ACCESS_KEY,
            "jclouds.credential=" + SECRET_KEY,
            ""));
    Path log = dir.resolve("s3proxy.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--properties",
                settings.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    String bucket = "fentrace-" + UUID.randomUUID().toString().substring(0, 8);
    S3TestServer server = new S3TestServer(p, log, port, bucket);
    try {
      server.awaitListening();
      try (S3Client s3 = server.client()) {
        s3.createBucket(b -> b.bucket(bucket));
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** {@code s3a://<bucket>/<key>}. */
  public String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  public String bucket() {
    return bucket;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The Hadoop settings that point S3A at this server, scoped to its bucket: endpoint, path-style
   * access, plain HTTP, the fixed credentials, and few retries (a loopback server that fails will
   * not heal, and S3A's defaults retry for minutes).
   */
  public Map<String, String> hadoopConf() {
    String b = "fs.s3a.bucket." + bucket + ".";
    Map<String, String> m = new LinkedHashMap<>();
    m.put(b + "endpoint", endpoint());
    m.put(b + "endpoint.region", REGION);
    m.put(b + "path.style.access", "true");
    m.put(b + "connection.ssl.enabled", "false");
    m.put(b + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    m.put(b + "access.key", ACCESS_KEY);
    m.put(b + "secret.key", SECRET_KEY);
    // s3proxy answers a bulk delete (DeleteObjects) from this SDK with 501 NotImplemented: the SDK
    // sends the CRC32 checksum header that S3 now requires there, which s3proxy does not know. One
    // DELETE per object instead; the same setting serves S3-compatible stores with the same gap.
    m.put(b + "multiobjectdelete.enable", "false");
    m.put(b + "retry.limit", "2");
    m.put(b + "attempts.maximum", "2");
    return m;
  }

  /** The same settings as {@code --conf spark.hadoop.KEY=VALUE} arguments, for a child JVM. */
  public List<String> sparkConfArgs() {
    List<String> args = new ArrayList<>();
    hadoopConf()
        .forEach(
            (k, v) -> {
              args.add("--conf");
              args.add("spark.hadoop." + k + "=" + v);
            });
    return args;
  }

  /** Applies {@link #hadoopConf} to a Hadoop configuration (the shared session's, typically). */
  public void configure(Configuration conf) {
    hadoopConf().forEach(conf::set);
  }

  /** The S3A file system of this server's bucket, through the shared session's configuration. */
  public FileSystem fs() throws IOException {
    Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
    configure(conf);
    return FileSystem.get(URI.create("s3a://" + bucket + "/"), conf);
  }

  /**
   * Uploads a local folder under {@code key}, files in path order: S3 sets a file's modification
   * time itself (upload time, whole seconds), so path order is the only order the landing scan can
   * be given; a local copy meant to match must give its files one common time.
   */
  public void upload(Path local, String key) throws IOException {
    FileSystem fs = fs();
    try (Stream<Path> files = Files.walk(local)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        fs.copyFromLocalFile(
            false,
            true,
            new org.apache.hadoop.fs.Path(f.toAbsolutePath().toUri()),
            new org.apache.hadoop.fs.Path(uri(key + "/" + local.relativize(f))));
      }
    }
  }

  /** An AWS SDK client of this server, independent of S3A: for bucket set-up and raw listings. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /** The object keys under a prefix, sorted, as S3 itself lists them (no directory emulation). */
  public List<String> keys(String prefix) {
    try (S3Client s3 = client()) {
      return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
          .map(o -> o.key())
          .sorted()
          .toList();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("s3proxy exited at start-up; its log:\n" + Files.readString(log));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
          OutputStream out = s.getOutputStream();
          InputStream in = s.getInputStream()) {
        // Jetty accepts before s3proxy's handler is in place: wait for an HTTP answer.
        out.write("HEAD / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        if (in.read() == 'H') {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IOException(
        "s3proxy did not answer within " + STARTUP + "; its log:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
