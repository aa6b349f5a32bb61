package dev.drover.orchestrator.script;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Alembic's {@code file_template}: a Python {@code %}-format string over the tokens {@code rev},
 * {@code slug}, {@code epoch}, {@code year}, {@code month}, {@code day}, {@code hour},
 * {@code minute}, {@code second}, e.g. {@code %(year)d_%(month).2d_%(day).2d_%(rev)s_%(slug)s}.
 *
 * <p>The template is taken INI-unescaped (single {@code %}). Supported conversions: {@code %(key)s},
 * {@code %(key)d} / {@code %(key)i} with Python's flags ({@code -}, {@code 0}, {@code +}, space),
 * width and precision (for {@code d}, the minimum number of digits, as in {@code %(month).2d}; for
 * {@code s}, the maximum length), and {@code %%} for a literal {@code %}.
 */
final class FileNameTemplate {

    /** Alembic's default {@code file_template}, INI-unescaped. */
    public static final String DEFAULT = "%(rev)s_%(slug)s";

    private FileNameTemplate() {}

    /**
     * The slug of a message, exactly as Alembic computes it: the runs of word characters joined by
     * {@code _}, lower-cased ({@code "_".join(re.findall(r"\w+", message)).lower()}); when longer than
     * {@code truncateSlugLength}, cut to that length, then cut after the last {@code _} left (or kept
     * whole if there is none) and end with {@code _}. Word characters are Unicode letters, digits
     * and numbers, and {@code _}.
     */
    public static String slug(String message, int truncateSlugLength) {
        StringBuilder slug = new StringBuilder();
        String m = message == null ? "" : message;
        int i = 0;
        while (i < m.length()) {
            int cp = m.codePointAt(i);
            if (isWord(cp)) {
                if (!slug.isEmpty() && !isWord(m.codePointBefore(i))) {
                    slug.append('_');
                }
                slug.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String s = slug.toString().toLowerCase(Locale.ROOT);
        if (s.length() > truncateSlugLength) {
            String cut = s.substring(0, Math.max(0, truncateSlugLength));
            int last = cut.lastIndexOf('_');
            s = (last < 0 ? cut : cut.substring(0, last)) + "_";
        }
        return s;
    }

    private static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /**
     * Renders a template. {@code epoch} is {@code createDate} in the JVM's default time zone as
     * seconds since 1970, as Alembic's {@code int(create_date.timestamp())} does for a naive date.
     *
     * @throws IllegalArgumentException on an unknown token, an unsupported conversion, a {@code %}
     *                                  without a {@code (token)}, or a number conversion of {@code rev}
     *                                  or {@code slug}
     */
    public static String render(String template, String rev, String slug, LocalDateTime createDate) {
        Map<String, Object> values = Map.of(
                "rev", rev, "slug", slug,
                "epoch", createDate.atZone(ZoneId.systemDefault()).toEpochSecond(),
                "year", createDate.getYear(), "month", createDate.getMonthValue(),
                "day", createDate.getDayOfMonth(), "hour", createDate.getHour(),
                "minute", createDate.getMinute(), "second", createDate.getSecond());
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
            } else if (i + 1 < template.length() && template.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
            } else {
                i = conversion(template, i, values, out);
            }
        }
        return out.toString();
    }

    /** Renders the conversion starting at {@code template[i] == '%'}; returns the index after it. */
    private static int conversion(String template, int i, Map<String, Object> values, StringBuilder out) {
        int close = template.indexOf(')', i);
        if (i + 1 >= template.length() || template.charAt(i + 1) != '(' || close < 0) {
            throw bad(template, "a '%' must be followed by '(token)' or be written '%%'");
        }
        String key = template.substring(i + 2, close);
        Object value = values.get(key);
        if (value == null) {
            throw bad(template, "unknown token '" + key + "'; known tokens: rev, slug, epoch, year, month, day, "
                    + "hour, minute, second");
        }
        int j = close + 1;
        String flags = "";
        while (j < template.length() && "-0+ #".indexOf(template.charAt(j)) >= 0) {
            flags += template.charAt(j++);
        }
        int width = 0;
        while (j < template.length() && Character.isDigit(template.charAt(j))) {
            width = width * 10 + (template.charAt(j++) - '0');
        }
        int precision = -1;
        if (j < template.length() && template.charAt(j) == '.') {
            precision = 0;
            j++;
            while (j < template.length() && Character.isDigit(template.charAt(j))) {
                precision = precision * 10 + (template.charAt(j++) - '0');
            }
        }
        if (j >= template.length()) {
            throw bad(template, "'%(" + key + ")' has no conversion; end it with 's' or 'd'");
        }
        char type = template.charAt(j);
        String text = switch (type) {
            case 's' -> precision >= 0 && value.toString().length() > precision
                    ? value.toString().substring(0, precision) : value.toString();
            case 'd', 'i' -> number(template, key, value, flags, precision);
            default -> throw bad(template, "conversion '" + type + "' is not supported; use 's' or 'd'");
        };
        pad(out, text, width, flags, type != 's');
        return j + 1;
    }

    private static String number(String template, String key, Object value, String flags, int precision) {
        if (!(value instanceof Number n)) {
            throw bad(template, "'%(" + key + ")d' needs a number, but '" + key + "' is text; use '%(" + key + ")s'");
        }
        long v = n.longValue();
        String digits = Long.toString(Math.abs(v));
        if (precision > digits.length()) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        String sign = v < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        return sign + digits;
    }

    private static void pad(StringBuilder out, String text, int width, String flags, boolean numeric) {
        int missing = width - text.length();
        if (missing <= 0) {
            out.append(text);
        } else if (flags.contains("-")) {
            out.append(text).append(" ".repeat(missing));
        } else if (numeric && flags.contains("0")) {
            boolean signed = !text.isEmpty() && "+- ".indexOf(text.charAt(0)) >= 0;
            out.append(signed ? text.substring(0, 1) : "").append("0".repeat(missing))
                    .append(signed ? text.substring(1) : text);
        } else {
            out.append(" ".repeat(missing)).append(text);
        }
    }

    private static IllegalArgumentException bad(String template, String problem) {
        return new IllegalArgumentException("file_template '" + template + "': " + problem
                + "; fix 'file_template' in drover.ini");
    }
}
