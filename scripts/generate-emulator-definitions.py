#!/usr/bin/env python3
"""Extracts the resource definitions the emulator models from the real Octopus Server 2021.2.4488 Swagger.

Usage: scripts/generate-emulator-definitions.py [path/to/octopus-swagger-2021.2.4488.json]
Writes src/OctoSync.Emulator/Resources/Definitions/swagger-2021.2.json: the main resources and every definition
they reference (transitively), with only `properties`, `$ref`, `type`, `format`, `enum`, `items` and
`additionalProperties` kept. The emulator completes each stored document from these (docs/emulator.md).
"""
import json
import os
import sys

ROOTS = [
    "SpaceResource", "EnvironmentResource", "LifecycleResource", "ProjectGroupResource", "ProjectResource",
    "ChannelResource", "DeploymentProcessResource", "RunbookResource", "RunbookProcessResource", "VariableSetResource",
    "LibraryVariableSetResource", "TenantResource", "TagSetResource", "AccountResource", "CertificateResource",
    "WorkerPoolResource", "FeedResource", "ActionTemplateResource", "DeploymentTargetResource", "WorkerResource",
    "MachinePolicyResource", "TeamResource", "UserResource", "DeploymentSettingsResource", "TenantVariableResource",
    # Releases and what they lead to (issue #12): ReleaseResource, DeploymentResource, TaskResource, PackageVersionResource.
    "ReleaseResource", "DeploymentResource", "TaskResource", "PackageVersionResource", "PackageFromBuiltInFeedResource",
]
KEEP = {"properties", "$ref", "type", "format", "enum", "items", "additionalProperties"}

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "reference", "octopus-swagger-2021.2.4488.json")
definitions = json.load(open(source, encoding="utf-8"))["definitions"]


def trim(node):
    if isinstance(node, dict):
        return {k: trim(v) for k, v in node.items() if k in KEEP or not k in ("description", "readOnly", "uniqueItems", "x-nullable", "required", "example")
                and k not in ("title",)} if "properties" not in node else {
            "type": node.get("type", "object"), "properties": {k: trim(v) for k, v in node["properties"].items()}}
    if isinstance(node, list):
        return [trim(x) for x in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref:
            found.add(ref.split("/")[-1])
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


wanted, queue = set(), list(ROOTS)
while queue:
    name = queue.pop()
    if name in wanted or name not in definitions:
        continue
    wanted.add(name)
    found = set()
    refs(definitions[name], found)
    queue.extend(found - wanted)

out = {name: trim(definitions[name]) for name in sorted(wanted)}
target = os.path.join(repo, "src", "OctoSync.Emulator", "Resources", "Definitions", "swagger-2021.2.json")
os.makedirs(os.path.dirname(target), exist_ok=True)
with open(target, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"{len(out)} definitions -> {os.path.relpath(target, repo)}")
