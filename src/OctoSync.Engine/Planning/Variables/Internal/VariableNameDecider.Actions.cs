using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>Recording one decision: the detail, the write, the state entry and any clean-up item.</summary>
internal sealed partial class VariableNameDecider
{
    private void None(DesiredValue value, ValueForms forms, string destinationId, string reason, NameOutcome outcome)
    {
        outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.None, VariableRuleText.Default, reason));
        outcome.State.Add(StateOf(value, forms, destinationId));
        outcome.Reaching.Add(value.Value);
        if (value.IsPlaceholder && !value.Value.IsSensitive)
        {
            outcome.Cleanup.Add(Cleanup(value.Value, $"still holds the placeholder \"{Rules.Placeholder}\""));
        }
    }

    private void Leave(DesiredValue value, string rule, string reason, bool drift, VariableValueState? entry, NameOutcome outcome)
    {
        outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Leave, rule, reason, drift));
        if (entry is not null)
        {
            outcome.State.Add(entry);
        }
    }

    private void Update(DesiredValue value, ValueForms forms, DestinationVariables.Entry target, string rule, string reason, bool drift, NameOutcome outcome)
    {
        // An existing sensitive value keeps its Id and is sent with Value null: the server keeps the secret.
        var written = ForWrite(value, keepSecret: target.Value.IsSensitive, outcome, out var secretNote);
        outcome.Updates[target.Id] = written;
        outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Update, rule, secretNote is null ? reason : $"{reason}; {secretNote}", drift));
        outcome.State.Add(StateOf(value, forms, target.Id));
        outcome.Reaching.Add(value.Value);
    }

    private void Create(DesiredValue value, ValueForms forms, string rule, string reason, bool drift, NameOutcome outcome)
    {
        var secret = SecretFor(value.Value);
        if (value.Value.IsSensitive && Rules.Sensitive == SensitiveMode.Skip && secret is null)
        {
            outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Skip, VariableRuleText.Sensitive(Rules.Sensitive),
                "new sensitive value: its secret cannot be read from the source"));
            return;
        }

        if (value.Value.IsSensitive && secret is not null)
        {
            rule = Secrets.SecretDecision.Rule(secret);
        }
        else if (value.Value.IsSensitive)
        {
            rule = VariableRuleText.Sensitive(Rules.Sensitive);
            reason += "; the secret cannot be read from the source, so it holds the placeholder";
        }

        var id = ids.Next($"{context.Key}/{value.Value.Name}/{value.SourceId ?? "placeholder"}");
        outcome.Creates.Add((id, ForWrite(value, keepSecret: false, outcome, out var secretNote), value.Template));
        reason = secretNote is null ? reason : $"{reason}; {secretNote}";
        outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Create, rule, reason, drift));
        outcome.State.Add(StateOf(value, forms, id));
        outcome.Reaching.Add(value.Value);
    }

    /// <summary>The value as sent: a secret OctoSync cannot read is either kept (null) or replaced by the placeholder.</summary>
    private VariableValue ForWrite(DesiredValue value, bool keepSecret, NameOutcome outcome, out string? secretNote)
    {
        secretNote = null;
        if (!value.Value.IsSensitive)
        {
            if (value.IsPlaceholder)
            {
                outcome.Cleanup.Add(Cleanup(value.Value, $"placeholder \"{Rules.Placeholder}\": {value.Note}"));
            }

            return value.Value;
        }

        // A secret supplied in the destination's secrets: list is written where the placeholder would be (docs/secrets.md).
        if (SupplySecret(value.Value, exists: keepSecret, outcome, out secretNote) is { } token)
        {
            return value.Value with { Value = token };
        }

        if (keepSecret)
        {
            return value.Value with { Value = null };
        }

        outcome.Cleanup.Add(Cleanup(value.Value, $"sensitive value written as \"{Rules.Placeholder}\": enter the secret"));
        return value.Value with { Value = Rules.Placeholder };
    }

    private static VariableValueState StateOf(DesiredValue value, ValueForms forms, string destinationId) =>
        new(value.SourceId, forms.Fingerprint, destinationId, forms.Fingerprint, value.IsPlaceholder, forms.PortableScope, forms.TextFingerprint, forms.ScopeKey);

    private CleanupItem Cleanup(VariableValue value, string what)
    {
        var scope = VariableText.Scope(value.Scope, context.OwnerName, (d, i) => PortableValue.NameOf(d, i, Translator));
        var subject = $"{context.OwnerName} / {value.Name}";
        return new CleanupItem(ResourceKind.VariableSet, scope.Length == 0 ? subject : $"{subject} [{scope}]", what);
    }

    /// <summary>Plan text of a destination-side value; a reference value shows the name of what it points at.</summary>
    private string Item(VariableValue value)
    {
        var shown = value.ReferenceKind is not null && !string.IsNullOrEmpty(value.Value)
            ? value with { Value = Translator.DestinationKeyOf(value.Value) ?? value.Value }
            : value;
        return VariableText.Item(shown, context.OwnerName, (d, i) => PortableValue.NameOf(d, i, Translator));
    }
}
