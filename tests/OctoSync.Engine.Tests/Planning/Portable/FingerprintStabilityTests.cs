using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.Planning.Variables.Internal;
using OctoSync.Engine.Tests.Support;
using ObjectForm = OctoSync.Engine.Planning.Objects.PortableForm;
using ProcessForm = OctoSync.Engine.Planning.Processes.Internal.PortableForm;

namespace OctoSync.Engine.Tests.Planning.Portable;

/// <summary>
/// Characterization: fingerprints are persisted in users' state files, so their bytes must never change (a changed
/// fingerprint reads as drift on the next recurring sync). The expected values were computed by the code as it was
/// when these tests were written; a refactoring of the portable forms must keep every one of them.
/// </summary>
public class FingerprintStabilityTests
{
    private static readonly SnapshotBuilder Builder = new SnapshotBuilder("Spaces-2")
        .Environment("Staging").Environment("Production").Account("Azure Prod").WorkerPool("Hosted Ubuntu").Project("OctoFx");

    private static Translator NewTranslator()
    {
        var destination = Builder.Build();
        return new Translator(new NameIndex(new SnapshotBuilder().Build()), new NameIndex(destination));
    }

    /// <summary>Strings as read from a server (backed by a JsonElement, with escapes), not built in code.</summary>
    private static JsonNode Parsed() => JsonNode.Parse("""{"Text":"it\u0027s <b>&amp; \u00e9 \"q\"","List":["z\u00e9","a"],"N":1.50}""")!;

    private static string Id(ResourceKind kind, string name) => Builder.IdOf(kind, name);

    [Fact]
    public void Object_fingerprints_are_unchanged()
    {
        var t = NewTranslator();
        var token = t.PlanCreate(ResourceKind.Environment, "QA");
        var staging = Id(ResourceKind.Environment, "Staging");
        var production = Id(ResourceKind.Environment, "Production");
        var document = new JsonObject
        {
            ["Id"] = "Lifecycles-9",
            ["Name"] = "Release",
            ["Phases"] = new JsonArray(new JsonObject
            {
                ["Id"] = "6f1c-guid",
                ["Name"] = "Staging",
                ["OptionalDeploymentTargets"] = new JsonArray(production, staging, token),
                ["MinimumEnvironmentsBeforePromotion"] = 0,
            }),
            ["ProjectEnvironments"] = new JsonObject { [Id(ResourceKind.Project, "OctoFx")] = new JsonArray(production, staging) },
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "secret" },
            ["NotSecret"] = new JsonObject { ["HasValue"] = true, ["Other"] = 1 },
            ["Mixed"] = new JsonArray("b", 1, "a"),
            ["Tags"] = new JsonArray("b", "a"),
            ["AccountId"] = Id(ResourceKind.Account, "Azure Prod"),
            ["Description"] = null,
            ["Parsed"] = Parsed(),
        };

