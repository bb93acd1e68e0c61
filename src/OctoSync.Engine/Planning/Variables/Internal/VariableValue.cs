using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// The fields of a variable value OctoSync manages: (Name, Value, Type, IsSensitive, Scope, Prompt, Description).
/// Ids in <see cref="Scope"/> and in a reference <see cref="Value"/> belong to whichever side the value is on.
/// </summary>
internal sealed record VariableValue(
    string Name,
    string? Value,
    string Type,
    bool IsSensitive,
    VariableScope Scope,
    JsonNode? Prompt,
    string? Description)
{
    public const string SensitiveType = "Sensitive";

    public static VariableValue FromJson(JsonObject variable)
    {
        var type = variable.Str("Type") ?? (variable.Bool("IsSensitive") ? SensitiveType : "String");
        var prompt = variable.TryGetPropertyValue(nameof(Prompt), out var p) ? p?.DeepClone() : null;
        return new VariableValue(
            variable.Name(),
            variable.Str("Value"),
            type,
            variable.Bool("IsSensitive") || type == SensitiveType,
            VariableScope.Parse(variable.Obj("Scope")),
            prompt,
            variable.Str("Description"));
    }

    /// <summary>Writes the managed fields onto <paramref name="target"/>; every other field (Id, IsEditable, …) is kept.</summary>
    public void WriteTo(JsonObject target)
    {
        target[nameof(Name)] = Name;
        target[nameof(Value)] = Value;
        target[nameof(Type)] = Type;
        target[nameof(IsSensitive)] = IsSensitive;
        target[nameof(Scope)] = Scope.ToJson();
        target[nameof(Prompt)] = Prompt?.DeepClone();
        target[nameof(Description)] = Description;
    }

    /// <summary>Account, certificate and worker-pool values hold an id (api notes §4.2).</summary>
    public ResourceKind? ReferenceKind => Type switch
    {
        "Certificate" => ResourceKind.Certificate,
        "WorkerPool" => ResourceKind.WorkerPool,
        _ when Type.EndsWith("Account", StringComparison.Ordinal) => ResourceKind.Account,
        _ => null,
    };
}
