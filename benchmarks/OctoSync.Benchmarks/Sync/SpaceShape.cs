namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// The synthetic space of issue #10: S/M/L projects, each with 12 steps, 3 channels, 2 runbooks and about 80
/// variables with mixed scopes, plus 40 tenants, 20 library variable sets of 50 variables and 30 step templates.
/// </summary>
internal sealed record SpaceShape(string Size, int Projects)
{
    public int StepsPerProcess { get; init; } = 12;
    public int ChannelsPerProject { get; init; } = 3;
    public int RunbooksPerProject { get; init; } = 2;
    public int StepsPerRunbook { get; init; } = 2;
    public int VariablesPerProject { get; init; } = 80;
    public int Tenants { get; init; } = 40;
    public int ProjectsPerTenant { get; init; } = 10;
    public int LibraryVariableSets { get; init; } = 20;
    public int VariablesPerLibrarySet { get; init; } = 50;
    public int LibrarySetsPerProject { get; init; } = 3;
    public int StepTemplates { get; init; } = 30;
    public IReadOnlyList<string> Environments { get; init; } = ["Development", "Test", "Staging", "Production"];

    public static SpaceShape Of(string size) => size.ToUpperInvariant() switch
    {
        "S" => new("S", 20),
        "M" => new("M", 100),
        "L" => new("L", 500),
        var n when int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var projects) && projects > 0 => new(n, projects),
        _ => throw new ArgumentException($"Unknown size '{size}': S, M, L or a number of projects."),
    };

    public override string ToString() =>
        $"{Size}: {Projects} projects × ({StepsPerProcess} steps, {ChannelsPerProject} channels, {RunbooksPerProject} runbooks, {VariablesPerProject} variables); "
        + $"{Tenants} tenants, {LibraryVariableSets} library sets × {VariablesPerLibrarySet} variables, {StepTemplates} step templates";
}
