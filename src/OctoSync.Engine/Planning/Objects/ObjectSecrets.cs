using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Secrets;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// Supplied secrets of accounts, feeds, certificates and step templates' sensitive parameter defaults (docs/secrets.md), decided by the same rules as variable
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
        var fields = SensitiveFields(after, kind)
            .Union(supplied.Where(s => s.Mapping.Kind == kind && string.Equals(s.Mapping.Owner, name, StringComparison.OrdinalIgnoreCase)).Select(s => s.Mapping.Name), StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var field in fields)
        {
            var key = SecretDecision.StateKey(kind, name, field);
            if (Slot(after, kind, field) is not var (container, slot))
            {
                continue;
            }

            if (SecretDecision.Find(supplied, kind, name, field) is { } secret)
            {
                var outcome = SecretDecision.ForNew(secret, key);
                container[slot] = Token(secret);
                updates.Add(outcome.State!);
                details.Add(new ChangeDetail(PathOf(kind, field), ChangeAction.Create, SecretDecision.Rule(secret), outcome.Reason));
                RemoveCleanup(session, change, kind, field);
            }
            else if (certificateData && field == "Password")
            {
                // The supplied file is the certificate; a placeholder password would not open it. No password given: none.
                container[slot] = SensitiveValues.Empty();
                RemoveCleanup(session, change, kind, field);
            }
            else if (container[slot]?["NewValue"] is JsonValue)
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

        if (kind == SecretTargetKind.Certificate)
        {
            return CertificateReplace.Plan(session, resourceKind, name, destination, secrets);
        }

        var after = change?.After?.Clone() ?? destination.Clone();
        var updates = new List<StateUpdate>(change?.StateUpdates ?? []);
        var details = new List<ChangeDetail>(change?.Details ?? []);
        var written = new List<string>();
        foreach (var secret in secrets)
        {
            // As the document names it (a parameter written in another case), so the state key is the one Created recorded.
            var field = Slot(after, kind, secret.Mapping.Name) is var (c, _) && kind == SecretTargetKind.StepTemplate ? c.Name() : secret.Mapping.Name;
            var outcome = SecretDecision.ForExisting(secret, session.Input.State, SecretDecision.StateKey(kind, name, field), session.Rules.Variables.Overwrite);
            details.Add(new ChangeDetail(PathOf(kind, field), outcome.Write ? ChangeAction.Update : ChangeAction.None, SecretDecision.Rule(secret), outcome.Reason));
            if (outcome.Write && Slot(after, kind, field) is var (container, slot))
            {
                container[slot] = Token(secret);
                updates.Add(outcome.State!);
                written.Add(PathOf(kind, field));
            }
        }

        if (written.Count == 0)
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

        return new Change
        {
            Kind = resourceKind,
            Key = name,
            Action = ChangeAction.Update,
            Rule = change is { Action: ChangeAction.Update } ? change.Rule : SecretDecision.Rule(secrets[0]),
            Reason = change is { Action: ChangeAction.Update } ? $"{change.Reason} Secrets written: {string.Join(", ", written)}." : $"Secrets written: {string.Join(", ", written)}.",
            DestinationId = destination.Str("Id"),
            Owner = change?.Owner,
            Before = destination,
            After = after,
            Details = details,
            StateUpdates = updates,
        };
    }

    /// <summary>
    /// Before the decision: a supplied field is desired as set (<c>HasValue: true</c>) even where the source's is empty,
    /// so that once written it does not read as a change on the destination at every later run (a feed without a
    /// password on the source, a sensitive parameter without a default).
    /// </summary>
    public static void MarkSupplied(PlanningSession session, SecretTargetKind kind, string name, JsonObject desired)
    {
        foreach (var secret in session.Input.Secrets.Where(s => s.Mapping.Kind == kind && string.Equals(s.Mapping.Owner, name, StringComparison.OrdinalIgnoreCase)))
        {
            if (Slot(desired, kind, secret.Mapping.Name) is var (container, slot) && !SensitiveValues.HasValue(container[slot]))
            {
                container[slot] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null };
            }
        }
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

    /// <summary>The write-only fields of a document: top-level ones, or a step template's sensitive parameter defaults (by parameter name).</summary>
    private static IEnumerable<string> SensitiveFields(JsonObject document, SecretTargetKind kind) => kind == SecretTargetKind.StepTemplate
        ? document.Arr("Parameters").Objects().Where(p => SensitiveValues.IsSensitive(p["DefaultValue"])).Select(p => p.Name())
        : document.Where(p => SensitiveValues.IsSensitive(p.Value)).Select(p => p.Key);

    /// <summary>Where a field's value sits: the document itself, or the named parameter of a step template (its
    /// <c>DefaultValue</c>); null when the template has no such parameter.</summary>
    private static (JsonObject Container, string Key)? Slot(JsonObject document, SecretTargetKind kind, string field)
    {
        if (kind != SecretTargetKind.StepTemplate)
        {
            return (document, field);
        }

        var parameter = document.Arr("Parameters").Objects().FirstOrDefault(p => string.Equals(p.Name(), field, StringComparison.OrdinalIgnoreCase));
        return parameter is null ? null : (parameter, "DefaultValue");
    }

    /// <summary>The path DocumentMerge names a placeholder by: <c>Password</c>, <c>Parameters[Db.Password].DefaultValue</c>.</summary>
    private static string PathOf(SecretTargetKind kind, string field) => kind == SecretTargetKind.StepTemplate ? $"Parameters[{field}].DefaultValue" : field;

    private static void RemoveCleanup(PlanningSession session, Change change, SecretTargetKind kind, string field) =>
        session.Cleanup.RemoveAll(c => c.Kind == change.Kind && c.Subject == KindWords.Subject(change.Kind, change.Key)
            && c.What.EndsWith($"written to {PathOf(kind, field)}", StringComparison.OrdinalIgnoreCase));

    internal static JsonObject Token(SuppliedSecret secret) => new() { ["HasValue"] = true, ["NewValue"] = secret.Mapping.Token };
}
