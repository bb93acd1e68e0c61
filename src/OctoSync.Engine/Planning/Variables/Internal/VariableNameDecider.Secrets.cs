using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>The hook of supplied secrets (docs/secrets.md): where a sensitive value would get the placeholder or be
/// kept, <see cref="SecretDecision"/> decides whether the destination's supplied secret is written instead.</summary>
internal sealed partial class VariableNameDecider
{
    private SuppliedSecret? SecretFor(VariableValue value) =>
        !value.IsSensitive || context.Secrets.Count == 0
            ? null
            : SecretDecision.Find(context.Secrets, context.OwnerName, value.Name, ScopeNames(value.Scope));

    /// <summary>The token to send for a sensitive value, or null (placeholder or keep, as without secrets); records the
    /// state to keep and the plan note (the source as written).</summary>
    private string? SupplySecret(VariableValue value, bool exists, NameOutcome outcome, out string? note)
    {
        note = null;
        var key = SecretDecision.StateKey(context.Key, value.Name, PortableValue.ScopeKey(value.Scope, Translator));
        if (SecretFor(value) is not { } secret)
        {
            if (!exists)
            {
                outcome.SecretState.Add(SecretDecision.Placeholder(key));
            }

            return null;
        }

        var decision = exists ? SecretDecision.ForExisting(secret, context.State, key, Rules.Overwrite) : SecretDecision.ForNew(secret, key);
        note = decision.Reason;
        if (!decision.Write)
        {
            return null;
        }

        outcome.SecretState.Add(decision.State!);
        return secret.Mapping.Token;
    }

    /// <summary>For a value the three-way table leaves unchanged: a supplied secret it must (or must not) write, with why.</summary>
    private (bool Write, string Rule, string Note)? UnchangedSecret(VariableValue value, DestinationVariables.Entry current)
    {
        if (!current.Value.IsSensitive || SecretFor(value) is not { } secret)
        {
            return null;
        }

        var key = SecretDecision.StateKey(context.Key, value.Name, PortableValue.ScopeKey(value.Scope, Translator));
        var decision = SecretDecision.ForExisting(secret, context.State, key, Rules.Overwrite);
        return (decision.Write, SecretDecision.Rule(secret), decision.Reason);
    }

    private Dictionary<string, IReadOnlyList<string>> ScopeNames(VariableScope scope) =>
        scope.Dimensions.ToDictionary(
            d => d.Key,
            d => (IReadOnlyList<string>)[.. d.Value.Select(i => PortableValue.NameOf(d.Key, i, Translator))],
            StringComparer.Ordinal);
}
