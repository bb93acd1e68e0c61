using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources.Definitions;

/// <summary>
/// What a typed server does with a body before storing it: JSON.NET reads `"true"` into a boolean and `"7"` into an
/// integer, matches enum names without regard to case (stored in the enum's own case), refuses a value of the wrong
/// kind (an object where a boolean belongs, a name that is no member of the enum), and keeps step and action
/// property values as strings (PropertyValueResource; notes §2.9: booleans are `"true"`/`"false"`).
/// </summary>
internal static class InputNormaliser
{
    public static void Normalise(JsonObject doc, string definition, ServerProfile profile, List<string> errors, string path = "")
    {
        foreach (var (name, schema) in ResourceDefinitions.SchemaFor(definition, doc))
        {
            if (doc[name] is not { } value)
            {
                continue;
            }

            var at = path.Length == 0 ? name : $"{path}.{name}";
            var normalised = Value(value, schema, profile, errors, at);
            if (!ReferenceEquals(normalised, value))
            {
                doc[name] = normalised;
            }
        }
    }

    private static JsonNode? Value(JsonNode value, JsonObject schema, ServerProfile profile, List<string> errors, string at)
    {
        if (ResourceDefinitions.RefName(schema) is { } target)
        {
            if (ResourceDefinitions.EnumValues(target, profile) is { } members)
            {
                return Enum(value, members, target, errors, at);
            }

            if (target == "PropertyValueResource")
            {
                return PropertyValue(value);
            }

            if (value is JsonObject child && ResourceDefinitions.IsModelled(target))
            {
                Normalise(child, target, profile, errors, at);
            }

            return value;
        }

        switch ((string?)schema["type"])
        {
            case "boolean":
                return Boolean(value, errors, at);
            case "integer":
                return Integer(value, errors, at);
            case "array" when value is JsonArray array && schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        var n = Value(item, items, profile, errors, $"{at}[{i}]");
                        if (!ReferenceEquals(n, item))
                        {
                            array[i] = n;
                        }
                    }
                }

                return value;
            case "object" when value is JsonObject map && schema["additionalProperties"] is JsonObject valueSchema
                && ResourceDefinitions.RefName(valueSchema) == "PropertyValueResource":
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    if (map[key] is { } v && PropertyValue(v) is var n && !ReferenceEquals(n, v))
                    {
                        map[key] = n;
                    }
                }

                return value;
            default:
                return value;
        }
    }

    private static JsonNode? Boolean(JsonNode value, List<string> errors, string at)
    {
        if (value is JsonValue v)
        {
            if (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return value;
            }

            if (v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b))
            {
                return b;
            }
        }

        errors.Add($"{at}: expected a boolean but got {Describe(value)}.");
        return value;
    }

    private static JsonNode? Integer(JsonNode value, List<string> errors, string at)
    {
        if (value is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number)
            {
                return value;
            }

            if (v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            {
                return i;
            }
        }

        errors.Add($"{at}: expected an integer but got {Describe(value)}.");
        return value;
    }

    private static JsonNode? Enum(JsonNode value, IReadOnlyList<string> members, string enumName, List<string> errors, string at)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            var member = members.FirstOrDefault(m => string.Equals(m, s, StringComparison.OrdinalIgnoreCase));
            if (member is not null)
            {
                return member == s ? value : member;
            }
        }

        errors.Add($"{at}: {Describe(value)} is not a {enumName} ({string.Join(", ", members)}).");
        return value;
    }

    /// <summary>A number or boolean where a property value belongs is stored as its string (`true` → `"true"`).</summary>
    private static JsonNode PropertyValue(JsonNode value) =>
        value is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? JsonValue.Create(v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : v.GetValueKind() == JsonValueKind.True ? "true" : "false")
            : value;

    private static string Describe(JsonNode value) => value switch
    {
        JsonObject => "an object",
        JsonArray => "an array",
        _ => value.ToJsonString(),
    };
}
