using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Secrets;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// The supplied file of a certificate that exists on the destination. Octopus takes a new file only through
/// <c>POST certificates/{id}/replace</c> with <c>{CertificateData, Password}</c> (Swagger 2021.2; OctopusClients
/// ICertificateRepository.Replace): the certificate keeps its Id, so variables and steps that use it get the new file, and
/// the old one is kept as an archived copy. A PUT does not change the data (docs/emulator.md). The file and its password
/// go together: when the secret rules (<see cref="SecretDecision"/>) write either, the certificate is replaced with both.
/// The change is an Update whose document holds the tokens; the applier sends the replace (values put in by its client).
/// </summary>
internal static class CertificateReplace
{
    public static Change Plan(PlanningSession session, ResourceKind resourceKind, string name, JsonObject destination, IReadOnlyList<SuppliedSecret> secrets)
    {
        var data = secrets.FirstOrDefault(s => string.Equals(s.Mapping.Name, "CertificateData", StringComparison.OrdinalIgnoreCase));
        var password = secrets.FirstOrDefault(s => string.Equals(s.Mapping.Name, "Password", StringComparison.OrdinalIgnoreCase));
        var decided = secrets
            .Select(s => (Secret: s, Key: SecretDecision.StateKey(SecretTargetKind.Certificate, name, s.Mapping.Name)))
            .Select(x => (x.Secret, x.Key, Outcome: SecretDecision.ForExisting(x.Secret, session.Input.State, x.Key, session.Rules.Variables.Overwrite)))
            .ToList();
        var replace = data is not null && decided.Any(x => x.Outcome.Write);
        var details = decided.Select(x => new ChangeDetail(x.Secret.Mapping.Name,
                replace ? ChangeAction.Update : ChangeAction.None,
                SecretDecision.Rule(x.Secret),
                replace ? $"{Why(x.Outcome)}: the certificate is replaced from {data!.Mapping.Source.Text}" : x.Outcome.Reason))
            .ToList();
        if (!replace)
        {
            return new Change
            {
                Kind = resourceKind,
                Key = name,
                Action = ChangeAction.None,
                Rule = "default",
                Reason = "Exists on the destination.",
                DestinationId = destination.Str("Id"),
                Before = destination,
                Details = details,
            };
        }

        var after = destination.Clone();
        after["CertificateData"] = ObjectSecrets.Token(data!);
        // No password: entry given: the file has none (docs/secrets.md), so none is sent.
        after["Password"] = password is null ? SensitiveValues.Empty() : ObjectSecrets.Token(password);
        return new Change
        {
            Kind = resourceKind,
            Key = name,
            Action = ChangeAction.Update,
            Rule = SecretDecision.Rule(data!),
            Reason = $"The certificate is replaced from {data!.Mapping.Source.Text} (Octopus keeps the old one as an archived copy).",
            DestinationId = destination.Str("Id"),
            Before = destination,
            After = after,
            Details = details,
            // Both fields are sent, so both are recorded (one whose hash was already current is recorded again).
            StateUpdates = decided.Select(x => x.Outcome.State ?? SecretDecision.ForNew(x.Secret, x.Key).State!).ToList(),
        };
    }

    /// <summary>The field's own reason, or for a field that had not changed, that it goes with the file.</summary>
    private static string Why(SecretDecision.Outcome outcome) => outcome.Write ? outcome.Reason : "sent again with the file";
}
