package com.homeworkapi.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.homeworkapi.support.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart's labels as Chromium lays them out, for each representative record: every
 * {@code <text>} inside the drawing and none over another. Text widths depend on the font the
 * browser picks, which the drawing can only estimate, so this is checked where the font is real.
 */
class SvgChartBrowserTest {

    /**
     * How far two boxes may reach into each other, or past the edge, in SVG units: rounding in
     * the glyph metrics, not a gap anyone would see.
     */
    static final double TOLERANCE = 0.5;

    /**
     * Each text's box in the drawing's coordinates: getBBox is in the element's own user space,
     * so its corners go through the element's transform (rotated labels) to the root's.
     */
    private static final String TEXT_BOXES = """
            const svg = document.documentElement;
            const toRoot = svg.getScreenCTM().inverse();
            const view = svg.viewBox.baseVal;
            const texts = [...svg.querySelectorAll('text')].map(text => {
              const box = text.getBBox();
              const matrix = toRoot.multiply(text.getScreenCTM());
              const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height],
                  [box.x + box.width, box.y + box.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
              return {label: text.textContent,
                  left: Math.min(...corners.map(p => p.x)), right: Math.max(...corners.map(p => p.x)),
                  top: Math.min(...corners.map(p => p.y)), bottom: Math.max(...corners.map(p => p.y))};
            });
            return {view: {left: view.x, top: view.y, right: view.x + view.width, bottom: view.y + view.height},
                texts: texts};
            """;

    private static Browser browser;

    @TempDir
    static Path drawings;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    static Stream<RepresentativeRecords.Example> examples() {
        return RepresentativeRecords.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldKeepEveryLabelInsideTheDrawing(RepresentativeRecords.Example example) throws IOException {
        Layout layout = layOut(example);

        List<String> outside = layout.texts().stream().filter(text -> !layout.view().contains(text))
                .map(text -> text + " outside " + layout.view()).toList();

        assertFalse(layout.texts().isEmpty());
        assertEquals(List.of(), outside);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldDrawNoLabelOverAnother(RepresentativeRecords.Example example) throws IOException {
        List<Box> texts = layOut(example).texts();

        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (texts.get(i).overlaps(texts.get(j))) {
                    overlaps.add(texts.get(i) + " and " + texts.get(j));
                }
            }
        }

        assertEquals(List.of(), overlaps);
    }

    /** The example's chart as drawn now (not its golden file), opened in Chromium and measured. */
    private static Layout layOut(RepresentativeRecords.Example example) throws IOException {
        Path file = drawings.resolve(example.name() + ".svg");
        Files.writeString(file, SvgChart.render(example.chart()), StandardCharsets.UTF_8);
        browser.driver.get(file.toUri().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.driver.executeScript(TEXT_BOXES);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> texts = (List<Map<String, Object>>) measured.get("texts");
        @SuppressWarnings("unchecked")
        Box view = Box.of((Map<String, Object>) measured.get("view"));
        return new Layout(view, texts.stream().map(Box::of).toList());
    }

    private record Layout(Box view, List<Box> texts) {
    }

    private record Box(String label, double left, double top, double right, double bottom) {

        static Box of(Map<String, Object> measured) {
            return new Box((String) measured.getOrDefault("label", "viewBox"), number(measured, "left"),
                    number(measured, "top"), number(measured, "right"), number(measured, "bottom"));
        }

        private static double number(Map<String, Object> measured, String key) {
            return ((Number) measured.get(key)).doubleValue();
        }

        boolean contains(Box inner) {
            return inner.left >= left - TOLERANCE && inner.top >= top - TOLERANCE && inner.right <= right + TOLERANCE
                    && inner.bottom <= bottom + TOLERANCE;
        }

        boolean overlaps(Box other) {
            return Math.min(right, other.right) - Math.max(left, other.left) > TOLERANCE
                    && Math.min(bottom, other.bottom) - Math.max(top, other.top) > TOLERANCE;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "\"%s\" [%.1f, %.1f to %.1f, %.1f]", label, left, top, right, bottom);
        }
    }
}
