package org.simsiamexplorer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutCacheTest {
    private static final String FEATURES = "test-epoch-0007";

    private static MapLayout layout(LayoutSpec spec) {
        return new MapLayout(spec, 3, new float[]{1, 2, -3.5f, 4, 5e6f, -6e-6f}, new double[]{0.4, 0.2});
    }

    @Test
    void aWrittenLayoutReadsBackIdentically(@TempDir Path dir) throws IOException {
        LayoutCache cache = new LayoutCache(dir.resolve("layouts"));
        MapLayout written = layout(LayoutSpec.tsne(25));
        cache.write(FEATURES, written);
        MapLayout read = cache.read(FEATURES, LayoutSpec.tsne(25), 3).orElseThrow();
        assertArrayEquals(written.xy(), read.xy());
        assertArrayEquals(written.explainedVariance(), read.explainedVariance());
        assertEquals(written.spec(), read.spec());
        assertTrue(Files.exists(dir.resolve("layouts/test-epoch-0007-tsne-p25-i750-s42.f32")));
    }

    @Test
    void otherSettingsOrOtherFeaturesAreACacheMiss(@TempDir Path dir) throws IOException {
        LayoutCache cache = new LayoutCache(dir);
        cache.write(FEATURES, layout(LayoutSpec.tsne(30)));
        assertEquals(Optional.empty(), cache.read(FEATURES, LayoutSpec.tsne(50), 3));
        assertEquals(Optional.empty(), cache.read("test-epoch-0008", LayoutSpec.tsne(30), 3));
        assertEquals(Optional.empty(), cache.read(FEATURES, LayoutSpec.tsne(30), 4));
    }

    @Test
    void aTruncatedDataFileIsIgnoredNotUsed(@TempDir Path dir) throws IOException {
        LayoutCache cache = new LayoutCache(dir);
        cache.write(FEATURES, layout(LayoutSpec.pca()));
        Path data = dir.resolve(LayoutCache.stem(FEATURES, LayoutSpec.pca()) + ".f32");
        Files.write(data, new byte[5]);
        assertFalse(cache.read(FEATURES, LayoutSpec.pca(), 3).isPresent());
    }

    @Test
    void corruptMetadataIsIgnoredNotFatal(@TempDir Path dir) throws IOException {
        LayoutCache cache = new LayoutCache(dir);
        cache.write(FEATURES, layout(LayoutSpec.pca()));
        Files.writeString(dir.resolve(LayoutCache.stem(FEATURES, LayoutSpec.pca()) + ".json"), "{not json");
        assertFalse(cache.read(FEATURES, LayoutSpec.pca(), 3).isPresent());
    }

    @Test
    void writingLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        new LayoutCache(dir).write(FEATURES, layout(LayoutSpec.pca()));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }
}
