namespace OctoSync.Engine.Secrets;

/// <summary>A secret source that is missing or failed, or a key file that cannot be used. Messages name the source as
/// written (<c>${PROD_DB_PASSWORD}</c>), the file, line and key; never a value.</summary>
public sealed class SecretException(string message) : Exception(message);
