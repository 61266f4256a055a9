package com.homeworkapi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

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

    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses()
            .that().resideInAPackage("com.homeworkapi.common..")
            .should().dependOnClassesThat(resideInAPackage("com.homeworkapi..")
                    .and(resideOutsideOfPackage("com.homeworkapi.common..")))
            .because("common holds what every feature shares, so it cannot lean on any of them");
}
