package org.simsiamexplorer.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Casts a PyTorch tensor to bfloat16 or float32. Why not {@code NDArray.toType}: DJL 0.25's JNI maps only eight data
 * types to PyTorch's, bfloat16 is not among them, and asking for it ends the whole process (a C++ {@code throw;}
 * with no exception: "terminate called without an active exception"). PyTorch itself has bfloat16 of course, so the
 * cast runs as a two-line TorchScript module, {@code torch.to(x, dtype)}, whose archive (code, pickled module object,
 * constants, version) is written here in memory and loaded with {@code JniUtils.loadModule}. Tensors that come out
 * of it are ordinary PyTorch tensors: DJL's ops that take only tensors (convolution, batch norm, ReLU, add, pooling,
 * linear, softmax, backward) work on them; DJL ops that take a data type argument (ones, zeros, toType) must not be
 * given one (their type reads as UNKNOWN).
 *
 * <p>The module runs in DJL's "training" forward so that autograd records the cast: a gradient flows through it
 * like through any other op (PyTorch's {@code to} is differentiable; the gradient is cast back).
 */
final class TorchScriptCast implements AutoCloseable {
    /** PyTorch's {@code c10::ScalarType} codes. */
    static final int FLOAT32 = 6;
    static final int BFLOAT16 = 15;

    private final PtSymbolBlock toBfloat16;
    private final PtSymbolBlock toFloat32;

    /** @param manager long-lived PyTorch manager on the tensors' device; holds the two modules */
    TorchScriptCast(NDManager manager) {
        this.toBfloat16 = load((PtNDManager) manager, BFLOAT16);
        this.toFloat32 = load((PtNDManager) manager, FLOAT32);
    }

    /** {@code x} as bfloat16, in {@code x}'s manager. */
    NDArray toBfloat16(NDArray x) {
        return run(toBfloat16, x);
    }

    /** {@code x} as float32, in {@code x}'s manager. */
    NDArray toFloat32(NDArray x) {
        return run(toFloat32, x);
    }

    private static NDArray run(PtSymbolBlock module, NDArray x) {
        return module.forward(new ParameterStore(x.getManager(), false), new NDList(x), true).singletonOrThrow();
    }

    private static PtSymbolBlock load(PtNDManager manager, int scalarType) {
        try {
            return JniUtils.loadModule(manager, new ByteArrayInputStream(archive(scalarType)), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the cast module", e);
        }
    }

    /**
     * A TorchScript archive as {@code torch.jit.save} writes it for a module without parameters: the class source
     * under {@code code/}, the module object pickled (protocol 2: the class, then its attribute dict {training:
     * False}), an empty constants tuple and the file-format version.
     */
    static byte[] archive(int scalarType) throws IOException {
        String code = "class Cast(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + "  def forward(self: __torch__.Cast,\n"
                + "    x: Tensor) -> Tensor:\n"
                + "    return torch.to(x, " + scalarType + ")\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            storedEntry(zip, "cast/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            storedEntry(zip, "cast/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
            storedEntry(zip, "cast/data.pkl", pickledModule());
            storedEntry(zip, "cast/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
        }
        return bytes.toByteArray();
    }

    /** PROTO 2, GLOBAL __torch__ Cast, EMPTY_TUPLE, NEWOBJ, {"training": False} (EMPTY_DICT MARK ... SETITEMS), BUILD. */
    private static byte[] pickledModule() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(2);
        out.writeBytes("c__torch__\nCast\n".getBytes(StandardCharsets.US_ASCII));
        out.write(')');
        out.write(0x81);
        out.write('}');
        out.write('(');
        byte[] name = "training".getBytes(StandardCharsets.US_ASCII);
        out.write('X');
        out.writeBytes(new byte[] {(byte) name.length, 0, 0, 0});
        out.writeBytes(name);
        out.write(0x89);
        out.write('u');
        out.write('b');
        out.write('.');
        return out.toByteArray();
    }

    /** Uncompressed (stored) records, as torch.jit.save writes them. */
    private static void storedEntry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    @Override
    public void close() {
        toBfloat16.close();
        toFloat32.close();
    }
}
