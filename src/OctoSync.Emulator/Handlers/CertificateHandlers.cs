using System.Globalization;
using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// `POST /certificates/{id}/replace|archive|unarchive` (Swagger 2021.2). Replace is "in place": the certificate keeps
/// its Id and user fields (Name, Notes, environments, tenants) and takes the new data; a backup of the old one gets a
/// new Id, is archived and names the Id in `ReplacedBy`, and that backup is what the POST returns (OctopusClients
/// ICertificateRepository.Replace; go-octopusdeploy CertificateService.Replace: "returns the old cert, we need to
/// re-query"; octopus.com/docs replace-certificate: "The new certificate will assume the ID of the previous certificate").
/// </summary>
internal static class CertificateHandlers
{
    public static ApiResponse Replace(RouteCall call)
    {
        var d = Catalog.Certificates;
        var existing = CollectionHandlers.Find(call.Space, d, call["id"]);
        var body = call.BodyObject;
        // The body is ReplacementCertificate {CertificateData, Password}: plain strings, not SensitiveValues.
        var data = Plain(body, "CertificateData");
        if (string.IsNullOrEmpty(data))
        {
            throw ApiException.BadRequest("No Certificate Data was provided.");
        }

        var replaced = existing.Clone();
        replaced["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = data };
        var password = Plain(body, "Password");
        replaced["Password"] = new JsonObject { ["HasValue"] = !string.IsNullOrEmpty(password), ["NewValue"] = string.IsNullOrEmpty(password) ? null : password };
        if (CertificateFacts.Apply(replaced) is { } error)
        {
            throw ApiException.BadRequest("Certificate Invalid.", error);
        }

        var backup = existing.Clone();
        backup["Id"] = call.Space.NextId(d);
        backup["Archived"] = Now();
        backup["ReplacedBy"] = existing.Str("Id");
        replaced["Archived"] = null;
        replaced["ReplacedBy"] = null;
        Stamp(replaced);
        call.Space.Put(d, backup);
        call.Space.Put(d, replaced);
        return ApiResponse.Ok(Presenter.Present(call.Space, d, backup));
    }

    /// <summary>Archiving makes a certificate unavailable as a variable's value (OctopusClients ICertificateRepository.Archive).</summary>
    public static ApiResponse Archive(RouteCall call)
    {
        var doc = CollectionHandlers.Find(call.Space, Catalog.Certificates, call["id"]);
        doc["Archived"] ??= Now();
        return ApiResponse.Ok(null);
    }

    public static ApiResponse Unarchive(RouteCall call)
    {
        var doc = CollectionHandlers.Find(call.Space, Catalog.Certificates, call["id"]);
        if (!string.IsNullOrEmpty(doc.Str("ReplacedBy")))
        {
            // Swagger 2021.2, POST /certificates/{id}/unarchive, 400.
            throw ApiException.BadRequest("You cannot unarchive a certificate that has been replaced.");
        }

        doc["Archived"] = null;
        return ApiResponse.Ok(null);
    }

    private static string? Plain(JsonObject body, string name) =>
        body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture);

    private static void Stamp(JsonObject doc)
    {
        doc["LastModifiedOn"] = Now();
        doc["LastModifiedBy"] = SpaceSeed.ApiUserName;
    }
}
