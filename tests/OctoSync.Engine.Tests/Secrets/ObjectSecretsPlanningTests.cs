using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Secrets;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Secrets;

/// <summary>docs/secrets.md: account, feed and certificate secrets are decided by the rules of variable values.</summary>
public class ObjectSecretsPlanningTests
{
    private const string AccountKey = "Secret:Account:Azure Prod/Password";
    private const string FeedKey = "Secret:Feed:Private NuGet/Password";
    private static readonly SyncRules Placeholders = new() { Accounts = ReferenceMode.Placeholder, Certificates = ReferenceMode.Placeholder };

    [Fact]
    public void A_created_account_gets_the_supplied_secret_instead_of_the_placeholder_and_leaves_no_clean_up()
    {
        var secret = Supplied(SecretTargetKind.Account, "Azure Prod", "Password", "h1");

        var plan = Plan(Source(), Destination(), [secret]);

        var account = plan.Single(ResourceKind.Account, "Azure Prod");
        Assert.Equal(ChangeAction.Create, account.Action);
        Assert.Equal(secret.Mapping.Token, account.After!.Obj("Password")!.Str("NewValue"));
        Assert.Contains(new StateUpdate.SetObject(AccountKey, new ObjectState("h1")), account.StateUpdates);
        Assert.Contains(account.Details, d => d.Item == "Password" && d.Reason.Contains("from ${AZURE_PROD}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Cleanup, c => c.Subject == "account \"Azure Prod\"");
    }

    [Fact]
    public void A_created_account_without_a_supplied_secret_records_the_placeholder_it_wrote()
    {
        var plan = Plan(Source(), Destination(), []);

        var account = plan.Single(ResourceKind.Account, "Azure Prod");
        Assert.Equal("Replace Me", account.After!.Obj("Password")!.Str("NewValue"));
        Assert.Contains(new StateUpdate.SetObject(AccountKey, new ObjectState(SecretDecision.PlaceholderMark)), account.StateUpdates);
        Assert.Contains(plan.Cleanup, c => c.Subject == "account \"Azure Prod\"");
    }

    [Theory]
    [InlineData("placeholder", OverwriteMode.Unchanged, true)]   // OctoSync's placeholder is replaced
    [InlineData("h0", OverwriteMode.Unchanged, true)]            // the secret changed
    [InlineData("h1", OverwriteMode.Unchanged, false)]           // unchanged since OctoSync wrote it
    [InlineData(null, OverwriteMode.Unchanged, false)]           // a person set it
    [InlineData(null, OverwriteMode.Always, true)]
    public void An_existing_account_gets_the_secret_by_the_rules_of_variable_values(string? recorded, OverwriteMode overwrite, bool writes)
    {
        var secret = Supplied(SecretTargetKind.Account, "Azure Prod", "Password", "h1");
        var destination = Destination().Account("Azure Prod", "Production");

        var plan = Plan(Source(), destination, [secret], State(AccountKey, recorded), new SyncRules { Accounts = ReferenceMode.Placeholder, Variables = new VariableRules { Overwrite = overwrite } });

        var account = plan.Single(ResourceKind.Account, "Azure Prod");
        Assert.Equal(writes ? ChangeAction.Update : ChangeAction.None, account.Action);
        Assert.Equal(destination.IdOf(ResourceKind.Account, "Azure Prod"), account.DestinationId);
        if (writes)
        {
            Assert.Equal(secret.Mapping.Token, account.After!.Obj("Password")!.Str("NewValue"));
            Assert.Equal("00000000-1111-2222-3333-444444444444", account.After!.Str("SubscriptionNumber"));
            Assert.Contains(new StateUpdate.SetObject(AccountKey, new ObjectState("h1")), account.StateUpdates);
        }
        else
        {
            Assert.Null(account.After);
            Assert.DoesNotContain(account.StateUpdates, u => u is StateUpdate.SetObject { Key: AccountKey });
            Assert.Contains(account.Details, d => d.Reason.Contains("${AZURE_PROD}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Under_skip_an_account_secret_is_not_written_and_the_entry_is_reported_unused()
    {
        var secret = Supplied(SecretTargetKind.Account, "Azure Shared", "Password", "h1");

        var plan = Plan(Source(), Destination(), [secret], State(AccountKey, "placeholder"), new SyncRules { Accounts = ReferenceMode.Skip });

        Assert.DoesNotContain(plan.Changes, c => c.Writes);
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Summary.Contains("is not written", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_feed_gets_its_password_and_an_existing_one_OctoSync_left_a_placeholder_in_gets_it_too()
    {
        var secret = Supplied(SecretTargetKind.Feed, "Private NuGet", "Password", "h1");
        var source = Source().Feed("Private NuGet");

        var created = Plan(source, Destination(), [secret]).Single(ResourceKind.Feed, "Private NuGet");
        Assert.Equal(ChangeAction.Create, created.Action);
        Assert.Equal(secret.Mapping.Token, created.After!.Obj("Password")!.Str("NewValue"));

        var destination = Destination().Feed("Private NuGet");
        var existing = Plan(source, destination, [secret], State(FeedKey, "placeholder")).Single(ResourceKind.Feed, "Private NuGet");
        Assert.Equal(ChangeAction.Update, existing.Action);
        Assert.Equal(secret.Mapping.Token, existing.After!.Obj("Password")!.Str("NewValue"));
        Assert.Equal("octo", existing.After!.Str("Username"));

        var unchanged = Plan(source, destination, [secret], State(FeedKey, "h1")).Single(ResourceKind.Feed, "Private NuGet");
        Assert.Equal(ChangeAction.None, unchanged.Action);
    }

    [Fact]
    public void A_feed_password_the_source_lacks_once_supplied_does_not_read_as_a_change_on_the_next_run()
    {
        var secret = Supplied(SecretTargetKind.Feed, "Private NuGet", "Password", "h1");
        var source = Source().Feed("Private NuGet");
        var sourceSnapshot = source.Build();
        sourceSnapshot.Feeds.Single(f => f.Name() == "Private NuGet")["Password"] = new System.Text.Json.Nodes.JsonObject { ["HasValue"] = false, ["NewValue"] = null };

        var first = SyncPlanner.Plan(PlanningFixture.Input(source, Destination(), Placeholders) with { Source = sourceSnapshot, Secrets = [secret] })
            .Single(ResourceKind.Feed, "Private NuGet");
        Assert.Equal(ChangeAction.Create, first.Action);
        var state = SyncState.Empty("prod").With(first.StateUpdates);

        // The destination now has the feed with its password set (Octopus returns HasValue: true).
        var next = SyncPlanner.Plan(PlanningFixture.Input(source, Destination().Feed("Private NuGet"), Placeholders, state: state) with { Source = sourceSnapshot, Secrets = [secret] })
            .Single(ResourceKind.Feed, "Private NuGet");
        Assert.Equal(ChangeAction.None, next.Action);
        Assert.Contains(next.Details, d => d.Reason.Contains("unchanged since OctoSync wrote it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_created_certificate_gets_its_file_and_password_and_without_a_password_none_instead_of_the_placeholder()
    {
        var data = Supplied(SecretTargetKind.Certificate, "Web TLS", "CertificateData", "h1");
        var password = Supplied(SecretTargetKind.Certificate, "Web TLS", "Password", "h2");

        var plan = Plan(Source(), Destination(), [data, password]);
        var certificate = plan.Single(ResourceKind.Certificate, "Web TLS");
        Assert.Equal(data.Mapping.Token, certificate.After!.Obj("CertificateData")!.Str("NewValue"));
        Assert.Equal(password.Mapping.Token, certificate.After!.Obj("Password")!.Str("NewValue"));
        Assert.DoesNotContain(plan.Cleanup, c => c.Kind == ResourceKind.Certificate && c.Subject == "certificate \"Web TLS\"");

        var dataOnly = Plan(Source(), Destination(), [data]).Single(ResourceKind.Certificate, "Web TLS");
        Assert.False(dataOnly.After!.Obj("Password")!.Bool("HasValue"));
    }

    [Theory]
    [InlineData("placeholder", OverwriteMode.Unchanged, true)]   // OctoSync's placeholder certificate is replaced
    [InlineData("h0", OverwriteMode.Unchanged, true)]            // the file changed
    [InlineData("h1", OverwriteMode.Unchanged, false)]           // unchanged since OctoSync wrote it
    [InlineData(null, OverwriteMode.Unchanged, false)]           // a person uploaded it
    [InlineData(null, OverwriteMode.Always, true)]
    public void An_existing_certificate_is_replaced_with_the_file_and_its_password_by_the_rules_of_variable_values(string? recorded, OverwriteMode overwrite, bool replaces)
    {
        const string dataKey = "Secret:Certificate:Web TLS/CertificateData";
        var data = Supplied(SecretTargetKind.Certificate, "Web TLS", "CertificateData", "h1");
        var password = Supplied(SecretTargetKind.Certificate, "Web TLS", "Password", "p1");
        var destination = Destination().Certificate("Web TLS", "Production");
        var state = recorded is null ? null : SyncState.Empty("prod").With(
            [new StateUpdate.SetObject(dataKey, new ObjectState(recorded)), new StateUpdate.SetObject("Secret:Certificate:Web TLS/Password", new ObjectState("p1"))]);

        var plan = Plan(Source(), destination, [data, password], state, new SyncRules { Certificates = ReferenceMode.Placeholder, Variables = new VariableRules { Overwrite = overwrite } });

        var certificate = plan.Single(ResourceKind.Certificate, "Web TLS");
        Assert.Equal(replaces ? ChangeAction.Update : ChangeAction.None, certificate.Action);
        Assert.Equal(destination.IdOf(ResourceKind.Certificate, "Web TLS"), certificate.DestinationId);
        Assert.DoesNotContain(plan.Cleanup, c => c.Subject == "certificate \"Web TLS\"");
        if (replaces)
        {
            // The file and its password go together, even when only the file changed; both are recorded.
            Assert.Equal(data.Mapping.Token, certificate.After!.Obj("CertificateData")!.Str("NewValue"));
            Assert.Equal(password.Mapping.Token, certificate.After!.Obj("Password")!.Str("NewValue"));
            Assert.Contains("replaced from file:/x", certificate.Reason, StringComparison.Ordinal);
            Assert.All(certificate.Details, d => Assert.Contains("the certificate is replaced from file:/x", d.Reason, StringComparison.Ordinal));
            Assert.Contains(new StateUpdate.SetObject(dataKey, new ObjectState("h1")), certificate.StateUpdates);
            Assert.Contains(new StateUpdate.SetObject("Secret:Certificate:Web TLS/Password", new ObjectState("p1")), certificate.StateUpdates);
        }
        else
        {
            Assert.Null(certificate.After);
            Assert.Empty(certificate.StateUpdates);
        }
    }

    [Fact]
    public void A_step_templates_sensitive_parameter_default_is_supplied_on_create_and_replaces_the_placeholder_later()
    {
        var secret = Supplied(SecretTargetKind.StepTemplate, "Run migrations", "db.password", "h1"); // written in another case than the parameter
        var source = PlanningFixture.DevTest().StepTemplate("Run migrations", parameters: ["Db.Password", "Db.Name"]);
        var sourceSnapshot = Sensitive(source.Build(), hasValue: false);

        var created = SyncPlanner.Plan(PlanningFixture.Input(source, PlanningFixture.ProductionOnly()) with { Source = sourceSnapshot, Secrets = [secret] });
        var create = created.Single(ResourceKind.ActionTemplate, "Run migrations");
        Assert.Equal(ChangeAction.Create, create.Action);
        Assert.Equal(secret.Mapping.Token, create.After!.Arr("Parameters").Objects().Single(p => p.Name() == "Db.Password").Obj("DefaultValue")!.Str("NewValue"));
        Assert.Equal("", create.After!.Arr("Parameters").Objects().Single(p => p.Name() == "Db.Name").Str("DefaultValue"));
        Assert.DoesNotContain(created.Cleanup, c => c.Kind == ResourceKind.ActionTemplate);

        var destination = PlanningFixture.ProductionOnly().StepTemplate("Run migrations", parameters: ["Db.Password", "Db.Name"]);
        var key = "Secret:StepTemplate:Run migrations/Db.Password";
        var existing = SyncPlanner.Plan(PlanningFixture.Input(source, destination, state: State(key, "placeholder")) with
        {
            Source = sourceSnapshot,
            Destination = Sensitive(destination.Build(), hasValue: true),
            Secrets = [secret],
        }).Single(ResourceKind.ActionTemplate, "Run migrations");
        Assert.Equal(ChangeAction.Update, existing.Action);
        Assert.Equal(secret.Mapping.Token, existing.After!.Arr("Parameters").Objects().Single(p => p.Name() == "Db.Password").Obj("DefaultValue")!.Str("NewValue"));
        Assert.Contains(new StateUpdate.SetObject(key, new ObjectState("h1")), existing.StateUpdates);
    }

    /// <summary>Makes the templates' <c>Db.Password</c> parameter sensitive, as Octopus returns it (a write-only default).</summary>
    private static SpaceSnapshot Sensitive(SpaceSnapshot snapshot, bool hasValue)
    {
        foreach (var parameter in snapshot.ActionTemplates.SelectMany(t => t.Arr("Parameters").Objects()).Where(p => p.Name() == "Db.Password"))
        {
            parameter["DefaultValue"] = new System.Text.Json.Nodes.JsonObject { ["HasValue"] = hasValue, ["NewValue"] = null };
            parameter["DisplaySettings"] = new System.Text.Json.Nodes.JsonObject { ["Octopus.ControlType"] = "Sensitive" };
        }

        return snapshot;
    }

    private static SnapshotBuilder Source() => PlanningFixture.DevTest().Account("Azure Shared").Account("Azure Prod", "Production").Certificate("Web TLS", "Production");

    private static SnapshotBuilder Destination() => PlanningFixture.ProductionOnly().Account("Azure Shared");

    private static Plan Plan(SnapshotBuilder source, SnapshotBuilder destination, IReadOnlyList<SuppliedSecret> secrets, SyncState? state = null, SyncRules? rules = null) =>
        SyncPlanner.Plan(PlanningFixture.Input(source, destination, rules ?? Placeholders, state: state) with { Secrets = secrets });

    private static SyncState? State(string key, string? recorded) =>
        recorded is null ? null : SyncState.Empty("prod").With([new StateUpdate.SetObject(key, new ObjectState(recorded))]);

    private static SuppliedSecret Supplied(SecretTargetKind kind, string name, string field, string hash) => new(new SecretMapping
    {
        Kind = kind,
        Owner = name,
        Name = field,
        IsBinary = field == "CertificateData",
        Source = SecretSource.Parse(field == "CertificateData" ? "file:/x" : "${AZURE_PROD}", out _)!,
        KeyPath = $"destinations[prod].secrets[0].fields.{field}",
    }, hash);
}
