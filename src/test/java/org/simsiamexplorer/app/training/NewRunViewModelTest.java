package org.simsiamexplorer.app.training;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.service.TrainingConfig;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewRunViewModelTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 4, 20, 30, 5);

    private static NewRunViewModel form(Set<String> existingRuns) {
        return new NewRunViewModel(existingRuns::contains, () -> NOW);
    }

    /** Each row: the field, a bad value, and a fragment of the message shown under that field. */
    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource({
            "epochs,    '',      whole number",
            "epochs,    five,    whole number",
            "epochs,    2.5,     whole number",
            "epochs,    0,       at least 1",
            "epochs,    -3,      at least 1",
            "batchSize, x,       whole number",
            "batchSize, 1,       BatchNorm needs more than one image",
            "batchSize, 30000,   smaller than one batch",
            "baseLr,    '',      must be a number",
            "baseLr,    '0,05',  must be a number",
            "baseLr,    0,       positive number",
            "baseLr,    -0.1,    positive number",
            "baseLr,    NaN,     positive number",
            "baseLr,    Infinity, positive number",
            "name,      '',      run name must be non-empty",
            "name,      my run,  only letters, digits",
            "name,      ../up,   only letters, digits",
            "name,      taken,   already exists",
    })
    void badValueIsFlaggedAtItsFieldAndDisablesStart(String field, String value, String expectedMessage) {
        NewRunViewModel form = form(Set.of("taken"));
        assertTrue(form.validProperty().get(), "the preset's defaults are valid");
        input(form, field).set(value);
        String message = error(form, field).get();
        assertTrue(message.contains(expectedMessage), "message was: " + message);
        assertFalse(form.validProperty().get());
        assertTrue(form.config().isEmpty());
        for (String other : new String[] {"epochs", "batchSize", "baseLr", "name"}) {
            if (!other.equals(field)) {
                assertEquals("", error(form, other).get(), "only " + field + " is flagged, not " + other);
            }
        }
    }

    @Test
    void fixingTheValueClearsTheMessage() {
        NewRunViewModel form = form(Set.of());
        form.epochsProperty().set("0");
        form.epochsProperty().set("7");
        assertEquals("", form.epochsErrorProperty().get());
        assertTrue(form.validProperty().get());
        assertEquals(7, form.config().orElseThrow().epochs());
    }

    @Test
    void aLatentSizeOutsideTheAllowedSetIsFlagged() {
        NewRunViewModel form = form(Set.of());
        form.latentDimProperty().set(100);
        assertTrue(form.latentDimErrorProperty().get().contains("2048, 512, 128, 32 or 2"));
        assertFalse(form.validProperty().get());
    }

    @Test
    void choosingAPresetFillsTheFields() {
        NewRunViewModel form = form(Set.of());
        form.presetProperty().set("paper");
        TrainingConfig paper = TrainingConfig.paper();
        assertEquals("800", form.epochsProperty().get());
        assertEquals("512", form.batchSizeProperty().get());
        assertEquals(paper.baseLr(), Double.parseDouble(form.baseLrProperty().get()));
        TrainingConfig config = form.config().orElseThrow();
        assertEquals(paper.withName(config.name()), config, "untouched preset gives the preset's config");
    }

    @Test
    void changingAFieldMarksTheConfigCustomButKeepsThePresetsHiddenKnobs() {
        NewRunViewModel form = form(Set.of());
        form.stopGradientProperty().set(false);
        form.latentDimProperty().set(32);
        TrainingConfig config = form.config().orElseThrow();
        assertEquals("custom", config.preset());
        assertFalse(config.stopGradient());
        assertEquals(32, config.latentDim());
        assertEquals(TrainingConfig.cpuDemo().widthMultiplier(), config.widthMultiplier());
        assertEquals(TrainingConfig.cpuDemo().trainSubset(), config.trainSubset());
    }

    @Test
    void defaultNameDescribesTheRunAndAvoidsExistingOnes() {
        NewRunViewModel fresh = form(Set.of());
        assertEquals("cpu-demo-d2048-sg-20261204-203005", fresh.nameProperty().get());
        NewRunViewModel clash = form(Set.of("cpu-demo-d2048-sg-20261204-203005"));
        assertEquals("cpu-demo-d2048-sg-20261204-203005-2", clash.nameProperty().get());
        assertTrue(clash.validProperty().get());
    }

    @Test
    void defaultNameFollowsTheSettingsUntilTheUserTypesOne() {
        NewRunViewModel form = form(Set.of());
        form.stopGradientProperty().set(false);
        assertTrue(form.nameProperty().get().startsWith("cpu-demo-d2048-nosg-"), form.nameProperty().get());
        form.nameProperty().set("mine");
        form.latentDimProperty().set(128);
        assertEquals("mine", form.nameProperty().get());
    }

    private static StringProperty input(NewRunViewModel form, String field) {
        return switch (field) {
            case "epochs" -> form.epochsProperty();
            case "batchSize" -> form.batchSizeProperty();
            case "baseLr" -> form.baseLrProperty();
            case "name" -> form.nameProperty();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static ReadOnlyStringProperty error(NewRunViewModel form, String field) {
        Function<NewRunViewModel, ReadOnlyStringProperty> getter = switch (field) {
            case "epochs" -> NewRunViewModel::epochsErrorProperty;
            case "batchSize" -> NewRunViewModel::batchSizeErrorProperty;
            case "baseLr" -> NewRunViewModel::baseLrErrorProperty;
            case "name" -> NewRunViewModel::nameErrorProperty;
            default -> throw new IllegalArgumentException(field);
        };
        return getter.apply(form);
    }
}
