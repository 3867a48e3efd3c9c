#!/usr/bin/env python3
"""The JSON Schemas of docs/schemas/ against the YAML files they describe.

Every samples/**/*.yaml names its schema on its first line, as
yaml-language-server reads it (`# yaml-language-server: $schema=PATH`, PATH
relative to the file). A file under a folder whose name starts with
`invalid` must be rejected by its schema, every other one accepted;
docs/schemas/invalid/*.yaml are rejected too (the loaders refuse them as
well: Tests/EngineTests/ConfigSchemaTests.swift). The YAML examples of
docs/running.md and docs/policy.md (a block with `call:` is a scenario, one
with `profiles:` a directory) must be valid too.

Needs the jsonschema package (`pip install jsonschema`) and PyYAML.
Prints one line per problem and closes with "N passed, N failed".
"""
import json
import pathlib
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:
    print(f"check-schemas: {error}: install it with `pip install jsonschema pyyaml`", file=sys.stderr)
    sys.exit(2)

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
# Files that cannot carry the line yet, and why.
PENDING = {
    "samples/directory.yaml": "Sources/connexml/BundledDirectory.swift embeds it byte for byte; both change together",
}


class YAML12Loader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1; editors and Yams read 1.2: there, an unquoted
    2026-01-05T09:30:00Z is text and `yes`/`no` are not booleans."""


YAML12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
YAML12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def schema_path(file: pathlib.Path, text: str):
    first = text.split("\n", 1)[0]
    match = MODELINE.match(first)
    if match:
        return (file.parent / match.group(1)).resolve(), None
    relative = file.relative_to(ROOT).as_posix()
    name = "scenario" if file.name.endswith(".scenario.yaml") else "directory"
    guessed = ROOT / "docs" / "schemas" / f"{name}.schema.json"
    if relative in PENDING:
        return guessed, None
    return guessed, f"line 1: expected '# yaml-language-server: $schema=PATH', found {first!r}"


def validators():
    cache = {}

    def validator(path: pathlib.Path):
        if path not in cache:
            schema = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.Draft7Validator.check_schema(schema)
            cache[path] = jsonschema.Draft7Validator(schema)
        return cache[path]

    return validator


def main() -> int:
    validator = validators()
    files = sorted((ROOT / "samples").rglob("*.yaml")) + sorted((ROOT / "docs" / "schemas" / "invalid").glob("*.yaml"))
    passed, failed = 0, 0
    for file in files:
        relative = file.relative_to(ROOT).as_posix()
        text = file.read_text(encoding="utf-8")
        path, problem = schema_path(file, text)
        if problem is None and not path.is_file():
            problem = f"line 1: the schema {path} does not exist"
        if problem is None:
            errors = list(validator(path).iter_errors(yaml.load(text, Loader=YAML12Loader)))
            should_fail = any(part.startswith("invalid") for part in file.relative_to(ROOT).parts[:-1])
            if should_fail and not errors:
                problem = f"{path.name} accepts it, but it is an invalid example"
            elif not should_fail and errors:
                problem = "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors[:5])
        if problem:
            failed += 1
            print(f"{relative}: {problem}")
        else:
            passed += 1
    examples = 0
    for markdown in ("docs/running.md", "docs/policy.md"):
        for block in re.findall(r"```yaml\n(.*?)```", (ROOT / markdown).read_text(encoding="utf-8"), re.S):
            document = yaml.load(block, Loader=YAML12Loader)
            kind = "scenario" if isinstance(document, dict) and "call" in document else \
                "directory" if isinstance(document, dict) and "profiles" in document else None
            if kind is None:
                continue
            examples += 1
            errors = list(validator(ROOT / "docs" / "schemas" / f"{kind}.schema.json").iter_errors(document))
            if errors:
                failed += 1
                print(f"{markdown}: the {kind} example: {errors[0].message}")
            else:
                passed += 1
    if examples < 2:
        failed += 1
        print("docs/running.md, docs/policy.md: expected a scenario and a directory example")
    print(f"schemas: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
