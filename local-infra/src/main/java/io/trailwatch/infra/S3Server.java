package io.trailwatch.infra;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible server (S3Proxy) on loopback. Anonymous: it accepts unsigned and signed requests alike, which
 * is what a local, loopback-only endpoint wants. Objects live in memory or under a directory.
 */
public final class S3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStore store;

    private S3Server(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    /** Starts the server on {@code port} (0 = any free port); objects go under {@code dir}, or memory when null. */
    public static S3Server start(Path dir, int port) {
        BlobStore store = dir == null ? new TransientNio2BlobStore() : filesystemStore(dir);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + FreePorts.orFree(port)))
                .awsAuthentication(AuthenticationType.NONE, "", "")
                .ignoreUnknownHeaders(true)
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3 server did not start within 30 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the S3 server", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the S3 server: " + e.getMessage(), e);
        }
        return new S3Server(proxy, store);
    }

    private static BlobStore filesystemStore(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create S3 data directory " + dir, e);
        }
        return new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public int port() {
        return proxy.getPort();
    }

    /** Creates {@code bucket} unless it exists. */
    public void ensureBucket(String bucket) {
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the S3 server", e);
        }
    }
}
