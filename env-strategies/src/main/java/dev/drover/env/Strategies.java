package dev.drover.env;

import dev.drover.registry.ConfigException;
import dev.drover.registry.DatabaseSection;
import dev.drover.registry.Tenancy;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Chooses the {@link EnvironmentStrategy} of a section: its {@code strategy} class, else the built-in for its tenancy. */
public final class Strategies {

    private static final Map<String, EnvironmentStrategy> LOADED = new ConcurrentHashMap<>();

    private Strategies() {}

    /**
     * @throws ConfigException if the named class cannot be loaded, is not an {@link EnvironmentStrategy}
     *     or has no public no-argument constructor; the message names the section's file and line
     */
    public static EnvironmentStrategy forSection(DatabaseSection section) {
        if (section.strategy() != null && !section.strategy().isBlank()) {
            return LOADED.computeIfAbsent(section.strategy(), name -> load(name, section));
        }
        return section.tenancy() == Tenancy.SCHEMA_PER_TENANT || section.tenancy() == Tenancy.USE_DATABASE_PER_TENANT
                ? new SchemaPerTenantStrategy() : new SingleDatabaseStrategy();
    }

    private static EnvironmentStrategy load(String name, DatabaseSection section) {
        String where = section.where() + ": strategy '" + name + "' of section '" + section.name() + "' ";
        Class<?> type;
        try {
            type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(where + "is not on the class path; check the class name or add its jar"
                    + " to the class path (e.g. DROVER_CLASSPATH)");
        }
        if (!EnvironmentStrategy.class.isAssignableFrom(type)) {
            throw new ConfigException(where + "does not extend " + EnvironmentStrategy.class.getName()
                    + "; make it a subclass");
        }
        try {
            return (EnvironmentStrategy) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new ConfigException(where + "cannot be created; give it a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new ConfigException(where + "failed in its constructor: " + e.getCause());
        }
    }
}
