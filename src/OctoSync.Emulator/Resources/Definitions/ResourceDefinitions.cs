using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources.Definitions;

/// <summary>
/// The resource definitions of the real Swagger 2021.2.4488 (embedded `swagger-2021.2.json`, made by
/// scripts/generate-emulator-definitions.py), plus the properties later versions added (<see cref="ProfileFields"/>).
/// A stored document is completed from its definition, so every response carries every property, nested ones
/// included, with the server's default (<see cref="ServerDefaults"/>); fields the definition does not name are kept.
/// Feeds, accounts and endpoints are polymorphic: the Swagger has their base only, so their subtypes come from the
/// embedded `subtypes.json` (OctopusClients models, scripts/generate-emulator-subtypes.py), chosen by the
/// discriminator (`FeedType`, `AccountType`, `CommunicationStyle`) and completed after the base.
/// </summary>
internal static class ResourceDefinitions
{
    /// <summary>Definitions whose value is polymorphic on the wire (a string or an object): never completed.</summary>
    private static readonly HashSet<string> Opaque = ["PropertyValueResource", "SensitiveValue", "VariableType"];

    /// <summary>Computed when presenting, not stored: `Links` of the top-level document, `ScopeValues` of a variable set.</summary>
    private static readonly HashSet<string> Presented = ["Links", "ScopeValues"];

    private static readonly Lazy<JsonObject> Swagger = new(Load);

    /// <summary>Base definition → (discriminator property, value → subtype definition), from `subtypes.json`.</summary>
    private static readonly Lazy<Dictionary<string, (string Property, Dictionary<string, string> Types)>> Discriminators = new(LoadDiscriminators);

    /// <summary>The subtype definition of a polymorphic document (`NuGetFeedResource` for `FeedType: NuGet`), or null.</summary>
    public static string? SubtypeOf(string definition, JsonObject doc) =>
        Discriminators.Value.TryGetValue(definition, out var d)
            && doc[d.Property] is JsonValue v && v.TryGetValue<string>(out var value)
            && d.Types.TryGetValue(value, out var subtype)
            ? subtype
            : null;

    /// <summary>Whether the profile's server has this property (subtype properties carry `x-since`, a profile name).</summary>
    private static bool Has(JsonObject schema, ServerProfile profile) =>
        (string?)schema["x-since"] is not { } since || Has(since, profile);

    /// <summary>The base definition's properties plus, for a polymorphic document, its subtype's (for normalising).</summary>
    public static IEnumerable<KeyValuePair<string, JsonObject>> SchemaFor(string definition, JsonObject doc) =>
        SubtypeOf(definition, doc) is { } subtype ? Schema(definition).Concat(Schema(subtype)) : Schema(definition);

