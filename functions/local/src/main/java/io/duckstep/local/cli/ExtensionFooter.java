package io.duckstep.local.cli;

import java.nio.charset.StandardCharsets;

/**
 * The metadata footer of a DuckDB extension file: its last 512 bytes are eight 32-byte, zero-padded fields, last
 * first (magic value {@code 4}, platform, DuckDB version, extension version, ABI type, three unused), then a 256-byte
 * signature. DuckDB reads the same fields before it loads a file; the CDK app checks them too (infra-cdk's
 * {@code MotherDuckExtensionLayer}), as it cannot depend on this module.
 */
record ExtensionFooter(String platform, String duckDbVersion, String extensionVersion)
{
    static final int FOOTER_SIZE = 512;
    private static final int FIELD_SIZE = 32;

    static ExtensionFooter read(byte[] file)
    {
        if (file.length < FOOTER_SIZE || !field(file, 0).equals("4")) {
            throw new CommandFailedException("not a DuckDB extension file: no metadata footer");
        }
        return new ExtensionFooter(field(file, 1), field(file, 2), field(file, 3));
    }

    /** The field {@code index} counted from the magic value (0) backwards. */
    private static String field(byte[] file, int index)
    {
        int start = file.length - FOOTER_SIZE + (7 - index) * FIELD_SIZE;
        int end = start;
        while (end < start + FIELD_SIZE && file[end] != 0) {
            end++;
        }
        return new String(file, start, end - start, StandardCharsets.US_ASCII);
    }

    void require(String source, String expectedPlatform, String expectedDuckDbVersion)
    {
        if (!platform.equals(expectedPlatform) || !duckDbVersion.equals(expectedDuckDbVersion)) {
            throw new CommandFailedException("refusing " + source + ": it is built for DuckDB " + duckDbVersion + " on " + platform
                    + ", but DuckStep needs DuckDB " + expectedDuckDbVersion + " on " + expectedPlatform + "; nothing was written");
        }
    }
}
