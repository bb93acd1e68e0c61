using System.Text;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// The words a person reads for the engine's enums, shared by the terminal and the HTML report so that neither shows
/// an internal name (<c>SkippedBecauseDependencyFailed</c>, <c>LibraryVariableSet</c>).
/// </summary>
public static class PlainWords
{
    /// <summary><c>LibraryVariableSet</c> → <c>library variable set</c>.</summary>
    public static string Of(ResourceKind kind) => Split(kind.ToString());

    public static string Of(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Delete => "delete",
        ChangeAction.Skip => "skip",
        ChangeAction.Leave => "leave",
        _ => "unchanged",
    };

    public static string Of(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => "applied",
        ApplyOutcome.Failed => "failed",
        ApplyOutcome.SkippedBecauseDependencyFailed => "not attempted: an object it needs failed",
        ApplyOutcome.Conflict => "changed on the destination meanwhile",
        ApplyOutcome.NothingToDo => "nothing to do",
        ApplyOutcome.NotStarted => "not started: the apply was interrupted",
        _ => Split(outcome.ToString()),
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Split(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
