package io.duckstep.aws;

import io.duckstep.core.error.ObjectAlreadyExistsException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.lambda.support.TestingS3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ObjectStorageTest
{
    private static final String BUCKET = "duckstep-test";

    private static TestingS3Server server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer()
            throws Exception
    {
        server = new TestingS3Server(BUCKET);
    }

    @AfterAll
    static void stopServer()
            throws Exception
    {
        server.close();
    }

    @Test
    void publishAndFetch_roundTrip_returnsTheSameBytesAndSize()
            throws Exception
    {
        S3ObjectStorage storage = storage();
        Path file = Files.writeString(directory.resolve("hello.csv"), "Invoice,StockCode\n1,A\n");
        String location = "s3://" + BUCKET + "/uploads/hello.csv";

        storage.publish(file, location, "text/csv");

        assertThat(storage.exists(location)).isTrue();
        assertThat(storage.size(location)).isEqualTo(22);
        assertThat(Files.readString(storage.fetch(location))).isEqualTo("Invoice,StockCode\n1,A\n");
    }

    @Test
    void fetch_objectOver20Megabytes_arrivesIntact()
            throws Exception
    {
        S3ObjectStorage storage = storage();
        byte[] content = new byte[21 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path file = Files.write(directory.resolve("large.bin"), content);
        String location = "s3://" + BUCKET + "/warehouse/large.bin";

        storage.publish(file, location, "application/octet-stream");
        Path fetched = storage.fetch(location);

        assertThat(Files.size(fetched)).isEqualTo(content.length);
        assertThat(sha256(fetched)).isEqualTo(sha256(file));
    }

    @Test
    void fetch_missingObject_throwsObjectNotFoundExceptionNamingIt()
    {
        String location = "s3://" + BUCKET + "/uploads/absent.csv";

        assertThatThrownBy(() -> storage().fetch(location))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No such object: " + location);
        assertThat(storage().exists(location)).isFalse();
    }

    @Test
    void fetch_unchangedObject_isServedFromTheCacheAndAChangedOneIsDownloadedAgain()
            throws Exception
    {
        S3ObjectStorage storage = storage();
        String location = "s3://" + BUCKET + "/warehouse/warehouse.duckdb";
        storage.publish(Files.writeString(directory.resolve("v1"), "version 1"), location, "application/octet-stream");
        Path first = storage.fetch(location);
        // mark the cached copy: a second fetch of an unchanged object must not download it again
        Files.writeString(first, "version 1 (cached)");

        assertThat(Files.readString(storage.fetch(location))).isEqualTo("version 1 (cached)");

        storage.publish(Files.writeString(directory.resolve("v2"), "version 2"), location, "application/octet-stream");
        assertThat(Files.readString(storage.fetch(location))).isEqualTo("version 2");
    }

    @Test
    void publishIfAbsent_existingObject_refusesToOverwrite()
            throws Exception
    {
        S3ObjectStorage storage = storage();
        String location = "s3://" + BUCKET + "/runs/once/report.html";
        storage.publishIfAbsent(Files.writeString(directory.resolve("first"), "first"), location, "text/html");

        assertThatThrownBy(() -> storage.publishIfAbsent(Files.writeString(directory.resolve("second"), "second"), location, "text/html"))
                .isInstanceOf(ObjectAlreadyExistsException.class)
                .hasMessageContaining(location);
        try (InputStream stored = server.client().getObject(request -> request.bucket(BUCKET).key("runs/once/report.html"))) {
            assertThat(new String(stored.readAllBytes())).isEqualTo("first");
        }
    }

    @Test
    void listObjects_prefixAcrossSeveralPages_returnsExactlyItsKeysSorted()
    {
        IntStream.range(0, 1005).forEach(index -> server.client().putObject(request -> request.bucket(BUCKET).key(String.format("listing/part-%04d.csv", index)),
                RequestBody.fromString("x")));
        server.client().putObject(request -> request.bucket(BUCKET).key("listing-other/x.csv"), RequestBody.fromString("x"));

        var objects = storage().listObjects("s3://" + BUCKET + "/listing/");

        assertThat(objects).hasSize(1005);
        assertThat(objects.get(0).location()).isEqualTo("s3://" + BUCKET + "/listing/part-0000.csv");
        assertThat(objects.get(1004).location()).isEqualTo("s3://" + BUCKET + "/listing/part-1004.csv");
        assertThat(objects).allSatisfy(object -> assertThat(object.size()).isEqualTo(1));
    }

    @Test
    void resolve_prefixWithOrWithoutSlash_joinsWithOneSlash()
    {
        assertThat(storage().resolve("s3://b/runs", "x")).isEqualTo("s3://b/runs/x");
        assertThat(storage().resolve("s3://b/runs/", "x")).isEqualTo("s3://b/runs/x");
    }

    private S3ObjectStorage storage()
    {
        return new S3ObjectStorage(server.client(), directory.resolve("cache"));
    }

    private static String sha256(Path file)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
