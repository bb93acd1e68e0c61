using OctoSync.Engine.Configuration;
using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Tests.Secrets;

public class SecretsConfigurationTests
{
    private const string Head = """
        source:
          url: https://devtest.example
          apiKey: API-SOURCE
        destinations:
          - name: prod
            url: https://prod.example
            apiKey: API-PROD
            secrets:

        """;

    [Fact]
    public void Entries_are_read_with_their_sources_unexpanded_and_their_scope()
    {
        var configuration = ConfigurationLoader.Parse(Head + """
                  - variable: OctoFx/Db.Password
                    scope: { Environment: [Production], Role: web }
                    value: ${PROD_DB_PASSWORD}
                  - variable: Shared settings/Api.Key
                    value: command:vault kv get -field=key secret/api
            """, "octosync.yaml", _ => null);

        var secrets = Assert.Single(configuration.Destinations).Secrets;
        Assert.Equal(2, secrets.Count);
        Assert.Equal("OctoFx/Db.Password [Environment: Production; Role: web]", secrets[0].Target);
        Assert.Equal(SecretSourceKind.Environment, secrets[0].Source.Kind);
        Assert.Equal("${PROD_DB_PASSWORD}", secrets[0].Source.Text);
        Assert.Equal("destinations[prod].secrets[0]", secrets[0].KeyPath);
        Assert.Equal(9, secrets[0].Line);
        Assert.Equal("Shared settings", secrets[1].Owner);
        Assert.Equal(["kv", "get", "-field=key", "secret/api"], secrets[1].Source.Arguments);
        Assert.Contains(configuration.Destinations[0].References, r => r.Kind == ConfigurationReferenceKind.DestinationEnvironment && r.Name == "Production");
    }

    [Fact]
    public void Mistakes_are_errors_with_file_line_and_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(Head + """
                  - variable: Db.Password
                    value: ${X}
                  - variable: OctoFx/A
                    value: hunter2
                  - variable: OctoFx/B
                    scope: { Enviroment: [Production] }
                    value: file:/x
                  - variable: OctoFx/C
                  - account: Azure Prod
                    fields: { Pasword: file:/x }
                  - variable: OctoFx/D
                    value: ${D1}
                  - variable: OctoFx/D
                    value: ${D2}
            """, "octosync.yaml", _ => null));

        Assert.Contains("octosync.yaml:9: destinations[prod].secrets[0].variable: 'Db.Password' is not Project/Name", error.Message, StringComparison.Ordinal);
        Assert.Contains("octosync.yaml:12: destinations[prod].secrets[1].value: expected ${NAME}, file:PATH or command:PROGRAM ARGS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[2].scope.Enviroment: unknown key; did you mean 'Environment'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[3].value: required key is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("octosync.yaml:18: destinations[prod].secrets[4].fields.Pasword: 'Pasword' is not a secret field of any account; expected one of", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[6]: OctoFx/D already has a secret (line 19)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_feed_and_certificate_entries_become_one_mapping_per_secret_field()
    {
        var configuration = ConfigurationLoader.Parse(Head + """
                  - account: Azure Prod
                    fields: { password: '${AZURE_PROD_SECRET}' }
                  - account: Deploy SSH
                    fields:
                      PrivateKeyFile: file:keys/deploy.key
                      PrivateKeyPassphrase: command:vault kv get -field=passphrase secret/ssh
                  - feed: Private NuGet
                    password: ${NUGET_PASSWORD}
                  - feed: ECR
                    fields:
                      SecretKey: ${ECR_SECRET}
                  - certificate: Signing
                    data: file:certs/signing.pfx
                    password: ${SIGNING_PFX_PASSWORD}
                  - stepTemplate: Run migrations
                    parameter: Db.Password
                    value: ${MIGRATIONS_DB_PASSWORD}
            """, "octosync.yaml", _ => null);

        var secrets = Assert.Single(configuration.Destinations).Secrets;
        Assert.Equal(
            ["account Azure Prod: Password", "account Deploy SSH: PrivateKeyFile", "account Deploy SSH: PrivateKeyPassphrase", "feed Private NuGet: Password", "feed ECR: SecretKey", "certificate Signing: CertificateData", "certificate Signing: Password", "step template Run migrations: Db.Password"],
            secrets.Select(s => s.Target));
        Assert.Equal("destinations[prod].secrets[0].fields.password", secrets[0].KeyPath);
        Assert.Equal(10, secrets[0].Line);
        Assert.Equal(SecretTargetKind.Account, secrets[0].Kind);
        Assert.Equal("destinations[prod].secrets[2].password", secrets[3].KeyPath);
        Assert.True(secrets[5].IsBinary);
        Assert.False(secrets[6].IsBinary);
        Assert.Equal(21, secrets[5].Line);
        Assert.Equal(secrets.Count, secrets.Select(s => s.Token).Distinct().Count());
        Assert.Equal("destinations[prod].secrets[5].value", secrets[7].SourcePath);
    }

    [Fact]
    public void Entry_kind_mistakes_are_errors_with_file_line_and_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(Head + """
                  - account: Azure Prod
                    value: ${X}
                  - account: Azure Prod
                    feed: Private NuGet
                    password: ${X}
                  - feed: Private NuGet
                  - certificate: Signing
                    password: ${X}
                  - account: Azure Prod
                    fields: { Password: '${A}' }
                  - account: Azure Prod
                    fields: { Password: '${B}' }
            """, "octosync.yaml", _ => null));

        Assert.Contains("octosync.yaml:10: destinations[prod].secrets[0].value: 'value' does not apply to an account entry (its keys: fields)", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[1]: one entry names one thing: account and feed are two", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[2]: a feed entry needs password", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[3].data: required key is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("destinations[prod].secrets[5]: account Azure Prod: Password already has a secret (line 18)", error.Message, StringComparison.Ordinal);
    }
}
