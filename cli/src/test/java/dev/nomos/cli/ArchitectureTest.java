package dev.nomos.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the modules' layout promises, checked on the compiled classes of every module the cli
 * ships: {@code internal} packages are a module's own (public API lives in {@code dev.nomos.<module>}),
 * and modules depend one way (docs/architecture.md).
 */
class ArchitectureTest {
  private static final List<String> MODULES = List.of("grammar", "runtime", "stdlib", "compiler", "learn", "worlds",
      "plan", "lsp", "serve", "bench", "cli");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.nomos");
  }

  /** The module a class of ours belongs to: the package segment after {@code dev.nomos}. */
  static String module(String packageName) {
    String[] parts = packageName.split("\\.");
    return parts.length > 2 ? parts[2] : "";
  }

  /** Dependencies on an {@code internal} package of another module. */
  static final ArchCondition<JavaClass> REACH_NO_OTHER_MODULES_INTERNALS =
      new ArchCondition<>("reach no internal package of another module") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            String target = d.getTargetClass().getPackageName();
            if (target.startsWith("dev.nomos.") && (target.contains(".internal.") || target.endsWith(".internal"))
                && !module(target).equals(module(origin.getPackageName()))) {
              events.add(SimpleConditionEvent.violated(d, d.getDescription()));
            }
          }
        }
      };

  @Test
  void noModuleReachesIntoAnotherModulesInternals() {
    classes().that().resideInAPackage("dev.nomos..").should(REACH_NO_OTHER_MODULES_INTERNALS).check(classes);
  }

  /** A class that breaks the rule, so that the rule is seen to bite. */
  static final class ReachesIn {
    int hashes() {
      return dev.nomos.runtime.jar.internal.Hashes.sha256(new byte[0]).length();
    }
  }

  @Test
  void theInternalsRuleFindsAReachIntoAnotherModule() {
    JavaClasses offender = new ClassFileImporter().importClasses(ReachesIn.class);
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> classes().should(REACH_NO_OTHER_MODULES_INTERNALS).check(offender));
    assertTrue(e.getMessage().contains("Hashes"), e.getMessage());
  }

  @Test
  void theRuntimeDependsOnNothingOfOurs() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.nomos.runtime..").should().dependOnClassesThat()
        .resideInAnyPackage(others("runtime"));
    rule.check(classes);
  }

  @Test
  void theCompilerNeverDependsOnTheLearnerOrTheCli() {
    noClasses().that().resideInAPackage("dev.nomos.compiler..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.nomos.learn..", "dev.nomos.cli..", "dev.nomos.lsp..", "dev.nomos.plan..")
        .check(classes);
  }

  @Test
  void thePlannerNeverDependsOnTheLearnerOrTheCli() {
    noClasses().that().resideInAPackage("dev.nomos.plan..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.nomos.learn..", "dev.nomos.cli..", "dev.nomos.compiler..", "dev.nomos.lsp..")
        .check(classes);
  }

  @Test
  void theRulesSeeEveryModule() {
    for (String m : MODULES) {
      assertTrue(classes.stream().anyMatch(c -> module(c.getPackageName()).equals(m)), m);
    }
    assertFalse(module("dev.nomos.runtime.internal").isEmpty());
  }

  /** Every module of ours but {@code self}, as package patterns. */
  private static String[] others(String self) {
    return MODULES.stream().filter(m -> !m.equals(self)).map(m -> "dev.nomos." + m + "..").toArray(String[]::new);
  }
}
