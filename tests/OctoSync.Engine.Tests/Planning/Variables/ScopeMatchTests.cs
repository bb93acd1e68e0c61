using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>
/// <c>scopeMatch</c> / <c>scopeMatchBy</c> per dimension (spec §5.5). The source has every environment, the
/// destination Production only; channels, steps, runbooks and targets partly exist on the destination.
/// </summary>
public class ScopeMatchTests
{
    private readonly VariableScenario _s = new();
    private readonly string _dev, _test, _staging, _production, _devOnly, _default, _deployWeb, _spinUp, _refresh, _project, _web01, _devBox;

    public ScopeMatchTests()
    {
        (_dev, _test, _staging, _production) =
            (_s.Source.Environment("Development"), _s.Source.Environment("Test"), _s.Source.Environment("Staging"), _s.Source.Environment("Production"));
        _project = _s.Source.Project("OctoFx", "Deploy web", "Spin up DB");
        (_default, _devOnly) = (_s.Source.Channel(_project, "Default"), _s.Source.Channel(_project, "Dev only"));
        (_deployWeb, _spinUp) = (_s.Source.ActionId(_project, "Deploy web"), _s.Source.ActionId(_project, "Spin up DB"));
        _refresh = _s.Source.Runbook(_project, "Refresh cache");
        (_web01, _devBox) = (_s.Source.Machine("web-01"), _s.Source.Machine("dev-box"));

        _s.Destination.Environment("Production");
        var project = _s.Destination.Project("OctoFx", "Deploy web");
        _s.Destination.Channel(project, "Default");
        _s.Destination.Channel(project, "Dev only");
        _s.Destination.Runbook(project, "Refresh cache");
        _s.Destination.Machine("web-01");
        _s.Source.TagSet("Region", "EU", "US");
        _s.Source.TagSet("Tier", "Gold");
        _s.Destination.TagSet("Region", "EU");
        // The orchestrator learnt from the channel planner that "Dev only" is skipped on this destination.
        _s.Teach.Add(t => t.Exclude(ResourceKind.Channel, "OctoFx/Dev only"));
    }

    public static TheoryData<ScopeMatch, string?> EnvironmentPartialMatch => new()
    {
        { ScopeMatch.Partial, "Api.Url | https://api | Production" },
        { ScopeMatch.Exact, null },
        { ScopeMatch.Ignore, "Api.Url | https://api | Production" },
        { ScopeMatch.NewOnly, "Api.Url | https://api | Production" },
    };

