package com.homeworkapi.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs PlatformTest first and the other classes by name. Surefire books the application's start
 * to the first class; PlatformTest checks that start (health, contract), so its time says what
 * the start costs instead of inflating whichever class sorts first. By name, not by annotation:
 * Quarkus loads test classes in a class loader of its own, where JUnit's @Order is not found.
 */
public final class StartFirstClassOrderer implements ClassOrderer {

    private static final String FIRST = "com.homeworkapi.PlatformTest";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor descriptor) -> !descriptor.getTestClass().getName().equals(FIRST))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }
}
