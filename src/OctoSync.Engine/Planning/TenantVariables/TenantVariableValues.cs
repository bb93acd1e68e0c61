using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.TenantVariables;

/// <summary>One value of a tenant variables document, by its portable member key.</summary>
/// <param name="Member">Portable: <c>{Project}/{Environment}/{Template}</c>, <c>LibraryVariableSet:{Set}/{Template}</c>, or for a
/// common value scoped to environments <c>LibraryVariableSet:{Set}/{Template}@{Environment},{Environment}</c> (destination names, sorted).</param>
public sealed record TenantVariableValue(string Member, TenantVariableSlot Slot, JsonNode Value)
{
    public bool IsSensitive => SensitiveValues.IsSensitive(Value);

    /// <summary>What is compared: the text, or for a sensitive value only that it is set (its content is never readable).</summary>
    public string Fingerprint => IsSensitive ? State.Fingerprint.Of(new JsonObject { ["Sensitive"] = SensitiveValues.HasValue(Value) }) : State.Fingerprint.Of(Value);
}

/// <summary>
/// Reads tenant variables documents (2021.2 shape, API notes §3.12) into values keyed by portable member: the source's
/// translated through the environment mapping and the id translation, the destination's as they are. Where the
/// snapshot has a tenant's common values through tenant variables v2 (2025.2+), those are read instead of the legacy
/// <c>LibraryVariables</c>: only v2 carries common values scoped to environments.
/// </summary>
public static class TenantVariableValues
{
    public static string ProjectMember(string project, string environment, string template) => $"{project}/{environment}/{template}";

    public static string LibraryMember(string set, string template) => $"LibraryVariableSet:{set}/{template}";

    /// <summary>A scoped common value's member: never the unscoped value's key, so the two keep separate states.</summary>
    public static string ScopedLibraryMember(string set, string template, IEnumerable<string> environments) =>
        $"{LibraryMember(set, template)}@{string.Join(",", environments.Order(StringComparer.OrdinalIgnoreCase))}";

    /// <summary>The rule a scoped common value is skipped under when the destination has no tenant variables v2.</summary>
    public const string NeedsV2Rule = "server versions";

