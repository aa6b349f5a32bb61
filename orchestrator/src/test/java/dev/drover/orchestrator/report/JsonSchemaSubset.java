package dev.drover.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (draft 2020-12) validator for the keywords {@code docs/report.schema.json} uses: {@code type},
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code items}, {@code enum},
 * {@code const}, {@code oneOf}, {@code minimum}, {@code format: date-time} and local {@code $ref}s into
 * {@code $defs}. Any other keyword is refused, so the schema cannot say more than is checked.
 */
public final class JsonSchemaSubset {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$defs");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;

    private JsonSchemaSubset(JsonNode root) {
        this.root = root;
    }

    /** The schema in {@code file}. */
    public static JsonSchemaSubset read(Path file) throws IOException {
        return new JsonSchemaSubset(MAPPER.readTree(Files.readString(file)));
    }

    /** The repository's report schema, found from the module's working directory. */
    public static JsonSchemaSubset reportSchema() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("docs/report.schema.json"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("docs/report.schema.json not found above " + Path.of("").toAbsolutePath());
        }
        return read(here.resolve("docs/report.schema.json"));
    }

    /** Every violation of {@code json}, as {@code path: problem}; empty when it is valid. */
    public List<String> validate(String json) throws IOException {
        List<String> problems = new ArrayList<>();
        check(root, MAPPER.readTree(json), "$", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            JsonNode arg = keyword.getValue();
            switch (keyword.getKey()) {
                case "$ref" -> check(resolve(arg.asText()), value, path, problems);
                case "type" -> {
                    List<String> types = new ArrayList<>();
                    arg.forEach(t -> types.add(t.asText()));
                    if (arg.isTextual()) {
                        types.add(arg.asText());
                    }
                    if (types.stream().noneMatch(t -> hasType(value, t))) {
                        problems.add(path + ": expected " + types + ", got " + value.getNodeType());
                    }
                }
                case "required" -> arg.forEach(name -> {
                    if (value.isObject() && !value.has(name.asText())) {
                        problems.add(path + ": missing '" + name.asText() + "'");
                    }
                });
                case "properties" -> arg.properties().forEach(p -> {
                    if (value.isObject() && value.has(p.getKey())) {
                        check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), problems);
                    }
                });
                case "additionalProperties" -> {
                    if (arg.isBoolean() && !arg.asBoolean() && value.isObject()) {
                        value.fieldNames().forEachRemaining(name -> {
                            if (!schema.path("properties").has(name)) {
                                problems.add(path + ": unexpected '" + name + "'");
                            }
                        });
                    } else if (!arg.isBoolean()) {
                        throw new IllegalArgumentException("additionalProperties with a schema is not supported");
                    }
                }
                case "items" -> {
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            check(arg, value.get(i), path + "[" + i + "]", problems);
                        }
                    }
                }
                case "enum" -> {
                    boolean found = false;
                    for (JsonNode option : arg) {
                        found |= option.equals(value);
                    }
                    if (!found) {
                        problems.add(path + ": " + value + " is not one of " + arg);
                    }
                }
                case "const" -> {
                    if (!arg.equals(value)) {
                        problems.add(path + ": expected " + arg + ", got " + value);
                    }
                }
                case "oneOf" -> {
                    int matching = 0;
                    for (JsonNode option : arg) {
                        List<String> optionProblems = new ArrayList<>();
                        check(option, value, path, optionProblems);
                        matching += optionProblems.isEmpty() ? 1 : 0;
                    }
                    if (matching != 1) {
                        problems.add(path + ": matches " + matching + " of the oneOf schemas, not exactly one");
                    }
                }
                case "minimum" -> {
                    if (value.isNumber() && value.decimalValue().compareTo(arg.decimalValue()) < 0) {
                        problems.add(path + ": " + value + " is below " + arg);
                    }
                }
                case "format" -> {
                    if (!"date-time".equals(arg.asText())) {
                        throw new IllegalArgumentException("format '" + arg.asText() + "' is not supported");
                    }
                    if (value.isTextual()) {
                        try {
                            Instant.parse(value.asText());
                        } catch (RuntimeException e) {
                            problems.add(path + ": '" + value.asText() + "' is not a date-time");
                        }
                    }
                }
                default -> {
                    if (!ANNOTATIONS.contains(keyword.getKey())) {
                        throw new IllegalArgumentException("schema keyword '" + keyword.getKey() + "' at " + path
                                + " is not supported by this validator; extend JsonSchemaSubset");
                    }
                }
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $refs are supported, not '" + ref + "'");
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("$ref '" + ref + "' resolves to nothing");
        }
        return node;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("type '" + type + "' is not a JSON Schema type");
        };
    }
}
