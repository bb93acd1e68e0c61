using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>Accounts and certificates: secrets write-only, as the API returns them.</summary>
public sealed partial class SnapshotBuilder
{
    /// <summary>An Azure service principal account (secret Password write-only), optionally scoped to environments.</summary>
    public SnapshotBuilder Account(string name, params string[] environments)
    {
        var id = Declare(ResourceKind.Account, name, "Accounts");
        Add(ResourceKind.Account, name, () =>
        {
            var d = Doc(id, name, "accounts");
            d["Description"] = "";
            d["AccountType"] = "AzureServicePrincipal";
            d["EnvironmentIds"] = environments.Select(e => IdOf(ResourceKind.Environment, e)).ToJsonArray();
            d["TenantIds"] = new JsonArray();
            d["TenantTags"] = new JsonArray();
            d["TenantedDeploymentParticipation"] = "Untenanted";
            d["SubscriptionNumber"] = "00000000-1111-2222-3333-444444444444";
            d["ClientId"] = "55555555-6666-7777-8888-999999999999";
            d["TenantId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
            d["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null, ["Hint"] = null };
            d["AzureEnvironment"] = "";
            return d;
        });
        return this;
    }

    /// <summary>A certificate (data and password write-only; thumbprint etc. server-computed), optionally scoped to environments.</summary>
    public SnapshotBuilder Certificate(string name, params string[] environments)
    {
        var id = Declare(ResourceKind.Certificate, name, "Certificates");
        Add(ResourceKind.Certificate, name, () =>
        {
            var d = Doc(id, name, "certificates");
            d.Remove("Slug");
            d["Notes"] = "";
            d["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null, ["Hint"] = null };
            d["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null, ["Hint"] = null };
            d["EnvironmentIds"] = environments.Select(e => IdOf(ResourceKind.Environment, e)).ToJsonArray();
            d["TenantIds"] = new JsonArray();
            d["TenantTags"] = new JsonArray();
            d["TenantedDeploymentParticipation"] = "Untenanted";
            d["CertificateDataFormat"] = "Pkcs12";
            d["Thumbprint"] = StableGuid($"Thumb:{name}").Replace("-", "", StringComparison.Ordinal).ToUpperInvariant()[..32];
            d["SubjectDistinguishedName"] = $"CN={name}";
            d["NotAfter"] = "2030-01-01T00:00:00.000+00:00";
            d["IsExpired"] = false;
            d["HasPrivateKey"] = true;
            d["Archived"] = null;
            d["ReplacedBy"] = null;
            return d;
        });
        return this;
    }
}
