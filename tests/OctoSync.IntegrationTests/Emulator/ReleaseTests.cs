using System.Net;
using System.Text.Json.Nodes;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>
/// Releases, their snapshots, deployments, tasks and feed package versions (Swagger 2021.2 paths and definitions;
/// duplicate-version text from OctopusDeploy/Issues#888 and #5736; missing-package text from #1013; snapshot ids from the
/// API notes §2.5).
/// </summary>
public sealed class ReleaseTests
{
    private static async Task<(EmulatorSession Session, JsonObject Project)> ProjectWithPackageStepAsync(string profile = "2024.3")
    {
        var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = profile, RateLimitPerMinute = 0 });
        var project = await session.CreateProjectAsync("Web");
        var process = await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}");
        process["Steps"] = new JsonArray(
            Step("Deploy web", new JsonObject { ["Name"] = "", ["PackageId"] = "Acme.Web", ["FeedId"] = "feeds-builtin" }),
            Step("Notify", null));
        await session.PutAsync($"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}", process);
        return (session, project);
    }

    private static JsonObject Step(string name, JsonObject? package) => new()
    {
        ["Name"] = name,
        ["Actions"] = new JsonArray(new JsonObject
        {
            ["Name"] = name,
            ["ActionType"] = "Octopus.Script",
            ["Properties"] = new JsonObject { ["Octopus.Action.Script.ScriptBody"] = "echo hi" },
            ["Packages"] = package is null ? new JsonArray() : new JsonArray(package),
        }),
    };

    private static JsonObject Release(JsonObject project, string version, string? packageVersion = "1.2.3") => new()
    {
        ["ProjectId"] = project["Id"]!.GetValue<string>(),
        ["Version"] = version,
        ["ReleaseNotes"] = "Tested in Test.",
        ["SelectedPackages"] = packageVersion is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["ActionName"] = "Deploy web", ["PackageReferenceName"] = "", ["Version"] = packageVersion }),
    };

    [Fact]
    public async Task A_release_is_created_on_the_default_channel_with_its_packages_and_found_by_id_version_project_and_channel()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;

        var created = (JsonObject)await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));

        var id = created["Id"]!.GetValue<string>();
        Assert.Equal("Releases-1", id);
        var channel = (await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/channels"))["Items"]![0]!;
        Assert.Equal(channel["Id"]!.GetValue<string>(), created["ChannelId"]!.GetValue<string>());
        var selected = created["SelectedPackages"]![0]!;
        Assert.Equal("1.2.3", selected["Version"]!.GetValue<string>());
        Assert.Equal("Deploy web", selected["StepName"]!.GetValue<string>());
        Assert.Equal("Tested in Test.", created["ReleaseNotes"]!.GetValue<string>());
        Assert.Equal(id, (await session.GetObjectAsync($"/api/Spaces-1/releases/{id}"))["Id"]!.GetValue<string>());
        Assert.Equal(id, (await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/releases/1.0.0"))["Id"]!.GetValue<string>());
        Assert.Equal(1, (await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/releases"))["TotalResults"]!.GetValue<int>());
        Assert.Equal(1, (await session.GetObjectAsync($"/api/Spaces-1/channels/{channel["Id"]}/releases"))["TotalResults"]!.GetValue<int>());
        Assert.Equal(1, (await session.GetObjectAsync("/api/Spaces-1/releases"))["TotalResults"]!.GetValue<int>());
        await session.GetAsync($"/api/Spaces-1/projects/{project["Id"]}/releases/9.9.9", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Release_lists_are_newest_first_and_searchByVersion_is_a_contains_match()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));
        await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.1.0"));
        await session.PostAsync("/api/Spaces-1/releases", Release(project, "2.0.0"));

        var all = await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/releases");
        var found = await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/releases?searchByVersion=1.");

        Assert.Equal(["2.0.0", "1.1.0", "1.0.0"], all["Items"]!.AsArray().Select(r => r!["Version"]!.GetValue<string>()));
        Assert.Equal(["1.1.0", "1.0.0"], found["Items"]!.AsArray().Select(r => r!["Version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_version_is_unique_per_project_with_the_real_servers_words()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));
        var other = await session.CreateProjectAsync("Api");
        await session.PostAsync("/api/Spaces-1/releases", new JsonObject { ["ProjectId"] = other["Id"]!.GetValue<string>(), ["Version"] = "1.0.0" });

        var error = await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"), HttpStatusCode.BadRequest);

        Assert.Contains("Release '1.0.0' already exists for this project. Please use a different version, or look at using a mask to auto-increment the number.",
            error["Errors"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task A_release_needs_a_version_for_every_package_step_and_a_channel_of_its_project()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        var other = await session.CreateProjectAsync("Api");
        var otherChannel = (await session.GetObjectAsync($"/api/Spaces-1/projects/{other["Id"]}/channels"))["Items"]![0]!["Id"]!.GetValue<string>();

        var missing = await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0", packageVersion: null), HttpStatusCode.BadRequest);
        var wrongChannel = Release(project, "1.0.1");
        wrongChannel["ChannelId"] = otherChannel;
        var channelError = await session.PostAsync("/api/Spaces-1/releases", wrongChannel, HttpStatusCode.BadRequest);

        Assert.Contains("No package version was specified for the step 'Deploy web'.", missing["Errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains(otherChannel, channelError["Errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_release_keeps_the_process_and_variables_it_was_created_from()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        var processPath = $"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}";

        var release = (JsonObject)await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));
        var process = await session.GetObjectAsync(processPath);
        process["Steps"]!.AsArray().RemoveAt(1);
        await session.PutAsync(processPath, process);

        var snapshotId = release["ProjectDeploymentProcessSnapshotId"]!.GetValue<string>();
        Assert.Matches($"^{project["DeploymentProcessId"]}-s-1-[A-Z]{{5}}$", snapshotId);
        var snapshot = await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{snapshotId}");
        Assert.Equal(["Deploy web", "Notify"], snapshot["Steps"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>()));
        Assert.Single((await session.GetObjectAsync(processPath))["Steps"]!.AsArray());
        Assert.Equal(snapshotId, (await session.GetObjectAsync(processPath))["LastSnapshotId"]!.GetValue<string>());
        var variables = await session.GetObjectAsync($"/api/Spaces-1/variables/{release["ProjectVariableSetSnapshotId"]}");
        Assert.Equal(project["Id"]!.GetValue<string>(), variables["OwnerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deployment_queues_a_server_task_that_has_run_when_read_again()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        var environment = await session.CreateEnvironmentAsync("Production");
        var release = (JsonObject)await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));

        var deployment = (JsonObject)await session.PostAsync("/api/Spaces-1/deployments", new JsonObject
        {
            ["ReleaseId"] = release["Id"]!.GetValue<string>(),
            ["EnvironmentId"] = environment["Id"]!.GetValue<string>(),
        });

        Assert.Equal("Deployments-1", deployment["Id"]!.GetValue<string>());
        Assert.Equal("Deploy to Production", deployment["Name"]!.GetValue<string>());
        Assert.Equal(release["ProjectDeploymentProcessSnapshotId"]!.GetValue<string>(), deployment["DeploymentProcessId"]!.GetValue<string>());
        var taskId = deployment["TaskId"]!.GetValue<string>();
        Assert.Equal("ServerTasks-1", taskId);
        var first = await session.GetObjectAsync($"/api/Spaces-1/tasks/{taskId}");
        var second = await session.GetObjectAsync($"/api/Spaces-1/tasks/{taskId}");
        Assert.Equal("Queued", first["State"]!.GetValue<string>());
        Assert.Equal("Success", second["State"]!.GetValue<string>());
        Assert.True(second["IsCompleted"]!.GetValue<bool>());
        Assert.Equal($"Deploy Web release 1.0.0 to Production", second["Description"]!.GetValue<string>());
        Assert.Equal(1, (await session.GetObjectAsync($"/api/Spaces-1/releases/{release["Id"]}/deployments"))["TotalResults"]!.GetValue<int>());
        Assert.Equal(1, (await session.GetObjectAsync($"/api/Spaces-1/deployments?environments={environment["Id"]}"))["TotalResults"]!.GetValue<int>());
        Assert.Equal(0, (await session.GetObjectAsync("/api/Spaces-1/deployments?environments=Environments-999"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_deployment_to_an_environment_outside_the_lifecycle_is_refused()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        var test = await session.CreateEnvironmentAsync("Test");
        var production = await session.CreateEnvironmentAsync("Production");
        var lifecycle = await session.GetObjectAsync("/api/Spaces-1/lifecycles/Lifecycles-1");
        lifecycle["Phases"] = new JsonArray(new JsonObject { ["Name"] = "Test", ["OptionalDeploymentTargets"] = new JsonArray(test["Id"]!.GetValue<string>()) });
        await session.PutAsync("/api/Spaces-1/lifecycles/Lifecycles-1", lifecycle);
        var release = (JsonObject)await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));

        var error = await session.PostAsync("/api/Spaces-1/deployments", new JsonObject
        {
            ["ReleaseId"] = release["Id"]!.GetValue<string>(),
            ["EnvironmentId"] = production["Id"]!.GetValue<string>(),
        }, HttpStatusCode.BadRequest);

        Assert.Contains("not in the lifecycle", error["Errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await session.GetObjectAsync("/api/Spaces-1/tasks"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Feed_package_versions_list_what_the_feed_holds_newest_first()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        var feed = (JsonObject)await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "NuGet", ["FeedType"] = "NuGet", ["FeedUri"] = "https://nuget.example/v3/index.json" });
        session.Server.Packages.Add("NuGet", "Acme.Web", "1.9.0");
        session.Server.Packages.Add(feed["Id"]!.GetValue<string>(), "Acme.Web", "1.10.0");
        session.Server.Packages.Add("NuGet", "Acme.Web", "1.10.0-beta");
        session.Server.Packages.Add("feeds-builtin", "Acme.Web", "3.0.0");

        var versions = await session.GetObjectAsync($"/api/Spaces-1/feeds/{feed["Id"]}/packages/versions?packageId=acme.web");
        var none = await session.GetObjectAsync($"/api/Spaces-1/feeds/{feed["Id"]}/packages/versions?packageId=Other");
        await session.GetAsync($"/api/Spaces-1/feeds/{feed["Id"]}/packages/versions", HttpStatusCode.BadRequest);

        Assert.Equal(["1.10.0", "1.10.0-beta", "1.9.0"], versions["Items"]!.AsArray().Select(v => v!["Version"]!.GetValue<string>()));
        Assert.Equal("PackageVersion", versions["ItemType"]!.GetValue<string>());
        Assert.Equal(0, none["TotalResults"]!.GetValue<int>());
        Assert.Throws<ArgumentException>(() => session.Server.Packages.Add("No such feed", "Acme.Web", "1.0.0"));
    }

    [Fact]
    public async Task The_process_template_lists_the_packages_and_the_last_release()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.4"));

        var template = await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}/template");

        Assert.Equal("1.0.4", template["LastReleaseVersion"]!.GetValue<string>());
        Assert.Equal("1.0.5", template["NextVersionIncrement"]!.GetValue<string>());
        var package = Assert.Single(template["Packages"]!.AsArray())!;
        Assert.Equal("Acme.Web", package["PackageId"]!.GetValue<string>());
        Assert.Equal("1.2.3", package["VersionSelectedLastRelease"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_release_deletes_its_deployments()
    {
        var (session, project) = await ProjectWithPackageStepAsync();
        await using var _ = session;
        var environment = await session.CreateEnvironmentAsync("Test");
        var release = (JsonObject)await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));
        await session.PostAsync("/api/Spaces-1/deployments", new JsonObject { ["ReleaseId"] = release["Id"]!.GetValue<string>(), ["EnvironmentId"] = environment["Id"]!.GetValue<string>() });

        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/releases/{release["Id"]}", null, HttpStatusCode.OK);

        Assert.Equal(0, (await session.GetObjectAsync("/api/Spaces-1/deployments"))["TotalResults"]!.GetValue<int>());
        await session.GetAsync($"/api/Spaces-1/releases/{release["Id"]}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("2021.2")]
    [InlineData("2024.3")]
    [InlineData("2026.3")]
    public async Task Releases_deployments_and_tasks_return_their_whole_definitions_and_every_link_answers(string profileName)
    {
        var (session, project) = await ProjectWithPackageStepAsync(profileName);
        await using var _ = session;
        var profile = ServerProfile.Parse(profileName);
        var environment = await session.CreateEnvironmentAsync("Test");
        var release = (JsonObject)await session.PostAsync("/api/Spaces-1/releases", Release(project, "1.0.0"));
        var deployment = (JsonObject)await session.PostAsync("/api/Spaces-1/deployments", new JsonObject { ["ReleaseId"] = release["Id"]!.GetValue<string>(), ["EnvironmentId"] = environment["Id"]!.GetValue<string>() });
        session.Server.Packages.Add("feeds-builtin", "Acme.Web", "1.2.3");

        var samples = new (string Definition, JsonObject Sample)[]
        {
            ("ReleaseResource", await session.GetObjectAsync($"/api/Spaces-1/releases/{release["Id"]}")),
            ("SelectedPackage", (JsonObject)release["SelectedPackages"]![0]!),
            ("DeploymentResource", await session.GetObjectAsync($"/api/Spaces-1/deployments/{deployment["Id"]}")),
            ("TaskResource", await session.GetObjectAsync($"/api/Spaces-1/tasks/{deployment["TaskId"]}")),
            ("DeploymentProcessResource", await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{release["ProjectDeploymentProcessSnapshotId"]}")),
            ("PackageVersionResource", (JsonObject)(await session.GetObjectAsync("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Acme.Web"))["Items"]![0]!),
            ("ReleaseTemplateResource", await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}/template")),
            ("ReleaseTemplatePackage", (JsonObject)(await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}/template"))["Packages"]![0]!),
        };
        foreach (var (definition, sample) in samples)
        {
            var (unknown, missing) = Conformance.ProfileConformanceTests.Compare(sample, Conformance.ProfileConformanceTests.Expected(definition, profile), []);
            Assert.True(unknown.Count == 0, $"{profileName} {definition}: returned but not in the definition: {string.Join(", ", unknown)}");
            Assert.True(missing.Count == 0, $"{profileName} {definition}: in the definition but not returned: {string.Join(", ", missing)}");
        }

        var (followed, failures) = await LinkCrawler.CrawlAsync(session);
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.True(followed > 20);
    }

    private static async Task<(HttpStatusCode Status, JsonObject? Body)> UploadAsync(EmulatorSession session, string fileName, string query = "")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        content.Add(file, "fileData", fileName);
        using var response = await session.Http.PostAsync(new Uri("api/Spaces-1/packages/raw" + query, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    [Fact]
    public async Task A_package_pushed_to_the_built_in_feed_is_listed_with_its_versions_and_a_second_push_is_409()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });

        var (status, package) = await UploadAsync(session, "Acme.Web.1.2.3.zip");
        var (again, _) = await UploadAsync(session, "Acme.Web.1.2.3.zip");
        var (ignored, _) = await UploadAsync(session, "Acme.Web.1.2.3.zip", "?overwriteMode=IgnoreIfExists");
        var (replaced, _) = await UploadAsync(session, "Acme.Web.1.2.3.zip", "?replace=true");
        var (badName, error) = await UploadAsync(session, "Acme.Web.zip");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("packages-Acme.Web.1.2.3", "Acme.Web", "1.2.3", ".zip", 22), (package!["Id"]!.GetValue<string>(), package["PackageId"]!.GetValue<string>(),
            package["Version"]!.GetValue<string>(), package["FileExtension"]!.GetValue<string>(), package["PackageSizeBytes"]!.GetValue<int>()));
        Assert.Equal(40, package["Hash"]!.GetValue<string>().Length);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest), (again, ignored, replaced, badName));
        Assert.Contains("Acme.Web.zip", error!["Errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var versions = await session.GetObjectAsync("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Acme.Web");
        Assert.Equal("1.2.3", Assert.Single(versions["Items"]!.AsArray())!["Version"]!.GetValue<string>());
        Assert.Equal(1, (await session.GetObjectAsync("/api/Spaces-1/packages"))["TotalResults"]!.GetValue<int>());
        Assert.Equal(1, (await session.GetObjectAsync("/api/Spaces-1/feeds/stats"))["TotalPackages"]!.GetValue<int>());
        Assert.Equal("Acme.Web", (await session.GetObjectAsync("/api/Spaces-1/packages/packages-Acme.Web.1.2.3"))["PackageId"]!.GetValue<string>());
        var (unknown, missing) = Conformance.ProfileConformanceTests.Compare(package, Conformance.ProfileConformanceTests.Expected("PackageFromBuiltInFeedResource", ServerProfile.Default), []);
        Assert.True(unknown.Count == 0 && missing.Count == 0, $"unknown: {string.Join(", ", unknown)}; missing: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("Acme.Web.1.2.3.zip", "Acme.Web", "1.2.3")]
    [InlineData("Acme.Web.1.2.3-beta.1.tar.gz", "Acme.Web", "1.2.3-beta.1")]
    [InlineData("OctoFx.Web.2024.3.1.nupkg", "OctoFx.Web", "2024.3.1")]
    [InlineData("acme-api.10.0.0.tgz", "acme-api", "10.0.0")]
    public void A_package_file_name_gives_its_id_and_version(string fileName, string packageId, string version)
    {
        var parsed = OctoSync.Emulator.Handlers.PackageUploadHandler.Parse(fileName);

        Assert.Equal((packageId, version), (parsed?.PackageId, parsed?.Version));
    }
}
