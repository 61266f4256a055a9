package com.homeworkapi.fhir;

/** The media types of the FHIR face. */
public final class FhirMedia {

    /** FHIR's own JSON: what every FHIR answer is, and what a FHIR create must send. */
    public static final String FHIR_JSON = "application/fhir+json";

    /** The R4 base path under which the FHIR face answers. */
    public static final String BASE_PATH = "/fhir/R4";

    private FhirMedia() {
    }
}
