package com.homeworkapi.chart;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.scoring.WeekAssessment;
import com.homeworkapi.support.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The chart of each representative record is the same bytes as its golden file. After a
 * deliberate change to the drawing, regenerate the files and review their diff:
 * {@code ./mvnw -B test -Dtest=SvgChartTest -Dcharts.regenerate=true}.
 */
class SvgChartTest {

    static final Path GOLDEN = Path.of("src/test/resources/charts");

    static Stream<RepresentativeRecords.Example> examples() {
        return RepresentativeRecords.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldDrawEachRepresentativeRecordAsItsGoldenFile(RepresentativeRecords.Example example) throws IOException {
        String svg = SvgChart.render(example.chart());
        Path golden = GOLDEN.resolve(example.name() + ".svg");
        if (Boolean.getBoolean("charts.regenerate")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, svg, StandardCharsets.UTF_8);
        }

        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), svg,
                golden + " differs: if the change is meant, regenerate with -Dcharts.regenerate=true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldDrawTheSameBytesWhateverTheDefaultLocale(RepresentativeRecords.Example example) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String root = SvgChart.render(example.chart());
            Locale.setDefault(Locale.GERMANY);
            String german = SvgChart.render(example.chart());
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            String arabic = SvgChart.render(example.chart());

            assertEquals(root, german, "decimal commas");
            assertEquals(root, arabic, "Arabic-Indic digits");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldDrawABarPerWeekAsTallAsItsCompliance(RepresentativeRecords.Example example) {
        ChartData chart = example.chart();
        Html svg = Html.of(SvgChart.render(chart));
        List<Element> bars = svg.all("//rect[@class='bar']");
        List<WeekAssessment> weeks = chart.weeks();

        assertEquals(weeks.size(), bars.size());
        for (int i = 0; i < weeks.size(); i++) {
            WeekAssessment week = weeks.get(i);
            Element bar = bars.get(i);
            double expected = week.compliance() == null ? 0 : week.compliance() * SvgChart.PLOT_HEIGHT;
            assertEquals(week.week().toString(), bar.getAttribute("data-week"));
            assertEquals(week.band().code(), bar.getAttribute("data-band"));
            assertEquals(expected, Double.parseDouble(bar.getAttribute("height")), 0.051, week.week() + " height");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldNameItselfAndDescribeItsFactsInWords(RepresentativeRecords.Example example) {
        ChartData chart = example.chart();
        Html svg = Html.of(SvgChart.render(chart));
        String description = svg.text("/svg/desc");

        assertAll(
                () -> assertEquals("img", svg.attribute("/svg", "role")),
                () -> assertEquals(chart.title(), svg.text("/svg/title")),
                () -> assertTrue(description.startsWith("Status: " + chart.status().status().code().replace('_', ' ')),
                        description),
                () -> assertTrue(description.contains(chart.weeks().size() + " weeks"), description),
                () -> assertTrue(chart.weeks().stream().allMatch(week -> description.contains(week.week().toString())),
                        "every week named: " + description),
                () -> assertTrue(chart.symptoms().stream().allMatch(series -> description.contains(
                        series.name() + " (clinical threshold " + Markup.figure(series.instrument().threshold()))),
                        "every instrument and its threshold: " + description));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldHoldNoScriptAndLoadNothing(RepresentativeRecords.Example example) {
        String svg = SvgChart.render(example.chart());
        Html drawing = Html.of(svg);

        assertAll(
                () -> assertTrue(drawing.elements("script").isEmpty()),
                () -> assertTrue(drawing.all("//*[@href or @*[local-name()='href'] or @src]").isEmpty()),
                () -> assertFalse(svg.contains("@import") || svg.contains("url(http"), "nothing loaded"),
                () -> assertTrue(drawing.all("//@*[starts-with(local-name(), 'on')]/..").isEmpty(), "no handlers"));
    }

    @Test
    void shouldShadeAndLabelSetbackRunsAndMarkTheWeekInProgress() {
        Html relapse = Html.of(SvgChart.render(RepresentativeRecords.relapseWithSymptoms().chart()));
        Html slip = Html.of(SvgChart.render(RepresentativeRecords.slip().chart()));
        Html clean = Html.of(SvgChart.render(RepresentativeRecords.clean26Weeks().chart()));

        assertAll(
                () -> assertTrue(relapse.all("//rect[@class='setback-run']").stream()
                        .anyMatch(run -> run.getAttribute("data-status").equals("relapse"))),
                () -> assertEquals("relapse", relapse.text("//text[@class='setback-label'][@data-status='relapse']")),
                () -> assertEquals(List.of("slip", "recovering"), slip.all("//rect[@class='setback-run']").stream()
                        .map(run -> run.getAttribute("data-status")).toList()),
                () -> assertEquals(List.of("slip", "recovering"), slip.all("//text[@class='setback-label']").stream()
                        .map(Element::getTextContent).toList()),
                () -> assertTrue(clean.all("//rect[@class='setback-run']").isEmpty()),
                () -> assertEquals("in_progress", clean.attribute("//rect[@data-week='2026-W26']", "data-band")),
                () -> assertEquals("in progress", clean.text("//text[@class='in-progress']")));
    }

    @Test
    void shouldDrawAPanelPerInstrumentWithItsThresholdAndEachScore() {
        RepresentativeRecords.Example example = RepresentativeRecords.threeInstruments();
        Html svg = Html.of(SvgChart.render(example.chart()));

        assertEquals(List.of("gad7", "phq9", "ybocs"), svg.all("//g[@class='symptoms']").stream()
                .map(panel -> panel.getAttribute("data-instrument")).toList());
        for (String instrument : List.of("gad7", "phq9", "ybocs")) {
            String panel = "//g[@class='symptoms'][@data-instrument='" + instrument + "']";
            assertEquals(1, svg.all(panel + "/line[@class='threshold']").size(), instrument);
            assertEquals(5, svg.all(panel + "/circle[@class='score']").size(), instrument);
        }
    }

    @Test
    void shouldMarkPausesResumptionsAndRevisionsNamingTheAssignmentEscaped() {
        String svg = SvgChart.render(RepresentativeRecords.pause().chart());
        Html drawing = Html.of(svg);

        assertEquals(List.of("paused", "resumed", "revised"), drawing.all("//g[@class='marker']").stream()
                .map(marker -> marker.getAttribute("data-kind")).toList());
        assertTrue(drawing.text("//g[@class='marker'][1]/title").contains("Say \"no\" to a <colleague> & mean it"));
        assertFalse(svg.contains("<colleague>"), "markup in a title is escaped");
    }

    @Test
    void shouldStayWithin60KibForFiftyTwoWeeksWithThreeInstruments() {
        RepresentativeRecords.Example year = RepresentativeRecords.fiftyTwoWeeks();
        ChartData chart = year.chart();
        List<WeekAssessment> lastYear = chart.weeks().subList(chart.weeks().size() - 52, chart.weeks().size());
        ChartData fiftyTwo = ChartData.of(chart.title(), chart.status(), lastYear, year.record(), null, year.titles(),
                chart.settings());

        byte[] bytes = SvgChart.render(fiftyTwo).getBytes(StandardCharsets.UTF_8);

        assertEquals(52, fiftyTwo.weeks().size());
        assertEquals(3, fiftyTwo.symptoms().size());
        assertTrue(bytes.length <= 60 * 1024, bytes.length + " bytes");
    }

    @Test
    void shouldWrapALongStatusSentenceAndGrowTheDrawingToHoldIt() {
        ChartData chart = RepresentativeRecords.longStatusSentence().chart();
        ChartData oneLine = new ChartData("Short.", chart.status(), chart.weeks(), chart.symptoms(), chart.markers(),
                chart.settings());
        Html svg = Html.of(SvgChart.render(chart));
        Html oneLineSvg = Html.of(SvgChart.render(oneLine));
        List<String> lines = svg.all("//text[@class='chart-title']/tspan").stream().map(Element::getTextContent).toList();

        assertTrue(lines.size() >= 3, lines.toString());
        assertEquals(chart.title(), String.join("", lines), "the lines are the sentence, spaces kept");
        assertTrue(lines.stream().allMatch(line -> TextWidth.of(line.strip(), SvgChart.TITLE_SIZE, true)
                <= SvgChart.TITLE_WIDTH), lines.toString());
        assertEquals(height(oneLineSvg) + (lines.size() - 1) * SvgChart.TITLE_LINE, height(svg), 0.051);
    }

    @Test
    void shouldBreakAWordWiderThanALineBetweenCharacters() {
        String word = "ü".repeat(80);

        List<String> lines = TextWidth.wrap("Before " + word + " after", 200, 15, true);

        assertEquals("Before", lines.get(0));
        assertTrue(lines.size() >= 3, lines.toString());
        assertEquals("Before" + word + "after", String.join("", lines).replace(" ", ""), "nothing lost but spaces");
        assertTrue(lines.stream().allMatch(line -> TextWidth.of(line, 15, true) <= 200), lines.toString());
    }

    private static double height(Html svg) {
        return Double.parseDouble(svg.attribute("/svg", "viewBox").split(" ")[3]);
    }

    @Test
    void shouldEscapeMarkupAndControlCharactersForXmlAndHtml() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; \uFFFD",
                Markup.escape("<script>alert('x')</script> & \"q\" \u0001"));
    }
}
