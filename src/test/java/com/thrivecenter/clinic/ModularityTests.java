package com.thrivecenter.clinic;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages by feature keep to DESIGN.md: no cycles between content, inquiry, staff and site, no feature
 * reaching into another's internals (its sub-packages, unless named as an interface like content.web), and
 * content depending on nothing else of ours. The application class is left out: it starts everything (and runs
 * the content check), so it may use any feature; the root package's other types are the shared kernel (the
 * clinic's details, the security headers) that every feature may read.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(
            SiteApplication.class,
            describe("the application class", type -> type.isEquivalentTo(SiteApplication.class)));

    @Test
    void theFeaturePackagesHaveNoCyclesAndUseOnlyEachOthersPublishedTypes() {
        modules.verify();
    }

    @Test
    void contentDependsOnNothingElseOfOurs() {
        ApplicationModule content = modules.getModuleByName("content").orElseThrow();

        assertThat(content.getDirectDependencies(modules).uniqueModules()).isEmpty();
    }

    /** Files, parsing and snapshots know nothing of how pages are published: not the web, not Thymeleaf. */
    @Test
    void contentItselfKnowsNothingOfThePublishStage() {
        noClasses()
                .that()
                .resideInAPackage("com.thrivecenter.clinic.content")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.thrivecenter.clinic.content.web..",
                        "org.thymeleaf..",
                        "org.springframework.web..",
                        "jakarta.servlet..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.thrivecenter.clinic.content"));
    }

    @Test
    void eachFeatureDependsOnlyWhereDesignMdAllows() {
        assertThat(dependenciesOf("inquiry")).containsOnly("content");
        assertThat(dependenciesOf("staff")).containsOnly("inquiry", "content");
        assertThat(dependenciesOf("site")).containsOnly("content");
    }

    private List<String> dependenciesOf(String name) {
        return modules.getModuleByName(name)
                .orElseThrow()
                .getDirectDependencies(modules)
                .uniqueModules()
                .map(module -> module.getIdentifier().toString())
                .toList();
    }
}
