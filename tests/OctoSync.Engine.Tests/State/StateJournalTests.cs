using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.State;

public sealed class StateJournalTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("octosync-journal-");

    private StateStore Store => new(folder.FullName);

    public void Dispose() => folder.Delete(recursive: true);

    private static StateUpdate Set(string key, string fingerprint) => new StateUpdate.SetObject(key, new ObjectState(fingerprint, "Id-" + fingerprint));

    [Fact]
    public void Journaled_writes_are_part_of_the_loaded_state_until_a_save_absorbs_them()
    {
        Store.Save(SyncState.Empty("prod").With([Set("Project:A", "a0")]) with { Serial = 4 });
        Store.Append("prod", new StateJournalEntry(5, [Set("Project:A", "a1")]));
        Store.Append("prod", new StateJournalEntry(6, [Set("Project:B", "b1")]));

        var loaded = Store.Load("prod");

        Assert.Equal(6, loaded.Serial);
        Assert.Equal("a1", loaded.Objects["Project:A"].Fingerprint);
        Assert.Equal("b1", loaded.Objects["Project:B"].Fingerprint);
        Store.Save(loaded with { Serial = 7 });
        Assert.False(File.Exists(Store.JournalPathFor("prod")));
        Assert.Equal(7, Store.Load("prod").Serial);
    }

    [Fact]
    public void Without_a_state_file_the_journal_of_a_killed_first_sync_is_the_state()
    {
        Store.Append("prod", new StateJournalEntry(1, [Set("Project:A", "a1")]));

        var loaded = Store.Load("prod");

        Assert.Equal(1, loaded.Serial);
        Assert.Equal("a1", loaded.Objects["Project:A"].Fingerprint);
    }

    [Fact]
    public void Entries_the_state_file_already_holds_are_not_replayed()
    {
        // Killed between saving the state and deleting the journal.
        Store.Save(SyncState.Empty("prod").With([Set("Project:A", "a2")]) with { Serial = 3 });
        File.WriteAllText(Store.JournalPathFor("prod"), "");
        Store.Append("prod", new StateJournalEntry(2, [Set("Project:A", "stale")]));

        Assert.Equal("a2", Store.Load("prod").Objects["Project:A"].Fingerprint);
    }

    [Fact]
    public void A_last_line_torn_by_a_kill_is_ignored_a_damaged_line_before_it_refuses_the_state()
    {
        Store.Append("prod", new StateJournalEntry(1, [Set("Project:A", "a1")]));
        File.AppendAllText(Store.JournalPathFor("prod"), """{"serial":2,"updates":[{"$upd""");

        Assert.Equal(1, Store.Load("prod").Serial);

        File.AppendAllText(Store.JournalPathFor("prod"), "\n" + """{"serial":3,"updates":[]}""" + "\n");
        var error = Assert.Throws<StateException>(() => Store.Load("prod"));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(".journal.jsonl", error.Message, StringComparison.Ordinal);
    }
}
