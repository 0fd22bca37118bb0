package org.simsiamexplorer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CifarLocatorTest {
    @TempDir
    Path temp;

    private CifarLocator locator(Map<String, String> environment) {
        return new CifarLocator(environment::get, temp.resolve("cache"));
    }

    @Test
    void anExplicitPathWinsOverTheEnvironmentAndTheCache() throws IOException {
        Path explicit = TinyCifar.writeFolder(temp.resolve("explicit"));
        Path fromEnvironment = TinyCifar.writeFolder(temp.resolve("env"));
        TinyCifar.writeFolder(temp.resolve("cache"));

        CifarLocator.Found found = locator(Map.of("SIMSIAM_DATA", fromEnvironment.toString()))
                .locateOrThrow(explicit);

        assertEquals(explicit, found.path());
        assertEquals(CifarLocator.Source.EXPLICIT, found.source());
    }

    @Test
    void theFolderRememberedByTheAppComesAfterTheExplicitPathAndBeforeTheEnvironment() throws IOException {
        Path remembered = TinyCifar.writeFolder(temp.resolve("remembered"));
        Path fromEnvironment = TinyCifar.writeFolder(temp.resolve("env"));
        CifarLocator locator = new CifarLocator(Map.of("SIMSIAM_DATA", fromEnvironment.toString())::get,
                temp.resolve("cache"), () -> Optional.of(remembered));

        assertEquals(CifarLocator.Source.REMEMBERED, locator.locateOrThrow(null).source());
        assertEquals(remembered, locator.locateOrThrow(null).path());
        Path explicit = TinyCifar.writeFolder(temp.resolve("explicit"));
        assertEquals(explicit, locator.locateOrThrow(explicit).path());
    }

    @Test
    void theEnvironmentVariableWinsOverTheCache() throws IOException {
        TinyCifar.writeFolder(temp.resolve("env"));
        TinyCifar.writeFolder(temp.resolve("cache"));

        CifarLocator.Found found = locator(Map.of("SIMSIAM_DATA", temp.resolve("env").toString())).locateOrThrow(null);

        assertEquals(temp.resolve("env/cifar-10-batches-bin"), found.path());
        assertEquals(CifarLocator.Source.ENVIRONMENT, found.source());
    }

    @Test
    void fallsBackToTheCacheWhenTheExplicitPathHasNoData() throws IOException {
        Path cached = TinyCifar.writeFolder(temp.resolve("cache"));

        CifarLocator.Result result = locator(Map.of()).locate(temp.resolve("nowhere"));

        assertEquals(cached, result.found().orElseThrow().path());
        assertEquals(CifarLocator.Source.CACHE, result.found().orElseThrow().source());
        assertTrue(result.searched().get(0).contains("nowhere"), result.searched().toString());
    }

    @Test
    void findsADownloadedTarballInTheCache() throws IOException {
        Files.createDirectories(temp.resolve("cache"));
        Path tarball = Files.write(temp.resolve("cache/cifar-10-binary.tar.gz"), TinyCifar.tarGz());

        assertEquals(tarball, locator(Map.of()).locateOrThrow(null).path());
    }

    @Test
    void aChosenFolderHoldingOnlyTheTarballYieldsTheTarball() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("downloads"));
        Path tarball = Files.write(folder.resolve("cifar-10-binary.tar.gz"), TinyCifar.tarGz());

        assertEquals(Optional.of(tarball), CifarLocator.dataAt(folder));
    }

    @Test
    void anIncompleteFolderDoesNotCount() throws IOException {
        Path folder = TinyCifar.writeFolder(temp.resolve("explicit"));
        Files.delete(folder.resolve("data_batch_3.bin"));

        assertFalse(CifarLocator.dataAt(folder).isPresent());
    }

    @Test
    void nothingFoundListsEveryPlaceItLooked() {
        Path explicit = temp.resolve("chosen");
        CifarDataException error = assertThrows(CifarDataException.class,
                () -> locator(Map.of("SIMSIAM_DATA", temp.resolve("envdir").toString())).locateOrThrow(explicit));

        String message = error.getMessage();
        assertTrue(message.contains(explicit.toString()), message);
        assertTrue(message.contains("SIMSIAM_DATA = " + temp.resolve("envdir")), message);
        assertTrue(message.contains(temp.resolve("cache").toString()), message);
        assertTrue(message.contains("Download CIFAR-10"), message);
    }

    @Test
    void saysWhenTheEnvironmentVariableIsNotSet() {
        CifarLocator.Result result = locator(Map.of()).locate(null);

        assertTrue(result.describe().contains("$SIMSIAM_DATA: not set"), result.describe());
    }

    @Test
    void cacheFollowsXdgCacheHomeOrDefaultsToDotCache() {
        assertEquals(Path.of("/xdg/simsiam-explorer"),
                CifarLocator.defaultCacheDirectory(Map.of("XDG_CACHE_HOME", "/xdg")::get, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/simsiam-explorer"),
                CifarLocator.defaultCacheDirectory(name -> null, "/home/u"));
    }
}
