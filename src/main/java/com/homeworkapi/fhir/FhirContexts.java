package com.homeworkapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one FHIR R4 context of the application: building one scans the whole model, so it is made
 * once. A singleton rather than a proxied application-scoped bean: the context is a plain,
 * thread-safe library object that needs no proxy in front of every parser it hands out.
 */
public class FhirContexts {

    @Produces
    @Singleton
    FhirContext r4() {
        FhirContext context = FhirContext.forR4();
        // Every reference we write names its target by id, so there is never a resource to
        // contain; without this HAPI walks each resource's whole tree looking for one before
        // encoding it (a fifth of a page's time).
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }
}
