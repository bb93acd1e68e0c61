using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Tests.Planning;

public class ReferenceTokenTests
{
    [Theory]
    [InlineData(ResourceKind.Channel, "OctoFx/Dev only")]
    [InlineData(ResourceKind.Action, "OctoFx/Deploy: web")]
    public void Parse_round_trips_For(ResourceKind kind, string key)
    {
        var token = ReferenceToken.For(kind, key);
        Assert.True(ReferenceToken.IsToken(token));
        Assert.Equal((kind, key), ReferenceToken.Parse(token));
    }

    [Fact]
    public void An_id_is_not_a_token() => Assert.False(ReferenceToken.IsToken("Channels-1"));
}
