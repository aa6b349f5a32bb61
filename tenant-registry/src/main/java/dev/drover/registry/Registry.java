package dev.drover.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded {@code drover.ini}: its database sections in rollout order, and target resolution.
 * Errors confined to one section (e.g. an unset environment variable in its password) are raised
 * only when that section is used, so {@code --name other} still works.
 */
public final class Registry {

    private final Path file;
    private final int concurrency;
    /** Section name -> {@link DatabaseSection} or the {@link ConfigException} its parsing raised. */
    private final Map<String, Object> sections;
    private final List<ConfigWarning> warnings;
    private final TenantLister lister;
    private final TenantDiscovery discovery;
    /** {@link ClusterSection}, the {@link ConfigException} parsing it raised, or {@code null} (no [cluster]). */
    private Object cluster;
    private Map<String, String> zones = Map.of();

    Registry(Path file, int concurrency, Map<String, Object> sections, List<ConfigWarning> warnings,
             TenantDiscovery discovery) {
        this.file = file;
        this.concurrency = concurrency;
        this.sections = new LinkedHashMap<>(sections);
        this.warnings = List.copyOf(warnings);
        this.lister = new TenantLister(discovery);
        this.discovery = discovery;
    }

    /**
     * Loads {@code file} with the process environment and JDBC discovery cached for 5 minutes.
     *
     * @throws ConfigException if the file is missing or invalid
     */
    public static Registry load(Path file) {
        return new RegistryLoader().load(file);
    }

    /**
     * This registry listing the tenants of {@code tenants = query:} sections with {@code around.apply(d)}, where
     * {@code d} is this registry's discovery (a cluster's coordinator: through an agent of the section's zone,
     * falling back to {@code d}); everything else is the same.
     */
    public Registry withDiscovery(java.util.function.UnaryOperator<TenantDiscovery> around) {
        return new Registry(file, concurrency, sections, warnings, around.apply(discovery)).withCluster(cluster, zones);
    }

    Registry withCluster(Object clusterSection, Map<String, String> sectionZones) {
        this.cluster = clusterSection;
        this.zones = Map.copyOf(sectionZones);
        return this;
    }

    /**
     * The {@code [cluster]} section (issue 12); read only by {@code drover agent} and {@code --cluster}.
     *
     * @throws ConfigException if there is no {@code [cluster]} section, or it is invalid (e.g. its key names an
     *                         unset environment variable)
     */
    public ClusterSection cluster() {
        if (cluster == null) {
            throw new ConfigException(file + ": there is no [cluster] section; add one with 'name', 'members', 'port'"
                    + " and 'key' to run agents or --cluster");
        }
        if (cluster instanceof ConfigException e) {
            throw new ConfigException(e.getMessage());
        }
        return (ClusterSection) cluster;
    }

    /** The {@code zone} of database section {@code name}, or {@code null} when any agent may run its targets. */
    public String zone(String name) {
        return zones.get(name);
    }

    /** @return the absolute path of the INI file */
    public Path file() {
        return file;
    }

    /** @return {@code concurrency} of [drover] (default 8) */
    public int concurrency() {
        return concurrency;
    }

    /** @return the database section names in rollout order; never throws */
    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /**
     * @return every database section in rollout order
     * @throws ConfigException the first error of a section that failed to load
     */
    public List<DatabaseSection> sections() {
        return sections.keySet().stream().map(this::section).toList();
    }

    /**
     * @param name a section name
     * @return the section
     * @throws ConfigException if there is no such database section (the message lists them), or if
     *                         it failed to load
     */
    public DatabaseSection section(String name) {
        Object entry = sections.get(name);
        if (entry == null) {
            throw new ConfigException(file + ": there is no database section '" + name + "'; use one of "
                    + quoted(sections.keySet()));
        }
        if (entry instanceof ConfigException e) {
            throw new ConfigException(e.getMessage());
        }
        return (DatabaseSection) entry;
    }

    /**
     * Selects sections by {@code --name} globs without discovering tenants (for script-only commands).
     *
     * @param nameGlobs globs over section names; empty selects every section
     * @return matching sections in rollout order
     * @throws ConfigException if a glob matches no section (the message lists them), or a selected
     *                         section failed to load
     */
    public List<DatabaseSection> select(List<String> nameGlobs) {
        if (nameGlobs == null || nameGlobs.isEmpty()) {
            return sections();
        }
        List<Glob> globs = nameGlobs.stream().map(Glob::new).toList();
        for (Glob glob : globs) {
            if (sections.keySet().stream().noneMatch(glob::matches)) {
                throw new ConfigException(file + ": --name '" + glob.text() + "' matches no database section; use one of "
                        + quoted(sections.keySet()));
            }
        }
        List<DatabaseSection> selected = new ArrayList<>();
        for (String name : sections.keySet()) {
            if (globs.stream().anyMatch(g -> g.matches(name))) {
                selected.add(section(name));
            }
        }
        return selected;
    }

    /**
     * Resolves the selected targets: lists, reads or discovers tenants of the selected sections,
     * validates their names, refuses two targets sharing one version table, then applies
     * {@code --tenant} and {@code --shard}.
     *
     * @param selection what to select ({@link Selection#all()} for everything)
     * @return targets in rollout order, rejected tenants and warnings
     * @throws ConfigException for an unknown {@code --name}, a broken section, a missing tenants
     *                         file, or two targets sharing one version table
     * @throws DiscoveryException if a discovery query fails
     */
    public ResolvedTargets targets(Selection selection) {
        List<DatabaseSection> selected = select(selection.nameGlobs());
        return new TargetResolver(lister, file.toString()).resolve(selected, selection, warnings);
    }

    /**
     * The target of one tenant of a section whether or not the section lists it yet (onboarding a new
     * tenant), validated like any listed tenant.
     *
     * @throws ConfigException if the section is unknown or has no tenants (one target), or the name is
     *                         rejected (the message says why)
     */
    public RegistryTarget target(String sectionName, String tenant) {
        DatabaseSection section = section(sectionName);
        if (section.tenancy() == Tenancy.SINGLE) {
            throw new ConfigException(section.where() + ": section [" + sectionName + "] has no tenants (it is one"
                    + " target), so tenant '" + tenant + "' cannot be added to it; add 'tenants = ...' to the section");
        }
        TenantNames.Outcome outcome = TenantNames.validate(sectionName, java.util.Collections.singletonList(tenant));
        if (!outcome.rejected().isEmpty()) {
            throw new ConfigException("tenant '" + tenant + "' of section [" + sectionName + "] is rejected: "
                    + outcome.rejected().get(0).reason());
        }
        return TargetResolver.target(section, tenant);
    }

    /** @return warnings found while loading (unknown keys, ignored sections), with file:line */
    public List<ConfigWarning> warnings() {
        return warnings;
    }

    private static String quoted(Iterable<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add("'" + n + "'"));
        return String.join(", ", quoted);
    }

    @Override
    public String toString() {
        return "Registry[" + file + ", sections=" + sections.keySet() + "]";
    }
}
