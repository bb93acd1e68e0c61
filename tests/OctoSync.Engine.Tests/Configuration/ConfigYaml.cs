namespace OctoSync.Engine.Tests.Configuration;

/// <summary>YAML used by the configuration tests.</summary>
internal static class ConfigYaml
{
    /// <summary>The configuration of spec §3, verbatim.</summary>
    public const string Spec = """
        source:
          url: https://devtest.octopus.example        # Octopus Server URL
          apiKey: ${OCTOPUS_SOURCE_API_KEY}            # ${NAME} is read from the environment
          space: Default                               # space name; default: the instance's default space

        destinations:
          - name: prod                                 # label used in the plan, the reports and the state
            url: https://prod.octopus.example
            apiKey: ${OCTOPUS_PROD_API_KEY}
            space: Default
            environments:                              # source environment -> destination environment
              Test: Staging                            # an unlisted source environment maps to the destination
                                                       # environment of the same name if there is one,
                                                       # otherwise it is EXCLUDED on this destination
            rules: {}                                  # optional: overrides of the top-level rules for this destination

        select:                                        # what to sync; names or globs; exclude wins over include
          projects: ["*"]
          excludeProjects: []
          libraryVariableSets: ["*"]
          tenants: connected                           # connected | all | none | [names or globs]
          # also: projectGroups, stepTemplates, scriptModules, tagSets, feeds, workerPools, accounts, certificates

        rules:
          environments:
            createMissing: false                       # never create environments on the destination by default
          lifecycles: skip                             # skip | sync
          lifecycleMap: {}                             # source lifecycle name -> destination lifecycle name
          channels: sync                               # sync | skip
          steps:
            excludedEnvironments: skip                 # a step whose environment scope maps to nothing here: skip | unscope | rescope
            rescopeTo: []                              # destination environments, when excludedEnvironments: rescope
            missingChannels: skip                      # a step scoped only to channels not on the destination: skip | unscope
            destinationOnlySteps: keep                 # keep | remove
            overrides: {}                              # step name -> any of the keys above, e.g.
                                                       #   "QA sign-off": { excludedEnvironments: rescope, rescopeTo: [Staging] }
          variables:
            scopeMatch: partial                        # exact | partial | ignore | new-only (see §5)
            scopeMatchBy: {}                           # per dimension: Environment, Channel, ProcessOwner, Action, Role, Machine, TenantTag
            whenNoEnvironmentLeft: placeholder         # values whose every environment is excluded: skip | unscope | placeholder
            overwrite: unchanged                       # never | unchanged | always (see §6)
            placeholder: "Replace Me"
            sensitive: placeholder                     # new sensitive values: placeholder | skip
            references: by-name                        # values that are accounts, certificates, worker pools: by-name | skip | empty
          accounts: by-name                            # by-name | placeholder | skip
          certificates: by-name                        # by-name | placeholder | skip

        projects:                                      # per-project overrides of any rule
          OctoFx:
            rules:
              steps:
                overrides:
                  "Approve release": { excludedEnvironments: rescope, rescopeTo: [Staging] }

        state:
          path: .octosync/state                        # where recurring-sync state is kept (one file per destination)
        """;

    /// <summary>The smallest valid configuration.</summary>
    public const string Minimal = """
        source:
          url: https://devtest.octopus.example
          apiKey: ${SRC_KEY}
        destinations:
          - name: prod
            url: https://prod.octopus.example
            apiKey: ${PROD_KEY}
        """;

    public static readonly Dictionary<string, string> Environment = new()
    {
        ["OCTOPUS_SOURCE_API_KEY"] = "API-SOURCESECRET",
        ["OCTOPUS_PROD_API_KEY"] = "API-PRODSECRET",
        ["SRC_KEY"] = "API-SRCSECRET",
        ["PROD_KEY"] = "API-PRODSECRET2",
    };

    public static string? Env(string name) => Environment.GetValueOrDefault(name);
}
