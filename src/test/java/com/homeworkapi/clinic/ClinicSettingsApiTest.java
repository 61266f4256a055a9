package com.homeworkapi.clinic;

import static com.homeworkapi.support.Json.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestInstruments;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClinicSettingsApiTest {

    @Inject
    ClinicSettingsService settingsService;

    /** Settings as an admin would send them: the defaults but stricter, with one instrument of the clinic's own. */
    private static Map<String, Object> settings() {
        Map<String, Object> body = new HashMap<>();
        body.put("compliance", new HashMap<>(Map.of("met", 0.9, "adequate", 0.6)));
        body.put("weeks", new HashMap<>(Map.of("engagement", 3, "atRisk", 2, "relapse", 5, "recovering", 3)));
        body.put("symptomRelapse", new HashMap<>(Map.of("measurements", 3, "spanDays", 35)));
        body.put("instruments", new ArrayList<>(List.of(pcl5())));
        return body;
    }

    private static Map<String, Object> pcl5() {
        return TestInstruments.pcl5("reliableChangePoints", 10);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> body, String name) {
        return (Map<String, Object>) body.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> instrument(Map<String, Object> body, int index) {
        return ((List<Map<String, Object>>) body.get("instruments")).get(index);
    }

    private static RequestSpecification adminSendingBadInput(TestClinic clinic) {
        return given().auth().oauth2(Tokens.staff(clinic.id, "admin")).contentType(ContentType.JSON)
                .filter(Contract.RESPONSES_ONLY);
    }

    private static void save(TestClinic clinic, String etag, Map<String, Object> body) {
        clinic.admin().header("If-Match", etag).body(body).put("/v1/clinic/settings").then().statusCode(200);
    }

    @Test
    void shouldScoreWithOneReadingOfTheSettingsPerTransactionAndTheSavedOnesInTheNext() {
        TestClinic clinic = new TestClinic();
        List<ScoringSettings> seenInOneTransaction = ClinicDatabase.call(clinic.id, () -> {
            ScoringSettings first = settingsService.scoringSettings(clinic.id);
            // An admin saves stricter thresholds while the transaction is open (read committed
            // would show them to a second query).
            CompletableFuture.runAsync(() -> save(clinic, "\"0\"", settings())).join();
            return List.of(first, settingsService.scoringSettings(clinic.id));
        });
        assertEquals(List.of(ScoringSettings.DEFAULTS, ScoringSettings.DEFAULTS), seenInOneTransaction);

        ScoringSettings next = ClinicDatabase.call(clinic.id, () -> settingsService.scoringSettings(clinic.id));
        assertEquals(0.9, next.met());
        assertEquals(0.6, next.adequate());
    }

    @Test
    void shouldAnswerTheDefaultsAndTheBuiltInInstrumentsUnderETagZeroBeforeAnythingIsSaved() {
        TestClinic clinic = new TestClinic();
        clinic.clinician().get("/v1/clinic/settings").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body(at("compliance.met", equalTo(0.8f)))
                .body(at("compliance.adequate", equalTo(0.5f)))
                .body(at("weeks.engagement", equalTo(2)))
                .body(at("weeks.atRisk", equalTo(2)))
                .body(at("weeks.relapse", equalTo(4)))
                .body(at("weeks.recovering", equalTo(2)))
                .body(at("symptomRelapse.measurements", equalTo(2)))
                .body(at("symptomRelapse.spanDays", equalTo(28)))
                .body(at("instruments.code", contains("phq9", "gad7", "ybocs")))
                .body(at("instruments.builtIn", contains(true, true, true)))
                .body(at("instruments[0].threshold", equalTo(10.0f)))
                .body(at("instruments[0].reliableChangePoints", equalTo(6.0f)))
                .body(at("instruments[2].responsePercent", equalTo(35.0f)))
                .body(at("updatedAt", nullValue()));
    }

    @Test
    void shouldCreateTheSettingsOnTheFirstSaveAndReplaceThemOnlyWithTheCurrentETag() {
        TestClinic clinic = new TestClinic();
        clinic.admin().header("If-Match", "\"0\"").body(settings()).put("/v1/clinic/settings").then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body(at("compliance.met", equalTo(0.9f)))
                .body(at("weeks.relapse", equalTo(5)))
                .body(at("instruments.code", contains("phq9", "gad7", "ybocs", "pcl5")))
                .body(at("instruments[3].builtIn", equalTo(false)))
                .body(at("instruments[3].name", equalTo("PTSD Checklist for DSM-5")))
                .body(at("updatedAt", notNullValue()));
        clinic.integration().get("/v1/clinic/settings").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body(at("symptomRelapse.spanDays", equalTo(35)))
                .body(at("instruments[3].threshold", equalTo(33.0f)));

        Map<String, Object> withoutInstruments = settings();
        withoutInstruments.put("instruments", List.of());
        // "0" no longer matches once the settings exist, so a second first save cannot overwrite them.
        clinic.admin().header("If-Match", "\"0\"").body(withoutInstruments).put("/v1/clinic/settings").then()
                .statusCode(412).contentType("application/problem+json");
        clinic.admin().header("If-Match", "\"1\"").body(withoutInstruments).put("/v1/clinic/settings").then()
                .statusCode(200).header("ETag", equalTo("\"2\""))
                .body(at("instruments", hasSize(3)));
        clinic.admin().header("If-Match", "\"1\"").body(settings()).put("/v1/clinic/settings").then()
                .statusCode(412);
        clinic.clinician().get("/v1/clinic/settings").then().header("ETag", equalTo("\"2\""))
                .body(at("instruments", hasSize(3)));
    }

    @Test
    void shouldAnswer428WithoutIfMatchAndChangeNothing() {
        TestClinic clinic = new TestClinic();
        clinic.admin().body(settings()).put("/v1/clinic/settings").then().statusCode(428)
                .contentType("application/problem+json");
        clinic.admin().get("/v1/clinic/settings").then().header("ETag", equalTo("\"0\""))
                .body(at("compliance.met", equalTo(0.8f)));
    }

    @Test
    void shouldLetOnlyAnAdminChangeTheSettingsAndNoClientReadThem() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        for (RequestSpecification caller : List.of(clinic.clinician(), clinic.integration(), clinic.client(clientId))) {
            caller.header("If-Match", "\"0\"").body(settings()).put("/v1/clinic/settings").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        clinic.client(clientId).get("/v1/clinic/settings").then().statusCode(403);
        clinic.admin().get("/v1/clinic/settings").then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void shouldRejectThresholdsThatScoringCannotWorkWithNamingTheField() {
        TestClinic clinic = new TestClinic();
        Map<String, Consumer<Map<String, Object>>> breakages = new HashMap<>();
        breakages.put("compliance.adequate", body -> part(body, "compliance").put("adequate", 0.95));
        breakages.put("compliance.met", body -> part(body, "compliance").put("met", 1.2));
        breakages.put("weeks.relapse", body -> part(body, "weeks").put("relapse", 1));
        breakages.put("weeks.atRisk", body -> part(body, "weeks").put("atRisk", 0));
        breakages.put("weeks.engagement", body -> part(body, "weeks").put("engagement", -1));
        breakages.put("weeks.recovering", body -> part(body, "weeks").put("recovering", 0));
        breakages.put("symptomRelapse.measurements", body -> part(body, "symptomRelapse").put("measurements", 0));
        breakages.put("symptomRelapse.spanDays", body -> part(body, "symptomRelapse").put("spanDays", -7));
        breakages.put("compliance", body -> body.remove("compliance"));
        breakages.put("instruments", body -> body.remove("instruments"));
        breakages.forEach((field, breakage) -> {
            Map<String, Object> body = settings();
            breakage.accept(body);
            adminSendingBadInput(clinic).header("If-Match", "\"0\"").body(body).put("/v1/clinic/settings").then()
                    .statusCode(400)
                    .body(at("errors.field", contains(field)));
        });
        Map<String, Object> zeroAdequate = settings();
        part(zeroAdequate, "compliance").put("adequate", 0);
        adminSendingBadInput(clinic).header("If-Match", "\"0\"").body(zeroAdequate).put("/v1/clinic/settings")
                .then().statusCode(400).body(at("errors[0].field", equalTo("compliance.adequate")));
        clinic.admin().get("/v1/clinic/settings").then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void shouldRejectACustomInstrumentScoringCouldNotUseNamingTheField() {
        TestClinic clinic = new TestClinic();
        Map<String, Consumer<Map<String, Object>>> breakages = new HashMap<>();
        breakages.put("instruments[0].code", body -> instrument(body, 0).put("code", "phq9"));
        breakages.put("instruments[0].max", body -> instrument(body, 0).put("max", 0));
        breakages.put("instruments[0].threshold", body -> instrument(body, 0).put("threshold", 81));
        breakages.put("instruments[0].reliableChangePoints",
                body -> instrument(body, 0).put("reliableChangePoints", 0));
        breakages.put("instruments[0].responsePercent", body -> instrument(body, 0).put("responsePercent", 100.5));
        breakages.put("instruments[0].name", body -> instrument(body, 0).put("name", " "));
        breakages.put("instruments[0].lowerIsBetter", body -> instrument(body, 0).remove("lowerIsBetter"));
        breakages.put("instruments[1].code", body -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> instruments = (List<Map<String, Object>>) body.get("instruments");
            instruments.add(pcl5());
        });
        for (String code : List.of("PCL5", "p", "pcl-5", "x".repeat(33))) {
            breakages.put("instruments[0].code " + code, body -> instrument(body, 0).put("code", code));
        }
        breakages.forEach((name, breakage) -> {
            Map<String, Object> body = settings();
            breakage.accept(body);
            adminSendingBadInput(clinic).header("If-Match", "\"0\"").body(body).put("/v1/clinic/settings").then()
                    .statusCode(400)
                    .body(at("errors[0].field", equalTo(name.split(" ")[0])));
        });
        clinic.admin().get("/v1/clinic/settings").then().header("ETag", equalTo("\"0\""))
                .body(at("instruments", hasSize(3)));
    }

    @Test
    void shouldRefuseToRemoveOrNarrowAnInstrumentThatStoredMeasurementsUse() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        save(clinic, "\"0\"", settings());
        clinic.clinician().body(Map.of("instrument", "pcl5", "score", 62, "measuredOn", "2026-03-02"))
                .post("/v1/clients/{id}/measurements", clientId).then().statusCode(201);

        Map<String, Object> removed = settings();
        removed.put("instruments", List.of());
        clinic.admin().header("If-Match", "\"1\"").body(removed).put("/v1/clinic/settings").then()
                .statusCode(409).contentType("application/problem+json");
        Map<String, Object> narrowed = settings();
        instrument(narrowed, 0).put("max", 60);
        clinic.admin().header("If-Match", "\"1\"").body(narrowed).put("/v1/clinic/settings").then()
                .statusCode(409);

        Map<String, Object> widened = settings();
        instrument(widened, 0).put("max", 100);
        instrument(widened, 0).put("threshold", 40);
        save(clinic, "\"1\"", widened);
        clinic.clinician().get("/v1/clinic/settings").then().body(at("instruments[3].max", equalTo(100.0f)));
    }

    @Test
    void shouldRemoveAnInstrumentNoMeasurementUses() {
        TestClinic clinic = new TestClinic();
        save(clinic, "\"0\"", settings());
        Map<String, Object> removed = settings();
        removed.put("instruments", List.of());
        save(clinic, "\"1\"", removed);
        clinic.clinician().get("/v1/clinic/settings").then().body(at("instruments.code", contains("phq9", "gad7", "ybocs")));
    }

    @Test
    void shouldKeepEachClinicsSettingsToItself() {
        TestClinic clinic = new TestClinic();
        TestClinic otherClinic = new TestClinic();
        UUID otherClientId = otherClinic.createClient();
        save(clinic, "\"0\"", settings());

        otherClinic.admin().get("/v1/clinic/settings").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body(at("compliance.met", equalTo(0.8f)))
                .body(at("instruments.code", contains("phq9", "gad7", "ybocs")));
        // The other clinic's ETag does not reach across: its settings still do not exist.
        otherClinic.admin().header("If-Match", "\"1\"").body(settings()).put("/v1/clinic/settings").then()
                .statusCode(412);
        otherClinic.clinician().body(Map.of("instrument", "pcl5", "score", 20, "measuredOn", "2026-03-02"))
                .post("/v1/clients/{id}/measurements", otherClientId).then().statusCode(400)
                .body(at("errors[0].field", equalTo("instrument")));
        clinic.clinician().get("/v1/clinic/settings").then().header("ETag", equalTo("\"1\""))
                .body(at("compliance.met", equalTo(0.9f)));
    }

    @Test
    void shouldAnswer400NeverA5xxToMalformedSettings() {
        TestClinic clinic = new TestClinic();
        Map<String, Object> unknownProperty = settings();
        unknownProperty.put("updatedAt", "2026-03-02T10:00:00Z");
        Map<String, Object> builtInFlag = settings();
        instrument(builtInFlag, 0).put("builtIn", false);
        Map<String, Object> textForNumber = settings();
        part(textForNumber, "compliance").put("met", "high");
        Map<String, Object> nullInstrument = settings();
        @SuppressWarnings("unchecked")
        List<Object> instruments = (List<Object>) nullInstrument.get("instruments");
        instruments.add(null);
        Map<String, Object> hugeMin = settings();
        instrument(hugeMin, 0).put("min", -1e300);
        for (Object body : List.of("{\"compliance\": ", "[]", "null", unknownProperty, builtInFlag, textForNumber,
                nullInstrument, hugeMin)) {
            adminSendingBadInput(clinic).header("If-Match", "\"0\"").body(body).put("/v1/clinic/settings").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        clinic.admin().get("/v1/clinic/settings").then().header("ETag", equalTo("\"0\""));
    }
}
