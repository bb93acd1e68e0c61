using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using OctoSync.IntegrationTests.Emulator;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #12 item 1, done when (docs/secrets.md): every sensitive thing the OctoFx sync writes — variable values, the
/// accounts it creates under <c>rules.accounts: placeholder</c>, a feed's password, a certificate created under
/// <c>rules.certificates: placeholder</c> and a step template's sensitive parameter default — comes from env, file and command sources. The clean-up report is empty; a
/// second run writes nothing; changing one source writes exactly that one thing again; no value appears in any output,
/// plan file, state file, journal, report or request log (the log holds no bodies: the emulator's store is checked to
/// hold the values instead); a source that fails, or a field the account's type lacks, stops the run before any write.
/// </summary>
public sealed class ObjectSecretsSyncTests : IDisposable
{
    private const string DbEnv = "OCTOSYNC_TEST_DB_PASSWORD";
    private const string AzureEnv = "OCTOSYNC_TEST_AZURE_SECRET";
    private const string PfxEnv = "OCTOSYNC_TEST_PFX_PASSWORD";
    private const string TemplateEnv = "OCTOSYNC_TEST_MIGRATIONS_PASSWORD";
    private const string Certificate = "OctoFx Dev/Test TLS";
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"octosync-object-secrets-{Guid.NewGuid():N}");

    public ObjectSecretsSyncTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Every_sensitive_thing_from_env_file_and_command_sources_leaves_no_clean_up_is_written_once_and_never_leaks()
    {
        var values = new Dictionary<string, string>
        {
            ["db"] = $"env-db-{Guid.NewGuid():N}",
            ["token"] = $"file-token-{Guid.NewGuid():N}",
            ["signing"] = $"command-signing-{Guid.NewGuid():N}",
            ["azure"] = $"env-azure-{Guid.NewGuid():N}",
            ["login"] = $"command-login-{Guid.NewGuid():N}",
            ["feed"] = $"file-feed-{Guid.NewGuid():N}",
            ["pfx"] = $"env-pfx-{Guid.NewGuid():N}",
            ["template"] = $"env-template-{Guid.NewGuid():N}",
        };
        var (pfx, thumbprint) = Pfx(values["pfx"]);
        var files = new Dictionary<string, string>
        {
            ["token"] = Write("api-token", values["token"] + "\n"),
            ["signing"] = Write("signing-key", values["signing"] + "\n"),
            ["login"] = Write("login-password", values["login"]),
            ["feed"] = Write("feed-password", values["feed"] + "\n"),
        };
        var pfxPath = Path.Combine(folder, "tls.pfx");
        await File.WriteAllBytesAsync(pfxPath, pfx);
        await using var instances = await TwoInstances.StartAsync(rulesYaml: $"""
                secrets:
                  - variable: OctoFx/Db.Password
                    scope: {"{"} Environment: [Staging] {"}"}
                    value: '${"{"}{DbEnv}{"}"}'
                  - variable: OctoFx/Api.Token
                    value: 'file:{files["token"]}'
                  - variable: OctoFx/Signing.Key
                    value: 'command:cat "{files["signing"]}"'
                  - account: Azure Dev/Test
                    fields:
                      Password: '${"{"}{AzureEnv}{"}"}'
                  - account: Deploy Login
                    fields:
                      Password: 'command:cat "{files["login"]}"'
                  - feed: Private NuGet
                    password: 'file:{files["feed"]}'
                  - certificate: {Certificate}
                    data: 'file:{pfxPath}'
                    password: '${"{"}{PfxEnv}{"}"}'
                  - stepTemplate: Run migrations
                    parameter: Db.Password
                    value: '${"{"}{TemplateEnv}{"}"}'
            rules:
              accounts: placeholder
              certificates: placeholder
            """);
        instances.SecretEnvironment[DbEnv] = values["db"];
        instances.SecretEnvironment[AzureEnv] = values["azure"];
        instances.SecretEnvironment[PfxEnv] = values["pfx"];
        instances.SecretEnvironment[TemplateEnv] = values["template"];
        await SecretsSyncTests.AddSourceSecretsAsync(instances);
        await AddSourceObjectsAsync(instances);
        var outputs = new List<string>();

        var (exit, output) = await instances.RunAsync("plan", "--out", Path.Combine(instances.Folder, "plan.json"), "--html", Path.Combine(instances.Folder, "plan.html"));
        outputs.Add(output);
        Assert.True(exit is 0 or 2, output);
        Assert.Contains("from ${" + AzureEnv + "}", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());

        (exit, output) = await instances.RunAsync("apply", "--yes", "--output", "json", "--html", Path.Combine(instances.Folder, "apply.html"));
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Equal("[]", SecretsSyncTests.CleanupOf(output));
        Assert.Equal(
            new Dictionary<string, string?> { ["Api.Token"] = values["token"], ["Db.Password"] = values["db"], ["Signing.Key"] = values["signing"] },
            await SecretsSyncTests.StoredSecretsAsync(instances));
        Assert.Equal(values["azure"], (await StoredAsync(instances, "accounts", "Azure Dev/Test")).Obj("Password")!.Str("NewValue"));
        Assert.Equal(values["login"], (await StoredAsync(instances, "accounts", "Deploy Login")).Obj("Password")!.Str("NewValue"));
        Assert.Equal(values["feed"], (await StoredAsync(instances, "feeds", "Private NuGet")).Obj("Password")!.Str("NewValue"));
        var certificate = await StoredAsync(instances, "certificates", Certificate);
        Assert.Equal(Convert.ToBase64String(pfx), certificate.Obj("CertificateData")!.Str("NewValue"));
        Assert.Equal(values["pfx"], certificate.Obj("Password")!.Str("NewValue"));
        Assert.Equal(thumbprint, certificate.Str("Thumbprint"));
        Assert.Equal("Pkcs12", certificate.Str("CertificateDataFormat"));
        var template = await StoredAsync(instances, "actiontemplates", "Run migrations");
        Assert.Equal(values["template"], template.Arr("Parameters").Objects().Single(p => p.Name() == "Db.Password").Obj("DefaultValue")!.Str("NewValue"));

        // Unchanged sources: nothing is written.
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());

        // One source changes (the command's output): exactly that account is written again, nothing else — here from a
        // saved plan, which holds the token: apply resolves the sources again and puts the value in the request only.
        var changed = $"command-login-changed-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(files["login"], changed);
        var saved = Path.Combine(instances.Folder, "changed-plan.json");
        (_, output) = await instances.RunAsync("plan", "--out", saved);
        outputs.Add(output);
        Assert.Contains($"the secret from command:cat \"{files["login"]}\" changed since OctoSync wrote it", output, StringComparison.Ordinal);
        Assert.Contains("octosync-secret:destinations[staging-production].secrets[4].fields.Password", await File.ReadAllTextAsync(saved), StringComparison.Ordinal);
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", saved);
        outputs.Add(output);
        Assert.True(exit == 0, output);
        var login = await StoredAsync(instances, "accounts", "Deploy Login");
        Assert.Equal($"PUT /api/Spaces-1/accounts/{login.Str("Id")} 200", Assert.Single(instances.DestinationWrites()));
        Assert.Equal(changed, login.Obj("Password")!.Str("NewValue"));
        Assert.Equal(values["azure"], (await StoredAsync(instances, "accounts", "Azure Dev/Test")).Obj("Password")!.Str("NewValue"));

        await instances.AssertConvergedAsync();

        // The scan: every output, every file the runs left (plan file, HTML reports, state, journal, hash key), both request logs.
        var left = Directory.EnumerateFiles(instances.Folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(left, f => Path.GetFileName(f) == "secrets.key");
        Assert.Contains(left, f => Path.GetFileName(f) == "plan.json");
        var haystacks = outputs
            .Concat(left.Select(File.ReadAllText))
            .Concat(instances.Destination.RequestLog.Concat(instances.Source.RequestLog).Select(e => e.ToString()))
            .ToList();
        foreach (var secret in values.Values.Append(changed).Append(Convert.ToBase64String(pfx)))
        {
            Assert.DoesNotContain(haystacks, h => h.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_failing_account_source_or_a_field_the_type_lacks_fails_validate_and_stops_the_run_before_any_write()
    {
        await using var instances = await TwoInstances.StartAsync(rulesYaml: """
                secrets:
                  - account: Azure Dev/Test
                    fields:
                      Password: '${OCTOSYNC_TEST_NOT_SET}'
            rules:
              accounts: placeholder
            """);

        const string NotSet = "octosync.yaml:13: destinations[staging-production].secrets[0].fields.Password: environment variable 'OCTOSYNC_TEST_NOT_SET' is not set";
        var (exit, output) = await instances.RunAsync("validate");
        Assert.NotEqual(0, exit);
        Assert.Contains(NotSet, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(instances.Folder, "*", SearchOption.AllDirectories), f => Path.GetFileName(f) == "secrets.key");

        (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.NotEqual(0, exit);
        Assert.Contains(NotSet, output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());

        await File.WriteAllTextAsync(instances.ConfigPath, OctoFxExample.ConfigurationYaml(instances.Source.BaseUrl, instances.Destination.BaseUrl, null, """
                secrets:
                  - account: Azure Dev/Test
                    fields:
                      Token: 'file:/dev/null'
            rules:
              accounts: placeholder
            """));
        const string NoToken = "octosync.yaml:13: destinations[staging-production].secrets[0].fields.Token: account 'Azure Dev/Test' is of type AzureServicePrincipal, which has no secret field Token (its secret fields: Password)";
        (exit, output) = await instances.RunAsync("validate");
        Assert.NotEqual(0, exit);
        Assert.Contains(NoToken, output.ReplaceLineEndings(""), StringComparison.Ordinal); // the console wraps long lines

        (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.NotEqual(0, exit);
        Assert.Contains(NoToken, output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: leaving it behind is harmless.
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A fresh self-signed certificate with its private key, as a password-protected PFX, and its thumbprint.</summary>
    private static (byte[] Pfx, string Thumbprint) Pfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=octofx-staging.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (certificate.Export(X509ContentType.Pfx, password), certificate.Thumbprint);
    }

    /// <summary>On the source: an unscoped UsernamePassword account and a private NuGet feed with a password, beside the
    /// seed's Azure Dev/Test account and Dev/Test certificate (Test maps to Staging, so both are created on the destination).</summary>
    private static async Task AddSourceObjectsAsync(TwoInstances instances)
    {
        await instances.SourceClient.CreateAsync("accounts", new JsonObject
        {
            ["Name"] = "Deploy Login",
            ["AccountType"] = "UsernamePassword",
            ["Username"] = "deploy",
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "source-only" },
            ["EnvironmentIds"] = new JsonArray(),
            ["TenantIds"] = new JsonArray(),
            ["TenantTags"] = new JsonArray(),
            ["TenantedDeploymentParticipation"] = "Untenanted",
        });
        await instances.SourceClient.CreateAsync("feeds", new JsonObject
        {
            ["Name"] = "Private NuGet",
            ["FeedType"] = "NuGet",
            ["FeedUri"] = "https://nuget.octofx.example/v3/index.json",
            ["Username"] = "octofx",
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "source-only" },
            ["EnableEnhancedMode"] = false,
            ["DownloadAttempts"] = 5,
            ["DownloadRetryBackoffSeconds"] = 10,
            ["PackageAcquisitionLocationOptions"] = new JsonArray("Server", "ExecutionTarget"),
        });
        // A sensitive parameter without a default on the source: the destination's comes from secrets: only.
        await instances.SourceClient.CreateAsync("actiontemplates", new JsonObject
        {
            ["Name"] = "Run migrations",
            ["Description"] = "",
            ["ActionType"] = "Octopus.Script",
            ["Packages"] = new JsonArray(),
            ["Properties"] = new JsonObject
            {
                ["Octopus.Action.Script.ScriptBody"] = "Invoke-Migrations -Password $OctopusParameters['Db.Password']",
                ["Octopus.Action.Script.Syntax"] = "PowerShell",
                ["Octopus.Action.Script.ScriptSource"] = "Inline",
            },
            ["Parameters"] = new JsonArray(new JsonObject
            {
                ["Id"] = Guid.NewGuid().ToString(),
                ["Name"] = "Db.Password",
                ["Label"] = "Database password",
                ["HelpText"] = "",
                ["DefaultValue"] = new JsonObject { ["HasValue"] = false, ["NewValue"] = null },
                ["DisplaySettings"] = new JsonObject { ["Octopus.ControlType"] = "Sensitive" },
            }),
        });
        instances.Source.ClearRequestLog();
    }

    private static async Task<JsonObject> StoredAsync(TwoInstances instances, string collection, string name)
    {
        var item = (await instances.DestinationClient.GetAllAsync(collection)).Single(d => d.Name() == name);
        return EmulatorInternals.Stored(instances.Destination, collection, item.Str("Id")!)!;
    }
}
