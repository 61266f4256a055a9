package com.homeworkapi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.Contract;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

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

    /** The two faces of the API: the service's own JSON and FHIR R4. */
    static final Set<String> ROOTS = Set.of("/v1", "/fhir/R4");

    /**
     * JAX-RS picks the resource class with the longest matching path and never looks at the
     * others, so a class at /v1/sync would hide /v1/sync/attempts declared under /v1.
     */
    @ArchTest
    static final ArchRule everyResourceIsRootedAtV1OrFhirR4 = classes()
            .that().areAnnotatedWith(Path.class)
            .should(new ArchCondition<JavaClass>("be annotated @Path(\"/v1\") or @Path(\"/fhir/R4\")") {
                @Override
                public void check(JavaClass resource, ConditionEvents events) {
                    String path = resource.getAnnotationOfType(Path.class).value();
                    if (!ROOTS.contains(path)) {
                        events.add(SimpleConditionEvent.violated(resource,
                                resource.getName() + " is rooted at " + path + "; put the rest on its methods"));
                    }
                }
            });

    /** Features depend on one another in one direction only, so each can be read and changed from below. */
    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices()
            .matching("com.homeworkapi.(*)..")
            .should().beFreeOfCycles();

    /** Integrators find an operation under the tag of the package that implements it, and vice versa. */
    @ArchTest
    static final ArchRule everyOperationIsTaggedWithItsPackage = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).and().areAnnotatedWith(Path.class)
            .should(new ArchCondition<JavaMethod>("be tagged in openapi.yaml with the name of their package") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    String root = method.getOwner().getAnnotationOfType(Path.class).value();
                    String path = root + "/" + method.getAnnotationOfType(Path.class).value();
                    String verb = Stream.of("GET", "POST", "PUT", "PATCH", "DELETE")
                            .filter(name -> method.isAnnotatedWith("jakarta.ws.rs." + name))
                            .findFirst().orElse("none").toLowerCase(Locale.ROOT);
                    JsonNode operation = contract().path("paths").path(path).path(verb);
                    String feature = method.getOwner().getPackageName().substring("com.homeworkapi.".length());
                    String tag = operation.path("tags").path(0).asText();
                    if (operation.isMissingNode() || !packageOfTag(tag).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(method, verb.toUpperCase(Locale.ROOT) + " " + path
                                + " is implemented in " + feature + " but tagged '" + tag + "'"));
                    }
                }
            });

    /** "Clinic settings" is clinic, "Reports" is report, "Sync" is sync. */
    static String packageOfTag(String tag) {
        String word = tag.split(" ")[0].toLowerCase(Locale.ROOT);
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static JsonNode contract() {
        try {
            return new YAMLMapper().readTree(Contract.spec());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses()
            .that().resideInAPackage("com.homeworkapi.common..")
            .should().dependOnClassesThat(resideInAPackage("com.homeworkapi..")
                    .and(resideOutsideOfPackage("com.homeworkapi.common..")))
            .because("common holds what every feature shares, so it cannot lean on any of them");
}
