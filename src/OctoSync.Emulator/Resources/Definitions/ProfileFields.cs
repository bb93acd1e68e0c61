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
    }

    /// <summary>Properties this profile's server does not have: a typed server drops them from what it stores.</summary>
    public static IReadOnlyCollection<string> Removed(string definition, ServerProfile profile) =>
        profile.SlugsBeyondProjects ? []
        : definition == "TenantResource" ? TenantFields
        : SlugDefinitions.Contains(definition) ? SlugOnly
        : [];
}
