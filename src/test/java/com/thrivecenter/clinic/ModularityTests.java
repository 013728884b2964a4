package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages by feature keep to DESIGN.md: no cycles between content, inquiry, staff and site, no feature
 * reaching into another's internals (its sub-packages), and content depending on nothing else of ours.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SiteApplication.class);

    @Test
    void theFeaturePackagesHaveNoCyclesAndUseOnlyEachOthersTopLevelTypes() {
        modules.verify();
    }

    @Test
    void contentDependsOnNothingElseOfOurs() {
        ApplicationModule content = modules.getModuleByName("content").orElseThrow();

        assertThat(content.getDirectDependencies(modules).uniqueModules()).isEmpty();
    }

    @Test
    void eachFeatureDependsOnlyWhereDesignMdAllows() {
        assertThat(dependenciesOf("inquiry")).containsOnly("content");
        assertThat(dependenciesOf("staff")).containsOnly("inquiry", "content");
        assertThat(dependenciesOf("site")).containsOnly("content");
    }

    private List<String> dependenciesOf(String name) {
        return modules.getModuleByName(name).orElseThrow().getDirectDependencies(modules).uniqueModules()
                .map(module -> module.getIdentifier().toString()).toList();
    }
}
