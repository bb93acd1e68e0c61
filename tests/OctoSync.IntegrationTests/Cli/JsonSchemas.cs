extern alias JsonSchemaNet;

using System.Text.Json;
using JsonSchemaNet::Json.Schema;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>The published schemas of docs/schema/, built once per test run (a schema registers its $id globally).</summary>
internal static class JsonSchemas
{
    private static readonly Lazy<JsonSchema> PlanSchema = new(() => Load("plan.schema.json"));
    private static readonly Lazy<JsonSchema> ConfigSchema = new(() => Load("octosync.schema.json"));
    private static readonly Lazy<JsonSchema> PromoteSchema = new(() => { _ = Plan; return Load("promote.schema.json"); });

    public static JsonSchema Plan => PlanSchema.Value;
    public static JsonSchema Config => ConfigSchema.Value;
    /// <summary>promote --output json; it refers to the plan schema's error document, so that one is registered first.</summary>
    public static JsonSchema Promote => PromoteSchema.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Schema", file);

    /// <summary>The schema's errors for a document, one line each ("/destinations/0/changes/0: Required properties …"); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement document)
    {
        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    public static void AssertValid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = Errors(schema, document.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + json);
    }

    private static JsonSchema Load(string file) => JsonSchema.FromText(File.ReadAllText(PathOf(file)));
}
