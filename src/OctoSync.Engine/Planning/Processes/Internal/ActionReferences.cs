using System.Globalization;
using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>A reason to leave an action out: it references something that does not reach the destination.</summary>
internal sealed record MissingReference(string Rule, string Reason);

/// <summary>
/// Rewrites every id an action carries (spec §4): worker pool, package and container feeds, step template,
/// teams, and any property value that is exactly the id of a source account, certificate, worker pool, feed or
/// project (octoterra's safety net, but recognising ids through the source NameIndex instead of a regex).
/// Values that are not source ids (<c>#{Variable}</c> expressions, built-in ids) are left as they are.
/// </summary>
internal static class ActionReferences
{
    private const string TemplateId = "Octopus.Action.Template.Id";
    private const string TemplateVersion = "Octopus.Action.Template.Version";
    private const string ResponsibleTeamIds = "Octopus.Action.Manual.ResponsibleTeamIds";

    internal static readonly HashSet<ResourceKind> PropertyKinds =
        [ResourceKind.Account, ResourceKind.Certificate, ResourceKind.WorkerPool, ResourceKind.Feed, ResourceKind.Project];

    /// <summary>Translates <paramref name="action"/> in place; returns why it must be skipped, or null.</summary>
    public static MissingReference? Translate(JsonObject action, ProcessPlanningContext context, string subject, List<Diagnostic> diagnostics)
    {
        var t = context.Translator;
        var missing = MissingTag(action, t) ?? Replace(action, "WorkerPoolId", ResourceKind.WorkerPool, context);
        foreach (var package in action.Arr("Packages").Objects())
        {
            missing ??= Replace(package, "FeedId", ResourceKind.Feed, context);
            // Deploy a Release: the package id is the id of the project to deploy.
            missing ??= Replace(package, "PackageId", ResourceKind.Project, context);
        }

        if (action.Obj("Container") is { } container)
        {
            missing ??= Replace(container, "FeedId", ResourceKind.Feed, context);
        }

        var properties = action.Obj("Properties") ?? [];
        foreach (var name in properties.Select(p => p.Key).ToList())
        {
            if (properties.Str(name) is not { } value)
            {
                continue;
            }

            if (name == ResponsibleTeamIds)
            {
                properties[name] = Teams(value, t, subject, diagnostics);
            }
            else if (name == TemplateId)
            {
                missing ??= Replace(properties, name, ResourceKind.ActionTemplate, context);
                if (t.SourceKeyOf(value) is { } template
                    && t.Destination.Document(ResourceKind.ActionTemplate, t.DestinationKeyFor(ResourceKind.ActionTemplate, template)) is { } destinationTemplate
                    && destinationTemplate["Version"] is JsonValue version)
                {
                    // The step must name the destination template's version; a template created by this plan starts
                    // at its own version, which is only known after apply (documented limitation).
                    properties[TemplateVersion] = version.ToString();
                }
            }
            else if (t.Source.TryGetKey(value, out var kind, out _) && PropertyKinds.Contains(kind))
            {
                missing ??= Replace(properties, name, kind, context);
            }
            else
            {
                properties[name] = EmbeddedIds.Translate(value, context, ref missing);
            }
        }

        return missing;
    }

    /// <summary>
    /// An action tagged with a tenant tag the destination will not have: Octopus refuses the whole process (400), so the
    /// step is left out instead, with the rule that decided (tag sets are synced unless <c>select.tagSets</c> leaves
    /// the set out). Dropping the tag instead would widen the step to every tenant.
    /// </summary>
    private static MissingReference? MissingTag(JsonObject action, Translator t) =>
        action.Strings("TenantTags").FirstOrDefault(tag => !Variables.Internal.TenantTags.Exists(tag, t)) is { } missing
            ? new MissingReference("select.tagSets", $"Runs only for tenants tagged \"{missing}\", a tag this destination does not have (its tag set is not synced, or lacks the tag).")
            : null;

    /// <summary>Replaces a source id held in <paramref name="owner"/>[<paramref name="field"/>]; ids the source does not know are kept.</summary>
    internal static MissingReference? Replace(JsonObject owner, string field, ResourceKind kind, ProcessPlanningContext context)
    {
        var t = context.Translator;
        if (owner.Str(field) is not { Length: > 0 } id || !t.Source.TryGetKey(id, out var sourceKind, out var key) || sourceKind != kind)
        {
            return null;
        }

        if (t.Translate(kind, id) is { } translated)
        {
            owner[field] = translated;
            return null;
        }

        // Built-in feeds have the same ids on every instance.
        if (kind == ResourceKind.Feed && id.StartsWith("feeds-builtin", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rule = kind switch
        {
            ResourceKind.Account => RuleText.Accounts(context.Rules.Accounts),
            ResourceKind.Certificate => RuleText.Certificates(context.Rules.Certificates),
            _ => RuleText.Default,
        };
        return new MissingReference(rule, $"References {Describe(kind)} \"{key}\", which does not reach this destination.");
    }

    private static string Teams(string value, Translator t, string subject, List<Diagnostic> diagnostics)
    {
        var kept = new List<string>();
        foreach (var id in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!t.Source.TryGetKey(id, out var kind, out var name) || kind != ResourceKind.Team)
            {
                kept.Add(id); // not a team the source knows (e.g. a built-in id): keep as written
            }
            else if (t.Translate(ResourceKind.Team, id) is { } translated)
            {
                kept.Add(translated);
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, $"Team \"{name}\" is not on the destination; removed from the responsible teams.", Subject: subject));
            }
        }

        return string.Join(",", kept);
    }

    private static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.WorkerPool => "worker pool",
        ResourceKind.ActionTemplate => "step template",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
