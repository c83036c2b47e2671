package io.duckstep.local.remote;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.time.Instant;

/**
 * A real S3 API on 127.0.0.1: S3Proxy over an in-memory blob store, checking signatures with the given keys.
 */
public final class TestingS3Proxy
        implements AutoCloseable
{
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public TestingS3Proxy(String bucket, String accessKey, String secretKey)
            throws Exception
    {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, bucket);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.onSpinWait();
        }
    }

    public URI endpoint()
    {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The blob store behind the API, for putting what the stack's functions would have written and reading what was uploaded. */
    public BlobStore blobs()
    {
        return context.getBlobStore();
    }

    @Override
    public void close()
            throws Exception
    {
        proxy.stop();
        context.close();
    }
}
