using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.TagSets;

/// <summary>
/// Tags of a synced tag set that the destination will still not have after this plan: a tag a person deleted there
/// since OctoSync wrote it is left deleted (spec §6), so it is no more available than a tag whose set is not synced.
/// Steps, variable values and tenants that use it are then decided per item like any missing tag, instead of being
/// written and refused by the server. Recorded on the translator, which every planner that checks a tag consults,
/// under the tag set kind with the canonical tag name (<c>Set/Tag</c>) as the key: a tag set's own name never
/// holds the '/' that separates set and tag in a canonical name.
/// </summary>
public static class LeftOutTags
{
    /// <summary>Marks every tag of <paramref name="source"/> that is not in <paramref name="written"/> (the merged tag list).</summary>
    public static void Mark(Translator translator, JsonObject source, JsonArray written)
    {
        var kept = new HashSet<string>(written.Objects().Select(t => t.Name()), StringComparer.OrdinalIgnoreCase);
        foreach (var tag in source.Arr("Tags").Objects().Where(t => !kept.Contains(t.Name())))
        {
            translator.Exclude(ResourceKind.TagSet, $"{source.Name()}/{tag.Name()}");
        }
    }

    /// <summary>Whether a canonical source tag (<c>Set/Tag</c>) belongs to a synced set but will not exist on the destination.</summary>
    public static bool IsLeftOut(Translator translator, string canonicalName) =>
        canonicalName.Contains('/', StringComparison.Ordinal) && translator.IsExcluded(ResourceKind.TagSet, canonicalName);
}
