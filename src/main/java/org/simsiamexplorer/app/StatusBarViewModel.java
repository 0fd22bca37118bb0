package org.simsiamexplorer.app;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.simsiamexplorer.service.ComputeDevice;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Shows which compute device DJL found; probing the native engine runs off the FX thread. */
public final class StatusBarViewModel {
    private final ReadOnlyStringWrapper deviceText = new ReadOnlyStringWrapper("Detecting compute device…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
    private final Executor background;
    private final Executor ui;
    private final Supplier<ComputeDevice> probe;

    public StatusBarViewModel(Executor background, Executor ui) {
        this(background, ui, ComputeDevice::detectOrUnavailable);
    }

    StatusBarViewModel(Executor background, Executor ui, Supplier<ComputeDevice> probe) {
        this.background = background;
        this.ui = ui;
        this.probe = probe;
    }

    public void detectDevice() {
        background.execute(() -> {
            ComputeDevice device = probe.get();
            ui.execute(() -> deviceText.set(device.label()));
        });
    }

    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
