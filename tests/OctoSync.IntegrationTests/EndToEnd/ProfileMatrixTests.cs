using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Emulator;
using OctoSync.Engine.Model;
using Xunit.Abstractions;
using static OctoSync.IntegrationTests.EndToEnd.Tenancy;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// The end-to-end profile matrix (issue #8): a representative subset of the suite on every version pair that matters.
/// The whole suite runs on any pair with <c>OCTOSYNC_E2E_PROFILES=source:destination</c> (<see cref="TwoInstances.DefaultProfiles"/>).
/// </summary>
public sealed class ProfileMatrixTests(ITestOutputHelper log)
{
    private const string Tenant = "Test Tenant";

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

    /// <summary>
    /// The important histories on each pair: first sync, an unchanged re-sync (no request beyond the reader's: no
    /// deployment settings read per project, no write), a source change to the project and its deployment settings
    /// (written through <c>/deploymentsettings</c>, which every profile's project advertises), a tenant variable change and
    /// a deletion. A destination whose version has a rate limit by default keeps it on (raised explicitly, as an
    /// administrator would) and OctoSync paces itself under it (<c>requestsPerMinute</c>), as a user of 2026.3 would.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_important_histories_converge_between_the_versions(string source, string destination)
    {
        await using var instances = await TwoInstances.StartAsync(profiles: (source, destination));
        var (from, to) = (instances.SourceClient, instances.DestinationClient);
        await SeedTenantVariablesAsync(from);
        await PaceUnderDefaultLimitsAsync(instances, source, destination);

        // First sync.
        await ApplyAsync(instances);
        Assert.Equal("test-sql", Text(await TenantVariableAsync(to, Tenant, OctoFxExample.Project, "Staging", "DbServer")));
        Assert.Equal("eu-west", Text(await TenantVariableAsync(to, Tenant, "Common", null, "Region")));

        // Unchanged re-sync: the plan reads only what the reader reads, the apply sends nothing.
        instances.Destination.ClearRequestLog();
        var (exit, output) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(exit == 0, output);
        var planRequests = instances.Destination.RequestLog;
        Assert.All(planRequests, r => Assert.Equal("GET", r.Method));
        Assert.DoesNotContain(planRequests, r => r.Path.Contains("deploymentsettings", StringComparison.OrdinalIgnoreCase));
        log.WriteLine($"{source} -> {destination}: unchanged re-sync plan read {planRequests.Count} requests from the destination");
        await instances.AssertConvergedAsync();

        // The source changes the project and, through its own route, its deployment settings.
        var project = await from.ProjectAsync();
        project["Description"] = "Changed on the source";
        await from.UpdateAsync($"projects/{project.Id()}", project);
        var settings = await from.GetAsync($"projects/{project.Id()}/deploymentsettings");
        settings["ReleaseNotesTemplate"] = "Release #{Octopus.Release.Number}";
        settings.Obj("VersioningStrategy")!["Template"] = "2.#{Octopus.Version.NextPatch}";
        await from.UpdateAsync($"projects/{project.Id()}/deploymentsettings", settings);
        (exit, output) = await instances.RunAsync("plan");
        Assert.True(exit == 0, output);
        log.WriteLine(output);
        Assert.Contains("deployment settings: /deploymentsettings", output, StringComparison.Ordinal);
        instances.Destination.ClearRequestLog();
        await ApplyAsync(instances);
        var destinationProject = await to.ProjectAsync();
        var writes = instances.DestinationWrites();
        Assert.Contains($"PUT /api/Spaces-1/projects/{destinationProject.Id()}/deploymentsettings 200", writes);
        Assert.Single(writes, w => w.StartsWith("PUT ", StringComparison.Ordinal) && w.Contains($"projects/{destinationProject.Id()} ", StringComparison.Ordinal));
        var written = await to.GetAsync($"projects/{destinationProject.Id()}/deploymentsettings");
        Assert.Equal("Release #{Octopus.Release.Number}", written.Str("ReleaseNotesTemplate"));
        Assert.Equal("2.#{Octopus.Version.NextPatch}", written.Obj("VersioningStrategy")!.Str("Template"));
        Assert.Equal("Changed on the source", destinationProject.Str("Description"));
        await instances.AssertConvergedAsync();

        // A tenant variable changes on the source.
        await SetTenantVariableAsync(from, Tenant, OctoFxExample.Project, "Test", "DbServer", "test-sql-2");
        var tenantId = await IdAsync(to, "tenants", Tenant);
        instances.Destination.ClearRequestLog();
        await ApplyAsync(instances);
        var applied = instances.Destination.RequestLog.Where(r => r.Path.Contains($"/tenants/{tenantId}/", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal("test-sql-2", Text(await TenantVariableAsync(to, Tenant, OctoFxExample.Project, "Staging", "DbServer")));
        // Through v2 where the destination has it (2025.2+), through the legacy route otherwise: one GET and one PUT. With
        // v2 the plan's read also takes the tenant's common values through v2 (it has library set templates).
        var v2 = ServerProfile.Parse(destination).TenantVariablesV2;
        var path = $"/api/Spaces-1/tenants/{tenantId}/" + (v2 ? "projectvariables" : "variables");
        List<string> expected = v2 ? [$"GET /api/Spaces-1/tenants/{tenantId}/commonvariables?includeMissingVariables=true"] : [];
        expected.AddRange([$"GET {path}" + (v2 ? "?includeMissingVariables=true" : ""), $"PUT {path}"]);
        Assert.Equal(expected, applied);
        await instances.AssertConvergedAsync();

        // The source deletes a runbook: it goes from the destination.
        await from.DeleteAsync($"runbooks/{await from.IdOfAsync("runbooks", "Refresh database")}");
        await ApplyAsync(instances);
        Assert.Null(await to.NamedAsync("runbooks", "Refresh database"));
        await instances.AssertConvergedAsync();
    }

    /// <summary>
    /// A side whose version limits requests by default (2026.3: 200 a minute) keeps a limit on, raised explicitly as an
    /// administrator would (so the histories fit the CI budget), and OctoSync is configured to pace itself under it.
    /// </summary>
    internal static async Task PaceUnderDefaultLimitsAsync(TwoInstances instances, string source, string destination)
    {
        const int limit = 1200;
        var yaml = await File.ReadAllTextAsync(instances.ConfigPath);
        foreach (var (server, version) in new[] { (instances.Source, source), (instances.Destination, destination) })
        {
            if (ServerProfile.Parse(version).DefaultRateLimitPerMinute > 0)
            {
                server.RateLimitPerMinute = limit;
                var url = $"url: {server.BaseUrl}\n";
                var indent = yaml[..yaml.IndexOf(url, StringComparison.Ordinal)].Split('\n')[^1];
                var paced = yaml.Replace(url, $"{url}{indent}requestsPerMinute: {limit}\n", StringComparison.Ordinal);
                Assert.NotEqual(yaml, paced);
                yaml = paced;
            }
        }

        await File.WriteAllTextAsync(instances.ConfigPath, yaml);
    }

    private static async Task ApplyAsync(TwoInstances instances)
    {
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(instances.DestinationWrites(), w => w.EndsWith(" 400", StringComparison.Ordinal) || w.EndsWith(" 500", StringComparison.Ordinal));
        // Paced under the limit: never refused.
        Assert.DoesNotContain(instances.Destination.RequestLog.Concat(instances.Source.RequestLog), r => r.Status == 429);
    }

    /// <summary>OctoFx gets a project template, includes a library set "Common" with one; Test Tenant gets values.</summary>
    internal static async Task SeedTenantVariablesAsync(Engine.Api.IOctopusSpaceClient source)
    {
        var common = await source.CreateAsync("libraryvariablesets", new JsonObject
        {
            ["Name"] = "Common",
            ["ContentType"] = "Variables",
            ["Templates"] = new JsonArray(Template("Region")),
        });
        var project = await ByNameAsync(source, "projects", OctoFxExample.Project);
        project["Templates"] = new JsonArray(Template("DbServer"));
        project["IncludedLibraryVariableSetIds"] = new[] { common.Id() }.ToJsonArray();
        await SaveAsync(source, "projects", project);
        await SetTenantVariableAsync(source, Tenant, OctoFxExample.Project, "Test", "DbServer", "test-sql");
        await SetTenantVariableAsync(source, Tenant, "Common", null, "Region", "eu-west");
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
