package dev.drover.registry;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in JDBC URLs and in any text that may contain one (exception messages, driver
 * messages). Over-masking is preferred to leaking: a value is masked up to the next separator that
 * certainly ends it.
 */
public final class UrlMasker {

    /** {@code scheme://user:password@host}: masks up to the last {@code @} of the token. */
    private static final Pattern USERINFO = Pattern.compile("(://[^:/@\\s'\"]*:)[^/\\s]*@");

    /**
     * {@code password=}, {@code pwd=}, {@code sslpassword=}, {@code secret=}, {@code token=}...
     * after {@code ?}, {@code &}: the value ends at {@code &}, whitespace or a quote (a {@code ;}
     * may belong to the password there).
     */
    private static final Pattern QUERY_PARAM = Pattern.compile(
            "(?i)([?&]\\w*(?:password|passwd|pwd|secret|token)=\\s*)[^&\\s'\"]*");

    /** The same after {@code ;} (H2, SQL Server style): the value ends at {@code ;}. */
    private static final Pattern SEMICOLON_PARAM = Pattern.compile(
            "(?i)(;\\s*\\w*(?:password|passwd|pwd|secret|token)\\s*=\\s*)[^;&\\s'\"]*");

    private UrlMasker() {
    }

    /**
     * Masks URL credentials in {@code text}.
     *
     * @param text a URL or any text, may be {@code null}
     * @return the text with userinfo passwords and password-like parameters replaced by {@code ***}
     */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@"));
        masked = QUERY_PARAM.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
        return SEMICOLON_PARAM.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
    }

    /**
     * Masks URL credentials and every occurrence of the given secrets (e.g. a section's password,
     * which a driver message may echo).
     *
     * @param text the text to sanitise, may be {@code null}
     * @param secrets secrets to remove; empty ones are ignored
     * @return the sanitised text
     */
    public static String sanitize(String text, Collection<Secret> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Secret secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret.reveal(), "***");
            }
        }
        return mask(result);
    }
}
