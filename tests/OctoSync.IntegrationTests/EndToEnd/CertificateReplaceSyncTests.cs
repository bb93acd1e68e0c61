using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using OctoSync.IntegrationTests.Emulator;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #12 item 1, certificates that exist (docs/secrets.md): a certificate OctoSync created under
/// <c>rules.certificates: placeholder</c> with no secrets configured gets its real file on a later run once a
/// <c>certificate:</c> entry is added — through <c>POST certificates/{id}/replace</c>, the same Id, the real thumbprint —
/// a second run writes nothing, a changed file replaces it exactly once, and neither file nor password appears in any
/// output, plan file, state, report or request log.
/// </summary>
public sealed class CertificateReplaceSyncTests : IDisposable
{
    private const string PfxEnv = "OCTOSYNC_TEST_REPLACE_PFX_PASSWORD";
    private const string Certificate = "OctoFx Dev/Test TLS";
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"octosync-certificate-replace-{Guid.NewGuid():N}");

    public CertificateReplaceSyncTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task A_placeholder_certificate_is_replaced_with_the_supplied_file_once_and_again_only_when_the_file_changes()
    {
        var password = $"env-pfx-{Guid.NewGuid():N}";
        var (pfx, thumbprint) = Pfx(password, "octofx-staging.example");
        var (renewed, renewedThumbprint) = Pfx(password, "octofx-staging-renewed.example");
        var pfxPath = Path.Combine(folder, "tls.pfx");
        await File.WriteAllBytesAsync(pfxPath, pfx);
        const string rules = """
            rules:
              certificates: placeholder
            """;
        await using var instances = await TwoInstances.StartAsync(rulesYaml: rules);
        instances.SecretEnvironment[PfxEnv] = password;
        var outputs = new List<string>();

        // No secrets configured: created with the placeholder.
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        var placeholder = await LiveAsync(instances);
        var id = placeholder.Str("Id")!;
        Assert.NotEqual(thumbprint, placeholder.Str("Thumbprint"));

        // The certificate: entry is added: the plan says the certificate is replaced, and apply replaces it.
        await File.WriteAllTextAsync(instances.ConfigPath, OctoFxExample.ConfigurationYaml(instances.Source.BaseUrl, instances.Destination.BaseUrl, rulesYaml: $"""
                secrets:
                  - certificate: {Certificate}
                    data: 'file:{pfxPath}'
                    password: '${"{"}{PfxEnv}{"}"}'
            {rules}
            """));
        var planPath = Path.Combine(instances.Folder, "plan.json");
        (exit, output) = await instances.RunAsync("plan", "--out", planPath, "--html", Path.Combine(instances.Folder, "plan.html"));
        outputs.Add(output);
        Assert.True(exit is 0 or 2, output);
        Assert.Contains($"the certificate is replaced from file:{pfxPath}", output, StringComparison.Ordinal);
        Assert.Contains("replaces the placeholder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("replace the certificate with the file", output, StringComparison.Ordinal);
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", planPath, "--output", "json");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("replace the certificate", SecretsSyncTests.CleanupOf(output), StringComparison.Ordinal);
        Assert.Equal($"POST /api/Spaces-1/certificates/{id}/replace 200", Assert.Single(instances.DestinationWrites()));
        var replaced = await LiveAsync(instances);
        Assert.Equal(id, replaced.Str("Id"));
        Assert.Equal(thumbprint, replaced.Str("Thumbprint"));
        var stored = EmulatorInternals.Stored(instances.Destination, "certificates", id)!;
        Assert.Equal(Convert.ToBase64String(pfx), stored.Obj("CertificateData")!.Str("NewValue"));
        Assert.Equal(password, stored.Obj("Password")!.Str("NewValue"));

        // Unchanged: nothing is written.
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());

        // The file is renewed: replaced exactly once more.
        await File.WriteAllBytesAsync(pfxPath, renewed);
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Contains("changed since OctoSync wrote it", output, StringComparison.Ordinal);
        Assert.Equal($"POST /api/Spaces-1/certificates/{id}/replace 200", Assert.Single(instances.DestinationWrites()));
        Assert.Equal(renewedThumbprint, (await LiveAsync(instances)).Str("Thumbprint"));
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());

        var left = Directory.EnumerateFiles(instances.Folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(left, f => Path.GetFileName(f) == "plan.json");
        var haystacks = outputs
            .Concat(left.Select(File.ReadAllText))
            .Concat(instances.Destination.RequestLog.Concat(instances.Source.RequestLog).Select(e => e.ToString()))
            .ToList();
        foreach (var secret in new[] { password, Convert.ToBase64String(pfx), Convert.ToBase64String(renewed) })
        {
            Assert.DoesNotContain(haystacks, h => h.Contains(secret, StringComparison.Ordinal));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The destination's certificate in use (a replaced one's archived backup keeps the name).</summary>
    private static async Task<JsonObject> LiveAsync(TwoInstances instances) =>
        (await instances.DestinationClient.GetAllAsync("certificates")).Single(c => c.Name() == Certificate && c["Archived"] is null);

    private static (byte[] Pfx, string Thumbprint) Pfx(string password, string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (certificate.Export(X509ContentType.Pfx, password), certificate.Thumbprint);
    }
}
