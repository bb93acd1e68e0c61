using OctoSync.Engine.Api.Internal;

namespace OctoSync.Engine.Tests.Api;

public class OctopusUrlsTests
{
    [Theory]
    [InlineData("https://octopus.example", "https://octopus.example/")]
    [InlineData("https://octopus.example/", "https://octopus.example/")]
    [InlineData("https://octopus.example/api", "https://octopus.example/")]
    [InlineData("https://octopus.example/octopus/api/", "https://octopus.example/octopus/")]
    [InlineData("https://user:pw@octopus.example/octopus?apikey=API-X#frag", "https://octopus.example/octopus/")]
    public void NormalizeServer_KeepsOnlyTheServerAndItsDirectory(string url, string expected) =>
        Assert.Equal(new Uri(expected), OctopusUrls.NormalizeServer(new Uri(url)));

    [Fact]
    public void NormalizeServer_RefusesAnythingButHttp() =>
        Assert.Throws<ArgumentException>(() => OctopusUrls.NormalizeServer(new Uri("ftp://octopus.example/")));

    [Theory]
    [InlineData("https://o.example/", "projects/all", "https://o.example/api/Spaces-1/projects/all")]
    [InlineData("https://o.example/", "/api/teams/all", "https://o.example/api/teams/all")]
    [InlineData("https://o.example/", "~/api/spaces/all", "https://o.example/api/spaces/all")]
    [InlineData("https://o.example/", "/api/Spaces-1/projects{/id}{?skip,take}", "https://o.example/api/Spaces-1/projects")]
    [InlineData("https://o.example/octopus/", "/api/Spaces-1/projects?skip=30&take=30", "https://o.example/octopus/api/Spaces-1/projects?skip=30&take=30")]
    [InlineData("https://o.example/octopus/", "/octopus/api/Spaces-1/projects?skip=30", "https://o.example/octopus/api/Spaces-1/projects?skip=30")]
    [InlineData("https://o.example/", "https://o.example/api/Spaces-1/projects?skip=30", "https://o.example/api/Spaces-1/projects?skip=30")]
    public void Resolve_PlacesPathsUnderTheSpaceOrTheServer(string server, string path, string expected) =>
        Assert.Equal(new Uri(expected), OctopusUrls.Resolve(new Uri(server), "Spaces-1", path));

    [Fact]
    public void Resolve_RefusesLinksToAnotherHost() =>
        Assert.Throws<ArgumentException>(() => OctopusUrls.Resolve(new Uri("https://o.example/"), "Spaces-1", "https://elsewhere.example/api"));

    [Theory]
    [InlineData("https://user:secret@o.example/api/x?apikey=API-123&take=1", "https://o.example/api/x?apikey=***&take=1")]
    [InlineData("https://o.example/api/x?take=1&ApiKey=API-123", "https://o.example/api/x?take=1&apikey=***")]
    public void Display_HidesCredentials(string url, string expected) =>
        Assert.Equal(expected, OctopusUrls.Display(new Uri(url)));
}