    [Theory]
    [MemberData(nameof(EnvironmentPartialMatch))]
    public void Staging_and_Production_on_a_Production_only_destination(ScopeMatch mode, string? expected)
    {
        var plan = Plan(new VariableRules { ScopeMatch = mode }, Value("v1", "Api.Url", "https://api", Env(_staging, _production)));

        Assert.Equal(expected is null ? [] : [expected], _s.Table(plan.Change.After));
        var detail = Assert.Single(plan.Change.Details);
        Assert.Equal($"rules.variables.scopeMatch: {(mode == ScopeMatch.NewOnly ? "new-only" : mode.ToString().ToLowerInvariant())}", detail.Rule);
        Assert.Contains("Staging", detail.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ScopeMatchBy_overrides_scopeMatch_for_its_dimension_and_is_cited()
    {
        var rules = new VariableRules { ScopeMatchBy = new Dictionary<ScopeDimension, ScopeMatch> { [ScopeDimension.Environment] = ScopeMatch.Exact } };

        var plan = Plan(rules, Value("v1", "Api.Url", "https://api", Env(_staging, _production)));

        var detail = Assert.Single(plan.Change.Details);
        Assert.Equal(ChangeAction.Skip, detail.Action);
        Assert.Equal("rules.variables.scopeMatchBy.Environment: exact", detail.Rule);
    }

    [Fact]
    public void An_environment_mapping_rescopes_the_value()
    {
        _s.Teach.Add(t => t.Map(ResourceKind.Environment, "Test", "Production"));

        var plan = Plan(new VariableRules(), Value("v1", "Api.Url", "https://test", Env(_test)));

        Assert.Equal(["Api.Url | https://test | Production"], _s.Table(plan.Change.After));
    }

    public static TheoryData<ScopeMatch, string, string?> ChannelCases => new()
    {
        { ScopeMatch.Partial, "DevOnly", null },
        { ScopeMatch.Exact, "DevOnly", null },
        { ScopeMatch.Ignore, "DevOnly", "X | 1 | " },
        { ScopeMatch.NewOnly, "DevOnly", "X | 1 | " },
        { ScopeMatch.Partial, "Both", "X | 1 | OctoFx/Default (channel)" },
        { ScopeMatch.Exact, "Both", null },
        { ScopeMatch.Ignore, "Both", "X | 1 | OctoFx/Default (channel)" },
    };

    [Theory]
    [MemberData(nameof(ChannelCases))]
    public void A_skipped_channel_trickles_down_to_channel_scoped_values(ScopeMatch mode, string channels, string? expected)
    {
        var scope = channels == "Both" ? [_default, _devOnly] : new[] { _devOnly };
        var rules = new VariableRules { ScopeMatchBy = new Dictionary<ScopeDimension, ScopeMatch> { [ScopeDimension.Channel] = mode } };

        var plan = Plan(rules, Value("v1", "X", "1", ("Channel", scope)));

        Assert.Equal(expected is null ? [] : [expected], _s.Table(plan.Change.After));
        Assert.StartsWith("rules.variables.scopeMatchBy.Channel: ", Assert.Single(plan.Change.Details).Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScopeMatch.Exact)]
    [InlineData(ScopeMatch.Partial)]
    public void Roles_and_tenant_tags_are_portable_and_copied_as_they_are(ScopeMatch mode)
    {
        var plan = Plan(new VariableRules { ScopeMatch = mode },
            Value("v1", "X", "1", Role("SQL-Server", "web"), ("TenantTag", ["Region/EU"])));

        Assert.Equal(["X | 1 | SQL-Server, web (role); Region/EU (tenanttag)"], _s.Table(plan.Change.After));
    }

    [Theory]
    [InlineData(ScopeMatch.Partial, false, null)]
    [InlineData(ScopeMatch.Ignore, false, "X | 1 | ")]
    [InlineData(ScopeMatch.Partial, true, "X | 1 | Tier/Gold (tenanttag)")]
    public void A_tenant_tag_must_reach_the_destination_with_its_tag_set(ScopeMatch mode, bool tagSetCreatedByThePlan, string? expected)
    {
        if (tagSetCreatedByThePlan)
        {
            _s.Teach.Add(t => t.PlanCreate(ResourceKind.TagSet, "Tier"));
        }

        var plan = Plan(new VariableRules { ScopeMatch = mode }, Value("v1", "X", "1", ("TenantTag", ["Tier/Gold"])));

        Assert.Equal(expected is null ? [] : [expected], _s.Table(plan.Change.After));
    }

    [Fact]
    public void Actions_process_owners_and_machines_are_translated_by_name()
    {
        var plan = Plan(new VariableRules(),
            Value("v1", "A", "1", ("Action", [_deployWeb])),
            Value("v2", "B", "2", ("ProcessOwner", [_project, _refresh])),
            Value("v3", "C", "3", ("Machine", [_web01, _devBox])));

        Assert.Equal(
            ["A | 1 | OctoFx/Deploy web (action)", "B | 2 | OctoFx, OctoFx/Refresh cache (processowner)", "C | 3 | web-01 (machine)"],
            _s.Table(plan.Change.After));
        var translator = _s.Translator();
        var written = plan.Change.After!.Arr("Variables").Objects().ToList();
        Assert.All(written.SelectMany(v => v.Obj("Scope")!.Select(d => v.Obj("Scope")!.Strings(d.Key)).SelectMany(i => i)),
            id => Assert.NotNull(translator.Destination.KeyOf(id)));
    }

    [Theory]
    [InlineData(ScopeMatch.Partial, 0)]
    [InlineData(ScopeMatch.Exact, 0)]
    [InlineData(ScopeMatch.Ignore, 1)]
    public void A_step_that_is_not_on_the_destination(ScopeMatch mode, int written)
    {
        var plan = Plan(new VariableRules { ScopeMatch = mode }, Value("v1", "A", "1", ("Action", [_spinUp])));

        Assert.Equal(written, plan.Change.After!.Arr("Variables").Count);
    }

    [Fact]
    public void Environment_dimension_is_decided_before_the_others_so_unscope_still_applies_channel_rules()
    {
        var plan = Plan(new VariableRules { WhenNoEnvironmentLeft = WhenNoEnvironmentLeft.Unscope },
            Value("v1", "X", "dev", Env(_dev), ("Channel", [_devOnly])),
            Value("v2", "Y", "dev", Env(_dev), ("Channel", [_default])));

        Assert.Equal(["Y | dev | OctoFx/Default (channel)"], _s.Table(plan.Change.After));
    }

    private Engine.Planning.Variables.VariableSetPlan Plan(VariableRules rules, params System.Text.Json.Nodes.JsonObject[] values) =>
        _s.Plan(Set("variableset-Projects-5", values), Set("variableset-Projects-101"), rules);
}
