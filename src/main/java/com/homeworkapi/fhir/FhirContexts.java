package com.homeworkapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one FHIR R4 context of the application, which reads what callers send (answers are
 * written by {@link FhirJsonWriter}): building one scans the whole model, so it is made once.
 * A singleton rather than a proxied application-scoped bean: the context is a plain,
 * thread-safe library object that needs no proxy in front of every parser it hands out.
 */
public class FhirContexts {

    @Produces
    @Singleton
    FhirContext r4() {
        return FhirContext.forR4();
    }
}
