package com.homeworkapi.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an operation where the Java method name cannot (see {@link OperationIds}): FHIR
 * interactions are {@code fhir.Observation.search}, say, in openapi.yaml, the scope table and,
 * for an {@link Audited} resource, the audit trail, with the FHIR type as the event's resource type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedAs {

    /** The operation, such as {@code fhir.Patient.read}. */
    String value();

    /** The type of object the operation works on, such as {@code Patient}. */
    String resourceType();
}
