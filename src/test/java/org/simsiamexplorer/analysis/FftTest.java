package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FftTest {

    @ParameterizedTest(name = "size {0}")
    @CsvSource({"1", "2", "8", "64"})
    void forwardGivesTheDftInBitReversedOrderAndInverseUndoesIt(int size) {
        Random random = new Random(size);
        int cols = 3;
        double[][] re = new double[size][cols];
        double[][] im = new double[size][cols];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < cols; c++) {
                re[r][c] = random.nextGaussian();
                im[r][c] = random.nextGaussian();
            }
        }
        double[][] re0 = copy(re);
        double[][] im0 = copy(im);
        Fft fft = new Fft(size);
        fft.forward(re, im, 0, cols);
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < size; k++) {
                double sr = 0;
                double si = 0;
                for (int x = 0; x < size; x++) {
                    double angle = -2 * Math.PI * x * k / size;
                    sr += re0[x][c] * Math.cos(angle) - im0[x][c] * Math.sin(angle);
                    si += re0[x][c] * Math.sin(angle) + im0[x][c] * Math.cos(angle);
                }
                assertEquals(sr, re[fft.reversed(k)][c], 1e-9, "re of frequency " + k);
                assertEquals(si, im[fft.reversed(k)][c], 1e-9, "im of frequency " + k);
            }
        }
        fft.inverse(re, im, 0, cols);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(re0[r][c], re[r][c] / size, 1e-12);
                assertEquals(im0[r][c], im[r][c] / size, 1e-12);
            }
        }
    }

    /** What FftRepulsion relies on: charges in the top-left quarter, kernel spectrum made the same way. */
    @Test
    void gridTransformsComputeACircularConvolutionOnTheFilledQuarter() {
        int m = 32;
        int filled = 16;
        Random random = new Random(7);
        double[][] charges = new double[m][m];
        double[][] kernelRe = new double[m][m];
        double[][] kernelIm = new double[m][m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                if (r < filled && c < filled) {
                    charges[r][c] = random.nextDouble();
                }
                kernelRe[r][c] = random.nextGaussian();
                kernelIm[r][c] = random.nextGaussian();
            }
        }
        double[][] gRe = copy(charges);
        double[][] gIm = new double[m][m];
        double[][] kRe = copy(kernelRe);
        double[][] kIm = copy(kernelIm);
        Fft fft = new Fft(m);
        {
            Grid2d.forward(fft, m, kRe, kIm);
            Grid2d.forward(fft, filled, gRe, gIm);
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    double a = gRe[r][c];
                    double b = gIm[r][c];
                    gRe[r][c] = a * kRe[r][c] - b * kIm[r][c];
                    gIm[r][c] = a * kIm[r][c] + b * kRe[r][c];
                }
            }
            Grid2d.inverse(fft, filled, gRe, gIm);
        }
        for (int r = 0; r < filled; r++) {
            for (int c = 0; c < filled; c++) {
                double sr = 0;
                double si = 0;
                for (int a = 0; a < filled; a++) {
                    for (int b = 0; b < filled; b++) {
                        int dr = Math.floorMod(r - a, m);
                        int dc = Math.floorMod(c - b, m);
                        sr += charges[a][b] * kernelRe[dr][dc];
                        si += charges[a][b] * kernelIm[dr][dc];
                    }
                }
                assertEquals(sr, gRe[r][c] / (m * m), 1e-9, "re at " + r + "," + c);
                assertEquals(si, gIm[r][c] / (m * m), 1e-9, "im at " + r + "," + c);
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
