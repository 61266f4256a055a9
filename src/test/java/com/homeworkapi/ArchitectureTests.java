package com.homeworkapi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

/** The shape of architecture.md and style.md, kept by the build rather than by memory. */
@AnalyzeClasses(packages = "com.homeworkapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule scoringDependsOnNoFrameworkOrPersistence = noClasses()
            .that().resideInAPackage("com.homeworkapi.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta..", "javax..", "io.quarkus..", "org.hibernate..", "io.smallrye..", "io.vertx..",
                    "com.fasterxml..")
            .because("scoring is pure Java so it can be tested without a container and reused anywhere");

    @ArchTest
    static final ArchRule scoringDependsOnNoOtherFeatureOfTheService = noClasses()
            .that().resideInAPackage("com.homeworkapi.scoring..")
            .should().dependOnClassesThat(resideInAPackage("com.homeworkapi..")
                    .and(resideOutsideOfPackage("com.homeworkapi.scoring..")))
            .because("the service maps its entities into scoring records, never the other way round");

    @ArchTest
    static final ArchRule resourcesNeverHandleEntities = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .because("entities never leave the service layer as JSON");

    /**
     * JAX-RS picks the resource class with the longest matching path and never looks at the
     * others, so a class at /v1/sync would hide /v1/sync/attempts declared under /v1.
     */
    @ArchTest
    static final ArchRule everyResourceIsRootedAtV1 = classes()
            .that().areAnnotatedWith(Path.class)
            .should(new ArchCondition<JavaClass>("be annotated @Path(\"/v1\")") {
                @Override
                public void check(JavaClass resource, ConditionEvents events) {
                    String path = resource.getAnnotationOfType(Path.class).value();
                    if (!path.equals("/v1")) {
                        events.add(SimpleConditionEvent.violated(resource,
                                resource.getName() + " is rooted at " + path + "; put the rest on its methods"));
                    }
                }
            });

    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses()
            .that().resideInAPackage("com.homeworkapi.common..")
            .should().dependOnClassesThat(resideInAPackage("com.homeworkapi..")
                    .and(resideOutsideOfPackage("com.homeworkapi.common..")))
            .because("common holds what every feature shares, so it cannot lean on any of them");
}
