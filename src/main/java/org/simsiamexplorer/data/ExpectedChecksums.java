package org.simsiamexplorer.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What each CIFAR-10 batch file must look like: its MD5 and, for the official files, its exact size.
 * Tests pass their own table so that tiny hand-written files can be verified like the real ones.
 */
public record ExpectedChecksums(Map<String, String> md5ByFileName, OptionalLong bytesPerFile) {
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final List<String> ALL_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin",
            TEST_FILE);
    /** 10,000 records of 1 label byte + 3072 pixel bytes. */
    public static final long OFFICIAL_FILE_BYTES = 10_000L * CifarDataset.RECORD_BYTES;
    /** MD5 of the official {@code cifar-10-binary.tar.gz}. */
    public static final String OFFICIAL_TARBALL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

    private static final ExpectedChecksums OFFICIAL = new ExpectedChecksums(Map.of(
            "data_batch_1.bin", "5dd7e06a14cb22eb9f671a540d1b7c25",
            "data_batch_2.bin", "5ea93a67294ea407fff1d09f752e9692",
            "data_batch_3.bin", "942cd6a4bcdd0dd3c604fbe906cb4421",
            "data_batch_4.bin", "ae636b3ba5c66a11e91e8cb52e771fcb",
            "data_batch_5.bin", "53f37980c15c3d472c316c40844f3f0d",
            TEST_FILE, "803d5f7f4d78ea53de84dbe85f74fb6d"), OptionalLong.of(OFFICIAL_FILE_BYTES));

    public ExpectedChecksums {
        md5ByFileName = Map.copyOf(md5ByFileName);
        Objects.requireNonNull(bytesPerFile, "bytesPerFile");
        for (String file : ALL_FILES) {
            if (!md5ByFileName.containsKey(file)) {
                throw new IllegalArgumentException("No expected MD5 for " + file);
            }
        }
    }

    /** The published MD5s and sizes of the official binary distribution. */
    public static ExpectedChecksums official() {
        return OFFICIAL;
    }

    /** Custom MD5s (lower-case hex) for all six batch files; any whole number of records is accepted. */
    public static ExpectedChecksums of(Map<String, String> md5ByFileName) {
        return new ExpectedChecksums(md5ByFileName, OptionalLong.empty());
    }

    public String md5(String fileName) {
        return md5ByFileName.get(fileName);
    }
}
