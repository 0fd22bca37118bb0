package org.simsiamexplorer.app.training;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.simsiamexplorer.service.TrainingConfig;

import java.util.ArrayList;
import java.util.List;

/** The "New run" form and the session buttons; each invalid field gets a red border and its message under it. */
final class NewRunView {
    private final VBox root = new VBox(8);

    NewRunView(TrainingViewModel viewModel) {
        NewRunViewModel form = viewModel.form();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll(TrainingConfig.PRESETS);
        preset.valueProperty().bindBidirectional(form.presetProperty());
        preset.setId("presetChoice");
        preset.setTooltip(new Tooltip("Fills every field from a preset: paper (ResNet-18, 800 epochs), study "
                + "(batch 16, 50 epochs), cpu-demo (1/8-width network, 5 epochs of 25,000 images, minutes on a laptop)"));

        ComboBox<Integer> latent = new ComboBox<>();
        latent.getItems().setAll(NewRunViewModel.LATENT_SIZES);
        latent.valueProperty().bindBidirectional(form.latentDimProperty());
        latent.setId("latentChoice");

        CheckBox stopGradient = new CheckBox("stop-gradient on the target branch");
        stopGradient.selectedProperty().bindBidirectional(form.stopGradientProperty());
        stopGradient.setId("stopGradientToggle");
        stopGradient.setTooltip(new Tooltip("SimSiam's key ingredient; switch it off to watch the representation "
                + "collapse"));

        ComboBox<String> device = new ComboBox<>();
        device.getItems().setAll(NewRunViewModel.DEVICES);
        device.valueProperty().bindBidirectional(form.deviceProperty());
        device.setId("deviceChoice");

        int row = 0;
        row = addRow(grid, row, "Preset", preset, null);
        row = addRow(grid, row, "Latent size d", latent, form.latentDimErrorProperty());
        row = addRow(grid, row, "", stopGradient, null);
        row = addRow(grid, row, "Epochs", text("epochsField", form.epochsProperty()), form.epochsErrorProperty());
        row = addRow(grid, row, "Batch size", text("batchSizeField", form.batchSizeProperty()),
                form.batchSizeErrorProperty());
        row = addRow(grid, row, "Base lr", text("baseLrField", form.baseLrProperty()), form.baseLrErrorProperty());
        row = addRow(grid, row, "Device", device, form.deviceErrorProperty());
        row = addRow(grid, row, "Run name", text("runNameField", form.nameProperty()), form.nameErrorProperty());
        Label other = errorLabel(form.otherErrorsProperty());
        grid.add(other, 0, row, 2, 1);

        Button start = button("startButton", "Start", viewModel::start);
        start.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.canStartProperty()));
        start.setDefaultButton(false);
        Button pause = button("pauseButton", "Pause", viewModel::pause);
        pause.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.canPauseProperty()));
        Button resume = button("resumeButton", "Resume", viewModel::resumeSession);
        resume.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.canResumeSessionProperty()));
        Button stop = button("stopButton", "Stop", viewModel::stop);
        stop.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.canStopProperty()));
        stop.setTooltip(new Tooltip("Stops after the current step and writes a checkpoint; resume it later"));
        HBox buttons = new HBox(6, start, pause, resume, stop);

        Label title = new Label("New run");
        title.getStyleClass().add("section-title");
        root.getChildren().addAll(title, grid, buttons);
        root.setPadding(new Insets(0, 0, 6, 0));
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setId(id);
        return field;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static int addRow(GridPane grid, int row, String label, Control field, ReadOnlyStringProperty error) {
        field.setMaxWidth(Double.MAX_VALUE);
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row);
        if (error == null) {
            return row + 1;
        }
        Label message = errorLabel(error);
        message.setId(field.getId() == null ? null : field.getId() + "Error");
        grid.add(message, 1, row + 1);
        error.addListener((obs, old, now) -> markInvalid(field, !now.isEmpty()));
        markInvalid(field, !error.get().isEmpty());
        return row + 2;
    }

    private static Label errorLabel(ReadOnlyStringProperty error) {
        Label message = new Label();
        message.textProperty().bind(error);
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(error.isNotEmpty());
        return message;
    }

    private static void markInvalid(Node field, boolean invalid) {
        List<String> classes = new ArrayList<>(field.getStyleClass());
        classes.remove("invalid");
        if (invalid) {
            classes.add("invalid");
        }
        field.getStyleClass().setAll(classes);
    }

    Node root() {
        return root;
    }
}
