package dev.drover.orchestrator.lint;

import dev.drover.orchestrator.script.LintIgnore;
import dev.drover.orchestrator.script.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Flags migration statements that lock or rewrite a busy table (issue 14), per database family, each with
 * why and the safe rewrite; a script silences one rule with {@code -- lint_ignore: RULE reason} in its
 * header. Pure: it reads the statements it is given (split by the script splitter) and never connects.
 * Stateless and thread-safe.
 */
public final class Linter {

    /** A {@code lint_ignore} that silences nothing (a typo, or a rule that no longer fires). */
    public static final String UNUSED_IGNORE = "unused-lint-ignore";

    /** Every rule id of every dialect. */
    private static final Set<String> ALL_RULES = Set.copyOf(concat(new PostgresRules().rules(), new MariaDbRules().rules()));

    private final RuleSet rules;
    private final Tokenizer tokenizer;

    private Linter(RuleSet rules, boolean mysql) {
        this.rules = rules;
        this.tokenizer = new Tokenizer(mysql);
    }

    /**
     * The linter for a dialect by name ({@code postgresql}, {@code mariadb}); any other (H2, the embedded
     * quick start with no live traffic) has no rules.
     */
    public static Linter forDialect(String dialect) {
        return switch (dialect.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> new Linter(new PostgresRules(), false);
            case "mariadb", "mysql" -> new Linter(new MariaDbRules(), true);
            default -> new Linter(RuleSet.NONE, false);
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The rule ids this linter applies. */
    public List<String> rules() {
        return rules.rules();
    }

    /**
     * Lints {@code scripts}, in the order they run (bases first): upgrades share what they establish (a
     * constraint validated by an earlier revision), anything else is read section by section. Only scripts
     * marked {@link LintScript#reported()} have findings.
     *
     * @return the findings in script order, silenced ones included (see {@link Finding#ignored()})
     */
    public List<Finding> lint(List<LintScript> scripts) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Set<String>> used = new LinkedHashMap<>();
        Map<String, LintScript> reported = new LinkedHashMap<>();
        LintContext lineage = new LintContext();
        for (LintScript script : scripts) {
            LintContext context = "upgrade".equals(script.direction()) ? lineage : new LintContext();
            context.enter(script.transactional());
            for (Statement statement : script.statements()) {
                Shape shape = new Shape(tokenizer.tokens(statement.sql()));
                for (RuleSet.Hit hit : script.reported() ? rules.check(shape, context) : List.<RuleSet.Hit>of()) {
                    LintIgnore ignore = script.ignores().stream().filter(i -> i.rule().equals(hit.rule())).findFirst()
                            .orElse(null);
                    findings.add(new Finding(script.file(), statement.line(), script.revision(), script.direction(),
                            rules.dialect(), hit.rule(), hit.why(), hit.rewrite(), ignore == null ? null : ignore.reason()));
                    used.computeIfAbsent(script.revision(), r -> new HashSet<>()).add(hit.rule());
                }
                rules.learn(shape, context);
            }
            if (script.reported()) {
                reported.putIfAbsent(script.revision(), script);
            }
        }
        reported.values().forEach(script -> findings.addAll(unused(script, used.getOrDefault(script.revision(), Set.of()))));
        return findings;
    }

    /**
     * lint_ignore lines that silence nothing: a rule of this dialect that did not fire, or an id no dialect
     * knows (a rule of the other dialect is left to that dialect's linter).
     */
    private List<Finding> unused(LintScript script, Set<String> fired) {
        List<Finding> findings = new ArrayList<>();
        for (LintIgnore ignore : script.ignores()) {
            boolean ours = rules.rules().contains(ignore.rule());
            boolean unknown = !ALL_RULES.contains(ignore.rule()) && rules != RuleSet.NONE;
            if (ours && !fired.contains(ignore.rule()) || unknown) {
                findings.add(new Finding(script.file(), ignore.line(), script.revision(), script.direction(),
                        rules.dialect(), UNUSED_IGNORE, "'lint_ignore: " + ignore.rule() + "' silences nothing in this "
                        + "script" + (unknown ? " (no rule has this id; the " + rules.dialect() + " rules are "
                        + String.join(", ", rules.rules()) + ")" : ""), "remove the line, or fix the rule id", null));
            }
        }
        return findings;
    }
}
