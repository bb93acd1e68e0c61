using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.IntegrationTests.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>
/// Every server profile against the real Swagger 2021.2.4488, in both directions: each property a resource returns is
/// in its definition (plus what later versions added, listed here with their sources), AND each property of the
/// definition is returned. Routes: every route a profile serves is in the Swagger or a documented later addition.
/// </summary>
public sealed class ProfileConformanceTests
{
    /// <summary>
    /// Properties later than 2021.2: Slug on every named resource (notes §2.5; steps/actions 2023–2024, notes §2.10),
    /// tenant IsDisabled (2024–2026 generated API docs, notes §3.12). The 2021.2 Swagger has Slug on projects only.
    /// </summary>
    private static readonly string[] SlugDefinitions =
    [
        "EnvironmentResource", "LifecycleResource", "ProjectGroupResource", "ChannelResource", "TenantResource", "RunbookResource",
        "FeedResource", "WorkerPoolResource", "SpaceResource", "AccountResource", "DeploymentTargetResource", "WorkerResource",
        "DeploymentStepResource", "DeploymentActionResource",
    ];

    /// <summary>
    /// 2026.3 additions (notes §2.10): TagSet Scopes/Type (OctopusClients TagSetResource fd18fb2f, 2025-09; go-octopusdeploy
    /// tagsets af68fe6f) and IsSystem (18dbfe48, 2026-02); EnvironmentTags (3cfc10c1, 2025-09), ProjectTags (1965efd8,
    /// 2025-10), RunbookTags (550ae87d, 2026-01).
    /// </summary>
    private static readonly Dictionary<string, string[]> Added2026 = new()
    {
        ["TagSetResource"] = ["Scopes", "Type", "IsSystem"],
        ["EnvironmentResource"] = ["EnvironmentTags"],
        ["ProjectResource"] = ["ProjectTags"],
        ["RunbookResource"] = ["RunbookTags"],
    };

    /// <summary>Routes later than 2021.2 (notes §2.10): project variables (2022+), tenant variables v2 (self-hosted 2025.2+, docs/emulator.md).</summary>
    private static readonly HashSet<(string, string)> LaterRoutes =
    [
        ("GET", "/{}/projects/{}/variables"), ("PUT", "/{}/projects/{}/variables"),
        ("GET", "/projects/{}/variables"), ("PUT", "/projects/{}/variables"),
        ("GET", "/{}/tenants/{}/commonvariables"), ("PUT", "/{}/tenants/{}/commonvariables"),
        ("GET", "/tenants/{}/commonvariables"), ("PUT", "/tenants/{}/commonvariables"),
        ("GET", "/{}/tenants/{}/projectvariables"), ("PUT", "/{}/tenants/{}/projectvariables"),
        ("GET", "/tenants/{}/projectvariables"), ("PUT", "/tenants/{}/projectvariables"),
    ];

    public static TheoryData<string> Profiles() => new(ServerProfile.All.Select(p => p.Name));

