using OctoSync.Engine.Applying;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// The colour class of a row (<c>d-create</c>, <c>d-update</c>, <c>d-delete</c>, <c>d-drift</c>, <c>d-skip</c>,
/// <c>d-leave</c>, <c>d-failed</c>, <c>d-unchanged</c>; see <see cref="ReportStyles"/>) and the plain words of a decision.
/// </summary>
internal static class Decisions
{
    public static string Class(ChangeAction action, bool drift = false) => drift ? "d-drift" : "d-" + PlainWords.Of(action);

    public static string Class(ApplyOutcome outcome) => outcome == ApplyOutcome.Applied ? "d-create" : "d-failed";

    /// <summary><c>update (drift): rules.variables.overwrite: unchanged — the reason</c>.</summary>
    public static string Text(ChangeDetail detail) =>
        $"{PlainWords.Of(detail.Action)}{(detail.IsDrift ? " (drift)" : "")}: {detail.Rule} — {detail.Reason}";

    /// <summary>Per kind of decision, how many an object and its parts have: <c>2 create, 1 update, 3 skip, 1 drift</c>.</summary>
    public static string Counts(IEnumerable<Change> changes)
    {
        var list = changes.ToList();
        var counts = new List<string>();
        foreach (var action in new[] { ChangeAction.Create, ChangeAction.Update, ChangeAction.Delete, ChangeAction.Skip, ChangeAction.Leave })
        {
            var n = list.Count(c => c.Action == action) + list.Sum(c => c.Details.Count(d => d.Action == action));
            if (n > 0)
            {
                counts.Add($"{n} {PlainWords.Of(action)}");
            }
        }

        var drift = list.Sum(c => c.Details.Count(d => d.IsDrift));
        if (drift > 0)
        {
            counts.Add($"{drift} drift");
        }

        return counts.Count == 0 ? "unchanged" : string.Join(", ", counts);
    }
}
