using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.State;

/// <summary>Issue #9 item 4: what makes a state another instance's.</summary>
public class StateInstanceTests
{
    private static readonly StateInstance Recorded = new("https://prod.example/", "Spaces-1", "a1");

    [Theory]
    [InlineData("https://prod.example/", "Spaces-1", "a1", null)]
    [InlineData("https://PROD.example", "spaces-1", "A1", null)]
    [InlineData("https://prod.example/", "Spaces-1", null, null)]
    [InlineData("https://dr.example/", "Spaces-1", "a1", "server URL https://prod.example/ (now https://dr.example/)")]
    [InlineData("https://prod.example/", "Spaces-2", "a1", "space Spaces-1 (now Spaces-2)")]
    [InlineData("https://prod.example/", "Spaces-1", "b2", "installation id a1 (now b2)")]
    public void Url_space_and_installation_must_match(string url, string space, string? installation, string? expected) =>
        Assert.Equal(expected, Recorded.Mismatch(new StateInstance(url, space, installation)));
}
