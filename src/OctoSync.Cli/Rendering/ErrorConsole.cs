using Spectre.Console;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// Standard error, as a console of its own: errors and warnings go here so that standard output holds only the
/// plan (or the JSON document) and <c>octosync plan --output json | jq</c> and <c>plan &gt; plan.txt</c> stay clean.
/// </summary>
public sealed record ErrorConsole(IAnsiConsole Console)
{
    public void Error(string message) => Console.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");

    public void Warning(string message) => Console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(message)}");
}
