using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using Spectre.Console.Testing;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// <c>octosync promote</c> over two emulators with the OctoFx example (docs/promote.md): the tested release is created
/// on the destination with the same version and packages; refused when the project is out of sync or a package is
/// missing; the process differences are reported; <c>--deploy-to</c> deploys it.
/// </summary>
public sealed class PromoteTests
{
    private const string Version = "1.4.2";

    /// <summary>Synced OctoFx, a release on the source with the web package, and that package version in the destination's built-in feed.</summary>
    private static async Task<TwoInstances> SyncedWithReleaseAsync(IReadOnlyDictionary<string, string>? environments = null, bool packageOnDestination = true,
        string? rulesYaml = null, (string, string)? profiles = null)
    {
        var instances = await TwoInstances.StartAsync(environments, rulesYaml, profiles);
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        await CreateSourceReleaseAsync(instances, Version);
        if (packageOnDestination)
        {
            await PushToBuiltInFeedAsync(instances, $"OctoFx.Web.{Version}.zip");
        }

        instances.Source.ClearRequestLog();
        instances.Destination.ClearRequestLog();
        return instances;
    }

    /// <summary>What a build does: <c>POST /packages/raw</c> to the destination's built-in feed (multipart, part <c>fileData</c>).</summary>
    private static async Task PushToBuiltInFeedAsync(TwoInstances instances, string fileName)
    {
        using var http = new HttpClient { BaseAddress = instances.Destination.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Octopus-ApiKey", instances.Destination.ApiKey);
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent([1, 2, 3]), "fileData", fileName);
        using var response = await http.PostAsync(new Uri("api/Spaces-1/packages/raw", UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonObject> CreateSourceReleaseAsync(TwoInstances instances, string version)
    {
        var project = await ProjectAsync(instances.SourceClient);
        return await instances.SourceClient.CreateAsync("releases", new JsonObject
        {
            ["ProjectId"] = project.Id(),
            ["Version"] = version,
            ["ReleaseNotes"] = "Tested in Test by QA.",
            ["SelectedPackages"] = new JsonArray(new JsonObject { ["ActionName"] = "Deploy OctoFx web", ["PackageReferenceName"] = "", ["Version"] = version }),
        });
    }

    private static async Task<JsonObject> ProjectAsync(OctoSync.Engine.Api.IOctopusSpaceClient client) =>
        (await client.GetAllAsync("projects")).Single(p => p.Name() == "OctoFx");

    private static async Task<JsonObject?> DestinationReleaseAsync(TwoInstances instances, string version)
    {
        var project = await ProjectAsync(instances.DestinationClient);
        return (await instances.DestinationClient.ListAsync($"projects/{project.Id()}/releases").ToListAsync()).FirstOrDefault(r => r.Str("Version") == version);
    }

    [Fact]
    public async Task The_tested_release_is_created_with_the_same_version_and_packages_and_promoting_again_is_a_no_op()
    {
        await using var instances = await SyncedWithReleaseAsync();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");

        Assert.True(exit == 0, output);
        Assert.Contains("In sync", output, StringComparison.Ordinal);
        Assert.Contains($"OctoFx.Web {Version} (Deploy OctoFx web): in feed 'Octopus Server (built-in)'", output, StringComparison.Ordinal);
        Assert.Contains($"Created release {Version}", output, StringComparison.Ordinal);
        var release = await DestinationReleaseAsync(instances, Version);
        Assert.NotNull(release);
        var package = Assert.Single(release.Arr("SelectedPackages").Objects());
        Assert.Equal(("Deploy OctoFx web", Version), (package.Str("ActionName"), package.Str("Version")));
        Assert.Equal("Tested in Test by QA.", release.Str("ReleaseNotes"));
        var channel = await instances.DestinationClient.GetAsync($"channels/{release.Str("ChannelId")}");
        Assert.Equal("Default", channel.Name());

        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");

        Assert.True(exit == 0, output);
        Assert.Contains("Nothing to do", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
        Assert.Empty(instances.SourceWrites());
    }

    [Fact]
    public async Task Without_yes_and_with_input_redirected_it_previews_writes_nothing_and_exits_1()
    {
        await using var instances = await SyncedWithReleaseAsync();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version);

        Assert.Equal(1, exit);
        Assert.Contains($"create release {Version} on channel Default with 1 package", output, StringComparison.Ordinal);
        Assert.Contains("run promote with --yes", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
        Assert.Null(await DestinationReleaseAsync(instances, Version));
    }

    [Fact]
    public async Task A_destination_out_of_sync_is_refused_with_its_pending_changes_listed()
    {
        await using var instances = await SyncedWithReleaseAsync();
        var project = await ProjectAsync(instances.SourceClient);
        var process = await instances.SourceClient.GetAsync($"deploymentprocesses/{project.Str("DeploymentProcessId")}");
        var notify = process.Arr("Steps").Objects().Single(s => s.Name() == "Notify");
        notify.Arr("Actions").Objects().Single().Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = "Write-Host 'changed after the sync'";
        await instances.SourceClient.UpdateAsync($"deploymentprocesses/{process.Id()}", process);
        instances.Destination.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");

        Assert.Equal(1, exit);
        Assert.Contains("Not in sync", output, StringComparison.Ordinal);
        Assert.Contains("update DeploymentProcess OctoFx", output, StringComparison.Ordinal);
        Assert.Contains("Refused: OctoFx on staging-production is not in sync", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task A_package_missing_from_the_destination_feed_is_refused_naming_it()
    {
        await using var instances = await SyncedWithReleaseAsync(packageOnDestination: false);
        await PushToBuiltInFeedAsync(instances, "OctoFx.Web.1.4.1.zip");
        instances.Destination.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");

        Assert.Equal(1, exit);
        Assert.Contains($"Refused: Package OctoFx.Web {Version} (step 'Deploy OctoFx web') is not in feed 'Octopus Server (built-in)' on staging-production.", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task A_step_excluded_by_a_rule_is_reported_as_a_process_difference()
    {
        // No mapping: Test is excluded on Staging/Production, so "QA sign-off" (scoped to Test) is skipped by rule.
        await using var instances = await SyncedWithReleaseAsync(environments: new Dictionary<string, string>());

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Production", "--yes");

        Assert.True(exit == 0, output);
        Assert.Contains("The release you tested ran 6 steps; Production will run 3:", output, StringComparison.Ordinal);
        Assert.Contains("'QA sign-off' is skipped by rule rules.steps.excludedEnvironments: skip: Scoped to Test, which is not on this destination", output, StringComparison.Ordinal);
        Assert.Contains("'Smoke test Dev/Test' is skipped by rule rules.steps.excludedEnvironments: skip", output, StringComparison.Ordinal);
        Assert.Contains("'Spin up temp database' is skipped by rule rules.steps.missingChannels: skip", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_to_creates_a_deployment_and_its_task_and_again_deploys_nothing()
    {
        await using var instances = await SyncedWithReleaseAsync();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Production", "--yes");

        Assert.True(exit == 0, output);
        var release = await DestinationReleaseAsync(instances, Version);
        var deployment = Assert.Single(await instances.DestinationClient.ListAsync($"releases/{release!.Id()}/deployments").ToListAsync());
        var production = (await instances.DestinationClient.GetAllAsync("environments")).Single(e => e.Name() == "Production");
        Assert.Equal(production.Id(), deployment.Str("EnvironmentId"));
        var task = await instances.DestinationClient.GetAsync($"tasks/{deployment.Str("TaskId")}");
        Assert.Equal("Deploy", task.Name());
        Assert.Contains($"Deployed to Production: {deployment.Id()}, task {deployment.Str("TaskId")}", output, StringComparison.Ordinal);

        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Production", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task Deploy_to_an_environment_outside_the_projects_lifecycle_is_refused_before_anything_is_written()
    {
        // lifecycles: sync copies Dev/Test as Staging only (Development is excluded): Production is not in it.
        await using var instances = await SyncedWithReleaseAsync(rulesYaml: "rules:\n  lifecycles: sync");

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Production", "--yes");

        Assert.Equal(1, exit);
        Assert.Contains("--deploy-to Production: the environment is not in lifecycle 'Dev/Test' of OctoFx (channel Default)", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
        (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Staging", "--yes");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [InlineData("2021.2", "2026.3")]
    [InlineData("2026.3", "2021.2")]
    public async Task A_release_is_promoted_between_server_versions(string source, string destination)
    {
        await using var instances = await SyncedWithReleaseAsync(profiles: (source, destination));

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Production", "--yes");

        Assert.True(exit == 0, output);
        var release = await DestinationReleaseAsync(instances, Version);
        Assert.NotNull(release);
        Assert.Equal(Version, Assert.Single(release.Arr("SelectedPackages").Objects()).Str("Version"));
        Assert.Single(await instances.DestinationClient.ListAsync($"releases/{release.Id()}/deployments").ToListAsync());
    }

    [Fact]
    public async Task Deploy_to_a_source_environment_name_goes_through_the_destinations_mapping()
    {
        await using var instances = await SyncedWithReleaseAsync();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Test", "--yes");

        Assert.True(exit == 0, output);
        Assert.Contains("Deployed to Staging", output, StringComparison.Ordinal);
        (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy-to", "Development", "--yes");
        Assert.Equal(1, exit);
        Assert.Contains("'Development' is excluded on staging-production", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_already_on_the_destination_with_other_packages_is_an_error()
    {
        await using var instances = await SyncedWithReleaseAsync();
        var project = await ProjectAsync(instances.DestinationClient);
        await instances.DestinationClient.CreateAsync("releases", new JsonObject
        {
            ["ProjectId"] = project.Id(),
            ["Version"] = Version,
            ["SelectedPackages"] = new JsonArray(new JsonObject { ["ActionName"] = "Deploy OctoFx web", ["Version"] = "1.0.0" }),
        });
        instances.Destination.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");

        Assert.Equal(1, exit);
        Assert.Contains($"Release {Version} already exists on staging-production with other packages (Deploy OctoFx web 1.0.0; the source release has Deploy OctoFx web {Version})", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task Json_output_is_one_document_with_the_checks_and_the_result()
    {
        await using var instances = await SyncedWithReleaseAsync();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes", "--output", "json");

        Assert.True(exit == 0, output);
        var document = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("promoted", document["outcome"]!.GetValue<string>());
        Assert.True(document["inSync"]!.GetValue<bool>());
        Assert.Equal("Found", document["packages"]![0]!["status"]!.GetValue<string>());
        Assert.StartsWith("Releases-", document["result"]!["releaseId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(instances.Destination.ApiKey, output, StringComparison.Ordinal);
        OctoSync.IntegrationTests.Cli.JsonSchemas.AssertValid(OctoSync.IntegrationTests.Cli.JsonSchemas.Promote, output);
    }

    [Fact]
    public async Task A_refusal_in_json_is_a_document_of_the_schema_with_its_problems()
    {
        await using var instances = await SyncedWithReleaseAsync(packageOnDestination: false);

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes", "--output", "json");

        Assert.Equal(1, exit);
        OctoSync.IntegrationTests.Cli.JsonSchemas.AssertValid(OctoSync.IntegrationTests.Cli.JsonSchemas.Promote, output);
        var document = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("refused", document["outcome"]!.GetValue<string>());
        Assert.Equal("Missing", document["packages"]![0]!["status"]!.GetValue<string>());
        Assert.Contains("OctoFx.Web 1.4.2", document["problems"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_release_or_a_missing_option_is_an_error_that_names_it()
    {
        await using var instances = await SyncedWithReleaseAsync();

        var (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", "9.9.9", "--yes");
        var (missingExit, missingOutput) = await instances.RunAsync("promote", "--project", "OctoFx");
        var (typoExit, typoOutput) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--deploy", "Production");

        Assert.Equal(1, exit);
        Assert.Contains("The source has no release '9.9.9' of project 'OctoFx'.", output, StringComparison.Ordinal);
        Assert.Equal(1, missingExit);
        Assert.Contains("--release is required", missingOutput, StringComparison.Ordinal);
        Assert.Equal(1, typoExit);
        Assert.Contains("--deploy", typoOutput, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task Help_lists_the_options_and_examples()
    {
        var console = new TestConsole().Width(200);

        var exit = await OctoSync.Cli.CliApp.RunAsync(["promote", "--help"], console);

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--project", "--release", "--destination", "--channel", "--deploy-to", "--yes", "--output" })
        {
            Assert.Contains(option, console.Output, StringComparison.Ordinal);
        }

        Assert.Contains("promote --project OctoFx --release 1.4.2 --destination prod --deploy-to Production --yes", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CI_recipe_syncs_then_promotes_and_a_second_run_changes_nothing()
    {
        // docs/promote.md, "CI recipe": apply, plan --detailed-exitcode, promote --deploy-to (a source name) --output json.
        await using var instances = await TwoInstances.StartAsync();
        await CreateSourceReleaseAsync(instances, Version);
        await PushToBuiltInFeedAsync(instances, $"OctoFx.Web.{Version}.zip");

        string[] runs = ["first", "second"];
        foreach (var run in runs)
        {
            var (exit, output) = await instances.RunAsync("apply", "--destination", "staging-production", "--yes");
            Assert.True(exit == 0, $"{run} apply: {output}");
            (exit, output) = await instances.RunAsync("plan", "--destination", "staging-production", "--detailed-exitcode");
            Assert.True(exit == 0, $"{run} plan: {output}");
            instances.Destination.ClearRequestLog();
            (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version,
                "--destination", "staging-production", "--deploy-to", "Test", "--yes", "--output", "json");
            Assert.True(exit == 0, $"{run} promote: {output}");
            var document = JsonNode.Parse(output)!.AsObject();
            Assert.Equal(run == "first" ? "promoted" : "unchanged", document["outcome"]!.GetValue<string>());
            Assert.Equal(run == "first" ? 2 : 0, instances.DestinationWrites().Count);
        }
    }

    [Fact]
    public async Task A_package_from_an_external_feed_is_checked_in_the_destination_feed_of_the_same_name()
    {
        await using var instances = await TwoInstances.StartAsync();
        var feed = await instances.SourceClient.CreateAsync("feeds", new JsonObject
        {
            ["Name"] = "Artifactory", ["FeedType"] = "NuGet", ["FeedUri"] = "https://artifactory.example/api/nuget/v3/octofx",
        });
        var project = await ProjectAsync(instances.SourceClient);
        var process = await instances.SourceClient.GetAsync($"deploymentprocesses/{project.Str("DeploymentProcessId")}");
        process.Arr("Steps").Add(new JsonObject
        {
            ["Name"] = "Deploy OctoFx API",
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Name"] = "Deploy OctoFx API",
                ["ActionType"] = "Octopus.TentaclePackage",
                ["Properties"] = new JsonObject { ["Octopus.Action.Package.PackageId"] = "OctoFx.Api", ["Octopus.Action.Package.FeedId"] = feed.Id() },
                ["Packages"] = new JsonArray(new JsonObject { ["Name"] = "", ["PackageId"] = "OctoFx.Api", ["FeedId"] = feed.Id() }),
            }),
        });
        await instances.SourceClient.UpdateAsync($"deploymentprocesses/{process.Id()}", process);
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        await instances.SourceClient.CreateAsync("releases", new JsonObject
        {
            ["ProjectId"] = project.Id(),
            ["Version"] = Version,
            ["SelectedPackages"] = new JsonArray(
                new JsonObject { ["ActionName"] = "Deploy OctoFx web", ["Version"] = Version },
                new JsonObject { ["ActionName"] = "Deploy OctoFx API", ["Version"] = "3.1.0" }),
        });
        await PushToBuiltInFeedAsync(instances, $"OctoFx.Web.{Version}.zip");

        (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");
        Assert.Equal(1, exit);
        Assert.Contains("Package OctoFx.Api 3.1.0 (step 'Deploy OctoFx API') is not in feed 'Artifactory' on staging-production.", output, StringComparison.Ordinal);

        instances.Destination.Packages.Add("Artifactory", "OctoFx.Api", "3.1.0");
        (exit, output) = await instances.RunAsync("promote", "--project", "OctoFx", "--release", Version, "--yes");
        Assert.True(exit == 0, output);
        Assert.Contains("OctoFx.Api 3.1.0 (Deploy OctoFx API): in feed 'Artifactory'", output, StringComparison.Ordinal);
        var release = await DestinationReleaseAsync(instances, Version);
        Assert.Equal([Version, "3.1.0"], release!.Arr("SelectedPackages").Objects().Select(p => p.Str("Version")!).Order(StringComparer.Ordinal));
    }
}