        Assert.Equal("07801b8b86718d7aaf35fc34", ObjectForm.Fingerprint(document, t));
        Assert.Equal("6adef7cccb50b03e924c4ff8", ObjectForm.Fingerprint(new JsonObject { ["Name"] = "Dev", ["SortOrder"] = 1 }, t));
    }

    [Fact]
    public void Step_fingerprints_are_unchanged()
    {
        var t = NewTranslator();
        var token = t.PlanCreate(ResourceKind.Feed, "NuGet");
        var step = new JsonObject
        {
            ["Id"] = "Steps-1",
            ["Name"] = "Deploy web",
            ["Slug"] = "deploy-web",
            ["Condition"] = "Success",
            ["Properties"] = new JsonObject { ["Octopus.Action.TargetRoles"] = "web" },
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Id"] = "Actions-1",
                ["Name"] = "Deploy web",
                ["Environments"] = new JsonArray(Id(ResourceKind.Environment, "Production"), Id(ResourceKind.Environment, "Staging")),
                ["WorkerPoolId"] = Id(ResourceKind.WorkerPool, "Hosted Ubuntu"),
                ["Links"] = new JsonObject { ["Self"] = "/api/x" },
                ["Properties"] = new JsonObject
                {
                    ["Octopus.Action.Azure.AccountId"] = Id(ResourceKind.Account, "Azure Prod"),
                    ["Api.Key"] = new JsonObject { ["HasValue"] = true, ["Hint"] = "x" },
                    ["Feed"] = token,
                },
                ["DestinationOnly"] = "ignored",
            }),
            ["DestinationOnly"] = "ignored",
            ["Parsed"] = Parsed(),
        };
        var shape = new JsonObject
        {
            ["Name"] = "",
            ["Condition"] = "",
            ["Properties"] = null,
            ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "", ["Environments"] = null, ["WorkerPoolId"] = null, ["Properties"] = null, ["Id"] = null }),
            ["Id"] = null,
            ["Parsed"] = null,
        };

        Assert.Equal("cde5ff654e93d7054176268e", ProcessForm.Fingerprint(step, shape, t));
        Assert.Equal("42927b6efece6940bfc43407", ProcessForm.FingerprintSteps(new JsonArray(step.DeepClone(), new JsonObject { ["Name"] = "Notify" }), t));
    }

    [Fact]
    public void Variable_value_fingerprints_and_scope_keys_are_unchanged()
    {
        var t = NewTranslator();
        var channelToken = t.PlanCreate(ResourceKind.Channel, "OctoFx/Beta");
        var scope = VariableScope.Parse(new JsonObject
        {
            ["Environment"] = new JsonArray(Id(ResourceKind.Environment, "Production"), Id(ResourceKind.Environment, "Staging")),
            ["Channel"] = new JsonArray(channelToken),
            ["Role"] = new JsonArray("web", "SQL-Server"),
        });
        var plain = new VariableValue("ConnectionString", "Server=db", "String", false, scope, null, null);
        var account = new VariableValue("Azure", Id(ResourceKind.Account, "Azure Prod"), "AzureAccount", false, VariableScope.Empty, null, "");
        var secret = new VariableValue("Password", null, "Sensitive", true, scope, new JsonObject { ["Label"] = "pw", ["Required"] = true }, "d");

        Assert.Equal("38c1856c9f54b3ae27fcb306", PortableValue.Fingerprint(plain, t));
        Assert.Equal("73044ff75eb8d4fe5c220b61", PortableValue.Fingerprint(account, t));
        Assert.Equal("e2e8f2e5cff3c619d40c769a", PortableValue.Fingerprint(secret, t));
        Assert.Equal("""{"Channel":["OctoFx/Beta"],"Environment":["Production","Staging"],"Role":["SQL-Server","web"]}""", PortableValue.ScopeKey(scope, t));
        Assert.Equal("Channel=OctoFx/Beta;Role=SQL-Server,web", PortableValue.PortableScope(scope, t));
    }

    [Fact]
    public void Value_forms_built_once_equal_each_form_built_on_its_own()
    {
        var t = NewTranslator();
        var channelToken = t.PlanCreate(ResourceKind.Channel, "OctoFx/Beta");
        var scope = VariableScope.Parse(new JsonObject
        {
            ["Environment"] = new JsonArray(Id(ResourceKind.Environment, "Production"), Id(ResourceKind.Environment, "Staging")),
            ["Channel"] = new JsonArray(channelToken),
            ["Role"] = new JsonArray("web", "SQL-Server"),
        });
        VariableValue[] values =
        [
            new("ConnectionString", "Server=db", "String", false, scope, null, null),
            new("Azure", Id(ResourceKind.Account, "Azure Prod"), "AzureAccount", false, VariableScope.Empty, null, ""),
            new("Password", null, "Sensitive", true, scope, new JsonObject { ["Label"] = "pw", ["Required"] = true }, "d"),
        ];

        foreach (var value in values)
        {
            var forms = ValueForms.Of(value, t);

            Assert.Equal(PortableValue.Fingerprint(value, t), forms.Fingerprint);
            Assert.Equal(PortableValue.ScopeKey(value.Scope, t), forms.ScopeKey);
            Assert.Equal(PortableValue.PortableScope(value.Scope, t), forms.PortableScope);
            Assert.Equal(PortableValue.TextFingerprint(value, t), forms.TextFingerprint);
        }

        Assert.Equal("38c1856c9f54b3ae27fcb306", ValueForms.Of(values[0], t).Fingerprint);
        Assert.Null(ValueForms.Of(values[2], t).TextFingerprint);
    }

    [Fact]
    public void Owned_step_fingerprints_equal_the_fingerprint_of_the_whole_portable_form_projected()
    {
        var t = NewTranslator();
        var production = Id(ResourceKind.Environment, "Production");
        JsonObject Action(string name, params (string Key, JsonNode? Value)[] extra)
        {
            var action = new JsonObject
            {
                ["Id"] = $"Actions-{name}",
                ["Name"] = name,
                ["Environments"] = new JsonArray(production),
                ["Links"] = new JsonObject { ["Self"] = "/api/x" },
                ["Properties"] = new JsonObject { ["Secret"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "s" }, ["Env"] = production },
            };
            foreach (var (key, value) in extra)
            {
                action[key] = value;
            }

            return action;
        }

        var step = new JsonObject
        {
            ["Id"] = "Steps-1",
            ["Name"] = "Deploy",
            ["Properties"] = new JsonObject { ["Octopus.Action.TargetRoles"] = "web" },
            ["Actions"] = new JsonArray(Action("Ours"), Action("Theirs", ("Extra", 1)), null, "not an action", Action("Also ours", ("Env", production))),
            ["Parsed"] = Parsed(),
        };
        var shape = new JsonObject
        {
            ["Name"] = "",
            ["Properties"] = null,
            ["Missing"] = null,
            ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "", ["Environments"] = null, ["Properties"] = null, ["Env"] = null }, new JsonObject { ["Name"] = "also OURS" }),
            ["Parsed"] = null,
        };
        var withoutActions = new JsonObject { ["Name"] = "Deploy", ["Actions"] = "not a list" };
        var sensitiveDocument = new JsonObject { ["HasValue"] = true, ["Name"] = "x" };

        Assert.Equal(Reference(step, shape, t, owned: true), ProcessForm.FingerprintOwned(step, shape, t));
        Assert.Equal(Reference(step, shape, t, owned: false), ProcessForm.Fingerprint(step, shape, t));
        Assert.Equal(Reference(withoutActions, shape, t, owned: true), ProcessForm.FingerprintOwned(withoutActions, shape, t));
        Assert.Equal(Reference(sensitiveDocument, shape, t, owned: false), ProcessForm.Fingerprint(sensitiveDocument, shape, t));
        Assert.NotEqual(ProcessForm.Fingerprint(step, shape, t), ProcessForm.FingerprintOwned(step, shape, t));
    }

    /// <summary>The step fingerprint as computed before issue #10: clone, keep owned actions, whole portable form, project.</summary>
    private static string Reference(JsonObject document, JsonObject shape, Translator t, bool owned)
    {
        var names = shape.Arr("Actions").Objects().Select(a => a.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var copy = document.DeepClone().AsObject();
        if (owned && copy["Actions"] is JsonArray actions)
        {
            copy["Actions"] = new JsonArray([.. actions.OfType<JsonObject>().Where(a => names.Contains(a.Name())).Select(a => a.DeepClone())]);
        }

        var fields = ProcessForm.Fields(shape);
        var portable = ProcessForm.Of(copy, t)!.AsObject();
        JsonObject Project(JsonObject o, IEnumerable<string> keep) =>
            new(keep.Select(f => KeyValuePair.Create(f, o.TryGetPropertyValue(f, out var v) ? v?.DeepClone() : null)));
        var projected = Project(portable, fields.Where(f => !f.StartsWith("Actions.", StringComparison.Ordinal)));
        var actionFields = fields.Where(f => f.StartsWith("Actions.", StringComparison.Ordinal)).Select(f => f["Actions.".Length..]).ToList();
        if (projected["Actions"] is JsonArray projectedActions)
        {
            projected["Actions"] = new JsonArray([.. projectedActions.OfType<JsonObject>().Select(a => (JsonNode)Project(a, actionFields))]);
        }

        return OctoSync.Engine.State.Fingerprint.Of(projected);
    }
}
