using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using OctoSync.Cli;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>
/// The README's install path, for real: <c>dotnet pack</c> (of the build the tests run against), <c>dotnet tool
/// install</c> into a temporary tool path from that folder only, then the installed <c>octosync --version</c> and
/// <c>--help</c>. Also the package's metadata (issue #11: it said "Package Description" and had no readme or licence).
/// </summary>
public class PackageSpecs
{
    [Fact]
    public async Task The_package_installs_as_a_dotnet_tool_and_runs()
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var temp = Path.Combine(Path.GetTempPath(), $"octosync-pack-{Guid.NewGuid():N}");
        var packages = Path.Combine(temp, "packages");
        var tools = Path.Combine(temp, "tools");
        try
        {
            await DotnetAsync(root, "pack", Path.Combine("src", "OctoSync.Cli"), "-c", configuration, "--no-build", "-o", packages);
            var package = Assert.Single(Directory.GetFiles(packages, "OctoSync.*.nupkg"));
            var version = Path.GetFileNameWithoutExtension(package)["OctoSync.".Length..];
            var nuspec = Nuspec(package);
            XNamespace ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("OctoSync", metadata.Element(ns + "id")!.Value);
            Assert.DoesNotContain("Package Description", metadata.Element(ns + "description")!.Value, StringComparison.Ordinal);
            Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
            Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.Contains("octopus", metadata.Element(ns + "tags")!.Value, StringComparison.Ordinal);
            Assert.Equal("git", metadata.Element(ns + "repository")!.Attribute("type")!.Value);
            Assert.Matches("^[0-9a-f]{40}$", metadata.Element(ns + "repository")!.Attribute("commit")!.Value);

            // Only the folder just packed: nothing from a feed can stand in for the package under test.
            var nugetConfig = Path.Combine(temp, "nuget.config");
            await File.WriteAllTextAsync(nugetConfig, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
                """);
            await DotnetAsync(temp, "tool", "install", "OctoSync", "--tool-path", tools, "--version", version, "--configfile", nugetConfig);

            var octosync = Path.Combine(tools, OperatingSystem.IsWindows() ? "octosync.exe" : "octosync");
            var (_, printed) = await RunAsync(temp, octosync, "--version");
            Assert.Equal(CliApp.Version, printed.Trim());
            var (_, help) = await RunAsync(temp, octosync, "--help");
            Assert.Contains("USAGE:", help, StringComparison.Ordinal);
            Assert.Contains("init", help, StringComparison.Ordinal);
            Assert.Contains("plan", help, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder: harmless if it stays.
            }
        }
    }

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        return XDocument.Load(stream);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OctoSync.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OctoSync.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The dotnet that runs these tests (the test host says which), so the SDK is the one that built them.</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static async Task DotnetAsync(string folder, params string[] args)
    {
        var (exit, output) = await RunAsync(folder, Dotnet, args);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} exited {exit}:\n{output}");
    }

    private static async Task<(int, string)> RunAsync(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The installed tool's launcher finds the runtime through DOTNET_ROOT, as a global tool on a machine would.
        start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(Dotnet == "dotnet" ? ResolveOnPath("dotnet") : Dotnet));
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string ResolveOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists) is { } found
            ? new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found
            : name;
}
