using System.Net;
using System.Text;
using OctoSync.Engine.Api;

namespace OctoSync.Engine.Tests.Api;

/// <summary>
/// Answers are parsed from their UTF-8 bytes (issue #10: not decoded to a string first). What a string gave must stay:
/// a byte order mark is not part of the JSON, non-ASCII text survives, a blank body is no document, and text that is
/// not JSON is a clear error.
/// </summary>
public class OctopusResponseBodyTests
{
    private static readonly OctopusClientOptions NoRetries = new() { MaxRetries = 0 };

    private static HttpResponseMessage Bytes(byte[] body) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };

    [Fact]
    public async Task A_body_with_a_byte_order_mark_and_non_ascii_text_parses()
    {
        var json = Encoding.UTF8.GetBytes("""{"Id":"Projects-1","Name":"Café ☕ \u00e9"}""");
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/projects/Projects-1", (_, _) => Bytes([.. Encoding.UTF8.Preamble, .. json]));
        using var client = await FakeServer.ConnectAsync(handler, NoRetries);

        var project = await client.GetAsync("projects/Projects-1");

        Assert.Equal("Café ☕ é", (string?)project["Name"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_an_error_naming_the_request()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/projects/Projects-1", (_, _) => Bytes(Encoding.UTF8.GetBytes("<html>login</html>")));
        using var client = await FakeServer.ConnectAsync(handler, NoRetries);

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.GetAsync("projects/Projects-1"));

        Assert.Contains("not JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("projects/Projects-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_answer_to_a_delete_is_no_document()
    {
        var handler = new FakeOctopusHandler().On("DELETE", "/api/Spaces-1/projects/Projects-1", (_, _) => Bytes(Encoding.UTF8.GetBytes(" \r\n\t")));
        using var client = await FakeServer.ConnectAsync(handler, NoRetries);

        await client.DeleteAsync("projects/Projects-1");

        Assert.Contains(handler.Requests, r => r.Method == "DELETE");
    }
}
