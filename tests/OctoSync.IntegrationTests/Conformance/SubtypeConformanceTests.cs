using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.IntegrationTests.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>
/// Feeds, accounts and machine/worker endpoints are polymorphic; the Swagger 2021.2 has only their base definitions
/// (notes §1.1). Their subtype fields, written here from the OctopusClients models (independently of the emulator's
/// subtypes.json), are checked in both directions per profile: every field a subtype returns is its base's or its
/// own, and every one of its fields is returned, with the defaults the models' constructors give.
/// </summary>
public sealed class SubtypeConformanceTests
{
    /// <summary>
    /// (base, discriminator value) → the subtype's own fields; `Name@2026.3` = only from that profile on (the commit
    /// that added it to OctopusClients is in docs/emulator.md).
    /// </summary>
    internal static readonly Dictionary<(string Base, string Type), string[]> Fields = new()
    {
        [("FeedResource", "NuGet")] = ["DownloadAttempts", "DownloadRetryBackoffSeconds", "EnhancedMode", "FeedUri", "Username", "Password"],
        [("FeedResource", "Docker")] = ["ApiVersion", "RegistryPath", "FeedUri", "Username", "Password", "DownloadAttempts@2026.3", "DownloadRetryBackoffSeconds@2026.3"],
        [("FeedResource", "Maven")] = ["DownloadAttempts", "DownloadRetryBackoffSeconds", "FeedUri", "Username", "Password"],
        [("FeedResource", "GitHub")] = ["DownloadAttempts", "DownloadRetryBackoffSeconds", "FeedUri", "Username", "Password"],
        [("FeedResource", "Helm")] = ["FeedUri", "Username", "Password"],
        [("FeedResource", "AwsElasticContainerRegistry")] = ["Region", "AccessKey", "SecretKey", "OidcAuthentication@2026.3", "UseMachineCredentials@2026.3"],
        [("FeedResource", "BuiltIn")] = ["DeleteUnreleasedPackagesAfterDays", "IsBuiltInRepoSyncEnabled", "DeletePackagesAssociatedWithReleases@2026.3"],
        [("FeedResource", "OctopusProject")] = [],
        [("AccountResource", "UsernamePassword")] = ["Username", "Password"],
        [("AccountResource", "AzureServicePrincipal")] = ["SubscriptionNumber", "ClientId", "TenantId", "Password", "AzureEnvironment", "ResourceManagementEndpointBaseUri", "ActiveDirectoryEndpointBaseUri"],
        [("AccountResource", "AmazonWebServicesAccount")] = ["AccessKey", "SecretKey", "Region@2026.3"],
        [("AccountResource", "Token")] = ["Token"],
        [("AccountResource", "SshKeyPair")] = ["Username", "PrivateKeyFile", "PrivateKeyPassphrase"],
        [("EndpointResource", "TentaclePassive")] = ["Thumbprint", "Uri", "TentacleVersionDetails", "CertificateSignatureAlgorithm", "ProxyId"],
        [("EndpointResource", "TentacleActive")] = ["Thumbprint", "Uri", "TentacleVersionDetails", "CertificateSignatureAlgorithm"],
        [("EndpointResource", "Ssh")] = ["AccountId", "Host", "Port", "Fingerprint", "ProxyId", "DotNetCorePlatform"],
        [("EndpointResource", "None")] = ["DefaultWorkerPoolId"],
        [("EndpointResource", "OfflineDrop")] = ["Destination", "SensitiveVariablesEncryptionPassword", "ApplicationsDirectory", "OctopusWorkingDirectory"],
        [("EndpointResource", "Kubernetes")] = ["ClusterCertificate", "ClusterCertificatePath", "ClusterUrl", "Namespace", "SkipTlsVerification", "ProxyId", "ContainerOptions@2024.3", "DefaultWorkerPoolId", "Authentication", "Container"],
        [("EndpointResource", "AzureWebApp")] = ["AccountId", "ResourceGroupName", "WebAppName", "WebAppSlotName", "DefaultWorkerPoolId"],
    };

    private static readonly Dictionary<string, string> Discriminator = new()
    {
        ["FeedResource"] = "FeedType", ["AccountResource"] = "AccountType", ["EndpointResource"] = "CommunicationStyle",
    };

