namespace OctoSync.Emulator.Resources;

/// <summary>
/// The resource table of the emulator: one <see cref="ResourceDescriptor"/> per Octopus collection.
/// Split by area into Catalog.*.cs; behaviour (validation, side effects) sits next to each row.
/// </summary>
internal static partial class Catalog
{
    private static IReadOnlyList<ResourceDescriptor>? all;

    /// <summary>Every collection, in the order routes are registered.</summary>
    public static IReadOnlyList<ResourceDescriptor> All => all ??=
    [
        Spaces, Environments, Lifecycles, ProjectGroups, Projects, Channels, DeploymentProcesses, Runbooks,
        RunbookProcesses, Variables, LibraryVariableSets, Tenants, TagSets, Accounts, Certificates, WorkerPools,
        Feeds, ActionTemplates, Machines, Workers, MachinePolicies, Teams, Users, Packages, CommunityActionTemplates,
    ];

    public static ResourceDescriptor? ByCollection(string collection) =>
        All.FirstOrDefault(d => string.Equals(d.Collection, collection, StringComparison.OrdinalIgnoreCase));
}
