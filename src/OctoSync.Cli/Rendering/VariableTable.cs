using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Reporting;
using Spectre.Console;

namespace OctoSync.Cli.Rendering;

/// <summary>A variable set in the seed's form: Variable Name | Value | Scope (scope by names, roles marked "(role)").</summary>
public static class VariableTable
{
    /// <summary>Rows as the seed writes them (the name only on the first value of a variable), built by the same
    /// <see cref="VariableRows"/> the HTML report uses, so the terminal and the report agree.</summary>
    public static async Task<IReadOnlyList<(string Name, string Value, string Scope)>> RowsAsync(IOctopusSpaceClient client, string projectName, CancellationToken ct = default)
    {
        var project = (await client.GetAllAsync("projects", ct).ConfigureAwait(false)).Single(p => p.Name() == projectName);
        var set = await client.GetAsync($"variables/{project.Str("VariableSetId")}", ct).ConfigureAwait(false);
        var names = await NamesAsync(client, set, ct).ConfigureAwait(false);
        return VariableRows.Of(set, id => names.TryGetValue(id, out var n) ? n : id, value => value ?? "")
            .Select(r => (r.ShownName, r.Value, r.Scope))
            .ToList();
    }

    public static async Task RenderAsync(IAnsiConsole console, string title, IOctopusSpaceClient client, string projectName, CancellationToken ct = default)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("Variable Name", "Value", "Scope");
        foreach (var (name, value, scope) in await RowsAsync(client, projectName, ct).ConfigureAwait(false))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(scope));
        }

        console.Write(table);
    }

    /// <summary>Id → name from the set's ScopeValues, and environments (the scope users care about most).</summary>
    private static async Task<Dictionary<string, string>> NamesAsync(IOctopusSpaceClient client, JsonObject set, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, list) in set.Obj("ScopeValues") ?? [])
        {
            foreach (var item in (list as JsonArray ?? []).OfType<JsonObject>())
            {
                if (item.Str("Id") is { } id)
                {
                    names[id] = item.Name();
                }
            }
        }

        foreach (var environment in await client.GetAllAsync("environments", ct).ConfigureAwait(false))
        {
            names[environment.Id()] = environment.Name();
        }

        return names;
    }
}