    /// <summary>The fields of the sample's subtype in this profile (none for a non-polymorphic definition).</summary>
    internal static IEnumerable<string> SubtypeFieldsOf(string definition, JsonObject sample, ServerProfile profile) =>
        Discriminator.TryGetValue(definition, out var property) && Fields.TryGetValue((definition, (string)sample[property]!), out var fields)
            ? fields.Where(f => !f.Contains('@', StringComparison.Ordinal) || Index(profile) >= Index(ServerProfile.Parse(f[(f.IndexOf('@') + 1)..])))
                .Select(f => f.Split('@')[0])
            : [];

    private static int Index(ServerProfile profile) => ServerProfile.All.ToList().IndexOf(profile);

    private static JsonObject Secret(string value) => new() { ["HasValue"] = true, ["NewValue"] = value };

    /// <summary>One resource of every modelled subtype, with only the fields a client must send.</summary>
    private static async Task<List<(string Definition, string Path, string Pointer)>> SeedAsync(EmulatorSession session)
    {
        var samples = new List<(string, string, string)>
        {
            ("FeedResource", "/api/Spaces-1/feeds/feeds-builtin", ""),
            ("FeedResource", "/api/Spaces-1/feeds/feeds-builtin-releases", ""),
        };
        var feeds = new (string Type, JsonObject Body)[]
        {
            ("NuGet", new JsonObject { ["FeedUri"] = "https://api.nuget.org/v3/index.json" }),
            ("Docker", new JsonObject { ["FeedUri"] = "https://index.docker.io" }),
            ("Maven", new JsonObject { ["FeedUri"] = "https://repo.maven.apache.org/maven2/" }),
            ("GitHub", new JsonObject { ["FeedUri"] = "https://api.github.com" }),
            ("Helm", new JsonObject { ["FeedUri"] = "https://charts.helm.sh/stable" }),
            ("AwsElasticContainerRegistry", new JsonObject { ["Region"] = "us-east-1", ["AccessKey"] = "access-key-id", ["SecretKey"] = Secret("s") }),
        };
        foreach (var (type, body) in feeds)
        {
            body["Name"] = type + " feed";
            body["FeedType"] = type;
            samples.Add(("FeedResource", "/api/Spaces-1/feeds/" + (await session.PostAsync("/api/Spaces-1/feeds", body))["Id"], ""));
        }

        var accounts = new (string Type, JsonObject Body)[]
        {
            ("UsernamePassword", new JsonObject { ["Username"] = "deployer" }),
            ("AzureServicePrincipal", new JsonObject { ["SubscriptionNumber"] = Guid.NewGuid().ToString(), ["ClientId"] = Guid.NewGuid().ToString(), ["TenantId"] = Guid.NewGuid().ToString(), ["Password"] = Secret("p") }),
            ("AmazonWebServicesAccount", new JsonObject { ["AccessKey"] = "access-key-id", ["SecretKey"] = Secret("s") }),
            ("Token", new JsonObject { ["Token"] = Secret("t") }),
            ("SshKeyPair", new JsonObject { ["Username"] = "root" }),
        };
        var accountIds = new Dictionary<string, string>();
        foreach (var (type, body) in accounts)
        {
            body["Name"] = type + " account";
            body["AccountType"] = type;
            accountIds[type] = (string)(await session.PostAsync("/api/Spaces-1/accounts", body))["Id"]!;
            samples.Add(("AccountResource", "/api/Spaces-1/accounts/" + accountIds[type], ""));
        }

        var environment = (string)(await session.CreateEnvironmentAsync("Subtypes"))["Id"]!;
        var endpoints = new (string Style, JsonObject Body)[]
        {
            ("TentaclePassive", new JsonObject { ["Uri"] = "https://web01:10933/", ["Thumbprint"] = "A1B2C3" }),
            ("TentacleActive", new JsonObject { ["Uri"] = "poll://abcdefghijklmnopqrst/", ["Thumbprint"] = "D4E5F6" }),
            ("Ssh", new JsonObject { ["Host"] = "linux01", ["Port"] = 22, ["Fingerprint"] = "SHA256:abc", ["AccountId"] = accountIds["SshKeyPair"] }),
            ("None", new JsonObject()),
            ("OfflineDrop", new JsonObject { ["ApplicationsDirectory"] = "C:\\Apps" }),
            ("Kubernetes", new JsonObject { ["ClusterUrl"] = "https://k8s.example", ["Namespace"] = "default" }),
            ("AzureWebApp", new JsonObject { ["WebAppName"] = "web", ["ResourceGroupName"] = "rg" }),
        };
        foreach (var (style, endpoint) in endpoints)
        {
            endpoint["CommunicationStyle"] = style;
            var machine = await session.PostAsync("/api/Spaces-1/machines", new JsonObject
            {
                ["Name"] = style + " target", ["EnvironmentIds"] = new JsonArray(environment), ["Roles"] = new JsonArray("web"), ["Endpoint"] = endpoint,
            });
            samples.Add(("EndpointResource", "/api/Spaces-1/machines/" + machine["Id"], "Endpoint"));
        }

        var worker = await session.PostAsync("/api/Spaces-1/workers", new JsonObject
        {
            ["Name"] = "ssh worker", ["WorkerPoolIds"] = new JsonArray("WorkerPools-1"),
            ["Endpoint"] = new JsonObject { ["CommunicationStyle"] = "Ssh", ["Host"] = "linux02", ["Port"] = 22, ["Fingerprint"] = "SHA256:def" },
        });
        samples.Add(("EndpointResource", "/api/Spaces-1/workers/" + worker["Id"], "Endpoint"));
        return samples;
    }

