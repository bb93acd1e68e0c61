using OctoSync.Engine.Configuration;
using OctoSync.Engine.Secrets;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Secrets;

public class SecretDecisionTests
{
    private const string Key = "Secret:Project:OctoFx/Db.Password{}";
    private static readonly SuppliedSecret Secret = new(Mapping(), "hmac-sha256:aa");

    [Fact]
    public void A_new_value_gets_the_secret_and_its_hash_is_recorded()
    {
        var outcome = SecretDecision.ForNew(Secret, Key);

        Assert.True(outcome.Write);
        Assert.Equal(new StateUpdate.SetObject(Key, new ObjectState("hmac-sha256:aa")), outcome.State);
        Assert.Contains("from ${DB}", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hmac-sha256:aa", OverwriteMode.Unchanged, false)] // unchanged since OctoSync wrote it
    [InlineData("hmac-sha256:bb", OverwriteMode.Unchanged, true)]  // changed: written again
    [InlineData("placeholder", OverwriteMode.Unchanged, true)]     // OctoSync's placeholder is replaced
    [InlineData(null, OverwriteMode.Unchanged, false)]             // set by a person
    [InlineData(null, OverwriteMode.Never, false)]
    [InlineData(null, OverwriteMode.Always, true)]
    public void An_existing_value_is_written_when_its_recorded_hash_differs_and_a_persons_only_under_always(string? recorded, OverwriteMode overwrite, bool writes)
    {
        var state = SyncState.Empty("prod");
        if (recorded is not null)
        {
            state = state.With([new StateUpdate.SetObject(Key, new ObjectState(recorded))]);
        }

        var outcome = SecretDecision.ForExisting(Secret, state, Key, overwrite);

        Assert.Equal(writes, outcome.Write);
        Assert.Equal(writes, outcome.State is not null);
        Assert.Contains("${DB}", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scoped_entry_wins_over_an_unscoped_one_and_scope_is_matched_by_destination_names()
    {
        var unscoped = new SuppliedSecret(Mapping(), "h1");
        var production = new SuppliedSecret(Mapping(new() { ["Environment"] = ["Production"], ["Channel"] = ["Beta"] }), "h2");
        Dictionary<string, IReadOnlyList<string>> scope = new() { ["Environment"] = ["production"], ["Channel"] = ["OctoFx/Beta"] };

        Assert.Same(production, SecretDecision.Find([unscoped, production], "OctoFx", "db.password", scope));
        Assert.Same(unscoped, SecretDecision.Find([unscoped, production], "OctoFx", "Db.Password", new Dictionary<string, IReadOnlyList<string>> { ["Environment"] = ["Staging"] }));
        Assert.Null(SecretDecision.Find([production], "OctoFx", "Db.Password", new Dictionary<string, IReadOnlyList<string>>()));
        Assert.Null(SecretDecision.Find([unscoped], "Other", "Db.Password", scope));
    }

    private static SecretMapping Mapping(Dictionary<string, IReadOnlyList<string>>? scope = null) => new()
    {
        Owner = "OctoFx",
        Name = "Db.Password",
        Scope = scope ?? [],
        Source = SecretSource.Parse("${DB}", out _)!,
        KeyPath = "destinations[prod].secrets[0]",
    };
}
