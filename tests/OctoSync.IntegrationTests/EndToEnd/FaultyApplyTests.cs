namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #9 item 7: a POST whose outcome is unknown is resolved by looking the object up by name before it is sent
/// again, so an apply through faults converges in one run without duplicates.
/// </summary>
public class FaultyApplyTests
{
    [Fact]
    public async Task A_first_sync_through_10_percent_faults_and_lost_answers_ends_exactly_like_a_fault_free_one()
    {
        string reference;
        await using (var clean = await TwoInstances.StartAsync())
        {
            var (cleanExit, cleanText) = await clean.RunAsync("apply", "--yes");
            Assert.True(cleanExit == 0, cleanText);
            reference = await DestinationExport.OfAsync(clean.DestinationClient);
        }

        await using var faulty = await TwoInstances.StartAsync(destinationFaultRate: 0.1);
        // On top of the random faults (which fail a request before the server acts), the answers of the first, third
        // and sixth write are lost after the server acted on them: the client cannot know whether they happened.
        var gate = faulty.Destination.Writes;
        gate.LoseAnswersOf(gate.Count + 1, gate.Count + 3, gate.Count + 6);

        var (exit, output) = await faulty.RunAsync("apply", "--yes");

        Assert.True(exit == 0, output);
        Assert.Contains(faulty.Destination.RequestLog, e => e.Status is 0 or >= 500);
        // A lost POST answer was resolved by looking the object up by name, not by posting blindly again.
        Assert.Contains(faulty.Destination.RequestLog, e => e.Method == "GET" && e.Path.Contains("partialName=", StringComparison.Ordinal));
        Assert.Equal(reference, await DestinationExport.OfAsync(faulty.DestinationClient));
        var (plan, planText) = await faulty.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan == 0, planText);
    }
}
