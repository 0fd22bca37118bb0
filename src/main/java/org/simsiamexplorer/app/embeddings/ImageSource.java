package org.simsiamexplorer.app.embeddings;

import java.util.List;

/** The images behind a feature set's rows: a dataset split, addressed by dataset index. */
public interface ImageSource {
    /** 32x32 packed {@code 0xRRGGBB}, row-major. */
    int[] rgbPixels(int datasetIndex);

    int size();

    List<String> classNames();

    /** Used when the dataset could not be loaded: no pictures, classes named by number. */
    ImageSource NONE = new ImageSource() {
        @Override
        public int[] rgbPixels(int datasetIndex) {
            return new int[32 * 32];
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public List<String> classNames() {
            return List.of();
        }
    };

    /** The class name, or "class N" when the source does not know it. */
    default String className(int label) {
        List<String> names = classNames();
        return label >= 0 && label < names.size() ? names.get(label) : "class " + label;
    }
}
