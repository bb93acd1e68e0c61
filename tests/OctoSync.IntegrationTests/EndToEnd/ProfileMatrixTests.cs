using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// The end-to-end profile matrix (issue #8): a representative subset of the suite on every version pair that matters.
/// The whole suite runs on any pair with <c>OCTOSYNC_E2E_PROFILES=source:destination</c> (<see cref="TwoInstances.DefaultProfiles"/>).
/// </summary>
public sealed class ProfileMatrixTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        { "2021.2", "2021.2" },
        { "2024.3", "2026.3" },
        { "2026.3", "2024.3" },
        { "2021.2", "2024.3" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_sync_converges_between_the_versions(string source, string destination)
    {
        await using var instances = await TwoInstances.StartAsync(profiles: (source, destination));

        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.NotEmpty(instances.DestinationWrites());
        Assert.DoesNotContain(instances.DestinationWrites(), w => w.EndsWith(" 400", StringComparison.Ordinal) || w.EndsWith(" 500", StringComparison.Ordinal));
        instances.Destination.ClearRequestLog();

        (exit, output) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(exit == 0, output);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete", output, StringComparison.Ordinal);
        Assert.DoesNotContain("drift", output, StringComparison.OrdinalIgnoreCase);

        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_plan_carries_both_versions_and_warns_when_they_differ(string source, string destination)
    {
        await using var instances = await TwoInstances.StartAsync(profiles: (source, destination));

        var plan = await Engine.Snapshot.SnapshotReader.ReadAsync(instances.SourceClient);
        var (_, output) = await instances.RunAsync("plan");

        Assert.Equal(ServerProfile.Parse(source).Version, plan.ServerVersion);
        var warned = output.Contains("versions differ", StringComparison.Ordinal);
        Assert.Equal(source != destination, warned);
    }
}
