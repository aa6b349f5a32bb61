package dev.drover.orchestrator.script;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaRevision;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Java revisions that declare their place in the graph with {@link JavaRevision#revision()}: found through
 * {@link ServiceLoader} (types only, nothing instantiated here), each joins the lineage holding all its
 * down revisions, possibly through another such class.
 */
final class AnnotatedJavaRevisions {

    private AnnotatedJavaRevisions() {}

    /** Adds to {@code scripts} the annotated classes whose parents it holds, until none is left to add. */
    static void join(Map<String, MigrationScript> scripts) {
        List<Class<?>> pending = new ArrayList<>(annotated());
        boolean added = true;
        while (added) {
            added = false;
            for (Class<?> type : List.copyOf(pending)) {
                JavaRevision declared = type.getAnnotation(JavaRevision.class);
                MigrationScript existing = scripts.get(declared.revision());
                if (existing != null) {
                    if (!type.getName().equals(existing.javaClass())) {
                        throw new RevisionException("revision '" + declared.revision() + "' is declared by both '"
                                + existing.path() + "' and class '" + type.getName() + "'; give one of them a new id");
                    }
                    pending.remove(type);
                } else if (!RevisionIds.isValid(declared.revision())) {
                    throw new RevisionException("class '" + type.getName() + "' declares revision '"
                            + declared.revision() + "', which is not a revision id; use letters, digits and '_'");
                } else if (declared.downRevision().length > 0
                        && Arrays.stream(declared.downRevision()).allMatch(scripts::containsKey)) {
                    scripts.put(declared.revision(), script(type, declared));
                    pending.remove(type);
                    added = true;
                }
            }
        }
    }

    private static MigrationScript script(Class<?> type, JavaRevision declared) {
        for (String id : declared.downRevision()) {
            if (!RevisionIds.isValid(id)) {
                throw new RevisionException("class '" + type.getName() + "' declares down revision '" + id
                        + "', which is not a revision id; use letters, digits and '_'");
            }
        }
        Path label = Path.of("java:" + type.getName());
        Revision revision = new Revision(declared.revision(), List.of(declared.downRevision()), List.of(), List.of(),
                declared.message(), label.toString());
        return new MigrationScript(revision, label, "", declared.transactional(), ScriptSection.EMPTY,
                ScriptSection.EMPTY, "java", null, List.of(), type.getName());
    }

    private static List<Class<?>> annotated() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        List<Class<?>> types = new ArrayList<>();
        try {
            ServiceLoader.load(JavaMigration.class, context != null ? context : JavaMigration.class.getClassLoader())
                    .stream().map(ServiceLoader.Provider::type)
                    .filter(t -> t.isAnnotationPresent(JavaRevision.class)
                            && !t.getAnnotation(JavaRevision.class).revision().isEmpty())
                    .forEach(types::add);
        } catch (ServiceConfigurationError e) {
            throw new ScriptFileException("a class listed in META-INF/services/" + JavaMigration.class.getName()
                    + " cannot be loaded: " + e.getMessage() + "; fix the list or the class", e);
        }
        return types;
    }
}
