package io.duckstep.local.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for DuckDB's extension repository on 127.0.0.1: serves gzip-compressed files at
 * {@code /<version>/<platform>/<name>.duckdb_extension.gz}, answers 404 to anything else, and records the paths asked for.
 */
public final class TestingExtensionRepository
        implements AutoCloseable
{
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public TestingExtensionRepository()
    {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            }
            else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream output = exchange.getResponseBody()) {
                    output.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public String url()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code file}, gzip-compressed, at {@code /<version>/<platform>/<name>.duckdb_extension.gz}. */
    public void serve(String version, String platform, String name, byte[] file)
    {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream output = new GZIPOutputStream(compressed)) {
            output.write(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put("/" + version + "/" + platform + "/" + name + ".duckdb_extension.gz", compressed.toByteArray());
    }

    public List<String> requests()
    {
        return List.copyOf(requests);
    }

    /**
     * A stand-in extension file: some bytes, then DuckDB's 512-byte metadata footer (eight 32-byte fields, last first:
     * three unused, ABI type, extension version, DuckDB version, platform, magic value "4"; then a 256-byte signature,
     * here zeros, which DuckDB refuses).
     */
    public static byte[] standInExtension(String platform, String duckDbVersion)
    {
        byte[] body = "not a real shared library".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[body.length + 512];
        System.arraycopy(body, 0, file, 0, body.length);
        String[] fields = {"", "", "", "CPP", "v0.0.0-stand-in", duckDbVersion, platform, "4"};
        for (int index = 0; index < fields.length; index++) {
            byte[] field = fields[index].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(field, 0, file, body.length + index * 32, field.length);
        }
        return file;
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
