using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>Step 2: values that hold an account, certificate or worker-pool id (<c>rules.variables.references</c>).</summary>
internal static class ValueReferenceTranslator
{
    /// <param name="Value">The value in destination terms.</param>
    /// <param name="Rule">The rule that applied; null for a value that is not a reference.</param>
    /// <param name="Note">What the rule did, when the value is kept.</param>
    /// <param name="SkipReason">Why the value is left out, when it is.</param>
    public sealed record Result(VariableValue Value, string? Rule, string? Note, string? SkipReason);

    public static Result Translate(VariableValue value, ValueReferenceMode mode, Translator translator)
    {
        if (value.ReferenceKind is not { } kind || string.IsNullOrEmpty(value.Value))
        {
            return new Result(value, null, null, null);
        }

        var rule = VariableRuleText.References(mode);
        var label = kind == Model.ResourceKind.WorkerPool ? "worker pool" : kind.ToString().ToLowerInvariant();
        var name = translator.SourceKeyOf(value.Value) ?? value.Value;
        switch (mode)
        {
            case ValueReferenceMode.Skip:
                return new Result(value, rule, null, $"its value is {(label[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {label} ({name})");
            case ValueReferenceMode.Empty:
                return new Result(value with { Value = "" }, rule, $"{label} \"{name}\" left empty", null);
            default:
                var translated = translator.Translate(kind, value.Value);
                return translated is null
                    ? new Result(value, rule, null, $"{label} \"{name}\" is not on this destination")
                    : new Result(value with { Value = translated }, rule, $"{label} \"{name}\" matched by name", null);
        }
    }
}
