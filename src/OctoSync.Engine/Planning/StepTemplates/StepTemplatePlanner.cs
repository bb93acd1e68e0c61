using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Planning.StepTemplates;

/// <summary>
/// Step templates (action templates): custom ones matched by name, body and parameters compared, <c>Version</c> left
/// to the server (it bumps it on every save). Community templates cannot be written through the API: one that is
/// missing on the destination is reported, to be installed from the library. A sensitive parameter's default that the
/// destination's <c>secrets:</c> supplies is written instead of the placeholder (<see cref="ObjectSecrets"/>).
/// </summary>
public static class StepTemplatePlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.ActionTemplate)
    {
        Unmanaged = ["Version", "CommunityActionTemplateId"],
        ServerFields = ["Version"],
    };

    public static void Plan(PlanningSession session)
    {
        var handled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in PlanningSession.Ordered(session.Source.ActionTemplates).Where(t => session.Input.Select.StepTemplates.Matches(t.Name())))
        {
            var name = template.Name();
            if (template.Str("CommunityActionTemplateId") is not null)
            {
                if (session.Translator.Destination.IdOf(ResourceKind.ActionTemplate, name) is null)
                {
                    session.Translator.Exclude(ResourceKind.ActionTemplate, name);
                    session.Skip(ResourceKind.ActionTemplate, name, "default",
                        "A community step template cannot be created through the API; install it from the community library on the destination.", severity: Severity.Warning);
                }

                continue;
            }

            var change = NamedObjectPlanner.PlanOne(session, Profile with
            {
                Adjust = (_, _, desired) => ObjectSecrets.MarkSupplied(session, SecretTargetKind.StepTemplate, session.Translator.DestinationKeyFor(ResourceKind.ActionTemplate, name), desired),
            }, template, session.Rules);
            handled.Add(change.Key);
            if (change.Action == ChangeAction.Create)
            {
                session.Changes[^1] = ObjectSecrets.Created(session, change, SecretTargetKind.StepTemplate).Change;
            }
            else if (session.DestinationDocument(ResourceKind.ActionTemplate, change.Key) is { } destination)
            {
                session.Changes[^1] = ObjectSecrets.Existing(session, ResourceKind.ActionTemplate, SecretTargetKind.StepTemplate, change.Key, destination, change)!;
            }
        }

        ObjectSecrets.Unused(session, SecretTargetKind.StepTemplate, ResourceKind.ActionTemplate, handled);
    }
}
