using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Tests.Secrets;

public sealed class SecretResolverTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"octosync-secret-tests-{Guid.NewGuid():N}");
    private readonly SecretHashKey key = SecretHashKey.FromBytes(new byte[32]);

    public SecretResolverTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Env_file_and_command_sources_give_their_values_with_one_trailing_newline_removed()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "db.txt"), "from-file\n\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "cmd.txt"), "from-command\r\n");
        var resolved = await Resolver(new() { ["DB"] = "from-env" }).ResolveAsync(
            [Mapping("A", "${DB}"), Mapping("B", "file:db.txt"), Mapping("C", "command:cat cmd.txt")], key);

        var sent = resolved.Inject(new System.Text.Json.Nodes.JsonObject
        {
            ["a"] = SecretToken.For("secrets[A]"),
            ["list"] = new System.Text.Json.Nodes.JsonArray(SecretToken.For("secrets[B]"), SecretToken.For("secrets[C]"), "plain"),
        });

        Assert.Equal("""{"a":"from-env","list":["from-file\n","from-command","plain"]}""", sent.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task Inject_leaves_the_planned_document_holding_the_token()
    {
        var resolved = await Resolver(new() { ["DB"] = "v" }).ResolveAsync([Mapping("A", "${DB}")], key);
        var planned = new System.Text.Json.Nodes.JsonObject { ["Value"] = SecretToken.For("secrets[A]") };

        resolved.Inject(planned);

        Assert.Equal(SecretToken.For("secrets[A]"), planned["Value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hashes_are_keyed_stable_and_change_with_the_value_and_never_are_the_value()
    {
        var one = await Resolver(new() { ["DB"] = "secret-1" }).ResolveAsync([Mapping("A", "${DB}")], key);
        var again = await Resolver(new() { ["DB"] = "secret-1" }).ResolveAsync([Mapping("A", "${DB}")], key);
        var changed = await Resolver(new() { ["DB"] = "secret-2" }).ResolveAsync([Mapping("A", "${DB}")], key);
        var otherKey = await Resolver(new() { ["DB"] = "secret-1" }).ResolveAsync([Mapping("A", "${DB}")], SecretHashKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray()));

        var hash = Assert.Single(one.Supplied).Hash;
        Assert.StartsWith("hmac-sha256:", hash, StringComparison.Ordinal);
        Assert.Equal(hash, Assert.Single(again.Supplied).Hash);
        Assert.NotEqual(hash, Assert.Single(changed.Supplied).Hash);
        Assert.NotEqual(hash, Assert.Single(otherKey.Supplied).Hash);
        Assert.DoesNotContain("secret-1", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-1", one.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_missing_or_failing_source_is_reported_with_file_line_and_key_and_no_value()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "empty.txt"), "\n");
        var error = await Assert.ThrowsAsync<SecretException>(() => Resolver(new()).ResolveAsync(
            [
                Mapping("A", "${UNSET_SECRET}"),
                Mapping("B", "file:missing.txt"),
                Mapping("C", "command:false"),
                Mapping("D", "command:no-such-program-octosync"),
                Mapping("E", "file:empty.txt"),
            ],
            key));

        Assert.Contains("octosync.yaml:3: secrets[A].value: environment variable 'UNSET_SECRET' is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("secrets[B].value: cannot read", error.Message, StringComparison.Ordinal);
        Assert.Contains("secrets[C].value: command:false exited with code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("secrets[D].value: command:no-such-program-octosync: cannot start", error.Message, StringComparison.Ordinal);
        Assert.Contains("secrets[E].value: file:empty.txt gave an empty value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_does_not_finish_in_time_is_stopped_and_reported()
    {
        var resolver = new SecretResolver(new SecretResolverOptions
        {
            ConfigurationFile = "octosync.yaml",
            BaseFolder = folder,
            CommandTimeout = TimeSpan.FromMilliseconds(300),
        });

        var error = await Assert.ThrowsAsync<SecretException>(() => resolver.ResolveAsync([Mapping("A", "command:sleep 30")], key));

        Assert.Contains("command:sleep 30 did not finish within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_key_file_is_created_once_and_then_reused()
    {
        var first = SecretHashKey.LoadOrCreate(folder);
        var text = File.ReadAllText(Path.Combine(folder, SecretHashKey.FileName));
        var second = SecretHashKey.LoadOrCreate(folder);

        Assert.Equal(text, File.ReadAllText(Path.Combine(folder, SecretHashKey.FileName)));
        Assert.Equal(first.Hash("t", "v"), second.Hash("t", "v"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, SecretHashKey.FileName)));
        }
    }

    [Fact]
    public void A_damaged_hash_key_file_is_an_error_naming_it()
    {
        File.WriteAllText(Path.Combine(folder, SecretHashKey.FileName), "not base64!");

        var error = Assert.Throws<SecretException>(() => SecretHashKey.LoadOrCreate(folder));

        Assert.Contains(SecretHashKey.FileName, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Certificate_data_from_a_file_is_its_bytes_base64_and_from_env_must_already_be_base64()
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(48);
        bytes[^1] = 0x0A; // a PFX is binary: a trailing "newline" byte is data, not an end of line
        await File.WriteAllBytesAsync(Path.Combine(folder, "signing.pfx"), bytes);
        var resolved = await Resolver(new() { ["PFX"] = Convert.ToBase64String(bytes) }).ResolveAsync(
            [Mapping("A", "file:signing.pfx") with { IsBinary = true }, Mapping("B", "${PFX}") with { IsBinary = true }], key);

        var sent = resolved.Inject(new System.Text.Json.Nodes.JsonObject { ["a"] = SecretToken.For("secrets[A]"), ["b"] = SecretToken.For("secrets[B]") });
        Assert.Equal(Convert.ToBase64String(bytes), sent["a"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(bytes), sent["b"]!.GetValue<string>());

        var notBase64 = $"not base64 {Guid.NewGuid():N}!";
        var error = await Assert.ThrowsAsync<SecretException>(() => Resolver(new() { ["PFX"] = notBase64 }).ResolveAsync(
            [Mapping("B", "${PFX}") with { IsBinary = true, SourcePath = "destinations[prod].secrets[3].data" }], key));
        Assert.Contains("octosync.yaml:3: destinations[prod].secrets[3].data: ${PFX} did not give base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notBase64, error.Message, StringComparison.Ordinal);
    }

    private SecretResolver Resolver(Dictionary<string, string> environment) => new(new SecretResolverOptions
    {
        ConfigurationFile = "octosync.yaml",
        BaseFolder = folder,
        Environment = n => environment.GetValueOrDefault(n),
    });

    private static SecretMapping Mapping(string label, string source) => new()
    {
        Owner = "OctoFx",
        Name = $"Secret.{label}",
        Source = SecretSource.Parse(source, out _)!,
        KeyPath = $"secrets[{label}]",
        Line = 3,
    };
}
