using System.Text.Json.Nodes;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Tests.Planning;

namespace OctoSync.Engine.Tests.Reporting;

/// <summary>The HTML document: self-contained, encoded, free of secrets and ids, deterministic.</summary>
public class HtmlReportTests
{
    [Fact]
    public void The_report_is_one_self_contained_document_with_the_three_tables_per_project()
    {
        var html = ReportFixture.Html(ReportFixture.Planned(ReportFixture.Source(), ReportFixture.Destination()));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        foreach (var heading in new[] { "Project OctoFx", "Source", "Destination before", "Destination after", "Deployment process", "Environment mapping" })
        {
            Assert.Contains($">{heading}", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td>Application.Database.Name</td><td>OctoFx-Dev</td><td>Development</td>", html, StringComparison.Ordinal);
        // New or changed values are coloured by the plan's decision about them, with the decision, rule and reason beside them.
        Assert.Matches("<tr class=\"d-(create|update)\"><td>Application.Database.Name</td><td>OctoFX-Test</td><td>Staging</td><td>(create|update): ", html);
    }

    [Fact]
    public void Hostile_names_and_values_are_encoded()
    {
        var source = PlanningFixture.DevTest().Project("<script>alert(1)</script>", p => p
            .Step("<img src=x onerror=alert(2)>", s => s.Environments("Test"))
            .Variable("<b>Name</b>", "<script>alert(3)</script>", s => s.Role("<i>role</i>")));

        var html = ReportFixture.Html(ReportFixture.Planned(source, ReportFixture.Destination()));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;role&lt;/i&gt; (role)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitive_values_never_appear_only_stars()
    {
        const string Secret = "Sup3r-S3cret-Value";
        var planned = ReportFixture.Planned(ReportFixture.Source(secret: Secret), ReportFixture.Destination());
        // A snapshot read with a value for a sensitive variable (Octopus never returns one, a bug might): still hidden.
        var source = planned.Source.VariableSets.Values.Single().Arr("Variables").Objects().Single(v => v.Name() == "Db.Password");
        source["Value"] = Secret;

        var html = ReportFixture.Html(planned);

        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        Assert.Contains("<td>Db.Password</td><td>***</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_tokens_and_ids_show_as_names()
    {
        var destination = new SpaceSnapshot
        {
            SpaceId = "Spaces-2",
            SpaceName = "Production",
            Environments = [new JsonObject { ["Id"] = "Environments-7", ["Name"] = "Production" }],
        };
        var after = new JsonObject
        {
            ["Variables"] = new JsonArray(new JsonObject
            {
                ["Name"] = "Url",
                ["Value"] = "https://example",
                ["Scope"] = new JsonObject
                {
                    ["Environment"] = new JsonArray("Environments-7", ReferenceToken.For(ResourceKind.Environment, "Staging")),
                    ["Channel"] = new JsonArray(ReferenceToken.For(ResourceKind.Channel, "OctoFx/Beta")),
                },
            }),
        };
        var plan = new Plan
        {
            Destination = "prod",
            SourceSpace = "Default",
            DestinationSpace = "Production",
            Changes = [new Change { Kind = ResourceKind.VariableSet, Key = "Project:OctoFx", Owner = "OctoFx", Action = ChangeAction.Update, Rule = "default", Reason = "r", After = after }],
        };

        var report = new ReportDestination(plan, new SpaceSnapshot { SpaceId = "Spaces-1", SpaceName = "Default" }, destination);
        var project = Assert.Single(ProjectViews.Of(report));

        Assert.Equal("Production, Staging, Beta (channel)", Assert.Single(project.DestinationAfter).Scope);
        Assert.DoesNotContain(ReferenceToken.Prefix, ReportFixture.Html(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_renders_the_same_document_and_a_timestamp_only_when_given()
    {
        var first = ReportFixture.Html(ReportFixture.Recurring());
        var second = ReportFixture.Html(ReportFixture.Recurring());

        Assert.Equal(first, second);
        Assert.DoesNotContain("Generated", first, StringComparison.Ordinal);
        var stamped = HtmlReport.Render(new HtmlReportInput("apply", [ReportFixture.Recurring()], "2026-11-26 07:00 UTC"));
        Assert.Contains("Generated 2026-11-26 07:00 UTC", stamped, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplyOutcome.Applied, 3)]
    [InlineData(ApplyOutcome.Failed, 0)]
    public void After_an_apply_the_destination_after_shows_only_what_was_written(ApplyOutcome variableSetOutcome, int rowsAfter)
    {
        var planned = ReportFixture.Planned(ReportFixture.Source(), ReportFixture.Destination());
        var outcomes = planned.Plan.Changes.Select(c => new ChangeOutcome(c,
            !c.Writes ? ApplyOutcome.NothingToDo : c.Kind == ResourceKind.VariableSet ? variableSetOutcome : ApplyOutcome.Applied,
            c.Kind == ResourceKind.VariableSet && variableSetOutcome == ApplyOutcome.Failed ? "refused <by> the server" : null)).ToList();
        var applied = planned with { Outcomes = outcomes };

        Assert.Equal(rowsAfter, Assert.Single(ProjectViews.Of(applied)).DestinationAfter.Count);
        var html = HtmlReport.Render(new HtmlReportInput("apply", [applied]));
        Assert.Equal(variableSetOutcome == ApplyOutcome.Failed, html.Contains("refused &lt;by&gt; the server", StringComparison.Ordinal));
    }
}
