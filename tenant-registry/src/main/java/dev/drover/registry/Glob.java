package dev.drover.registry;

import java.util.regex.Pattern;

/** A shell-style glob: {@code *} any run of characters, {@code ?} one character; case-sensitive. */
final class Glob {

    private final String text;
    private final Pattern pattern;

    Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    boolean matches(String candidate) {
        return candidate != null && pattern.matcher(candidate).matches();
    }

    String text() {
        return text;
    }
}
