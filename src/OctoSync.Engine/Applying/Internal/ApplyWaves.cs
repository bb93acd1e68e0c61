using System.Text.Json.Nodes;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// Cuts a plan (already in dependency order) into waves that may be written with bounded parallelism and still
/// respect every dependency. A change without an <see cref="Change.Owner"/> (environments, lifecycles, library
/// variable sets, tenants, …) is a wave of its own: everything before it is written first, everything after it
/// waits. A run of consecutive owned changes (a project's settings, channels, runbooks, process and variables) is one
/// wave, grouped by owner: the groups run at once, each group's changes in plan order. A change that refers (by a
/// <see cref="ReferenceToken"/>) to an object another group of the running wave creates — a step that deploys a
/// release of another new project — starts a new wave, so the object exists before it is needed.
/// </summary>
internal static class ApplyWaves
{
    /// <summary>Waves in order; each a list of groups; each group a list of change indexes in plan order.</summary>
    public static List<List<List<int>>> Of(IReadOnlyList<Change> changes)
    {
        var waves = new List<List<List<int>>>();
        Wave? wave = null;
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Owner is null)
            {
                Close(ref wave, waves);
                waves.Add([[i]]);
                continue;
            }

            if (wave is not null && change.Writes && wave.NeedsOtherGroup(change))
            {
                Close(ref wave, waves);
            }

            wave ??= new Wave();
            wave.Add(i, change);
        }

        Close(ref wave, waves);
        return waves;
    }

    private static void Close(ref Wave? wave, List<List<List<int>>> waves)
    {
        if (wave is not null)
        {
            waves.Add(wave.Groups);
            wave = null;
        }
    }

    private sealed class Wave
    {
        private readonly Dictionary<string, List<int>> _byOwner = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _ownerByToken = new(StringComparer.OrdinalIgnoreCase);

        public List<List<int>> Groups { get; } = [];

        public void Add(int index, Change change)
        {
            var owner = change.Owner!;
            if (!_byOwner.TryGetValue(owner, out var group))
            {
                group = [];
                _byOwner[owner] = group;
                Groups.Add(group);
            }

            group.Add(index);
            if (change.Action == ChangeAction.Create)
            {
                _ownerByToken[ReferenceToken.For(change.Kind, change.Key)] = owner;
            }
        }

        public bool NeedsOtherGroup(Change change)
        {
            if (_ownerByToken.Count == 0)
            {
                return false;
            }

            foreach (var token in Tokens(change))
            {
                if (OwnerOf(token) is { } owner && !string.Equals(owner, change.Owner, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The owner of the wave's create a token text names: the whole text, or a prefix of it cut where
        /// a list or embedded JSON continues (the cut points <see cref="TokenResolver"/> uses).</summary>
        private string? OwnerOf(string text)
        {
            if (_ownerByToken.TryGetValue(text, out var owner))
            {
                return owner;
            }

            for (var cut = text.IndexOfAny([',', '"', '\n']); cut > 0; cut = text.IndexOfAny([',', '"', '\n'], cut + 1))
            {
                if (_ownerByToken.TryGetValue(text[..cut], out owner))
                {
                    return owner;
                }
            }

            return null;
        }
    }

    /// <summary>Every token occurrence in a change's target id and document, each with the text that follows it.</summary>
    private static IEnumerable<string> Tokens(Change change)
    {
        var found = new List<string>();
        Collect(change.DestinationId, found);
        Walk(change.After, found);
        return found;
    }

    private static void Walk(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Collect(name, found);
                    Walk(value, found);
                }

                break;
            case JsonArray arr:
                foreach (var item in arr)
                {
                    Walk(item, found);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                Collect(s, found);
                break;
        }
    }

    private static void Collect(string? text, List<string> found)
    {
        if (text is null)
        {
            return;
        }

        for (var at = text.IndexOf(ReferenceToken.Prefix, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(ReferenceToken.Prefix, at + ReferenceToken.Prefix.Length, StringComparison.Ordinal))
        {
            found.Add(text[at..]);
        }
    }
}
