using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using Xunit.Abstractions;
using static OctoSync.IntegrationTests.EndToEnd.Tenancy;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Common tenant values scoped to environments (tenant variables v2, Octopus 2025.2+; OctopusDeploy/Issues#9414) from a
/// 2026.3 source: synced through v2 to a destination that has it, their environments mapped (Test → Staging; a scope
/// with only the excluded Development is skipped, rule <c>excluded</c>), and skipped with a warning (rule
/// <c>server versions</c>) for a 2024.3 destination, which cannot hold them. An unchanged re-sync writes nothing.
/// </summary>
public sealed class ScopedCommonVariablesTests(ITestOutputHelper log)
{
    private const string Tenant = "Test Tenant";

    [Theory]
    [InlineData("2026.3")]
    [InlineData("2024.3")]
    public async Task Scoped_common_values_from_2026_3_are_synced_or_skipped_with_their_rule(string destination)
    {
        await using var instances = await TwoInstances.StartAsync(profiles: ("2026.3", destination));
        var (from, to) = (instances.SourceClient, instances.DestinationClient);
        await ProfileMatrixTests.SeedTenantVariablesAsync(from);
        await ProfileMatrixTests.PaceUnderDefaultLimitsAsync(instances, "2026.3", destination);
        var sourceTenant = await IdAsync(from, "tenants", Tenant);
        var read = await from.GetTenantCommonVariablesAsync(sourceTenant);
        var region = read.Arr("Variables").Objects().Single();
        JsonObject Scoped(string value, params string[] environments) => new()
        {
            ["LibraryVariableSetId"] = region.Str("LibraryVariableSetId"), ["TemplateId"] = region.Str("TemplateId"), ["Value"] = value,
            ["Scope"] = new JsonObject { ["EnvironmentIds"] = environments.ToJsonArray() },
        };
        var test = await IdAsync(from, "environments", "Test");
        var development = await IdAsync(from, "environments", "Development");
        await from.UpdateTenantCommonVariablesAsync(sourceTenant, new JsonObject
        {
            ["Variables"] = new JsonArray(region.Clone(), Scoped("test-region", test), Scoped("dev-region", development)),
        });

        var (exit, output) = await instances.RunAsync("apply", "--yes");
        log.WriteLine(output);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(instances.DestinationWrites(), w => w.EndsWith(" 400", StringComparison.Ordinal) || w.EndsWith(" 500", StringComparison.Ordinal));
        var destinationTenant = await IdAsync(to, "tenants", Tenant);
        if (destination == "2026.3")
        {
            var staging = await IdAsync(to, "environments", "Staging");
            var values = (await to.GetTenantCommonVariablesAsync(destinationTenant)).Arr("Variables").Objects()
                .ToDictionary(v => string.Join(",", v.Obj("Scope")!.Strings("EnvironmentIds")), v => v.Str("Value"));
            Assert.Equal(new Dictionary<string, string?> { [""] = "eu-west", [staging] = "test-region" }, values);
            Assert.Contains("None of the scope's environments reaches this destination", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("scoped to environments", output, StringComparison.Ordinal);
            Assert.Contains("server versions", output, StringComparison.Ordinal);
            var legacy = await to.GetTenantVariablesAsync(destinationTenant);
            Assert.Equal("eu-west", Text(await TenantVariableAsync(to, Tenant, "Common", null, "Region")));
            Assert.DoesNotContain("test-region", legacy.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("dev-region", (await to.GetTenantVariablesAsync(destinationTenant)).ToJsonString(), StringComparison.Ordinal);

        // Unchanged re-sync: nothing to do, nothing written.
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(exit == 0, output);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete", output, StringComparison.Ordinal);
        var commonReads = instances.Source.RequestLog.Count(r => r.Method == "GET" && r.Path.Contains("/commonvariables", StringComparison.Ordinal));
        log.WriteLine($"2026.3 -> {destination}: destination requests for the plan {instances.Destination.RequestLog.Count}; source commonvariables reads so far {commonReads}");
        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
