using OctoSync.Engine.Configuration;
using OctoSync.Engine.Secrets;
using OctoSync.Engine.Tests.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Secrets;

/// <summary>Once the instances are read, an entry's field must be a secret field of the account's or feed's type.</summary>
public class SecretTargetsTests
{
    [Fact]
    public void A_field_the_type_lacks_or_a_name_neither_instance_has_is_an_error_with_file_line_and_key()
    {
        var configuration = ConfigurationLoader.Parse("""
            source:
              url: https://devtest.example
              apiKey: k
            destinations:
              - name: prod
                url: https://prod.example
                apiKey: k
                secrets:
                  - account: Azure Prod
                    fields:
                      Password: ${A}
                      Token: ${B}
                  - account: Nowhere
                    fields:
                      Password: ${C}
                  - feed: Private NuGet
                    fields:
                      SecretKey: ${D}
                  - certificate: Web TLS
                    data: file:web.pfx
                  - stepTemplate: Run migrations
                    parameter: Db.Name
                    value: ${E}
            """, "octosync.yaml", _ => null);
        var source = PlanningFixture.DevTest().Account("Azure Prod").Certificate("Web TLS").StepTemplate("Run migrations", parameters: ["Db.Name"]).Build();
        var destination = new SnapshotBuilder("Spaces-2").Feed("Private NuGet").Build();

        var errors = SecretTargets.Errors(configuration, configuration.Destinations[0], source, destination);

        Assert.Equal(
        [
            "octosync.yaml:12: destinations[prod].secrets[0].fields.Token: account 'Azure Prod' is of type AzureServicePrincipal, which has no secret field Token (its secret fields: Password)",
            "octosync.yaml:15: destinations[prod].secrets[1].fields.Password: no account named 'Nowhere' on the destination or the source",
            "octosync.yaml:18: destinations[prod].secrets[2].fields.SecretKey: feed 'Private NuGet' is of type NuGet, which has no secret field SecretKey (its secret fields: Password)",
            "octosync.yaml:21: destinations[prod].secrets[4].parameter: parameter 'Db.Name' of step template 'Run migrations' is not sensitive: its default is synced as it is (it has no sensitive parameters)",
        ], errors);
    }
}
