package com.homeworkapi.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** One error format, made in one place (style.md 8): the rules that keep it so. */
@AnalyzeClasses(packages = "com.homeworkapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ProblemArchitectureTest {

    @ArchTest
    static final ArchRule problemsAreMadeOnlyByTheFactoriesOfApiProblem = noClasses()
            .that().doNotHaveFullyQualifiedName(ApiProblem.class.getName())
            .should().callConstructor(Problem.class, String.class, String.class, int.class, String.class, List.class)
            .because("the wording of every error lives in ApiProblem, where it can be kept free of sent values");

    @ArchTest
    static final ArchRule problemsAreWrittenOnlyByProblemResponses = noClasses()
            .that().doNotHaveFullyQualifiedName(ProblemResponses.class.getName())
            .should().callMethod(ApiProblem.class, "toProblem")
            .because("one place turns a problem into its status, headers and body, for JAX-RS and Vert.x alike");
}
