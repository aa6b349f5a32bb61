package dev.drover.env;

import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.registry.DatabaseSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of database sections that share version locations, and so one revision graph (the
 * single-ini/many-databases layout: different locations are independent lineages).
 *
 * @param sectionNames       the sections, in rollout order
 * @param versionLocations   the shared version locations
 * @param fileTemplate       the file name template of the first section (INI-unescaped)
 * @param truncateSlugLength the slug length limit of the first section
 */
public record Lineage(List<String> sectionNames, List<Path> versionLocations, String fileTemplate, int truncateSlugLength) {

    public Lineage {
        sectionNames = List.copyOf(sectionNames);
        versionLocations = List.copyOf(versionLocations);
    }

    /** Groups sections by their (normalised) version locations, keeping first-appearance order. */
    public static List<Lineage> of(List<DatabaseSection> sections) {
        Map<List<Path>, List<DatabaseSection>> groups = new LinkedHashMap<>();
        for (DatabaseSection section : sections) {
            List<Path> key = section.versionLocations().stream().map(p -> p.toAbsolutePath().normalize()).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(section);
        }
        List<Lineage> lineages = new ArrayList<>();
        groups.forEach((locations, members) -> lineages.add(new Lineage(
                members.stream().map(DatabaseSection::name).toList(), locations,
                members.get(0).fileTemplate(), members.get(0).truncateSlugLength())));
        return lineages;
    }

    /** Loads the scripts of this lineage. */
    public ScriptDirectory scriptDirectory() {
        return ScriptDirectory.load(versionLocations);
    }
}