    [Theory]
    [MemberData(nameof(ProfileConformanceTests.Profiles), MemberType = typeof(ProfileConformanceTests))]
    public async Task Every_subtype_returns_its_base_and_its_own_fields_and_nothing_else(string profileName)
    {
        var profile = ServerProfile.Parse(profileName);
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = profileName, RateLimitPerMinute = 0 });
        var failures = new List<string>();

        foreach (var (definition, path, pointer) in await SeedAsync(session))
        {
            var document = await session.GetObjectAsync(path);
            var sample = pointer.Length == 0 ? document : (JsonObject)document[pointer]!;
            var expected = ProfileConformanceTests.Expected(definition, profile, sample);
            var (unknown, missing) = ProfileConformanceTests.Compare(sample, expected, []);
            var type = (string?)sample[Discriminator[definition]];
            if (unknown.Count > 0 || missing.Count > 0)
            {
                failures.Add($"{definition} {type} ({path}): returned but not defined [{string.Join(", ", unknown)}], defined but not returned [{string.Join(", ", missing)}]");
            }
        }

        Assert.True(failures.Count == 0, $"{profileName}: {string.Join("; ", failures)}");
    }

    [Theory]
    [MemberData(nameof(ProfileConformanceTests.Profiles), MemberType = typeof(ProfileConformanceTests))]
    public async Task Subtype_defaults_are_the_models_and_a_later_field_is_added_by_its_profile_only(string profileName)
    {
        var profile = ServerProfile.Parse(profileName);
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = profileName, RateLimitPerMinute = 0 });

        var nuget = await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "NuGet.org", ["FeedType"] = "NuGet", ["FeedUri"] = "https://api.nuget.org/v3/index.json" });
        var docker = await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "Hub", ["FeedType"] = "Docker", ["FeedUri"] = "https://index.docker.io", ["DownloadAttempts"] = "3" });
        var login = await session.PostAsync("/api/Spaces-1/accounts", new JsonObject { ["Name"] = "Login", ["AccountType"] = "UsernamePassword", ["Username"] = "u" });
        var builtIn = await session.GetObjectAsync("/api/Spaces-1/feeds/feeds-builtin");
        var machine = await session.PostAsync("/api/Spaces-1/machines", new JsonObject
        {
            ["Name"] = "listening", ["EnvironmentIds"] = new JsonArray((string)(await session.CreateEnvironmentAsync("Dev"))["Id"]!), ["Roles"] = new JsonArray("web"),
            ["Endpoint"] = new JsonObject { ["CommunicationStyle"] = "TentaclePassive", ["Uri"] = "https://web01:10933/", ["Thumbprint"] = "A1" },
        });

        // NuGetFeedResource.DefaultDownloadAttempts/DefaultDownloadRetryBackoffSeconds/DefaultEnhancedMode (notes §3.17).
        Assert.Equal(5, (int?)nuget["DownloadAttempts"]);
        Assert.Equal(10, (int?)nuget["DownloadRetryBackoffSeconds"]);
        Assert.False((bool?)nuget["EnhancedMode"]);
        Assert.Null(nuget["Password"]);
        // UsernamePasswordAccountResource's constructor: Password = new SensitiveValue() (nothing stored).
        Assert.False((bool?)login["Password"]!["HasValue"]);
        Assert.Equal(profile == ServerProfile.V2026_3, builtIn.AsObject().ContainsKey("DeletePackagesAssociatedWithReleases")); // d1990f81 (2025-06)
        // The endpoint base fields as a real machine's endpoint carries them (go-octopusdeploy capture, Machines-89).
        var endpoint = (JsonObject)machine["Endpoint"]!;
        Assert.Null(endpoint["Id"]);
        Assert.Null(endpoint["LastModifiedOn"]);
        Assert.Empty((JsonObject)endpoint["Links"]!);
        Assert.Null(endpoint["ProxyId"]);
        Assert.Equal(3, (int?)docker["DownloadAttempts"]); // "3" read as an integer (kept as sent before 2026.3)
        var plainDocker = await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "Hub 2", ["FeedType"] = "Docker", ["FeedUri"] = "https://index.docker.io" });
        // Docker retries came with OctopusClients fc04f44b (2025-10): only 2026.3 adds the default.
        Assert.Equal(profile == ServerProfile.V2026_3 ? 5 : null, (int?)plainDocker["DownloadAttempts"]);
    }

    /// <summary>
    /// Feed types and communication styles later than the Swagger 2021.2 enums, accepted from the profile of the
    /// OctopusClients commit that added them: OciRegistry 07a80c44 (2023-06), KubernetesTentacle c8f86e02 (2023-10),
    /// Npm 2c287e77 (2026-02), AwsEcsCluster d0fd9117 (2026-03).
    /// </summary>
    [Theory]
    [InlineData("2021.2", false, false)]
    [InlineData("2024.3", true, false)]
    [InlineData("2026.3", true, true)]
    public async Task Later_feed_types_and_communication_styles_are_accepted_from_their_profile_on(string profileName, bool from2024, bool from2026)
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = profileName, RateLimitPerMinute = 0 });
        var environment = (string)(await session.CreateEnvironmentAsync("Dev"))["Id"]!;
        static System.Net.HttpStatusCode Expect(bool accepted) => accepted ? System.Net.HttpStatusCode.Created : System.Net.HttpStatusCode.BadRequest;
        JsonObject Target(string name, string style) => new()
        {
            ["Name"] = name, ["EnvironmentIds"] = new JsonArray(environment), ["Roles"] = new JsonArray("web"),
            ["Endpoint"] = new JsonObject { ["CommunicationStyle"] = style },
        };

        await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "OCI", ["FeedType"] = "OciRegistry", ["FeedUri"] = "oci://registry.example" }, Expect(from2024));
        await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "npm", ["FeedType"] = "Npm", ["FeedUri"] = "https://registry.npmjs.org" }, Expect(from2026));
        await session.PostAsync("/api/Spaces-1/machines", Target("agent", "KubernetesTentacle"), Expect(from2024));
        await session.PostAsync("/api/Spaces-1/machines", Target("ecs", "AwsEcsCluster"), Expect(from2026));
        await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "Nonsense", ["FeedType"] = "Nonsense" }, System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public void The_subtype_table_names_each_profile_s_fields()
    {
        var docker = new JsonObject { ["FeedType"] = "Docker" };

        Assert.Contains("DownloadAttempts", SubtypeFieldsOf("FeedResource", docker, ServerProfile.V2026_3));
        Assert.DoesNotContain("DownloadAttempts", SubtypeFieldsOf("FeedResource", docker, ServerProfile.V2024_3));
        Assert.Contains("ContainerOptions", SubtypeFieldsOf("EndpointResource", new JsonObject { ["CommunicationStyle"] = "Kubernetes" }, ServerProfile.V2024_3));
        Assert.Empty(SubtypeFieldsOf("EnvironmentResource", new JsonObject(), ServerProfile.V2024_3));
        var lacking = new JsonObject { ["FeedType"] = "NuGet" };
        Assert.Contains("EnhancedMode", ProfileConformanceTests.Compare(lacking, ProfileConformanceTests.Expected("FeedResource", ServerProfile.V2021_2, lacking), []).Missing);
    }
}
