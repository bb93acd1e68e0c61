using System.Diagnostics;
using System.Text;

namespace OctoSync.Engine.Secrets;

/// <summary>
/// Resolves every secret source of one destination, all before anything is written: a source that is missing or
/// fails is an error naming the configuration file, line and key, and the source as written — never a value.
/// Values are used as they come, except that one trailing newline (<c>\n</c> or <c>\r\n</c>) is removed from a
/// file's content and a command's output (what <c>echo</c> and most vault CLIs add). An empty value is an error:
/// Octopus would store it as an empty secret.
/// </summary>
public sealed class SecretResolver(SecretResolverOptions options)
{
    /// <exception cref="SecretException">Every source that is missing or failed, one per line.</exception>
    public async Task<ResolvedSecrets> ResolveAsync(IReadOnlyList<SecretMapping> mappings, SecretHashKey key, CancellationToken ct = default)
    {
        if (mappings.Count == 0)
        {
            return ResolvedSecrets.None;
        }

        var errors = new List<string>();
        var supplied = new List<SuppliedSecret>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var (value, error) = mapping.IsBinary && mapping.Source.Kind == SecretSourceKind.File
                ? await ReadBytesAsync(mapping.Source, ct).ConfigureAwait(false)
                : await ResolveOneAsync(mapping.Source, ct).ConfigureAwait(false);
            if (error is null && string.IsNullOrEmpty(value))
            {
                error = $"{mapping.Source.Text} gave an empty value";
            }

            if (error is null && mapping.IsBinary && !IsBase64(value!))
            {
                // The value is not shown: it may be the certificate itself, pasted the wrong way.
                error = $"{mapping.Source.Text} did not give base64 (certificate data from ${{NAME}} or command: must be the file, base64-encoded; file: reads the file itself)";
            }

            if (error is not null)
            {
                errors.Add($"{options.ConfigurationFile}:{mapping.Line}: {mapping.SourcePath ?? mapping.KeyPath + ".value"}: {error}");
                continue;
            }

            supplied.Add(new SuppliedSecret(mapping, key.Hash(mapping.Target, value!)));
            values[mapping.Token] = value!;
        }

        if (errors.Count > 0)
        {
            throw new SecretException($"Secret sources failed; nothing was written:{string.Concat(errors.Select(e => Environment.NewLine + e))}");
        }

        return new ResolvedSecrets(supplied, values);
    }

    /// <summary>Certificate data from a file: its bytes (a PFX is binary), base64-encoded as Octopus expects.</summary>
    private async Task<(string? Value, string? Error)> ReadBytesAsync(SecretSource source, CancellationToken ct)
    {
        var path = Path.GetFullPath(source.Target, options.BaseFolder);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            return (bytes.Length == 0 ? "" : Convert.ToBase64String(bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {path}: {e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}");
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written > 0;
    }

    private async Task<(string? Value, string? Error)> ResolveOneAsync(SecretSource source, CancellationToken ct)
    {
        switch (source.Kind)
        {
            case SecretSourceKind.Environment:
                return options.Environment(source.Target) is { } env ? (env, null) : (null, $"environment variable '{source.Target}' is not set");
            case SecretSourceKind.File:
                var path = Path.GetFullPath(source.Target, options.BaseFolder);
                try
                {
                    return (TrimOneNewline(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false)), null);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return (null, $"cannot read {path}: {e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}");
                }

            default:
                return await RunAsync(source, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the program without a shell (arguments passed one by one), with the timeout; standard error is
    /// read and dropped (a vault CLI may echo what it fetched), only the exit code is reported.</summary>
    private async Task<(string? Value, string? Error)> RunAsync(SecretSource source, CancellationToken ct)
    {
        var start = new ProcessStartInfo(source.Target)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = options.BaseFolder,
        };
        foreach (var argument in source.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                return (null, $"{source.Text}: the program did not start");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"{source.Text}: cannot start '{source.Target}' ({e.Message})");
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var value = await output.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            return process.ExitCode == 0
                ? (TrimOneNewline(value), null)
                : (null, $"{source.Text} exited with code {process.ExitCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return (null, $"{source.Text} did not finish within {options.CommandTimeout.TotalSeconds:0} s (stopped)");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    internal static string TrimOneNewline(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}

/// <summary>How sources are resolved: where <c>${NAME}</c> is looked up, the folder relative <c>file:</c> paths and
/// commands start from (the configuration file's), and how long a command may run.</summary>
public sealed record SecretResolverOptions
{
    public required string ConfigurationFile { get; init; }
    public required string BaseFolder { get; init; }
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
