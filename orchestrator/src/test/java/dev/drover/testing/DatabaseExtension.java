package dev.drover.testing;

import java.lang.reflect.Parameter;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@code @Database(KIND) TestDatabase} parameters. One isolated database per test class
 * and kind, created on first use and dropped when the class finishes. How the server is found
 * (explicit URL, Testcontainers, skip; a skip fails under {@code CI=true}) is
 * {@link TestDatabases#open}'s job.
 */
public final class DatabaseExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseExtension.class);

    /**
     * Checks every {@code @Database} parameter of the class's methods (lifecycle methods included)
     * once, so a class whose server is missing is skipped as a whole (or fails under CI).
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                checkServers(method.getParameters());
            }
        }
    }

    private static void checkServers(Parameter[] parameters) {
        for (Parameter parameter : parameters) {
            Database database = parameter.getAnnotation(Database.class);
            if (database != null && database.value() != DatabaseKind.H2) {
                TestDatabases.adminUrl(database.value());
            }
        }
    }

    /**
     * Checks server availability before parameters are resolved: JUnit turns an abort thrown by a
     * parameter resolver into an error, but an abort from a callback into a skip.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        checkServers(context.getRequiredTestMethod().getParameters());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class
                && parameter.isAnnotated(Database.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DatabaseKind kind = parameter.findAnnotation(Database.class).orElseThrow().value();
        ExtensionContext classContext = context.getRoot() == context ? context : classContextOf(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(kind, k -> new Holder(TestDatabases.open(kind)), Holder.class)
                .database;
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Closes (drops) the database when JUnit closes the class-level store. */
    private record Holder(TestDatabase database) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