    /// <summary>Property names of a definition in a profile (the Swagger's plus the profile's additions).</summary>
    public static IReadOnlyList<string> PropertiesOf(string definition, ServerProfile profile)
    {
        var names = (Definition(definition)?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        names.AddRange(ProfileFields.Added(definition, profile).Select(f => f.Name).Where(n => !names.Contains(n)));
        names.RemoveAll(n => ProfileFields.Removed(definition, profile).Contains(n));
        return names;
    }

    public static bool Exists(string definition) => Definition(definition) is not null;

    /// <summary>Adds every missing property of <paramref name="definition"/> (recursively) with its default.</summary>
    public static void Complete(JsonObject doc, string definition, ServerProfile profile, bool topLevel = true)
    {
        if (Definition(definition)?["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (name, schema) in properties)
        {
            if ((topLevel && Presented.Contains(name)) || schema is not JsonObject s || ProfileFields.Removed(definition, profile).Contains(name))
            {
                continue;
            }

            if (!doc.ContainsKey(name))
            {
                doc[name] = ServerDefaults.For(definition, name) is { } known ? known() : DefaultOf(s);
            }

            Descend(doc[name], s, profile);
        }

        foreach (var field in ProfileFields.Added(definition, profile))
        {
            if (!doc.ContainsKey(field.Name))
            {
                doc[field.Name] = field.Default(doc);
            }
        }

        foreach (var name in ProfileFields.Removed(definition, profile))
        {
            doc.Remove(name);
        }

        if (SubtypeOf(definition, doc) is { } subtype && Definition(subtype)?["properties"] is JsonObject subtypeProperties)
        {
            foreach (var (name, schema) in subtypeProperties)
            {
                if (schema is not JsonObject s)
                {
                    continue;
                }

                if (!Has(s, profile))
                {
                    // A later version's property is not added; sent anyway, it is kept like any unnamed field.
                    continue;
                }

                if (!doc.ContainsKey(name))
                {
                    doc[name] = s["default"] is { } known ? known.DeepClone() : DefaultOf(s);
                }

                Descend(doc[name], s, profile);
            }
        }
    }

    private static void Descend(JsonNode? value, JsonObject schema, ServerProfile profile)
    {
        if (RefName(schema) is { } target && value is JsonObject child && !Opaque.Contains(target))
        {
            Complete(child, target, profile, topLevel: false);
        }
        else if (schema["items"] is JsonObject items && RefName(items) is { } itemTarget && !Opaque.Contains(itemTarget) && value is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                Complete(item, itemTarget, profile, topLevel: false);
            }
        }
    }

    /// <summary>The value a real server serialises for an unset property of that schema (C# defaults).</summary>
    private static JsonNode? DefaultOf(JsonObject schema)
    {
        if (RefName(schema) is { } target)
        {
            if (Opaque.Contains(target) || Definition(target) is not { } def)
            {
                return null;
            }

            if (def["enum"] is JsonArray values)
            {
                return ServerDefaults.ForEnum(target) is { } known ? known : values[0]?.DeepClone();
            }

            // A nested object the C# resource constructs (e.g. a phase's RetentionPeriod is left null = inherit,
            // listed in ServerDefaults); any other nested object starts with its own defaults.
            var nested = new JsonObject();
            Complete(nested, target, ServerProfile.V2021_2, topLevel: false);
            return nested;
        }

        return (string?)schema["type"] switch
        {
            "boolean" => false,
            "integer" or "number" => 0,
            "array" => new JsonArray(),
            "object" when schema["additionalProperties"] is not null || schema["properties"] is not null => new JsonObject(),
            _ => null,
        };
    }

    /// <summary>The properties of a modelled definition with their schemas (none for enums and unknown names).</summary>
    public static IEnumerable<KeyValuePair<string, JsonObject>> Schema(string definition) =>
        (Definition(definition)?["properties"] as JsonObject)?
            .Where(p => p.Value is JsonObject)
            .Select(p => new KeyValuePair<string, JsonObject>(p.Key, (JsonObject)p.Value!)) ?? [];

    public static IReadOnlyList<string>? EnumValues(string name) =>
        (Definition(name)?["enum"] as JsonArray)?.Select(v => (string)v!).ToList();

    /// <summary>
    /// The enum's members in a profile: the Swagger 2021.2's plus the members later versions added (`enumAdditions` of
    /// subtypes.json, each with the profile whose era first has it: feed types, communication styles).
    /// </summary>
    public static IReadOnlyList<string>? EnumValues(string name, ServerProfile profile) =>
        EnumValues(name) is { } members && EnumAdditions.Value.TryGetValue(name, out var added)
            ? [.. members, .. added.Where(a => Has(a.Since, profile)).Select(a => a.Member)]
            : EnumValues(name);

    private static readonly Lazy<Dictionary<string, (string Member, string Since)[]>> EnumAdditions = new(() =>
        ((JsonObject)Embedded("subtypes.json")["enumAdditions"]!).ToDictionary(
            e => e.Key,
            e => ((JsonObject)e.Value!).Where(m => !m.Key.StartsWith('_')).Select(m => (m.Key, (string)m.Value!)).ToArray(),
            StringComparer.Ordinal));

    private static bool Has(string since, ServerProfile profile) => ProfileOrder[profile.Name] >= ProfileOrder[since];

    /// <summary>Profiles in version order (`2021.2` → 0), for "from this profile on".</summary>
    private static readonly Dictionary<string, int> ProfileOrder =
        ServerProfile.All.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>A definition whose properties are checked and completed (polymorphic ones are not).</summary>
    public static bool IsModelled(string name) => !Opaque.Contains(name) && Definition(name)?["properties"] is not null;

    internal static string? RefName(JsonObject schema) =>
        schema["$ref"] is JsonValue v && v.TryGetValue<string>(out var r) ? r[(r.LastIndexOf('/') + 1)..] : null;

    private static JsonObject? Definition(string name) => Swagger.Value[name] as JsonObject;

    private static JsonObject Load()
    {
        var definitions = Embedded("swagger-2021.2.json");
        foreach (var (name, subtype) in (JsonObject)Embedded("subtypes.json")["definitions"]!)
        {
            definitions[name] = subtype!.DeepClone();
        }

        return definitions;
    }

    private static Dictionary<string, (string Property, Dictionary<string, string> Types)> LoadDiscriminators() =>
        ((JsonObject)Embedded("subtypes.json")["discriminators"]!).ToDictionary(
            d => d.Key,
            d => ((string)d.Value!["property"]!, ((JsonObject)d.Value!["types"]!).ToDictionary(t => t.Key, t => (string)t.Value!, StringComparer.OrdinalIgnoreCase)),
            StringComparer.Ordinal);

    private static JsonObject Embedded(string file)
    {
        using var stream = typeof(ResourceDefinitions).Assembly.GetManifestResourceStream("OctoSync.Emulator.Definitions." + file)
            ?? throw new InvalidOperationException($"The embedded definitions {file} are missing from the emulator assembly.");
        return (JsonObject)JsonNode.Parse(stream)!;
    }
}
