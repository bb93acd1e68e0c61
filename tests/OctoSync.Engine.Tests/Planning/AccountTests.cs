using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Spec §5.6: accounts and certificates by-name / placeholder / skip; items scoped only to excluded environments.</summary>
public class AccountTests
{
    private static SnapshotBuilder Source() => PlanningFixture.DevTest()
        .Account("Azure Shared").Account("Azure Prod", "Production").Account("Azure Dev", "Development")
        .Certificate("Web TLS", "Production").Certificate("Dev TLS", "Development");

    private static SnapshotBuilder Destination() => PlanningFixture.ProductionOnly().Account("Azure Shared");

    [Fact]
    public void By_name_references_the_destination_item_and_reports_missing_ones()
    {
        var input = PlanningFixture.Input(Source(), Destination());
        var session = new PlanningSession(input);
        Engine.Planning.Environments.EnvironmentMapper.Plan(session);
        Engine.Planning.Accounts.AccountPlanner.Plan(session);
        var plan = session.ToPlan();

        Assert.Null(plan.Find(ResourceKind.Account, "Azure Shared"));
        Assert.Equal(Destination().IdOf(ResourceKind.Account, "Azure Shared"), session.Translator.Translate(input.Source.Accounts.First(a => a.Name() == "Azure Shared").Id()));
        var missing = plan.Single(ResourceKind.Account, "Azure Prod");
        Assert.Equal(ChangeAction.Skip, missing.Action);
        Assert.Equal("rules.accounts: by-name", missing.Rule);
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Subject == "Azure Prod");
        Assert.Null(session.Translator.TranslateKey(ResourceKind.Account, "Azure Prod"));
        Assert.DoesNotContain(plan.Changes, c => c.Writes);
    }

    [Fact]
    public void Placeholder_creates_a_missing_item_with_placeholder_secrets_listed_for_clean_up()
    {
        var rules = new SyncRules { Accounts = ReferenceMode.Placeholder, Certificates = ReferenceMode.Placeholder };
        var plan = PlanningFixture.Plan(Source(), Destination(), rules);

        var account = plan.Single(ResourceKind.Account, "Azure Prod");
        Assert.Equal(ChangeAction.Create, account.Action);
        Assert.Equal("rules.accounts: placeholder", account.Rule);
        Assert.Equal("AzureServicePrincipal", account.After!.Str("AccountType"));
        Assert.Equal("Replace Me", account.After!.Obj("Password")!.Str("NewValue"));
        Assert.Equal(["Environments-101"], account.After!.Strings("EnvironmentIds"));
        var certificate = plan.Single(ResourceKind.Certificate, "Web TLS");
        Assert.Equal("rules.certificates: placeholder", certificate.Rule);
        Assert.Null(certificate.After!["Thumbprint"]);
        Assert.Contains(plan.Cleanup, c => c.Kind == ResourceKind.Account && c.Subject == "account \"Azure Prod\"");
        Assert.Contains(plan.Cleanup, c => c.Kind == ResourceKind.Certificate && c.What.Contains("CertificateData", StringComparison.Ordinal));
        Assert.Null(plan.Find(ResourceKind.Account, "Azure Shared"));
    }

    [Theory]
    [InlineData(ReferenceMode.ByName, ResourceKind.Account, "Azure Dev")]
    [InlineData(ReferenceMode.Placeholder, ResourceKind.Account, "Azure Dev")]
    [InlineData(ReferenceMode.Placeholder, ResourceKind.Certificate, "Dev TLS")]
    public void An_item_scoped_only_to_excluded_environments_is_never_copied(ReferenceMode mode, ResourceKind kind, string name)
    {
        var plan = PlanningFixture.Plan(Source(), Destination(), new SyncRules { Accounts = mode, Certificates = mode });

        var change = plan.Single(kind, name);
        Assert.Equal(ChangeAction.Skip, change.Action);
        Assert.Contains("excluded", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_never_touches_accounts_and_their_references_translate_to_nothing()
    {
        var input = PlanningFixture.Input(Source(), Destination(), new SyncRules { Accounts = ReferenceMode.Skip });
        var session = new PlanningSession(input);
        Engine.Planning.Environments.EnvironmentMapper.Plan(session);
        Engine.Planning.Accounts.AccountPlanner.Plan(session);

        var accounts = session.Changes.Where(c => c.Kind == ResourceKind.Account).ToList();
        Assert.Equal(3, accounts.Count);
        Assert.All(accounts, c => Assert.Equal(("rules.accounts: skip", ChangeAction.Skip), (c.Rule, c.Action)));
        Assert.Null(session.Translator.TranslateKey(ResourceKind.Account, "Azure Shared"));
    }
}
