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
}
