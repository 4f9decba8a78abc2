package vn.city.common.testing;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every service keeps, as ArchUnit rules over its production classes. A service's test is one line:
 * {@code ArchitectureRules.check("vn.city.task")}.
 *
 * <p>The shape (STYLE.md): one root package per feature ({@code vn.city.task.task}, {@code …conclusion}), with the
 * entity at its root and {@code rest/} (resources, DTOs), {@code service/} (use cases), {@code repository/} (queries)
 * and {@code event/} (what it publishes and consumes) where they earn their place. The rules:
 * <ol>
 *   <li>{@code rest} is the top layer: no class outside a {@code rest} package depends on one, so services and event
 *       handlers take commands and domain types, never REST records;</li>
 *   <li>{@code repository} is the bottom: it depends on no {@code service}, {@code rest} or {@code event} class;</li>
 *   <li>queries live in repositories: a {@code rest} class neither runs a Panache query nor opens a session;</li>
 *   <li>entities stay out of the API: no field of a {@code rest} class (a DTO's record component) is an entity;</li>
 *   <li>no cycles between feature packages.</li>
 * </ol>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Imports the module's production classes ({@code target/classes}, the test's working directory being the module)
     * and checks every rule on those under {@code basePackage}; fails listing all violations.
     */
    public static void check(String basePackage) {
        check(basePackage, rules(basePackage));
    }

    /** {@link #check(String)} and, besides, every query (Panache, session, SQL client) in a repository class. */
    public static void checkWithRepositories(String basePackage) {
        List<ArchRule> rules = new ArrayList<>(rules(basePackage));
        rules.add(queriesOnlyInRepositories(basePackage));
        check(basePackage, rules);
    }

    /** Queries live in {@code repository} packages only (a stricter form of rule 3). */
    public static ArchRule queriesOnlyInRepositories(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and().resideOutsideOfPackage("..repository..")
                .should().callMethodWhere(runsAQuery())
                .as("queries live in repositories only")
                .allowEmptyShould(true);
    }

    private static void check(String basePackage, List<ArchRule> rules) {
        // Only the module's own compiled classes, and no lookup of other classes on the class path: ArchUnit opening
        // and closing the dependency jars breaks a later Quarkus start in the same JVM (a closed cached JarFile).
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Path compiled = Path.of("target", "classes");
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(compiled);
        if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(basePackage))) {
            throw new AssertionError("no classes of " + basePackage + " in " + compiled.toAbsolutePath());
        }
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /** The rules, for a test that wants them one by one ({@code @ArchTest}). */
    public static List<ArchRule> rules(String basePackage) {
        String base = basePackage + "..";
        return List.of(
                restOnlyInRest(basePackage),
                noClasses().that().resideInAPackage(basePackage + ".*.repository..")
                        .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".*.service..",
                                basePackage + ".*.rest..", basePackage + ".*.event..")
                        .as("repositories depend on no service, REST or event class")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(basePackage + ".*.rest..")
                        .should().callMethodWhere(runsAQuery())
                        .as("queries live in repositories, not in resources")
                        .allowEmptyShould(true),
                noFields().that().areDeclaredInClassesThat().resideInAPackage(basePackage + ".*.rest..")
                        .should().haveRawType(entity())
                        .as("REST DTOs never carry entities")
                        .allowEmptyShould(true),
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .as("feature packages of " + basePackage + " are free of cycles")
                        .allowEmptyShould(true));
    }

    private static ArchRule restOnlyInRest(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".*.rest..")
                .as("only the REST layer uses REST classes (services take commands and domain types)")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> entity() {
        return new DescribedPredicate<>("an entity") {
            @Override
            public boolean test(JavaClass c) {
                return c.isAnnotatedWith("jakarta.persistence.Entity");
            }
        };
    }

    private static final java.util.Set<String> SQL_CLIENTS = java.util.Set.of("io.vertx.mutiny.sqlclient.SqlClient",
            "io.vertx.mutiny.sqlclient.Pool", "io.vertx.mutiny.pgclient.PgPool", "io.vertx.mutiny.sqlclient.SqlConnection",
            "io.vertx.mutiny.pgclient.PgConnection", "java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "javax.sql.DataSource", "io.agroal.api.AgroalDataSource");

    private static DescribedPredicate<JavaMethodCall> runsAQuery() {
        return new DescribedPredicate<>("a Panache query or a Hibernate session") {
            @Override
            public boolean test(JavaMethodCall call) {
                JavaClass owner = call.getTargetOwner();
                String name = call.getName();
                boolean panache = owner.isAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheEntityBase")
                        || owner.isAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase");
                boolean query = name.startsWith("find") || name.startsWith("list") || name.startsWith("count")
                        || name.startsWith("stream") || name.startsWith("delete") || name.equals("update");
                // The dependency jars are not imported (see check): a class there is known by its name only, not by
                // its supertypes, so the SQL clients a service holds are named one by one.
                return (panache && query)
                        || owner.isAssignableTo("org.hibernate.reactive.mutiny.Mutiny$Session")
                        || owner.isAssignableTo("org.hibernate.reactive.mutiny.Mutiny$SessionFactory")
                        || SQL_CLIENTS.contains(owner.getName());
            }
        };
    }
}
