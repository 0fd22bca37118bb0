package org.simsiamexplorer.app.training;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Function;

/** The runs under the chosen folder; select one to see its curves, several to overlay them. */
final class RunsView {
    private final VBox root = new VBox(6);
    private final TableView<RunItem> table = new TableView<>();
    private boolean syncing;

    RunsView(TrainingViewModel viewModel) {
        RunsViewModel runs = viewModel.runs();
        Label title = new Label("Runs");
        title.getStyleClass().add("section-title");
        Label folder = new Label();
        folder.setId("runsFolderLabel");
        folder.textProperty().bind(Bindings.createStringBinding(() -> String.valueOf(runs.folder()),
                runs.folderProperty()));
        folder.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(folder, Priority.ALWAYS);
        folder.getStyleClass().add("hint");
        Button choose = new Button("Choose folder…");
        choose.setId("chooseFolderButton");
        choose.setOnAction(e -> chooseFolder(runs, choose.getScene() == null ? null : choose.getScene().getWindow()));

        table.setId("runsTable");
        table.setItems(runs.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("Run", 130, item -> new javafx.beans.property.SimpleStringProperty(item.name())));
        table.getColumns().add(column("Status", 130, RunItem::statusTextProperty));
        table.getColumns().add(column("Config", 185, RunItem::configSummaryProperty));
        table.getColumns().add(column("Best kNN", 60, RunItem::bestKnnTextProperty));
        table.setPlaceholder(placeholder(runs));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<RunItem> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((obs, old, item) -> row.setTooltip(item == null ? null
                    : new Tooltip(item.folder() + "\n" + item.configSummaryProperty().get() + "\n"
                    + item.statusTextProperty().get())));
            return row;
        });
        table.setTooltip(new Tooltip("Ctrl/Shift-click to select several runs and overlay their curves"));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunItem>) change -> {
            if (!syncing) {
                viewModel.show(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        viewModel.selectionRequestProperty().addListener((obs, old, item) -> select(item));

        Button resume = new Button("Resume run");
        resume.setId("resumeRunButton");
        resume.setTooltip(new Tooltip("Continue a stopped or interrupted run from its last checkpoint"));
        resume.disableProperty().bind(viewModel.canResumeSelectedProperty().not());
        resume.setOnAction(e -> viewModel.resumeSelected());
        Label hint = new Label("Select several runs to overlay them.");
        hint.getStyleClass().add("hint");
        Label message = new Label();
        message.textProperty().bind(runs.messageProperty());
        message.getStyleClass().add("hint");
        message.setWrapText(true);

        root.getChildren().addAll(title, new HBox(6, folder, choose), table, new HBox(8, resume, hint), message);
    }

    private void select(RunItem item) {
        if (item == null) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(item);
        } finally {
            syncing = false;
        }
    }

    private static Label placeholder(RunsViewModel runs) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(
                () -> "No runs in " + runs.folder() + " yet: start one, or choose the folder where the CLI writes them.",
                runs.folderProperty()));
        label.setWrapText(true);
        return label;
    }

    private static void chooseFolder(RunsViewModel runs, Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder that holds run directories");
        File current = runs.folder().toFile();
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            runs.chooseFolder(chosen.toPath());
        }
    }

    private static TableColumn<RunItem, String> column(String title, double width,
            Function<RunItem, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<RunItem, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    Node root() {
        return root;
    }
}
