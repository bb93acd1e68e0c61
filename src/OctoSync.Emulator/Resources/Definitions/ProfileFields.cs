using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources.Definitions;

/// <summary>A property a later server version added to a Swagger 2021.2 definition, with its default.</summary>
internal sealed record ProfileField(string Name, Func<JsonObject, JsonNode?> Default);

/// <summary>
/// How each profile's definitions differ from the Swagger 2021.2 ones (docs/emulator.md, "Server profiles").
/// </summary>
internal static class ProfileFields
{
    /// <summary>
    /// Resources with a `Slug` from 2022+ (notes §2.5; step and action slugs 2023–2024, notes §2.10). The 2021.2
    /// Swagger has Slug on ProjectResource only. The writer generates a slug from the Name; steps and actions
    /// get theirs from <see cref="Validation.ProcessRules"/>.
    /// </summary>
    private static readonly HashSet<string> SlugDefinitions =
    [
        "EnvironmentResource", "LifecycleResource", "ProjectGroupResource", "ChannelResource", "TenantResource", "RunbookResource",
        "FeedResource", "WorkerPoolResource", "SpaceResource", "AccountResource", "DeploymentTargetResource", "WorkerResource",
        "DeploymentStepResource", "DeploymentActionResource",
    ];

    /// <summary>A step or action slug is made from its name like every other slug.</summary>
    private static readonly ProfileField Slug = new("Slug", doc => doc.Str("Name") is { } name ? Json.Slugify(name) : null);
    private static readonly ProfileField TenantIsDisabled = new("IsDisabled", _ => false);

    /// <summary>2025–2026 tag fields (<see cref="ServerProfile.ScopedTagSets"/>): the defaults of the OctopusClients constructors.</summary>
    private static readonly Dictionary<string, ProfileField[]> ScopedTagSetFields = new(StringComparer.Ordinal)
    {
        ["TagSetResource"] =
        [
            new("Scopes", _ => new JsonArray("Tenant")),
            new("Type", _ => "MultiSelect"),
            new("IsSystem", _ => false),
        ],
        ["EnvironmentResource"] = [new("EnvironmentTags", _ => new JsonArray())],
        ["ProjectResource"] = [new("ProjectTags", _ => new JsonArray())],
        ["RunbookResource"] = [new("RunbookTags", _ => new JsonArray())],
    };
    private static readonly string[] SlugOnly = ["Slug"];
    private static readonly string[] TenantFields = ["Slug", "IsDisabled"];

    public static IEnumerable<ProfileField> Added(string definition, ServerProfile profile)
    {
        if (profile.SlugsBeyondProjects && SlugDefinitions.Contains(definition))
        {
            yield return Slug;
        }

        if (profile.TenantIsDisabled && definition == "TenantResource")
        {
            yield return TenantIsDisabled;
        }

        if (profile.ScopedTagSets && ScopedTagSetFields.TryGetValue(definition, out var tagFields))
        {
            foreach (var field in tagFields)
            {
                yield return field;
            }
        }
    }

    /// <summary>Properties this profile's server does not have: a typed server drops them from what it stores.</summary>
    /// <summary>
    /// Properties this profile's server does not have: a typed server drops them from what it stores. Only the 2022+
    /// slugs (and tenant IsDisabled) for 2021.2: a 2025–2026 field sent to an earlier profile is kept as sent like any
    /// field the definition does not name (docs/emulator.md, "What the profiles still lack").
    /// </summary>
    public static IReadOnlyCollection<string> Removed(string definition, ServerProfile profile) =>
        profile.SlugsBeyondProjects ? []
        : definition == "TenantResource" ? TenantFields
        : SlugDefinitions.Contains(definition) ? SlugOnly
        : [];
}
