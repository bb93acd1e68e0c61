using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// An Update of a certificate is a new file (planning writes existing certificates only so, Planning/Objects/
/// CertificateReplace): sent as <c>POST certificates/{id}/replace</c> with <c>{CertificateData, Password}</c> as plain
/// strings (OctopusClients ICertificateRepository.Replace, go-octopusdeploy ReplacementCertificate), since a PUT does not
/// change the data. The body holds the plan's tokens; the secret-injecting client puts the values in as it sends.
/// The answer is the archived copy of the old certificate (its ReplacedBy is this Id), so it is not recorded.
/// </summary>
internal static class CertificateReplaceWriter
{
    public static async Task<ChangeOutcome> WriteAsync(IOctopusSpaceClient client, Change change, string id, JsonObject body, CancellationToken ct)
    {
        var replacement = new JsonObject
        {
            ["CertificateData"] = body["CertificateData"]?["NewValue"]?.DeepClone(),
            ["Password"] = body["Password"]?["NewValue"]?.DeepClone(),
        };
        await client.PostAsync(ResourcePaths.Document(ResourceKind.Certificate, id) + "/replace", replacement, ct).ConfigureAwait(false);
        return new ChangeOutcome(change, ApplyOutcome.Applied, "replaced; the old certificate is kept archived", id);
    }
}
