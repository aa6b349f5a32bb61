package dev.drover.orchestrator.runtime;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaRevision;
import dev.drover.orchestrator.script.ScriptFileException;
import java.lang.reflect.InvocationTargetException;

/** Loads the classes of Java revisions and derives their checksums from their declared version. */
final class JavaRevisions {

    private JavaRevisions() {}

    /**
     * A new instance of {@code className}.
     *
     * @param file the header-only script naming the class, for messages
     * @throws ScriptFileException when the class is missing, not a {@link JavaMigration}, or cannot be made
     */
    static JavaMigration load(String className, String file) {
        Class<?> type = type(className, file);
        if (!JavaMigration.class.isAssignableFrom(type)) {
            throw new ScriptFileException(file + ": class '" + className + "' named by '-- java:' does not implement "
                    + JavaMigration.class.getName() + "; implement it or fix the name");
        }
        try {
            return (JavaMigration) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new ScriptFileException(file + ": class '" + className + "' needs a public no-argument constructor"
                    + " (and must not be abstract); add one", e);
        } catch (InvocationTargetException e) {
            throw new ScriptFileException(file + ": the constructor of class '" + className + "' failed: "
                    + e.getCause() + "; fix it", e.getCause());
        }
    }

    /** {@code v1:java:<class>:<version>}, the version from {@link JavaRevision} (1 when absent). */
    static String checksum(String className, String file) {
        JavaRevision declared = type(className, file).getAnnotation(JavaRevision.class);
        return "v1:java:" + className + ":" + (declared == null ? 1 : declared.version());
    }

    private static Class<?> type(String className, String file) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, false, context != null ? context : JavaRevisions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ScriptFileException(file + ": class '" + className + "' named by '-- java:' is not on the"
                    + " classpath; add it to the application (or fix the name in the script)", e);
        }
    }
}
