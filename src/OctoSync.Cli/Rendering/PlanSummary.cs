using OctoSync.Engine.Planning;

namespace OctoSync.Cli.Rendering;

/// <summary>The counts of a plan, as the summary line shows them. Skips and leaves include parts (steps, values).</summary>
public sealed record PlanSummary(int Create, int Update, int Delete, int Skipped, int Left, int Drift, int Unchanged)
{
    public static PlanSummary Of(Plan plan) => new(
        plan.Count(ChangeAction.Create),
        plan.Count(ChangeAction.Update),
        plan.DeleteCount,
        plan.Count(ChangeAction.Skip) + plan.Changes.Sum(c => c.Details.Count(d => d.Action == ChangeAction.Skip)),
        plan.Count(ChangeAction.Leave) + plan.Changes.Sum(c => c.Details.Count(d => d.Action == ChangeAction.Leave)),
        plan.Changes.Sum(c => c.Details.Count(d => d.IsDrift)),
        plan.Count(ChangeAction.None));

    /// <summary><c>Plan: 12 to create, 3 to update, 0 to delete, 4 skipped, 1 left (drift)</c>.</summary>
    public override string ToString() =>
        $"Plan: {Create} to create, {Update} to update, {Delete} to delete, {Skipped} skipped, {Left} left" + (Drift > 0 ? $" ({Drift} drift)" : "");
}
