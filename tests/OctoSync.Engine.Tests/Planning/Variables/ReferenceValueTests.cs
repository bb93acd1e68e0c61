using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>The seed's "Variable Values": values that hold an account, certificate or worker-pool id (<c>rules.variables.references</c>).</summary>
public class ReferenceValueTests
{
    private readonly VariableScenario _s = new();
    private readonly string _azure, _devCert, _pool;

    public ReferenceValueTests()
    {
        _s.Source.Project("OctoFx");
        _azure = _s.Source.Account("Azure Prod");
        _devCert = _s.Source.Certificate("Dev cert");
        _pool = _s.Source.WorkerPool("Linux pool");
        _s.Destination.Project("OctoFx");
        _s.Destination.Account("Azure Prod");
        _s.Destination.WorkerPool("Linux pool");
    }

    public static TheoryData<ValueReferenceMode, string[], string[]> Cases => new()
    {
        {
            ValueReferenceMode.ByName,
            ["Azure | Azure Prod | ", "Pool | Linux pool | "],
            ["rules.variables.references: by-name|Create", "rules.variables.references: by-name|Skip", "rules.variables.references: by-name|Create"]
        },
        {
            ValueReferenceMode.Skip,
            [],
            ["rules.variables.references: skip|Skip", "rules.variables.references: skip|Skip", "rules.variables.references: skip|Skip"]
        },
        {
            ValueReferenceMode.Empty,
            ["Azure |  | ", "Cert |  | ", "Pool |  | "],
            ["rules.variables.references: empty|Create", "rules.variables.references: empty|Create", "rules.variables.references: empty|Create"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void References_follow_the_rule(ValueReferenceMode mode, string[] table, string[] decisions)
    {
        var plan = _s.Plan(Set("variableset-Projects-1",
                Typed("a", "Azure", _azure, "AzureAccount"),
                Typed("c", "Cert", _devCert, "Certificate"),
                Typed("p", "Pool", _pool, "WorkerPool")),
            Set("variableset-Projects-101"), new VariableRules { References = mode });

        // Table() shows ids as destination names: by-name wrote destination ids.
        Assert.Equal(table, _s.Table(plan.Change.After).Select(r => NamesForIds(r)));
        Assert.Equal(decisions, plan.Change.Details.Select(d => $"{d.Rule}|{d.Action}"));
    }

    [Fact]
    public void A_missing_certificate_is_named_in_the_skip_reason()
    {
        var plan = _s.Plan(Set("variableset-Projects-1", Typed("c", "Cert", _devCert, "Certificate")), Set("variableset-Projects-101"));

        Assert.Equal("Certificate \"Dev cert\" is not on this destination", Assert.Single(plan.Change.Details).Reason);
    }

    [Fact]
    public void By_name_writes_the_destination_id_and_shows_the_name()
    {
        var plan = _s.Plan(Set("variableset-Projects-1", Typed("a", "Azure", _azure, "AzureAccount")), Set("variableset-Projects-101"));

        var written = Assert.Single(plan.Change.After!.Arr("Variables").Objects());
        Assert.Equal(_s.Translator().Destination.IdOf(Engine.Model.ResourceKind.Account, "Azure Prod"), written.Str("Value"));
        Assert.Equal("Azure = Azure Prod", Assert.Single(plan.Change.Details).Item);
    }

    /// <summary>Issue #11: a skipped reference showed its source id ("Azure = Accounts-2") and "a account".</summary>
    [Fact]
    public void A_skipped_reference_is_shown_by_name_with_the_right_article()
    {
        var plan = _s.Plan(Set("variableset-Projects-1", Typed("a", "Azure", _azure, "AzureAccount")), Set("variableset-Projects-101"),
            new VariableRules { References = ValueReferenceMode.Skip });

        var detail = Assert.Single(plan.Change.Details);
        Assert.Equal("Azure = Azure Prod", detail.Item);
        Assert.Equal("Its value is an account (Azure Prod)", detail.Reason);
        Assert.DoesNotContain(_azure, detail.Item, StringComparison.Ordinal);
    }

    private string NamesForIds(string row)
    {
        var parts = row.Split(" | ");
        var name = _s.Translator().DestinationKeyOf(parts[1]);
        return name is null ? row : $"{parts[0]} | {name} | {parts[2]}";
    }
}
