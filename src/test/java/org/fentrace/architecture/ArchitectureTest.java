package org.fentrace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fentrace.core.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled production classes: the
 * packages form no cycle (each can be read, tested and changed from the bottom up), the
 * vocabularies live in {@code org.fentrace.core} only, and core depends on nothing but the JDK.
 */
class ArchitectureTest {
  /**
   * The production classes, read from where the compiler wrote them (not the whole class path:
   * Spark is large).
   */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(Vocabulary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theImportSeesEveryPackage() {
    // Guards the rules below against passing on an empty import: these packages are the ones under
    // src/main/java/org/fentrace.
    Set<String> packages = MAIN.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
    assertThat(packages)
        .contains(
            "org.fentrace.core",
            "org.fentrace.routes",
            "org.fentrace.trends",
            "org.fentrace.aggregates",
            "org.fentrace.report",
            "org.fentrace.run",
            "org.fentrace.config");
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("org.fentrace.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void vocabulariesLiveOnlyInCore() {
    classes()
        .that()
        .implement(Vocabulary.class)
        .should()
        .resideInAPackage("org.fentrace.core")
        .because("one enum per vocabulary, in one place (docs/architecture.md)")
        .check(MAIN);
    noClasses()
        .that()
        .resideOutsideOfPackage("org.fentrace.core")
        .should()
        .haveSimpleName("Vocabulary")
        .orShould()
        .haveSimpleName("Confidence")
        .orShould()
        .haveSimpleName("Route")
        .orShould()
        .haveSimpleName("Source")
        .because("a second class of a vocabulary's name is a second copy of it")
        .check(MAIN);
  }

  @Test
  void everyEnumInCoreIsAVocabulary() {
    classes()
        .that()
        .resideInAPackage("org.fentrace.core")
        .and()
        .areEnums()
        .should()
        .implement(Vocabulary.class)
        .check(MAIN);
  }

  @Test
  void coreDependsOnlyOnTheJdk() {
    classes()
        .that()
        .resideInAPackage("org.fentrace.core")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.fentrace.core..")
        .because(
            "the vocabularies are pure Java, usable from every layer and from tests without Spark")
        .check(MAIN);
  }

  @Test
  void everyPackageSaysItsRoleAndWhatItMayDependOn() throws IOException {
    Path main =
        Path.of(
            System.getProperty("basedir", System.getProperty("user.dir")),
            "src/main/java/org/fentrace");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(main)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path info = dir.resolve("package-info.java");
        if (!Files.isRegularFile(info) || !Files.readString(info).contains("May depend on:")) {
          missing.add(main.relativize(dir).toString());
        }
      }
    }
    assertThat(missing)
        .as("packages without a package-info.java naming what they may depend on")
        .isEmpty();
  }

  @Test
  void theCycleRuleReportsACycle() {
    // Two classes that use each other, each its own slice: the same rule must fail on them, so the
    // rule above passes because there is no cycle, not because it cannot see one.
    JavaClasses pair = new ClassFileImporter().importClasses(First.class, Second.class);
    SliceAssignment byClass =
        new SliceAssignment() {
          @Override
          public SliceIdentifier getIdentifierOf(JavaClass c) {
            return SliceIdentifier.of(c.getSimpleName());
          }

          @Override
          public String getDescription() {
            return "one slice per class";
          }
        };
    assertThat(
            slices().assignedFrom(byClass).should().beFreeOfCycles().evaluate(pair).hasViolation())
        .isTrue();
  }

  static final class First {
    Second next;
  }

  static final class Second {
    First previous;
  }
}
