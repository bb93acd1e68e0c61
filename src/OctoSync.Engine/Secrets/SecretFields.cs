namespace OctoSync.Engine.Secrets;

/// <summary>
/// The write-only (SensitiveValue, <c>{HasValue, NewValue}</c>) fields of accounts and feeds, per type, that a
/// <c>secrets:</c> entry may supply. Source: octopus-api-notes §3.14 (accounts) and §3.17 (feeds), from the Octopus.Client
/// and go-octopusdeploy resources (the 2021.2 Swagger does not model the account and feed subtypes); certificates:
/// Swagger 2021.2 <c>CertificateResource</c> (<c>CertificateData</c>, <c>Password</c>).
/// </summary>
public static class SecretFields
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> AccountTypes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["UsernamePassword"] = ["Password"],
        ["SshKeyPair"] = ["PrivateKeyFile", "PrivateKeyPassphrase"],
        ["Token"] = ["Token"],
        ["AzureServicePrincipal"] = ["Password"],
        ["AzureSubscription"] = ["CertificateBytes"],
        ["AmazonWebServicesAccount"] = ["SecretKey"],
        ["GoogleCloudAccount"] = ["JsonKey"],
    };

    /// <summary>Every feed type with credentials has a <c>Password</c>, except AWS ECR (access key + <c>SecretKey</c>).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> FeedTypes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["NuGet"] = ["Password"],
        ["Docker"] = ["Password"],
        ["Maven"] = ["Password"],
        ["GitHub"] = ["Password"],
        ["Helm"] = ["Password"],
        ["OciRegistry"] = ["Password"],
        ["ArtifactoryGeneric"] = ["Password"],
        ["Npm"] = ["Password"],
        ["PyPi"] = ["Password"],
        ["AwsElasticContainerRegistry"] = ["SecretKey"],
    };

    public static readonly IReadOnlyList<string> Certificate = ["CertificateData", "Password"];

    /// <summary>Every account secret field of any type: what the configuration reader accepts under <c>fields:</c>
    /// (which type an account has is known once the instances are read: <see cref="SecretTargets"/>).</summary>
    public static IReadOnlyList<string> AnyAccount { get; } = [.. AccountTypes.Values.SelectMany(f => f).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> AnyFeed { get; } = [.. FeedTypes.Values.SelectMany(f => f).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The secret fields of one account or feed type; empty for a type without secrets (OIDC accounts, None).</summary>
    public static IReadOnlyList<string> Of(SecretTargetKind kind, string? type) => kind switch
    {
        SecretTargetKind.Account => type is not null && AccountTypes.TryGetValue(type, out var a) ? a : [],
        SecretTargetKind.Feed => type is not null && FeedTypes.TryGetValue(type, out var f) ? f : [],
        SecretTargetKind.Certificate => Certificate,
        _ => [],
    };
}
