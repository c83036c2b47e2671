package io.duckstep.core.duckdb;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Where DuckDB's JNI library is loaded from. duckdb_jdbc copies the library for this platform
 * ({@code libduckdb_java.so_<platform>}, 35-110 MB) out of its jar into a new temporary file on every start,
 * unless that resource is absent: then it loads {@code libduckdb_java.so} from {@code java.library.path}.
 * DuckStep's packages leave the resource out so that no start pays for the copy:
 * <ul>
 * <li>the Lambda packages ship the library already extracted as {@code lib/libduckdb_java.so}, which is
 * {@code /var/task/lib}, on Lambda's library path;</li>
 * <li>the command line's jar carries it under {@code duckdb-native/}; the {@code ./duckstep} wrapper runs
 * {@link #main} once per build, which extracts it into a cache directory named after the engine version and
 * the library's checksum, and then starts Java with that directory as {@code java.library.path}.</li>
 * </ul>
 * Anywhere else (the tests, an application using the plain driver jar) the driver's own extraction applies.
 */
public final class DuckDbNativeLibrary
{
    /** Where the command line's jar carries the libraries, with {@code engine.properties} (the driver version). */
    static final String PACKAGED_DIRECTORY = "duckdb-native/";

    private DuckDbNativeLibrary() {}

    /**
     * Extracts this platform's library from the jar (if not done before) and prints the directory to put on
     * {@code java.library.path}. Prints nothing when the jar does not carry a library for this platform.
     */
    public static void main(String[] arguments)
    {
        ClassLoader loader = DuckDbNativeLibrary.class.getClassLoader();
        Optional<Path> directory = extractPackaged(loader, cacheRoot(System.getenv(), System.getProperty("user.home")));
        directory.ifPresent(System.out::println);
    }

    /**
     * Starts initialising DuckDB's driver on a daemon thread: its static initialiser registers a JFR event, which loads
     * the JFR machinery (about a tenth of a second), and a command line can overlap that with its own start. Does
     * nothing when the library is not loadable: the first real use then explains why, on the thread that needs it.
     *
     * @return the thread started, if any
     */
    public static Optional<Thread> preload()
    {
        return preload(DuckDbNativeLibrary.class.getClassLoader(), System.getProperty("java.library.path"));
    }

    static Optional<Thread> preload(ClassLoader loader, String libraryPath)
    {
        try {
            checkLoadable(loader, libraryPath);
        }
        catch (IllegalStateException e) {
            return Optional.empty();
        }
        Thread thread = new Thread(() -> {
            try {
                Class.forName("io.duckstep.core.duckdb.DuckDb", true, loader);
            }
            catch (ClassNotFoundException | LinkageError e) {
                // the thread that needs DuckDB meets the same error and reports it
            }
        }, "duckdb-preload");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(thread);
    }

    /**
     * Fails with an explanation when the driver would find its library neither in its jar nor on
     * {@code java.library.path} (its own message is a stack trace); called before the driver's class loads.
     */
    static void checkLoadable(ClassLoader loader, String libraryPath)
    {
        if (loader.getResource(driverResourceName()) != null || onLibraryPath(libraryPath).isPresent()) {
            return;
        }
        if (loader.getResource(PACKAGED_DIRECTORY + driverResourceName()) != null) {
            throw new IllegalStateException("DuckDB's native library is not on java.library.path (" + libraryPath + "): start DuckStep with ./duckstep, "
                    + "or run `java -cp duckstep.jar " + DuckDbNativeLibrary.class.getName() + "` once and start Java with -Djava.library.path=<the directory it prints>");
        }
        throw new IllegalStateException("DuckDB's native library for " + platform() + " (" + System.mapLibraryName("duckdb_java") + ") is neither in the classpath nor on java.library.path ("
                + libraryPath + ")");
    }

    /** The library file on {@code java.library.path}, as {@link System#loadLibrary} would find it. */
    static Optional<Path> onLibraryPath(String libraryPath)
    {
        if (libraryPath == null || libraryPath.isEmpty()) {
            return Optional.empty();
        }
        for (String directory : libraryPath.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path file = Path.of(directory).resolve(System.mapLibraryName("duckdb_java"));
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Extracts the packaged library for this platform into {@code <cacheRoot>/duckdb-<version>-<checksum>/}, once:
     * a directory that already holds it is reused, and a new one is filled atomically (a temporary file moved into place).
     *
     * @return the directory holding {@code libduckdb_java.so}; empty when the classpath carries no packaged library
     */
    static Optional<Path> extractPackaged(ClassLoader loader, Path cacheRoot)
    {
        URL library = loader.getResource(PACKAGED_DIRECTORY + driverResourceName());
        URL engine = loader.getResource(PACKAGED_DIRECTORY + "engine.properties");
        if (library == null || engine == null) {
            return Optional.empty();
        }
        try {
            Properties properties = new Properties();
            try (InputStream input = engine.openStream()) {
                properties.load(input);
            }
            String version = requireNonNull(properties.getProperty("version"), "engine.properties has no version");
            return Optional.of(extract(library, version, cacheRoot));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot extract DuckDB's native library into " + cacheRoot, e);
        }
    }

    static Path extract(URL library, String version, Path cacheRoot)
            throws IOException
    {
        Files.createDirectories(cacheRoot);
        Path temporary = Files.createTempFile(cacheRoot, "duckdb-", ".extracting");
        try {
            MessageDigest digest = sha256();
            try (InputStream input = library.openStream();
                    OutputStream output = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                input.transferTo(output);
            }
            String checksum = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            Path directory = cacheRoot.resolve("duckdb-" + version.replaceAll("[^0-9A-Za-z.]", "_") + "-" + checksum);
            Path target = directory.resolve(System.mapLibraryName("duckdb_java"));
            if (Files.isRegularFile(target) && Files.size(target) == Files.size(temporary)) {
                return directory;
            }
            Files.createDirectories(directory);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return directory;
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@code $DUCKSTEP_CACHE_DIRECTORY}, else {@code $XDG_CACHE_HOME/duckstep}, else {@code ~/.cache/duckstep}. */
    static Path cacheRoot(Map<String, String> environment, String userHome)
    {
        String explicit = environment.get("DUCKSTEP_CACHE_DIRECTORY");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String cacheHome = environment.get("XDG_CACHE_HOME");
        if (cacheHome != null && !cacheHome.isBlank()) {
            return Path.of(cacheHome, "duckstep");
        }
        return Path.of(userHome, ".cache", "duckstep");
    }

    /** The resource name duckdb_jdbc looks for (its own rule: {@code libduckdb_java.so_<os>_<arch>}). */
    static String driverResourceName()
    {
        return "libduckdb_java.so_" + platform();
    }

    static String platform()
    {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).trim();
        if (os.startsWith("windows")) {
            os = "windows";
        }
        else if (os.startsWith("mac")) {
            return "osx_universal";
        }
        else if (os.startsWith("linux")) {
            os = "linux";
        }
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT).trim();
        arch = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return os + "_" + arch;
    }

    private static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
