package io.duckstep.local.cli;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * picocli is compiled from its sources into this module (see its pom): its published jar is compiled for Java 5, whose
 * classes the class-data archive refuses and the JVM verifies with the old verifier on every start of the command line.
 */
class PicocliClassFileTest
{
    // Java 6 is 50, the first version the class-data archive takes; Java 8 (52) the first whose classes must carry
    // stack map frames, which the JVM's fast verifier checks.
    private static final int JAVA_8_MAJOR_VERSION = 52;

    @Test
    void classFileVersion_picocliClassesOnClassPath_isJava8OrLater()
            throws IOException
    {
        assertThat(majorVersion("picocli/CommandLine.class")).isGreaterThanOrEqualTo(JAVA_8_MAJOR_VERSION);
        assertThat(majorVersion("picocli/CommandLine$Model$CommandSpec.class")).isGreaterThanOrEqualTo(JAVA_8_MAJOR_VERSION);
        assertThat(majorVersion("picocli/AutoComplete.class")).isGreaterThanOrEqualTo(JAVA_8_MAJOR_VERSION);
    }

    @Test
    void getResources_picocliCommandLine_findsOneCopy()
            throws IOException
    {
        List<URL> copies = Collections.list(classLoader().getResources("picocli/CommandLine.class"));

        assertThat(copies).hasSize(1);
    }

    private static int majorVersion(String resource)
            throws IOException
    {
        try (InputStream stream = requireNonNull(classLoader().getResourceAsStream(resource), () -> resource + " is not on the class path");
                DataInputStream input = new DataInputStream(stream)) {
            assertThat(input.readInt()).as("class file magic of %s", resource).isEqualTo(0xCAFEBABE);
            input.readUnsignedShort(); // minor version
            return input.readUnsignedShort();
        }
    }

    private static ClassLoader classLoader()
    {
        return PicocliClassFileTest.class.getClassLoader();
    }
}
