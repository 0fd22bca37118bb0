package org.simsiamexplorer.app.training;

import java.util.Locale;

/** Plain arithmetic behind the chart's axes and read-out: tick spacing, tick labels, nearest point. */
final class ChartScale {
    private ChartScale() {
    }

    /** 1, 2 or 5 times a power of ten, giving about {@code targetTicks} ticks over the span. */
    static double niceStep(double span, double targetTicks) {
        double raw = span / targetTicks;
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    static String format(double value, double step) {
        if (Math.abs(value) < step * 1e-6) {
            value = 0;
        }
        if (step >= 1000 && Math.abs(value) >= 1000) {
            double k = value / 1000;
            return step >= 1000 && k == Math.rint(k) ? String.format(Locale.ROOT, "%.0fk", k)
                    : String.format(Locale.ROOT, "%.1fk", k);
        }
        int decimals = step >= 1 ? 0 : (int) Math.min(8, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Index of the point whose x is closest to {@code x} (x non-decreasing). */
    static int nearest(SeriesData d, double x) {
        int lo = 0;
        int hi = d.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (d.x(mid) < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(d.x(lo - 1) - x) <= Math.abs(d.x(lo) - x)) {
            return lo - 1;
        }
        return lo;
    }

}
