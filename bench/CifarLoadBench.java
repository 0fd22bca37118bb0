import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.Verification;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads and MD5-verifies the full CIFAR-10 (all six batch files) five times and prints the median wall time.
 * Usage: bench/run.sh CifarLoadBench ../shared/datasets/cifar-10-batches-bin [runs] [verify|skip]
 */
public class CifarLoadBench {
    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "../shared/datasets/cifar-10-batches-bin");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Verification verification = args.length > 2 && args[2].equals("skip") ? Verification.SKIP
                : Verification.VERIFY_MD5;
        Cifar10Reader.read(path, verification); // warm-up: JIT and page cache
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Cifar10 cifar = Cifar10Reader.read(path, verification);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.3f s (%d train + %d test images)%n", run + 1, seconds[run],
                    cifar.train().size(), cifar.test().size());
        }
        Arrays.sort(seconds);
        System.out.printf("CifarLoadBench %s, %s, %d cores: median %.3f s over %d loads (min %.3f, max %.3f)%n",
                path, verification, Runtime.getRuntime().availableProcessors(), seconds[runs / 2], runs, seconds[0],
                seconds[runs - 1]);
    }
}
