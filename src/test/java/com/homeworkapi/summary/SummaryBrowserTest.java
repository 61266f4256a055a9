package com.homeworkapi.summary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.Browser;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The summary page and the chart as a person sees them, in headless Chromium loading them from
 * the running service: no console error, a bar per week as tall as its figure, the labels,
 * stored markup shown and never run, and a print layout that fits A4 and Letter. With
 * {@code -Ddocs.screenshots=true} it also saves the screenshots under {@code docs/images/}.
 */
@QuarkusTest
class SummaryBrowserTest {

    /** The printable width of A4 and of Letter at 1 cm margins, in CSS pixels (96 per inch). */
    static final int A4_PRINTABLE = 718;
    static final int LETTER_PRINTABLE = 740;

    @AfterEach
    void releaseClock() {
        TestClock.release();
    }

    @Test
    void shouldShowThePageWithABarPerWeekAsTallAsItsFigureAndRunNothingStored() throws IOException {
        TestClinic clinic = new TestClinic();
        UUID clientId = SummaryApiTest.storedMarkup(clinic);
        JsonNode weeks = Json.of(clinic.clinician().get("/v1/clients/{id}/compliance", clientId)).path("weeks");

        try (Browser browser = Browser.withToken(Tokens.staff(clinic.id, "clinician"))) {
            browser.driver.get(url("/v1/clients/" + clientId + "/summary"));

            List<WebElement> bars = browser.driver.findElements(By.cssSelector("section.chart svg rect.bar"));
            assertEquals(weeks.size(), bars.size(), "a bar per week");
            assertProportional(browser, bars, weeks);
            List<String> weekLabels = browser.driver.findElements(By.cssSelector("svg text.week-label")).stream()
                    .map(WebElement::getText).toList();
            assertAll(
                    () -> assertEquals(List.of(), browser.consoleProblems(), "console"),
                    () -> assertEquals(SummaryApiTest.NAME, browser.driver.findElement(By.tagName("h1")).getText()),
                    () -> assertEquals("Session summary: " + SummaryApiTest.NAME, browser.driver.getTitle()),
                    () -> assertTrue(browser.driver.findElement(By.tagName("body")).getText()
                            .contains(SummaryApiTest.NOTE), "the note shows as text"),
                    () -> assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.owned === undefined"),
                            "no stored script or handler ran"),
                    () -> assertTrue(browser.driver.findElements(By.cssSelector("main script, main img, main iframe"))
                            .isEmpty()),
                    () -> assertFalse(weekLabels.isEmpty(), "week labels"),
                    () -> assertTrue(weekLabels.stream().allMatch(label -> label.matches("W\\d\\d")), weekLabels.toString()),
                    () -> assertTrue(browser.driver.findElement(By.cssSelector("svg text.chart-title")).isDisplayed()),
                    () -> assertEquals("in progress",
                            browser.driver.findElement(By.cssSelector("svg text.in-progress")).getText()),
                    () -> assertTrue(browser.driver.findElement(By.cssSelector("section.progress li")).getText()
                            .startsWith("Still 7 of the 13 points of PHQ-9 improvement")));

            assertAll(
                    () -> assertFalse(browser.overflowsWhenPrintedAt(A4_PRINTABLE), "overflows A4"),
                    () -> assertFalse(browser.overflowsWhenPrintedAt(LETTER_PRINTABLE), "overflows Letter"),
                    () -> assertEquals(1, browser.printedPages(Browser.A4), "pages on A4"),
                    () -> assertEquals(1, browser.printedPages(Browser.LETTER), "pages on Letter"));
            screenshot(browser, "summary.png", By.tagName("main"));
        }
    }

    /** The golden charts of the representative records, opened as files: what docs/images shows. */
    @Test
    void shouldShowEachRepresentativeChartWithoutAConsoleError() throws IOException {
        List<Path> charts = new ArrayList<>();
        try (var files = Files.list(Path.of("src/test/resources/charts"))) {
            files.filter(file -> file.toString().endsWith(".svg")).sorted().forEach(charts::add);
        }
        assertEquals(7, charts.size(), charts.toString());

        try (Browser browser = Browser.start()) {
            for (Path chart : charts) {
                browser.driver.get(chart.toAbsolutePath().toUri().toString());
                assertTrue(browser.driver.findElements(By.cssSelector("rect.bar")).size() >= 6, chart.toString());
                assertEquals(List.of(), browser.consoleProblems(), chart.toString());
                screenshot(browser, "chart-" + chart.getFileName().toString().replace(".svg", ".png"),
                        By.xpath("/*"));
            }
        }
    }

    /** Every bar's rendered height is its compliance times one scale, the tallest bar's. */
    private static void assertProportional(Browser browser, List<WebElement> bars, JsonNode weeks) {
        double fullHeight = ((Number) browser.driver.executeScript(
                "const axis = [...document.querySelectorAll('svg g.axis line')].map(l => l.getBoundingClientRect().top);"
                        + "return Math.max(...axis) - Math.min(...axis);")).doubleValue();
        for (int i = 0; i < bars.size(); i++) {
            double height = ((Number) browser.driver.executeScript("return arguments[0].getBoundingClientRect().height",
                    bars.get(i))).doubleValue();
            double compliance = weeks.get(i).path("compliance").asDouble(0);
            assertEquals(compliance * fullHeight, height, 0.75,
                    weeks.get(i).path("week").asText() + ": " + height + " px of " + fullHeight);
        }
    }

    private static void screenshot(Browser browser, String name, By element) throws IOException {
        if (!Boolean.getBoolean("docs.screenshots")) {
            return;
        }
        Path images = Path.of("docs/images");
        Files.createDirectories(images);
        Files.write(images.resolve(name), browser.driver.findElement(element).getScreenshotAs(OutputType.BYTES));
    }

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }
}
