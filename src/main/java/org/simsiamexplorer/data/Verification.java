package org.simsiamexplorer.data;

/** Whether to check each CIFAR-10 file against its official MD5 while reading it. */
public enum Verification {
    /** Check sizes and MD5s; a mismatch fails the load. The default. */
    VERIFY_MD5,
    /** Only check that the files are whole records (the user asked for this explicitly, e.g. --no-verify). */
    SKIP
}
