package org.simsiamexplorer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Cifar10ReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsRecordsIntoThePlanarArraysInFileOrder() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);

        Cifar10 cifar = Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums());

        assertEquals(5 * TinyCifar.RECORDS_PER_FILE, cifar.train().size());
        assertEquals(TinyCifar.RECORDS_PER_FILE, cifar.test().size());
        // train image 7 is record 1 of data_batch_3.bin
        assertEquals(TinyCifar.label(2, 1), (byte) cifar.train().label(7));
        byte[] image = new byte[CifarDataset.IMAGE_BYTES];
        cifar.train().copyImage(7, image, 0);
        assertArrayEquals(Arrays.copyOfRange(TinyCifar.batchBytes(2), CifarDataset.RECORD_BYTES + 1,
                2 * CifarDataset.RECORD_BYTES), image);
        assertEquals(TinyCifar.pixel(5, 2, 3071), cifar.test().pixels()[cifar.test().offset(2) + 3071]);
        assertEquals(Cifar10.CLASS_NAMES, cifar.classNames());
    }

    @Test
    void acceptsTheParentOfTheBatchFolder() throws IOException {
        TinyCifar.writeFolder(temp);

        Cifar10 cifar = Cifar10Reader.read(temp, Verification.VERIFY_MD5, TinyCifar.checksums());

        assertEquals(15, cifar.train().size());
    }

    @Test
    void readsClassNamesFromTheMetaFile() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        Files.writeString(folder.resolve(Cifar10Reader.META_FILE), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");

        Cifar10 cifar = Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums());

        assertEquals("j", cifar.classNames().get(9));
        assertEquals(10, cifar.classNames().size());
    }

    @Test
    void fallsBackToTheOfficialClassNamesWithoutAMetaFile() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        Files.delete(folder.resolve(Cifar10Reader.META_FILE));

        Cifar10 cifar = Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums());

        assertEquals(Cifar10.CLASS_NAMES, cifar.classNames());
    }

    @Test
    void readsTheSameDataStraightFromATarGz() throws IOException {
        Path folder = TinyCifar.writeFolder(temp.resolve("unpacked"));
        Path tarGz = Files.write(temp.resolve("cifar-10-binary.tar.gz"), TinyCifar.tarGz());

        Cifar10 fromFolder = Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums());
        Cifar10 fromTar = Cifar10Reader.read(tarGz, Verification.VERIFY_MD5, TinyCifar.checksums());

        assertArrayEquals(fromFolder.train().pixels(), fromTar.train().pixels());
        assertArrayEquals(fromFolder.train().labels(), fromTar.train().labels());
        assertArrayEquals(fromFolder.test().pixels(), fromTar.test().pixels());
        assertArrayEquals(fromFolder.test().labels(), fromTar.test().labels());
    }

    @Test
    void rejectsATruncatedFileNamingItAndItsSize() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        byte[] whole = TinyCifar.batchBytes(3);
        Files.write(folder.resolve("data_batch_4.bin"), Arrays.copyOf(whole, whole.length - 100));

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(folder, Verification.SKIP, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains("data_batch_4.bin"), error.getMessage());
        assertTrue(error.getMessage().contains(String.valueOf(whole.length - 100)), error.getMessage());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void officialTableRejectsAFileOfTheWrongSizeBeforeReadingIt() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(folder, Verification.VERIFY_MD5));

        assertTrue(error.getMessage().contains("30730000"), error.getMessage());
        assertTrue(error.getMessage().contains(String.valueOf(3 * CifarDataset.RECORD_BYTES)), error.getMessage());
    }

    @Test
    void wrongMd5NamesTheFileTheExpectedAndTheActualValueAndWhatToDo() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        byte[] tampered = TinyCifar.batchBytes(1);
        tampered[500] ^= 1;
        Files.write(folder.resolve("data_batch_2.bin"), tampered);

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums()));

        String message = error.getMessage();
        assertTrue(message.contains("data_batch_2.bin"), message);
        assertTrue(message.contains(TinyCifar.checksums().md5("data_batch_2.bin")), message);
        assertTrue(message.contains(TinyCifar.md5(tampered)), message);
        assertTrue(message.contains("--no-verify") && message.contains("Download"), message);
    }

    @Test
    void skippingVerificationLoadsAFileWithAnotherChecksum() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        byte[] tampered = TinyCifar.batchBytes(5);
        tampered[1] = 42;
        Files.write(folder.resolve("test_batch.bin"), tampered);

        Cifar10 cifar = Cifar10Reader.read(folder, Verification.SKIP, TinyCifar.checksums());

        assertEquals(42, cifar.test().pixels()[0]);
    }

    @Test
    void wrongMd5InsideATarballIsAlsoCaught() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        TinyCifar.files().forEach((name, bytes) -> entries.put("cifar-10-batches-bin/" + name, bytes.clone()));
        entries.get("cifar-10-batches-bin/test_batch.bin")[9] ^= 1;
        Path tarGz = Files.write(temp.resolve("cifar-10-binary.tar.gz"), TinyCifar.tarGz(entries));

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(tarGz, Verification.VERIFY_MD5, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains("test_batch.bin"), error.getMessage());
    }

    @Test
    void missingBatchFileIsNamed() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        Files.delete(folder.resolve("data_batch_5.bin"));

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains("Missing data_batch_5.bin"), error.getMessage());
    }

    @Test
    void labelOutsideTheClassListIsRejected() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        byte[] bytes = TinyCifar.batchBytes(0);
        bytes[CifarDataset.RECORD_BYTES] = (byte) 200;
        Files.write(folder.resolve("data_batch_1.bin"), bytes);

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(folder, Verification.SKIP, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains("label 200"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.bin", "cifar-10-batches-bin/../../evil.bin", "/etc/evil.bin"})
    void tarballWithAnEntryEscapingTheFolderIsRejected(String entryName) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(entryName, new byte[] {1, 2, 3});
        TinyCifar.files().forEach((name, bytes) -> entries.put("cifar-10-batches-bin/" + name, bytes));
        Path tarGz = Files.write(temp.resolve("cifar-10-binary.tar.gz"), TinyCifar.tarGz(entries));

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(tarGz, Verification.VERIFY_MD5, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains(entryName) && error.getMessage().contains("outside"),
                error.getMessage());
    }

    @Test
    void truncatedTarballSaysTheDownloadIsIncomplete() throws IOException {
        byte[] whole = TinyCifar.tarGz();
        Path tarGz = Files.write(temp.resolve("cifar-10-binary.tar.gz"), Arrays.copyOf(whole, whole.length / 2));

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(tarGz, Verification.VERIFY_MD5, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains("Download CIFAR-10 again"), error.getMessage());
    }

    @Test
    void aFolderWithoutCifarFilesSaysWhereItLooked() {
        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.read(temp, Verification.VERIFY_MD5));

        assertTrue(error.getMessage().contains(temp.toString()), error.getMessage());
    }

    @Test
    void verifyAcceptsIntactFilesWithoutLoadingThem() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);

        Cifar10Reader.verify(temp, TinyCifar.checksums());

        assertTrue(Files.exists(folder.resolve("test_batch.bin")));
    }

    @Test
    void verifyNamesTheCorruptFileWithBothChecksums() throws IOException {
        Path folder = TinyCifar.writeFolder(temp);
        byte[] tampered = TinyCifar.batchBytes(4);
        tampered[3000] ^= 1;
        Files.write(folder.resolve("data_batch_5.bin"), tampered);

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> Cifar10Reader.verify(folder, TinyCifar.checksums()));

        assertTrue(error.getMessage().contains("data_batch_5.bin"), error.getMessage());
        assertTrue(error.getMessage().contains(TinyCifar.md5(tampered)), error.getMessage());
        assertTrue(error.getMessage().contains(TinyCifar.checksums().md5("data_batch_5.bin")), error.getMessage());
    }
}