    /// <summary>The source values that reach this destination; a detail per value that does not (with its rule).</summary>
    /// <param name="common">The tenant's v2 <c>commonvariables</c> document when the source has v2, else null.</param>
    /// <param name="destinationHasV2">False: a scoped common value cannot be written and is skipped (rule <see cref="NeedsV2Rule"/>).</param>
    public static Dictionary<string, TenantVariableValue> FromSource(
        Translator translator, JsonObject? document, List<ChangeDetail> details, JsonObject? common = null, bool destinationHasV2 = false)
    {
        var result = new Dictionary<string, TenantVariableValue>(StringComparer.OrdinalIgnoreCase);
        if (common is not null)
        {
            CommonFromV2(translator, common, result, details, destinationHasV2);
        }

        if (document is null)
        {
            return result;
        }

        foreach (var (setId, node) in common is not null ? [] : Ordered(document.Obj("LibraryVariables")))
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

    /// <summary>
    /// The source's common values from v2: an unscoped one keeps the legacy member key (existing state keeps working); a
    /// scoped one's environments go through the environment mapping — those that do not reach the destination are left
    /// out of the scope, and with none left the value is skipped (rule <c>excluded</c>, as a project value of an excluded
    /// environment). Two values whose mapped scopes share an environment: the first one read is kept (rule
    /// <c>environments</c>), as the destination holds an environment in one scope per template.
    /// </summary>
    private static void CommonFromV2(Translator translator, JsonObject common, Dictionary<string, TenantVariableValue> result, List<ChangeDetail> details, bool destinationHasV2)
    {
        var used = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in OrderedEntries(common))
        {
            var setId = entry.Str("LibraryVariableSetId") ?? "";
            var template = entry.Obj("Template")?.Name() ?? "";
            if (template.Length == 0 || entry["Value"] is not { } value)
            {
                continue;
            }

            var setName = translator.SourceKeyOf(setId) ?? entry.Str("LibraryVariableSetName") ?? setId;
            var sourceEnvironments = Scope(entry);
            var sourceNames = sourceEnvironments.Select(e => translator.SourceKeyOf(e) ?? e).ToList();
            var subject = sourceEnvironments.Count == 0 ? $"{setName} / {template}" : $"{setName} / {template} @ {string.Join(", ", sourceNames)}";
            if (translator.Translate(ResourceKind.LibraryVariableSet, setId) is not { } destinationSet)
            {
                details.Add(new ChangeDetail(subject, ChangeAction.Skip, "select.libraryVariableSets", "The library variable set does not reach this destination."));
                continue;
            }

            var destinationSetName = translator.DestinationKeyOf(destinationSet) ?? setName;
            if (sourceEnvironments.Count == 0)
            {
                Add(result, translator, details, LibraryMember(destinationSetName, template), TenantVariableSlot.Library(destinationSet, template), value);
                continue;
            }

            if (!destinationHasV2)
            {
                details.Add(new ChangeDetail(subject, ChangeAction.Skip, NeedsV2Rule,
                    $"A common value scoped to environments ({string.Join(", ", sourceNames)}) needs tenant variables v2 (Octopus 2025.2+), which the destination does not have; it is not written."));
                continue;
            }

            var environments = sourceEnvironments.Select(e => translator.Translate(ResourceKind.Environment, e)).OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (environments.Count == 0)
            {
                details.Add(new ChangeDetail(subject, ChangeAction.Skip, "excluded", "None of the scope's environments reaches this destination."));
                continue;
            }

            var taken = used.TryGetValue($"{destinationSet}/{template}", out var set) ? set : used[$"{destinationSet}/{template}"] = new(StringComparer.OrdinalIgnoreCase);
            if (environments.Any(taken.Contains))
            {
                details.Add(new ChangeDetail(subject, ChangeAction.Skip, "environments",
                    "Another value of this template already covers one of these environments on the destination; the first one read is kept."));
                continue;
            }

            taken.UnionWith(environments);
            var member = ScopedLibraryMember(destinationSetName, template, environments.Select(e => translator.DestinationKeyOf(e) ?? e));
            Add(result, translator, details, member, TenantVariableSlot.Library(destinationSet, template, environments), value);
        }
    }

    /// <summary>The destination's values (ids are the destination's own).</summary>
    /// <param name="common">The tenant's v2 <c>commonvariables</c> document when the destination has v2, else null.</param>
    public static Dictionary<string, TenantVariableValue> FromDestination(NameIndex destination, JsonObject? document, JsonObject? common = null)
    {
        var result = new Dictionary<string, TenantVariableValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in common is null ? [] : OrderedEntries(common))
        {
            var setId = entry.Str("LibraryVariableSetId") ?? "";
            var template = entry.Obj("Template")?.Name() ?? "";
            if (template.Length == 0 || entry["Value"] is not { } value)
            {
                continue;
            }

            var setName = destination.KeyOf(setId) ?? entry.Str("LibraryVariableSetName") ?? setId;
            var environments = Scope(entry);
            var member = environments.Count == 0
                ? LibraryMember(setName, template)
                : ScopedLibraryMember(setName, template, environments.Select(e => destination.KeyOf(e) ?? e));
            result.TryAdd(member, new TenantVariableValue(member, TenantVariableSlot.Library(setId, template, environments), value.DeepClone()));
        }

        if (document is null)
        {
            return result;
        }

        foreach (var (setId, node) in common is not null ? [] : Ordered(document.Obj("LibraryVariables")))
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

    private static List<string> Scope(JsonObject entry) => entry.Obj("Scope")?.Strings("EnvironmentIds") ?? [];

    /// <summary>v2 entries in a stable order (set, template, unscoped first, then by environments) so "first one read" is deterministic.</summary>
    private static IEnumerable<JsonObject> OrderedEntries(JsonObject common) =>
        common.Arr("Variables").Objects()
            .OrderBy(e => e.Str("LibraryVariableSetId"), StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Obj("Template")?.Name(), StringComparer.Ordinal)
            .ThenBy(e => Scope(e).Count)
            .ThenBy(e => string.Join(",", Scope(e).Order(StringComparer.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Ordered(JsonObject? obj) =>
        (obj ?? []).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase);
}
