using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>A document on its way into the store: create when <see cref="Existing"/> is null, else update.</summary>
internal sealed record WriteContext(SpaceContext Space, ResourceDescriptor Descriptor, JsonObject Doc, JsonObject? Existing)
{
    public List<string> Errors { get; } = [];

    public bool IsCreate => Existing is null;

    public string Id => (string)Doc["Id"]!;
}
