package org.simsiamexplorer.app.embeddings;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.simsiamexplorer.service.LayoutSpec;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The Embeddings tab: a toolbar (runs folder, layout method, compare, export), one or two maps, and a side panel
 * with the selected image and the area selection.
 */
public final class EmbeddingsView {
    private final BorderPane root = new BorderPane();
    private final EmbeddingsViewModel viewModel;
    private final MapPanel primary;
    private final MapPanel secondary;
    private final SplitPane maps = new SplitPane();
    private final ToggleButton tsne = new ToggleButton("t-SNE");
    private boolean followingModel;
    private final Spinner<Double> perplexity = new Spinner<>(2.0, 200.0, LayoutSpec.DEFAULT_PERPLEXITY, 5.0);

    public EmbeddingsView(EmbeddingsViewModel viewModel) {
        this.viewModel = viewModel;
        IntFunction<String> classNames = c -> viewModel.imageSource("test").className(c);
        primary = new MapPanel("mapA", viewModel, viewModel.primary(), thumbnails(viewModel.primary()), classNames);
        secondary = new MapPanel("mapB", viewModel, viewModel.secondary(), thumbnails(viewModel.secondary()),
                classNames);
        maps.getItems().add(primary.root());
        maps.setId("embeddingMaps");
        viewModel.comparingProperty().addListener((obs, old, comparing) -> {
            if (comparing) {
                maps.getItems().add(secondary.root());
            } else {
                maps.getItems().remove(secondary.root());
            }
        });
        viewModel.messageProperty().addListener((obs, old, message) -> {
            primary.renameClasses(classNames);
            secondary.renameClasses(classNames);
        });

        TitledPane detail = new TitledPane("Selected image", new DetailPanel(viewModel).root());
        TitledPane selection = new TitledPane("Area selection", new SelectionPanel(viewModel, classNames).root());
        VBox side = new VBox(detail, selection);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setPrefWidth(330);
        sideScroll.setMinWidth(280);

        Label message = new Label();
        message.textProperty().bind(viewModel.messageProperty());
        message.getStyleClass().add("hint");
        message.setPadding(new Insets(2, 8, 2, 8));

        root.setTop(toolbar());
        root.setCenter(maps);
        root.setRight(sideScroll);
        root.setBottom(message);
    }

    private IntFunction<Image> thumbnails(MapViewModel map) {
        return row -> {
            MapData data = map.dataProperty().get();
            return Thumbnails.enlarged(viewModel.imageSource(data.split()).rgbPixels(data.datasetIndex(row)), 2);
        };
    }

    private ToolBar toolbar() {
        Button openFolder = new Button("Runs folder…");
        openFolder.setId("openRunsFolder");
        openFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder that holds the runs");
            Path current = viewModel.runsFolderProperty().get();
            if (current != null && current.toFile().isDirectory()) {
                chooser.setInitialDirectory(current.toFile());
            }
            File chosen = chooser.showDialog(window());
            if (chosen != null) {
                viewModel.openRunsFolder(chosen.toPath());
            }
        });
        Label folder = new Label();
        folder.textProperty().bind(viewModel.runsFolderProperty().asString());
        folder.getStyleClass().add("hint");
        folder.setMaxWidth(220);

        ToggleGroup method = new ToggleGroup();
        ToggleButton pca = new ToggleButton("PCA");
        pca.setId("methodPca");
        tsne.setId("methodTsne");
        pca.setToggleGroup(method);
        tsne.setToggleGroup(method);
        pca.setSelected(true);
        pca.setTooltip(new Tooltip("Linear projection on the two main axes: instant, shows global structure"));
        tsne.setTooltip(new Tooltip("Non-linear: shows local clusters; takes a while, animates while it runs"));
        method.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else if (!followingModel) {
                applyLayout();
            }
        });
        // the toolbar shows the layout the left map uses, however it was chosen
        viewModel.primary().specProperty().addListener((obs, old, spec) -> {
            followingModel = true;
            (spec.method() == LayoutSpec.Method.TSNE ? tsne : pca).setSelected(true);
            perplexity.getValueFactory().setValue(spec.perplexity());
            followingModel = false;
        });
        perplexity.setId("perplexity");
        perplexity.setEditable(true);
        perplexity.setPrefWidth(80);
        perplexity.setTooltip(new Tooltip("t-SNE perplexity: about how many neighbours each point attends to"));
        perplexity.disableProperty().bind(tsne.selectedProperty().not());
        Button apply = new Button("Recompute");
        apply.setOnAction(e -> applyLayout());

        ToggleButton compare = new ToggleButton("Compare two runs");
        compare.setId("compareToggle");
        compare.setOnAction(e -> viewModel.setComparing(compare.isSelected()));
        Button fit = new Button("Fit all");
        fit.setTooltip(new Tooltip("Show every point (key 0). Zoom: wheel or +/-; pan: drag or arrows"));
        fit.setOnAction(e -> {
            primary.canvas().fitAll();
            secondary.canvas().fitAll();
        });
        TextField search = new TextField();
        search.setId("searchIndex");
        search.setPromptText("image #");
        search.setPrefWidth(80);
        search.setOnAction(e -> {
            try {
                viewModel.selectDatasetIndex(viewModel.primary(), Integer.parseInt(search.getText().trim()));
            } catch (NumberFormatException ex) {
                search.selectAll();
            }
        });
        Button export = new Button("Export PNG…");
        export.setOnAction(e -> exportPng());
        ToolBar bar = new ToolBar(openFolder, folder, new javafx.scene.control.Separator(Orientation.VERTICAL),
                new Label("Layout:"), pca, tsne, new Label("perplexity"), perplexity, apply,
                new javafx.scene.control.Separator(Orientation.VERTICAL), compare, fit, search, export);
        bar.setPadding(new Insets(4, 6, 4, 6));
        return bar;
    }

    private void applyLayout() {
        LayoutSpec spec = tsne.isSelected() ? LayoutSpec.tsne(perplexity.getValue()) : LayoutSpec.pca();
        viewModel.primary().changeLayout(spec);
        if (viewModel.comparingProperty().get()) {
            viewModel.secondary().changeLayout(spec);
        }
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the map as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("embedding-map.png");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            try {
                exportPng(file.toPath());
            } catch (IOException ex) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        "Could not write " + file + ": " + ex.getMessage()).showAndWait();
            }
        }
    }

    /** Writes what the maps area shows (both maps in compare mode) to a PNG file. */
    public void exportPng(Path file) throws IOException {
        WritableImage snapshot = maps.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(snapshot, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The left map's canvas (benchmarks time its rendering). */
    public ScatterCanvas primaryCanvas() {
        return primary.canvas();
    }

    MapPanel primaryPanel() {
        return primary;
    }

    MapPanel secondaryPanel() {
        return secondary;
    }

    public Parent root() {
        return root;
    }

}
