package dev.drover.orchestrator.lint;

import java.util.List;

/** The lint rules of one database family. Implementations are stateless; the context carries what was read. */
interface RuleSet {

    /** One rule's verdict on a statement. */
    record Hit(String rule, String why, String rewrite) {}

    /** The family the rules are about: {@code postgresql}, {@code mariadb}. */
    String dialect();

    /** Every rule id, for {@code drover lint --rules} and checking {@code lint_ignore} lines. */
    List<String> rules();

    /** The findings for {@code statement}, given what the earlier statements established. */
    List<Hit> check(Shape statement, LintContext context);

    /** Records what {@code statement} establishes for the statements after it. */
    void learn(Shape statement, LintContext context);

    /** No rules (H2: the embedded database has no live traffic to protect). */
    RuleSet NONE = new RuleSet() {
        @Override
        public String dialect() {
            return "h2";
        }

        @Override
        public List<String> rules() {
            return List.of();
        }

        @Override
        public List<Hit> check(Shape statement, LintContext context) {
            return List.of();
        }

        @Override
        public void learn(Shape statement, LintContext context) {}
    };
}
