using OctoSync.Engine.Planning.Variables.Internal;

namespace OctoSync.Engine.Tests.Planning.Variables;

public class DeterministicIdTests
{
    [Fact]
    public void The_same_seed_gives_the_same_name_based_uuid()
    {
        var id = DeterministicId.For("Project:OctoFx/X/source-1");

        Assert.Equal(id, DeterministicId.For("Project:OctoFx/X/source-1"));
        Assert.NotEqual(id, DeterministicId.For("Project:OctoFx/X/source-2"));
        Assert.Equal('8', id[14]);
        Assert.Contains(id[19], "89ab");
    }

    [Fact]
    public void A_taken_id_is_never_handed_out_again()
    {
        var taken = DeterministicId.For("seed");
        var ids = new DeterministicId([taken.ToUpperInvariant()]);

        var first = ids.Next("seed");
        var second = ids.Next("seed");

        Assert.NotEqual(taken, first);
        Assert.NotEqual(first, second);
        Assert.Equal(first, new DeterministicId([taken]).Next("seed"));
    }
}
