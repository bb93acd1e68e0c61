using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Whether a tenant tag (<c>TagSet/Tag</c>, the same string on every instance) will exist on the destination:
/// its tag set has it there already, or the tag set reaches the destination (synced or created by this plan)
/// and the source's tag set has it.
/// </summary>
internal static class TenantTags
{
    public static bool Exists(string canonicalName, Translator translator)
    {
        var slash = canonicalName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        var sourceSet = canonicalName[..slash];
        var destinationSet = translator.DestinationKeyFor(ResourceKind.TagSet, sourceSet);
        var tag = canonicalName[(slash + 1)..];
        // A tag of a synced set that a person deleted on the destination stays deleted: it will not exist.
        if (TagSets.LeftOutTags.IsLeftOut(translator, canonicalName))
        {
            return false;
        }

        return Has(translator.Destination.Document(ResourceKind.TagSet, destinationSet), destinationSet, tag)
            || (translator.TranslateKey(ResourceKind.TagSet, sourceSet) is not null
                && Has(translator.Source.Document(ResourceKind.TagSet, sourceSet), sourceSet, tag));
    }

    private static bool Has(System.Text.Json.Nodes.JsonObject? tagSet, string setName, string tag) =>
        tagSet is not null && tagSet.Arr("Tags").Objects().Any(t =>
            string.Equals(t.Name(), tag, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Str("CanonicalTagName"), $"{setName}/{tag}", StringComparison.OrdinalIgnoreCase));
}
