using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.TenantVariables;

/// <summary>One value of a tenant variables document, by its portable member key.</summary>
/// <param name="Member">Portable: <c>{Project}/{Environment}/{Template}</c> or <c>LibraryVariableSet:{Set}/{Template}</c> (destination names).</param>
public sealed record TenantVariableValue(string Member, TenantVariableSlot Slot, JsonNode Value)
{
    public bool IsSensitive => SensitiveValues.IsSensitive(Value);

    /// <summary>What is compared: the text, or for a sensitive value only that it is set (its content is never readable).</summary>
    public string Fingerprint => IsSensitive ? State.Fingerprint.Of(new JsonObject { ["Sensitive"] = SensitiveValues.HasValue(Value) }) : State.Fingerprint.Of(Value);
}

/// <summary>
/// Reads tenant variables documents (2021.2 shape, API notes §3.12) into values keyed by portable member: the source's
/// translated through the environment mapping and the id translation, the destination's as they are.
/// </summary>
public static class TenantVariableValues
{
    public static string ProjectMember(string project, string environment, string template) => $"{project}/{environment}/{template}";

    public static string LibraryMember(string set, string template) => $"LibraryVariableSet:{set}/{template}";

    /// <summary>The source values that reach this destination; a detail per value that does not (with its rule).</summary>
    public static Dictionary<string, TenantVariableValue> FromSource(Translator translator, JsonObject? document, List<ChangeDetail> details)
    {
        var result = new Dictionary<string, TenantVariableValue>(StringComparer.OrdinalIgnoreCase);
        if (document is null)
        {
            return result;
        }

        foreach (var (setId, node) in Ordered(document.Obj("LibraryVariables")))
        {
            var entry = (JsonObject)node!;
            var setName = translator.SourceKeyOf(setId) ?? entry.Str("LibraryVariableSetName") ?? setId;
            var destinationSet = translator.Translate(ResourceKind.LibraryVariableSet, setId);
            foreach (var (template, value) in Values(entry, entry.Obj("Variables")))
            {
                if (destinationSet is null)
                {
                    details.Add(new ChangeDetail($"{setName} / {template}", ChangeAction.Skip, "select.libraryVariableSets", "The library variable set does not reach this destination."));
                    continue;
                }

                Add(result, translator, details, LibraryMember(translator.DestinationKeyOf(destinationSet) ?? setName, template), TenantVariableSlot.Library(destinationSet, template), value);
            }
        }

        foreach (var (projectId, node) in Ordered(document.Obj("ProjectVariables")))
        {
            var entry = (JsonObject)node!;
            var projectName = translator.SourceKeyOf(projectId) ?? entry.Str("ProjectName") ?? projectId;
            var destinationProject = translator.Translate(ResourceKind.Project, projectId);
            foreach (var (environmentId, values) in Ordered(entry.Obj("Variables")))
            {
                var environmentName = translator.SourceKeyOf(environmentId) ?? environmentId;
                var destinationEnvironment = translator.Translate(ResourceKind.Environment, environmentId);
                foreach (var (template, value) in Values(entry, values as JsonObject))
                {
                    if (destinationProject is null)
                    {
                        details.Add(new ChangeDetail($"{projectName} / {environmentName} / {template}", ChangeAction.Skip, "select.projects", "The project does not reach this destination."));
                        continue;
                    }

                    if (destinationEnvironment is null)
                    {
                        details.Add(new ChangeDetail($"{projectName} / {environmentName} / {template}", ChangeAction.Skip, "excluded", "The environment is excluded on this destination."));
                        continue;
                    }

                    var member = ProjectMember(translator.DestinationKeyOf(destinationProject) ?? projectName, translator.DestinationKeyOf(destinationEnvironment) ?? environmentName, template);
                    if (result.ContainsKey(member))
                    {
                        details.Add(new ChangeDetail($"{projectName} / {environmentName} / {template}", ChangeAction.Skip, "environments",
                            "Another source environment mapped onto the same destination environment already gives this value; the first one read is kept."));
                        continue;
                    }

                    Add(result, translator, details, member, TenantVariableSlot.Project(destinationProject, destinationEnvironment, template), value);
                }
            }
        }

        return result;
    }

    /// <summary>The destination's values (ids are the destination's own).</summary>
    public static Dictionary<string, TenantVariableValue> FromDestination(NameIndex destination, JsonObject? document)
    {
        var result = new Dictionary<string, TenantVariableValue>(StringComparer.OrdinalIgnoreCase);
        if (document is null)
        {
            return result;
        }

        foreach (var (setId, node) in Ordered(document.Obj("LibraryVariables")))
        {
            var entry = (JsonObject)node!;
            var setName = destination.KeyOf(setId) ?? entry.Str("LibraryVariableSetName") ?? setId;
            foreach (var (template, value) in Values(entry, entry.Obj("Variables")))
            {
                var member = LibraryMember(setName, template);
                result.TryAdd(member, new TenantVariableValue(member, TenantVariableSlot.Library(setId, template), value.DeepClone()));
            }
        }

        foreach (var (projectId, node) in Ordered(document.Obj("ProjectVariables")))
        {
            var entry = (JsonObject)node!;
            var projectName = destination.KeyOf(projectId) ?? entry.Str("ProjectName") ?? projectId;
            foreach (var (environmentId, values) in Ordered(entry.Obj("Variables")))
            {
                var environmentName = destination.KeyOf(environmentId) ?? environmentId;
                foreach (var (template, value) in Values(entry, values as JsonObject))
                {
                    var member = ProjectMember(projectName, environmentName, template);
                    result.TryAdd(member, new TenantVariableValue(member, TenantVariableSlot.Project(projectId, environmentId, template), value.DeepClone()));
                }
            }
        }

        return result;
    }

    private static void Add(Dictionary<string, TenantVariableValue> result, Translator translator, List<ChangeDetail> details, string member, TenantVariableSlot slot, JsonNode value)
    {
        // A value that is a source id (an account template's value): translated, or left out when it does not reach the destination.
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && translator.Source.TryGetKey(text, out var kind, out var key))
        {
            if (translator.Translate(kind, text) is not { } translated)
            {
                details.Add(new ChangeDetail(member, ChangeAction.Skip, "default", $"The value is {KindWords.Subject(kind, key)}, which does not reach this destination."));
                return;
            }

            value = JsonValue.Create(translated);
        }

        // A sensitive value the source has not set is no value.
        if (SensitiveValues.IsSensitive(value) && !SensitiveValues.HasValue(value))
        {
            return;
        }

        result[member] = new TenantVariableValue(member, slot, value.DeepClone());
    }

    /// <summary>(template name, value) of one values object; template ids are named through the entry's Templates.</summary>
    private static IEnumerable<(string Template, JsonNode Value)> Values(JsonObject entry, JsonObject? values)
    {
        var names = entry.Arr("Templates").Objects().Where(t => t.Str("Id") is not null)
            .GroupBy(t => t.Str("Id")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Name(), StringComparer.OrdinalIgnoreCase);
        foreach (var (templateId, value) in Ordered(values))
        {
            if (value is not null && names.TryGetValue(templateId, out var name) && name.Length > 0)
            {
                yield return (name, value);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Ordered(JsonObject? obj) =>
        (obj ?? []).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase);
}
