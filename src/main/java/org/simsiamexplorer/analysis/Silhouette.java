package org.simsiamexplorer.analysis;

/** Exact mean silhouette coefficient; see {@link LayoutQuality#silhouette}. */
final class Silhouette {
    private Silhouette() {
    }

    static double score(FeatureMatrix layout, int[] labels, int threads, CancellationToken cancel) {
        int n = layout.rows();
        if (labels.length != n) {
            throw new IllegalArgumentException("got " + labels.length + " labels for " + n + " points");
        }
        int classes = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("labels must be >= 0, got " + label);
            }
            classes = Math.max(classes, label + 1);
        }
        int[] sizes = new int[classes];
        for (int label : labels) {
            sizes[label]++;
        }
        int used = 0;
        for (int s : sizes) {
            used += s > 0 ? 1 : 0;
        }
        if (used < 2 || used >= n) {
            throw new IllegalArgumentException("silhouette needs between 2 and n-1 distinct labels, got " + used);
        }
        int d = layout.cols();
        float[] v = layout.values();
        int chunks = Math.max(1, Math.min(256, n / 64));
        double[] partial = new double[chunks];
        int classCount = classes;
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.run(chunks, c -> {
                double[] sums = new double[classCount];
                double total = 0;
                for (int i = WorkerPool.chunkStart(n, chunks, c); i < WorkerPool.chunkStart(n, chunks, c + 1); i++) {
                    if ((i & 63) == 0) {
                        cancel.throwIfCancelled();
                    }
                    java.util.Arrays.fill(sums, 0);
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int t = 0; t < d; t++) {
                            double diff = v[i * d + t] - v[j * d + t];
                            s += diff * diff;
                        }
                        sums[labels[j]] += Math.sqrt(s);
                    }
                    int own = labels[i];
                    if (sizes[own] <= 1) {
                        continue;
                    }
                    double a = sums[own] / (sizes[own] - 1);
                    double b = Double.POSITIVE_INFINITY;
                    for (int cl = 0; cl < classCount; cl++) {
                        if (cl != own && sizes[cl] > 0) {
                            b = Math.min(b, sums[cl] / sizes[cl]);
                        }
                    }
                    double max = Math.max(a, b);
                    total += max > 0 ? (b - a) / max : 0;
                }
                partial[c] = total;
            });
        }
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum / n;
    }
}