    public static TheoryData<string, string, string> Samples()
    {
        var samples = new (string Definition, string Path)[]
        {
            ("ProjectResource", "/api/Spaces-1/projects/Projects-1"),
            ("EnvironmentResource", "/api/Spaces-1/environments/Environments-1"),
            ("LifecycleResource", "/api/Spaces-1/lifecycles/Lifecycles-2"),
            ("PhaseResource", "/api/Spaces-1/lifecycles/Lifecycles-2#Phases.0"),
            ("ProjectGroupResource", "/api/Spaces-1/projectgroups/ProjectGroups-1"),
            ("ChannelResource", "/api/Spaces-1/channels/Channels-1"),
            ("DeploymentProcessResource", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1"),
            ("DeploymentStepResource", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1#Steps.0"),
            ("DeploymentActionResource", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1#Steps.0.Actions.0"),
            ("DeploymentActionContainerResource", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1#Steps.0.Actions.0.Container"),
            ("DeploymentSettingsResource", "/api/Spaces-1/projects/Projects-1/deploymentsettings"),
            ("VariableSetResource", "/api/Spaces-1/variables/variableset-Projects-1"),
            ("VariableResource", "/api/Spaces-1/variables/variableset-Projects-1#Variables.0"),
            ("LibraryVariableSetResource", "/api/Spaces-1/libraryvariablesets/LibraryVariableSets-1"),
            ("TenantResource", "/api/Spaces-1/tenants/Tenants-1"),
            ("TagSetResource", "/api/Spaces-1/tagsets/TagSets-1"),
            ("TagResource", "/api/Spaces-1/tagsets/TagSets-1#Tags.0"),
            ("RunbookResource", "/api/Spaces-1/runbooks/Runbooks-1"),
            ("RunbookRetentionPeriod", "/api/Spaces-1/runbooks/Runbooks-1#RunRetentionPolicy"),
            ("DeploymentConnectivityPolicy", "/api/Spaces-1/runbooks/Runbooks-1#ConnectivityPolicy"),
            ("RunbookProcessResource", "/api/Spaces-1/runbookProcesses/RunbookProcess-Runbooks-1"),
            ("FeedResource", "/api/Spaces-1/feeds/feeds-builtin"),
            ("WorkerPoolResource", "/api/Spaces-1/workerpools/WorkerPools-1"),
            ("AccountResource", "/api/Spaces-1/accounts/Accounts-1"),
            ("CertificateResource", "/api/Spaces-1/certificates/Certificates-1"),
            ("ActionTemplateResource", "/api/Spaces-1/actiontemplates/ActionTemplates-1"),
            ("ActionTemplateParameterResource", "/api/Spaces-1/actiontemplates/ActionTemplates-1#Parameters.0"),
            ("DeploymentTargetResource", "/api/Spaces-1/machines/Machines-1"),
            ("WorkerResource", "/api/Spaces-1/workers/Workers-1"),
            ("MachinePolicyResource", "/api/Spaces-1/machinepolicies/MachinePolicies-2"),
            ("MachineHealthCheckPolicy", "/api/Spaces-1/machinepolicies/MachinePolicies-2#MachineHealthCheckPolicy"),
            ("MachineCleanupPolicy", "/api/Spaces-1/machinepolicies/MachinePolicies-2#MachineCleanupPolicy"),
            ("MachineUpdatePolicy", "/api/Spaces-1/machinepolicies/MachinePolicies-2#MachineUpdatePolicy"),
            ("MachineConnectivityPolicy", "/api/Spaces-1/machinepolicies/MachinePolicies-2#MachineConnectivityPolicy"),
            ("SpaceResource", "/api/spaces/Spaces-1"),
            ("TeamResource", "/api/teams/teams-everyone"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var profile in ServerProfile.All)
        {
            foreach (var (definition, path) in samples)
            {
                data.Add(profile.Name, definition, path);
            }
        }

        return data;
    }

    /// <summary>What a profile's definition holds: the Swagger's properties, with later additions and removals.</summary>
    internal static HashSet<string> Expected(string definition, ServerProfile profile)
    {
        var names = SwaggerDocument.Current.PropertiesOf(definition).ToHashSet();
        if (profile.SlugsBeyondProjects && SlugDefinitions.Contains(definition))
        {
            names.Add("Slug");
        }

        if (profile.TenantIsDisabled && definition == "TenantResource")
        {
            names.Add("IsDisabled");
        }

        if (profile == ServerProfile.V2026_3)
        {
            names.UnionWith(Added2026.GetValueOrDefault(definition, []));
        }

        return names;
    }

    /// <summary>As above, plus the fields of the sample's subtype (feeds, accounts, endpoints; <see cref="SubtypeConformanceTests"/>).</summary>
    internal static HashSet<string> Expected(string definition, ServerProfile profile, JsonObject sample)
    {
        var names = Expected(definition, profile);
        names.UnionWith(SubtypeConformanceTests.SubtypeFieldsOf(definition, sample, profile));
        return names;
    }

    /// <summary>Both directions: (returned but not defined, defined but not returned).</summary>
    internal static (List<string> Unknown, List<string> Missing) Compare(JsonObject sample, IReadOnlySet<string> expected, IEnumerable<string> allowedExtra)
    {
        var allowed = expected.Concat(allowedExtra).ToHashSet();
        var unknown = sample.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        var missing = expected.Where(k => !sample.ContainsKey(k)).ToList();
        return (unknown, missing);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_property_returned_is_defined_and_every_defined_property_is_returned(string profileName, string definition, string path)
    {
        var profile = ServerProfile.Parse(profileName);
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = profileName, RateLimitPerMinute = 0 });
        await SeedOneOfEachAsync(session);
        var sample = await SampleAsync(session, path);

        var (unknown, missing) = Compare(sample, Expected(definition, profile, sample), []);

        Assert.True(unknown.Count == 0, $"{profileName} {definition}: returned but not in the definition: {string.Join(", ", unknown)}");
        Assert.True(missing.Count == 0, $"{profileName} {definition}: in the definition but not returned: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_comparison_fails_on_a_missing_or_an_unknown_property()
    {
        var expected = Expected("PhaseResource", ServerProfile.V2021_2);
        var whole = new JsonObject();
        foreach (var name in expected)
        {
            whole[name] = null;
        }

        var lacking = whole.DeepClone().AsObject();
        lacking.Remove("ReleaseRetentionPolicy");
        var extra = whole.DeepClone().AsObject();
        extra["Surprise"] = true;

        Assert.Equal((0, 0), (Compare(whole, expected, []).Unknown.Count, Compare(whole, expected, []).Missing.Count));
        Assert.Equal(["ReleaseRetentionPolicy"], Compare(lacking, expected, []).Missing);
        Assert.Equal(["Surprise"], Compare(extra, expected, []).Unknown);
        Assert.Contains("Slug", Expected("EnvironmentResource", ServerProfile.V2024_3));
        Assert.DoesNotContain("Slug", Expected("EnvironmentResource", ServerProfile.V2021_2));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_route_of_a_profile_is_in_the_swagger_or_a_documented_later_route(string profileName)
    {
        var profile = ServerProfile.Parse(profileName);
        var unknown = EmulatorServer.RoutesOf(profile)
            .Select(r => (r.Method, Path: SwaggerDocument.Normalise(r.Template["/api".Length..] is "" ? "/" : r.Template["/api".Length..])))
            .Where(r => !SwaggerDocument.Current.Operations.Contains(r) && (profile == ServerProfile.V2021_2 || !LaterRoutes.Contains(r)))
            .ToList();

        Assert.True(unknown.Count == 0, $"{profileName}: not in the 2021.2 Swagger{(profile == ServerProfile.V2021_2 ? "" : " nor a later route")}: {string.Join(", ", unknown)}");
    }

    private static async Task<JsonObject> SampleAsync(EmulatorSession session, string path)
    {
        var parts = path.Split('#');
        JsonNode node = await session.GetObjectAsync(parts[0]);
        foreach (var step in parts.Length == 1 ? [] : parts[1].Split('.'))
        {
            node = int.TryParse(step, out var index) ? node[index]! : node[step]!;
        }

        return (JsonObject)node;
    }

    /// <summary>A self-signed certificate as a PFX with a password, base64 (what the portal uploads).</summary>
    internal static string PfxBase64(string commonName, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Conformance", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, password));
    }

    /// <summary>One of each main resource, created the way a client would (only documented fields in the bodies).</summary>
    internal static async Task SeedOneOfEachAsync(EmulatorSession session)
    {
        await session.CreateEnvironmentAsync("Dev");
        await session.PostAsync("/api/Spaces-1/lifecycles", new JsonObject
        {
            ["Name"] = "Two phases",
            ["Phases"] = new JsonArray(new JsonObject { ["Name"] = "Dev", ["AutomaticDeploymentTargets"] = new JsonArray("Environments-1") }),
        });
        await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject { ["Name"] = "Region", ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }) });
        await session.PostAsync("/api/Spaces-1/libraryvariablesets", new JsonObject { ["Name"] = "Shared" });
        var project = await session.CreateProjectAsync("OctoFx");
        await session.PostAsync("/api/Spaces-1/tenants", new JsonObject { ["Name"] = "Acme", ["TenantTags"] = new JsonArray("Region/EU") });
        await session.PostAsync($"/api/Spaces-1/projects/{project["Id"]}/runbooks", new JsonObject { ["Name"] = "Restart" });
        var process = await session.GetObjectAsync((string)project["Links"]!["DeploymentProcess"]!);
        process["Steps"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Run",
            ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "Run", ["ActionType"] = "Octopus.Script" }),
        });
        await session.PutAsync((string)process["Links"]!["Self"]!, process);
        var variables = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);
        variables["Variables"] = new JsonArray(new JsonObject { ["Name"] = "Greeting", ["Value"] = "Hello", ["Type"] = "String" });
        await session.PutAsync((string)variables["Links"]!["Self"]!, variables);
        await session.PostAsync("/api/Spaces-1/accounts", new JsonObject
        {
            ["Name"] = "Token",
            ["AccountType"] = "Token",
            ["Token"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "secret" },
        });
        await session.PostAsync("/api/Spaces-1/certificates", new JsonObject
        {
            ["Name"] = "TLS",
            ["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = PfxBase64("conformance.example", "pw") },
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "pw" },
        });
        await session.PostAsync("/api/Spaces-1/actiontemplates", new JsonObject
        {
            ["Name"] = "Say hello",
            ["ActionType"] = "Octopus.Script",
            ["Parameters"] = new JsonArray(new JsonObject { ["Name"] = "Greeting" }),
        });
        await session.PostAsync("/api/Spaces-1/machines", new JsonObject
        {
            ["Name"] = "web-01",
            ["EnvironmentIds"] = new JsonArray("Environments-1"),
            ["Roles"] = new JsonArray("web"),
            ["Endpoint"] = new JsonObject { ["CommunicationStyle"] = "None" },
        });
        await session.PostAsync("/api/Spaces-1/workers", new JsonObject
        {
            ["Name"] = "worker-01",
            ["WorkerPoolIds"] = new JsonArray("WorkerPools-1"),
            ["Endpoint"] = new JsonObject { ["CommunicationStyle"] = "None" },
        });
        await session.PostAsync("/api/Spaces-1/machinepolicies", new JsonObject { ["Name"] = "Lenient" });
    }
}
