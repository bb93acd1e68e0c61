namespace OctoSync.Engine.Configuration;

/// <summary>
/// The fully resolved rules for one destination (and, via <see cref="RuleSet.ForProject"/>, one project):
/// top-level <c>rules</c>, then the destination's <c>rules</c>, then <c>projects.&lt;name&gt;.rules</c>.
/// Defaults here are the documented defaults of spec §3.
/// </summary>
public sealed record SyncRules
{
    public EnvironmentRules Environments { get; init; } = new();
    /// <value>Default <see cref="LifecyclesMode.Skip"/>.</value>
    public LifecyclesMode Lifecycles { get; init; } = LifecyclesMode.Skip;
    /// <summary>Source lifecycle name → destination lifecycle name.</summary>
    public IReadOnlyDictionary<string, string> LifecycleMap { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    /// <value>Default <see cref="ChannelsMode.Sync"/>.</value>
    public ChannelsMode Channels { get; init; } = ChannelsMode.Sync;
    public StepRules Steps { get; init; } = new();
    public VariableRules Variables { get; init; } = new();
    /// <value>Default <see cref="ReferenceMode.ByName"/>.</value>
    public ReferenceMode Accounts { get; init; } = ReferenceMode.ByName;
    /// <value>Default <see cref="ReferenceMode.ByName"/>.</value>
    public ReferenceMode Certificates { get; init; } = ReferenceMode.ByName;
    public DeletionRules Deletions { get; init; } = new();
}

/// <summary><c>rules.deletions</c>: what happens on the destination to what OctoSync wrote once its source is gone (spec §6).</summary>
public sealed record DeletionRules
{
    /// <summary><c>rules.deletions.objects</c>: whole projects, tenants, library variable sets and step templates.</summary>
    /// <value>Default <see cref="DeletionMode.Report"/>: reported on every run, never removed.</value>
    public DeletionMode Objects { get; init; } = DeletionMode.Report;
}

/// <summary>Whether a whole object OctoSync created, gone from the source, is only reported or also removed.</summary>
public enum DeletionMode { Report, Remove }

public sealed record EnvironmentRules
{
    /// <value>Default false: environments belong to each instance.</value>
    public bool CreateMissing { get; init; }
}

public enum LifecyclesMode { Skip, Sync }

public enum ChannelsMode { Sync, Skip }

/// <summary>What happens to a step whose environment scope maps to nothing on the destination.</summary>
public enum ExcludedEnvironmentsMode { Skip, Unscope, Rescope }

/// <summary>What happens to a step scoped only to channels that are not on the destination.</summary>
public enum MissingChannelsMode { Skip, Unscope }

public enum DestinationOnlyStepsMode { Keep, Remove }

public sealed record StepRules
{
    public ExcludedEnvironmentsMode ExcludedEnvironments { get; init; } = ExcludedEnvironmentsMode.Skip;
    /// <summary>Destination environment names, used when <see cref="ExcludedEnvironments"/> is <c>rescope</c>.</summary>
    public IReadOnlyList<string> RescopeTo { get; init; } = [];
    public MissingChannelsMode MissingChannels { get; init; } = MissingChannelsMode.Skip;
    public DestinationOnlyStepsMode DestinationOnlySteps { get; init; } = DestinationOnlyStepsMode.Keep;
    /// <summary>Step name → override of the keys above (case-insensitive step names).</summary>
    public IReadOnlyDictionary<string, StepOverride> Overrides { get; init; } = new Dictionary<string, StepOverride>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules for one step: its override, if any, on top of these.</summary>
    public StepRules ForStep(string stepName) =>
        Overrides.TryGetValue(stepName, out var o)
            ? this with
            {
                ExcludedEnvironments = o.ExcludedEnvironments ?? ExcludedEnvironments,
                RescopeTo = o.RescopeTo ?? RescopeTo,
                MissingChannels = o.MissingChannels ?? MissingChannels,
                DestinationOnlySteps = o.DestinationOnlySteps ?? DestinationOnlySteps,
            }
            : this;
}

public sealed record StepOverride
{
    public ExcludedEnvironmentsMode? ExcludedEnvironments { get; init; }
    public IReadOnlyList<string>? RescopeTo { get; init; }
    public MissingChannelsMode? MissingChannels { get; init; }
    /// <summary>For a step that exists only on the destination: keep or remove that one step.</summary>
    public DestinationOnlyStepsMode? DestinationOnlySteps { get; init; }
}

/// <summary>How a scope dimension of a variable value is matched against the destination (spec §5.5).</summary>
public enum ScopeMatch { Exact, Partial, Ignore, NewOnly }

/// <summary>Variable scope dimensions as Octopus names them in <c>Scope</c> (ScopeField).</summary>
public enum ScopeDimension { Environment, Channel, ProcessOwner, Action, Role, Machine, TenantTag }

public enum WhenNoEnvironmentLeft { Skip, Unscope, Placeholder }

/// <summary>Recurring-sync overwrite policy (spec §6 table).</summary>
public enum OverwriteMode { Never, Unchanged, Always }

public enum SensitiveMode { Placeholder, Skip }

/// <summary>Variable values that are ids of accounts, certificates or worker pools.</summary>
public enum ValueReferenceMode { ByName, Skip, Empty }

/// <summary>Accounts and certificates (spec §5.6).</summary>
public enum ReferenceMode { ByName, Placeholder, Skip }

public sealed record VariableRules
{
    public ScopeMatch ScopeMatch { get; init; } = ScopeMatch.Partial;
    public IReadOnlyDictionary<ScopeDimension, ScopeMatch> ScopeMatchBy { get; init; } = new Dictionary<ScopeDimension, ScopeMatch>();
    public WhenNoEnvironmentLeft WhenNoEnvironmentLeft { get; init; } = WhenNoEnvironmentLeft.Placeholder;
    public OverwriteMode Overwrite { get; init; } = OverwriteMode.Unchanged;
    public string Placeholder { get; init; } = "Replace Me";
    public SensitiveMode Sensitive { get; init; } = SensitiveMode.Placeholder;
    public ValueReferenceMode References { get; init; } = ValueReferenceMode.ByName;

    /// <summary>The match mode of one dimension: <c>scopeMatchBy</c> if set, else <c>scopeMatch</c>.</summary>
    public ScopeMatch For(ScopeDimension dimension) => ScopeMatchBy.TryGetValue(dimension, out var m) ? m : ScopeMatch;
}
