package org.simsiamexplorer.app.embeddings;

import java.util.Arrays;

/** The last few render durations, for the median the benchmark and the status line report. */
public final class RenderTimes {
    private final long[] nanos;
    private int count;
    private int next;

    RenderTimes(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void record(long duration) {
        nanos[next] = duration;
        next = (next + 1) % nanos.length;
        count = Math.min(count + 1, nanos.length);
    }

    public synchronized int count() {
        return count;
    }

    /** Median of the recorded durations in milliseconds (NaN when none). */
    public synchronized double medianMillis() {
        if (count == 0) {
            return Double.NaN;
        }
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return copy[count / 2] / 1e6;
    }

    /** Longest recorded duration in milliseconds (NaN when none). */
    public synchronized double maxMillis() {
        long max = -1;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return max < 0 ? Double.NaN : max / 1e6;
    }

    public synchronized void clear() {
        count = 0;
        next = 0;
    }
}
