// Runs the official Octopus TypeScript client (@octopusdeploy/api-client, pinned in package.json) against one
// server: spaces, environments, lifecycles, project groups, projects, channels, deployment and runbook processes,
// variables, runbooks, tenants, feeds (and a NuGet feed's subtype defaults) and tag sets (2026.3 shapes). Started by TypeScriptClientTests with
// OCTOPUS_URL, OCTOPUS_API_KEY and OCTOPUS_SERVER_VERSION set; prints one line per check and a summary.
"use strict";
const api = require("@octopusdeploy/api-client");
// The package ships FeedRepository without exporting it from its index.
const { FeedRepository } = require("@octopusdeploy/api-client/dist/features/feeds/feedRepository");

const url = process.env.OCTOPUS_URL;
const apiKey = process.env.OCTOPUS_API_KEY;
const version = process.env.OCTOPUS_SERVER_VERSION || "";
if (!url || !apiKey) {
  console.error("OCTOPUS_URL and OCTOPUS_API_KEY must be set");
  process.exit(2);
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push([name, false]);
    const detail = e && e.message ? e.message : String(e);
    console.log(`FAIL ${name}: ${detail}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

(async () => {
  const client = await api.Client.create({ instanceURL: url, apiKey, userAgentApp: "octosync-conformance" });
  const space = "Default";
  const suffix = Date.now().toString(36);
  let environment, lifecycle, group, project, runbook, tenant, tagSet;

  await check("server information reports the version", async () => {
    const info = await client.getServerInformation();
    assert(info.version === version, `version ${info.version}, expected ${version}`);
  });
  await check("spaces: list and resolve Default", async () => {
    const spaces = await new api.SpaceRepository(client).list({ partialName: space });
    assert(spaces.Items.some((s) => s.Name === space), "Default space not listed");
  });
  await check("environments: create, get, list, modify", async () => {
    const repo = new api.EnvironmentRepository(client, space);
    environment = await repo.create({ Name: `Dev-${suffix}` });
    const got = await repo.get(environment.Id);
    assert(got.Name === environment.Name, "get returned another name");
    const list = await repo.list({ partialName: suffix });
    assert(list.Items.length === 1, `list found ${list.Items.length}`);
    environment = await repo.modify({ ...got, Description: "changed by the TypeScript client" });
    assert(environment.Description === "changed by the TypeScript client", "modify lost Description");
  });
  await check("lifecycles: create with a phase, read phases back whole", async () => {
    const repo = new api.LifecycleRepository(client, space);
    lifecycle = await repo.create({
      Name: `Lifecycle-${suffix}`,
      Phases: [{ Name: "Dev", AutomaticDeploymentTargets: [environment.Id], OptionalDeploymentTargets: [], MinimumEnvironmentsBeforePromotion: 0, IsOptionalPhase: false }],
      ReleaseRetentionPolicy: { QuantityToKeep: 1, ShouldKeepForever: false, Unit: "Items" },
      TentacleRetentionPolicy: { QuantityToKeep: 1, ShouldKeepForever: false, Unit: "Items" },
    });
    const got = await repo.get(lifecycle.Id);
    const phase = got.Phases[0];
    assert(phase && "ReleaseRetentionPolicy" in phase && "IsOptionalPhase" in phase, "phase lacks its retention policy or IsOptionalPhase");
  });
  await check("project groups: create", async () => {
    group = await new api.ProjectGroupRepository(client, space).create({ Name: `Group-${suffix}` });
    assert(group.Id, "no Id");
  });
  await check("projects: create, get, list, modify", async () => {
    const repo = new api.ProjectRepository(client, space);
    project = await repo.create({ Name: `Project-${suffix}`, LifecycleId: lifecycle.Id, ProjectGroupId: group.Id });
    const got = await repo.get(project.Id);
    assert(got.Links && got.Links.DeploymentProcess, "no DeploymentProcess link");
    const list = await repo.list({ partialName: suffix });
    assert(list.Items.length === 1, `list found ${list.Items.length}`);
    project = await repo.modify({ ...got, Description: "changed" });
    assert(project.Description === "changed", "modify lost Description");
  });
  await check("channels: the project's Default channel", async () => {
    const channels = await client.get(project.Links.Channels.replace(/\{.*\}$/, ""));
    assert(channels.Items.length === 1 && channels.Items[0].IsDefault, "expected one default channel");
  });
  await check("deployment process: get, add a step, update", async () => {
    const repo = new api.DeploymentProcessRepository(client, space);
    const process = await repo.get(project);
    process.Steps = [{
      Name: "Say hello",
      Properties: { "Octopus.Action.TargetRoles": "web" },
      Actions: [{ Name: "Say hello", ActionType: "Octopus.Script", Properties: { "Octopus.Action.Script.ScriptBody": "echo hello", "Octopus.Action.RunOnServer": "true" } }],
    }];
    const saved = await repo.update(project, process);
    assert(saved.Steps.length === 1 && saved.Version === process.Version + 1, "step not saved or Version not bumped");
  });
  await check("variables: read and write the project variable set", async () => {
    const set = await client.get(project.Links.Variables);
    set.Variables.push({ Name: "Greeting", Value: "Hello", Type: "String", IsSensitive: false, Scope: {} });
    const saved = await client.doUpdate(set.Links.Self, set);
    assert(saved.Variables.some((v) => v.Name === "Greeting"), "variable not saved");
  });
  await check("runbooks: create, get the runbook process, update it", async () => {
    const runbooks = new api.RunbookRepository(client, space, project);
    runbook = await runbooks.create({ Name: `Runbook-${suffix}`, ProjectId: project.Id });
    const processes = new api.RunbookProcessRepository(client, space, project);
    const process = await processes.get(runbook);
    process.Steps = [{ Name: "Restart", Properties: {}, Actions: [{ Name: "Restart", ActionType: "Octopus.Script", Properties: { "Octopus.Action.Script.ScriptBody": "echo restart", "Octopus.Action.RunOnServer": "true" } }] }];
    const saved = await processes.update(process);
    assert(saved.Steps.length === 1, "runbook step not saved");
  });
  await check("tag sets: create with a tag", async () => {
    tagSet = await new api.TagSetRepository(client, space).create({ Name: `Region-${suffix}`, Tags: [{ Name: "EU", Color: "#333333" }] });
    assert(tagSet.Tags[0].CanonicalTagName === `Region-${suffix}/EU`, "no CanonicalTagName");
  });
  await check("tenants: create connected to the project, read legacy variables", async () => {
    const repo = new api.TenantRepository(client, space);
    tenant = await repo.create({ Name: `Tenant-${suffix}`, TenantTags: [`Region-${suffix}/EU`], ProjectEnvironments: { [project.Id]: [environment.Id] } });
    const variables = await repo.getVariables(tenant);
    assert(variables.TenantId === tenant.Id || variables.Id, "no tenant variables document");
  });
  await check("feeds: list the built-in feed", async () => {
    const feeds = await new FeedRepository(client, space).list({ take: 100 });
    assert(feeds.Items.some((f) => f.FeedType === "BuiltIn"), "no built-in feed");
  });
  await check("feeds: create a NuGet feed, read its subtype defaults (NugetFeed/RetryFeed), delete it", async () => {
    const repo = new FeedRepository(client, space);
    const feed = await repo.create({ Name: `NuGet-${suffix}`, FeedType: "NuGet", FeedUri: "https://api.nuget.org/v3/index.json" });
    assert(feed.DownloadAttempts === 5 && feed.DownloadRetryBackoffSeconds === 10, `retries ${feed.DownloadAttempts}/${feed.DownloadRetryBackoffSeconds}`);
    assert(feed.EnhancedMode === false, `EnhancedMode ${feed.EnhancedMode}`);
    await repo.del(feed);
  });
  await check("tag sets: 2026.3 carries Scopes/Type/IsSystem, earlier versions do not", async () => {
    const later = version.startsWith("2026.3");
    const has = ["Scopes", "Type", "IsSystem"].filter((f) => f in tagSet);
    assert(has.length === (later ? 3 : 0), `fields ${has.join(",") || "none"} on ${version}`);
    if (later) assert(tagSet.Type === "MultiSelect" && tagSet.Scopes.join() === "Tenant", `Type ${tagSet.Type}, Scopes ${tagSet.Scopes}`);
  });
  await check("clean up: delete tenant, project, lifecycle, environment", async () => {
    await new api.TenantRepository(client, space).del(tenant);
    await new api.ProjectRepository(client, space).del(project);
    await new api.LifecycleRepository(client, space).del(lifecycle);
    await new api.EnvironmentRepository(client, space).del(environment);
  });

  const passed = results.filter((r) => r[1]).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
