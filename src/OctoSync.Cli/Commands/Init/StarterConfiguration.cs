using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api;

namespace OctoSync.Cli.Commands.Init;

/// <summary>What <c>init</c> read from one instance: the names it proposes a configuration from.</summary>
public sealed record InstanceFacts(
    Uri Url,
    string SpaceName,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> Lifecycles,
    IReadOnlyList<(string Project, string? Lifecycle)> Projects,
    IReadOnlyList<(string Project, string Channel, string? Lifecycle)> Channels)
{
    public static async Task<InstanceFacts> ReadAsync(IOctopusSpaceClient client, CancellationToken ct)
    {
        var environments = await client.GetAllAsync("environments", ct).ConfigureAwait(false);
        var lifecycles = await client.GetAllAsync("lifecycles", ct).ConfigureAwait(false);
        var projects = await client.GetAllAsync("projects", ct).ConfigureAwait(false);
        var channels = await client.GetAllAsync("channels", ct).ConfigureAwait(false);
        var lifecycleNames = lifecycles.Where(l => l["Id"] is not null).ToDictionary(l => (string)l["Id"]!, Name, StringComparer.OrdinalIgnoreCase);
        var projectNames = projects.Where(p => p["Id"] is not null).ToDictionary(p => (string)p["Id"]!, Name, StringComparer.OrdinalIgnoreCase);
        string? LifecycleOf(JsonObject o) => o["LifecycleId"]?.GetValue<string>() is { Length: > 0 } id && lifecycleNames.TryGetValue(id, out var n) ? n : null;
        return new InstanceFacts(
            client.ServerUrl,
            client.SpaceName,
            environments.Select(Name).ToList(),
            lifecycles.Select(Name).ToList(),
            projects.Select(p => (Name(p), LifecycleOf(p))).ToList(),
            channels.Select(c => (c["ProjectId"]?.GetValue<string>() is { } pid && projectNames.TryGetValue(pid, out var pn) ? pn : "?", Name(c), LifecycleOf(c))).ToList());
    }

    private static string Name(JsonObject o) => o["Name"]?.GetValue<string>() ?? "";
}

/// <summary>
/// The starter <c>octosync.yaml</c> that <c>init</c> writes: a pure function of what it read from both instances and
/// of the configuration schema, whose defaults and descriptions become the rules section (so the file, the schema and
/// docs/configuration.md say the same; a test loads the file and compares its rules with the reader's defaults).
/// </summary>
public static class StarterConfiguration
{
    public const string SchemaFile = "octosync.schema.json";

