using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// A destination variable value with ids replaced by portable keys (names), so that what OctoSync wrote can be
/// compared with what it reads back on the next run even when a token written then is a real id now.
/// </summary>
internal static class PortableValue
{
    /// <summary>Dimensions whose items are the same strings on every instance.</summary>
    public static bool IsPortableDimension(string dimension) =>
        dimension is nameof(ScopeDimension.Role) or nameof(ScopeDimension.TenantTag);

    /// <summary>Dimensions recorded in <see cref="VariableValueState.PortableScope"/>: the same on both sides once synced.</summary>
    private static readonly string[] MatchingDimensions =
    [
        nameof(ScopeDimension.Action), nameof(ScopeDimension.Channel), nameof(ScopeDimension.ProcessOwner),
        nameof(ScopeDimension.Role), nameof(ScopeDimension.TenantTag),
    ];

    /// <summary>Fingerprint of a destination-side value. A sensitive value's text is unreadable, so it is left out.</summary>
    public static string Fingerprint(VariableValue value, Translator translator) => State.Fingerprint.Of(Of(value, translator));

    /// <summary>Fingerprint of the value text alone (by names for a reference value); null for a sensitive value, whose
    /// text cannot be read and must never be hashed into the state.</summary>
    public static string? TextFingerprint(VariableValue value, Translator translator) =>
        value.IsSensitive ? null : State.Fingerprint.Of(Of(value, translator)["Value"]);

    public static JsonObject Of(VariableValue value, Translator translator)
    {
        var json = new JsonObject
        {
            ["Name"] = value.Name,
            ["Type"] = value.Type,
            ["IsSensitive"] = value.IsSensitive,
            ["Scope"] = Scope(value.Scope, translator),
            ["Prompt"] = value.Prompt?.DeepClone(),
            // Octopus may return null where "" was written: treat both as "no description".
            ["Description"] = value.Description ?? "",
        };
        if (!value.IsSensitive)
        {
            json["Value"] = value.ReferenceKind is not null && !string.IsNullOrEmpty(value.Value)
                ? translator.DestinationKeyOf(value.Value) ?? value.Value
                : value.Value ?? "";
        }

        return json;
    }

    /// <summary>The scope by names, each list sorted (Octopus does not keep scope order).</summary>
    public static JsonObject Scope(VariableScope scope, Translator translator)
    {
        var json = new JsonObject();
        foreach (var (dimension, items) in scope.Dimensions)
        {
            json[dimension] = SortedNames(dimension, items, translator).ToList().ToJsonArray();
        }

        return json;
    }

    /// <summary>The whole scope by names as one string: equal strings mean the same slot on the destination.</summary>
    public static string ScopeKey(VariableScope scope, Translator translator) => Scope(scope, translator).ToJsonString();

    /// <summary>The portable part of the scope, e.g. <c>Channel=OctoFx/Beta;Role=SQL-Server</c>.</summary>
    public static string PortableScope(VariableScope scope, Translator translator) =>
        string.Join(';', MatchingDimensions
            .Where(d => scope.Get(d).Count > 0)
            .Select(d => $"{d}={string.Join(',', SortedNames(d, scope.Get(d), translator))}"));

    /// <summary>The destination name of one scope item (an id or a token); portable items are names already.</summary>
    public static string NameOf(string dimension, string item, Translator translator) =>
        IsPortableDimension(dimension) ? item : translator.DestinationKeyOf(item) ?? item;

    // Ordinal, like every sorted list in a portable form: the order is part of persisted fingerprints and scope keys.
    private static IEnumerable<string> SortedNames(string dimension, IEnumerable<string> items, Translator translator) =>
        items.Select(i => NameOf(dimension, i, translator)).Order(StringComparer.Ordinal);
}
