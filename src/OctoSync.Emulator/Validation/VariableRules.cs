using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Validation;

/// <summary>
/// Variable set rules: ids (new GUID when missing, unique), sensitive value retention by Id
/// (go-octopusdeploy #449/#450), and every id in a scope or an id-typed value must exist.
/// </summary>
internal static class VariableRules
{
    private static readonly string[] IdTypedAccounts =
        ["AzureAccount", "AmazonWebServicesAccount", "GoogleCloudAccount", "UsernamePasswordAccount", "GenericOidcAccount"];

    public static void Validate(WriteContext ctx)
    {
        if (ctx.Doc["Variables"] is not JsonArray variables)
        {
            ctx.Doc["Variables"] = variables = [];
        }

        ctx.Doc.Remove("ScopeValues"); // read-only, computed on read; clients may echo it back
        Json.EnsureIds(variables);
        var ids = variables.OfType<JsonObject>().Select(v => v.Str("Id")!).ToList();
        if (ids.Distinct(StringComparer.OrdinalIgnoreCase).Count() != ids.Count)
        {
            ctx.Errors.Add("Variable ids must be unique.");
        }

        var stored = (ctx.Existing?.Objects("Variables") ?? [])
            .GroupBy(v => v.Str("Id") ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var ownerId = ctx.Doc.Str("OwnerId") ?? ctx.Existing?.Str("OwnerId") ?? "";
        foreach (var variable in variables.OfType<JsonObject>())
        {
            if (string.IsNullOrWhiteSpace(variable.Str("Name")))
            {
                ctx.Errors.Add("Variable Name is required.");
            }

            if (variable["Type"] is null && !variable.Bool("IsSensitive") && ctx.Space.Profile != ServerProfile.V2021_2)
            {
                // Measured on 2024.3: a variable without Type is an unhandled NullReferenceException (notes §3.9,
                // OctopusDeploy/Issues#8817); the 2021.2 behaviour is not recorded, so it keeps defaulting to String.
                throw new ApiException(500, "Object reference not set to an instance of an object.", [$"Variable '{variable.Str("Name")}' has no Type."])
                {
                    FullException = "System.NullReferenceException: Object reference not set to an instance of an object.",
                };
            }

            Normalise(variable, stored.GetValueOrDefault(variable.Str("Id")!));
            if (variable["Prompt"] is JsonObject && variable["Scope"] is JsonObject promptScope
                && promptScope.Any(p => p.Key != "Environment" && p.Value is JsonArray { Count: > 0 }))
            {
                ctx.Errors.Add("Prompted variables cannot be scoped to anything except an environment."); // notes §2.8, verbatim
            }

            CheckScope(ctx, variable, ownerId);
            CheckValue(ctx, variable);
        }
    }

    /// <summary>Type/IsSensitive agree; a sensitive value sent as null/"" keeps the stored secret of the same Id.</summary>
    private static void Normalise(JsonObject variable, JsonObject? stored)
    {
        var sensitive = variable.Bool("IsSensitive") || variable.Str("Type") == "Sensitive";
        variable["IsSensitive"] = sensitive;
        variable["Type"] = sensitive ? "Sensitive" : variable.Str("Type") ?? "String";
        variable.Default("Description", null);
        variable.Default("IsEditable", true);
        variable.Default("Prompt", null);
        variable.Default("Scope", new JsonObject());
        if (sensitive && string.IsNullOrEmpty(variable.Str("Value")))
        {
            variable["Value"] = stored is not null && stored.Bool("IsSensitive") ? stored.Str("Value") : "";
        }
    }

    private static void CheckScope(WriteContext ctx, JsonObject variable, string ownerId)
    {
        if (variable["Scope"] is not JsonObject scope)
        {
            return;
        }

        var where = $"Variable '{variable.Str("Name")}' scope";
        ctx.CheckAll(Catalog.Environments, scope, "Environment", where + " Environment");
        ctx.CheckAll(Catalog.Channels, scope, "Channel", where + " Channel");
        ctx.CheckAll(Catalog.Machines, scope, "Machine", where + " Machine");
        ctx.CheckTags(scope.Strings("TenantTag"), where + " TenantTag");
        var actions = ProcessRules.ActionsOf(ctx.Space, ownerId).Select(a => a.Str("Id")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var action in scope.Strings("Action").Where(a => !actions.Contains(a)))
        {
            ctx.Errors.Add($"{where} Action: the action '{action}' does not exist in a process of {ownerId}.");
        }

        foreach (var owner in scope.Strings("ProcessOwner"))
        {
            var exists = ctx.Space.Find(Catalog.Projects, owner) is not null || ctx.Space.Find(Catalog.Runbooks, owner) is not null;
            if (!exists)
            {
                ctx.Errors.Add($"{where} ProcessOwner: the process owner '{owner}' does not exist in space {ctx.Space.SpaceId}.");
            }
        }
    }

    /// <summary>Certificate, WorkerPool and account-typed values hold ids (§4.2 of the API notes).</summary>
    private static void CheckValue(WriteContext ctx, JsonObject variable)
    {
        var value = variable.Str("Value");
        if (string.IsNullOrEmpty(value) || value.Contains("#{", StringComparison.Ordinal))
        {
            return;
        }

        var where = $"Variable '{variable.Str("Name")}' value";
        switch (variable.Str("Type"))
        {
            case "Certificate":
                ctx.Check(Catalog.Certificates, value, where);
                break;
            case "WorkerPool":
                ctx.Check(Catalog.WorkerPools, value, where);
                break;
            case { } type when IdTypedAccounts.Contains(type):
                ctx.Check(Catalog.Accounts, value, where);
                break;
        }
    }
}
