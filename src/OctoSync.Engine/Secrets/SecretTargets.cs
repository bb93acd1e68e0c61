using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Secrets;

/// <summary>
/// Checks, once both instances are read and before anything is resolved or written, that every account, feed,
/// certificate and step template a <c>secrets:</c> entry names exists (on the destination, or on the source for the sync to create) and
/// that each field is a secret field of its type: an <c>AzureServicePrincipal</c> account has a <c>Password</c>, not a
/// <c>Token</c>. The type is the destination's when it has the item, else the source's.
/// </summary>
public static class SecretTargets
{
    /// <summary>Error lines (<c>file:line: key: message</c>); empty when every entry fits.</summary>
    public static IReadOnlyList<string> Errors(SyncConfiguration configuration, DestinationConfiguration destination, SpaceSnapshot source, SpaceSnapshot target)
    {
        var errors = new List<string>();
        foreach (var m in destination.Secrets.Where(m => m.Kind != SecretTargetKind.Variable))
        {
            if (m.Kind == SecretTargetKind.StepTemplate)
            {
                errors.AddRange(StepTemplateErrors(configuration, m, source, target));
                continue;
            }

            var (documents, sourceDocuments, typeField, noun) = m.Kind switch
            {
                SecretTargetKind.Account => (target.Accounts, source.Accounts, "AccountType", "account"),
                SecretTargetKind.Feed => (target.Feeds, source.Feeds, "FeedType", "feed"),
                _ => (target.Certificates, source.Certificates, (string?)null, "certificate"),
            };
            var item = Named(documents, m.Owner) ?? Named(sourceDocuments, m.Owner);
            if (item is null)
            {
                errors.Add($"{configuration.FilePath}:{m.Line}: {m.SourcePath}: no {noun} named '{m.Owner}' on the destination or the source");
                continue;
            }

            var type = typeField is null ? null : item.Str(typeField);
            var fields = SecretFields.Of(m.Kind, type);
            if (!fields.Contains(m.Name, StringComparer.Ordinal))
            {
                errors.Add($"{configuration.FilePath}:{m.Line}: {m.SourcePath}: {noun} '{m.Owner}' is of type {type}, which has no secret field {m.Name}"
                    + (fields.Count == 0 ? " (it has no secret fields)" : $" (its secret fields: {string.Join(", ", fields)})"));
            }
        }

        return errors;
    }

    /// <summary>The template must exist and the parameter be sensitive (<c>DisplaySettings["Octopus.ControlType"]</c>
    /// <c>Sensitive</c>, or a write-only default): a plain default is readable and synced as it is.</summary>
    private static IEnumerable<string> StepTemplateErrors(SyncConfiguration configuration, SecretMapping m, SpaceSnapshot source, SpaceSnapshot target)
    {
        var template = Named(target.ActionTemplates, m.Owner) ?? Named(source.ActionTemplates, m.Owner);
        if (template is null)
        {
            yield return $"{configuration.FilePath}:{m.Line}: {m.KeyPath}.stepTemplate: no step template named '{m.Owner}' on the destination or the source";
            yield break;
        }

        var parameters = template.Arr("Parameters").Objects().ToList();
        var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name(), m.Name, StringComparison.OrdinalIgnoreCase));
        var sensitive = parameters.Where(IsSensitive).Select(p => p.Name()).ToList();
        var hint = sensitive.Count == 0 ? "it has no sensitive parameters" : $"its sensitive parameters: {string.Join(", ", sensitive)}";
        if (parameter is null)
        {
            yield return $"{configuration.FilePath}:{m.Line}: {m.KeyPath}.parameter: step template '{m.Owner}' has no parameter '{m.Name}' ({hint})";
        }
        else if (!IsSensitive(parameter))
        {
            yield return $"{configuration.FilePath}:{m.Line}: {m.KeyPath}.parameter: parameter '{m.Name}' of step template '{m.Owner}' is not sensitive: its default is synced as it is ({hint})";
        }
    }

    private static bool IsSensitive(JsonObject parameter) =>
        (parameter["DisplaySettings"] as JsonObject)?.Str("Octopus.ControlType") == "Sensitive" || Planning.Objects.SensitiveValues.IsSensitive(parameter["DefaultValue"]);

    private static JsonObject? Named(IEnumerable<JsonObject> documents, string name) =>
        documents.FirstOrDefault(d => string.Equals(d.Name(), name, StringComparison.OrdinalIgnoreCase));
}
