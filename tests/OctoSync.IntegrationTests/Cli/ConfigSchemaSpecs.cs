using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OctoSync.Engine.Configuration;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>
/// docs/schema/octosync.schema.json against the configuration reader, so that docs, schema and reader cannot drift:
/// every mapping the schema closes lists exactly the keys the reader accepts, every enum lists exactly the values
/// the reader accepts (the reader's own error messages name them), and the example configurations validate.
/// </summary>
public partial class ConfigSchemaSpecs
{
    private const string Unknown = "zzqqxw";

    private static JsonNode Schema => JsonNode.Parse(File.ReadAllText(JsonSchemas.PathOf("octosync.schema.json")))!;

    public static TheoryData<string> Examples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.yaml"))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_configurations_validate_against_the_schema(string file)
    {
        var json = YamlAsJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!;

        JsonSchemas.AssertValid(JsonSchemas.Config, json.ToJsonString());
    }

    [Fact]
    public void The_schema_rejects_what_the_reader_rejects()
    {
        var bad = YamlAsJson.Parse("destinations: [{ name: prod, url: https://b.example, apiKey: k }]\nrules: { lifecycles: synch }")!;
        using var document = JsonDocument.Parse(bad.ToJsonString());
        Assert.NotEmpty(JsonSchemas.Errors(JsonSchemas.Config, document.RootElement));
    }

    /// <summary>Every closed mapping of the schema, probed with an unknown key; every enum, probed with an unknown value.</summary>
    [Fact]
    public void Every_key_and_value_of_the_schema_is_the_readers()
    {
        var probes = new List<(string Where, IReadOnlyList<string> Schema, IReadOnlyList<string> Reader)>();
        Walk(Schema, Schema, [], probes);

        Assert.True(probes.Count > 25, $"only {probes.Count} probes");
        Assert.All(probes, p => Assert.True(
            p.Schema.Order(StringComparer.Ordinal).SequenceEqual(p.Reader.Order(StringComparer.Ordinal)),
            $"{p.Where}: schema [{string.Join(", ", p.Schema)}], reader [{string.Join(", ", p.Reader)}]"));
    }

    private static void Walk(JsonNode root, JsonNode node, List<string> path, List<(string, IReadOnlyList<string>, IReadOnlyList<string>)> probes)
    {
        node = Resolve(root, node);
        if (node["properties"] is JsonObject properties && node["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>())
        {
            var reader = ReaderErrorList(path, Unknown, JsonValue.Create(1), UnknownKeyList());
            probes.Add((Where(path) + " (keys)", properties.Select(p => p.Key).ToList(), reader));
            foreach (var (key, value) in properties)
            {
                var child = Resolve(root, value!);
                if (EnumOf(child) is { } values)
                {
                    probes.Add((Where([.. path, key]) + " (values)", values, ReaderErrorList([.. path], key, JsonValue.Create(Unknown), NotOneOfList())));
                }

                // A shared definition ($ref rules) is walked once, where it first appears at the top level.
                if (value!["$ref"] is not null && path.Count > 0)
                {
                    continue;
                }

                Walk(root, child, [.. path, key], probes);
            }
        }

        if (node["items"] is { } items)
        {
            Walk(root, items, [.. path, "[0]"], probes);
        }

        if (node["additionalProperties"] is JsonObject open)
        {
            Walk(root, open, [.. path, "Any"], probes);
        }
    }

    private static JsonNode Resolve(JsonNode root, JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference ? root["$defs"]![reference["#/$defs/".Length..]]! : node;

    /// <summary>An enum, directly or as one branch of a oneOf (<c>tenants: connected | all | none | [names]</c>).</summary>
    private static List<string>? EnumOf(JsonNode node) =>
        (node["enum"] ?? node["oneOf"]?.AsArray().Select(o => o!["enum"]).FirstOrDefault(e => e is not null))
            ?.AsArray().Select(v => v!.GetValue<string>()).ToList();

    /// <summary>Loads a minimal configuration with <paramref name="key"/>: <paramref name="value"/> set at <paramref name="path"/>,
    /// and returns the list of names the reader's one error gives.</summary>
    private static IReadOnlyList<string> ReaderErrorList(List<string> path, string key, JsonNode value, Regex list)
    {
        var config = new JsonObject
        {
            ["source"] = new JsonObject { ["url"] = "https://a.example", ["apiKey"] = "k" },
            ["destinations"] = new JsonArray(new JsonObject { ["name"] = "prod", ["url"] = "https://b.example", ["apiKey"] = "k" }),
        };
        JsonNode at = config;
        foreach (var segment in path)
        {
            at = segment == "[0]" ? at.AsArray()[0]! : at[segment] ??= new JsonObject();
        }

        at[key] = value;
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(config.ToJsonString(), "/probe/octosync.yaml", _ => null));
        var match = list.Match(Assert.Single(e.Errors));
        Assert.True(match.Success, $"{Where(path)}.{key}: {e.Errors[0]}");
        return match.Groups[1].Value.Split(", ");
    }

    private static string Where(List<string> path) => path.Count == 0 ? "(root)" : string.Join(".", path);

    [GeneratedRegex("unknown key; expected one of (.*)$")]
    private static partial Regex UnknownKeyList();

    [GeneratedRegex("is not one of (.*)$")]
    private static partial Regex NotOneOfList();
}