    /// <summary>The schema as shipped inside the tool (docs/schema/octosync.schema.json, embedded at build).</summary>
    public static string Schema()
    {
        using var stream = typeof(StarterConfiguration).Assembly.GetManifestResourceStream(SchemaFile)
            ?? throw new InvalidOperationException($"{SchemaFile} is not embedded in the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public sealed record Options(string DestinationName, string SourceKeyVariable, string DestinationKeyVariable, string? SourceSpace, string? DestinationSpace, string SchemaPath);

    public static string Write(InstanceFacts source, InstanceFacts destination, Options options)
    {
        var yaml = new StringBuilder();
        void Line(string text = "") => yaml.Append(text).Append('\n');

        Line($"# yaml-language-server: $schema={options.SchemaPath}");
        Line("# A starter configuration written by `octosync init` from what both instances hold. Every key is in");
        Line("# docs/configuration.md; check it with `octosync validate`, then look at `octosync plan`.");
        Line($"#   source:      {source.Url} (space {source.SpaceName}): {Counts(source)}");
        Line($"#   destination: {destination.Url} (space {destination.SpaceName}): {Counts(destination)}");
        Line();
        Line("source:");
        Line($"  url: {Scalar(source.Url.ToString())}");
        Line($"  apiKey: ${{{options.SourceKeyVariable}}}");
        if (options.SourceSpace is not null)
        {
            Line($"  space: {Scalar(options.SourceSpace)}");
        }

        Line();
        Line("destinations:");
        Line($"  - name: {Scalar(options.DestinationName)}");
        Line($"    url: {Scalar(destination.Url.ToString())}");
        Line($"    apiKey: ${{{options.DestinationKeyVariable}}}");
        if (options.DestinationSpace is not null)
        {
            Line($"    space: {Scalar(options.DestinationSpace)}");
        }

        Environments(source, destination, Line);
        Line();
        Lifecycles(source, destination, Line);
        Line();
        Line("# Every rule at its default (see docs/rules.md); change what does not suit you.");
        Line("rules:");
        var schema = JsonNode.Parse(Schema())!;
        Rules(schema["$defs"]!["rules"]!["properties"]!.AsObject(), "  ", Line);
        Line();
        Line("state:");
        Line($"  path: {Scalar(schema["properties"]!["state"]!["properties"]!["path"]!["default"]!.GetValue<string>())}   # {Comment(schema["properties"]!["state"]!["properties"]!["path"]!)}");
        return yaml.ToString();
    }

    private static void Environments(InstanceFacts source, InstanceFacts destination, Action<string> line)
    {
        var onDestination = destination.Environments.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mapped = source.Environments.Where(onDestination.Contains).ToList();
        line("    # Source environment -> destination environment. Same names are mapped; the others are excluded here");
        line("    # (nothing scoped only to them reaches this destination) until you map them to a destination environment.");
        line(mapped.Count == 0 ? "    environments: {}" : "    environments:");
        foreach (var name in source.Environments)
        {
            line(onDestination.Contains(name)
                ? $"      {Key(name)}: {Scalar(destination.Environments.First(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)))}   # same name on both instances"
                : $"      # {Key(name)}: ?   # excluded: there is no environment named {name} on the destination");
        }

        var unmapped = destination.Environments.Where(d => !source.Environments.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unmapped.Count > 0)
        {
            line($"    # Destination environments no source environment maps to yet: {string.Join(", ", unmapped)}.");
        }
    }

    private static void Lifecycles(InstanceFacts source, InstanceFacts destination, Action<string> line)
    {
        var onDestination = destination.Lifecycles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shared = source.Lifecycles.Where(onDestination.Contains).ToList();
        var sourceOnly = source.Lifecycles.Where(l => !onDestination.Contains(l)).ToList();
        line("# Lifecycles (rules.lifecycles: skip leaves each instance's own; projects and channels keep a lifecycle of the same");
        line("# name, else the destination's default, unless rules.lifecycleMap names one):");
        line($"#   on both instances:       {List(shared)}");
        line($"#   only on the source:      {List(sourceOnly)}");
        line($"#   only on the destination: {List(destination.Lifecycles.Where(l => !source.Lifecycles.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList())}");
        var missing = sourceOnly.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var projects = source.Projects.Where(p => p.Lifecycle is { } l && missing.Contains(l)).Select(p => $"{p.Project} ({p.Lifecycle})").ToList();
        var channels = source.Channels.Where(c => c.Lifecycle is { } l && missing.Contains(l)).Select(c => $"{c.Project}/{c.Channel} ({c.Lifecycle})").ToList();
        line($"#   projects using a lifecycle the destination lacks: {List(projects)}");
        line($"# Channels: {source.Channels.Count} on the source; with their own lifecycle the destination lacks: {List(channels)}");
        if (sourceOnly.Count > 0)
        {
            line("#   to map them: rules.lifecycleMap, e.g. { " + string.Join(", ", sourceOnly.Take(3).Select(l => $"{Key(l)}: {Key(destination.Lifecycles.FirstOrDefault() ?? "Default Lifecycle")}")) + " }");
        }
    }

    /// <summary>One key per rule, its default as the value and the first sentence of its description as the comment.</summary>
    private static void Rules(JsonObject properties, string indent, Action<string> line)
    {
        foreach (var (key, node) in properties)
        {
            if (node!["default"] is { } value)
            {
                line($"{indent}{key}: {Value(value)}   # {Comment(node)}");
            }
            else if (node["properties"] is JsonObject nested)
            {
                line($"{indent}{key}:");
                Rules(nested, indent + "  ", line);
            }
        }
    }

    private static string Value(JsonNode value) => value switch
    {
        JsonObject o when o.Count == 0 => "{}",
        JsonArray a => "[" + string.Join(", ", a.Select(i => Scalar(i!.GetValue<string>()))) + "]",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => Scalar(value.GetValue<string>()),
    };

    private static string Comment(JsonNode node)
    {
        var text = node["description"]?.GetValue<string>() ?? "";
        if (text.IndexOf(". ", StringComparison.Ordinal) is var end and > 0)
        {
            text = text[..(end + 1)];
        }

        var choices = node["enum"] is JsonArray e ? string.Join(" | ", e.Select(v => v!.GetValue<string>())) + ": " : "";
        return choices + text;
    }

    private static string Counts(InstanceFacts f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Environments.Count} environments, {f.Lifecycles.Count} lifecycles, {f.Projects.Count} projects, {f.Channels.Count} channels");

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    /// <summary>A mapping key: quoted when YAML would read it as something else.</summary>
    private static string Key(string text) => Scalar(text);

    /// <summary>Plain when it is safe, otherwise double-quoted with escapes.</summary>
    private static string Scalar(string text)
    {
        var plain = text.Length > 0
            && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && "-?:,[]{}#&*!|>'\"%@`~".IndexOf(text[0], StringComparison.Ordinal) < 0
            && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
            && text is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off")
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return plain ? text : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
