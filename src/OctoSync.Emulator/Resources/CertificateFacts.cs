using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>
/// The fields a server computes from an uploaded certificate (Swagger 2021.2 CertificateResource: Thumbprint,
/// Subject*/Issuer*, NotBefore/NotAfter, IsExpired, HasPrivateKey, SelfSigned, SerialNumber, SignatureAlgorithmName,
/// SubjectAlternativeNames, Version, CertificateDataFormat, CertificateChain), read from the PFX (with its password)
/// or PEM in `CertificateData` with System.Security.Cryptography.
/// </summary>
internal static class CertificateFacts
{
    public static readonly string[] Computed =
    [
        "Thumbprint", "SubjectDistinguishedName", "SubjectCommonName", "SubjectOrganization", "IssuerDistinguishedName",
        "IssuerCommonName", "IssuerOrganization", "NotAfter", "NotBefore", "IsExpired", "HasPrivateKey", "SelfSigned",
        "SerialNumber", "SignatureAlgorithmName", "SubjectAlternativeNames", "Version", "CertificateDataFormat", "CertificateChain",
    ];

    /// <summary>Sets the computed fields from the stored data; returns an error when the data is not a certificate.</summary>
    public static string? Apply(JsonObject doc)
    {
        if ((doc["CertificateData"] as JsonObject)?["NewValue"] is not JsonValue data || !data.TryGetValue<string>(out var base64) || base64.Length == 0)
        {
            return "Please provide the certificate data (CertificateData.NewValue, the PFX or PEM file base64-encoded).";
        }

        var password = (doc["Password"] as JsonObject)?["NewValue"] is JsonValue p && p.TryGetValue<string>(out var pw) ? pw : null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return "CertificateData is not base64.";
        }

        try
        {
            var (certificate, chain, format) = Load(bytes, password);
            using (certificate)
            {
                Describe(doc, certificate, chain, format);
            }

            foreach (var c in chain)
            {
                c.Dispose();
            }

            return null;
        }
        catch (CryptographicException e)
        {
            return $"The certificate could not be read (wrong password, or not a PFX, DER or PEM file): {e.Message}";
        }
    }

    private static (X509Certificate2 Leaf, List<X509Certificate2> Chain, string Format) Load(byte[] bytes, string? password)
    {
        var text = Encoding.ASCII.GetString(bytes);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            var all = new X509Certificate2Collection();
            all.ImportFromPem(text);
            var leaf = all[0];
            if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                leaf = X509Certificate2.CreateFromPem(text);
                all[0].Dispose();
            }

            return (leaf, all.Skip(1).ToList(), "Pem");
        }

        if (X509Certificate2.GetCertContentType(bytes) == X509ContentType.Pkcs12)
        {
            var collection = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
            var leaf = collection.FirstOrDefault(c => c.HasPrivateKey) ?? collection[0];
            return (leaf, collection.Where(c => !ReferenceEquals(c, leaf)).ToList(), "Pkcs12");
        }

        return (X509CertificateLoader.LoadCertificate(bytes), [], "Der");
    }

    private static void Describe(JsonObject doc, X509Certificate2 c, List<X509Certificate2> chain, string format)
    {
        doc["CertificateDataFormat"] = format;
        doc["Thumbprint"] = c.Thumbprint;
        doc["SubjectDistinguishedName"] = c.Subject;
        doc["SubjectCommonName"] = c.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        doc["SubjectOrganization"] = Part(c.SubjectName, "O");
        doc["IssuerDistinguishedName"] = c.Issuer;
        doc["IssuerCommonName"] = c.GetNameInfo(X509NameType.SimpleName, forIssuer: true);
        doc["IssuerOrganization"] = Part(c.IssuerName, "O");
        doc["NotBefore"] = Time(c.NotBefore);
        doc["NotAfter"] = Time(c.NotAfter);
        doc["IsExpired"] = c.NotAfter.ToUniversalTime() < DateTime.UtcNow;
        doc["HasPrivateKey"] = c.HasPrivateKey;
        doc["SelfSigned"] = c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData);
        doc["SerialNumber"] = c.SerialNumber;
        doc["SignatureAlgorithmName"] = c.SignatureAlgorithm.FriendlyName;
        doc["Version"] = c.Version;
        doc["SubjectAlternativeNames"] = Json.Array(c.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Select(n => "DNS Name=" + n)));
        doc["CertificateChain"] = new JsonArray(chain.Select(x => (JsonNode?)new JsonObject
        {
            ["Thumbprint"] = x.Thumbprint,
            ["SubjectDistinguishedName"] = x.Subject,
            ["IssuerDistinguishedName"] = x.Issuer,
            ["NotAfter"] = Time(x.NotAfter),
            ["NotBefore"] = Time(x.NotBefore),
            ["SerialNumber"] = x.SerialNumber,
            ["SignatureAlgorithmName"] = x.SignatureAlgorithm.FriendlyName,
            ["Version"] = x.Version,
        }).ToArray());
    }

    private static string? Part(X500DistinguishedName name, string key) =>
        name.EnumerateRelativeDistinguishedNames()
            .Where(r => r.GetSingleElementType().FriendlyName == key || r.GetSingleElementType().Value == (key == "O" ? "2.5.4.10" : key))
            .Select(r => r.GetSingleElementValue()).FirstOrDefault();

    private static string Time(DateTime t) => new DateTimeOffset(t.ToUniversalTime()).ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture);
}
