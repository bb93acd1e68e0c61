using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.Environments;

/// <summary>
/// Spec §5.1: every source environment is mapped explicitly (<c>environments: {Test: Staging}</c>), by the same name,
/// or EXCLUDED — unless <c>rules.environments.createMissing: true</c>, which creates it. Teaches the translator first,
/// since every other planner translates environment ids.
/// </summary>
public static class EnvironmentMapper
{
    public const string SameName = "same name";
    public const string Excluded = "excluded";
    public const string CreateMissing = "rules.environments.createMissing: true";

    public static void Plan(PlanningSession session)
    {
        var translator = session.Translator;
        var sources = session.Source.Environments
            .OrderBy(e => e["SortOrder"] is { } n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number ? n.GetValue<int>() : int.MaxValue)
            .ThenBy(e => e.Name(), StringComparer.OrdinalIgnoreCase);
        foreach (var environment in sources)
        {
            var name = environment.Name();
            if (session.Input.EnvironmentMap.TryGetValue(name, out var mapped))
            {
                var rule = $"environments: {name}: {mapped}";
                if (translator.Destination.IdOf(ResourceKind.Environment, mapped) is null)
                {
                    translator.Exclude(ResourceKind.Environment, name);
                    session.EnvironmentMappings.Add(new EnvironmentMapping(name, null, rule));
                    session.Diagnostics.Add(new Diagnostic(Severity.Error, $"Environment \"{mapped}\" (mapped from \"{name}\") does not exist on the destination.", rule, name));
                    continue;
                }

                translator.Map(ResourceKind.Environment, name, mapped);
                session.EnvironmentMappings.Add(new EnvironmentMapping(name, mapped, rule));
            }
            else if (translator.Destination.IdOf(ResourceKind.Environment, name) is not null)
            {
                session.EnvironmentMappings.Add(new EnvironmentMapping(name, name, SameName));
            }
            else if (session.Rules.Environments.CreateMissing)
            {
                Create(session, environment);
            }
            else
            {
                translator.Exclude(ResourceKind.Environment, name);
                session.EnvironmentMappings.Add(new EnvironmentMapping(name, null, Excluded));
            }
        }
    }

    private static void Create(PlanningSession session, System.Text.Json.Nodes.JsonObject environment)
    {
        var name = environment.Name();
        var translated = IdTranslation.TranslateDocument(environment, session.Translator);
        var change = ObjectDecider.Decide(session, new ObjectCandidate
        {
            Kind = ResourceKind.Environment,
            Key = name,
            TranslatedSource = translated,
            Desired = ObjectDecider.Pick(translated, ["SortOrder", "ExtensionSettings", "EnvironmentTags"]),
            ServerFields = ["SortOrder"],
            Rules = session.Rules,
        });
        change = change with { Rule = change.Action == ChangeAction.Create ? CreateMissing : change.Rule };
        session.Changes.Add(change);
        var created = change.Action == ChangeAction.Create;
        if (!created)
        {
            session.Translator.Exclude(ResourceKind.Environment, name);
        }

        session.EnvironmentMappings.Add(new EnvironmentMapping(name, created ? name : null, created ? CreateMissing : change.Rule));
    }
}
