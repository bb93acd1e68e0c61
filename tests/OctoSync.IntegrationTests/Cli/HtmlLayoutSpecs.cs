using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OctoSync.IntegrationTests.EndToEnd;

namespace OctoSync.IntegrationTests.Cli;

/// <summary>
/// The HTML report's layout, measured in headless Chromium (Debian's <c>chromium</c>; .ci/run installs it): a copy of
/// a real report gets a probe script that writes the boxes of the three variable tables into the page, and
/// <c>--dump-dom</c> returns them. From 1280 px the tables sit side by side inside the window; below that they stack,
/// each under its label.
/// </summary>
public partial class HtmlLayoutSpecs
{
    private const string Probe = """
        <script>
        const side = document.querySelector('section.project .side');
        const boxes = [...side.children].map(div => {
          const r = div.getBoundingClientRect(), t = div.querySelector('table').getBoundingClientRect();
          return { label: div.querySelector('h4').textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, tableLeft: t.left, tableRight: t.right, tableTop: t.top };
        });
        const toc = [...document.querySelectorAll('nav.toc a')].map(a => a.textContent);
        const pre = document.createElement('pre');
        pre.id = 'layout';
        pre.textContent = JSON.stringify({ viewport: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth, boxes, toc });
        document.body.appendChild(pre);
        </script>
        """;

    [Fact]
    public async Task The_variable_tables_are_side_by_side_from_1280_px_and_stacked_below()
    {
        await using var instances = await TwoInstances.StartAsync();
        var report = Path.Combine(instances.Folder, "plan.html");
        var (exit, output) = await instances.RunAsync("plan", "--html", report);
        Assert.True(exit == 0, output);
        var probe = Path.Combine(instances.Folder, "probe.html");
        await File.WriteAllTextAsync(probe, (await File.ReadAllTextAsync(report)).Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

        foreach (var width in new[] { 1280, 1920 })
        {
            await ScreenshotAsync(report, width, instances.Folder);
            var layout = await LayoutAsync(probe, width, instances.Folder);
            var boxes = layout.GetProperty("boxes").EnumerateArray().ToList();
            Assert.Equal(["Source", "Destination before", "Destination after"], boxes.Select(b => b.GetProperty("label").GetString()));
            Assert.True(layout.GetProperty("scroll").GetDouble() <= layout.GetProperty("viewport").GetDouble(), $"{width}px: the page scrolls sideways: {layout}");
            for (var i = 0; i < boxes.Count; i++)
            {
                var b = boxes[i];
                Assert.True(Math.Abs(b.GetProperty("top").GetDouble() - boxes[0].GetProperty("top").GetDouble()) < 1, $"{width}px: not on one row: {layout}");
                Assert.True(b.GetProperty("tableRight").GetDouble() <= b.GetProperty("right").GetDouble() + 1, $"{width}px: a table overflows its column: {layout}");
                Assert.True(b.GetProperty("right").GetDouble() <= width, $"{width}px: a column is outside the window: {layout}");
                if (i > 0)
                {
                    Assert.True(b.GetProperty("left").GetDouble() >= boxes[i - 1].GetProperty("right").GetDouble(), $"{width}px: columns overlap: {layout}");
                }
            }

            Assert.Contains("OctoFx", layout.GetProperty("toc").EnumerateArray().Select(a => a.GetString()));
        }

        var narrow = await LayoutAsync(probe, 1000, instances.Folder);
        var stacked = narrow.GetProperty("boxes").EnumerateArray().ToList();
        for (var i = 1; i < stacked.Count; i++)
        {
            Assert.True(stacked[i].GetProperty("top").GetDouble() >= stacked[i - 1].GetProperty("bottom").GetDouble() - 1, $"1000px: not stacked: {narrow}");
        }

        // Each stacked table stays under its own label.
        Assert.All(stacked, b => Assert.True(b.GetProperty("tableTop").GetDouble() > b.GetProperty("top").GetDouble()));
    }

    /// <summary>With OCTOSYNC_REPORT_SCREENSHOTS=FOLDER set, also saves report-WIDTH.png there, to look at.</summary>
    private static async Task ScreenshotAsync(string page, int width, string folder)
    {
        if (Environment.GetEnvironmentVariable("OCTOSYNC_REPORT_SCREENSHOTS") is not { Length: > 0 } target)
        {
            return;
        }

        Directory.CreateDirectory(target);
        await ChromiumAsync(page, width, 2400, folder, $"--screenshot={Path.Combine(Path.GetFullPath(target), $"report-{width}.png")}");
    }

    private static async Task<JsonElement> LayoutAsync(string page, int width, string folder)
    {
        var (exit, dom, errors) = await ChromiumAsync(page, width, 1000, folder, "--dump-dom");
        var match = LayoutElement().Match(dom);
        Assert.True(match.Success, $"chromium printed no layout (exit {exit}): {errors}\n{dom[..Math.Min(dom.Length, 2000)]}");
        return JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement.Clone();
    }

    private static async Task<(int, string, string)> ChromiumAsync(string page, int width, int height, string folder, string action)
    {
        var chromium = Chromium() ?? throw new InvalidOperationException("Chromium is not installed (apt-get install -y chromium; .ci/run does it).");
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            $"--user-data-dir={Path.Combine(folder, $"chromium-{width}-{height}")}", $"--window-size={width},{height}", action, new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? Chromium() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex("<pre id=\"layout\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex LayoutElement();
}
