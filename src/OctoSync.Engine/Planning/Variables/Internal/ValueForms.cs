using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Everything the three-way decision compares of one value, from one portable form (<see cref="PortableValue.Of"/>):
/// building the form once per value instead of once per use was a third of variable planning (issue #10). Each
/// string is exactly what <see cref="PortableValue"/>'s own functions return for the value.
/// </summary>
/// <param name="Fingerprint"><see cref="PortableValue.Fingerprint"/>.</param>
/// <param name="ScopeKey"><see cref="PortableValue.ScopeKey"/>.</param>
/// <param name="PortableScope"><see cref="PortableValue.PortableScope"/>.</param>
/// <param name="TextFingerprint"><see cref="PortableValue.TextFingerprint"/> (null for a sensitive value).</param>
internal sealed record ValueForms(string Fingerprint, string ScopeKey, string PortableScope, string? TextFingerprint)
{
    public static ValueForms Of(VariableValue value, Translator translator)
    {
        var portable = PortableValue.Of(value, translator);
        return new ValueForms(
            State.Fingerprint.Of(portable),
            portable["Scope"]!.ToJsonString(),
            PortableValue.PortableScope(value.Scope, translator),
            value.IsSensitive ? null : State.Fingerprint.Of(portable["Value"]));
    }
}
