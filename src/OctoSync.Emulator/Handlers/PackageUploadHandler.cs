using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// `POST /packages/raw` (Swagger 2021.2; answers PackageFromBuiltInFeedResource): a package file pushed to the built-in
/// feed. Its id and version come from the file name, `PackageId.Version.extension`, the version starting at the first
/// segment that begins with a digit (octopus.com/docs/packaging-applications: "Avoid using numbers in your package ID as
/// it could result in the version number being incorrectly parsed"). A version already there is 409 unless
/// `overwriteMode=OverwriteExisting` (or the older `replace=true`) or `IgnoreIfExists` (octo push `--overwrite-mode`:
/// FailIfExists, the default, OverwriteExisting, IgnoreIfExists). The package then appears in `GET /packages` and in
/// `GET /feeds/feeds-builtin/packages/versions`.
/// </summary>
internal static partial class PackageUploadHandler
{
    private static readonly string[] Extensions = [".tar.gz", ".tar.bz2", ".tgz", ".nupkg", ".zip", ".tar", ".jar", ".war", ".ear", ".rar"];

    [GeneratedRegex(@"^\d+(\.\d+)*([-+][0-9A-Za-z.\-+]+)?$")]
    private static partial Regex VersionPattern();

    public static ApiResponse Upload(RouteCall call)
    {
        var file = call.BodyObject.Objects("Files").FirstOrDefault()
            ?? throw ApiException.BadRequest("No package file was uploaded: send it as a multipart/form-data file.");
        var fileName = file.Str("FileName") ?? "";
        var (packageId, version, extension) = Parse(fileName)
            ?? throw ApiException.BadRequest($"The package file name '{fileName}' is not of the form PackageId.Version.extension (e.g. Acme.Web.1.0.0.zip).");
        var id = $"packages-{packageId}.{version}";
        var size = file["Length"] is JsonValue length && length.TryGetValue<long>(out var bytes) ? bytes : 0;
        var mode = Mode(call);
        var existing = call.Space.Find(Catalog.Packages, id);
        if (existing is not null && mode == "FailIfExists")
        {
            throw new ApiException(409, $"The package {packageId} version {version} already exists in the built-in repository.",
                [$"The package {packageId} version {version} already exists. Use overwriteMode=OverwriteExisting to replace it, or IgnoreIfExists."]);
        }

        if (existing is not null && mode == "IgnoreIfExists")
        {
            return ApiResponse.Ok(Presenter.Present(call.Space, Catalog.Packages, existing));
        }

        var now = Validation.ReleaseRules.Now();
        var package = new JsonObject
        {
            ["Id"] = id,
            ["PackageId"] = packageId,
            ["Version"] = version,
            ["FeedId"] = "feeds-builtin",
            ["NuGetPackageId"] = packageId,
            ["NuGetFeedId"] = "feeds-builtin",
            ["Title"] = packageId,
            ["Summary"] = null,
            ["Description"] = null,
            ["ReleaseNotes"] = null,
            ["Published"] = now,
            ["FileExtension"] = extension,
            ["Hash"] = file.Str("Sha1"),
            ["PackageSizeBytes"] = size,
            ["PackageVersionBuildInformation"] = null,
            ["LastModifiedOn"] = now,
            ["LastModifiedBy"] = SpaceSeed.ApiUserName,
        };
        call.Space.Put(Catalog.Packages, package);
        call.Space.Put(Catalog.PackageVersions, new JsonObject
        {
            ["Id"] = id,
            ["FeedId"] = "feeds-builtin",
            ["PackageId"] = packageId,
            ["Version"] = version,
            ["Title"] = packageId,
            ["Published"] = now,
            ["ReleaseNotes"] = null,
            ["SizeBytes"] = size,
        });
        var answer = Presenter.Present(call.Space, Catalog.Packages, package);
        return existing is null ? ApiResponse.Created(answer) : ApiResponse.Ok(answer);
    }

    /// <summary>`Acme.Web.1.2.3-beta.zip` → (`Acme.Web`, `1.2.3-beta`, `.zip`); null when there is no version segment.</summary>
    internal static (string PackageId, string Version, string Extension)? Parse(string fileName)
    {
        var extension = Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is null)
        {
            return null;
        }

        var stem = fileName[..^extension.Length];
        var segments = stem.Split('.');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && char.IsAsciiDigit(segments[i][0]))
            {
                var version = string.Join('.', segments[i..]);
                return VersionPattern().IsMatch(version) ? (string.Join('.', segments[..i]), version, extension) : null;
            }
        }

        return null;
    }

    private static string Mode(RouteCall call)
    {
        if (call.Query.TryGetValue("overwriteMode", out var mode) && !string.IsNullOrEmpty(mode))
        {
            return mode.ToString() switch
            {
                var m when m.Equals("OverwriteExisting", StringComparison.OrdinalIgnoreCase) => "OverwriteExisting",
                var m when m.Equals("IgnoreIfExists", StringComparison.OrdinalIgnoreCase) => "IgnoreIfExists",
                var m when m.Equals("FailIfExists", StringComparison.OrdinalIgnoreCase) => "FailIfExists",
                var m => throw ApiException.BadRequest($"overwriteMode '{m}' is not one of FailIfExists, OverwriteExisting, IgnoreIfExists."),
            };
        }

        return call.Query.TryGetValue("replace", out var replace) && bool.TryParse(replace.ToString(), out var r) && r ? "OverwriteExisting" : "FailIfExists";
    }
}
