package org.simsiamexplorer.service;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointStoreTest {
    private static final TrainingConfig CONFIG = TinyRuns.config("ckpt", 1);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one flipped byte", "truncated to half", "empty file"})
    void aDamagedCheckpointIsRefusedWithAClearMessage(String damage) throws IOException {
        Path file;
        try (SimSiamTrainer trainer = new SimSiamTrainer(CONFIG, Device.cpu())) {
            file = new CheckpointStore(folder).save(trainer, CONFIG, new TrainingPosition(1, 0, 10));
        }
        byte[] bytes = Files.readAllBytes(file);
        switch (damage) {
            case "one flipped byte" -> {
                bytes[bytes.length / 2] ^= 0x10;
                Files.write(file, bytes);
            }
            case "truncated to half" -> Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            default -> Files.write(file, new byte[0]);
        }
        try (SimSiamTrainer trainer = new SimSiamTrainer(CONFIG, Device.cpu())) {
            IOException e = assertThrows(IOException.class, () -> CheckpointStore.restore(file, trainer, CONFIG));
            assertTrue(e.getMessage().contains("corrupt or truncated") || e.getMessage().contains("truncated"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        }
    }

    @Test
    void resumeFallsBackToThePreviousGoodCheckpointWhenTheNewestIsCorrupt() throws IOException {
        float[] olderWeights;
        try (SimSiamTrainer trainer = new SimSiamTrainer(CONFIG, Device.cpu())) {
            CheckpointStore store = new CheckpointStore(folder);
            store.save(trainer, CONFIG, new TrainingPosition(1, 0, 3));
            olderWeights = firstWeights(trainer);
            trainer.network().getParameters().valueAt(0).getArray().addi(1f);
            Path newest = store.save(trainer, CONFIG, new TrainingPosition(2, 0, 6));
            byte[] bytes = Files.readAllBytes(newest);
            bytes[100] ^= 0x01;
            Files.write(newest, bytes);
        }
        try (SimSiamTrainer trainer = new SimSiamTrainer(CONFIG.withSeed(99), Device.cpu())) {
            List<String> warnings = new ArrayList<>();
            Optional<TrainingPosition> position = new CheckpointStore(folder).restoreLatest(trainer, CONFIG,
                    warnings::add);
            assertEquals(Optional.of(new TrainingPosition(1, 0, 3)), position);
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("step-0000000006.ckpt is corrupt"), warnings.get(0));
            assertArrayEquals(olderWeights, firstWeights(trainer));
        }
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefused() throws IOException {
        Path file;
        try (SimSiamTrainer trainer = new SimSiamTrainer(CONFIG, Device.cpu())) {
            file = new CheckpointStore(folder).save(trainer, CONFIG, new TrainingPosition(1, 0, 1));
        }
        TrainingConfig other = CONFIG.withLatentDim(128);
        try (SimSiamTrainer trainer = new SimSiamTrainer(other, Device.cpu())) {
            IOException e = assertThrows(IOException.class, () -> CheckpointStore.restore(file, trainer, other));
            assertTrue(e.getMessage().contains("latent 32"), e.getMessage());
        }
    }

    private static float[] firstWeights(SimSiamTrainer trainer) {
        return trainer.network().getParameters().valueAt(0).getArray().toFloatArray();
    }
}
