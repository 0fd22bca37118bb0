package org.simsiamexplorer.service;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Checkpoints of one run under {@code checkpoints/step-NNNNNNNNNN.ckpt}. A checkpoint holds every network tensor
 * (weights and BatchNorm running statistics), the optimizer's momentum buffers, the position and the seed. Layout:
 * magic, format version, position, seed, architecture, tensors, momentum, then a CRC32 of everything before it, so a
 * truncated or corrupted file is refused instead of loaded. Files are written to a temp file and renamed atomically.
 */
final class CheckpointStore {
    static final String MAGIC = "SIMSIAM-EXPLORER-CHECKPOINT";
    static final int FORMAT_VERSION = 1;
    private static final int KEEP = 3;

    private final Path folder;

    CheckpointStore(Path folder) {
        this.folder = folder;
    }

    Path save(SimSiamTrainer trainer, TrainingConfig config, TrainingPosition position) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(position.epoch());
            out.writeInt(position.stepInEpoch());
            out.writeLong(position.globalStep());
            out.writeLong(config.seed());
            out.writeInt(config.latentDim());
            out.writeDouble(config.widthMultiplier());
            List<Pair<String, Parameter>> tensors = trainer.network().getParameters().stream().toList();
            out.writeInt(tensors.size());
            for (Pair<String, Parameter> tensor : tensors) {
                out.writeUTF(tensor.getKey());
                byte[] encoded = tensor.getValue().getArray().encode();
                out.writeInt(encoded.length);
                out.write(encoded);
            }
            trainer.optimizer().save(out);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        new DataOutputStream(bytes).writeLong(crc.getValue());
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format("step-%010d.ckpt", position.globalStep()));
        RunDirectory.writeAtomically(file, bytes.toByteArray());
        pruneAllBut(KEEP);
        return file;
    }

    /** Checkpoint files, newest first. */
    List<Path> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
    }

    /**
     * Loads the newest checkpoint that verifies; each refused one is reported to {@code warnings} (and left on disk
     * for inspection). Empty when there is none.
     */
    Optional<TrainingPosition> restoreLatest(SimSiamTrainer trainer, TrainingConfig config,
                                             Consumer<String> warnings) throws IOException {
        for (Path file : list()) {
            try {
                return Optional.of(restore(file, trainer, config));
            } catch (IOException e) {
                warnings.accept(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Loads one checkpoint into the trainer; refuses corrupt, truncated, foreign or incompatible files. */
    static TrainingPosition restore(Path file, SimSiamTrainer trainer, TrainingConfig config) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        verifyChecksum(file, bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("checkpoint " + file + " is not a SimSiam Explorer checkpoint");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("checkpoint " + file + " has format version " + version
                        + "; this program reads version " + FORMAT_VERSION);
            }
            TrainingPosition position = new TrainingPosition(in.readInt(), in.readInt(), in.readLong());
            in.readLong(); // the seed, recorded for inspection; the run's config.json is authoritative
            int latent = in.readInt();
            double width = in.readDouble();
            if (latent != config.latentDim() || width != config.widthMultiplier()) {
                throw new IOException("checkpoint " + file + " was written for latent " + latent + ", width " + width
                        + " but the run's config says latent " + config.latentDim() + ", width "
                        + config.widthMultiplier());
            }
            readTensors(file, in, trainer);
            trainer.optimizer().load(in);
            return position;
        }
    }

    private static void verifyChecksum(Path file, byte[] bytes) throws IOException {
        if (bytes.length < 16) {
            throw new IOException("checkpoint " + file + " is truncated (" + bytes.length + " bytes): refusing it");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IOException("checkpoint " + file + " is corrupt or truncated (checksum mismatch): refusing it");
        }
    }

    private static void readTensors(Path file, DataInputStream in, SimSiamTrainer trainer) throws IOException {
        List<Pair<String, Parameter>> tensors = trainer.network().getParameters().stream().toList();
        int count = in.readInt();
        if (count != tensors.size()) {
            throw new IOException("checkpoint " + file + " holds " + count + " tensors, the network has "
                    + tensors.size());
        }
        for (Pair<String, Parameter> tensor : tensors) {
            String name = in.readUTF();
            byte[] encoded = new byte[in.readInt()];
            in.readFully(encoded);
            NDArray target = tensor.getValue().getArray();
            if (!name.equals(tensor.getKey())) {
                throw new IOException("checkpoint " + file + " has tensor " + name + " where the network has "
                        + tensor.getKey());
            }
            try (NDManager temp = trainer.manager().newSubManager()) {
                NDArray loaded = NDArray.decode(temp, encoded);
                if (!loaded.getShape().equals(target.getShape())) {
                    throw new IOException("checkpoint " + file + ": tensor " + name + " has shape "
                            + loaded.getShape() + ", the network expects " + target.getShape());
                }
                target.set(loaded.toByteBuffer());
            }
        }
    }

    private void pruneAllBut(int keep) throws IOException {
        List<Path> files = new ArrayList<>(list());
        for (int i = keep; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }
}
