package io.duckstep.aws;

import io.duckstep.core.error.ObjectAlreadyExistsException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.error.StorageException;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.storage.StoredObject;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * {@link ObjectStorage} on Amazon S3, for {@code s3://bucket/key} locations. DuckDB reads local files
 * (httpfs is not bundled), so {@link #fetch} downloads an object to a local cache, streaming to disk, and
 * keeps it while its ETag is unchanged: a warehouse file is downloaded once per warm Lambda environment.
 * The client is expected to have its retries off: the state machine retries.
 */
public final class S3ObjectStorage
        implements ObjectStorage
{
    private final S3Client s3;
    private final Path cacheDirectory;

    public S3ObjectStorage(S3Client s3, Path cacheDirectory)
    {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.cacheDirectory = requireNonNull(cacheDirectory, "cacheDirectory is null");
    }

    @Override
    public Path fetch(String location)
    {
        S3Location object = S3Location.parse(location);
        String etag = head(location).eTag();
        Path local = cacheDirectory.resolve(object.bucket()).resolve(object.key()).normalize();
        if (!local.startsWith(cacheDirectory)) {
            throw new StorageException("Refusing an object key that escapes the cache directory: " + location);
        }
        Path etagFile = local.resolveSibling(local.getFileName() + ".etag");
        try {
            if (Files.isRegularFile(local) && Files.isRegularFile(etagFile) && Files.readString(etagFile).equals(etag)) {
                return local;
            }
            Files.createDirectories(local.getParent());
            Path temporary = Files.createTempFile(local.getParent(), ".download-", ".tmp");
            Files.delete(temporary);
            try {
                call(location, "download", () -> s3.getObject(request -> request.bucket(object.bucket()).key(object.key()).ifMatch(etag),
                        ResponseTransformer.toFile(temporary)));
                Files.move(temporary, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(etagFile, etag, StandardCharsets.UTF_8);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
            return local;
        }
        catch (IOException e) {
            // a full or unwritable /tmp: a storage failure like any other, retried by the state machine
            throw new StorageException("Cannot cache " + location + " under " + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size(String location)
    {
        return head(location).contentLength();
    }

    @Override
    public boolean exists(String location)
    {
        try {
            head(location);
            return true;
        }
        catch (ObjectNotFoundException e) {
            return false;
        }
    }

    @Override
    public void publish(Path file, String location, String contentType)
    {
        S3Location object = S3Location.parse(location);
        call(location, "upload", () -> s3.putObject(request -> request.bucket(object.bucket()).key(object.key()).contentType(contentType),
                RequestBody.fromFile(file)));
    }

    @Override
    public void publishIfAbsent(Path file, String location, String contentType)
    {
        S3Location object = S3Location.parse(location);
        try {
            s3.putObject(request -> request.bucket(object.bucket()).key(object.key()).contentType(contentType).ifNoneMatch("*"), RequestBody.fromFile(file));
        }
        catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                throw new ObjectAlreadyExistsException(location);
            }
            throw failure(location, "upload", e);
        }
        catch (SdkClientException e) {
            // A server refusing the conditional write (412) may answer before it reads the body; some HTTP
            // clients then report a broken upload instead of the status. If-None-Match guarantees nothing was
            // overwritten, so an object now at the location means the create lost.
            if (exists(location)) {
                throw new ObjectAlreadyExistsException(location);
            }
            throw new StorageException("Cannot upload " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String location)
    {
        // S3 answers 204 whether or not the key exists; in a versioned bucket the old version stays as a noncurrent version
        S3Location object = S3Location.parse(location);
        call(location, "delete", () -> s3.deleteObject(request -> request.bucket(object.bucket()).key(object.key())));
    }

    @Override
    public List<StoredObject> listObjects(String prefix)
    {
        S3Location location = S3Location.parse(prefix);
        return call(prefix, "list", () -> s3.listObjectsV2Paginator(request -> request.bucket(location.bucket()).prefix(location.key()))
                .contents().stream()
                .map(object -> new StoredObject("s3://" + location.bucket() + "/" + object.key(), object.size(), object.lastModified()))
                .sorted(Comparator.comparing(StoredObject::location))
                .toList());
    }

    @Override
    public String resolve(String prefix, String name)
    {
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    private HeadObjectResponse head(String location)
    {
        S3Location object = S3Location.parse(location);
        return call(location, "read", () -> s3.headObject(request -> request.bucket(object.bucket()).key(object.key())));
    }

    private static <T> T call(String location, String operation, Supplier<T> request)
    {
        try {
            return request.get();
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ObjectNotFoundException(location);
            }
            throw failure(location, operation, e);
        }
        catch (SdkClientException e) {
            throw new StorageException("Cannot " + operation + " " + location + ": " + e.getMessage(), e);
        }
    }

    private static StorageException failure(String location, String operation, S3Exception e)
    {
        String code = Optional.ofNullable(e.awsErrorDetails()).map(details -> details.errorCode()).orElse("unknown");
        return new StorageException("Cannot " + operation + " " + location + ": S3 answered " + e.statusCode() + " " + code, e);
    }
}
