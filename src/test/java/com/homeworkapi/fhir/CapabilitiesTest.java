package com.homeworkapi.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The CapabilityStatement names exactly the search parameters each search takes, no more and no fewer. */
class CapabilitiesTest {

    @Test
    void shouldListEverySearchParameterEachSearchTakes() {
        Map<String, Set<String>> taken = new TreeMap<>(Map.of(
                "Patient", new TreeSet<>(FhirPatientResource.SEARCH_PARAMETERS),
                "Observation", new TreeSet<>(FhirObservationResource.SEARCH_PARAMETERS),
                "Goal", new TreeSet<>(FhirGoalResource.SEARCH_PARAMETERS),
                "CarePlan", new TreeSet<>(FhirCarePlanResource.SEARCH_PARAMETERS)));
        // _include is listed as the resource's searchInclude, not as a parameter.
        taken.get("CarePlan").remove(FhirCarePlanResource.INCLUDE);

        Map<String, Set<String>> listed = new TreeMap<>();
        for (Capabilities.Supported supported : Capabilities.RESOURCES) {
            Set<String> names = new TreeSet<>();
            supported.parameters().forEach(parameter -> names.add(parameter.name()));
            listed.put(supported.type(), names);
        }

        assertEquals(taken, listed);
    }
}
