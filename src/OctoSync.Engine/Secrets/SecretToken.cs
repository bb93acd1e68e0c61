namespace OctoSync.Engine.Secrets;

/// <summary>
/// The text a plan holds where a supplied secret will be written: <c>octosync-secret:{key path}</c>. Plans, plan
/// files and reports only ever hold the token; the value replaces it in the request body at the moment of writing
/// (<see cref="SecretInjectingClient"/>).
/// </summary>
public static class SecretToken
{
    public const string Prefix = "octosync-secret:";

    public static string For(string keyPath) => Prefix + keyPath;

    public static bool IsToken(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);
}
