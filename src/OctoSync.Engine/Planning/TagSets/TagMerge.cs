using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Members;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.TagSets;

/// <summary>
/// A tag set's tags, decided one by one with <see cref="MemberDecision"/> (matched by name; Color and Description are
/// managed, the server-assigned Id and CanonicalTagName are the destination's). The list written keeps the
/// destination's order and tags, with the source's new tags appended.
/// </summary>
public static class TagMerge
{
    /// <summary>The state kind of a tag: <c>Tag:{TagSet}|{Tag}</c>.</summary>
    public const string StateKind = "Tag";

    private static readonly string[] Managed = ["Name", "Color", "Description"];

    public sealed record Result(JsonArray Tags, IReadOnlyList<ChangeDetail> Details, IReadOnlyList<StateUpdate> StateUpdates, IReadOnlyList<string> Removed, bool Writes, string Summary);

    public static Result Merge(string setName, JsonObject source, JsonObject? destination, OwnedMembers owned, OverwriteMode overwrite)
    {
        var sourceTags = source.Arr("Tags").Objects().GroupBy(t => t.Name(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var written = owned.Of(setName);
        var tags = new JsonArray();
        var details = new List<ChangeDetail>();
        var states = new List<StateUpdate>();
        var removed = new List<string>();
        int added = 0, updated = 0, deleted = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var tag in destination?.Arr("Tags").Objects() ?? [])
        {
            var name = tag.Name();
            if (!seen.Add(name))
            {
                tags.Add(tag.DeepClone());
                continue;
            }

            var inSource = sourceTags.TryGetValue(name, out var sourceTag);
            var outcome = MemberDecision.Decide(inSource, written.GetValueOrDefault(name), Fingerprint(tag), inSource ? Fingerprint(sourceTag!) : "", overwrite);
            states.Add(owned.Update(setName, name, outcome.StateFingerprint));
            switch (outcome.Action)
            {
                case ChangeAction.Delete:
                    removed.Add(name);
                    deleted++;
                    break;
                case ChangeAction.Update:
                    var merged = tag.Clone();
                    foreach (var field in Managed)
                    {
                        merged[field] = sourceTag![field]?.DeepClone();
                    }

                    tags.Add(merged);
                    updated++;
                    break;
                default:
                    tags.Add(tag.DeepClone());
                    break;
            }

            AddDetail(details, name, outcome, inSource);
        }

        foreach (var sourceTag in source.Arr("Tags").Objects().Where(t => !seen.Contains(t.Name())))
        {
            var name = sourceTag.Name();
            var outcome = MemberDecision.Decide(true, written.GetValueOrDefault(name), null, Fingerprint(sourceTag), overwrite);
            states.Add(owned.Update(setName, name, outcome.StateFingerprint));
            if (outcome.Action == ChangeAction.Create)
            {
                tags.Add(New(sourceTag));
                added++;
            }

            seen.Add(name);
            AddDetail(details, name, outcome, true);
        }

        // Written before, gone from both sides now: forget it.
        states.AddRange(written.Keys.Where(n => !seen.Contains(n)).Select(n => owned.Update(setName, n, null)));

        var parts = new[] { (added, "added"), (updated, "updated"), (deleted, "removed") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {(p.Item1 == 1 ? "tag" : "tags")} {p.Item2}");
        return new Result(tags, details, states, removed, added + updated + deleted > 0, $"Tags merged one by one: {string.Join(", ", parts)}.");
    }

    /// <summary>A tag's managed fields, portable (no ids).</summary>
    public static string Fingerprint(JsonObject tag) =>
        State.Fingerprint.Of(new JsonObject(Managed.Select(f => KeyValuePair.Create(f, tag[f]?.DeepClone()))));

    private static JsonObject New(JsonObject sourceTag)
    {
        var tag = sourceTag.Clone();
        tag.Remove("Id");
        tag.Remove("CanonicalTagName");
        return tag;
    }

    private static void AddDetail(List<ChangeDetail> details, string name, ThreeWay.ThreeWayOutcome outcome, bool inSource)
    {
        // "Up to date" tags are not worth a line; a person's tag kept is (it explains why the set is not drift).
        if (outcome.Action == ChangeAction.None && inSource)
        {
            return;
        }

        details.Add(new ChangeDetail($"tag \"{name}\"", outcome.Action, outcome.Rule, outcome.Reason, outcome.IsDrift));
    }
}
