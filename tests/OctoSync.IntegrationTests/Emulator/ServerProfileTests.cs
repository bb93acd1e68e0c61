using System.Net;
using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.IntegrationTests.Conformance;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Server profiles (docs/emulator.md "Server profiles"): each version's root, routes, shapes and defaults.</summary>
public sealed class ServerProfileTests
{
    private static Task<EmulatorSession> StartAsync(string version) =>
        EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = version, RateLimitPerMinute = 0 });

    [Theory]
    [InlineData("2021.2", "2021.2.4488")]
    [InlineData("2024.3", "2024.3.12985")]
    [InlineData("2026.3", "2026.3.0")]
    public async Task Root_reports_the_profile_version(string profile, string version)
    {
        await using var session = await StartAsync(profile);

        var root = await session.GetObjectAsync("/api");

        Assert.Equal(version, (string?)root["Version"]);
        Assert.Equal("3.0.0", (string?)root["ApiVersion"]);
    }

    [Fact]
    public void Default_profile_is_2024_3_and_unknown_versions_are_refused()
    {
        Assert.Equal("2024.3", new EmulatorOptions().ServerVersion);
        Assert.Same(ServerProfile.V2026_3, ServerProfile.Find("2026.3.0"));
        var error = Assert.Throws<ArgumentException>(() => ServerProfile.Parse("2019.7"));
        Assert.Contains("2021.2, 2024.3, 2026.3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_2026_3_server_has_its_rate_limit_on_and_an_explicit_limit_wins()
    {
        await using var fresh = await EmulatorServer.StartAsync(new EmulatorOptions { ServerVersion = "2026.3" });
        await using var off = await EmulatorServer.StartAsync(new EmulatorOptions { ServerVersion = "2026.3", RateLimitPerMinute = 0 });
        await using var older = await EmulatorServer.StartAsync(new EmulatorOptions { ServerVersion = "2024.3" });

        Assert.Equal(200, fresh.RateLimitPerMinute);
        Assert.Equal(0, off.RateLimitPerMinute);
        Assert.Equal(0, older.RateLimitPerMinute);
    }

    [Fact]
    public async Task The_2021_2_server_lacks_the_2022_routes_and_slugs_beyond_projects()
    {
        await using var session = await StartAsync("2021.2");
        var project = await session.CreateProjectAsync("OctoFx");
        var environment = await session.CreateEnvironmentAsync("Dev");

        await session.GetAsync($"/api/Spaces-1/projects/{project["Id"]}/variables", HttpStatusCode.NotFound);
        await session.GetAsync("/api/Spaces-1/environments/dev", HttpStatusCode.NotFound);
        await session.GetAsync("/api/Spaces-1/projects/octofx"); // projects have slugs in 2021.2
        Assert.False(environment.ContainsKey("Slug"));
        Assert.Equal("octofx", (string?)project["Slug"]);
    }

    [Fact]
    public async Task The_2024_3_server_serves_project_variables_and_environments_by_slug()
    {
        await using var session = await StartAsync("2024.3");
        var project = await session.CreateProjectAsync("OctoFx");
        await session.CreateEnvironmentAsync("Dev");

        var variables = await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/variables");
        var environment = await session.GetObjectAsync("/api/Spaces-1/environments/dev");

        Assert.Equal(project["VariableSetId"]!.ToString(), (string?)variables["Id"]);
        Assert.Equal("Dev", (string?)environment["Name"]);
    }

    [Theory]
    [InlineData("2021.2", 2)]
    [InlineData("2024.3", 1)]
    public async Task Runbook_processes_honour_ids_only_where_the_version_has_the_filter(string profile, int expected)
    {
        await using var session = await StartAsync(profile);
        var project = await session.CreateProjectAsync("OctoFx");
        var first = await session.PostAsync($"/api/Spaces-1/projects/{project["Id"]}/runbooks", new JsonObject { ["Name"] = "One" });
        await session.PostAsync($"/api/Spaces-1/projects/{project["Id"]}/runbooks", new JsonObject { ["Name"] = "Two" });

        var page = await session.GetObjectAsync($"/api/Spaces-1/runbookProcesses?ids={first["RunbookProcessId"]}");

        Assert.Equal(expected, page["Items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("2021.2")]
    [InlineData("2026.3")]
    public async Task Deployment_settings_are_their_own_resource_mirrored_on_the_project(string profile)
    {
        await using var session = await StartAsync(profile);
        var project = await session.CreateProjectAsync("OctoFx");
        var settings = await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/deploymentsettings");
        settings["ReleaseNotesTemplate"] = "Notes for #{Octopus.Release.Number}";
        settings["DefaultGuidedFailureMode"] = "on"; // enum case is normalised

        var saved = await session.PutAsync((string)settings["Links"]!["Self"]!, settings);
        var reread = await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}");

        Assert.Equal($"deploymentsettings-{project["Id"]}", (string?)saved["Id"]);
        Assert.Equal("On", (string?)saved["DefaultGuidedFailureMode"]);
        Assert.Equal("Notes for #{Octopus.Release.Number}", (string?)reread["ReleaseNotesTemplate"]);
        Assert.Equal("On", (string?)reread["DefaultGuidedFailureMode"]);
    }

    [Fact]
    public async Task Whole_resources_carry_the_server_defaults_of_nested_objects()
    {
        await using var session = await StartAsync("2024.3");
        await ProfileConformanceTests.SeedOneOfEachAsync(session);

        var lifecycle = await session.GetObjectAsync("/api/Spaces-1/lifecycles/Lifecycles-2");
        var process = await session.GetObjectAsync("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1");
        var runbook = await session.GetObjectAsync("/api/Spaces-1/runbooks/Runbooks-1");
        var policy = await session.GetObjectAsync("/api/Spaces-1/machinepolicies/MachinePolicies-2");
        var machine = await session.GetObjectAsync("/api/Spaces-1/machines/Machines-1");

        var phase = lifecycle["Phases"]![0]!;
        Assert.True(phase.AsObject().ContainsKey("ReleaseRetentionPolicy"));
        Assert.Null(phase["ReleaseRetentionPolicy"]); // inherits the lifecycle's
        Assert.False((bool)phase["IsOptionalPhase"]!);
        var step = process["Steps"]![0]!;
        var action = step["Actions"]![0]!;
        Assert.Equal("Success", (string?)step["Condition"]);
        Assert.Equal("StartAfterPrevious", (string?)step["StartTrigger"]);
        Assert.Equal("LetOctopusDecide", (string?)step["PackageRequirement"]);
        Assert.Equal("run", (string?)step["Slug"]);
        Assert.Empty(action["Environments"]!.AsArray());
        Assert.False((bool)action["IsDisabled"]!);
        Assert.Null(action["Container"]!["Image"]);
        Assert.Equal(100, (int)runbook["RunRetentionPolicy"]!["QuantityToKeep"]!);
        Assert.Equal("None", (string?)runbook["ConnectivityPolicy"]!["SkipMachineBehavior"]);
        Assert.Equal("ExpectedToBeOnline", (string?)policy["MachineConnectivityPolicy"]!["MachineConnectivityBehavior"]);
        Assert.Equal("Unknown", (string?)machine["Status"]);
        Assert.Equal("Unknown", (string?)machine["HealthStatus"]);
    }

    [Fact]
    public async Task Inputs_are_normalised_or_rejected_like_a_typed_server()
    {
        await using var session = await StartAsync("2024.3");
        var project = await session.CreateProjectAsync("OctoFx");
        var process = await session.GetObjectAsync((string)project["Links"]!["DeploymentProcess"]!);
        process["Steps"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Run",
            ["Condition"] = "success",
            ["Properties"] = new JsonObject { ["Octopus.Action.TargetRoles"] = "web" },
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Name"] = "Run",
                ["ActionType"] = "Octopus.Script",
                ["IsDisabled"] = "true",
                ["Properties"] = new JsonObject { ["Octopus.Action.RunOnServer"] = true, ["Attempts"] = 3 },
            }),
        });

        var saved = await session.PutAsync((string)process["Links"]!["Self"]!, process);
        var environment = new JsonObject { ["Name"] = "Odd", ["UseGuidedFailure"] = new JsonObject() };
        var rejected = await session.PostAsync("/api/Spaces-1/environments", environment, HttpStatusCode.BadRequest);

        var action = saved["Steps"]![0]!["Actions"]![0]!;
        Assert.Equal("Success", (string?)saved["Steps"]![0]!["Condition"]);
        Assert.True((bool)action["IsDisabled"]!);
        Assert.Equal("true", (string?)action["Properties"]!["Octopus.Action.RunOnServer"]);
        Assert.Equal("3", (string?)action["Properties"]!["Attempts"]);
        Assert.Contains("UseGuidedFailure: expected a boolean", rejected.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_facts_are_computed_from_the_uploaded_pfx_and_bad_data_is_refused()
    {
        await using var session = await StartAsync("2024.3");

        var created = await session.PostAsync("/api/Spaces-1/certificates", new JsonObject
        {
            ["Name"] = "TLS",
            ["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = ProfileConformanceTests.PfxBase64("web.example", "pw") },
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "pw" },
        });
        var refused = await session.PostAsync("/api/Spaces-1/certificates", new JsonObject
        {
            ["Name"] = "Junk",
            ["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = Convert.ToBase64String("not a certificate"u8.ToArray()) },
        }, HttpStatusCode.BadRequest);

        Assert.Equal("web.example", (string?)created["SubjectCommonName"]);
        Assert.Equal("Conformance", (string?)created["SubjectOrganization"]);
        Assert.Equal("Pkcs12", (string?)created["CertificateDataFormat"]);
        Assert.True((bool)created["HasPrivateKey"]!);
        Assert.True((bool)created["SelfSigned"]!);
        Assert.Equal(40, ((string?)created["Thumbprint"])!.Length);
        Assert.False((bool)created["IsExpired"]!);
        Assert.Contains("could not be read", refused.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validations_and_delete_guards_of_a_real_server()
    {
        await using var session = await StartAsync("2024.3");
        var project = await session.CreateProjectAsync("OctoFx");
        var environment = await session.CreateEnvironmentAsync("Dev");
        await session.PostAsync("/api/Spaces-1/machines", new JsonObject
        {
            ["Name"] = "web-01",
            ["EnvironmentIds"] = new JsonArray(environment["Id"]!.ToString()),
            ["Roles"] = new JsonArray("web"),
            ["Endpoint"] = new JsonObject { ["CommunicationStyle"] = "None" },
        });
        var tagSet = await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject { ["Name"] = "Region", ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }) });
        await session.PostAsync("/api/Spaces-1/tenants", new JsonObject { ["Name"] = "Acme", ["TenantTags"] = new JsonArray("Region/EU") });
        var variables = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);

        variables["Variables"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Ask", ["Value"] = "", ["Type"] = "String",
            ["Prompt"] = new JsonObject { ["Label"] = "Ask" },
            ["Scope"] = new JsonObject { ["Role"] = new JsonArray("web") },
        });
        var prompted = await session.PutAsync((string)variables["Links"]!["Self"]!, variables, HttpStatusCode.BadRequest);
        variables["Variables"] = new JsonArray(new JsonObject { ["Name"] = "NoType", ["Value"] = "x" });
        var untyped = await session.PutAsync((string)variables["Links"]!["Self"]!, variables, HttpStatusCode.InternalServerError);
        tagSet["Tags"] = new JsonArray();
        var tagInUse = await session.PutAsync((string)tagSet["Links"]!["Self"]!, tagSet, HttpStatusCode.BadRequest);
        var environmentInUse = await session.SendAsync(HttpMethod.Delete, (string)environment["Links"]!["Self"]!, null, HttpStatusCode.BadRequest);

        Assert.Contains("Prompted variables cannot be scoped to anything except an environment.", prompted.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("NullReferenceException", untyped.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Region/EU", tagInUse.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Machine", environmentInUse.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("2021.2")]
    [InlineData("2024.3")]
    [InlineData("2026.3")]
    public async Task Only_2026_3_has_tag_set_scopes_and_type_and_environment_project_runbook_tags(string profile)
    {
        await using var session = await StartAsync(profile);
        var later = profile == "2026.3";

        var tagSet = await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject { ["Name"] = "Region", ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }) });
        var singleSelect = later
            ? await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject { ["Name"] = "Tier", ["Type"] = "SingleSelect", ["Scopes"] = new JsonArray("Environment", "Project") })
            : null;
        var environment = await session.CreateEnvironmentAsync("Dev");
        var project = await session.CreateProjectAsync("Web");
        var runbook = await session.PostAsync($"/api/Spaces-1/projects/{project["Id"]}/runbooks", new JsonObject { ["Name"] = "Restart" });

        Assert.Equal(later, tagSet.AsObject().ContainsKey("Scopes"));
        Assert.Equal(later, environment.ContainsKey("EnvironmentTags"));
        Assert.Equal(later, project.ContainsKey("ProjectTags"));
        Assert.Equal(later, runbook.AsObject().ContainsKey("RunbookTags"));
        if (later)
        {
            // OctopusClients TagSetResource's constructor (fd18fb2f): Scopes ["Tenant"], Type "MultiSelect"; IsSystem (18dbfe48).
            Assert.Equal(["Tenant"], tagSet["Scopes"]!.AsArray().Select(v => (string?)v));
            Assert.Equal("MultiSelect", (string?)tagSet["Type"]);
            Assert.False((bool?)tagSet["IsSystem"]);
            Assert.Equal("SingleSelect", (string?)singleSelect!["Type"]);
            Assert.Equal(["Environment", "Project"], singleSelect["Scopes"]!.AsArray().Select(v => (string?)v));
            Assert.Empty(environment["EnvironmentTags"]!.AsArray());
            Assert.Empty(project["ProjectTags"]!.AsArray());
            Assert.Empty(runbook["RunbookTags"]!.AsArray());
        }
    }

    [Fact]
    public async Task Sort_order_routes_reorder_and_a_literal_sub_route_is_not_an_id()
    {
        await using var session = await StartAsync("2021.2");
        var dev = await session.CreateEnvironmentAsync("Dev");
        var test = await session.CreateEnvironmentAsync("Test");

        await session.PutAsync("/api/Spaces-1/environments/sortorder", new JsonArray(test["Id"]!.ToString(), dev["Id"]!.ToString()));
        var all = await session.GetAsync("/api/Spaces-1/environments/all");
        await session.GetAsync("/api/Spaces-1/environments/sortorder", HttpStatusCode.MethodNotAllowed);

        Assert.Equal(["Test", "Dev"], all.AsArray().Select(e => (string?)e!["Name"]));
    }

    [Theory]
    [InlineData("2021.2")]
    [InlineData("2024.3")]
    [InlineData("2026.3")]
    public async Task Every_advertised_link_answers(string profile)
    {
        await using var session = await StartAsync(profile);
        await ProfileConformanceTests.SeedOneOfEachAsync(session);

        var (followed, failures) = await LinkCrawler.CrawlAsync(session);

        Assert.True(followed > 100, $"only {followed} links followed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {followed} links failed: {string.Join("; ", failures)}");
    }
}
