package io.duckstep.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 checksum of a file, as lower-case hex: what a manifest records for every file it lists.
 */
public final class Sha256
{
    private Sha256() {}

    public static String of(Path file)
    {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream input = Files.newInputStream(file)) {
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " for its checksum", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] bytes)
    {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
