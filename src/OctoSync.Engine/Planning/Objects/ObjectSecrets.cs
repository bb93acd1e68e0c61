using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Secrets;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// Supplied secrets of accounts, feeds and certificates (docs/secrets.md), decided by the same rules as variable
/// values (<see cref="SecretDecision"/>): a field of an object this plan creates gets the secret instead of the
/// placeholder; a field of an existing object gets it when OctoSync wrote the placeholder or an older secret there,
/// and a field OctoSync has no record of only under <c>rules.variables.overwrite: always</c>. The state keeps, per field,
/// <c>Secret:{Kind}:{name}/{field}</c> → the keyed hash, or <c>placeholder</c> when OctoSync wrote the placeholder.
/// The planned document holds the token; the value is put in only by the applier's client.
/// </summary>
public static class ObjectSecrets
{
    /// <summary>A Create change: supplied fields get their token instead of the placeholder, and every field still holding
    /// a placeholder is recorded as such. Returns the change and whether a placeholder is left, or no secret was supplied (then the change is as it was).</summary>
    public static (Change Change, bool PlaceholderLeft) Created(PlanningSession session, Change change, SecretTargetKind kind)
    {
        if (change.After is not { } after)
        {
            return (change, false);
        }

        var name = change.Key;
        var supplied = session.Input.Secrets;
        var updates = new List<StateUpdate>(change.StateUpdates);
        var details = new List<ChangeDetail>(change.Details);
        var left = false;
        var certificateData = kind == SecretTargetKind.Certificate && SecretDecision.Find(supplied, kind, name, "CertificateData") is not null;
        // The supplied fields too: a source without the field (a certificate uploaded without a password) still gets it.
        var fields = after.Where(p => SensitiveValues.IsSensitive(p.Value)).Select(p => p.Key)
            .Union(supplied.Where(s => s.Mapping.Kind == kind && string.Equals(s.Mapping.Owner, name, StringComparison.OrdinalIgnoreCase)).Select(s => s.Mapping.Name), StringComparer.Ordinal)
            .ToList();
        foreach (var field in fields)
        {
            var key = SecretDecision.StateKey(kind, name, field);
            if (SecretDecision.Find(supplied, kind, name, field) is { } secret)
            {
                var outcome = SecretDecision.ForNew(secret, key);
                after[field] = Token(secret);
                updates.Add(outcome.State!);
                details.Add(new ChangeDetail(field, ChangeAction.Create, SecretDecision.Rule(secret), outcome.Reason));
                session.Cleanup.RemoveAll(c => c.Kind == change.Kind && c.Subject == KindWords.Subject(change.Kind, name) && c.What.EndsWith($"written to {field}", StringComparison.Ordinal));
            }
            else if (certificateData && field == "Password")
            {
                // The supplied file is the certificate; a placeholder password would not open it. No password given: none.
                after[field] = SensitiveValues.Empty();
                session.Cleanup.RemoveAll(c => c.Kind == change.Kind && c.Subject == KindWords.Subject(change.Kind, name) && c.What.EndsWith($"written to {field}", StringComparison.Ordinal));
            }
            else if (after[field]?["NewValue"] is JsonValue)
            {
                updates.Add(SecretDecision.Placeholder(key));
                left = true;
            }
        }

        var anySupplied = details.Count > change.Details.Count;
        return (change with { After = after, StateUpdates = updates, Details = details }, left || !anySupplied);
    }

    /// <summary>
    /// The supplied fields of an object that exists on the destination. <paramref name="change"/> is what planning decided
    /// otherwise (null when the kind never writes an existing object, as accounts and certificates); the result replaces
    /// it, or is null when no secret is supplied for this object. A change left as drift (Leave) is left whole, its
    /// secrets included.
    /// </summary>
    public static Change? Existing(PlanningSession session, ResourceKind resourceKind, SecretTargetKind kind, string name, JsonObject destination, Change? change)
    {
        var secrets = session.Input.Secrets.Where(s => s.Mapping.Kind == kind && string.Equals(s.Mapping.Owner, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (secrets.Count == 0 || change is { Action: not (ChangeAction.None or ChangeAction.Update) })
        {
            return change;
        }

        var after = change?.After?.Clone() ?? destination.Clone();
        var updates = new List<StateUpdate>(change?.StateUpdates ?? []);
        var details = new List<ChangeDetail>(change?.Details ?? []);
        var writes = 0;
        foreach (var secret in secrets)
        {
            var field = secret.Mapping.Name;
            var outcome = SecretDecision.ForExisting(secret, session.Input.State, SecretDecision.StateKey(kind, name, field), session.Rules.Variables.Overwrite);
            if (outcome.Write && kind == SecretTargetKind.Certificate)
            {
                // Octopus changes an existing certificate's data through POST certificates/{id}/replace (Swagger 2021.2),
                // which archives the old one; a PUT is "Modify". OctoSync does not send a replace yet: a person does.
                details.Add(new ChangeDetail(field, ChangeAction.Leave, SecretDecision.Rule(secret),
                    $"{outcome.Reason}, but certificate data is only sent when OctoSync creates the certificate: replace it on the destination"));
                session.Cleanup.Add(new CleanupItem(resourceKind, KindWords.Subject(resourceKind, name), $"replace the certificate with the file {secret.Mapping.Source.Text} (Replace certificate)"));
                continue;
            }

            details.Add(new ChangeDetail(field, outcome.Write ? ChangeAction.Update : ChangeAction.None, SecretDecision.Rule(secret), outcome.Reason));
            if (outcome.Write)
            {
                after[field] = Token(secret);
                updates.Add(outcome.State!);
                writes++;
            }
        }

        if (writes == 0)
        {
            return (change ?? new Change
            {
                Kind = resourceKind,
                Key = name,
                Action = ChangeAction.None,
                Rule = "default",
                Reason = "Exists on the destination.",
                DestinationId = destination.Str("Id"),
                Before = destination,
            }) with { Details = details, StateUpdates = updates };
        }

        var written = string.Join(", ", secrets.Where(s => after[s.Mapping.Name] is JsonObject o && SecretToken.IsToken(o.Str("NewValue"))).Select(s => s.Mapping.Name));
        return new Change
        {
            Kind = resourceKind,
            Key = name,
            Action = ChangeAction.Update,
            Rule = change is { Action: ChangeAction.Update } ? change.Rule : SecretDecision.Rule(secrets[0]),
            Reason = change is { Action: ChangeAction.Update } ? $"{change.Reason} Secrets written: {written}." : $"Secrets written: {written}.",
            DestinationId = destination.Str("Id"),
            Owner = change?.Owner,
            Before = destination,
            After = after,
            Details = details,
            StateUpdates = updates,
        };
    }

    /// <summary>Entries of <paramref name="kind"/> that name nothing this plan creates or finds on the destination: a warning each.</summary>
    public static void Unused(PlanningSession session, SecretTargetKind kind, ResourceKind resourceKind, IReadOnlySet<string> handled)
    {
        foreach (var secret in session.Input.Secrets.Where(s => s.Mapping.Kind == kind && !handled.Contains(s.Mapping.Owner)))
        {
            session.Diagnostics.Add(new Diagnostic(Severity.Warning,
                $"{KindWords.Subject(resourceKind, secret.Mapping.Owner)}: the secret {secret.From} is not written: the sync neither creates it nor finds it on the destination",
                SecretDecision.Rule(secret), secret.Mapping.Owner));
        }
    }

    private static JsonObject Token(SuppliedSecret secret) => new() { ["HasValue"] = true, ["NewValue"] = secret.Mapping.Token };
}
