using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Planning.Accounts;

/// <summary>
/// Accounts and certificates (spec §5.6). <c>by-name</c>: references go to the destination item of the same name; a
/// missing one is reported and what references it is skipped (the translator answers null). <c>placeholder</c>: a
/// missing one is created with the same name and type, every secret a placeholder (clean-up report). <c>skip</c>:
/// never touched, references skipped. An item scoped only to excluded environments is never copied. Existing
/// destination items are never updated: their details belong to the destination — except a secret field a
/// <c>secrets:</c> entry supplies (<see cref="ObjectSecrets"/>, docs/secrets.md).
/// </summary>
public static class AccountPlanner
{
    private static readonly string[] CertificateServerFields =
    [
        "Thumbprint", "SubjectDistinguishedName", "SubjectCommonName", "SubjectOrganization", "IssuerDistinguishedName",
        "IssuerCommonName", "IssuerOrganization", "NotBefore", "NotAfter", "IsExpired", "HasPrivateKey", "SelfSigned",
        "SerialNumber", "SignatureAlgorithmName", "Version", "CertificateDataFormat", "SubjectAlternativeNames",
        "CertificateChain", "Archived", "ReplacedBy",
    ];

    public static void Plan(PlanningSession session)
    {
        Plan(session, ResourceKind.Account, "accounts", session.Source.Accounts, session.Input.Select.Accounts, session.Rules.Accounts, []);
        Plan(session, ResourceKind.Certificate, "certificates", session.Source.Certificates, session.Input.Select.Certificates, session.Rules.Certificates, CertificateServerFields);
    }

    private static SecretTargetKind TargetOf(ResourceKind kind) => kind == ResourceKind.Account ? SecretTargetKind.Account : SecretTargetKind.Certificate;

    public static string Word(ReferenceMode mode) => mode switch
    {
        ReferenceMode.Placeholder => "placeholder",
        ReferenceMode.Skip => "skip",
        _ => "by-name",
    };

    private static void Plan(PlanningSession session, ResourceKind kind, string word, IEnumerable<JsonObject> sources, NameFilter selection, ReferenceMode mode, string[] serverFields)
    {
        var translator = session.Translator;
        var rule = $"rules.{word}: {Word(mode)}";
        var target = TargetOf(kind);
        var handled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in PlanningSession.Ordered(sources).Where(s => selection.Matches(s.Name())))
        {
            var name = item.Name();
            var destination = session.DestinationDocument(kind, name);
            if (mode == ReferenceMode.Skip)
            {
                translator.Exclude(kind, name);
                session.Skip(kind, name, rule, $"{word} are not synced; steps and variables that reference it are skipped.", destination: destination);
                continue;
            }

            if (destination is not null)
            {
                handled.Add(name);
                if (ObjectSecrets.Existing(session, kind, target, destination.Name(), destination, null) is { } secrets)
                {
                    session.Changes.Add(secrets);
                }

                continue;
            }

            var environments = item.Strings("EnvironmentIds");
            if (environments.Count > 0 && translator.TranslateAll(ResourceKind.Environment, environments).Count == 0)
            {
                translator.Exclude(kind, name);
                session.Skip(kind, name, rule, "Scoped only to environments excluded on this destination; never copied.");
                continue;
            }

            if (mode == ReferenceMode.ByName)
            {
                translator.Exclude(kind, name);
                session.Skip(kind, name, rule, "Missing on the destination; steps and variables that reference it are skipped.", severity: Severity.Warning);
                continue;
            }

            var change = NamedObjectPlanner.PlanOne(session, new NamedObjectPlanner.Profile(kind)
            {
                ServerFields = serverFields,
                Adjust = (_, _, desired) => desired["TenantTags"] = Tags.Available(session, desired.Arr("TenantTags")),
            }, item, session.Rules);
            if (change.Action == ChangeAction.Create)
            {
                handled.Add(name);
                var (created, placeholderLeft) = ObjectSecrets.Created(session, change, target);
                session.Changes[^1] = created with
                {
                    Rule = rule,
                    Reason = placeholderLeft
                        ? "Missing on the destination; created with placeholder details for a person to fill in."
                        : "Missing on the destination; created with the same details, its secrets from the destination's secrets: list.",
                };
                if (placeholderLeft)
                {
                    session.Cleanup.Add(new CleanupItem(kind, KindWords.Subject(kind, name), "created with placeholder details: check every field and replace the secrets"));
                }
            }
            else if (change.Action != ChangeAction.None)
            {
                translator.Exclude(kind, name);
            }
        }

        if (mode == ReferenceMode.Skip)
        {
            ObjectSecrets.Unused(session, target, kind, handled);
            return;
        }

        // Items only the destination has: a person made them, so their secrets follow the overwrite rule.
        var destinationItems = kind == ResourceKind.Account ? session.Destination.Accounts : session.Destination.Certificates;
        foreach (var item in PlanningSession.Ordered(destinationItems).Where(d => !handled.Contains(d.Name())))
        {
            if (ObjectSecrets.Existing(session, kind, target, item.Name(), item, null) is { } secrets)
            {
                handled.Add(item.Name());
                session.Changes.Add(secrets);
            }
        }

        ObjectSecrets.Unused(session, target, kind, handled);
    }
}
