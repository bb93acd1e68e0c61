using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>The applier against an emulated Octopus: tokens of objects Octopus creates with a project, version checks.</summary>
public class ApplierTests
{
    [Fact]
    public async Task A_new_projects_default_channel_and_variable_set_are_written_through_their_tokens()
    {
        await using var instances = await TwoInstances.StartAsync();
        var client = instances.DestinationClient;
        var group = (await client.GetAllAsync("projectgroups"))[0].Id();
        var lifecycle = (await client.GetAllAsync("lifecycles"))[0].Id();
        var plan = new Plan
        {
            Destination = "d",
            SourceSpace = "s",
            DestinationSpace = "d",
            Changes =
            [
                Change(ChangeAction.Create, ResourceKind.Project, "Web", null, $$"""{"Name":"Web","ProjectGroupId":"{{group}}","LifecycleId":"{{lifecycle}}"}"""),
                Change(ChangeAction.Create, ResourceKind.Channel, "Web/Default", null,
                    $$"""{"Name":"Default","Description":"synced","ProjectId":"{{ReferenceToken.For(ResourceKind.Project, "Web")}}"}"""),
                Change(ChangeAction.Update, ResourceKind.VariableSet, "Project:Web", ReferenceToken.For(ResourceKind.VariableSet, "Project:Web"),
                    """{"Variables":[{"Name":"Greeting","Value":"Hello","Type":"String","Scope":{}}]}"""),
            ],
        };

        var result = await PlanApplier.ApplyAsync(plan, client);

        Assert.All(result.Outcomes, o => Assert.Equal(ApplyOutcome.Applied, o.Outcome));
        var project = await client.NamedAsync("projects", "Web");
        var channels = (await client.GetAllAsync("channels")).Where(c => c.Str("ProjectId") == project!.Id()).ToList();
        Assert.Equal("synced", Assert.Single(channels).Str("Description"));
        var variables = await client.GetAsync($"variables/{project!.Str("VariableSetId")}");
        Assert.Equal("Hello", variables.Arr("Variables").Objects().Single().Str("Value"));
    }

    private static Change Change(ChangeAction action, ResourceKind kind, string key, string? destinationId, string after) => new()
    {
        Kind = kind,
        Key = key,
        Action = action,
        Rule = "default",
        Reason = "test",
        DestinationId = destinationId,
        After = Json.Parse(after),
    };
}
