using System.Net;
using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.IntegrationTests.Conformance;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>
/// How a real server changes a certificate's file. Sources: Swagger 2021.2 `POST /certificates/{id}/replace`
/// ("Replaces a certificate with another", 400 "No Certificate Data was provided."), `/unarchive` (400 "You cannot
/// unarchive a certificate that has been replaced."); OctopusClients ICertificateRepository.Replace (in place, same Id
/// and user fields; an archived backup with a new Id is returned, its ReplacedBy the Id); go-octopusdeploy
/// CertificateService.Replace ("returns the old cert"); terraform-provider-octopusdeploy issue #598 (a PUT with new
/// data does not replace the certificate).
/// </summary>
public sealed class CertificateReplaceTests
{
    [Fact]
    public async Task Replace_keeps_the_id_with_the_new_file_and_archives_a_backup_while_put_ignores_new_data()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        var created = (JsonObject)await session.PostAsync("/api/Spaces-1/certificates", new JsonObject
        {
            ["Name"] = "TLS",
            ["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = ProfileConformanceTests.PfxBase64("old.example", "pw") },
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "pw" },
        });
        var id = (string)created["Id"]!;
        var oldThumbprint = (string)created["Thumbprint"]!;

        // PUT with another file: the other fields are saved, the data is not.
        var put = created.DeepClone().AsObject();
        put["Notes"] = "renewed";
        put["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = ProfileConformanceTests.PfxBase64("put.example", "pw") };
        var afterPut = (JsonObject)await session.PutAsync((string)created["Links"]!["Self"]!, put);
        Assert.Equal("renewed", (string?)afterPut["Notes"]);
        Assert.Equal(oldThumbprint, (string?)afterPut["Thumbprint"]);
        Assert.Equal("old.example", (string?)afterPut["SubjectCommonName"]);

        var missing = await session.PostAsync((string)created["Links"]!["Replace"]!, new JsonObject { ["Password"] = "x" }, HttpStatusCode.BadRequest);
        Assert.Contains("No Certificate Data was provided.", missing.ToJsonString(), StringComparison.Ordinal);

        var backup = (JsonObject)await session.PostAsync((string)created["Links"]!["Replace"]!, new JsonObject
        {
            ["CertificateData"] = ProfileConformanceTests.PfxBase64("new.example", "pw2"),
            ["Password"] = "pw2",
        }, HttpStatusCode.OK);
        Assert.NotEqual(id, (string?)backup["Id"]);
        Assert.Equal(id, (string?)backup["ReplacedBy"]);
        Assert.NotNull((string?)backup["Archived"]);
        Assert.Equal(oldThumbprint, (string?)backup["Thumbprint"]);
        Assert.Equal("TLS", (string?)backup["Name"]);

        var replaced = await session.GetObjectAsync((string)created["Links"]!["Self"]!);
        Assert.Equal("TLS", (string?)replaced["Name"]);
        Assert.Equal("renewed", (string?)replaced["Notes"]);
        Assert.Equal("new.example", (string?)replaced["SubjectCommonName"]);
        Assert.NotEqual(oldThumbprint, (string?)replaced["Thumbprint"]);
        Assert.Null((string?)replaced["Archived"]);
        Assert.True((bool)replaced["CertificateData"]!["HasValue"]!);
        Assert.Null(replaced["CertificateData"]!["NewValue"]);
        Assert.DoesNotContain("pw2", replaced.ToJsonString(), StringComparison.Ordinal);

        var refused = await session.PostAsync((string)backup["Links"]!["Unarchive"]!, new JsonObject(), HttpStatusCode.BadRequest);
        Assert.Contains("You cannot unarchive a certificate that has been replaced.", refused.ToJsonString(), StringComparison.Ordinal);

        await session.PostAsync((string)replaced["Links"]!["Archive"]!, new JsonObject(), HttpStatusCode.OK);
        Assert.NotNull((string?)(await session.GetObjectAsync((string)replaced["Links"]!["Self"]!))["Archived"]);
        await session.PostAsync((string)replaced["Links"]!["Unarchive"]!, new JsonObject(), HttpStatusCode.OK);
        Assert.Null((string?)(await session.GetObjectAsync((string)replaced["Links"]!["Self"]!))["Archived"]);
    }
}
