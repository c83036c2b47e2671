package io.duckstep.core.duckdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbNativeLibraryTest
{
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2, appendix B.1)
    private static final String ABC_CHECKSUM = "ba7816bf8f01cfea";

    @TempDir
    Path directory;

    @Test
    void extractPackaged_firstUse_extractsIntoADirectoryNamedAfterVersionAndChecksum()
            throws IOException
    {
        Path cache = directory.resolve("cache");

        Optional<Path> extracted = DuckDbNativeLibrary.extractPackaged(packagedLibrary("jar", "abc"), cache);

        assertThat(extracted).contains(cache.resolve("duckdb-1.5.6.0-" + ABC_CHECKSUM));
        assertThat(extracted.orElseThrow().resolve(System.mapLibraryName("duckdb_java"))).hasContent("abc");
        // nothing half-written is left behind
        try (var files = Files.list(cache)) {
            assertThat(files).containsExactly(cache.resolve("duckdb-1.5.6.0-" + ABC_CHECKSUM));
        }
    }

    @Test
    void extractPackaged_secondUse_reusesTheExtractedFile()
            throws IOException
    {
        Path cache = directory.resolve("cache");
        ClassLoader loader = packagedLibrary("jar", "abc");
        Path library = DuckDbNativeLibrary.extractPackaged(loader, cache).orElseThrow().resolve(System.mapLibraryName("duckdb_java"));
        FileTime marked = FileTime.fromMillis(86_400_000L);
        Files.setLastModifiedTime(library, marked);

        Optional<Path> again = DuckDbNativeLibrary.extractPackaged(loader, cache);

        assertThat(again).contains(library.getParent());
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(marked);
    }

    @Test
    void extractPackaged_anotherLibrary_getsADirectoryOfItsOwn()
            throws IOException
    {
        Path cache = directory.resolve("cache");
        Path first = DuckDbNativeLibrary.extractPackaged(packagedLibrary("first", "abc"), cache).orElseThrow();

        Path second = DuckDbNativeLibrary.extractPackaged(packagedLibrary("second", "abd"), cache).orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(second.resolve(System.mapLibraryName("duckdb_java"))).hasContent("abd");
        assertThat(first.resolve(System.mapLibraryName("duckdb_java"))).hasContent("abc");
    }

    @Test
    void extractPackaged_noPackagedLibrary_extractsNothing()
    {
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        assertThat(DuckDbNativeLibrary.extractPackaged(empty, directory.resolve("cache"))).isEmpty();
        assertThat(directory.resolve("cache")).doesNotExist();
    }

    @Test
    void checkLoadable_libraryOnTheLibraryPath_passes()
            throws IOException
    {
        Path libraries = Files.createDirectories(directory.resolve("lib"));
        Files.writeString(libraries.resolve(System.mapLibraryName("duckdb_java")), "abc");
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        assertThatCode(() -> DuckDbNativeLibrary.checkLoadable(empty, "/nowhere" + java.io.File.pathSeparator + libraries)).doesNotThrowAnyException();
        assertThat(DuckDbNativeLibrary.onLibraryPath(libraries.toString())).contains(libraries.resolve(System.mapLibraryName("duckdb_java")));
    }

    @Test
    void checkLoadable_packagedButNotOnTheLibraryPath_saysHowToStart()
            throws IOException
    {
        ClassLoader loader = packagedLibrary("jar", "abc");

        assertThatThrownBy(() -> DuckDbNativeLibrary.checkLoadable(loader, directory.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./duckstep")
                .hasMessageContaining("-Djava.library.path");
    }

    @Test
    void checkLoadable_libraryNowhere_namesWhatIsMissing()
    {
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        assertThatThrownBy(() -> DuckDbNativeLibrary.checkLoadable(empty, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(System.mapLibraryName("duckdb_java"));
    }

    @Test
    void checkLoadable_theDriversOwnJar_passes()
    {
        // the test classpath has the plain duckdb_jdbc jar, which carries the library where the driver looks
        assertThatCode(() -> DuckDbNativeLibrary.checkLoadable(DuckDb.class.getClassLoader(), "")).doesNotThrowAnyException();
    }

    @Test
    void preload_libraryNowhere_startsNothing()
    {
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        assertThat(DuckDbNativeLibrary.preload(empty, "")).isEmpty();
    }

    @Test
    void preload_theDriversOwnJar_initialisesTheDriverOnADaemonThread()
            throws Exception
    {
        Thread thread = DuckDbNativeLibrary.preload(DuckDb.class.getClassLoader(), "").orElseThrow();
        thread.join();

        assertThat(thread.isDaemon()).isTrue();
        assertThat(java.sql.DriverManager.drivers().map(driver -> driver.getClass().getName())).contains("org.duckdb.DuckDBDriver");
    }

    @Test
    void cacheRoot_environment_explicitThenXdgThenHome()
    {
        assertThat(DuckDbNativeLibrary.cacheRoot(Map.of("DUCKSTEP_CACHE_DIRECTORY", "/c", "XDG_CACHE_HOME", "/x"), "/home/a")).isEqualTo(Path.of("/c"));
        assertThat(DuckDbNativeLibrary.cacheRoot(Map.of("XDG_CACHE_HOME", "/x"), "/home/a")).isEqualTo(Path.of("/x/duckstep"));
        assertThat(DuckDbNativeLibrary.cacheRoot(Map.of(), "/home/a")).isEqualTo(Path.of("/home/a/.cache/duckstep"));
    }

    /** A class loader over a directory laid out as the command line's jar: duckdb-native/{library, engine.properties}. */
    private ClassLoader packagedLibrary(String name, String content)
            throws IOException
    {
        Path root = Files.createDirectories(directory.resolve(name).resolve("duckdb-native"));
        Files.writeString(root.resolve(DuckDbNativeLibrary.driverResourceName()), content, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("engine.properties"), "version=1.5.6.0\n", StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {directory.resolve(name).toUri().toURL()}, null);
    }
}
